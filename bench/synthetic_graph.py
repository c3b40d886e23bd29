"""A graph shaped like kg's RDF model, built straight from generated stories (no extractor needed).

The store had to be chosen before the extractor and the mapping existed, so the measurement builds the
graph the architecture describes directly from the generator's facts: one named graph per article
(the Article, its Visits, Awards and Memberships with their Evidence, the agency names written there),
`kgg:entities` (agencies, regions, officials, once each) and `kgg:summary` (one `kg:VisitPair` per
visitor→host pair with its count and first/last dates). About 45 triples per article, as in a real build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from corpus_facts import AgencyRef, Story, sample_story
from corpus_text import person_text
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

BASE = "https://w3id.org/kgid/"
KG, KGI, KGG, KGT = f"{BASE}ontology#", f"{BASE}id/", f"{BASE}graph/", f"{BASE}topic/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA, ORG, PROV, OA = (
    "https://schema.org/",
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/ns/oa#",
)
FOAF = "http://xmlns.com/foaf/0.1/"
ENTITIES, SUMMARY = NamedNode(f"{KGG}entities"), NamedNode(f"{KGG}summary")


def kg(name: str) -> NamedNode:
    return NamedNode(KG + name)


def _typed(value: object, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def agency_iri(ref: AgencyRef) -> NamedNode:
    return NamedNode(f"{KGI}agency/{ref.type_id}" + (f"/{ref.region.code}" if ref.region else ""))


class GraphBuilder:
    """Accumulates quads for many stories; entities and visit pairs are emitted once, at the end."""

    def __init__(self) -> None:
        self.entities: dict[str, list[Quad]] = {}
        self.pairs: dict[tuple[str, str], list] = {}  # (visitor, host) → [visit IRIs, first, last]

    def _entity(self, key: str, quads: list[tuple[NamedNode, NamedNode, object]]) -> None:
        if key not in self.entities:
            self.entities[key] = [Quad(s, p, o, ENTITIES) for s, p, o in quads]

    def _agency(self, ref: AgencyRef) -> NamedNode:
        iri = agency_iri(ref)
        name = ref.type_id + (f" {ref.region.official}" if ref.region else "")
        triples = [
            (iri, RDF_TYPE, kg("Agency")),
            (iri, NamedNode(SKOS + "prefLabel"), Literal(name)),
            (iri, kg("key"), Literal(ref.key)),
            (iri, kg("agencyType"), NamedNode(f"{KGI}agency-type/{ref.type_id}")),
            (iri, kg("resolved"), _typed("true", "boolean")),
        ]
        if ref.region:
            region = NamedNode(f"{KGI}region/{ref.region.code}")
            triples.append((iri, kg("serves"), region))
            self._entity(
                ref.region.code,
                [
                    (region, RDF_TYPE, kg("Region")),
                    (region, NamedNode(SKOS + "prefLabel"), Literal(ref.region.official)),
                    (region, kg("regionCode"), Literal(ref.region.code)),
                ],
            )
        self._entity(ref.key, triples)
        return iri

    def _evidence(self, article: NamedNode, art_id: str, n: int, text: str) -> tuple:
        ev = NamedNode(f"{KGI}evidence/{art_id}/{n}")
        start = n * 120
        return ev, [
            (ev, RDF_TYPE, kg("Evidence")),
            (ev, kg("inArticle"), article),
            (ev, NamedNode(OA + "start"), _typed(start, "nonNegativeInteger")),
            (ev, NamedNode(OA + "end"), _typed(start + len(text), "nonNegativeInteger")),
            (ev, NamedNode(OA + "exact"), Literal(text)),
            (ev, kg("rule"), Literal("bench.synthetic")),
            (ev, kg("confidence"), _typed("0.9", "decimal")),
        ]

    def story_quads(self, art_id: str, story: Story) -> Iterator[Quad]:
        """The article's named graph; records the entities and visit pairs it touches."""
        graph = NamedNode(f"{KGG}article/{art_id}")
        art = NamedNode(f"{KGI}article/{art_id}")
        triples: list[tuple] = [
            (art, RDF_TYPE, kg("Article")),
            (art, kg("articleId"), Literal(art_id)),
            (art, NamedNode(SCHEMA + "url"), _typed(f"https://example.org/{art_id}", "anyURI")),
            (art, NamedNode(SCHEMA + "headline"), Literal(f"Berita {art_id}")),
            (art, NamedNode(SCHEMA + "publisher"), Literal("Warta Bench")),
            (art, NamedNode(SCHEMA + "datePublished"), _typed(story.published.isoformat(), "date")),
            (art, kg("contentHash"), Literal(_digest(art_id))),
        ]
        n = 0
        for visit in story.visits:
            keys = sorted(a.key for a in visit.visitors)
            day = visit.date.isoformat() if visit.date else art_id
            node = NamedNode(f"{KGI}visit/{_digest(*keys, visit.host.key, day)}")
            n += 1
            ev, ev_triples = self._evidence(art, art_id, n, f"kunjungan ke {visit.host.key}")
            host = self._agency(visit.host)
            triples += [
                (node, RDF_TYPE, kg("Visit")),
                (node, RDFS_LABEL, Literal(f"{keys} → {visit.host.key}")),
                (node, NamedNode(PROV + "wasDerivedFrom"), art),
                (node, kg("host"), host),
                (node, kg("visitKind"), NamedNode(f"{KGI}visit-kind/{visit.kind}")),
                (node, kg("evidence"), ev),
                *ev_triples,
            ]
            triples += [(node, kg("topic"), NamedNode(KGT + t)) for t in visit.topics[:2]]
            if visit.date:
                triples.append(
                    (node, NamedNode(SCHEMA + "startDate"), _typed(visit.date.isoformat(), "date"))
                )
            if visit.place:
                triples.append(
                    (node, NamedNode(SCHEMA + "location"), NamedNode(f"{KGI}region/{visit.place}"))
                )
            for visitor in visit.visitors:
                v = self._agency(visitor)
                triples.append((node, kg("visitor"), v))
                pair = self.pairs.setdefault((v.value, host.value), [set(), None, None])
                pair[0].add(node.value)  # a visit reported by two articles is one visit
                if visit.date:
                    pair[1] = min(filter(None, (pair[1], visit.date)))
                    pair[2] = max(filter(None, (pair[2], visit.date)))
        for post in story.posts:
            n += 1
            agency = self._agency(post.agency)
            person = NamedNode(f"{KGI}person/{_digest(post.person.name)}/{post.agency.key.replace(':', '/')}")
            self._entity(
                person.value,
                [
                    (person, RDF_TYPE, kg("Official")),
                    (person, NamedNode(FOAF + "name"), Literal(post.person.name)),
                ],
            )
            member = NamedNode(f"{KGI}membership/{_digest(person.value, post.agency.key, post.role)}")
            ev, ev_triples = self._evidence(art, art_id, n, person_text(post.person))
            triples += [
                (member, RDF_TYPE, kg("Membership")),
                (member, NamedNode(ORG + "member"), person),
                (member, NamedNode(ORG + "organization"), agency),
                (member, NamedNode(ORG + "role"), NamedNode(f"{KGI}role/{post.role}")),
                (member, kg("roleTitle"), Literal(post.role)),
                (member, kg("attestedOn"), _typed(story.published.isoformat(), "date")),
                (member, kg("evidence"), ev),
                *ev_triples,
            ]
        for award in story.awards:
            n += 1
            node = NamedNode(f"{KGI}award/{_digest(award.name, award.recipient.key, str(award.year))}")
            triples += [
                (node, RDF_TYPE, kg("Award")),
                (node, NamedNode(SCHEMA + "name"), Literal(award.name)),
                (node, kg("recipient"), self._agency(award.recipient)),
                (node, NamedNode(PROV + "wasDerivedFrom"), art),
            ]
        yield from (Quad(s, p, o, graph) for s, p, o in triples)

    def closing_quads(self) -> Iterator[Quad]:
        """Shared entities once each, and the per-pair visit summary."""
        for quads in self.entities.values():
            yield from quads
        for (visitor, host), (visits, first, last) in self.pairs.items():
            pair = NamedNode(f"{KGI}visit-pair/{_digest(visitor, host)}")
            yield Quad(pair, RDF_TYPE, kg("VisitPair"), SUMMARY)
            yield Quad(pair, kg("pairVisitor"), NamedNode(visitor), SUMMARY)
            yield Quad(pair, kg("pairHost"), NamedNode(host), SUMMARY)
            yield Quad(pair, kg("visitCount"), _typed(len(visits), "integer"), SUMMARY)
            if first:
                yield Quad(pair, kg("firstVisit"), _typed(first.isoformat(), "date"), SUMMARY)
                yield Quad(pair, kg("lastVisit"), _typed(last.isoformat(), "date"), SUMMARY)


def write_nquads(path: Path, articles: int, seed: int = 1) -> int:
    """Write the graph of `articles` generated stories as N-Quads; returns the number of quads."""
    builder = GraphBuilder()
    count = 0

    def quads() -> Iterator[Quad]:
        nonlocal count
        for i in range(articles):
            for quad in builder.story_quads(f"gen-{seed}-{i:07d}", sample_story(seed, i)):
                count += 1
                yield quad
        for quad in builder.closing_quads():
            count += 1
            yield quad

    with path.open("wb") as out:
        serialize(quads(), out, RdfFormat.N_QUADS)
    return count

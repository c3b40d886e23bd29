"""The mapping stage: one article's `Extraction` becomes RDF, following the model in ARCHITECTURE.md.

Output is split in two because the store treats the halves differently: `facts` is the article's named
graph (kgg:article/{id}), replaced wholesale when the article is re-ingested, and `entities` holds the
descriptions that depend only on keys (agency names, regions, people's names, roles, topics), merged into
kgg:entities and identical whichever article produced them. Every node has a key-derived IRI and there
are no blank nodes, so the same input always gives the same triples and graphs round-trip exactly.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg import iri
from kg.errors import DataFileError
from kg.paths import ONTOLOGY_DIR
from kg.types import Agency, Award, Extraction, Post, Region, Span, Visit
from kg.vocab import FOAF, KG, OA, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, bind_prefixes

REGION_CLASS = {"provinsi": KG.Province, "kabupaten": KG.Regency, "kota": KG.City, "kecamatan": KG.District}
CAPACITY_PROPERTY = {"leader": KG.ledBy, "receiver": KG.receivedBy, "participant": KG.participant}


Triple = tuple[Node, Node, Node]


class _GraphField:
    """A field holding an rdflib Graph that may be given as bare triples, made into a Graph when first read.

    Filling an rdflib Graph costs more than the whole mapping (every `add` updates several indexes), and the
    store does not need one: it writes N-Triples from the triples. So the mapping hands over triples, the
    Graph is built only for callers that read `facts`/`entities` (validation, tests, resolutions), and
    `triples()` gives the store whichever form is there, without building anything.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}_value"

    def __get__(self, obj: Any, owner: type | None = None) -> Graph:
        if obj is None:
            raise AttributeError(self.slot)  # tells @dataclass the field has no default
        value = obj.__dict__[self.slot]
        if not isinstance(value, Graph):
            value = _to_graph(value)
            obj.__dict__[self.slot] = value  # from now on the Graph (which callers may edit) is the truth
        return value

    def __set__(self, obj: Any, value: Graph | Collection[Triple]) -> None:
        obj.__dict__[self.slot] = value

    def triples(self, obj: Any) -> Collection[Triple] | Graph:
        return obj.__dict__[self.slot]


@dataclass(frozen=True)
class ArticleGraphs:
    """The RDF of one article: its named graph's content and the shared entity descriptions it needs.

    `facts` and `entities` read as rdflib Graphs; they may be given as Graphs or as collections of triples.
    """

    article_id: str
    graph_iri: URIRef
    facts: Graph = _GraphField()  # type: ignore[assignment]
    entities: Graph = _GraphField()  # type: ignore[assignment]

    @property
    def fact_triples(self) -> Collection[Triple] | Graph:
        """The facts without building a Graph (the store's fast path); iterating gives (s, p, o)."""
        return ArticleGraphs.__dict__["facts"].triples(self)

    @property
    def entity_triples(self) -> Collection[Triple] | Graph:
        """The entity descriptions without building a Graph; iterating gives (s, p, o)."""
        return ArticleGraphs.__dict__["entities"].triples(self)


def _to_graph(triples: Iterable[Triple]) -> Graph:
    graph = bind_prefixes(Graph())
    for triple in triples:
        graph.add(triple)
    return graph


# ---------------------------------------------------------------------------------------------------
# Knowledge files
# ---------------------------------------------------------------------------------------------------


@cache
def load_turtle(path: Path) -> Graph:
    """Parse a Turtle knowledge file once (cached: do not mutate the result).

    A missing or broken file is a DataFileError naming the file; rdflib's message carries the line.
    """
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise DataFileError("file not found; kg needs it to describe the graph", source=str(path)) from exc
    except Exception as exc:  # rdflib raises several unrelated types for syntax errors
        raise DataFileError(f"not valid Turtle: {exc}", source=str(path)) from exc


def _copy(graph: Graph) -> Graph:
    out = bind_prefixes(Graph())
    for triple in graph:
        out.add(triple)
    return out


def ontology_graph() -> Graph:
    """ontology/kg.ttl as a new graph: classes, properties and the agency-type/role/visit-kind schemes."""
    return _copy(load_turtle(ONTOLOGY_DIR / "kg.ttl"))


def topic_scheme() -> Graph:
    """ontology/topics.ttl as a new graph: the SKOS topic concepts kgg:entities carries."""
    return _copy(load_turtle(ONTOLOGY_DIR / "topics.ttl"))


@cache
def _concept_triples(subject: URIRef) -> tuple[Triple, ...]:
    """The type, prefLabel and scheme of a concept from the ontology or the topic scheme, if it is there.

    Cached like the files it reads: the same few dozen concepts are asked for by every article.
    """
    for path in (ONTOLOGY_DIR / "kg.ttl", ONTOLOGY_DIR / "topics.ttl"):
        graph = load_turtle(path)
        triples = tuple((subject, p, o) for p, o in graph.predicate_objects(subject)
                        if p in (RDF.type, SKOS.prefLabel, SKOS.inScheme))
        if triples:
            return triples
    return ()


@cache
def _region_triples(region: Region) -> tuple[Triple, ...]:
    """A region and its parents as kgg:entities describes them; depends on the region alone, so cached."""
    node = iri.region(region.code)
    triples = [(node, RDF.type, KG.Region)]
    if region.level in REGION_CLASS:
        triples.append((node, RDF.type, REGION_CLASS[region.level]))
    triples += [(node, SKOS.prefLabel, Literal(region.name)), (node, KG.regionCode, Literal(region.code))]
    if region.parent:
        triples.append((node, KG.partOf, iri.region(region.parent.code)))
        triples += _region_triples(region.parent)
    return tuple(triples)


# ---------------------------------------------------------------------------------------------------
# Mapping
# ---------------------------------------------------------------------------------------------------


def map_extraction(extraction: Extraction) -> ArticleGraphs:
    """Map one article's extraction to its named-graph facts and the shared entity descriptions."""
    mapper = _Mapper(extraction)
    mapper.run()
    return ArticleGraphs(
        article_id=extraction.article.id,
        graph_iri=iri.article_graph(extraction.article.id),
        facts=mapper.facts,
        entities=mapper.entities,
    )


def agency_display(agency: Agency) -> str:
    """The short readable name used in labels: canonical short form when known, else the full name."""
    return agency.short_name or agency.name


class _Mapper:
    """Builds the two triple sets of one extraction; one instance per call, never shared."""

    def __init__(self, extraction: Extraction) -> None:
        self.x = extraction
        self.article = extraction.article
        self.article_iri = iri.article(self.article.id)
        self.facts: set[Triple] = set()
        self.entities: set[Triple] = set()

    def run(self) -> None:
        self._article()
        for agency in self.x.agencies:
            self._agency_mention(agency)
        self._agency_entities()
        for visit in self.x.visits:
            self._visit(visit)
        for award in self.x.awards:
            self._award(award)
        self._memberships()

    # -- article ------------------------------------------------------------------------------------

    def _article(self) -> None:
        a, node = self.article, self.article_iri
        add = self.facts.add
        add((node, RDF.type, KG.Article))
        add((node, KG.articleId, Literal(a.id)))
        add((node, KG.contentHash, Literal(a.content_hash)))
        if a.url:
            add((node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.title:
            add((node, SCHEMA.headline, Literal(a.title)))
        if a.publisher:
            add((node, SCHEMA.publisher, Literal(a.publisher)))
        if a.published:
            add((node, SCHEMA.datePublished, Literal(a.published)))
        if a.byline:
            add((node, SCHEMA.author, Literal(a.byline)))
        for mention in self.x.topics:
            add((node, KG.topic, self._topic(mention.topic_id)))

    def _evidence(self, subject: URIRef, span: Span, rule: str, confidence: float) -> None:
        """Attach a Web Annotation selector for `span` to a fact: offsets, quoted words, rule, confidence."""
        node = iri.evidence(self.article.id, span.start, span.end, rule)
        add = self.facts.add
        add((subject, KG.evidence, node))
        add((node, RDF.type, KG.Evidence))
        add((node, KG.inArticle, self.article_iri))
        add((node, OA["start"], Literal(span.start, datatype=XSD.integer)))
        add((node, OA["end"], Literal(span.end, datatype=XSD.integer)))
        add((node, OA["exact"], Literal(span.text(self.article.text))))
        add((node, KG.rule, Literal(rule)))
        add((node, KG.confidence, _confidence(confidence)))

    def _derived(self, subject: URIRef, label: str) -> None:
        self.facts.add((subject, RDFS.label, Literal(label)))
        self.facts.add((subject, PROV.wasDerivedFrom, self.article_iri))

    # -- agencies, regions, concepts ------------------------------------------------------------------

    def _all_agencies(self) -> list[Agency]:
        """Every agency the extraction mentions anywhere, in text order (deterministic)."""
        found: list[Agency] = list(self.x.agencies)
        for visit in self.x.visits:
            found.extend(visit.visitors)
            found.append(visit.host)
            found.extend(p.post.agency for p in visit.participants if p.post.agency)
        for award in self.x.awards:
            found.append(award.recipient)
            if award.awarder:
                found.append(award.awarder)
        found.extend(post.agency for post in self.x.posts if post.agency)
        return sorted(set(found), key=lambda a: (a.span, a.key, a.name, a.surface, a.short_name or ""))

    def _agency_mention(self, agency: Agency) -> None:
        """The name as written at a mention is an altLabel in the article's own graph.

        Only `Extraction.agencies` are mentions; an awarder filled in from the award lexicon has no words
        of its own in the text.
        """
        if agency.surface.strip():
            self.facts.add((iri.agency(agency.key), SKOS.altLabel, Literal(agency.surface.strip())))

    def _agency_entities(self) -> None:
        """One description per key, from its first mention in text order, so it does not depend on wording."""
        mentions: dict[str, list[Agency]] = {}
        for agency in self._all_agencies():
            mentions.setdefault(iri.normalise_key(agency.key), []).append(agency)
        for key, found in mentions.items():
            agency = found[0]
            # a mention made without region or type (e.g. a bare "DKISP") must not hide what another knew
            region = next((a.region for a in found if a.region), None)
            type_id = next((a.type_id for a in found if a.type_id), None)
            agency = replace(agency, region=region, type_id=type_id)
            node, add = iri.agency(key), self.entities.add
            add((node, RDF.type, KG.Agency))
            add((node, SKOS.prefLabel, Literal(agency.name)))
            add((node, KG.key, Literal(key)))
            add((node, KG.resolved, Literal(agency.resolved)))
            if agency.short_name and agency.short_name != agency.name:
                add((node, SKOS.altLabel, Literal(agency.short_name)))
            if agency.type_id and agency.resolved:
                add((node, KG.agencyType, self._concept(iri.agency_type(agency.type_id), KG.AgencyType,
                                                        agency.type_id)))
            if agency.region:
                add((node, KG.serves, self._region(agency.region)))

    def _region(self, region: Region) -> URIRef:
        """Describe a region and its parents in kgg:entities; returns its IRI."""
        triples = _region_triples(region)
        self.entities.update(triples)
        return triples[0][0]  # type: ignore[return-value]

    def _concept(self, node: URIRef, cls: URIRef, concept_id: str, label: str | None = None) -> URIRef:
        """Copy a controlled-vocabulary concept's type and label into kgg:entities.

        Ids the ontology does not list still get a type and a label (the lexicon's, else the id), but no
        skos:inScheme, so validation reports them instead of the fact silently vanishing.
        """
        known = _concept_triples(node)
        self.entities.update(known)
        if not known:
            self.entities.add((node, RDF.type, cls))
            self.entities.add((node, SKOS.prefLabel, Literal(label or concept_id.replace("-", " "))))
        return node

    def _topic(self, topic_id: str) -> URIRef:
        node = iri.topic(topic_id)
        self.entities.update(_concept_triples(node))
        return node

    # -- visits -----------------------------------------------------------------------------------------

    def _visit(self, visit: Visit) -> None:
        node = iri.visit([a.key for a in visit.visitors], visit.host.key, visit.date, self.article.id)
        add = self.facts.add
        add((node, RDF.type, KG.Visit))
        self._derived(node, visit_label(visit))
        for visitor in visit.visitors:
            add((node, KG.visitor, iri.agency(visitor.key)))
        add((node, KG.host, iri.agency(visit.host.key)))
        add((node, KG.visitKind, self._concept(iri.visit_kind(visit.kind), KG.VisitKind, visit.kind)))
        self._evidence(node, visit.span, visit.rule, visit.confidence)
        if visit.date:
            add((node, SCHEMA.startDate, Literal(visit.date)))
            if visit.date_span:
                self._evidence(node, visit.date_span, visit.rule, visit.confidence)
        if visit.place:
            if visit.place.region:
                add((node, SCHEMA.location, self._region(visit.place.region)))
            if visit.place.venue:
                add((node, KG.venue, Literal(visit.place.venue)))
            if visit.place.span:
                self._evidence(node, visit.place.span, visit.rule, visit.confidence)
        for part in visit.participants:
            add((node, CAPACITY_PROPERTY[part.capacity], self._person(part.post)))
        for mention in visit.topics:
            add((node, KG.topic, self._topic(mention.topic_id)))
        for related in visit.related:
            place_code = related.place.code if related.place else None
            event = iri.event(self.article.id, related.label, place_code)
            add((event, RDF.type, KG.Event))
            self._derived(event, related.label)
            if related.place:
                add((event, SCHEMA.location, self._region(related.place)))
            self._evidence(event, related.span, visit.rule, visit.confidence)
            add((node, KG.followUpOf if related.relation == "follow-up-of" else KG.relatedEvent, event))

    # -- awards -----------------------------------------------------------------------------------------

    def _award(self, award: Award) -> None:
        node = iri.award(award.name, award.recipient.key, award.year, award.predicate, award.category,
                         award.score)
        add = self.facts.add
        add((node, RDF.type, KG.Award))
        self._derived(node, award_label(award))
        add((node, SCHEMA.name, Literal(award.name)))
        add((node, KG.recipient, iri.agency(award.recipient.key)))
        if award.awarder:
            add((node, KG.awardedBy, iri.agency(award.awarder.key)))
        if award.year is not None:
            add((node, KG.year, Literal(award.year)))
        if award.predicate:
            add((node, KG.predicate, Literal(award.predicate)))
        if award.category:
            add((node, KG.category, Literal(award.category)))
        if award.score is not None:
            add((node, KG.score, Literal(iri.decimal_text(award.score), datatype=XSD.decimal)))
        if award.rank is not None:
            add((node, KG.rank, Literal(award.rank)))
        if award.out_of is not None:
            add((node, KG.rankOutOf, Literal(award.out_of)))
        self._evidence(node, award.span, award.rule, award.confidence)

    # -- officials and memberships --------------------------------------------------------------------------

    def _person(self, post: Post) -> URIRef:
        official = post.official
        node = iri.person(official.name, post.agency.key if post.agency else None)
        self.entities.add((node, RDF.type, KG.Official))
        self.entities.add((node, FOAF.name, Literal(official.name)))
        for honorific in official.honorifics:
            self.facts.add((node, KG.honorific, Literal(honorific)))
        for degree in official.degrees:
            self.facts.add((node, KG.academicDegree, Literal(degree)))
        return node

    def _memberships(self) -> None:
        """Every attested post, from the article's list and from visit participants, as a membership.

        The attestation date is the article's publication date; a visit participant in an undated article
        is attested on the visit's date.
        """
        attested: list[tuple[Post, date | None]] = [(post, self.article.published) for post in self.x.posts]
        for visit in self.x.visits:
            for part in visit.participants:
                attested.append((part.post, self.article.published or visit.date))
        for post, on in attested:
            person = self._person(post)
            agency_key = post.agency.key if post.agency else None
            node = iri.membership(person, agency_key, post.role_id)
            add = self.facts.add
            add((node, RDF.type, KG.Membership))
            self._derived(node, membership_label(post))
            add((node, ORG.member, person))
            if post.agency:
                add((node, ORG.organization, iri.agency(post.agency.key)))
            role = self._concept(iri.role(post.role_id), KG.Role, post.role_id, post.role_label)
            add((node, ORG.role, role))
            add((node, KG.roleTitle, Literal(post.title)))
            if on:
                add((node, KG.attestedOn, Literal(on)))
            self._evidence(node, post.span, post.rule, post.confidence)


# ---------------------------------------------------------------------------------------------------
# Labels and literals
# ---------------------------------------------------------------------------------------------------


def visit_label(visit: Visit) -> str:
    """`Diskominfo Berau → DKISP Kaltara (kunjungan kerja, 2025-12-18)`: the line `kg validate` shows."""
    visitors = ", ".join(agency_display(a) for a in visit.visitors) or "?"
    details = [visit.kind.replace("-", " ")]
    if visit.date:
        details.append(visit.date.isoformat())
    return f"{visitors} → {agency_display(visit.host)} ({', '.join(details)})"


def award_label(award: Award) -> str:
    """`Pemprov Kaltara: Anugerah Keterbukaan Informasi Publik 2025 (Informatif, rank 12 of 21)`."""
    title = award.name + (f" {award.year}" if award.year is not None else "")
    details = [d for d in (award.predicate, award.category) if d]
    if award.score is not None:
        details.append(f"score {iri.decimal_text(award.score)}")
    if award.rank is not None:
        details.append(f"rank {award.rank}" + (f" of {award.out_of}" if award.out_of is not None else ""))
    suffix = f" ({', '.join(details)})" if details else ""
    return f"{agency_display(award.recipient)}: {title}{suffix}"


def membership_label(post: Post) -> str:
    """`Iskandar Alwi: Kepala, DKISP Kaltara`."""
    where = f", {agency_display(post.agency)}" if post.agency else ""
    return f"{post.official.name}: {post.role_label or post.title}{where}"


def _confidence(value: float) -> Literal:
    """Confidence as an xsd:decimal with at most four places, so float noise never changes the triples."""
    return Literal(iri.decimal_text(Decimal(str(round(float(value), 4)))), datatype=XSD.decimal)


def merged(graphs: Iterable[Graph]) -> Graph:
    """One graph holding every triple of `graphs` (facts + entities, e.g. to validate an article alone)."""
    out = bind_prefixes(Graph())
    for graph in graphs:
        for triple in graph:
            out.add(triple)
    return out

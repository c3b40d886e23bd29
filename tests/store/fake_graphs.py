"""Hand-built article graphs shaped like ARCHITECTURE.md's model, so the store is tested on its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.errors import InputError
from kg.ingest import Stages
from kg.types import Article

KG = Namespace("https://w3id.org/kgid/ontology#")
KGI = Namespace("https://w3id.org/kgid/id/")
KGG = Namespace("https://w3id.org/kgid/graph/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


@dataclass(frozen=True)
class FakeArticleGraphs:
    article_id: str
    graph_iri: URIRef
    facts: Graph
    entities: Graph


def agency(key: str) -> URIRef:
    return KGI["agency/" + key.replace(":", "/")]


def make_article(article_id: str, *, visitor: str, host: str, day: date | None, content: str = "v1",
                 official: str | None = None, alias: str | None = None,
                 content_hash: str | None = None) -> FakeArticleGraphs:
    """One article reporting one visit (and optionally one official's post at the host)."""
    facts, entities = Graph(), Graph()
    article = KGI["article/" + article_id]
    facts.add((article, RDF.type, KG.Article))
    facts.add((article, KG.articleId, Literal(article_id)))
    facts.add((article, KG.contentHash, Literal(content_hash or f"hash-{article_id}-{content}")))
    visit = KGI[f"visit/{visitor}-{host}-{day}-{article_id if day is None else ''}".replace(":", "_")]
    facts.add((visit, RDF.type, KG.Visit))
    facts.add((visit, KG.visitor, agency(visitor)))
    facts.add((visit, KG.host, agency(host)))
    facts.add((visit, RDFS.label, Literal(f"{visitor} visits {host}")))
    facts.add((visit, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), article))
    if day is not None:
        facts.add((visit, SCHEMA.startDate, Literal(day.isoformat(), datatype=XSD_DATE)))
    if alias:
        facts.add((agency(host), SKOS.altLabel, Literal(alias)))
    for key in (visitor, host):
        entities.add((agency(key), RDF.type, KG.Agency))
        entities.add((agency(key), KG.key, Literal(key)))
        entities.add((agency(key), SKOS.prefLabel, Literal(f"Agency {key}")))
        code = key.partition(":")[2]
        if code:  # the region it serves, and the region's parents
            entities.add((agency(key), KG.serves, KGI["region/" + code]))
            while "." in code:
                parent = code.rsplit(".", 1)[0]
                entities.add((KGI["region/" + code], KG.partOf, KGI["region/" + parent]))
                code = parent
            entities.add((KGI["region/" + code], SKOS.prefLabel, Literal(f"Region {code}")))
    if official:
        person = KGI[f"person/{official.lower().replace(' ', '-')}/{host.replace(':', '/')}"]
        membership = KGI[f"membership/{official.lower().replace(' ', '-')}-{host}"]
        entities.add((person, RDF.type, KG.Official))
        entities.add((person, FOAF.name, Literal(official)))
        facts.add((membership, RDF.type, KG.Membership))
        facts.add((membership, ORG.member, person))
        facts.add((membership, ORG.organization, agency(host)))
        if day is not None:
            facts.add((membership, KG.attestedOn, Literal(day.isoformat(), datatype=XSD_DATE)))
    return FakeArticleGraphs(article_id, KGG["article/" + article_id], facts, entities)


def fake_read(paths, on_problem):
    """Articles from .txt files: each line `visitor host date|none [official]`; non-UTF-8 is a problem."""
    for root in paths:
        files = sorted(Path(root).rglob("*.txt")) if Path(root).is_dir() else [Path(root)]
        for path in files:
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                on_problem(InputError("is not UTF-8 text", source=str(path)))
                continue
            yield Article(id=path.stem, text=text, source=str(path))


def fake_to_rdf(article: Article) -> FakeArticleGraphs:
    """The graphs of a fake article (its first line only), with the article's real content hash."""
    parts = article.text.split()
    if len(parts) < 3:
        raise InputError("says nothing", source=article.source)
    day = None if parts[2] == "none" else date.fromisoformat(parts[2])
    official = " ".join(parts[3:]) or None
    return make_article(article.id, visitor=parts[0], host=parts[1], day=day, official=official,
                        content_hash=article.content_hash)


FAKE_STAGES = Stages(read=fake_read, extract=lambda article: article, to_rdf=fake_to_rdf)

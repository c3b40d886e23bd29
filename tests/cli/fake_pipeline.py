"""A stand-in extractor for CLI tests of the store commands: each article's first line says its facts.

`visitor-key host-key YYYY-MM-DD|none` → one visit, mapped with the real IRIs, so the commands are tested
without depending on what the real extractor makes of prose.
"""

from __future__ import annotations

from datetime import date

from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import SKOS, XSD

from kg import iri
from kg.errors import InputError
from kg.ingest import Stages, _read_files
from kg.rdfmap import ArticleGraphs

KG = Namespace("https://w3id.org/kgid/ontology#")
SCHEMA = Namespace("https://schema.org/")


def fake_map(article) -> ArticleGraphs:
    words = article.text.split()
    if len(words) < 3:
        raise InputError("no facts line", source=article.source)
    visitor, host, day = words[0], words[1], None if words[2] == "none" else date.fromisoformat(words[2])
    facts, entities = Graph(), Graph()
    node = iri.article(article.id)
    facts.add((node, RDF.type, KG.Article))
    facts.add((node, KG.articleId, Literal(article.id)))
    facts.add((node, KG.contentHash, Literal(article.content_hash)))
    visit = iri.visit([visitor], host, day, article.id)
    facts.add((visit, RDF.type, KG.Visit))
    facts.add((visit, RDFS.label, Literal(f"{visitor} → {host}")))
    facts.add((visit, KG.visitor, iri.agency(visitor)))
    facts.add((visit, KG.host, iri.agency(host)))
    if day:
        facts.add((visit, SCHEMA.startDate, Literal(day.isoformat(), datatype=XSD.date)))
    for key in (visitor, host):
        entities.add((iri.agency(key), RDF.type, KG.Agency))
        entities.add((iri.agency(key), KG.key, Literal(key)))
        entities.add((iri.agency(key), SKOS.prefLabel, Literal(f"Agency {key}")))
    return ArticleGraphs(article.id, iri.article_graph(article.id), facts, entities)


FAKE_STAGES = Stages(read=_read_files, extract=lambda article: article, to_rdf=fake_map)


def stored_quads(store_dir) -> set[bytes]:
    """Everything a store holds (N-Quads lines), comparable between runs."""
    import pyoxigraph as ox

    from kg.store.embedded import open_store

    with open_store(store_dir, readonly=True) as store:
        return set(store.dump_dataset(ox.RdfFormat.N_QUADS).splitlines())

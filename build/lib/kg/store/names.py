"""The few IRIs the store itself needs: namespaces, the shared graphs, and the classes it summarises.

They restate ARCHITECTURE.md's RDF model as plain strings so the store does not depend on the mapping
room; `tests/store` checks they agree with what `kg.rdfmap` writes.
"""

from __future__ import annotations

KG = "https://w3id.org/kgid/ontology#"
KGI = "https://w3id.org/kgid/id/"
KGT = "https://w3id.org/kgid/topic/"
KGG = "https://w3id.org/kgid/graph/"

ENTITIES_GRAPH = KGG + "entities"
SUMMARY_GRAPH = KGG + "summary"
ARTICLE_GRAPH_PREFIX = KGG + "article/"
VISIT_PAIR_PREFIX = KGI + "visit-pair/"

PREFIXES = {
    "kg": KG,
    "kgi": KGI,
    "kgt": KGT,
    "kgg": KGG,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "time": "http://www.w3.org/2006/time#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
}

SPARQL_PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def is_article_graph(graph_iri: str) -> bool:
    """True for the per-article named graphs (`kgg:article/{id}`)."""
    return graph_iri.startswith(ARTICLE_GRAPH_PREFIX)

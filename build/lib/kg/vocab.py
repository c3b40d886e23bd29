"""The RDF vocabulary kg writes, in one place.

`KG` lists every class and property of ontology/kg.ttl and rejects any other name (a typo such as
`KG.vistor` fails at once instead of minting a term nobody queries); tests/mapping checks that this list
and the ontology file agree. The other constants are the standard vocabularies the model reuses.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace

BASE = "https://w3id.org/kgid/"

KGI = Namespace(BASE + "id/")
KGT = Namespace(BASE + "topic/")
KGG = Namespace(BASE + "graph/")
SCHEMA = SDO
OA = Namespace("http://www.w3.org/ns/oa#")


class KG(DefinedNamespace):
    """Classes and properties of the kg ontology (ontology/kg.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Agency: URIRef
    AgencyType: URIRef
    Region: URIRef
    Province: URIRef
    Regency: URIRef
    City: URIRef
    District: URIRef
    Official: URIRef
    Role: URIRef
    Membership: URIRef
    Visit: URIRef
    VisitKind: URIRef
    Event: URIRef
    Award: URIRef
    Article: URIRef
    Evidence: URIRef
    VisitPair: URIRef

    # agencies and regions
    key: URIRef
    agencyType: URIRef
    serves: URIRef
    resolved: URIRef
    regionCode: URIRef
    partOf: URIRef

    # officials and memberships
    honorific: URIRef
    academicDegree: URIRef
    roleTitle: URIRef
    attestedOn: URIRef
    firstAttested: URIRef
    lastAttested: URIRef

    # visits and events
    visitor: URIRef
    host: URIRef
    visitKind: URIRef
    venue: URIRef
    ledBy: URIRef
    receivedBy: URIRef
    participant: URIRef
    topic: URIRef
    followUpOf: URIRef
    relatedEvent: URIRef

    # awards
    recipient: URIRef
    awardedBy: URIRef
    year: URIRef
    predicate: URIRef
    category: URIRef
    score: URIRef
    rank: URIRef
    rankOutOf: URIRef

    # articles and evidence
    articleId: URIRef
    contentHash: URIRef
    evidence: URIRef
    inArticle: URIRef
    rule: URIRef
    confidence: URIRef

    # store summary
    pairVisitor: URIRef
    pairHost: URIRef
    visitCount: URIRef
    firstVisit: URIRef
    lastVisit: URIRef


PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "kg": KG,
    "kgi": KGI,
    "kgt": KGT,
    "kgg": KGG,
    "org": ORG,
    "prov": PROV,
    "schema": SCHEMA,
    "skos": SKOS,
    "foaf": FOAF,
    "oa": OA,
    "dcterms": DCTERMS,
    "time": TIME,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes so Turtle and JSON-LD output reads `kg:Visit`, not full IRIs; returns the graph."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, URIRef(str(namespace)), override=True, replace=True)
    return graph


__all__ = [
    "BASE", "DCTERMS", "FOAF", "KG", "KGG", "KGI", "KGT", "OA", "ORG", "OWL", "PREFIXES", "PROV", "RDF",
    "RDFS", "SCHEMA", "SKOS", "TIME", "XSD", "bind_prefixes",
]

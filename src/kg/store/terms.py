"""Moving RDF terms between pyoxigraph (the store) and rdflib (everything else in kg).

Readers, the mapping and pySHACL all speak rdflib; the store speaks pyoxigraph. Converting at the store's
edge keeps that choice invisible: a `SelectResult` row holds rdflib terms whichever store produced it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

_XSD_STRING = str(XSD.string)
_NOT_IN_IRI = frozenset('<>"{}|^`\\ ') | frozenset(chr(c) for c in range(0x21))
_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    """An rdflib term equal to a pyoxigraph one; xsd:string literals become plain (as rdflib writes them)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"kg does not use RDF-star triples as terms: {term!r}")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib one (used to bind query parameters without touching query text)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r} as an RDF term")


def to_ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Triples of rdflib terms as N-Triples text (also valid inside SPARQL `INSERT DATA`).

    Written here rather than by rdflib's serializer because ingest needs it for every article and the
    serializer wants a Graph, which is slower to fill than the mapping is to run. Terms repeat a lot
    (predicates, classes, the article's own node), so each is written once per call.
    """
    written: dict[Node, str] = {}
    lines = []
    for triple in triples:
        row = []
        for term in triple:
            text = written.get(term)
            if text is None:
                text = written[term] = nt_term(term)
            row.append(text)
        lines.append(f"{row[0]} {row[1]} {row[2]} .\n")
    return "".join(lines)


def nt_term(term: Node) -> str:
    """One rdflib term in N-Triples syntax; an IRI N-Triples cannot hold is a ValueError naming it."""
    if isinstance(term, URIRef):
        value = str(term)
        if not value or _NOT_IN_IRI.intersection(value):
            raise ValueError(f"not an IRI the store can write: {value!r}")
        return f"<{value}>"
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_LITERAL_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{nt_term(term.datatype)}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"cannot store {term!r} as an RDF term")

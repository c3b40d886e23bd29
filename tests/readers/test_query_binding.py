"""Parameters become single RDF terms in a VALUES block, so user text can never change a query's shape."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg import queries
from kg.errors import QueryError
from kg.queries.catalog import Parameter

ID = "https://w3id.org/kgid/id/"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")


@pytest.mark.parametrize(("kind", "value", "term"), [
    ("agency", "diskominfo:64.03", URIRef(ID + "agency/diskominfo/64.03")),
    ("agency", "kemkominfo", URIRef(ID + "agency/kemkominfo")),
    ("agency", "unresolved:dinas-x", URIRef(ID + "agency/unresolved/dinas-x")),
    ("agency-or-region", "35.78", URIRef(ID + "region/35.78")),
    ("region", "64", URIRef(ID + "region/64")),
    ("topic", "ppid", URIRef("https://w3id.org/kgid/topic/ppid")),
    ("iri", "kgi:visit/v1", URIRef(ID + "visit/v1")),
    ("iri", "https://example.org/x", URIRef("https://example.org/x")),
    ("date", "2024-02-20", Literal("2024-02-20", datatype=XSD_DATE)),
    ("integer", " 2025", Literal(2025, datatype=XSD_INTEGER)),
    ("string", 'say "hi"\n', Literal('say "hi"\n')),
])
def test_values_become_typed_terms(kind, value, term):
    assert queries.to_term(Parameter("p", kind, "d"), value) == term


@pytest.mark.parametrize(("kind", "value"), [
    ("date", "18/12/2025"), ("date", "2025-02-30"), ("integer", "12a"), ("iri", "https://x.org/a>b"),
    ("iri", "diskominfo:64"), ("iri", "javascript:alert(1)"), ("agency", "Diskominfo Kaltim"),
    ("region", "6"), ("topic", "PPID }"), ("region|province", "kecamatan"),
])
def test_values_of_the_wrong_type_are_refused(kind, value):
    with pytest.raises(QueryError, match="parameter 'p'"):
        queries.to_term(Parameter("p", kind, "d"), value)


def test_injection_attempt_stays_one_literal(world):
    hostile = 'rina") } UNION { ?person ?p ?o } FILTER("x'
    query = queries.find("official-posts")
    text = queries.bind(query, {"who": hostile})
    values_line = next(line for line in text.splitlines() if line.startswith("VALUES"))
    assert values_line == f"VALUES (?person ?who) {{ (UNDEF {Literal(hostile).n3()}) }}"
    assert '\\"' in values_line  # the quote is escaped, so the string never closes early
    assert len(queries.run(world, "official-posts", {"who": hostile})) == 0


def test_unknown_and_missing_parameters(world):
    with pytest.raises(QueryError, match="has no parameter 'colour'"):
        queries.run(world, "visits", {"colour": "red"})
    with pytest.raises(QueryError, match="needs --param agency="):
        queries.run(world, "agency-timeline", {})
    with pytest.raises(QueryError, match="needs a date"):
        queries.run(world, "top-hosts", {"since": "kemarin"})


def test_unbound_optional_parameters_mean_no_restriction(world):
    assert len(queries.run(world, "top-hosts", {})) == len(queries.run(world, "top-hosts", {"since": ""}))

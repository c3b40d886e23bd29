"""The W3C result formats: every kind of term is written the way SPARQL 1.1 JSON and CSV say."""

from __future__ import annotations

import json

from rdflib import BNode, Literal, URIRef

from kg import queries
from kg.store.base import SelectResult

DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
RESULT = SelectResult(
    variables=("iri", "text", "tagged", "day", "node", "missing"),
    rows=(
        {"iri": URIRef("https://w3id.org/kgid/id/agency/diskominfo/65"), "text": Literal('say "hi", ok'),
         "tagged": Literal("Kaltara", lang="id"), "day": Literal("2025-12-18", datatype=DATE),
         "node": BNode("b0")},
        {"text": Literal("line\nbreak")},
    ),
)


def test_json():
    document = json.loads(queries.to_json(RESULT))
    assert document["head"]["vars"] == ["iri", "text", "tagged", "day", "node", "missing"]
    first, second = document["results"]["bindings"]
    assert first == {
        "iri": {"type": "uri", "value": "https://w3id.org/kgid/id/agency/diskominfo/65"},
        "text": {"type": "literal", "value": 'say "hi", ok'},
        "tagged": {"type": "literal", "value": "Kaltara", "xml:lang": "id"},
        "day": {"type": "literal", "value": "2025-12-18", "datatype": str(DATE)},
        "node": {"type": "bnode", "value": "b0"},
    }
    assert second == {"text": {"type": "literal", "value": "line\nbreak"}}


def test_csv():
    text = queries.to_csv(RESULT)
    assert text.split("\r\n")[0] == "iri,text,tagged,day,node,missing"
    assert text.split("\r\n")[1] == ('https://w3id.org/kgid/id/agency/diskominfo/65,"say ""hi"", ok",Kaltara,'
                                     "2025-12-18,_:b0,")
    assert text.endswith('"line\nbreak",,,,\r\n')


def test_table_uses_prefixed_names():
    table = queries.render_table(RESULT, title="t")
    assert "kgi:agency/diskominfo/65" in table and "https://w3id.org" not in table
    assert queries.compact(URIRef("https://w3id.org/kgid/topic/ppid")) == "kgt:ppid"


def test_table_shows_labels_and_ids_instead_of_the_iris_they_name():
    result = SelectResult(
        variables=("visit", "host", "hostLabel", "article", "articleId", "date"),
        rows=({"visit": URIRef("https://w3id.org/kgid/id/visit/v1"),
               "host": URIRef("https://w3id.org/kgid/id/agency/diskominfo/65"),
               "hostLabel": Literal("DKISP Kaltara"),
               "article": URIRef("https://w3id.org/kgid/id/article/a1"), "articleId": Literal("a1"),
               "date": Literal("2025-12-18", datatype=DATE)},),
    )
    assert queries.table_columns(result.variables) == ["visit", "hostLabel", "articleId", "date"]
    table = queries.render_table(result, title="t")
    assert "DKISP Kaltara" in table and "kgi:visit/v1" in table
    assert "kgi:agency/diskominfo/65" not in table and "kgi:article/a1" not in table
    assert "2 IRI column(s)" in table
    assert "https://w3id.org/kgid/id/agency/diskominfo/65" in queries.to_csv(result)

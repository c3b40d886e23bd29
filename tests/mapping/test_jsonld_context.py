"""ontology/context.jsonld: curated terms that compact kg graphs and round-trip them exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mapping_examples import build_extraction
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.iri import ENTITIES_GRAPH
from kg.rdfmap import map_extraction, merged, topic_scheme
from kg.vocab import KG, RDF

CONTEXT_FILE = Path(__file__).resolve().parents[2] / "ontology" / "context.jsonld"


@pytest.fixture(scope="module")
def context() -> dict:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def expand(context: dict, value: str) -> str:
    prefix, _, local = value.partition(":")
    return context[prefix] + local if prefix in context and isinstance(context[prefix], str) else value


def term_iris(context: dict) -> dict[str, str]:
    out = {}
    for term, definition in context.items():
        iri = definition["@id"] if isinstance(definition, dict) else definition
        if ":" in iri and not iri.startswith("http"):
            out[term] = expand(context, iri)
    return out


def test_every_term_the_graph_uses_has_a_short_name(context) -> None:
    graphs = map_extraction(build_extraction())
    data = merged([graphs.facts, graphs.entities, topic_scheme()])
    known = set(term_iris(context).values())
    used = {str(p) for p in data.predicates()} | {str(o) for o in data.objects(None, RDF.type)}
    assert used - {str(RDF.type)} <= known, sorted(used - known)


def test_context_only_names_real_terms(context) -> None:
    kg_ns = str(KG.Agency)[: -len("Agency")]
    for term, iri in term_iris(context).items():
        if iri.startswith(kg_ns):
            assert URIRef(iri) == KG[iri[len(kg_ns):]], term  # KG rejects undefined names


def test_object_properties_are_id_typed_and_dates_are_typed(context) -> None:
    for term in ("host", "visitor", "recipient", "evidence", "member", "topic", "partOf"):
        assert context[term]["@type"] == "@id", term
    assert context["startDate"]["@type"] == "xsd:date"
    assert context["score"]["@type"] == "xsd:decimal"
    assert context["confidence"]["@type"] == "xsd:decimal"


def test_graph_round_trips_through_compact_jsonld(context) -> None:
    graphs = map_extraction(build_extraction())
    data = merged([graphs.facts, graphs.entities, topic_scheme()])
    text = data.serialize(format="json-ld", context=context)
    document = json.loads(text)
    visit = next(node for node in document["@graph"] if node.get("@type") == "Visit")
    assert {"host", "visitor", "startDate", "evidence"} <= set(visit)  # compact, readable keys
    assert isomorphic(Graph().parse(data=text, format="json-ld"), data)


def test_named_graphs_round_trip(context) -> None:
    graphs = map_extraction(build_extraction())
    dataset = Dataset()
    for triple in graphs.facts:
        dataset.graph(graphs.graph_iri).add(triple)
    for triple in graphs.entities:
        dataset.graph(ENTITIES_GRAPH).add(triple)
    back = Dataset().parse(data=dataset.serialize(format="json-ld", context=context), format="json-ld")
    for name in (graphs.graph_iri, ENTITIES_GRAPH):
        assert len(back.graph(name)) > 0
        assert isomorphic(back.graph(name), dataset.graph(name))

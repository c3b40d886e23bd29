"""Readers' fixtures: a tiny store over pyoxigraph loaded from the hand-written world.trig.

The adapter stands in for the embedded store (same `select()` contract, default graph = union of all
graphs), so the canned queries are checked against a world whose answers are known by construction.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.store.base import SelectResult

FIXTURES = Path(__file__).parent / "fixtures"
WORLD = FIXTURES / "world.trig"


def _term(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


class OxigraphReader:
    """A read-only store over an in-memory pyoxigraph.Store, querying the union of all graphs."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.queries: list[str] = []

    def select(self, sparql: str) -> SelectResult:
        self.queries.append(sparql)
        solutions = self.store.query(sparql, use_default_graph_as_union=True)
        names = tuple(v.value for v in solutions.variables)
        rows = []
        for solution in solutions:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = _term(value)
            rows.append(row)
        return SelectResult(variables=names, rows=tuple(rows))

    def ask(self, sparql: str) -> bool:
        return bool(self.store.query(sparql, use_default_graph_as_union=True))


def load_world(path: Path = WORLD) -> OxigraphReader:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    return OxigraphReader(store)


@pytest.fixture(scope="session")
def world() -> OxigraphReader:
    """The known small world (see the header of fixtures/world.trig)."""
    return load_world()


@pytest.fixture
def empty_store() -> OxigraphReader:
    return OxigraphReader(ox.Store())


def build_store_folder(folder: Path, trig: Path = WORLD) -> Path:
    """A real embedded store folder (kg.store.embedded) holding the world, for end-to-end CLI tests."""
    embedded = pytest.importorskip("kg.store.embedded", reason="the embedded store is not written yet")
    blocks = [f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}"
              for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)]
    with embedded.open_store(folder, create=True) as store:
        store.update("INSERT DATA { " + " ".join(blocks) + " }")
    return folder


@pytest.fixture(scope="session")
def world_store(tmp_path_factory) -> Path:
    """The world in an on-disk embedded store folder (what `--store` points at)."""
    return build_store_folder(tmp_path_factory.mktemp("world") / "store")

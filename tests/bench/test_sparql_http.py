"""The benchmark's server half reads a live Oxigraph server's answers as the embedded store's rows."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from sparql_http import HttpSparqlStore, OxigraphServer

BINARY = Path(sys.executable).parent / "oxigraph"
EX = "http://example.org/"
DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
DATA = (f'<{EX}a> <{EX}p> "68.81"^^<{DECIMAL}> <{EX}g1> .\n'
        f'<{EX}b> <{EX}p> "Kaltara"@id <{EX}g2> .\n')


@pytest.mark.server
def test_union_default_graph_rows_come_back_as_rdflib_terms(tmp_path: Path) -> None:
    if not BINARY.is_file():
        pytest.skip(f"the oxigraph server binary is not installed at {BINARY} (pip install oxigraph)")
    location = tmp_path / "db"
    store = ox.Store(str(location))
    store.load(DATA, format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store  # release the folder for the server
    with OxigraphServer(BINARY, location) as server:
        rows = HttpSparqlStore(server.endpoint, timeout=30).select(
            f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?s").rows
        pid = server.process.pid if server.process else -1
    assert rows == (
        {"s": URIRef(f"{EX}a"), "o": Literal("68.81", datatype=URIRef(DECIMAL))},
        {"s": URIRef(f"{EX}b"), "o": Literal("Kaltara", lang="id")},
    )
    assert pid > 0 and not Path(f"/proc/{pid}").exists()  # stopped and reaped

"""Every canned question and `kg analyze` run without error on the real store built from data/samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import analysis, queries
from kg.paths import SAMPLES_DIR


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    ingest = pytest.importorskip("kg.ingest", reason="kg.ingest (by the STORE helper) does not exist yet")
    embedded = pytest.importorskip("kg.store.embedded", reason="the embedded store does not exist yet")
    if not SAMPLES_DIR.is_dir() or not any(SAMPLES_DIR.iterdir()):
        pytest.skip(f"no sample articles in {SAMPLES_DIR} yet (written by the GOLD helper)")
    folder = tmp_path_factory.mktemp("samples") / "store"
    with embedded.open_store(folder, create=True) as store:
        ingest.ingest([SAMPLES_DIR], store)
    store = embedded.open_store(folder, readonly=True)
    yield store
    store.close()


def test_every_canned_query_runs_on_the_sample_graph(sample_store):
    visits = queries.run(sample_store, "visits")
    assert len(visits) > 0, "the sample graph has no visits"
    first = visits.rows[0]
    required = {"a": str(first["visitor"]), "b": str(first["host"]), "agency": str(first["host"]),
                "fact": str(first["visit"])}
    for name, query in queries.catalog().items():
        params = {p.name: required[p.name] for p in query.parameters if p.required}
        result = queries.run(sample_store, name, params)
        assert all(set(row) <= set(result.variables) for row in result), name
    between = queries.run(sample_store, "visits-between", {"a": required["a"], "b": required["b"]})
    assert str(first["visit"]) in {str(r["visit"]) for r in between}
    assert len(queries.run(sample_store, "provenance", {"fact": required["fact"]})) > 0


def test_sample_answers_agree_with_each_other(sample_store):
    """Counts from different questions describe the same graph (visits, hosts, the summary pairs)."""
    visits = queries.run(sample_store, "visits")
    distinct = {str(r["visit"]) for r in visits}
    received = sum(int(r["visitsReceived"]) for r in queries.run(sample_store, "top-hosts"))
    assert received == len(distinct)  # every visit has exactly one host
    graph = analysis.visit_graph(sample_store)
    assert len(analysis.visit_dates(graph)) == len(distinct)
    assert {(str(r["visitor"]), str(r["host"])) for r in visits} == set(graph.edges)
    for row in queries.run(sample_store, "reciprocal-pairs"):
        assert graph.has_edge(str(row["a"]), str(row["b"])) and graph.has_edge(str(row["b"]), str(row["a"]))
    for row in queries.run(sample_store, "learning-chains"):
        assert str(row["bVisitedC"]) < str(row["aVisitedB"])


def test_analyze_the_sample_graph(sample_store, tmp_path: Path):
    report = analysis.write_report(sample_store, tmp_path / "analysis")
    assert report.message is None
    assert report.summary["visits"] > 0
    assert all(path.stat().st_size > 0 for path in report.files)

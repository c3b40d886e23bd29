"""The store-choice measurement compares like with like: its three chain queries count the same chains,
and the summary's visit pairs agree with the visits they summarise."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from store_choice import QUERIES
from synthetic_graph import write_nquads


def _store(tmp_path: Path, articles: int) -> tuple[ox.Store, int]:
    data = tmp_path / "graph.nq"
    quads = write_nquads(data, articles, seed=11)
    store = ox.Store()
    store.load(path=str(data), format=ox.RdfFormat.N_QUADS)
    return store, quads


def _rows(store: ox.Store, name: str) -> list[tuple[str, ...]]:
    solutions = store.query(QUERIES[name], use_default_graph_as_union=True)
    return [tuple(term.value for term in row) for row in solutions]


def test_chain_forms_count_the_same_chains(tmp_path: Path) -> None:
    store, _ = _store(tmp_path, 800)  # enough visits for chains that end at the hub
    for question in ("chain", "chain-to-hub"):
        counts = {form: _rows(store, f"{question}-{form}")[0][0] for form in ("naive", "distinct", "summary")}
        assert len(set(counts.values())) == 1, (question, counts)
        assert int(counts["naive"]) > 0


def test_visit_pairs_agree_with_the_visits(tmp_path: Path) -> None:
    store, quads = _store(tmp_path, 150)
    grouped = _rows(store, "who-visited-whom")
    summary = _rows(store, "who-visited-whom-summary")
    assert grouped == summary and len(grouped) == 20
    assert 30 * 150 < quads < 80 * 150  # the size the measurement claims: tens of triples per article


def test_every_article_has_its_own_named_graph(tmp_path: Path) -> None:
    store, _ = _store(tmp_path, 40)
    graphs = {g.value for g in store.named_graphs()}
    articles = {g for g in graphs if "/graph/article/" in g}
    assert len(articles) == 40
    assert {"https://w3id.org/kgid/graph/entities", "https://w3id.org/kgid/graph/summary"} <= graphs

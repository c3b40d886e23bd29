"""The embedded store: opening and refusing folders, locking, replacing articles, the summary graph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date

import pytest
from fake_graphs import KG, KGG, KGI, XSD_DATE, agency, make_article
from rdflib import Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.store.embedded import open_store
from kg.store.folder import MARKER_NAME

SUMMARY = "https://w3id.org/kgid/graph/summary"


def quads(store) -> set[tuple]:
    return {tuple(str(t) for t in q) for q in store._ox}


def test_missing_store_is_refused_without_create(store_dir):
    with pytest.raises(StoreError, match="no kg store"):
        open_store(store_dir)
    assert not store_dir.exists()


def test_folder_that_is_not_a_store_is_never_written(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    for create in (False, True):
        with pytest.raises(StoreError, match="not a kg store"):
            open_store(tmp_path, create=create)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_store_from_newer_kg_is_refused(store_dir):
    open_store(store_dir, create=True).close()
    marker = json.loads((store_dir / MARKER_NAME).read_text())
    marker["format"] = 99
    (store_dir / MARKER_NAME).write_text(json.dumps(marker))
    with pytest.raises(StoreError, match="newer"):
        open_store(store_dir)


def test_second_writer_is_told_who_holds_the_store(store_dir):
    with open_store(store_dir, create=True):
        with pytest.raises(StoreError) as caught:
            open_store(store_dir)
        assert str(os.getpid()) in str(caught.value) and str(store_dir) in str(caught.value)
        with pytest.raises(StoreError, match="in use"):
            open_store(store_dir, readonly=True)
    with open_store(store_dir) as store:  # released on close
        assert store.graph_names() == []


def test_readonly_store_refuses_writes(store_dir):
    open_store(store_dir, create=True).close()
    with open_store(store_dir, readonly=True) as store, pytest.raises(StoreError, match="read-only"):
        store.replace_article(make_article("a1", visitor="diskominfo:64", host="diskominfo:35", day=None))


def test_select_returns_rdflib_terms_over_the_union_of_graphs(store_dir):
    with open_store(store_dir, create=True) as store:
        store.replace_article(make_article("a1", visitor="diskominfo:64", host="diskominfo:35",
                                           day=date(2023, 5, 9)))
        result = store.select(f"""SELECT ?label ?date WHERE {{
            ?v <{KG}host> ?h . ?h <http://www.w3.org/2004/02/skos/core#prefLabel> ?label .
            ?v <https://schema.org/startDate> ?date }}""")
        assert result.variables == ("label", "date")
        assert list(result) == [{"label": Literal("Agency diskominfo:35"),
                                 "date": Literal("2023-05-09", datatype=XSD_DATE)}]
        assert store.ask(f"ASK {{ ?v <{KG}visitor> <{agency('diskominfo:64')}> }}")
        with pytest.raises(QueryError, match="does not parse"):
            store.select("SELEKT nothing")
        with pytest.raises(QueryError, match="SELECT"):
            store.select("ASK { ?s ?p ?o }")


def test_replacing_twice_is_the_same_as_once(store_dir):
    articles = [make_article("a1", visitor="diskominfo:64", host="diskominfo:35", day=date(2023, 5, 9),
                             official="Sri Rahayu"),
                make_article("a2", visitor="diskominfo:64.03", host="diskominfo:65", day=None)]
    with open_store(store_dir, create=True) as store:
        store.replace_articles(articles)
        once = quads(store)
        store.replace_articles(articles)
        assert quads(store) == once


def test_edited_article_leaves_no_trace_of_its_old_facts(store_dir):
    old = make_article("a1", visitor="diskominfo:64", host="diskominfo:35", day=date(2023, 5, 9),
                       official="Sri Rahayu", alias="Diskominfo Jatim")
    new = make_article("a1", visitor="diskominfo:64", host="bappeda:65", day=date(2023, 5, 10), content="v2")
    other = make_article("a2", visitor="diskominfo:64.03", host="diskominfo:65", day=None)
    old.entities.add((agency("diskominfo:35"), KG.serves, KGI["region/35.78.22"]))
    old.entities.add((KGI["region/35.78.22"], KG.partOf, KGI["region/35.78"]))
    old.entities.add((KGI["region/35.78"], KG.partOf, KGI["region/35"]))
    with open_store(store_dir, create=True) as store:
        store.replace_articles([old, other])
        store.replace_article(new)
        stored = quads(store)
    with open_store(store_dir.parent / "fresh", create=True) as fresh:
        fresh.replace_articles([other, new])
        assert stored == quads(fresh)
    mentioned = " ".join(" ".join(q) for q in stored)
    for gone in ("diskominfo/35", "Sri Rahayu", "Diskominfo Jatim", "2023-05-09", "region/35"):
        assert gone not in mentioned


def test_summary_counts_visits_per_pair_and_membership_dates(store_dir):
    with open_store(store_dir, create=True) as store:
        store.replace_articles([
            make_article("a1", visitor="diskominfo:64", host="diskominfo:35", day=date(2023, 5, 9),
                         official="Sri Rahayu"),
            make_article("a2", visitor="diskominfo:64", host="diskominfo:35", day=date(2024, 2, 1),
                         official="Sri Rahayu"),
        ])
        store.replace_article(make_article("a3", visitor="diskominfo:64", host="diskominfo:35",
                                           day=date(2022, 1, 3), official="Sri Rahayu"))
        rows = store.select(f"""SELECT ?n ?first ?last WHERE {{ GRAPH <{SUMMARY}> {{
            ?pair a <{KG}VisitPair> ; <{KG}pairVisitor> <{agency('diskominfo:64')}> ;
                  <{KG}pairHost> <{agency('diskominfo:35')}> ; <{KG}visitCount> ?n ;
                  <{KG}firstVisit> ?first ; <{KG}lastVisit> ?last }} }}""").rows
        assert [(int(r["n"]), str(r["first"]), str(r["last"])) for r in rows] == [
            (3, "2022-01-03", "2024-02-01")]
        member = store.select(f"""SELECT ?first ?last WHERE {{ GRAPH <{SUMMARY}> {{
            ?m <{KG}firstAttested> ?first ; <{KG}lastAttested> ?last }} }}""").rows
        assert [(str(r["first"]), str(r["last"])) for r in member] == [("2022-01-03", "2024-02-01")]
        # dropping a visit from one article lowers the count
        store.replace_article(make_article("a3", visitor="bappeda:64", host="diskominfo:35",
                                           day=date(2022, 1, 3), content="v2"))
        counts = store.select(f"""SELECT ?v ?n WHERE {{ GRAPH <{SUMMARY}> {{
            ?pair <{KG}pairVisitor> ?v ; <{KG}visitCount> ?n }} }} ORDER BY ?v""").rows
        assert [(str(r["v"]).rsplit("agency/", 1)[1], int(r["n"])) for r in counts] == [
            ("bappeda/64", 1), ("diskominfo/64", 2)]


def test_update_is_all_or_nothing(store_dir):
    with open_store(store_dir, create=True) as store:
        with pytest.raises(StoreError, match="nothing from this batch"):
            store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } } ; CLEAR GRAPH <urn:none>")
        assert quads(store) == set()


def test_graphs_are_yielded_shared_first_for_push(store_dir):
    with open_store(store_dir, create=True) as store:
        store.replace_articles([make_article(i, visitor="diskominfo:64", host="diskominfo:65", day=None)
                                for i in ("b", "a")])
        names = [name for name, _ in store.iter_article_graphs()]
        assert names == [str(KGG.entities), str(KGG["article/a"]), str(KGG["article/b"]), SUMMARY]
        body = dict(store.iter_article_graphs())[str(KGG["article/a"])].decode()
        assert f"<{URIRef(KGG['article/a'])}>" not in body and "articleId" in body
        counts = store.counts()
        assert (counts.articles, counts.visits, counts.agencies) == (2, 2, 2)
        assert store.article_hashes() == {"a": "hash-a-v1", "b": "hash-b-v1"}


@pytest.mark.parametrize("readonly", [False, True])
def test_lock_names_another_process_and_is_freed_when_it_dies(store_dir, readonly):
    open_store(store_dir, create=True).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from kg.store.embedded import open_store; "
         f"s = open_store({str(store_dir)!r}, readonly={readonly}); print('ready', flush=True); "
         "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=f"PID {holder.pid}"):
            open_store(store_dir)
    finally:
        holder.kill()
        holder.wait()
    open_store(store_dir).close()  # the kernel released the lock with the process


class FailingWrites:
    """Stands in for the database when the disk is full: reads work, every write fails."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def update(self, sparql):
        raise OSError(28, "No space left on device")


def test_failed_write_is_a_store_error_and_loses_nothing(store_dir):
    with open_store(store_dir, create=True) as store:
        store.replace_article(make_article("a1", visitor="diskominfo:64", host="diskominfo:35", day=None))
        before = quads(store)
        real, store._ox = store._ox, FailingWrites(store._ox)
        try:
            with pytest.raises(StoreError, match="No space left on device.*nothing from this batch"):
                store.replace_article(make_article("a1", visitor="dprd:64", host="diskominfo:35", day=None,
                                                   content="v2"))
        finally:
            store._ox = real
        assert quads(store) == before


def test_a_lock_file_that_cannot_be_opened_is_a_store_error(store_dir, monkeypatch):
    with open_store(store_dir, create=True):
        pass
    real_open = os.open

    def refusing_open(path, flags, *args):
        if str(path).endswith("/lock"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(StoreError, match="cannot open the store's lock file \\(Permission denied\\)"):
        open_store(store_dir, readonly=True)


def test_article_given_as_triples_is_stored_exactly_like_its_graph(store_dir):
    from kg.rdfmap import ArticleGraphs

    article = make_article("a1", visitor="diskominfo:64", host="diskominfo:35", day=date(2023, 5, 9),
                           official="Sri Rahayu", alias='Dinas "Kominfo"\\Jatim\r\nbaris dua\tø')
    article.facts.add((KGI["article/a1"], URIRef("https://schema.org/headline"), Literal("Judul", lang="id")))
    as_triples = ArticleGraphs(article.article_id, article.graph_iri, set(article.facts),
                               set(article.entities))
    with open_store(store_dir, create=True) as store:
        store.replace_articles([article])
        from_graph = quads(store)
    with open_store(store_dir.parent / "fast", create=True) as fast:
        fast.replace_articles([as_triples])
        assert quads(fast) == from_graph


def test_iri_the_store_cannot_write_is_refused_and_nothing_is_stored(store_dir):
    bad = make_article("a1", visitor="diskominfo:64", host="diskominfo:35", day=None)
    bad.facts.add((URIRef("https://w3id.org/kgid/id/thing with space"), KG.rule, Literal("x")))
    with open_store(store_dir, create=True) as store:
        with pytest.raises(StoreError, match="thing with space"):
            store.replace_articles([make_article("a0", visitor="diskominfo:64", host="diskominfo:65",
                                                 day=None), bad])
        assert store.graph_names() == []


def test_optimize_drops_the_log_and_keeps_every_triple(store_dir):
    def log_bytes() -> int:
        return sum(p.stat().st_size for p in (store_dir / "oxigraph").glob("*.log"))

    with open_store(store_dir, create=True) as store:
        for i in range(3):
            store.replace_articles([make_article(f"a{i}", visitor="diskominfo:64", host="diskominfo:35",
                                                 day=date(2023, 5, 9 + i), official="Sri Rahayu")])
        before, logged = quads(store), log_bytes()
        store.optimize()
        assert quads(store) == before and log_bytes() < logged
        store.replace_article(make_article("a9", visitor="diskominfo:65", host="diskominfo:35", day=None))
        assert len(quads(store)) > len(before)  # still writable after the database was reopened


@pytest.mark.parametrize("limit", [1, 2**40])
def test_writes_reach_the_disk_once_enough_text_is_written(store_dir, monkeypatch, limit):
    """A long build must not keep its writes in RocksDB's memory buffers (issue 4: 3.3 GB at 100k)."""
    import kg.store.embedded as embedded

    def table_bytes() -> int:
        # a background compaction may delete a table between the listing and its stat: list again
        for _ in range(20):
            try:
                return sum(p.stat().st_size for p in (store_dir / "oxigraph").glob("*.sst"))
            except FileNotFoundError:
                time.sleep(0.05)
        raise AssertionError("the store's tables kept changing under the listing")

    flushes: list[int] = []
    real_flush = embedded.EmbeddedStore.flush

    def counting_flush(self) -> None:
        flushes.append(1)
        real_flush(self)

    monkeypatch.setattr(embedded, "FLUSH_AFTER_BYTES", limit)
    monkeypatch.setattr(embedded.EmbeddedStore, "flush", counting_flush)
    with open_store(store_dir, create=True) as store:
        before = table_bytes()
        store.replace_articles([make_article(f"a{i}", visitor="diskominfo:64", host="diskominfo:35",
                                             day=date(2023, 5, 9), official=f"Sri Rahayu {i}")
                                for i in range(30)])
        if limit == 1:
            # past the limit the batch's writes are on disk as tables (~200 KB) when the call returns
            assert flushes and table_bytes() - before > 20_000
        else:
            # below it the store leaves them to RocksDB (which may still flush on its own schedule)
            assert not flushes
        stored = quads(store)
    with open_store(store_dir, readonly=True) as reopened:
        assert quads(reopened) == stored

"""kg.ingest on its own (fake extractor stages): idempotence, skipping, replacing, batches, problems."""

from __future__ import annotations

import pytest
from fake_graphs import FAKE_STAGES, KG

from kg.errors import InputError
from kg.ingest import ingest
from kg.resolutions import Merge, Resolutions
from kg.store.embedded import open_store, read_progress


def quads(store) -> set[tuple]:
    return {tuple(str(t) for t in q) for q in store._ox}


def write(folder, name, text, encoding="utf-8"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(text.encode(encoding))


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    write(folder, "a1.txt", "diskominfo:64 diskominfo:35 2023-05-09 Sri Rahayu")
    write(folder, "a2.txt", "diskominfo:64.03 diskominfo:65 2025-12-18")
    write(folder, "a3.txt", "bappeda:64 diskominfo:35 none")
    return folder


def test_ingesting_twice_gives_the_same_triples_and_skips_unchanged(articles, store_dir):
    with open_store(store_dir, create=True) as store:
        first = ingest([articles], store, stages=FAKE_STAGES, batch_size=2)
        once = quads(store)
        second = ingest([articles], store, stages=FAKE_STAGES, batch_size=2)
        assert quads(store) == once
    assert (first.read, first.new, first.changed, first.skipped) == (3, 3, 0, 0)
    assert (second.read, second.new, second.changed, second.skipped) == (3, 0, 0, 3)
    assert first.counts.articles == 3 and first.counts.visits == 3


def test_edited_article_is_replaced_not_added(articles, store_dir, tmp_path):
    with open_store(store_dir, create=True) as store:
        ingest([articles], store, stages=FAKE_STAGES)
        write(articles, "a1.txt", "diskominfo:64 bappeda:65 2024-01-02")
        summary = ingest([articles], store, stages=FAKE_STAGES)
        after = quads(store)
    assert (summary.changed, summary.skipped) == (1, 2)
    with open_store(tmp_path / "fresh", create=True) as fresh:
        ingest([articles], fresh, stages=FAKE_STAGES)
        assert quads(fresh) == after


def test_progress_is_recorded_per_committed_batch(articles, store_dir):
    seen = []
    with open_store(store_dir, create=True) as store:
        ingest([articles], store, stages=FAKE_STAGES, batch_size=1, progress=seen.append)
    assert [p.committed for p in seen] == [1, 2, 3] and [p.seen for p in seen] == [1, 2, 3]
    assert read_progress(store_dir)["committed_articles"] == 3


def test_bad_file_is_a_problem_and_the_rest_is_stored(articles, store_dir):
    write(articles, "bad.txt", "diskominfo:64 diskominfo:35 none Désirée", encoding="latin-1")
    write(articles, "empty.txt", "")
    with open_store(store_dir, create=True) as store:
        summary = ingest([articles], store, stages=FAKE_STAGES)
    assert summary.stored == 3
    assert any("bad.txt" in p and "UTF-8" in p for p in summary.problems)
    assert any("empty.txt" in p and "says nothing" in p for p in summary.problems)


def test_missing_path_stops_before_touching_the_store(articles, store_dir, tmp_path):
    with open_store(store_dir, create=True) as store:
        ingest([articles], store, stages=FAKE_STAGES)
        before = quads(store)
        with pytest.raises(InputError, match="no such file"):
            ingest([articles, tmp_path / "nowhere"], store, stages=FAKE_STAGES, rebuild=True)
        assert quads(store) == before


def test_changed_resolutions_reapply_to_unchanged_articles(articles, store_dir, tmp_path):
    berau = "https://w3id.org/kgid/id/agency/diskominfo/64.03"
    kaltim = "https://w3id.org/kgid/id/agency/diskominfo/64"
    with open_store(store_dir, create=True) as store:
        ingest([articles], store, stages=FAKE_STAGES)
        merged = Resolutions((Merge(keep=kaltim, drop=berau),))
        summary = ingest([articles], store, stages=FAKE_STAGES, resolutions=merged)
        assert summary.skipped == 0
        assert not store.ask(f"ASK {{ ?v <{KG}visitor> <{berau}> }}")
        assert store.ask(f"ASK {{ <{kaltim}> <http://www.w3.org/2002/07/owl#sameAs> <{berau}> }}")
        rows = store.select(f"SELECT ?key WHERE {{ <{kaltim}> <{KG}key> ?key }}").rows
        assert [str(r["key"]) for r in rows] == ["diskominfo:64"]
        incremental = quads(store)
    with open_store(tmp_path / "fresh", create=True) as fresh:
        ingest([articles], fresh, stages=FAKE_STAGES, resolutions=merged)
        assert quads(fresh) == incremental

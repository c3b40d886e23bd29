"""An article is identified by its id *or* its URL: a feed whose lines move (ids taken from the line
number) must not leave the same page stored twice."""

from __future__ import annotations

import json

from kg.cli import main
from kg.store.embedded import open_store

FIRST = {"url": "https://example.org/berita/1", "text": "Diskominfo Kabupaten Berau melakukan kunjungan "
         "kerja ke Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur, Senin (3/3/2025)."}
SECOND = {"url": "https://example.org/berita/2", "text": "Diskominfo Kota Samarinda menerima audiensi "
          "Bappeda Provinsi Kalimantan Timur, Selasa (4/3/2025)."}


def stored_articles(store_dir) -> dict[str, str]:
    with open_store(store_dir, readonly=True) as store:
        return store.article_urls()


def test_a_page_that_comes_back_under_another_id_replaces_its_old_version(tmp_path, capsys):
    feed, store_dir = tmp_path / "feed.jsonl", tmp_path / "store"
    feed.write_text(json.dumps(FIRST) + "\n", encoding="utf-8")
    assert main(["build", str(feed), "--store", str(store_dir)]) == 0
    assert stored_articles(store_dir) == {FIRST["url"]: "feed-1"}
    # a new line on top: the first page is now line 2, so its id becomes feed-2
    feed.write_text(json.dumps(SECOND) + "\n" + json.dumps(FIRST) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(feed), "--store", str(store_dir), "-v"]) == 0
    assert "same URL as stored article 'feed-1'" in capsys.readouterr().err
    assert stored_articles(store_dir) == {SECOND["url"]: "feed-1", FIRST["url"]: "feed-2"}
    with open_store(store_dir, readonly=True) as store:
        assert store.counts().articles == 2

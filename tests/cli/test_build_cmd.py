"""`kg build` (with a stand-in extractor): summary, idempotence, and bad input that stores nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fake_pipeline import stored_quads

from kg.cli import main
from kg.store.embedded import open_store


def test_build_prints_a_summary_and_rebuilding_changes_nothing(fake_pipeline, articles, store_dir, capsys):
    assert main(["build", str(articles), "--store", str(store_dir)]) == 0
    out = capsys.readouterr().out
    assert "3 read: 3 new, 0 changed, 0 unchanged" in out
    assert "3 articles, 3 visits, 5 agencies" in out
    once = stored_quads(store_dir)
    assert main(["build", str(articles), "--store", str(store_dir)]) == 0
    assert "3 read: 0 new, 0 changed, 3 unchanged" in capsys.readouterr().out
    assert stored_quads(store_dir) == once


def test_rebuild_from_scratch_gives_the_same_store(fake_pipeline, articles, store_dir, capsys):
    main(["build", str(articles), "--store", str(store_dir), "--batch-size", "2"])
    before = stored_quads(store_dir)
    assert main(["build", str(articles), "--store", str(store_dir), "--rebuild"]) == 0
    assert "3 new" in capsys.readouterr().out
    assert stored_quads(store_dir) == before


def test_missing_path_is_one_message_and_creates_no_store(fake_pipeline, tmp_path, store_dir, capsys):
    assert main(["build", str(tmp_path / "nowhere"), "--store", str(store_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [f"kg: error: {tmp_path / 'nowhere'}: no such file or folder"]
    assert not store_dir.exists()


def test_non_utf8_file_and_bad_jsonl_line_leave_the_store_untouched(fake_pipeline, articles, store_dir,
                                                                      tmp_path, capsys):
    main(["build", str(articles), "--store", str(store_dir)])
    before = stored_quads(store_dir)
    capsys.readouterr()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "latin.txt").write_bytes("diskominfo:64 diskominfo:35 none Désirée".encode("latin-1"))
    (bad / "feed.jsonl").write_text('{"id": "x1", "text": "diskominfo:64 dprd:64 none"\n', encoding="utf-8")
    assert main(["build", str(bad), "--store", str(store_dir)]) == 2
    err = capsys.readouterr().err
    assert f"{bad / 'latin.txt'}: not UTF-8" in err
    assert f"{bad / 'feed.jsonl'}:1: not a JSON object" in err
    assert "Traceback" not in err
    assert stored_quads(store_dir) == before


def test_folder_that_is_not_a_store_is_refused_and_untouched(fake_pipeline, articles, tmp_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8")
    assert main(["build", str(articles), "--store", str(folder)]) == 2
    assert "is not a kg store" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["cat.jpg"]


def test_locked_store_names_the_holder(fake_pipeline, articles, store_dir, capsys):
    main(["build", str(articles), "--store", str(store_dir)])
    before = stored_quads(store_dir)
    (articles / "a1.txt").write_text("dprd:64 diskominfo:35 none", encoding="utf-8")
    with open_store(store_dir):
        assert main(["build", str(articles), "--store", str(store_dir)]) == 2
        err = capsys.readouterr().err
    assert "in use by another kg process (PID" in err and str(store_dir) in err
    assert stored_quads(store_dir) == before


def test_build_records_progress_for_watchers(fake_pipeline, articles, store_dir):
    main(["build", str(articles), "--store", str(store_dir), "--batch-size", "1"])
    progress = json.loads((store_dir / "build-progress.json").read_text())
    assert progress["committed_articles"] == 3 and progress["state"] == "done"


@pytest.mark.parametrize(("name", "content", "words"), [
    ("empty.txt", "", "the article is empty"),
    ("blank.txt", "  \n\t\n", "the article is empty"),
    ("feed.jsonl", '{"id": "x1", "title": "no body"}\n', ":1: the object has no 'text' string"),
    ("list.jsonl", "[1, 2]\n", ":1: each line must be a JSON object"),
    ("locked.txt", "diskominfo:64 dprd:64 none", "cannot read the file (Permission denied)"),
])
def test_each_bad_input_is_one_problem_line_and_the_store_keeps_everything(
        fake_pipeline, articles, store_dir, tmp_path, capsys, monkeypatch, name, content, words):
    main(["build", str(articles), "--store", str(store_dir)])
    before = stored_quads(store_dir)
    capsys.readouterr()
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(path: Path) -> bytes:  # root can read any file, so refuse the way a chmod 000 would
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert main(["build", str(bad), "--store", str(store_dir)]) == 2
    captured = capsys.readouterr()
    problems = [line for line in captured.err.splitlines() if line.startswith("problem:")]
    assert len(problems) == 1 and str(bad) in problems[0] and words in problems[0]
    assert "Traceback" not in captured.err and "problem:" not in captured.out
    assert stored_quads(store_dir) == before


def test_a_folder_without_articles_says_so(fake_pipeline, tmp_path, store_dir, capsys):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    assert main(["build", str(tmp_path / "photos"), "--store", str(store_dir)]) == 0
    captured = capsys.readouterr()
    assert f"no articles found in {tmp_path / 'photos'}" in captured.err and "note" not in captured.out

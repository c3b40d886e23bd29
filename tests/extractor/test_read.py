"""Readers: .txt, .jsonl, .html and folders become Articles; bad input is one clear InputError."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.read import read_paths

BODY = "Diskominfo Kabupaten Berau melakukan kunjungan kerja ke DKISP Kaltara, Kamis (18/12/2025)."


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_txt_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    (article,) = read_paths([write(tmp_path / "berau-kaltara.txt", BODY)])
    assert article.id == "berau-kaltara"
    assert article.text == BODY
    assert article.source == str(tmp_path / "berau-kaltara.txt")


def test_jsonl_reads_every_field_and_numbers_lines_without_id(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a1", "text": BODY, "url": "https://example.org/a1", "title": "Kunker",
                         "published": "2025-12-19", "publisher": "Contoh News", "byline": "wnf"}),
             "",
             json.dumps({"text": "Pemkot Surabaya menerima audiensi Pemkab Malang."})]
    first, second = read_paths([write(tmp_path / "feed.jsonl", "\n".join(lines))])
    assert (first.id, first.url, first.title, first.publisher, first.byline) == \
        ("a1", "https://example.org/a1", "Kunker", "Contoh News", "wnf")
    assert first.published == date(2025, 12, 19)
    assert first.source.endswith("feed.jsonl:1")
    assert second.id == "feed-3" and second.published is None


@pytest.mark.parametrize("line, problem", [
    ("{not json", "not a JSON object"),
    (json.dumps({"title": "no text"}), "no 'text'"),
    (json.dumps({"text": BODY, "published": "19/12/2025"}), "not an ISO date"),
    (json.dumps({"text": "   "}), "empty"),
    (json.dumps(["a", "list"]), "JSON object"),
])
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = write(tmp_path / "feed.jsonl", json.dumps({"text": BODY}) + "\n" + line + "\n")
    with pytest.raises(InputError) as caught:
        list(read_paths([path]))
    assert f"{path}:2" in str(caught.value)
    assert problem in str(caught.value)


def test_jsonl_bad_bytes_on_one_line_cost_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\ufeff".encode() + json.dumps({"id": "a", "text": BODY}).encode() + b"\n"
                     + '{"text": "kunjungan ke Dinas Kominfo — caf\u00e9"}'.encode("cp1252") + b"\r\n"
                     + json.dumps({"id": "c", "text": BODY}).encode() + b"\r\n")
    errors: list[InputError] = []
    articles = list(read_paths([path], on_error=errors.append))
    assert [a.id for a in articles] == ["a", "c"]
    (error,) = errors
    assert f"{path}:2" in str(error) and "not UTF-8" in str(error)


def test_jsonl_line_separator_inside_a_string_is_text(tmp_path: Path) -> None:
    # JSON allows an unescaped U+2028 in a string; JSON Lines ends a line only at "\n"
    body = "Kunjungan kerja ke Diskominfo Berau.\u2028Rombongan disambut Kepala Dinas."
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x", "text": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,) = read_paths([path])
    assert article.text == body


def test_missing_path_non_utf8_and_empty_file_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_paths([tmp_path / "absent.txt"]))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kunjungan ke Dinas Kominfo — café".encode("cp1252"))
    with pytest.raises(InputError, match="not UTF-8"):
        list(read_paths([latin]))
    with pytest.raises(InputError, match="empty"):
        list(read_paths([write(tmp_path / "blank.txt", "\n  \n")]))


def test_on_error_reports_bad_articles_and_keeps_reading(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", json.dumps({"text": BODY}) + "\n{oops\n" + json.dumps({"text": BODY}) + "\n")
    write(tmp_path / "b.txt", "")
    write(tmp_path / "c.txt", BODY)
    errors: list[InputError] = []
    articles = list(read_paths([tmp_path, tmp_path / "missing"], on_error=errors.append))
    assert [a.id for a in articles] == ["a-1", "a-3", "c"]
    assert len(errors) == 3
    assert any("a.jsonl:2" in str(e) for e in errors)
    assert any("b.txt" in str(e) for e in errors)


def test_folders_are_walked_in_sorted_order_and_other_files_ignored(tmp_path: Path) -> None:
    sub = tmp_path / "z-sub"
    sub.mkdir()
    write(sub / "m.txt", BODY)
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "notes.md", "not an article")
    ids = [a.id for a in read_paths([tmp_path])]
    assert ids == ["a", "b", "m"]
    assert ids == [a.id for a in read_paths([tmp_path])]


def test_unsupported_file_named_explicitly_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported file type"):
        list(read_paths([write(tmp_path / "notes.md", BODY)]))


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{BODY} Paragraf ke-{i} membahas PPID, SPBE dan pengelolaan KIM di daerah.</p>"
                         for i in range(6))
    html = ("<html><head><title>Diskominfo Berau Sambangi DKISP Kaltara</title>"
            '<meta property="article:published_time" content="2025-12-19T08:00:00+08:00"></head>'
            "<body><nav>Beranda | Berita | Kontak</nav><article><h1>Diskominfo Berau Sambangi DKISP "
            "Kaltara</h1>"
            f"{paragraphs}</article><footer>Hak cipta</footer></body></html>")
    (article,) = read_paths([write(tmp_path / "page.html", html)])
    assert article.id == "page"
    assert "DKISP Kaltara" in article.text and "Paragraf ke-5" in article.text
    assert "Beranda | Berita" not in article.text
    assert article.title == "Diskominfo Berau Sambangi DKISP Kaltara"
    assert article.published == date(2025, 12, 19)


_safe_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(lambda s: s.strip())


@settings(max_examples=40, deadline=None)
@given(records=st.lists(st.fixed_dictionaries({"id": st.text("abcdef0123-", min_size=1, max_size=8),
                                               "text": _safe_text}), min_size=1, max_size=4))
def test_jsonl_round_trip(tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, str]]) -> None:
    path = tmp_path_factory.mktemp("rt") / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles = list(read_paths([path]))
    assert [(a.id, a.text) for a in articles] == [(r["id"], r["text"]) for r in records]

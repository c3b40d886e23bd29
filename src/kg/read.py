"""Readers: turn input files into `Article`s.

Accepted inputs: .txt (one article, id = file stem), .jsonl (one JSON object per line with `text` and
optional `id`, `url`, `title`, `published`, `publisher`, `byline`), .html/.htm (main text extracted with
trafilatura) and folders, walked in sorted order so a run is deterministic. A bad input raises
`InputError` naming the file (and line); with `on_error`, bad articles are reported and skipped, so one
broken line in a feed of thousands does not stop the build.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.types import Article

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
OPTIONAL_FIELDS = ("url", "title", "publisher", "byline")

ErrorHandler = Callable[[InputError], None]


def read_paths(paths: Iterable[Path | str], on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Every article under `paths`, in a stable order.

    Without `on_error` the first bad input raises `InputError`; with it, the error is passed to the
    callback and reading goes on with the next article.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            _report(InputError("no such file or folder", source=str(path)), on_error)
            continue
        for file in _walk(path):
            yield from _read_file(file, on_error)


def _report(error: InputError, on_error: ErrorHandler | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    else:
        yield path


def _read_file(path: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        _report(InputError(f"unsupported file type {suffix or '(none)'!r}; use .txt, .jsonl or .html",
                           source=str(path)), on_error)
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, on_error)
        elif suffix == ".txt":
            yield _article(path.stem, _read_text(path), str(path))
        else:
            yield read_html(path.stem, _read_text(path), str(path))
    except InputError as error:
        _report(error, on_error)


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}); re-save the file as UTF-8",
                         source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", source=str(path)) from None


def _article(article_id: str, text: str, source: str, **fields: object) -> Article:
    if not text.strip():
        raise InputError("the article is empty", source=source)
    return Article(id=article_id, text=text, source=source, **fields)  # type: ignore[arg-type]


def parse_date(value: object, source: str) -> date | None:
    """An ISO date ("2025-12-19", or a timestamp whose first 10 characters are one)."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be an ISO date string, not {value!r}", source=source)
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"'published' is not an ISO date (YYYY-MM-DD): {value!r}", source=source) from None


def _read_jsonl(path: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    """The file's articles, read one line at a time.

    A national feed can be one file of gigabytes: reading it whole (and splitting it into lines) would
    hold it twice in memory for the length of the build. Lines end at "\n" only, as JSON Lines defines;
    a U+2028 inside a JSON string is text, not a line break.
    """
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                source = f"{path}:{number}"
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    _report(InputError(f"not UTF-8 text (byte {exc.start} of the line); re-save the file "
                                       "as UTF-8", source=source), on_error)
                    continue
                if not line.strip():
                    continue
                try:
                    yield _jsonl_article(path, number, line, source)
                except InputError as error:
                    _report(error, on_error)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", source=str(path)) from None


def _jsonl_article(path: Path, number: int, line: str, source: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a JSON object ({exc.msg})", source=source) from None
    if not isinstance(record, dict):
        raise InputError("each line must be a JSON object", source=source)
    body = record.get("text")
    if not isinstance(body, str):
        raise InputError("the object has no 'text' string", source=source)
    article_id = record.get("id")
    if article_id is None:
        article_id = f"{path.stem}-{number}"
    elif not isinstance(article_id, str | int) or not str(article_id).strip():
        raise InputError("'id' must be a non-empty string", source=source)
    fields: dict[str, object] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name!r} must be a string", source=source)
        fields[name] = value or None
    fields["published"] = parse_date(record.get("published"), source)
    return _article(str(article_id).strip(), body, source, **fields)


def read_html(article_id: str, html: str, source: str) -> Article:
    """The main text of a web page (trafilatura), with its title and date when the page states them."""
    import trafilatura  # slow to import; only HTML input needs it

    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    published = None
    raw_date = getattr(meta, "date", None) if meta else None
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    url = getattr(meta, "url", None) if meta else None
    site = getattr(meta, "sitename", None) if meta else None
    author = getattr(meta, "author", None) if meta else None
    return _article(article_id, body, source, title=title, published=published, url=url,
                    publisher=site, byline=author)

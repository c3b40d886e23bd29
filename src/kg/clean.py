"""Cleaning: blank page junk with spaces so it yields no facts, keeping every offset valid.

Web pages wrap articles in comment forms, share buttons, view counters, photo captions and bylines;
these name agencies ("foto Kominfo Berau") without stating anything. The patterns are data
(data/lexicon/page_junk.yaml). Junk is replaced by spaces of the same length rather than cut, so a span
found in the cleaned text is the same span in the text as read.
"""

from __future__ import annotations

from kg.knowledge import Knowledge
from kg.types import Article, CleanArticle, Span

_TAIL_FROM = 0.5  # a trailer marker ("Tinggalkan Balasan") cuts to the end only in the second half
_MAX_JUNK_LINE = 400  # junk lines are short; longer lines are not tested against the line patterns
_MIN_REPEAT = 20  # a repeated line at least this long (a title printed twice) is blanked the second time


def clean(article: Article, knowledge: Knowledge) -> CleanArticle:
    """The article with junk blanked and the removed spans recorded (merged, in text order)."""
    text = article.text
    junk = knowledge.junk
    removed: list[Span] = []
    limit = len(text)
    seen: set[str] = set()
    pos = 0
    tail, lines = junk.tail.fullmatch, junk.lines.fullmatch
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        size = len(stripped)
        if size <= _MAX_JUNK_LINE:
            if tail(stripped):
                lead = start + line.index(stripped[0])
                if lead >= len(text) * _TAIL_FROM:
                    limit = lead
                    removed.append(Span(lead, len(text)))
                    break
                removed.append(Span(lead, lead + size))  # near the top it is a widget line, not the trailer
                continue
            if lines(stripped):
                lead = start + line.index(stripped[0])
                removed.append(Span(lead, lead + size))
                continue
        if size >= _MIN_REPEAT:
            if stripped in seen:
                lead = start + line.index(stripped[0])
                removed.append(Span(lead, lead + size))  # a title or paragraph printed twice
            seen.add(stripped)
    for start, end in junk.inline_matches(text, limit):
        removed.append(Span(start, end))
    spans = _merge(removed)
    if not spans:
        return CleanArticle(article, text, ())
    parts = []
    last = 0
    for span in spans:
        parts.append(text[last : span.start])
        parts.append(_blank(text[span.start : span.end]))
        last = span.end
    parts.append(text[last:])
    return CleanArticle(article, "".join(parts), tuple(spans))


def _blank(segment: str) -> str:
    """Spaces for the segment, keeping its line breaks so sentences and paragraphs stay apart."""
    if "\n" not in segment:
        return " " * len(segment)
    return "\n".join(" " * len(line) for line in segment.split("\n"))


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans):
        if out and span.start <= out[-1].end:
            if span.end > out[-1].end:
                out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out

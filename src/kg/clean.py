"""Cleaning: blank page junk with spaces so it yields no facts, keeping every offset valid.

Web pages wrap articles in comment forms, share buttons, view counters, photo captions and bylines;
these name agencies ("foto Kominfo Berau") without stating anything. The patterns are data
(data/lexicon/page_junk.yaml). Junk is replaced by spaces of the same length rather than cut, so a span
found in the cleaned text is the same span in the text as read.
"""

from __future__ import annotations

from kg.knowledge import Knowledge
from kg.knowledge.matcher import lower_same_length, remember_lower
from kg.types import Article, CleanArticle, Span

_TAIL_FROM = 0.5  # a trailer marker ("Tinggalkan Balasan") cuts to the end only in the second half
_MAX_JUNK_LINE = 400  # junk lines are short; longer lines are not tested against the line patterns
_MIN_REPEAT = 20  # a repeated line at least this long (a title printed twice) is blanked the second time
_SIGMA = "\u03a3"  # the one character whose lower case depends on its neighbours (final sigma)


def clean(article: Article, knowledge: Knowledge) -> CleanArticle:
    """The article with junk blanked and the removed spans recorded (merged, in text order)."""
    text = article.text
    junk = knowledge.junk
    removed: list[Span] = []
    limit = len(text)
    seen: set[str] = set()
    pos = 0
    tail, lines = junk.tail.fullmatch, junk.is_line_junk
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
    kept = []  # (start, end) of the text kept, one more than the spans
    blanks = []
    last = 0
    for span in spans:
        kept.append((last, span.start))
        blanks.append(_blank(text[span.start : span.end]))
        last = span.end
    kept.append((last, len(text)))
    cleaned = _joined(text, kept, blanks)
    if _SIGMA not in text:
        # Lower-casing is then character by character, so the cleaned text's lower case (which the
        # recogniser and the event stage read) is the article's with the same spans blanked.
        remember_lower(cleaned, _joined(lower_same_length(text), kept, blanks))
    return CleanArticle(article, cleaned, tuple(spans))


def _joined(text: str, kept: list[tuple[int, int]], blanks: list[str]) -> str:
    """The kept pieces of `text` with the blanks between them."""
    parts = [text[kept[0][0] : kept[0][1]]]
    for blank, (start, end) in zip(blanks, kept[1:], strict=True):
        parts.append(blank)
        parts.append(text[start:end])
    return "".join(parts)


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

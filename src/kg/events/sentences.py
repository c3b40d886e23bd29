"""Sentence boundaries of a cleaned article.

Facts are assembled sentence by sentence (a visit's direction, an award's recipient, the date near a
visit), so the boundaries must survive the genre's abbreviations ("H. Iskandar", "S.Sos.", "Jl.") and
decimal commas. One regex pass; cheap enough to run on every article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kg.types import Span

# A candidate boundary: end punctuation (optionally closing quotes/brackets) then space, or line breaks.
# It opens with a character class so the engine jumps from one such character to the next; the look-
# behinds then tell which one was read (the same matches as "[.!?]+[\"'”’)\]]*(?=\s)|\n+").
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s)|(?<=\n)\n*)")
# What follows a degree: a capitalised plain word starts a new sentence ("S.Sos. Mereka …").
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)(?=[\s,;:])")
_SPACE = re.compile(r"\s*")
_LAST_CUT = re.compile(r"(?s).*[ \n(,]")  # greedy: ends just after the last separator
# Words that end with a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    [
        "h",
        "hj",
        "dr",
        "drs",
        "dra",
        "ir",
        "prof",
        "st",
        "jl",
        "jln",
        "no",
        "kab",
        "kec",
        "kel",
        "prov",
        "pemkab",
        "pemkot",
        "pemprov",
        "tgl",
        "bpk",
        "ibu",
        "sdr",
        "mr",
        "mrs",
        "ny",
        "nn",
        "sos",
        "si",
        "kom",
        "ap",
        "stp",
        "ag",
        "pd",
        "kes",
        "ak",
        "ab",
        "th",
        "sh",
        "mh",
        "mm",
        "mt",
        "se",
        "ssos",
        "msi",
    ]
)

_LONGEST = max(map(len, _ABBREVIATIONS)) + 1


@dataclass(frozen=True)
class Sentences:
    """The sentence spans of a text, in order, with a quick lookup of the sentence holding an offset."""

    spans: tuple[Span, ...]
    starts: tuple[int, ...] = ()

    def index_of(self, offset: int) -> int:
        """Index of the sentence that contains `offset` (the nearest preceding one between sentences)."""
        return max(0, bisect_right(self.starts, offset) - 1)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at `dot` closes an abbreviation ("H.", "Jl.") or a name's degree ("S.Sos.")."""
    if dot == 0 or not (text[dot - 1].isalnum() or text[dot - 1] == "."):
        return False
    if dot >= 13 and text[dot - _LONGEST : dot].isalpha() and "." not in text[dot - 13 : dot]:
        return False  # the usual case, decided cheaply: a word of letters longer than any abbreviation
    low = max(0, dot - 13)
    cut = _LAST_CUT.match(text, low, dot)  # up to the last separator of the 13 characters before the dot
    if cut is None and dot >= 13:
        return False  # a word of more than twelve characters is no abbreviation
    word = text[cut.end() if cut else low : dot].strip(".\"'“‘")
    if not word:
        return False
    if "." in word:  # "S.Sos", "M.Si": inside a name's degrees, unless a new sentence follows
        return _NEXT_WORD.match(text, dot + 1) is None
    return (len(word) == 1 and word.isalpha()) or word.casefold() in _ABBREVIATIONS


def split_sentences(text: str) -> Sentences:
    """Split `text` into sentence spans (leading and trailing spaces trimmed, empty ones dropped)."""
    spans: list[Span] = []
    append, space = spans.append, _SPACE.match
    start = 0
    for match in _BOUNDARY.finditer(text):
        dot, end = match.span()
        if text[dot] != "\n" and _is_abbreviation(text, dot):
            continue
        begin = space(text, start, end).end()
        stop = begin + len(text[begin:end].rstrip())
        if stop > begin:
            append(Span(begin, stop))
        start = end
    begin = _SPACE.match(text, start).end()
    stop = len(text.rstrip())
    if stop > begin:
        spans.append(Span(begin, stop))
    return Sentences(tuple(spans), tuple(s.start for s in spans))


_DATELINE = re.compile(
    r"^[ \t]*(?P<line>[A-Z][A-Z .'()-]{2,40}(?:,\s*\(?[\w .'-]{2,40}\)?)?)\s*[–—-]+\s", re.MULTILINE
)


def dateline(text: str) -> Span | None:
    """The dateline at the head of the story ("TANJUNG REDEB, DIMENSINEWS –"): where the reporter files."""
    match = _DATELINE.search(text, 0, min(len(text), 600))
    return Span(match.start("line"), match.end("line")) if match else None

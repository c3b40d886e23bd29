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
_BOUNDARY = re.compile(r"(?=[.!?\n])(?:[.!?]+[\"'”’)\]]*(?=\s)|\n+)")  # the look-ahead makes the scan fast
# What follows a degree: a capitalised plain word starts a new sentence ("S.Sos. Mereka …").
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)(?=[\s,;:])")
_SPACE = re.compile(r"\s*")
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
    before = text[max(0, dot - 13) : dot]
    cut = max(before.rfind(" "), before.rfind("\n"), before.rfind("("), before.rfind(","))
    if cut == -1 and dot >= 13:
        return False  # a word of more than twelve characters is no abbreviation
    word = before[cut + 1 :].strip(".\"'“‘")
    if not word:
        return False
    if "." in word:  # "S.Sos", "M.Si": inside a name's degrees, unless a new sentence follows
        return _NEXT_WORD.match(text, dot + 1) is None
    return (len(word) == 1 and word.isalpha()) or word.casefold() in _ABBREVIATIONS


def split_sentences(text: str) -> Sentences:
    """Split `text` into sentence spans (leading and trailing spaces trimmed, empty ones dropped)."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group()[0] != "\n" and _is_abbreviation(text, match.start()):
            continue
        end = match.end()
        begin = _SPACE.match(text, start, end).end()
        stop = end
        while stop > begin and text[stop - 1].isspace():
            stop -= 1
        if stop > begin:
            spans.append(Span(begin, stop))
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

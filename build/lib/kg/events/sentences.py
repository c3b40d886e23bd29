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

# A candidate boundary: end punctuation (optionally closing quotes/brackets) then space, or a line break.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")
# Words that end with a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    ["h", "hj", "dr", "drs", "dra", "ir", "prof", "st", "jl", "jln", "no", "kab", "kec", "kel", "prov", "pemkab", "pemkot", "pemprov", "tgl", "bpk", "ibu", "sdr", "mr", "mrs", "ny", "nn", "sos", "si", "kom", "ap", "stp", "ag", "pd", "kes", "ak", "ab", "th", "sh", "mh", "mm", "mt", "se", "ssos", "msi"]
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
    """Whether the period at `dot` closes an abbreviation ("H.", "S.Sos.", "Jl.") or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].rstrip(".")
    if not word:
        return False
    if "." in word:  # "S.Sos", "M.Si": inside a name's degrees, unless a new sentence follows
        following = re.match(r"\s+(\S+)", text[dot + 1 :])
        return not (following and following.group(1)[:1].isupper() and "." not in following.group(1)
                    and following.group(1).isalpha())
    return len(word) == 1 and word.isalpha() or word.casefold() in _ABBREVIATIONS


def split_sentences(text: str) -> Sentences:
    """Split `text` into sentence spans (leading and trailing spaces trimmed, empty ones dropped)."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group() != "\n" and _is_abbreviation(text, match.start()):
            continue
        end = match.end()
        _append(text, start, end, spans)
        start = end
    _append(text, start, len(text), spans)
    return Sentences(tuple(spans), tuple(s.start for s in spans))


def _append(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))

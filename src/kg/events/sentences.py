"""Sentence boundaries of a cleaned article.

Facts are assembled sentence by sentence (a visit's direction, an award's recipient, the date near a
visit), so the boundaries must survive the genre's abbreviations ("H. Iskandar", "S.Sos.", "Jl.") and
decimal commas. One regex pass; cheap enough to run on every article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kg.knowledge.matcher import occurrences
from kg.types import Span

# A candidate boundary: end punctuation (optionally closing quotes/brackets) then space, taking in the line
# breaks right after it (they end the sentence whether or not the period closes an abbreviation), or line
# breaks. It opens with a character class; the look-behinds then tell which one was read (the same
# matches as "[.!?]+[\"'”’)\]]*(?=\s)(?:[ \t]*\n+)?|\n+").
_BOUNDARY_RUN = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s)(?:[ \t]*\n+)?|(?<=\n)\n*)")
# What follows a degree: a capitalised plain word starts a new sentence ("S.Sos. Mereka …").
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)(?=[\s,;:])")
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
# The last four characters (case-folded) of every abbreviation of four or more: a word of at least four
# letters or digits that ends otherwise is no abbreviation. Shorter ones are all reached by that test too
# when the word is short, so they stay on the full path below.
_TAIL = 4
_TAILS = frozenset(a[-_TAIL:] for a in _ABBREVIATIONS if len(a) >= _TAIL)


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
    if dot >= _TAIL:
        tail = text[dot - _TAIL : dot]
        # the usual case, decided cheaply: the word ends in four letters or digits no abbreviation ends
        # in, and holds no period (a period would make it a degree, "S.Sos")
        if tail.isalnum() and tail.casefold()[-_TAIL:] not in _TAILS \
                and "." not in text[max(0, dot - 13) : dot]:
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


def _boundaries(text: str) -> list[re.Match[str]]:
    """`_BOUNDARY_RUN.finditer(text)` as a list. A boundary opens with one of four characters, found with
    `str.find` (several times faster than the regex engine stepping through a two-byte string, which is
    what curly quotes and dashes make of most articles); the pattern is tried only there."""
    places = occurrences(text, _OPENERS)
    out = []
    match_at = _BOUNDARY_RUN.match
    last_end = 0
    for at in places:
        if at >= last_end and (match := match_at(text, at)) is not None:
            out.append(match)
            last_end = match.end()
    return out


_OPENERS = ".!?\n"  # the characters a boundary opens with (_BOUNDARY_RUN's first character class)


def split_sentences(text: str) -> Sentences:
    """Split `text` into sentence spans (leading and trailing spaces trimmed, empty ones dropped)."""
    spans: list[Span] = []
    starts: list[int] = []
    append, append_start = spans.append, starts.append
    start = 0
    for match in _boundaries(text):
        dot, end = match.span()
        if text[end - 1] != "\n":
            tail = text[dot - _TAIL : dot] if dot >= _TAIL else ""
            # the test that opens _is_abbreviation, here to spare the call for the common sentence end
            if not (tail.isalnum() and tail.casefold()[-_TAIL:] not in _TAILS
                    and "." not in text[max(0, dot - 13) : dot]) and _is_abbreviation(text, dot):
                continue
        # str.strip and the regex \s agree on what white space is, so the trimmed piece is the sentence
        piece = text[start:end]
        body = piece.lstrip()
        if body:
            begin = end - len(body)
            append(Span(begin, begin + len(body.rstrip())))
            append_start(begin)
        start = end
    piece = text[start:]
    body = piece.strip()
    if body:
        begin = start + len(piece) - len(piece.lstrip())
        spans.append(Span(begin, begin + len(body)))
        starts.append(begin)
    return Sentences(tuple(spans), tuple(starts))


_DATELINE = re.compile(
    r"^[ \t]*(?P<line>[A-Z][A-Z .'()-]{2,40}(?:,\s*\(?[\w .'-]{2,40}\)?)?)\s*[–—-]+\s", re.MULTILINE
)


def dateline(text: str) -> Span | None:
    """The dateline at the head of the story ("TANJUNG REDEB, DIMENSINEWS –"): where the reporter files."""
    match = _DATELINE.search(text, 0, min(len(text), 600))
    return Span(match.start("line"), match.end("line")) if match else None


# "Pontianak – Indeks …", "Mangupura, 19 Desember 2024 — Dinas …", "Mataram (ANTARA) - …": a place in
# title case opening a line of the story, perhaps the outlet, then a dash and the story's first sentence
_TITLED_DATELINE = re.compile(
    r"^[ \t]*(?P<line>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}(?:,[ \t]*[^\n–—]{1,40}?)?"
    r"(?:[ \t]*\([A-Za-z][\w .'-]{1,30}\))?)[ \t]*[–—-]+[ \t]+"  # "Mataram (ANTARA) - …": the outlet
    r"(?=[^\n]{60})",
    re.MULTILINE,
)


def titled_datelines(text: str) -> list[Span]:
    """Datelines written in title case at the head of the story, candidates only: a headline can look the
    same, so the caller takes the first whose place is a region name and that names no agency."""
    head = _TITLED_DATELINE.finditer(text, 0, min(len(text), 600))
    return [Span(m.start("line"), m.end("line")) for m in head]

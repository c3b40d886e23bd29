"""One Aho-Corasick automaton over every surface form of every lexicon.

Finding candidates is the only step that touches every character of every article, so it is one pass
of a compiled automaton (pyahocorasick) over a folded copy of the text: lower case, the punctuation
that may open a word turned into spaces, same length (offsets stay valid). Keys start with a space and
the text gets one in front, so forms only match at the start of a word; the checks that make a hit
real (word end, capitalisation, exact case for acronyms) run only at the hits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Literal

import ahocorasick

from kg.types import MentionKind

Case = Literal["any", "cap", "exact"]

# Characters that may stand right before a word; the folded text has a space there instead, so that a
# key (which starts with a space) matches at the start of any word. They never occur inside keys.
_BOUNDARY = "\n\t\r\xa0\u2009\u202f(\u201c\"\u2018'/[\u2026"
_SPACES = re.compile(r"\s+")
_CASE_CODE = {"any": 0, "cap": 1, "exact": 2}


# Python's own str.lower, called by name: mypyc (the compiled build, kg.native) turns `s.lower()` into a
# primitive that ignores the final-sigma rule ("ΟΔΟΣ" → "οδοσ", not "οδος"), and both builds must agree
lower: Callable[[str], str] = str.lower

_LOWERED: dict[str, str] = {}  # the last few texts and their lower case, oldest first
_KEEP_LOWERED = 16


def lower_same_length(text: str) -> str:
    """`text` lower-cased, of the SAME length: a few characters (İ) lower-case to two and stay as they
    are. Kept for the last few texts: the recogniser and the event stage both read an article's."""
    low = _LOWERED.get(text)
    if low is None:
        low = lower(text)
        if len(low) != len(text):
            low = "".join(lower(c) if len(lower(c)) == 1 else c for c in text)
        remember_lower(text, low)
    return low


def remember_lower(text: str, low: str) -> None:
    """Keep `low` as `lower_same_length(text)`, computed by a caller that can derive it more cheaply
    (the cleaner: the article's lower case with the same spans blanked)."""
    if len(_LOWERED) >= _KEEP_LOWERED:
        with suppress(KeyError, RuntimeError, StopIteration):  # another thread got there first
            del _LOWERED[next(iter(_LOWERED))]
    _LOWERED[text] = low


def occurrences(text: str, needles: Iterable[str], start: int = 0, end: int | None = None) -> list[int]:
    """Every offset in [start, end) where one of `needles` begins (overlaps included), sorted, each once.
    `str.find` is several times faster than the regex engine stepping through a two-byte string (what
    curly quotes and dashes make of most articles): patterns that open with one of a few texts are tried
    only at these offsets."""
    stop = len(text) if end is None else end
    found = set()
    for needle in needles:
        at = text.find(needle, start, stop)
        while at != -1:
            found.add(at)
            at = text.find(needle, at + 1, stop)
    return sorted(found)


def fold(text: str) -> str:
    """Lower-cased text with word-opening punctuation as spaces, of the SAME length as `text`."""
    low = lower_same_length(text)
    for char in _BOUNDARY:
        if char in low:
            low = low.replace(char, " ")
    return low


@lru_cache(maxsize=8192)
def fold_form(form: str) -> str:
    """A lexicon form as a lookup key: folded, runs of spaces collapsed."""
    return _SPACES.sub(" ", fold(form)).strip()


def _automaton_key(form: str) -> str:
    """The key a form is matched by: a space (the word start), then the folded form."""
    return " " + fold_form(form)


def case_of(form: str, default: Case) -> Case:
    """Acronyms in capitals match only in capitals; otherwise the source's default applies."""
    letters = [c for c in form if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "exact"
    if default == "cap" and not form[:1].isupper():
        return "any"
    return default


def spelling_variants(form: str) -> set[str]:
    """Optional commas ("Komunikasi, Informatika" / "Komunikasi Informatika") and hyphens."""
    parts = form.split(",")
    if 1 < len(parts) <= 5:
        joined = set()
        for seps in product((",", ""), repeat=len(parts) - 1):
            text = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True))
            joined.add(_SPACES.sub(" ", text).strip())
    else:
        joined = {form}
    out = set(joined)
    for text in joined:
        if "-" in text:
            out.add(text.replace("-", " "))
            out.add(text.replace("-", ""))
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form means: the mention kind, the lexicon value and the rule (file:line)."""

    kind: MentionKind
    value: str
    rule: str
    surface: str
    case: Case


@dataclass(frozen=True, slots=True)
class Hit:
    """A checked automaton hit: [start, end) of the text and the lexicon entry it matched."""

    start: int
    end: int
    entry: Entry


class SurfaceMatcher:
    """The automaton; `find` returns hits in text order, hits strictly inside a longer hit removed."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        table: dict[str, list[Entry]] = {}
        for entry in entries:
            for variant in spelling_variants(entry.surface):
                if not fold_form(variant):
                    continue
                key = _automaton_key(variant)
                variant_entry = entry if variant == entry.surface else Entry(
                    entry.kind, entry.value, entry.rule, variant, entry.case)
                bucket = table.setdefault(key, [])
                if not any(e.kind == entry.kind and e.value == entry.value and e.surface == variant
                           for e in bucket):
                    bucket.append(variant_entry)
        automaton = ahocorasick.Automaton()
        for key, bucket in table.items():
            # the payload carries what `find` needs at a hit, so it does no look-ups there: per entry its
            # case check (0 any, 1 capitalised, 2 exact) and the surface an exact entry must be written as
            # ordered by (kind, value), keeping the bucket's order among equals: the order `spans` gives
            # the readings of one hit, so it never compares them
            ordered = sorted(bucket, key=lambda e: (e.kind, e.value))
            checks = tuple((_CASE_CODE[e.case], e.surface, e.kind, e.value, e) for e in ordered)
            automaton.add_word(key, (len(key), key[-1].isalnum(), checks))
        automaton.make_automaton()
        self._automaton = automaton
        self.size = len(table)

    def find(self, text: str, folded: str | None = None) -> list[Hit]:
        """Every hit in `text` in text order (`folded`: its fold(), when the caller already has it)."""
        return [Hit(start, end, entry) for start, end, entry in self.spans(text, folded)]

    def spans(self, text: str, folded: str | None = None) -> list[tuple[int, int, Entry]]:
        """`find` as plain (start, end, entry) tuples, for callers that build their own objects."""
        low = " " + (fold(text) if folded is None else folded) + " "
        # The automaton reports hits in order of end position. A hit strictly inside another is dropped
        # ("Kalimantan Timur" inside "Provinsi Kalimantan Timur"), so the hits kept never nest and are in
        # order of start as well as of end: a new hit can only lie inside the last one kept (nothing kept
        # ends later), and the kept hits inside a new one are the last ones (those starting at or after
        # it). One pass, no sort. The readings of one hit come in the order of its checks, by (kind, value).
        kept: list[tuple[int, int, Entry]] = []
        append, pop = kept.append, kept.pop
        spaces = _SPACES.sub
        for last, (length, open_end, checks) in self._automaton.iter(low):
            # `low` is shifted by one: the key's leading space sits on the character before the form
            if open_end and low[last + 1].isalnum():
                continue  # the form ends inside a word
            start = last - length + 1
            if kept and kept[-1][1] == last and kept[-1][0] < start:
                continue  # inside the longer hit ending here
            found = False
            kept_kind = kept_value = ""
            for case, surface, kind, value, entry in checks:
                if case:
                    if case == 2:
                        written = text[start:last]
                        if written != surface and spaces(" ", written) != surface:
                            continue
                    elif not text[start].isupper():
                        continue
                if not found:
                    found = True
                    while kept and kept[-1][0] >= start:
                        pop()  # inside this hit
                elif kind == kept_kind and value == kept_value:
                    continue  # the same reading reached through two spelling variants (checks are ordered)
                append((start, last, entry))
                kept_kind, kept_value = kind, value
        return kept

"""One Aho-Corasick automaton over every surface form of every lexicon.

Finding candidates is the only step that touches every character of every article, so it is one pass
of a compiled automaton (pyahocorasick) over a case-folded copy of the text; the checks that make a
hit real (whole words, capitalisation, exact case for acronyms) run only at the hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product
from typing import Literal

import ahocorasick

from kg.types import MentionKind

Case = Literal["any", "cap", "exact"]

_WS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\xa0": " ", "\u2009": " ", "\u202f": " ",
                     "\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2010": "-"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case-folded text of the SAME length, so offsets found in it are offsets in `text`."""
    low = text.lower()
    if len(low) != len(text):  # a few characters (İ) lower-case to two; fold them one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_WS)


def fold_form(form: str) -> str:
    return _SPACES.sub(" ", fold(form)).strip()


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
    start: int
    end: int
    entry: Entry


class SurfaceMatcher:
    """The automaton; `find` returns hits in text order, hits strictly inside a longer hit removed."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        table: dict[str, list[Entry]] = {}
        for entry in entries:
            for variant in spelling_variants(entry.surface):
                key = fold_form(variant)
                if not key:
                    continue
                variant_entry = entry if variant == entry.surface else Entry(
                    entry.kind, entry.value, entry.rule, variant, entry.case)
                bucket = table.setdefault(key, [])
                if not any(e.kind == entry.kind and e.value == entry.value and e.surface == variant
                           for e in bucket):
                    bucket.append(variant_entry)
        automaton = ahocorasick.Automaton()
        for key, bucket in table.items():
            automaton.add_word(key, (len(key), tuple(bucket)))
        automaton.make_automaton()
        self._automaton = automaton
        self.size = len(table)

    def find(self, text: str, folded: str | None = None) -> list[Hit]:
        low = fold(text) if folded is None else folded
        n = len(low)
        hits: list[Hit] = []
        for last, (length, entries) in self._automaton.iter(low):
            start = last - length + 1
            end = last + 1
            if low[start].isalnum() and start > 0 and low[start - 1].isalnum():
                continue
            if low[last].isalnum() and end < n and low[end].isalnum():
                continue
            for entry in entries:
                if entry.case == "exact":
                    if _SPACES.sub(" ", text[start:end]) != entry.surface:
                        continue
                elif entry.case == "cap" and not text[start].isupper():
                    continue
                hits.append(Hit(start, end, entry))
        hits.sort(key=lambda h: (h.start, -h.end))
        kept: list[Hit] = []
        max_end = -1
        max_span = (-1, -1)
        seen: set[tuple[int, int, str, str]] = set()
        for hit in hits:
            ident = (hit.start, hit.end, hit.entry.kind, hit.entry.value)
            if ident in seen:
                continue
            seen.add(ident)
            if hit.end <= max_end and (hit.start, hit.end) != max_span:
                continue  # inside a longer hit: "Kalimantan Timur" inside "Provinsi Kalimantan Timur"
            kept.append(hit)
            if hit.end > max_end:
                max_end, max_span = hit.end, (hit.start, hit.end)
        return kept

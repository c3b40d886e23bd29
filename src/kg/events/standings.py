"""What prose says about several results at once: the order of a ranking, a grade shared, the field size.

Award reports often rank in sentences rather than with "peringkat ke-N" next to each body: "Posisi
pertama ditempati Provinsi Jawa Barat dengan nilai 97,24, disusul Provinsi Jawa Tengah …"; "Dua posisi
teratas diraih Kota Metro … dan Kota Bandar Lampung …". They give one grade to several bodies named just
before ("Keduanya juga berpredikat Informatif"), and state how many were ranked once ("peringkat ke-3
dari 38 provinsi") for every result of that ranking. These rules run after the results are read, and
only fill what the results' own clauses left empty.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.events import award_parts as parts
from kg.events.view import ArticleView
from kg.knowledge.awards import AwardLexicon
from kg.knowledge.matcher import occurrences
from kg.types import Award

_COUNTS = {"dua": 2, "tiga": 3, "empat": 4, "lima": 5}
# "posisi pertama", "peringkat teratas", "dua posisi teratas": the top of a ranking opens. The patterns run
# on the lower-cased text, and only where their last (or first) word is found: a scan of every position
# of every award article with them cost more than the rest of the award stage.
_TOP_WORDS = ("pertama", "teratas", "puncak", "tertinggi")
_TOP_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<count>dua|tiga|empat|lima|[2-5])\s+)?(?:posisi|peringkat|urutan|tempat)\s+$"
)
_TOP_END = re.compile(r"(?:pertama|teratas|puncak|tertinggi)(?![\w-])")
_NEXT = re.compile(r"(?<![\w-])(?:disusul|diikuti)(?![\w-])")  # the next place, in the lower-cased text
# "keduanya", "ketiganya", "kedua daerah tersebut": the bodies just named, together
_TOGETHER_WORDS = ("kedua", "ketiga")
_TOGETHER = re.compile(
    r"(?<![\w-])(?:(?P<two>keduanya)|(?P<three>ketiganya)|(?P<pair>kedua|ketiga)\s+"
    r"(?:daerah|kabupaten|kota|provinsi|pemda|instansi|badan\s+publik)\s+(?:itu|tersebut))(?![\w-])"
)
_TIER = {"provinsi": "provinsi", "kabupaten": "kabupaten/kota", "kota": "kabupaten/kota"}


def prose_standings(view: ArticleView, lexicon: AwardLexicon, awards: list[Award]) -> list[Award]:
    """`awards` with the ranks, shared grades and field sizes that prose states about several of them."""
    if len(awards) < 2:
        return awards
    return _shared_field(_shared_grades(view, lexicon, _top_places(view, awards)))


def _tops(low: str) -> list[tuple[int, int]]:
    """(end, places) of each "posisi pertama" / "dua posisi teratas" in text order."""
    out = []
    for at in occurrences(low, _TOP_WORDS):
        word = _TOP_END.match(low, at)
        opened = _TOP_BEFORE.search(low, max(0, at - 30), at) if word is not None else None
        if word is not None and opened is not None:
            count = opened.group("count")
            places = int(count) if count and count.isdigit() else _COUNTS.get(count or "", 1)
            out.append((word.end(), places))
    return out


def _top_places(view: ArticleView, awards: list[Award]) -> list[Award]:
    """After "posisi pertama" the first body named is first; each one after "disusul" is the next, and
    after "dua/tiga posisi teratas" the bodies listed take the places in the order written."""
    out = list(awards)
    order = sorted(range(len(out)), key=lambda i: out[i].recipient.span.start)
    for top_end, places in _tops(view.low):
        sentence = view.sentence(view.sentences.index_of(top_end - 1))
        after = [i for i in order if top_end <= out[i].recipient.span.start < sentence.end]
        if not after:
            continue
        name = out[after[0]].name
        place, last_end = 0, top_end
        for i in after:
            if out[i].name != name:
                continue
            next_place = place + 1
            listed = next_place <= places or _NEXT.search(view.low, last_end, out[i].recipient.span.start)
            if not listed:
                break
            if out[i].rank is None:
                out[i] = replace(out[i], rank=next_place)
            elif out[i].rank != next_place:
                break  # the clause states another place: the prose order is not a ranking
            place, last_end = next_place, out[i].recipient.span.end
    return out


def _shared_grades(view: ArticleView, lexicon: AwardLexicon, awards: list[Award]) -> list[Award]:
    """"Keduanya berpredikat Sangat Baik": the grade of each of the bodies named just before, in this
    sentence or the one before, that have none of their own."""
    out = list(awards)
    for at in occurrences(view.low, _TOGETHER_WORDS):
        together = _TOGETHER.match(view.low, at)
        if together is None:
            continue
        index = view.sentences.index_of(together.start())
        sentence = view.sentence(index)
        since = view.sentence(index - 1).start if index > 0 else sentence.start
        before = sorted(
            (i for i, a in enumerate(out)
             if since <= a.recipient.span.start and a.recipient.span.end <= together.start()),
            key=lambda i: out[i].recipient.span.start,
        )
        size = 3 if together.group("three") or together.group("pair") == "ketiga" else 2
        named = before[-size:]
        if len(named) < size or len({out[i].name for i in named}) != 1:
            continue
        entry = lexicon.entry_named(out[named[0]].name)
        if entry is None or not entry.predicates:
            continue
        grade = parts.grade(view.text, together.end(), sentence.end, entry.predicates)
        if grade is None:
            continue
        for i in named:
            if out[i].predicate is None:
                out[i] = replace(out[i], predicate=grade)
    return out


def _shared_field(awards: list[Award]) -> list[Award]:
    """A ranked result with no field size takes the one the other ranked results of the same award, year
    and tier of government state ("peringkat ke-3 dari 38 provinsi"), when they all state the same."""
    sizes: dict[tuple[str, int | None, str], set[int]] = {}
    for award in awards:
        if award.rank is not None and award.out_of is not None:
            sizes.setdefault(_ranking(award), set()).add(award.out_of)
    if not sizes:
        return awards
    out = []
    for award in awards:
        size = sizes.get(_ranking(award), set())
        if award.rank is not None and award.out_of is None and len(size) == 1:
            award = replace(award, out_of=next(iter(size)))
        out.append(award)
    return out


def _ranking(award: Award) -> tuple[str, int | None, str]:
    region = award.recipient.region
    tier = _TIER.get(region.level, region.level) if region is not None else "national"
    return award.name.casefold(), award.year, tier

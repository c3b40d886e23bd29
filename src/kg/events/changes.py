"""Earlier index results a change states: "naik dari 2,87 pada 2023 menjadi 3,12 pada 2024".

An index result is often given with the value it changed from ("Nilai tersebut naik dari 2,87 yang
diperoleh pada evaluasi tahun 2023"). The earlier value is a result of its own, of the same body and
index, when its year is written; a change "dari tahun sebelumnya" names no year, and no result is made
up for it. The value after "menjadi" is the current result's, and so is the year written after it. The
change words are data (awards.yaml `change_words`, `change_to`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from kg.events import award_parts as parts
from kg.events.view import ArticleView, EventKnowledge
from kg.knowledge.awards import AwardLexicon
from kg.knowledge.matcher import lower
from kg.types import Award, Span

CHANGE_FROM = "award:change-from"  # the rule of an earlier result a change states

_VALUE = r"\d{1,3}[.,]\d{1,4}(?![\d.,])"
_MEASURE = r"(?:(?:nilai|skor|indeks|angka|capaian)\s+)?"
_CLAUSE = r"[^.;:\n]"  # a change and its years stay in one clause


def _year(group: str) -> str:
    return rf"(?<![\w-])(?:tahun|pada|di)\s+(?:(?:hasil\s+)?(?:evaluasi|penilaian)\s+)?(?:tahun\s+)?" \
           rf"(?P<{group}>(?:19|20)\d{{2}})(?![\w-])"


@lru_cache(maxsize=4)
def _pattern(lexicon: AwardLexicon) -> re.Pattern[str] | None:
    """The change phrase, for lower-cased text: change word, "dari", the earlier value and perhaps its
    year, then perhaps the new value after a `change_to` word and its year."""
    if not lexicon.change_words:
        return None

    def alternation(words: tuple[str, ...]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(re.escape(lower(w)).replace(r"\ ", r"\s+") for w in ordered)

    to = rf"(?<![\w-])(?:{alternation(lexicon.change_to)})(?![\w-])" if lexicon.change_to else r"(?!x)x"
    before_gap = rf"(?:(?!{to}){_CLAUSE}){{0,60}}?"  # the earlier value's year comes before the new value
    return re.compile(
        rf"(?<![\w-])(?:{alternation(lexicon.change_words)})(?:\s+[a-z]+){{0,2}}?\s+dari\s+{_MEASURE}"
        rf"(?P<before>{_VALUE})(?:{before_gap}{_year('before_year')})?"
        rf"(?:{_CLAUSE}{{0,40}}?{to}\s+{_MEASURE}(?P<after>{_VALUE})(?:{_CLAUSE}{{0,30}}?{_year('after_year')})?)?"
    )


@dataclass(frozen=True)
class Change:
    """A stated change of an index value."""

    span: Span
    before: Decimal
    before_year: int | None
    after: Decimal | None
    after_year: int | None


def change_in(view: ArticleView, lexicon: AwardLexicon, start: int, end: int) -> Change | None:
    """The first change phrase in [start, end)."""
    pattern = _pattern(lexicon)
    match = pattern.search(view.low, start, end) if pattern is not None else None
    if match is None:
        return None
    after, after_year = match.group("after"), match.group("after_year")
    before_year = match.group("before_year")
    return Change(
        span=Span(match.start(), match.end()),
        before=Decimal(match.group("before").replace(",", ".")),
        before_year=int(before_year) if before_year else None,
        after=Decimal(after.replace(",", ".")) if after else None,
        after_year=int(after_year) if after_year else None,
    )


def with_changes(view: ArticleView, knowledge: EventKnowledge, awards: list[Award]) -> list[Award]:
    """The awards with the years a change phrase gives them, and the earlier results it states.

    A change is read in the result's own clause, or in the next sentence when that sentence names no
    body and no award ("Nilai tersebut naik dari 2,87 yang diperoleh pada evaluasi tahun 2023") and the
    result is the last of its sentence. A result credited to several bodies at once is left alone."""
    lexicon = knowledge.awards
    if _pattern(lexicon) is None or not awards:
        return awards
    out = list(awards)
    for i, award in enumerate(awards):
        if award.score is None or sum(1 for a in awards if a.span == award.span and a.name == award.name) > 1:
            continue
        change = change_in(view, lexicon, award.span.start, award.span.end)
        if change is None:
            change = _in_next_sentence(view, knowledge, award, awards)
        if change is None or change.after not in (None, award.score):
            continue
        year = award.year
        if year is not None and year == change.before_year:
            year = change.after_year  # the year nearest the index's name was the earlier value's
        elif change.after_year is not None and year is None:
            year = change.after_year
        out[i] = replace(award, year=year)
        if change.before_year is not None and change.before_year != year:
            out.append(
                replace(
                    award,
                    span=change.span,
                    confidence=0.6,
                    rule=CHANGE_FROM,
                    year=change.before_year,
                    predicate=None,
                    category=None,
                    score=change.before,
                    rank=None,
                    out_of=None,
                )
            )
    return out


def _in_next_sentence(
    view: ArticleView, knowledge: EventKnowledge, award: Award, awards: list[Award]
) -> Change | None:
    index = view.sentences.index_of(award.span.start)
    if index + 1 >= len(view.sentences.spans):
        return None
    later = (a for a in awards if a.span.start > award.span.start)
    if any(view.sentences.index_of(a.span.start) == index for a in later):
        return None  # not the last result of its sentence
    nxt = view.sentence(index + 1)
    if view.mentions_of("award", nxt.start, nxt.end) or parts.recipients(view, knowledge, nxt.start, nxt.end):
        return None
    return change_in(view, knowledge.awards, nxt.start, nxt.end)

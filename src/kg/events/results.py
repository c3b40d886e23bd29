"""Result lists: the sentences after an award that give each body its grade, score or rank.

Announcements name the award once ("Komisi Informasi Provinsi Jawa Timur menyerahkan Anugerah
Keterbukaan Informasi Publik tahun 2023 …") and then list results: "Pemkot Surabaya … nilai 97,10
dan predikat Informatif, peringkat ke-1 dari 38. Pemkab Sidoarjo meraih predikat Menuju Informatif
…". Each body named starts a clause that runs to the next body; a clause with a grade of the award, a
score or a rank is one result of the award named before it (or of the award whose grade it is). Bodies
only listed together share the clause after the last of them; a semicolon starts a new clause about the
same body; list items print the grade after a dash ("1. Pemerintah Kota X – Informatif, nilai 98,50").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.events import award_parts as parts
from kg.events.view import ArticleView, EventKnowledge
from kg.knowledge.awards import AwardEntry
from kg.types import Agency, Award, Mention, Span


@dataclass(frozen=True)
class AwardContext:
    """A known award the article names, with the year and awarder its sentence gives."""

    entry: AwardEntry
    mention: Mention
    year: int | None
    awarder: Agency | None


def award_contexts(view: ArticleView, knowledge: EventKnowledge) -> list[AwardContext]:
    """Every mention of a known award, in text order."""
    out = []
    for mention in view.mentions_of("award"):
        entry = knowledge.awards.awards.get(mention.value)
        if entry is None:
            continue
        sentence = view.sentence(view.sentences.index_of(mention.span.start))
        out.append(
            AwardContext(
                entry=entry,
                mention=mention,
                year=parts.year(view.text, sentence.start, sentence.end, mention.span)
                or parts.announced_year(
                    view,
                    view.sentences.index_of(mention.span.start),
                    (entry.awarder or "").partition(":")[0] or None,
                ),
                awarder=parts.awarder(
                    view, knowledge, sentence.start, sentence.end, entry.awarder, mention.span
                ),
            )
        )
    return out


def _capitalised_grade(
    view: ArticleView, start: int, end: int, words: tuple[str, ...]
) -> tuple[str, Span] | None:
    """A grade as results print it: after a cue or in quotes, and capitalised ("predikat Informatif"),
    with where it is written."""
    pattern = parts.grade_patterns(words).cued
    if pattern is None:
        return None
    for match in pattern.finditer(view.text, start, end):
        written = match.group("grade")
        quoted = view.text[match.start("grade") - 1 : match.start("grade")] in "“\"'‘"
        if written[:1].isupper() or quoted:
            grade = parts.grade(view.text, match.start(), match.end(), words)
            if grade is not None:
                return grade, Span(match.start(), match.end())
    return None


_LISTED: re.Pattern[str] = parts.LISTED


def _clauses(view: ArticleView, bodies: list[Agency], sentence: Span) -> list[tuple[Agency, int, int]]:
    """Each body's clause runs to the next body; bodies only listed together ("Pemkab Tabalong, Pemkab
    Balangan dan Pemkot Banjarmasin masing-masing meraih …") share the clause of the last of them. A
    semicolon ends a clause and the next one is about the same body ("…; pada 2020 kota itu …")."""
    out: list[tuple[Agency, int, int]] = []
    group: list[Agency] = []
    for i, body in enumerate(bodies):
        group.append(body)
        nxt = bodies[i + 1] if i + 1 < len(bodies) else None
        if nxt is not None and _LISTED.fullmatch(view.text, body.span.end, nxt.span.start):
            continue
        start = sentence.start if len(out) == 0 and group[0] is bodies[0] else group[0].span.start
        end = nxt.span.start if nxt is not None else sentence.end
        cuts = [start, *(m.end() for m in _SEMICOLON.finditer(view.text, body.span.end, end)), end]
        for member in group:
            out.extend((member, lo, hi) for lo, hi in zip(cuts, cuts[1:], strict=False))
        group = []
    return out


_SEMICOLON = re.compile(r";")


def _result(
    view: ArticleView,
    knowledge: EventKnowledge,
    contexts: list[AwardContext],
    body: Agency,
    start: int,
    end: int,
) -> Award | None:
    before = [c for c in contexts if c.mention.span.start < end]
    if not before:
        return None
    context = before[-1]
    found = None
    graded = None
    for candidate in [context, *reversed(before[:-1])]:  # the grade may belong to an earlier award
        entry = candidate.entry
        graded = _capitalised_grade(view, start, end, (*entry.predicates, *entry.categories))
        if graded is not None:
            found = graded[0]
            context = candidate
            break
    score = parts.score(view.text, start, end, body.span)
    rank, out_of = parts.rank(view.text, start, end, knowledge.awards)
    if found is None and score is None and rank is None:
        return None
    stated = graded[1] if graded is not None else Span(body.span.end, min(end, body.span.end + 1))
    if parts.hypothetical(view, knowledge.awards, stated, start, end):
        return None  # "Ia menargetkan Pekanbaru menembus predikat “Sangat Baik”": a goal, no result
    entry = context.entry
    is_predicate = found in entry.predicates
    return Award(
        name=entry.name,
        recipient=body,
        span=Span(start, end),
        confidence=0.65,
        rule=f"award:result-of-{entry.id}",
        awarder=context.awarder,
        year=parts.year(view.text, start, end, body.span) or context.year,
        predicate=found if is_predicate else None,
        category=None if is_predicate else found,
        score=score,
        rank=rank,
        out_of=out_of,
    )


def result_lists(
    view: ArticleView,
    knowledge: EventKnowledge,
    contexts: list[AwardContext],
    others: Sequence[Span] = (),
    credited: frozenset[str] = frozenset(),
) -> list[Award]:
    """Results stated from the first known award's sentence on; a clause holding one of `others` (the
    names of other awards read already: "Juara II Lomba Website …") is not a result of a known award.
    The body that gives an award (and bodies of its kind: "Ketua KI Kalsel menyebut …") receives none."""
    if not contexts:
        return []
    awarders = {c.awarder.key for c in contexts if c.awarder is not None}
    giver_types = {c.awarder.type_id for c in contexts if c.awarder is not None} - {None}
    first = view.sentences.index_of(contexts[0].mention.span.start)
    out: list[Award] = []
    for index in range(first, len(view.sentences.spans)):
        sentence = view.sentence(index)
        bodies = [
            b
            for b in parts.recipients(view, knowledge, sentence.start, sentence.end)
            if b.key not in awarders and b.type_id not in giver_types
        ]
        bodies.sort(key=lambda b: b.span.start)
        for body, start, end in _clauses(view, bodies, sentence):
            if any(c.mention.span.start >= start and c.mention.span.end <= end for c in contexts):
                continue  # a clause naming the award itself is read with that award
            if any(start < o.end and o.start < end for o in others):
                continue
            if body.key not in credited and parts.compared(view, knowledge.awards, body, sentence.start):
                continue  # "masih di bawah Kota Semarang yang mencatat 4,02": quoted to compare
            award = _result(view, knowledge, contexts, body, start, end)
            if award is not None:
                out.append(award)
                credited = credited | {body.key}
    return out

"""Result lists: the sentences after an award that give each body its grade, score or rank.

Announcements name the award once ("Komisi Informasi Provinsi Jawa Timur menyerahkan Anugerah
Keterbukaan Informasi Publik tahun 2023 …") and then list results: "Pemkot Surabaya … nilai 97,10
dan predikat Informatif, peringkat ke-1 dari 38. Pemkab Sidoarjo meraih predikat Menuju Informatif
…". Each body named starts a clause that runs to the next body; a clause with a grade of the award, a
score or a rank is one result of the award named before it (or of the award whose grade it is).
"""

from __future__ import annotations

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
        out.append(AwardContext(
            entry=entry, mention=mention,
            year=parts.year(view.text, sentence.start, sentence.end, mention.span),
            awarder=parts.awarder(view, knowledge, sentence.start, sentence.end, entry.awarder, mention.span)))
    return out


def _capitalised_grade(view: ArticleView, start: int, end: int, words: tuple[str, ...]) -> str | None:
    """A grade as results print it: after a cue or in quotes, and capitalised ("predikat Informatif")."""
    pattern = parts.grade_patterns(words).cued
    if pattern is None:
        return None
    for match in pattern.finditer(view.text, start, end):
        written = match.group("grade")
        quoted = view.text[match.start("grade") - 1 : match.start("grade")] in "“\"'‘"
        if written[:1].isupper() or quoted:
            return parts.grade(view.text, match.start(), match.end(), words)
    return None


def _clauses(bodies: list[Agency], sentence: Span) -> list[tuple[Agency, int, int]]:
    out = []
    for i, body in enumerate(bodies):
        start = sentence.start if i == 0 else body.span.start
        end = bodies[i + 1].span.start if i + 1 < len(bodies) else sentence.end
        out.append((body, start, end))
    return out


def _result(view: ArticleView, knowledge: EventKnowledge, contexts: list[AwardContext], body: Agency,
            start: int, end: int) -> Award | None:
    before = [c for c in contexts if c.mention.span.start < end]
    if not before:
        return None
    context = before[-1]
    found = None
    for candidate in [context, *reversed(before[:-1])]:  # the grade may belong to an earlier award
        entry = candidate.entry
        found = _capitalised_grade(view, start, end, (*entry.predicates, *entry.categories))
        if found is not None:
            context = candidate
            break
    score = parts.score(view.text, start, end, body.span)
    rank, out_of = parts.rank(view.text, start, end, knowledge.awards)
    if found is None and score is None and rank is None:
        return None
    entry = context.entry
    is_predicate = found in entry.predicates
    return Award(
        name=entry.name, recipient=body, span=Span(start, end), confidence=0.65,
        rule=f"award:result-of-{entry.id}", awarder=context.awarder,
        year=parts.year(view.text, start, end, body.span) or context.year,
        predicate=found if is_predicate else None, category=None if is_predicate else found,
        score=score, rank=rank, out_of=out_of)


def result_lists(view: ArticleView, knowledge: EventKnowledge, contexts: list[AwardContext]) -> list[Award]:
    """Results stated from the first known award's sentence on."""
    if not contexts:
        return []
    awarders = {c.awarder.key for c in contexts if c.awarder is not None}
    first = view.sentences.index_of(contexts[0].mention.span.start)
    out: list[Award] = []
    for index in range(first, len(view.sentences.spans)):
        sentence = view.sentence(index)
        bodies = [b for b in parts.recipients(view, knowledge, sentence.start, sentence.end)
                  if b.key not in awarders]
        bodies.sort(key=lambda b: b.span.start)
        for body, start, end in _clauses(bodies, sentence):
            if any(c.mention.span.start >= start and c.mention.span.end <= end for c in contexts):
                continue  # a clause naming the award itself is read with that award
            award = _result(view, knowledge, contexts, body, start, end)
            if award is not None:
                out.append(award)
    return out

"""Scoring the extractor against gold: precision, recall and F1 per fact type, and every miss listed.

The scores are what tell whether a rule change helps the genre or only one article, so each fact type is
counted the way a user of the graph would count it: visits as directed visitor → host pairs, officials as
(person, agency), roles as (person, agency, role), awards as (recipient, award, year) with lenient
matching of free-text award names, topics as (article, topic). Dates and places are judged only on
visits both sides agree exist (a visit missed entirely is already a visit miss). Each miss and each
spurious fact is kept with its article id, so a drop in a score can be traced to text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.gold import GoldArticle, GoldAward, GoldVisit, load_gold_dir
from kg.types import Article, Award, Extraction, Visit

Extractor = Callable[[Article], Extraction]

# Fact types scored by precision/recall/F1, and attributes scored by accuracy on matched facts, in the
# order reports show them.
SCORED = ("visits", "officials", "roles", "awards", "visit-topics", "topics", "agencies")
ACCURACIES = ("dates", "places", "visit-kinds", "award-predicates", "award-scores", "award-ranks")
CANONICAL_AWARDS = frozenset(
    {
        "anugerah keterbukaan informasi publik",
        "indeks spbe",
        "indeks keterbukaan informasi publik",
    }
)


@dataclass(frozen=True)
class Score:
    """Counts of one fact type over a corpus, with the ratios derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of extracted facts that are in the gold; 1.0 when nothing was extracted nor expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Accuracy:
    """How many matched facts got an attribute right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """1.0 when there was nothing to judge: no matched fact can be wrong."""
        return self.correct / self.total if self.total else 1.0


@dataclass(frozen=True)
class Finding:
    """One miss (in gold, not extracted), spurious fact (extracted, not in gold) or wrong attribute."""

    fact: str  # a name from SCORED or ACCURACIES
    article_id: str
    status: str  # "miss", "spurious" or "wrong"
    detail: str


@dataclass(frozen=True)
class EvalReport:
    """The result of scoring one gold folder."""

    gold_dir: str
    articles: int
    scores: dict[str, Score]
    accuracies: dict[str, Accuracy]
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def metric(self, name: str) -> float:
        """F1 of a scored fact type, or the accuracy of an attribute: what `--fail-under` compares."""
        if name in self.scores:
            return self.scores[name].f1
        if name in self.accuracies:
            return self.accuracies[name].value
        raise InputError(f"unknown metric {name!r}; known: {', '.join((*SCORED, *ACCURACIES))}")

    def to_dict(self) -> dict[str, Any]:
        """A stable, JSON-ready form (rounded to 4 places so outputs diff cleanly)."""
        return {
            "gold_dir": self.gold_dir,
            "articles": self.articles,
            "scores": {
                name: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for name, s in self.scores.items()
            },
            "accuracies": {
                name: {"accuracy": round(a.value, 4), "correct": a.correct, "total": a.total}
                for name, a in self.accuracies.items()
            },
            "findings": [
                {"fact": f.fact, "article": f.article_id, "status": f.status, "detail": f.detail}
                for f in self.findings
            ],
            "warnings": list(self.warnings),
        }


# ------------------------------------------------------------------------------------------- running


def evaluate(gold_dir: Path, extract: Extractor | None = None) -> EvalReport:
    """Run the extractor over every article of a gold folder and score it against the gold."""
    golds = load_gold_dir(Path(gold_dir))
    extract = extract or _pipeline_extract()
    extractions = [extract(gold.article) for gold in golds]
    return score(golds, extractions, gold_dir=str(gold_dir))


def _pipeline_extract() -> Extractor:
    try:
        from kg.pipeline import extract
    except ImportError as error:
        raise InputError(f"the extractor (kg.pipeline.extract) is not available: {error}") from error
    return extract


def score(
    golds: Sequence[GoldArticle], extractions: Sequence[Extraction], *, gold_dir: str = ""
) -> EvalReport:
    """Score extractions against the gold articles they were made from (same order)."""
    if len(golds) != len(extractions):
        raise InputError(f"{len(golds)} gold articles but {len(extractions)} extractions")
    tally = _Tally()
    for gold, extraction in zip(golds, extractions, strict=True):
        _score_article(gold, extraction, tally)
    return EvalReport(
        gold_dir=gold_dir,
        articles=len(golds),
        scores={name: Score(*tally.counts[name]) for name in SCORED},
        accuracies={name: Accuracy(*tally.judged[name]) for name in ACCURACIES},
        findings=tuple(tally.findings),
    )


class _Tally:
    """Running counts, built up article by article."""

    def __init__(self) -> None:
        self.counts = {name: [0, 0, 0] for name in SCORED}
        self.judged = {name: [0, 0] for name in ACCURACIES}
        self.findings: list[Finding] = []

    def compare(
        self, fact: str, article_id: str, gold: set[Any], found: set[Any], show: Callable[[Any], str]
    ) -> None:
        counts = self.counts[fact]
        counts[0] += len(gold & found)
        counts[1] += len(found - gold)
        counts[2] += len(gold - found)
        for item in sorted(gold - found, key=show):
            self.findings.append(Finding(fact, article_id, "miss", show(item)))
        for item in sorted(found - gold, key=show):
            self.findings.append(Finding(fact, article_id, "spurious", show(item)))

    def judge(self, fact: str, article_id: str, expected: Any, got: Any, what: str) -> None:
        judged = self.judged[fact]
        judged[1] += 1
        if expected == got:
            judged[0] += 1
        else:
            self.findings.append(
                Finding(fact, article_id, "wrong", f"{what}: expected {_show(expected)}, got {_show(got)}")
            )


def _score_article(gold: GoldArticle, extraction: Extraction, tally: _Tally) -> None:
    aid = gold.id
    tally.compare(
        "visits",
        aid,
        _visit_pairs(gold.visits),
        _visit_pairs(extraction.visits),
        lambda p: f"{p[0]} → {p[1]}",
    )
    _judge_visits(gold, extraction.visits, tally)

    gold_roles = {(normalise_name(o.name), o.agency, o.role) for o in gold.officials}
    found_roles = {
        (normalise_name(p.official.name), p.agency.key if p.agency else None, p.role_id)
        for p in extraction.posts
    }
    tally.compare(
        "officials",
        aid,
        {r[:2] for r in gold_roles},
        {r[:2] for r in found_roles},
        lambda o: f"{o[0]} ({o[1] or 'no agency'})",
    )
    tally.compare("roles", aid, gold_roles, found_roles, lambda o: f"{o[0]} ({o[1] or 'no agency'}): {o[2]}")

    _score_awards(aid, gold.awards, extraction.awards, tally)

    gold_visit_topics = {(v.host, t) for v in gold.visits for t in v.topics}
    found_visit_topics = {(v.host.key, t.topic_id) for v in extraction.visits for t in v.topics}
    tally.compare(
        "visit-topics", aid, gold_visit_topics, found_visit_topics, lambda t: f"{t[1]} (host {t[0]})"
    )
    gold_topics = set(gold.topics) | {t for v in gold.visits for t in v.topics}
    found_topics = {t.topic_id for t in extraction.topics} | {t for _, t in found_visit_topics}
    tally.compare("topics", aid, gold_topics, found_topics, str)
    tally.compare("agencies", aid, {a.key for a in gold.agencies}, {a.key for a in extraction.agencies}, str)


def _visit_pairs(visits: Iterable[GoldVisit | Visit]) -> set[tuple[str, str]]:
    pairs = set()
    for visit in visits:
        host, visitors = _visit_keys(visit)
        pairs.update((visitor, host) for visitor in visitors)
    return pairs


def _visit_keys(visit: GoldVisit | Visit) -> tuple[str, frozenset[str]]:
    if isinstance(visit, GoldVisit):
        return visit.host, frozenset(visit.visitors)
    return visit.host.key, frozenset(agency.key for agency in visit.visitors)


def _judge_visits(gold: GoldArticle, found: Sequence[Visit], tally: _Tally) -> None:
    """Judge date, place and kind of each gold visit that an extracted visit matches.

    A match has the same host and at least one visitor in common; each extracted visit matches at most
    one gold visit, the one sharing the most visitors (then the one with the same date), so two visits
    to one host in one article are told apart.
    """
    unused = list(found)
    for expected in gold.visits:
        candidates = [
            v
            for v in unused
            if v.host.key == expected.host and frozenset(expected.visitors) & {a.key for a in v.visitors}
        ]
        if not candidates:
            continue
        best = max(
            candidates,
            key=lambda v: (
                len(frozenset(expected.visitors) & {a.key for a in v.visitors}),
                v.date == expected.date,
            ),
        )
        unused.remove(best)
        label = f"{', '.join(expected.visitors)} → {expected.host}"
        tally.judge("dates", gold.id, expected.date, best.date, label)
        place = best.place.region.code if best.place and best.place.region else None
        tally.judge("places", gold.id, expected.place, place, label)
        if expected.kind is not None:
            tally.judge("visit-kinds", gold.id, expected.kind, best.kind, label)


# -------------------------------------------------------------------------------------------- awards


def _score_awards(aid: str, gold: Sequence[GoldAward], found: Sequence[Award], tally: _Tally) -> None:
    """Pair awards one to one (same recipient and year, compatible names), then judge their attributes."""
    unused = list(found)
    matched = 0
    for expected in gold:
        partner = next(
            (
                a
                for a in unused
                if a.recipient.key == expected.recipient
                and a.year == expected.year
                and award_names_match(expected.name, a.name)
            ),
            None,
        )
        if partner is None:
            tally.findings.append(
                Finding("awards", aid, "miss", _show_award(expected.name, expected.recipient, expected.year))
            )
            continue
        unused.remove(partner)
        matched += 1
        label = _show_award(expected.name, expected.recipient, expected.year)
        for fact, want, got in (
            ("award-predicates", expected.predicate, partner.predicate),
            ("award-scores", expected.score, partner.score),
            ("award-ranks", (expected.rank, expected.out_of), (partner.rank, partner.out_of)),
        ):
            if want not in (None, (None, None)) or got not in (None, (None, None)):
                tally.judge(fact, aid, want, got, label)
    for extra in unused:
        tally.findings.append(
            Finding("awards", aid, "spurious", _show_award(extra.name, extra.recipient.key, extra.year))
        )
    counts = tally.counts["awards"]
    counts[0] += matched
    counts[1] += len(unused)
    counts[2] += len(gold) - matched


def award_names_match(expected: str, found: str) -> bool:
    """Whether two award names denote the same award.

    The three canonical names (AKIP, Indeks SPBE, IKIP) must match exactly after normalising, since they
    share words ("Keterbukaan Informasi Publik"); other awards keep the text's words, so they match when
    at least half of their distinct words are shared (Jaccard ≥ 0.5): "Pengelola PPID Terbaik" and
    "penghargaan Pengelola PPID Terbaik" are the same award.
    """
    a, b = normalise_name(expected), normalise_name(found)
    if a == b:
        return True
    if a in CANONICAL_AWARDS or b in CANONICAL_AWARDS:
        return False
    words_a, words_b = set(_words(a)), set(_words(b))
    return bool(words_a and words_b) and len(words_a & words_b) / len(words_a | words_b) >= 0.5


def normalise_name(name: str) -> str:
    """Casefold and collapse whitespace: how names are compared (stripping titles is the extractor's job)."""
    return " ".join(name.casefold().split())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _show_award(name: str, recipient: str, year: int | None) -> str:
    return f"{name} → {recipient} ({year if year is not None else 'no year'})"


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, tuple):
        return "/".join(_show(v) for v in value)
    return str(value)

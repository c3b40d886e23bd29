"""The scorer on hand-built extractions: counts, P/R/F1 arithmetic, matching rules and listed findings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from gold_builders import agency, extraction_from_gold, post

from kg.errors import InputError
from kg.evaluate import Score, award_names_match, evaluate, score
from kg.gold import GoldArticle, GoldAward, GoldOfficial, GoldVisit
from kg.types import Article, Award, Extraction, Place, Region, Span, Visit

SPAN = Span(0, 1)


def gold_article(article_id: str = "a1", **facts) -> GoldArticle:
    article = Article(id=article_id, text="", source="test")
    return GoldArticle(id=article_id, gold_path=Path(f"{article_id}.yaml"), article=article, **facts)


def visit(visitors, host, *, when=None, place=None, kind="kunjungan-kerja") -> Visit:
    region = (
        Place(region=Region(code=place, name=place, level="provinsi"), venue=None, span=None)
        if place
        else None
    )
    return Visit(
        visitors=tuple(agency(k) for k in visitors),
        host=agency(host),
        kind=kind,
        span=SPAN,
        confidence=1.0,
        rule="test",
        date=when,
        place=region,
    )


def test_score_ratios():
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score().f1 == 1.0  # nothing expected, nothing found: perfect, not undefined
    assert Score(fn=2).precision == 0.0 and Score(fn=2).f1 == 0.0
    assert Score(fp=1).recall == 0.0


def test_visits_are_directed_pairs_and_each_miss_is_listed():
    gold = gold_article(
        visits=(
            GoldVisit(
                visitors=("diskominfo:64.03", "diskominfo:64.08"),
                host="diskominfo:65",
                date=date(2025, 12, 18),
                place="65",
            ),
        )
    )
    found = Extraction(
        article=gold.article,
        visits=(
            visit(["diskominfo:64.03"], "diskominfo:65", when=date(2025, 12, 18), place="65"),
            visit(
                ["diskominfo:65"], "diskominfo:64.08"
            ),  # direction reversed: spurious, and the gold pair missed
        ),
    )
    report = score([gold], [found])
    visits = report.scores["visits"]
    assert (visits.tp, visits.fp, visits.fn) == (1, 1, 1)
    assert visits.precision == 0.5 and visits.recall == 0.5
    statuses = {(f.status, f.detail) for f in report.findings if f.fact == "visits"}
    assert statuses == {
        ("miss", "diskominfo:64.08 → diskominfo:65"),
        ("spurious", "diskominfo:65 → diskominfo:64.08"),
    }
    assert all(f.article_id == "a1" for f in report.findings)


def test_dates_and_places_are_judged_only_on_matched_visits():
    gold = gold_article(
        visits=(
            GoldVisit(
                visitors=("diskominfo:63",), host="diskominfo:65", date=date(2024, 9, 10), place="65.01.05"
            ),
            GoldVisit(
                visitors=("diskominfo:65.03",), host="diskominfo:65", date=date(2024, 9, 12), place="65.01.05"
            ),
            GoldVisit(visitors=("diskominfo:35",), host="diskominfo:64", date=date(2023, 8, 23)),
        )
    )
    found = Extraction(
        article=gold.article,
        visits=(
            visit(["diskominfo:65.03"], "diskominfo:65", when=date(2024, 9, 12), place="65"),
            visit(["diskominfo:63"], "diskominfo:65", when=date(2024, 9, 11), place="65.01.05"),
        ),
    )
    report = score([gold], [found])
    dates, places = report.accuracies["dates"], report.accuracies["places"]
    assert (dates.correct, dates.total) == (1, 2)  # the third gold visit was not found: not judged
    assert (places.correct, places.total) == (1, 2)
    wrong = sorted(f.detail for f in report.findings if f.status == "wrong")
    assert wrong == [
        "diskominfo:63 → diskominfo:65: expected 2024-09-10, got 2024-09-11",
        "diskominfo:65.03 → diskominfo:65: expected 65.01.05, got 65",
    ]


def test_a_missing_date_counts_as_right_only_when_the_text_gives_none():
    gold = gold_article(visits=(GoldVisit(visitors=("diskominfo:64",), host="diskominfo:35"),))
    guessed = Extraction(
        article=gold.article, visits=(visit(["diskominfo:64"], "diskominfo:35", when=date(2023, 5, 16)),)
    )
    assert score([gold], [guessed]).accuracies["dates"].value == 0.0
    honest = Extraction(article=gold.article, visits=(visit(["diskominfo:64"], "diskominfo:35"),))
    assert score([gold], [honest]).accuracies["dates"].value == 1.0


def test_officials_compare_normalised_name_and_agency_and_roles_add_the_role():
    gold = gold_article(
        officials=(
            GoldOfficial("Bonifasius Lawing", "kepala", "diskominfo:65"),
            GoldOfficial("Marta Uluk Ajang", "pranata-humas-ahli-muda", "diskominfo:64.03"),
        )
    )
    found = Extraction(
        article=gold.article,
        posts=(
            post("bonifasius  LAWING", "kepala", "diskominfo:65"),
            post("Marta Uluk Ajang", "staf", "diskominfo:64.03"),
            post("H. Bonifasius Lawing", "kepala", "diskominfo:65"),  # honorific kept: extractor bug
        ),
    )
    report = score([gold], [found])
    officials, roles = report.scores["officials"], report.scores["roles"]
    assert (officials.tp, officials.fp, officials.fn) == (2, 1, 0)
    assert (roles.tp, roles.fp, roles.fn) == (1, 2, 1)


def test_awards_match_leniently_by_name_and_judge_their_attributes():
    gold = gold_article(
        awards=(
            GoldAward(
                "Anugerah Keterbukaan Informasi Publik",
                "pemda:65",
                2025,
                "komisi-informasi",
                predicate="Informatif",
                rank=12,
                out_of=21,
            ),
            GoldAward(
                "Indeks Keterbukaan Informasi Publik",
                "pemda:65",
                2025,
                score=Decimal("68.81"),
                category="Sedang",
            ),
            GoldAward("Pengelola PPID Terbaik", "diskominfo:65", 2024),
        )
    )

    def made(name, recipient, year, **kw):
        return Award(
            name=name, recipient=agency(recipient), span=SPAN, confidence=1.0, rule="t", year=year, **kw
        )

    found = Extraction(
        article=gold.article,
        awards=(
            made(
                "Anugerah Keterbukaan Informasi Publik",
                "pemda:65",
                2025,
                predicate="Informatif",
                rank=12,
                out_of=21,
            ),
            made("Indeks Keterbukaan Informasi Publik", "pemda:65", 2025, score=Decimal("68.18")),
            made("penghargaan Pengelola PPID Terbaik", "diskominfo:65", 2024),
            made("Indeks SPBE", "diskominfo:65", 2024),
        ),
    )
    report = score([gold], [found])
    awards = report.scores["awards"]
    assert (awards.tp, awards.fp, awards.fn) == (3, 1, 0)
    assert report.accuracies["award-predicates"].value == 1.0
    assert (report.accuracies["award-scores"].correct, report.accuracies["award-scores"].total) == (0, 1)
    assert report.accuracies["award-ranks"].value == 1.0
    assert [f.detail for f in report.findings if f.status == "spurious"] == [
        "Indeks SPBE → diskominfo:65 (2024)"
    ]


def test_award_names_canonical_must_be_exact_others_share_words():
    assert award_names_match("Pengelola PPID Terbaik", "Penghargaan pengelola PPID terbaik")
    assert not award_names_match(
        "Anugerah Keterbukaan Informasi Publik", "Indeks Keterbukaan Informasi Publik"
    )
    assert not award_names_match("media internal terbaik se-Indonesia", "penerbit berita rilis terbanyak")


def test_a_perfect_extraction_scores_one_everywhere_and_an_empty_one_zero_recall():
    gold = gold_article(
        visits=(
            GoldVisit(
                ("diskominfo:64.03",), "diskominfo:65", date(2025, 12, 18), "65", "kunjungan-kerja", ("ppid",)
            ),
        ),
        officials=(GoldOfficial("Bonifasius Lawing", "kepala", "diskominfo:65"),),
        awards=(GoldAward("Indeks SPBE", "pemda:65", 2024, score=Decimal("3.79")),),
        topics=("ppid", "spbe"),
    )
    perfect = score([gold], [extraction_from_gold(gold)])
    assert all(s.f1 == 1.0 for s in perfect.scores.values())
    assert all(a.value == 1.0 for a in perfect.accuracies.values())
    assert perfect.findings == ()
    empty = score([gold], [Extraction(article=gold.article)])
    assert empty.scores["visits"].recall == 0.0 and empty.scores["officials"].recall == 0.0
    assert {f.status for f in empty.findings} == {"miss"}


def test_evaluate_runs_the_given_extractor_over_a_folder(write_gold, tmp_path):
    write_gold(
        "a1",
        "visits:\n  - visitors: [diskominfo:64]\n    host: diskominfo:35\n"
        "agencies:\n  - key: diskominfo:64\n  - key: diskominfo:35\n",
    )
    seen = []

    def extractor(article):
        seen.append(article.id)
        return Extraction(article=article)

    report = evaluate(tmp_path, extract=extractor)
    assert seen == ["a1"] and report.articles == 1
    assert report.scores["visits"].fn == 1
    assert report.to_dict()["scores"]["visits"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
    }


def test_metric_names_f1_or_accuracy_and_rejects_unknown_names():
    report = score([gold_article()], [Extraction(article=Article(id="a1", text="", source="t"))])
    assert report.metric("visits") == 1.0 and report.metric("dates") == 1.0
    with pytest.raises(InputError, match="unknown metric"):
        report.metric("vibes")

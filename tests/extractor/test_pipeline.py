"""The runner: stages composed in order, their output types checked, warnings, data edits taking effect."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kg import pipeline
from kg.knowledge import load_knowledge
from kg.paths import LEXICON_DIR
from kg.pipeline import extract
from kg.types import Article, Extraction

ARTICLE = """Diskominfo Samarinda Sambangi Diskominfo Kota Bandung

SAMARINDA, WARTAKALTIM – Dinas Komunikasi dan Informatika (Diskominfo) Kota Samarinda melakukan \
studi tiru ke Dinas Komunikasi dan Informatika Kota Bandung, Rabu (4/10/2023). Rombongan diterima \
Kepala Diskominfo Kota Bandung, Arif Gunawan, di ruang rapat Lantai 3 Balai Kota Bandung.

Pertemuan membahas pengelolaan PPID dan Satu Data. Kota Bandung meraih predikat Informatif pada \
Anugerah Keterbukaan Informasi Publik 2023.
"""


def article(text: str = ARTICLE, published: date | None = date(2023, 10, 5)) -> Article:
    return Article(id="a1", text=text, source="test", published=published)


def test_extract_composes_every_stage() -> None:
    extraction = extract(article())
    assert isinstance(extraction, Extraction)
    assert {a.key for a in extraction.agencies} >= {"diskominfo:64.72", "diskominfo:32.73"}
    (visit,) = extraction.visits
    assert ([v.key for v in visit.visitors], visit.host.key) == (["diskominfo:64.72"], "diskominfo:32.73")
    assert visit.date == date(2023, 10, 4) and visit.kind == "studi-tiru"
    assert visit.place is not None and visit.place.region is not None and visit.place.region.code == "32.73"
    assert {t.topic_id for t in extraction.topics} >= {"ppid", "satu-data"}
    (award,) = extraction.awards
    assert (award.recipient.key, award.predicate, award.year) == ("pemda:32.73", "Informatif", 2023)
    assert any(p.official.name == "Arif Gunawan" for p in extraction.posts)


def test_a_visit_without_date_is_warned_about() -> None:
    text = "Diskominfo Kota Samarinda mengunjungi Diskominfo Kota Bandung untuk belajar PPID."
    extraction = extract(article(text, None))
    (visit,) = extraction.visits
    assert visit.date is None
    assert any("no date" in w and "diskominfo:32.73" in w for w in extraction.warnings)


def test_an_article_with_no_facts() -> None:
    extraction = extract(article("Cuaca di pesisir cerah sepanjang hari.", None))
    assert (extraction.visits, extraction.awards, extraction.topics, extraction.warnings) == ((), (), (), ())


def test_a_stage_returning_the_wrong_type_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "resolve", lambda recognised, knowledge: recognised)
    with pytest.raises(TypeError, match="stage resolve returned Recognised, expected Resolved"):
        extract(article())


def test_the_knowledge_given_is_the_knowledge_used(tmp_path: Path) -> None:
    """A new visit word is a data edit: copy the lexicons, add the word, extract with that folder."""
    text = "Diskominfo Kota Samarinda melancong ke Diskominfo Kota Bandung, Rabu (4/10/2023)."
    assert extract(article(text)).visits == ()
    folder = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, folder)
    triggers = folder / "visit_triggers.yaml"
    triggers.write_text(
        triggers.read_text(encoding="utf-8")
        .replace("    - anjangsana\n", "    - anjangsana\n    - melancong\n", 1)
        .replace("    - bertandang ke\n", "    - bertandang ke\n    - melancong ke\n", 1),
        encoding="utf-8",
    )
    (visit,) = extract(article(text), load_knowledge(folder)).visits
    assert (visit.visitors[0].key, visit.host.key, visit.date) == (
        "diskominfo:64.72",
        "diskominfo:32.73",
        date(2023, 10, 4),
    )


def test_a_region_visited_is_listed_among_the_agencies() -> None:
    text = (
        "Diskominfo Kota Samarinda melakukan kunjungan kerja ke Kabupaten Murung Raya, Sabtu (18/5/2024). "
        "Kunjungan itu membahas akses internet desa."
    )
    extraction = extract(article(text, date(2024, 5, 20)))
    (visit,) = extraction.visits
    assert visit.host.key == "pemda:62.12"
    assert "pemda:62.12" in {a.key for a in extraction.agencies}

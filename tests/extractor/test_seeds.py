"""The two real seed articles come out as issue 2 §5 describes (read from ../shared/seeds, never copied)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kg.pipeline import extract
from kg.types import Article, Extraction

KALTIM_TO_JATIM = "000_33874867e7bfd315.txt"
BERAU_TO_KALTARA = "004_1da2ec86899a6cda.txt"


def run(seeds_dir: Path, name: str, published: date | None = None) -> Extraction:
    path = seeds_dir / name
    if not path.is_file():
        pytest.skip(f"seed article {name} is not in {seeds_dir}")
    text = path.read_text(encoding="utf-8")
    return extract(Article(id=path.stem, text=text, source=str(path), published=published))


def officials(extraction: Extraction) -> set[tuple[str, str | None]]:
    return {(p.official.name, p.agency.key if p.agency else None) for p in extraction.posts}


def test_kaltim_study_visit_to_jatim(seeds_dir: Path) -> None:
    extraction = run(seeds_dir, KALTIM_TO_JATIM)
    (visit,) = extraction.visits
    assert {v.key for v in visit.visitors} == {"diskominfo:64", "diskominfo:64.08"}
    assert visit.host.key == "diskominfo:35"
    assert visit.kind == "studi-tiru"
    assert visit.date == date(2023, 5, 9)
    assert visit.place is not None and visit.place.region is not None
    assert visit.place.region.code == "35.78.22"  # Gayungan, Surabaya
    assert "Jalan Ahmad Yani" in (visit.place.venue or "")
    assert {"pengelolaan-media", "kerja-sama-media", "ppid", "kim", "keamanan-informasi"} <= {
        t.topic_id for t in visit.topics
    }
    (related,) = visit.related
    assert related.relation == "follow-up-of" and related.label.startswith("Workshop")
    assert related.place is not None and related.place.code == "35.79"  # Kota Batu
    parts = {p.post.official.name: p.capacity for p in visit.participants}
    assert parts["Sherlita Ratna Dewi Agustin"] == "receiver"
    assert parts["Irene Yuriantini"] in ("participant", "leader")
    assert parts["Lisa Komentin"] in ("participant", "leader")


def test_kaltim_officials(seeds_dir: Path) -> None:
    assert officials(run(seeds_dir, KALTIM_TO_JATIM)) >= {
        ("Sherlita Ratna Dewi Agustin", "diskominfo:35"),
        ("Irene Yuriantini", "diskominfo:64"),
        ("Lisa Komentin", "diskominfo:64.08"),
    }


def test_jatim_awards(seeds_dir: Path) -> None:
    awards = {
        (a.name, a.recipient.key, a.awarder.key if a.awarder else None)
        for a in run(seeds_dir, KALTIM_TO_JATIM).awards
    }
    assert awards == {
        ("media internal terbaik se-Indonesia", "diskominfo:35", "kemkominfo"),
        ("penerbit berita rilis terbanyak se-Indonesia", "diskominfo:35", "kemkominfo"),
        ("penghargaan SPBE", "diskominfo:35", "kemenpan-rb"),
    }


def test_berau_work_visit_to_kaltara(seeds_dir: Path) -> None:
    extraction = run(seeds_dir, BERAU_TO_KALTARA, published=date(2025, 12, 19))
    (visit,) = extraction.visits
    assert [v.key for v in visit.visitors] == ["diskominfo:64.03"]
    assert visit.host.key == "diskominfo:65"
    assert visit.kind == "kunjungan-kerja"
    assert visit.date == date(2025, 12, 18)
    assert visit.place is not None and visit.place.region is not None
    assert visit.place.region.code == "65"  # the host's province; the dateline (Tanjung Redeb) is not it
    assert visit.place.venue is not None and visit.place.venue.startswith("Ruang Command Center")
    assert {"ppid", "spbe", "kim", "keterbukaan-informasi"} <= {t.topic_id for t in visit.topics}
    assert "command-center" not in {t.topic_id for t in visit.topics}  # the room, not a topic
    parts = {p.post.official.name: p.capacity for p in visit.participants}
    assert parts == {"Juli Aswinsyah": "leader", "Iskandar Alwi": "receiver"}
    assert extraction.warnings == ()


def test_berau_date_without_published_date(seeds_dir: Path) -> None:
    (visit,) = run(seeds_dir, BERAU_TO_KALTARA).visits
    assert visit.date == date(2025, 12, 18)  # the text gives the year


def test_kaltara_results(seeds_dir: Path) -> None:
    awards = {a.name: a for a in run(seeds_dir, BERAU_TO_KALTARA).awards}
    assert set(awards) == {
        "Anugerah Keterbukaan Informasi Publik",
        "Indeks Keterbukaan Informasi Publik",
        "Indeks SPBE",
    }
    akip = awards["Anugerah Keterbukaan Informasi Publik"]
    assert (akip.recipient.key, akip.year, akip.predicate, akip.rank, akip.out_of) == (
        "pemda:65",
        2025,
        "Informatif",
        12,
        21,
    )
    assert akip.awarder is not None and akip.awarder.key == "komisi-informasi"
    ikip = awards["Indeks Keterbukaan Informasi Publik"]
    assert (ikip.recipient.key, ikip.score, ikip.category, ikip.year) == (
        "pemda:65",
        Decimal("68.81"),
        "Sedang",
        None,
    )
    spbe = awards["Indeks SPBE"]
    assert (spbe.recipient.key, spbe.score, spbe.year) == ("pemda:65", Decimal("3.79"), 2024)
    assert spbe.awarder is not None and spbe.awarder.key == "kemenpan-rb"


def test_page_junk_yields_nothing(seeds_dir: Path) -> None:
    extraction = run(seeds_dir, BERAU_TO_KALTARA)
    text = extraction.article.text
    junk_start = text.index("Tinggalkan Balasan")
    facts = [*extraction.visits, *extraction.awards]
    assert all(f.span.end <= junk_start for f in facts)
    assert all(t.span.end <= junk_start for t in extraction.topics)
    caption = text.index("foto Kominfo Berau")
    assert all(not (caption <= a.span.start < caption + 18) for a in extraction.agencies)


def test_every_fact_points_at_its_evidence(seeds_dir: Path) -> None:
    for name in (KALTIM_TO_JATIM, BERAU_TO_KALTARA):
        extraction = run(seeds_dir, name)
        text = extraction.article.text
        for fact in (*extraction.visits, *extraction.awards):
            assert 0 <= fact.span.start < fact.span.end <= len(text)
            assert 0 < fact.confidence <= 1 and fact.rule
        for visit in extraction.visits:
            if visit.date_span is not None:
                assert any(ch.isdigit() for ch in text[visit.date_span.start : visit.date_span.end])

"""Awards and index results: names, recipients, awarders, grades, scores, ranks; the award lexicon."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.events.awards import find_awards
from kg.events.view import EventKnowledge
from kg.knowledge.awards import AWARDS_FILE, GENERIC_TITLE, load_awards, surface_forms
from kg.types import Award

AGENCIES = {
    "Diskominfo Jabar": "diskominfo:32",
    "Pemprov Jabar": "pemda:32",
    "Diskominfo Samarinda": "diskominfo:64.72",
    "Pemkot Samarinda": "pemda:64.72",
    "Komisi Informasi Pusat": "komisi-informasi",
    "KemenPAN-RB": "kemenpan-rb",
    "Kemkominfo": "kemkominfo",
    "Diskominfo Kaltim": "diskominfo:64",
}


def awards_of(build, events: EventKnowledge, text: str) -> tuple[Award, ...]:
    return find_awards(build(text, AGENCIES), events)


def test_predicate_year_and_rank(build, events) -> None:
    text = (
        "Pemprov Jabar kembali meraih predikat “Informatif” pada Anugerah Keterbukaan Informasi Publik "
        "Tahun 2024 dan menempati peringkat ke-3 dari 38 provinsi."
    )
    (award,) = awards_of(build, events, text)
    assert award.name == "Anugerah Keterbukaan Informasi Publik"
    assert award.recipient.key == "pemda:32"
    assert (award.year, award.predicate, award.rank, award.out_of) == (2024, "Informatif", 3, 38)
    assert award.awarder is not None and award.awarder.key == "komisi-informasi"
    assert award.rule == "award:anugerah-kip" and 0 < award.confidence <= 1


def test_longer_predicate_wins(build, events) -> None:
    text = "Pemkot Samarinda meraih predikat Menuju Informatif dalam Anugerah KIP 2023."
    (award,) = awards_of(build, events, text)
    assert (award.recipient.key, award.predicate, award.year) == ("pemda:64.72", "Menuju Informatif", 2023)


def test_region_written_alone_credits_its_government(build, events) -> None:
    text = "Tahun ini Jawa Barat meraih predikat Informatif dalam ajang KIP Award."
    (award,) = awards_of(build, events, text)
    assert award.recipient.key == "pemda:32"
    assert award.recipient.region is not None and award.recipient.region.code == "32"


def test_index_score_with_decimal_comma_and_category(build, events) -> None:
    text = (
        "Berdasarkan Indeks Keterbukaan Informasi Publik (IKIP), Pemprov Jabar mencatat skor 74,05 "
        "dan masuk kategori “Baik”."
    )
    (award,) = awards_of(build, events, text)
    assert award.name == "Indeks Keterbukaan Informasi Publik"
    assert award.score == Decimal("74.05")
    assert award.category == "Baik" and award.predicate is None
    assert award.year is None


def test_spbe_index_with_awarder_from_the_lexicon(build, events) -> None:
    text = (
        "Sementara itu, Indeks SPBE Pemkot Samarinda pada tahun 2023 mencapai nilai 3,42 dengan "
        "predikat Sangat Baik."
    )
    (award,) = awards_of(build, events, text)
    assert (award.name, award.recipient.key, award.year) == ("Indeks SPBE", "pemda:64.72", 2023)
    assert award.score == Decimal("3.42") and award.predicate == "Sangat Baik"
    assert award.awarder is not None and award.awarder.key == "kemenpan-rb"


def test_awarder_named_in_the_text(build, events) -> None:
    text = "Diskominfo Samarinda menerima penghargaan inovasi layanan digital dari KemenPAN-RB."
    (award,) = awards_of(build, events, text)
    assert award.name == "penghargaan inovasi layanan digital"
    assert award.recipient.key == "diskominfo:64.72"
    assert award.awarder is not None and award.awarder.key == "kemenpan-rb"


def test_generic_titles_split_and_keep_the_texts_words(build, events) -> None:
    text = (
        "Diskominfo Jabar pernah dinobatkan sebagai pengelola kanal berita terbaik se-Indonesia dan "
        "penyedia data terlengkap se-Indonesia dari Kemkominfo."
    )
    awards = awards_of(build, events, text)
    assert [a.name for a in awards] == [
        "pengelola kanal berita terbaik se-Indonesia",
        "penyedia data terlengkap se-Indonesia",
    ]
    assert {a.recipient.key for a in awards} == {"diskominfo:32"}
    assert {a.awarder.key for a in awards if a.awarder} == {"kemkominfo"}
    assert all(a.rule == f"award:{GENERIC_TITLE}" for a in awards)


def test_the_awarder_is_never_the_recipient(build, events) -> None:
    text = "Penghargaan keterbukaan data diberikan oleh Komisi Informasi Pusat kepada Diskominfo Kaltim."
    (award,) = awards_of(build, events, text)
    assert award.recipient.key == "diskominfo:64"
    assert award.awarder is not None and award.awarder.key == "komisi-informasi"


def test_recipient_from_the_sentence_before(build, events) -> None:
    text = (
        "Kepala dinas memaparkan capaian Pemprov Jabar. Ia menyebut predikat Informatif dalam Anugerah "
        "Keterbukaan Informasi Publik 2025."
    )
    (award,) = awards_of(build, events, text)
    assert award.recipient.key == "pemda:32"


@pytest.mark.parametrize(
    "text",
    [
        "Kepala dinas memberikan penghargaan kepada para peserta terbaik.",
        "Diskominfo Samarinda menggelar rapat evaluasi kinerja pegawai.",
        "Penghargaan itu menjadi motivasi bagi kami.",
    ],
)
def test_no_award_without_a_name_or_a_recipient(build, events, text) -> None:
    assert awards_of(build, events, text) == ()


def test_repeated_mentions_are_merged(build, events) -> None:
    text = (
        "Pemprov Jabar meraih predikat Informatif pada Anugerah Keterbukaan Informasi Publik 2024. "
        "Capaian Anugerah Keterbukaan Informasi Publik 2024 itu menempatkan Pemprov Jabar di peringkat "
        "ke-2 dari 38."
    )
    (award,) = awards_of(build, events, text)
    assert (award.predicate, award.rank, award.out_of) == ("Informatif", 2, 38)


def test_award_lexicon_feeds_the_automaton() -> None:
    forms = dict(surface_forms())
    assert (
        forms["AKIP"] == "anugerah-kip" and forms["IKIP"] == "ikip" and forms["Indeks SPBE"] == "indeks-spbe"
    )
    assert forms["dinobatkan sebagai"] == GENERIC_TITLE


def test_award_lexicon_error_names_file_and_line(tmp_path: Path) -> None:
    text = AWARDS_FILE.read_text(encoding="utf-8").replace("      - IKIP\n", "      - IKIP\n      - AKIP\n")
    bad = tmp_path / "awards.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(
        DataFileError, match=r"awards.yaml:\d+: 'AKIP' is already a surface form of anugerah-kip"
    ):
        load_awards(bad)


def test_a_new_award_is_a_data_edit(tmp_path: Path) -> None:
    text = AWARDS_FILE.read_text(encoding="utf-8").replace(
        "# Generic award phrases",
        "  - id: ipp\n    name: Indeks Pelayanan Publik\n    awarder: kemenpan-rb\n"
        "    surface: [Indeks Pelayanan Publik, IPP]\n\n# Generic award phrases",
    )
    edited = tmp_path / "awards.yaml"
    edited.write_text(text, encoding="utf-8")
    lexicon = load_awards(edited)
    assert lexicon.awards["ipp"].name == "Indeks Pelayanan Publik"
    assert ("IPP", "ipp") in set(surface_forms(edited))


def test_a_result_list_after_the_award(build, events) -> None:
    text = (
        "Komisi Informasi Pusat menyerahkan Anugerah Keterbukaan Informasi Publik tahun 2024 kepada "
        "badan publik se-Indonesia. Pemprov Jabar meraih nilai 95,10 dan predikat Informatif, peringkat "
        "ke-1 dari 38 provinsi. Pemkot Samarinda meraih predikat Menuju Informatif dengan nilai 84,05. "
        "Kepala dinas menyebut predikat informatif sebagai cermin kerja keras."
    )
    awards = {a.recipient.key: a for a in awards_of(build, events, text)}
    assert set(awards) == {"pemda:32", "pemda:64.72"}
    first, second = awards["pemda:32"], awards["pemda:64.72"]
    assert (first.score, first.predicate, first.rank, first.out_of, first.year) == (
        Decimal("95.10"),
        "Informatif",
        1,
        38,
        2024,
    )
    assert (second.score, second.predicate, second.year) == (Decimal("84.05"), "Menuju Informatif", 2024)
    assert {a.awarder.key for a in awards.values() if a.awarder} == {"komisi-informasi"}


def test_the_body_that_hands_out_the_award_is_not_credited(build, events) -> None:
    text = "Komisi Informasi Pusat mengumumkan Indeks Keterbukaan Informasi Publik 2024 di Jakarta."
    assert awards_of(build, events, text) == ()


def test_an_award_named_before_its_english_word(build, events) -> None:
    text = (
        "Pemprov Jabar menerima Digital Transformation Award 2024 dari Kemkominfo dengan kategori "
        "Provinsi Paling Adaptif di Jakarta."
    )
    (award,) = awards_of(build, events, text)
    assert award.name == "Digital Transformation Award"
    assert (award.recipient.key, award.year, award.category) == ("pemda:32", 2024, "Provinsi Paling Adaptif")
    assert award.awarder is not None and award.awarder.key == "kemkominfo"


@pytest.mark.parametrize(
    "text",
    [
        "Pemprov Jabar menutup tahun dengan dua penghargaan tingkat nasional.",
        "Jabar Borong Penghargaan Akhir Tahun\n\nIsi berita.",
        "Diskominfo Samarinda meraih predikat informatif beberapa tahun terakhir.",
        "Diskominfo Samarinda sedang menyiapkan hasil evaluasi SPBE tahun ini.",
    ],
)
def test_talk_about_awards_is_not_an_award(build, events, text) -> None:
    assert awards_of(build, events, text) == ()


def test_the_year_of_a_ceremony_date_is_not_the_award_year(build, events) -> None:
    text = (
        "Pemkot Samarinda meraih predikat Informatif pada Anugerah KIP 2024. Penghargaan itu diserahkan "
        "pada 18 Feb 2025 dan menempatkan Samarinda di peringkat pertama dengan nilai 94,05, atau "
        "peringkat ke-1 dari 10 kabupaten/kota."
    )
    (award,) = awards_of(build, events, text)
    assert (award.year, award.score, award.rank, award.out_of) == (2024, Decimal("94.05"), 1, 10)


def test_a_region_glossing_an_agency_is_not_another_recipient(build, events) -> None:
    text = (
        "Pada ajang Anugerah Keterbukaan Informasi Publik (KIP), Diskominfo Kaltim (Kaltim) memperoleh "
        "predikat Menuju Informatif, menempati peringkat ke-3 dari 38 provinsi."
    )
    (award,) = awards_of(build, events, text)
    assert (award.recipient.key, award.predicate, award.rank) == ("diskominfo:64", "Menuju Informatif", 3)


def test_the_dateline_credits_nobody(build, events) -> None:
    text = (
        "SAMARINDA, PORTAL KEMKOMINFO — Untuk Indeks SPBE tahun 2022 yang dirilis KemenPAN-RB, Pemkot "
        "Samarinda meraih nilai 3,60 dengan predikat Sangat Baik."
    )
    agencies = {**AGENCIES, "KEMKOMINFO": "kemkominfo"}
    (award,) = find_awards(build(text, agencies), events)
    assert (award.recipient.key, award.score) == ("pemda:64.72", Decimal("3.60"))
    assert award.awarder is not None and award.awarder.key == "kemenpan-rb"

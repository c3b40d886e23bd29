"""Award phrases that state no result, and results stated twice: goals and plans ("menargetkan", "berharap
meraih", "syarat untuk meraih", "akan dilakukan"), a figure quoted for comparison, a person's prize, the
ceremony's host, a restatement in other words, a previous year's result. Sentences written for these tests;
each pair shows the rule blocks the irrealis or comparison wording and keeps the result beside it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from extractor_texts import extract_text

from kg.knowledge import Knowledge
from kg.types import Award


def awards(knowledge: Knowledge, text: str) -> list[Award]:
    found = extract_text(text, knowledge=knowledge).awards
    return sorted(found, key=lambda a: a.span.start)


def summary(knowledge: Knowledge, text: str) -> list[tuple[str, str, int | None]]:
    return [(a.name, a.recipient.key, a.year) for a in awards(knowledge, text)]


RESULT = (
    "Pemerintah Kabupaten Banyumas meraih predikat Menuju Informatif pada Anugerah Keterbukaan Informasi "
    "Publik 2024 dari Komisi Informasi Provinsi Jawa Tengah."
)
AKIP_2024 = [("Anugerah Keterbukaan Informasi Publik", "pemda:33.02", 2024)]


@pytest.mark.parametrize(
    "goal",
    [
        "Bupati Banyumas menargetkan predikat Informatif pada Anugerah Keterbukaan Informasi Publik 2025.",
        "Pemkab Banyumas berharap meraih predikat Informatif dalam Anugerah Keterbukaan Informasi "
        "Publik 2025.",
        "Syarat untuk meraih predikat Informatif dalam Anugerah Keterbukaan Informasi Publik sudah "
        "dipelajari Pemkab Banyumas.",
        "Pemkab Banyumas bertekad meraih Anugerah Keterbukaan Informasi Publik dengan predikat Informatif.",
    ],
)
def test_a_goal_beside_a_result_adds_no_award(knowledge: Knowledge, goal: str) -> None:
    assert summary(knowledge, f"{RESULT} {goal}") == AKIP_2024
    assert summary(knowledge, goal) == []


def test_a_result_stated_after_the_goal_word_is_kept(knowledge: Knowledge) -> None:
    text = (
        "Pemkab Banyumas menargetkan dan berhasil meraih predikat Informatif pada Anugerah Keterbukaan "
        "Informasi Publik 2024."
    )
    (award,) = awards(knowledge, text)
    assert (award.recipient.key, award.predicate, award.year) == ("pemda:33.02", "Informatif", 2024)


def test_an_index_only_talked_about_is_no_result(knowledge: Knowledge) -> None:
    text = (
        "Kepala Diskominfo Cilacap, Bambang Setiadi, menjelaskan penilaian Indeks SPBE akan dilakukan "
        "Kementerian PANRB. Menurutnya, predikat Sangat Baik menjadi target Pemkab Cilacap."
    )
    assert awards(knowledge, text) == []


def test_a_generic_phrase_naming_a_goal_is_no_award(knowledge: Knowledge) -> None:
    text = (
        "Kepala Diskominfo Klaten, Hendra Kusuma, mengingatkan agar jajarannya tidak menganggap penghargaan "
        "sebagai tujuan akhir."
    )
    assert awards(knowledge, text) == []
    text = "Diskominfo Klaten meraih penghargaan Website Pemerintah Daerah Terbaik 2024."
    assert [a.name for a in awards(knowledge, text)] == ["penghargaan Website Pemerintah Daerah Terbaik"]


def test_figures_quoted_for_comparison_are_not_results(knowledge: Knowledge) -> None:
    text = (
        "Pemerintah Kota Tegal meraih nilai Indeks SPBE 3,41 dengan predikat Sangat Baik pada evaluasi 2024. "
        "Capaian itu di atas rata-rata nasional 2,79, namun masih di bawah Kota Semarang yang mencatat "
        "indeks 4,02."
    )
    (award,) = awards(knowledge, text)
    assert (award.recipient.key, award.score, award.predicate) == (
        "pemda:33.76", Decimal("3.41"), "Sangat Baik"
    )


def test_the_same_bodys_previous_year_is_a_second_result(knowledge: Knowledge) -> None:
    text = (
        "Indeks SPBE Pekanbaru Naik\n\n"
        "Pemkot Pekanbaru meraih indeks 3,47 dengan predikat Baik pada evaluasi SPBE tahun 2023 dari "
        "KemenPAN-RB. Nilai itu naik dibanding hasil evaluasi tahun 2022, ketika Pekanbaru memperoleh "
        "indeks 2,89 dengan predikat Cukup."
    )
    found = {a.year: (a.recipient.key, a.score, a.predicate) for a in awards(knowledge, text)}
    assert found == {
        2023: ("pemda:14.71", Decimal("3.47"), "Baik"),
        2022: ("pemda:14.71", Decimal("2.89"), "Cukup"),
    }


def test_one_result_restated_in_other_words_is_one_award(knowledge: Knowledge) -> None:
    text = (
        "Nilai Indeks Keterbukaan Informasi Publik (IKIP) Kabupaten Cilacap tahun 2024 mencapai 78,50 dengan "
        "kategori Baik. Pada pengukuran tahun 2023, nilai IKIP Cilacap hanya 71,20 dengan kategori Sedang. "
        "Dengan nilai 78,50, Cilacap kini masuk kategori Baik."
    )
    found = {a.year: (a.score, a.category) for a in awards(knowledge, text)}
    assert found == {2024: (Decimal("78.50"), "Baik"), 2023: (Decimal("71.20"), "Sedang")}
    text = (
        "Pemerintah Kabupaten Klaten meraih predikat Informatif dalam Anugerah Keterbukaan Informasi Publik "
        "2024. Penghargaan sebagai Badan Publik Informatif itu diterima Bupati Klaten, Sri Mulyani Utami."
    )
    assert summary(knowledge, text) == [("Anugerah Keterbukaan Informasi Publik", "pemda:33.10", 2024)]


def test_the_index_of_the_body_named_after_it(knowledge: Knowledge) -> None:
    text = (
        "Kepala Diskominfo Cimahi, Hendra Gunawan, mengatakan nilai Indeks SPBE Kota Cimahi sebesar 3,85 "
        "pada 2024."
    )
    (award,) = awards(knowledge, text)
    assert (award.recipient.key, award.score) == ("pemda:32.77", Decimal("3.85"))


def test_a_staff_members_prize_is_not_the_agencys(knowledge: Knowledge) -> None:
    text = (
        "Diskominfo Kabupaten Sumedang meraih penghargaan Website Pemerintah Daerah Terbaik 2024. "
        "Pranata Humas Ahli Muda Diskominfo Sumedang, Dewi Anggraeni, meraih juara I lomba penulisan "
        "feature kehumasan."
    )
    assert [(a.recipient.key, a.rank) for a in awards(knowledge, text)] == [("diskominfo:32.11", None)]
    text = (
        "Kepala Diskominfo Sumedang, Tuti Ruswati, menerima penghargaan Website Pemerintah Daerah "
        "Terbaik 2024."
    )
    assert [a.recipient.key for a in awards(knowledge, text)] == ["diskominfo:32.11"]


def test_the_ceremonys_host_receives_nothing(knowledge: Knowledge) -> None:
    text = (
        "Pemerintah Kota Jambi menerima predikat Informatif dalam Anugerah Keterbukaan Informasi "
        "Publik 2024. Penganugerahan digelar Komisi Informasi Provinsi Jambi dengan Pemerintah "
        "Provinsi Jambi sebagai tuan rumah. Kabupaten Muaro Jambi memperoleh predikat Cukup Informatif."
    )
    assert {a.recipient.key: a.predicate for a in awards(knowledge, text)} == {
        "pemda:15.71": "Informatif",
        "pemda:15.05": "Cukup Informatif",
    }


def test_a_place_and_category_before_the_contest_name(knowledge: Knowledge) -> None:
    text = (
        "Diskominfo Kabupaten Klaten meraih juara II kategori Video Layanan Publik dalam Lomba Konten "
        "Kreatif Pemerintah Daerah 2024 yang diselenggarakan Diskominfo Provinsi Jawa Tengah."
    )
    (award,) = awards(knowledge, text)
    assert (award.name, award.rank, award.category, award.year) == (
        "Lomba Konten Kreatif Pemerintah Daerah", 2, "Video Layanan Publik", 2024
    )
    text = (
        "Diskominfo Kabupaten Kubu Raya meraih juara II kategori Media Sosial dalam Anugerah Media Humas "
        "2023 dari Kemkominfo."
    )
    (award,) = awards(knowledge, text)
    assert (award.name, award.rank, award.category) == ("Anugerah Media Humas", 2, "Media Sosial")


def test_an_official_handing_the_award_over_is_no_recipient(knowledge: Knowledge) -> None:
    text = (
        "Gubernur Kalimantan Utara, Zainal Arifin Paliwang, menyerahkan Anugerah Keterbukaan Informasi "
        "Publik 2024 kepada Pemerintah Kabupaten Nunukan yang meraih predikat Informatif."
    )
    found = [(a.recipient.key, a.predicate) for a in awards(knowledge, text)]
    assert found == [("pemda:65.03", "Informatif")]


def test_bodies_ranked_above_are_named_for_comparison(knowledge: Knowledge) -> None:
    text = (
        "Kota Cimahi meraih Indeks SPBE 3,85 pada evaluasi 2024. Cimahi berada di peringkat ke-4 dari 27 "
        "kabupaten/kota, di bawah Kota Bandung, Kabupaten Bekasi dan Kota Bogor yang masing-masing meraih "
        "predikat Sangat Baik."
    )
    assert [(a.recipient.key, a.rank) for a in awards(knowledge, text)] == [("pemda:32.77", 4)]


def test_a_definition_of_the_award_is_no_result(knowledge: Knowledge) -> None:
    text = (
        f"{RESULT} Sebagai informasi, Anugerah Keterbukaan Informasi Publik adalah penghargaan tahunan bagi "
        "badan publik."
    )
    assert summary(knowledge, text) == AKIP_2024
    text = (
        "Diskominfo Klaten menerima penghargaan Website Pemerintah Daerah Terbaik dari Gubernur Jawa "
        "Tengah."
    )
    assert [a.recipient.key for a in awards(knowledge, text)] == ["diskominfo:33.10"]

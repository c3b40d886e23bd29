"""An index result given with the value it changed from: "naik dari 2,87 pada 2023 menjadi 3,12 pada 2024".
The earlier value is a result of its own when its year is written, never when it is not; the value after
"menjadi" is the current one, with the year written after it. Sentences written for these tests."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from extractor_texts import extract_text

from kg.knowledge import Knowledge, load_knowledge
from kg.paths import LEXICON_DIR


def results(knowledge: Knowledge, text: str) -> list[tuple[str, int | None, Decimal | None]]:
    found = extract_text(text, date(2025, 3, 1), knowledge).awards
    return sorted((a.recipient.key, a.year, a.score) for a in found if a.name == "Indeks SPBE")


def test_a_change_within_one_sentence_gives_both_years(knowledge: Knowledge) -> None:
    text = "Indeks SPBE Pemprov Kaltim naik dari 2,87 pada 2023 menjadi 3,12 pada 2024."
    assert results(knowledge, text) == [
        ("pemda:64", 2023, Decimal("2.87")), ("pemda:64", 2024, Decimal("3.12"))]


def test_the_next_sentence_may_give_the_earlier_value(knowledge: Knowledge) -> None:
    text = (
        "Indeks SPBE Pemkab Lampung Selatan tahun 2024 mencapai 3,12 dengan predikat Baik. "
        "Nilai tersebut naik dari 2,87 yang diperoleh pada evaluasi tahun 2023."
    )
    assert results(knowledge, text) == [
        ("pemda:18.01", 2023, Decimal("2.87")), ("pemda:18.01", 2024, Decimal("3.12"))]


def test_the_year_after_the_new_value_is_the_current_result_s(knowledge: Knowledge) -> None:
    text = "Indeks SPBE Pemkot Balikpapan meningkat tipis dari 2,95 menjadi 3,30 pada 2024."
    assert results(knowledge, text) == [("pemda:64.71", 2024, Decimal("3.30"))]  # no year: no earlier result


@pytest.mark.parametrize(
    "follow",
    [
        "Nilai itu naik dari 2,61 pada evaluasi sebelumnya.",  # no year written
        "Capaian ini naik dibanding tahun sebelumnya.",  # no earlier value
        "Angka itu turun dari 3,10 pada 2023, sementara Pemkab Kutai Timur naik.",  # another body named
    ],
)
def test_no_earlier_result_is_made_up(knowledge: Knowledge, follow: str) -> None:
    text = f"Pemerintah Kabupaten Paser tahun 2024 meraih Indeks SPBE sebesar 3,05. {follow}"
    assert [r for r in results(knowledge, text) if r[0] == "pemda:64.01"] == [
        ("pemda:64.01", 2024, Decimal("3.05"))]


def test_change_words_are_data(tmp_path: Path) -> None:
    folder = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, folder)
    awards_file = folder / "awards.yaml"
    text = awards_file.read_text(encoding="utf-8")
    extended_text = re.sub(r"(?m)^change_words: \[", "change_words: [melesat, ", text)
    assert extended_text != text
    awards_file.write_text(extended_text, encoding="utf-8")
    extended = load_knowledge(folder)
    sentence = "Indeks SPBE Pemprov Kaltim melesat dari 2,87 pada 2023 menjadi 3,12 pada 2024."
    assert results(extended, sentence) == [
        ("pemda:64", 2023, Decimal("2.87")), ("pemda:64", 2024, Decimal("3.12"))]
    assert results(load_knowledge(), sentence) == []  # "melesat" is not in the shipped list


def test_a_rank_stated_with_the_evaluation_joins_the_result(knowledge: Knowledge) -> None:
    """ "se-Provinsi Lampung" is the ranking's scope, not a recipient; the evaluation's full name is the
    index's name too ("evaluasi Sistem Pemerintahan Berbasis Elektronik (SPBE) 2024")."""
    text = (
        "Kabupaten Pringsewu menempati peringkat ke-3 dari 15 kabupaten/kota se-Provinsi Lampung dalam "
        "evaluasi Sistem Pemerintahan Berbasis Elektronik (SPBE) 2024 yang diumumkan Kementerian PANRB. "
        "Pringsewu meraih Indeks SPBE 3,45 dengan predikat Baik."
    )
    found = extract_text(text, date(2025, 3, 1), knowledge).awards
    assert [(a.recipient.key, a.year, a.score, a.predicate, a.rank, a.out_of) for a in found] == [
        ("pemda:18.10", 2024, Decimal("3.45"), "Baik", 3, 15)]


_LIST = (
    "Komisi Informasi Provinsi Jawa Tengah menyerahkan Anugerah Keterbukaan Informasi Publik 2023 kepada "
    "badan publik. Untuk kategori pemerintah kabupaten/kota, dari 35 daerah yang dinilai, hasilnya sebagai "
    "berikut:\n\n1. Kabupaten Boyolali — nilai {a}, predikat Informatif\n"
    "2. Kota Salatiga — nilai {b}, predikat Informatif\n"
)


def test_a_numbered_list_in_falling_scores_is_a_ranking(knowledge: Knowledge) -> None:
    ranked = extract_text(_LIST.format(a="98,10", b="97,45"), date(2023, 12, 14), knowledge).awards
    assert sorted((a.recipient.key, a.rank, a.out_of) for a in ranked) == [
        ("pemda:33.09", 1, 35), ("pemda:33.73", 2, 35)]
    listed = extract_text(_LIST.format(a="91,20", b="97,45"), date(2023, 12, 14), knowledge).awards
    assert sorted((a.recipient.key, a.rank) for a in listed) == [("pemda:33.09", None), ("pemda:33.73", None)]

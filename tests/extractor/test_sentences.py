"""Sentence boundaries that survive honorifics, degrees, initials and decimal commas."""

from __future__ import annotations

from datetime import date

import pytest
from extractor_texts import extract_text

from kg.events.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text).spans]


def test_plain_sentences_and_lines() -> None:
    assert sentences("Rombongan tiba. Mereka disambut hangat!\n\nJudul Tanpa Titik\nLalu apa?") == [
        "Rombongan tiba.",
        "Mereka disambut hangat!",
        "Judul Tanpa Titik",
        "Lalu apa?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rombongan diterima H. Iskandar Alwi di kantornya.",
        "Ia ditemani Dr. Hendro Wicaksono, S.Sos., M.Si., di ruang rapat.",
        "Kantor itu berada di Jl. Ahmad Yani Nomor 5.",
        "Skor Kaltara 68,81 dan indeks SPBE 3,79 tahun ini.",
    ],
)
def test_no_break_inside(text: str) -> None:
    assert sentences(text) == [text]


def test_a_degree_can_end_a_sentence() -> None:
    assert sentences("Rombongan dipimpin Yulius Lahang, S.Sos. Mereka diterima langsung.") == [
        "Rombongan dipimpin Yulius Lahang, S.Sos.",
        "Mereka diterima langsung.",
    ]


def test_quotes_close_a_sentence() -> None:
    assert sentences("“Kami senang berbagi.” Ia lalu pamit.") == ["“Kami senang berbagi.”", "Ia lalu pamit."]


def test_index_of_finds_the_sentence() -> None:
    text = "Satu dua. Tiga empat."
    found = split_sentences(text)
    assert found.index_of(0) == 0 and found.index_of(text.index("Tiga")) == 1
    assert found.index_of(len(text) - 1) == 1


def test_a_title_case_dateline_may_name_its_outlet_in_parentheses() -> None:
    text = ("Kupang (ANTARA) - Indeks Keterbukaan Informasi Publik (IKIP) Provinsi Nusa Tenggara Timur tahun "
            "2024 mencapai 71,20 atau masuk kategori Sedang, berdasarkan hasil pengukuran Komisi Informasi "
            "Pusat.")
    awards = extract_text(text, date(2024, 12, 20)).awards
    assert {a.recipient.key for a in awards} == {"pemda:53"}  # not the town the reporter files from

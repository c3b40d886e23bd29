""""Badan Publik" is the legal term for any public body (UU KIP), not the head of a body's name.

A run of capitalised words after it (a quoted headline slogan: "Badan Publik Wajib Umumkan …") is no
unresolved agency; a body whose name only begins with the same letters ("Badan Publikasi …") still is.
"""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text


def agency_keys(text: str) -> list[str]:
    return [a.key for a in extract_text(text, date(2025, 3, 5)).agencies]


def test_badan_publik_slogan_is_not_an_agency() -> None:
    keys = agency_keys('KI Jateng Gelar Rakor: "Badan Publik Wajib Umumkan Informasi Berkala"')
    assert "komisi-informasi:33" in keys
    assert not any(k.startswith("unresolved:badan-publik") for k in keys)


def test_a_longer_head_word_is_matched_whole() -> None:
    keys = agency_keys(
        "Kunjungan itu dihadiri Badan Publikasi Media Daerah dan Komisi Informasi Provinsi Jawa Tengah."
    )
    assert "unresolved:badan-publikasi-media-daerah" in keys

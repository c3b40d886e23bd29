"""A sentence opened by the region a party comes from ("Dari Sleman, hadir <title>, <name>") gives the
post the one agency the article names serving that region.

The region only stands for an agency when exactly one named agency serves it; with two, the post keeps no
agency rather than a guess.
"""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text

_MEETING = (
    "Rapat koordinasi SPBE digelar Dinas Komunikasi dan Informatika Provinsi Jawa Tengah bersama {guests} "
    "dan Dinas Komunikasi dan Informatika Kota Surabaya. Dari Sleman, hadir Kepala Bidang Aplikasi "
    "Informatika, Rudi Hartono."
)


def posts_of(text: str) -> set[tuple[str, str, str | None]]:
    found = extract_text(text, date(2025, 3, 5)).posts
    return {(p.official.name, p.role_id, p.agency.key if p.agency else None) for p in found}


def test_region_opening_the_sentence_gives_its_one_agency() -> None:
    posts = posts_of(_MEETING.format(guests="Dinas Komunikasi dan Informatika Kabupaten Sleman"))
    assert ("Rudi Hartono", "kepala-bidang", "diskominfo:34.04") in posts


def test_region_with_two_named_agencies_gives_none() -> None:
    guests = "Dinas Komunikasi dan Informatika Kabupaten Sleman, Bappeda Kabupaten Sleman"
    assert ("Rudi Hartono", "kepala-bidang", None) in posts_of(_MEETING.format(guests=guests))

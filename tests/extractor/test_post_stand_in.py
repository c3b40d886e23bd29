"""An official who stands in for an agency or its head ("mewakili Kepala Diskominfotik NTB") is of that
agency; standing in for a governor says nothing of the official's own agency."""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text

_VISIT = ("Diskominfo Kabupaten Bima melakukan studi tiru ke Diskominfotik NTB di Mataram, Selasa "
          "(5/3/2024). Rombongan dipimpin Sekretaris Diskominfo Bima, Ahmad Fauzi, S.E. Paparan tentang "
          "keamanan informasi disampaikan Kepala Bidang Persandian, Ratna Dewi Lestari, S.Kom., {stand_in}.")


def _agency_of(name: str, stand_in: str) -> str | None:
    extraction = extract_text(_VISIT.format(stand_in=stand_in), date(2024, 3, 6))
    post = next(p for p in extraction.posts if p.official.name == name)
    return post.agency.key if post.agency else None


def test_standing_in_for_the_head_of_an_agency() -> None:
    assert _agency_of("Ratna Dewi Lestari", "mewakili Kepala Diskominfotik NTB") == "diskominfo:52"
    assert _agency_of("Ratna Dewi Lestari", "mewakili Kadiskominfotik NTB") == "diskominfo:52"
    assert _agency_of("Ahmad Fauzi", "mewakili Kepala Diskominfotik NTB") == "diskominfo:52.06"


def test_standing_in_for_the_agency_itself() -> None:
    assert _agency_of("Ratna Dewi Lestari", "mewakili Diskominfotik NTB") == "diskominfo:52"


def test_standing_in_for_a_governor_names_no_agency_of_the_official() -> None:
    assert _agency_of("Ratna Dewi Lestari", "mewakili Gubernur NTB") != "pemda:52"

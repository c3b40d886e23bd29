"""Region mentions in the wider genre: street names that are region names, kecamatan without prefix."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.clean import clean
from kg.knowledge import Knowledge
from kg.recognise import recognise
from kg.recognise.bodies import anchored_matches
from kg.types import Article


def regions(knowledge: Knowledge, text: str) -> list[tuple[str, str]]:
    found = recognise(clean(Article(id="t", text=text, source="test"), knowledge), knowledge)
    return [(m.text, m.value) for m in found.mentions if m.kind == "region"]


def test_region_name_in_a_street_name_is_not_a_region(knowledge: Knowledge) -> None:
    text = "Rapat di Gedung Sate, Jalan Medan Merdeka, lalu ke Jl. Surabaya Nomor 3, Kota Bandung."
    assert regions(knowledge, text) == [("Kota Bandung", "32.73")]


@pytest.mark.parametrize("text, expected", [
    ("Audiensi di Gedung Komdigi, Gambir, Jakarta Pusat, Kamis.", [("Gambir", "31.71.01"),
                                                                  ("Jakarta Pusat", "31.71")]),
    ("Tim meninjau balai banjar di Ubud, Gianyar.", [("Ubud", "51.04.05"), ("Gianyar", "51.04")]),
])
def test_kecamatan_before_its_own_parent(knowledge: Knowledge, text: str,
                                         expected: list[tuple[str, str]]) -> None:
    assert regions(knowledge, text) == expected


def test_a_name_before_an_unrelated_region_stays_a_name(knowledge: Knowledge) -> None:
    assert regions(knowledge, "Hadir pula Gambir Santoso, Kota Malang.") == [("Kota Malang", "35.73")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Dinas", "Badan", "Pertanian", "Kota", "dan", "xDinas", "Badan-", " ",
                                 "Sekolah Tinggi", "Ilmu", ",", "\n"]), max_size=30))
def test_anchored_matches_equal_a_full_scan(pieces: list[str]) -> None:
    text = " ".join(pieces)
    pattern = re.compile(r"(?<![\w-])(?:Sekolah Tinggi|Dinas|Badan)(?:[ \t]+(?:[A-Z][\w'\-]*|dan|&|serta))+")
    expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
    found = anchored_matches(text, ("Dinas", "Badan", "Sekolah Tinggi"), pattern)
    assert [(m.start(), m.end()) for m in found] == expected

"""A name whose last word is also a town ("I Made Putra Tabanan, S.Kom.") keeps that word.

The name scanner stops at words the lexicon knows (regions, agencies, roles), since a place often follows
a name. Right before the name's degrees, though, no place is written: the word belongs to the name. A town
after a name with no degrees after it still ends the name.
"""

from __future__ import annotations

from datetime import date

from kg.pipeline import extract
from kg.types import Article


def names_of(text: str) -> set[str]:
    article = Article(id="t", text=text, source="test", published=date(2025, 6, 1))
    return {p.official.name for p in extract(article).posts}


def test_town_word_before_degrees_is_part_of_the_name() -> None:
    names = names_of(
        "Kepala Dinas Komunikasi dan Informatika Kota Denpasar, I Made Putra Tabanan, S.Kom., M.T., "
        "memaparkan layanan tanda tangan elektronik."
    )
    assert "I Made Putra Tabanan" in names


def test_town_after_a_name_without_degrees_is_not_part_of_it() -> None:
    names = names_of("Kepala Diskominfo Kota Denpasar I Made Putra Tabanan menyerahkan laporan.")
    assert names and not any(name.endswith("Tabanan") for name in names)

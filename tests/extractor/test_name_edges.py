"""Where an official's name ends: words a name scanner could mistake for its end, or for its continuation.

Name particles written in lower case inside a name ("Moa da Gama", "Ahmad bin Umar") are part of it: the
scanner lets a particle through only when a name word follows it, as the gold corpora write names. "di" is
not a particle: it is the preposition before a place ("Maria Goreti di Maumere").

A name whose last word is also a town ("I Made Putra Tabanan, S.Kom.") keeps that word. The scanner stops
at words the lexicon knows (regions, agencies, roles), since a place often follows a name; right before
the name's degrees, though, no place is written. A town after a name with no degrees after it still ends
the name.
"""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text


def names_of(text: str) -> set[str]:
    return {p.official.name for p in extract_text(text, date(2025, 6, 1)).posts}


def test_particle_inside_a_name_is_kept() -> None:
    names = names_of(
        "Kepala Dinas Komunikasi dan Informatika Kabupaten Sikka, Yosef Moa da Costa, S.Sos., membuka "
        "rapat koordinasi."
    )
    assert "Yosef Moa da Costa" in names


def test_the_preposition_di_does_not_pull_a_place_into_a_name() -> None:
    names = names_of("Sekretaris Diskominfo Sikka Maria Goreti di Maumere membuka rapat koordinasi.")
    assert "Maria Goreti" in names


def test_town_word_before_degrees_is_part_of_the_name() -> None:
    names = names_of(
        "Kepala Dinas Komunikasi dan Informatika Kota Denpasar, I Made Putra Tabanan, S.Kom., M.T., "
        "memaparkan layanan tanda tangan elektronik."
    )
    assert "I Made Putra Tabanan" in names


def test_town_after_a_name_without_degrees_is_not_part_of_it() -> None:
    names = names_of("Kepala Diskominfo Kota Denpasar I Made Putra Tabanan menyerahkan laporan.")
    assert names and not any(name.endswith("Tabanan") for name in names)

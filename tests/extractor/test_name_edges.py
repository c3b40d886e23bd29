"""Where an official's name ends: words a name scanner could mistake for its end, or for its continuation.

Name particles written in lower case inside a name ("Moa da Gama", "Ahmad bin Umar") are part of it: the
scanner lets a particle through only when a name word follows it, as the gold corpora write names. "di" is
not a particle: it is the preposition before a place ("Maria Goreti di Maumere").

A name whose last word is also a town ("I Made Putra Tabanan, S.Kom.") keeps that word. The scanner stops
at words the lexicon knows (regions, agencies, roles), since a place often follows a name; right before
the name's degrees, though, no place is written, nor between a name set off by commas and the comma that
closes it ("Kepala DKISP Kaltara, Yohanes Lingga, menyambut …"). A town after a name with no degrees and
no closing comma still ends the name.

A given name cut short with a dot ("Moch. Sholahuddin") does not end the sentence: words of up to four
letters, and the longer ones listed in person_titles.yaml (`abbreviated_given_names`).
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


def test_town_word_closing_a_name_between_commas_is_part_of_the_name() -> None:
    names = names_of("Kepala Diskominfo Provinsi Kepulauan Riau, Yohanes Lingga, membuka pertemuan itu.")
    assert names == {"Yohanes Lingga"}


def test_a_town_listed_after_a_name_between_commas_is_not_part_of_it() -> None:
    names = names_of("Tim dipimpin Kepala Bidang Persandian, Rudi Hartono, Lingga, dan Bintan turut hadir.")
    assert names == {"Rudi Hartono"}


def test_an_abbreviated_given_name_does_not_end_the_sentence() -> None:
    names = names_of("Kepala Diskominfo Lamongan, Moch. Rizal Fahmi, S.H., membuka diskusi dengan rombongan.")
    assert names == {"Moch. Rizal Fahmi"}


def test_a_five_letter_last_name_before_a_dot_still_ends_the_sentence() -> None:
    names = names_of("Rombongan disambut Kepala Bidang IKP, Sri Yanti. Rombongan lalu meninjau ruang server.")
    assert names == {"Sri Yanti"}

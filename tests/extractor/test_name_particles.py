"""Name particles written in lower case inside a name ("Moa da Gama", "Ahmad bin Umar") are part of it.

The name scanner lets a particle through only when a name word follows it, and the official's name keeps
the particle, as the gold corpora write it. "di" is not a particle here: it is the preposition before a
place ("Maria Goreti di Maumere").
"""

from __future__ import annotations

from datetime import date

from kg.pipeline import extract
from kg.types import Article


def names_of(text: str) -> set[str]:
    article = Article(id="t", text=text, source="test", published=date(2025, 6, 1))
    return {p.official.name for p in extract(article).posts}


def test_particle_inside_a_name_is_kept() -> None:
    names = names_of(
        "Kepala Dinas Komunikasi dan Informatika Kabupaten Sikka, Yosef Moa da Costa, S.Sos., membuka "
        "rapat koordinasi."
    )
    assert "Yosef Moa da Costa" in names


def test_the_preposition_di_does_not_pull_a_place_into_a_name() -> None:
    names = names_of("Sekretaris Diskominfo Sikka Maria Goreti di Maumere membuka rapat koordinasi.")
    assert "Maria Goreti" in names

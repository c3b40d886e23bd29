"""Officials whose agency or name the title does not give plainly: a possessive title ("kepala
dinasnya"), a clause between title and name ("yang membidangi …"), a name word that is also a title word
("H. Muda …", "Rahmat Muda Lasahido"), a staff title naming a unit headed by a post ("Analis … pada Asisten
Deputi …") received at an agency named earlier in the clause, a unit head in an article about one agency.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.clean import clean
from kg.knowledge import Knowledge
from kg.recognise import recognise
from kg.resolve import resolve
from kg.types import Article


def posts(knowledge: Knowledge, text: str) -> list[tuple[str, str, str | None]]:
    article = Article(id="t", text=text, source="test")
    found = resolve(recognise(clean(article, knowledge), knowledge), knowledge).posts
    return [(p.official.name, p.role_id, p.agency.key if p.agency else None) for p in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rombongan Diskominfo Sigi dipimpin langsung kepala dinasnya, Hj. Nurlela Lamasitudju, S.E.",
            ("Nurlela Lamasitudju", "kepala", "diskominfo:72.10"),
        ),
        (
            "Anggota Komisi Informasi Provinsi Bengkulu yang membidangi kelembagaan, Yusuf Pratama, "
            "turut hadir.",
            ("Yusuf Pratama", "anggota", "komisi-informasi:17"),
        ),
        (
            "Bupati Boyolali, H. Muda Prasetyo, S.H., membuka acara.",
            ("Muda Prasetyo", "bupati", "pemda:33.09"),
        ),
        (
            "Kepala Diskominfo Sigi, Rahmat Muda Lasahido, membuka acara.",
            ("Rahmat Muda Lasahido", "kepala", "diskominfo:72.10"),
        ),
        (
            "Mewakili Kepala Diskominfo Boyolali, Kepala Bidang Aplikasi Informatika, Joko Purnomo, "
            "memaparkan pengelolaan aplikasi.",
            ("Joko Purnomo", "kepala-bidang", "diskominfo:33.09"),
        ),
    ],
)
def test_post_found_across_the_link(knowledge: Knowledge, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in posts(knowledge, text)


def test_a_possessive_alone_makes_no_title(knowledge: Knowledge) -> None:
    assert posts(knowledge, "Rombongan dipimpin kepala dinasnya sendiri.") == []


def test_staff_title_with_a_unit_and_the_receiving_agency(knowledge: Knowledge) -> None:
    text = (
        "Diskominfo Kabupaten Rejang Lebong melakukan kunjungan kerja ke Kementerian PANRB, Kamis "
        "(14/3/2024). Rombongan diterima di Kantor KemenPAN-RB, Jakarta, oleh Analis Kebijakan Ahli "
        "Muda pada Asisten Deputi Tata Kelola SPBE, Fitri Handayani."
    )
    assert ("Fitri Handayani", "analis", "kemenpan-rb") in posts(knowledge, text)


def test_unit_head_in_an_article_about_one_agency(knowledge: Knowledge) -> None:
    head = (
        "Menurut Kepala Dinas Komunikasi dan Informatika Provinsi NTT, Aloysius Fanggidae, literasi digital "
        "harus sampai ke desa. "
    )
    middle = "Dinas Kominfo NTT bekerja sama dengan Kementerian Komunikasi dan Informatika. " * 8
    unit = "Kepala Bidang Pengelolaan Informasi, Maria Bessie, menambahkan hal serupa."
    assert ("Maria Bessie", "kepala-bidang", "diskominfo:53") in posts(knowledge, head + middle + unit)
    # two regional agencies (a visit): the unit head's agency is not guessed
    other = "Diskominfo Kota Kupang turut hadir. "
    assert ("Maria Bessie", "kepala-bidang", None) in posts(knowledge, head + other + middle + unit)

"""Award wordings beyond the first gold set: scores after the index name, bare and roman ranks, list
items, bodies listed together, quotes, semicolons, several prizes of one ceremony. Sentences written for
these tests."""

from __future__ import annotations

from decimal import Decimal

from kg.events.awards import find_awards
from kg.events.view import EventKnowledge
from kg.types import Award

AGENCIES = {
    "Pemkab Sleman": "pemda:34.04",
    "Pemkab Bantul": "pemda:34.02",
    "Pemkot Yogyakarta": "pemda:34.71",
    "Pemkab Gunungkidul": "pemda:34.03",
    "Pemerintah Kota Magelang": "pemda:33.71",
    "Pemerintah Kota Salatiga": "pemda:33.73",
    "Diskominfo Sleman": "diskominfo:34.04",
    "Diskominfo DIY": "diskominfo:34",
    "Komisi Informasi DIY": "komisi-informasi:34",
    "KI DIY": "komisi-informasi:34",
}


def awards_of(build, events: EventKnowledge, text: str) -> list[Award]:
    return sorted(find_awards(build(text, AGENCIES), events), key=lambda a: a.span.start)


def test_score_written_right_after_the_index_name(build, events) -> None:
    text = "Pemkab Bantul mencatatkan nilai Indeks SPBE 3,27 dengan predikat Baik pada evaluasi 2023."
    (award,) = awards_of(build, events, text)
    assert (award.recipient.key, award.score, award.predicate, award.year) == (
        "pemda:34.02", Decimal("3.27"), "Baik", 2023
    )


def test_bare_rank_number_and_roman_place(build, events) -> None:
    text = "Indeks SPBE Pemkab Sleman tahun 2024 mencapai 3,61 dan berada di peringkat 4 nasional."
    (award,) = awards_of(build, events, text)
    assert (award.score, award.rank, award.out_of) == (Decimal("3.61"), 4, None)
    text = "Diskominfo Sleman meraih Juara III Lomba Video Layanan Publik 2022."
    (contest,) = awards_of(build, events, text)
    assert contest.name == "Lomba Video Layanan Publik"
    assert (contest.recipient.key, contest.rank, contest.year) == ("diskominfo:34.04", 3, 2022)


def test_bodies_listed_together_share_one_result(build, events) -> None:
    text = (
        "Komisi Informasi DIY menyerahkan Anugerah Keterbukaan Informasi Publik 2023 di Yogyakarta. "
        "Pemkab Sleman, Pemkab Bantul dan Pemkot Yogyakarta masing-masing meraih predikat Informatif, "
        "sedangkan Pemkab Gunungkidul berada pada kategori Menuju Informatif."
    )
    grades = {a.recipient.key: (a.predicate, a.year) for a in awards_of(build, events, text)}
    assert grades == {
        "pemda:34.04": ("Informatif", 2023),
        "pemda:34.02": ("Informatif", 2023),
        "pemda:34.71": ("Informatif", 2023),
        "pemda:34.03": ("Menuju Informatif", 2023),
    }


def test_a_quote_that_opens_speech_is_no_grade_and_the_giver_gets_nothing(build, events) -> None:
    text = (
        "Pemkab Bantul meraih predikat Informatif pada Anugerah KIP 2024. Kepala Diskominfo DIY "
        "mengatakan, \"Informatif itu harus dijaga bersama.\" Ketua KI DIY menyebut jumlah badan publik "
        "berkualifikasi Informatif terus bertambah."
    )
    assert [(a.recipient.key, a.predicate) for a in awards_of(build, events, text)] == [
        ("pemda:34.02", "Informatif")
    ]


def test_list_items_after_a_dash_and_a_semicolon_clause(build, events) -> None:
    text = (
        "Komisi Informasi DIY mengumumkan hasil Anugerah Keterbukaan Informasi Publik 2024:\n"
        "1. Pemerintah Kota Magelang – Informatif, nilai 95,40 (peringkat 1)\n"
        "2. Pemerintah Kota Salatiga – Menuju Informatif, nilai 88,10 (peringkat 2)\n"
        "Bagi Pemkab Sleman, ini predikat Informatif ketiga; pada 2021 kabupaten itu masih berada pada "
        "kategori Cukup Informatif."
    )
    found = {
        (a.recipient.key, a.year): (a.predicate, a.score, a.rank) for a in awards_of(build, events, text)
    }
    assert found[("pemda:33.71", 2024)] == ("Informatif", Decimal("95.40"), 1)
    assert found[("pemda:33.73", 2024)] == ("Menuju Informatif", Decimal("88.10"), 2)
    assert found[("pemda:34.04", 2021)][0] == "Cukup Informatif"


def test_a_prize_of_the_same_ceremony_takes_its_year(build, events) -> None:
    text = (
        "Pada malam Anugerah KI DIY 2025, Pemkab Sleman meraih predikat Informatif dengan nilai 96,2. "
        "Adapun Diskominfo Sleman dinobatkan sebagai PPID Pelaksana Terbaik."
    )
    by_name = {a.name: a for a in awards_of(build, events, text)}
    assert by_name["Anugerah Keterbukaan Informasi Publik"].recipient.key == "pemda:34.04"
    prize = by_name["PPID Pelaksana Terbaik"]
    assert (prize.recipient.key, prize.year) == ("diskominfo:34.04", 2025)


def test_another_index_after_an_award_keeps_no_borrowed_year(build, events) -> None:
    text = (
        "Pemkab Bantul meraih predikat Informatif pada Anugerah KIP 2025. Selain itu, berdasarkan Indeks "
        "Keterbukaan Informasi Publik, Pemkab Bantul mencatatkan skor 70,12."
    )
    ikip = next(a for a in awards_of(build, events, text) if a.name.startswith("Indeks"))
    assert (ikip.score, ikip.year) == (Decimal("70.12"), None)


def test_a_named_prize_beside_a_known_award_in_one_sentence(build, events) -> None:
    text = (
        "Pemkab Sleman menerima penghargaan Kabupaten Peduli Keterbukaan Informasi dari Komisi Informasi "
        "DIY pada malam Anugerah KI DIY 2024."
    )
    names = {a.name for a in awards_of(build, events, text)}
    assert "penghargaan Kabupaten Peduli Keterbukaan Informasi" in names
    prize = next(a for a in awards_of(build, events, text) if a.name.startswith("penghargaan"))
    assert prize.year == 2024 and prize.awarder is not None and prize.awarder.key == "komisi-informasi:34"


def test_a_result_stated_once_for_a_list_reaches_every_body(build, events) -> None:
    text = (
        "Pada Anugerah Keterbukaan Informasi Publik 2023, tiga daerah meraih predikat Informatif, yakni "
        "Pemkab Sleman, Pemkab Bantul dan Pemkot Yogyakarta."
    )
    grades = {a.recipient.key: (a.predicate, a.year) for a in awards_of(build, events, text)}
    assert grades == {k: ("Informatif", 2023) for k in ("pemda:34.04", "pemda:34.02", "pemda:34.71")}
    text = (
        "Dalam Anugerah Keterbukaan Informasi Publik tahun 2024, Pemkab Sleman dan Pemkab Bantul "
        "masing-masing meraih predikat Menuju Informatif dan Informatif."
    )
    grades = {a.recipient.key: a.predicate for a in awards_of(build, events, text)}
    assert grades == {"pemda:34.04": "Menuju Informatif", "pemda:34.02": "Informatif"}


def test_the_year_of_the_announcement_and_a_ceremony_held_by_the_awarder(build, events) -> None:
    text = (
        "Kementerian PANRB merilis hasil evaluasi tahun 2024 kemarin. Pemkab Sleman meraih Indeks SPBE "
        "3,91 dengan predikat Sangat Baik."
    )
    (award,) = find_awards(build(text, {**AGENCIES, "Kementerian PANRB": "kemenpan-rb"}), events)
    assert (award.recipient.key, award.year) == ("pemda:34.04", 2024)
    text = (
        "Pada Anugerah Keterbukaan Informasi Publik 2023 yang digelar Komisi Informasi DIY, "
        "Pemkab Bantul meraih predikat Informatif."
    )
    (award,) = awards_of(build, events, text)
    assert (award.recipient.key, award.awarder.key) == ("pemda:34.02", "komisi-informasi:34")


def test_a_prize_held_by_a_body_with_its_runners_up(build, events) -> None:
    text = (
        "Diskominfo DIY menggelar Anugerah Website Perangkat Daerah 2024 di Yogyakarta. Diskominfo Sleman "
        "dinobatkan sebagai pengelola website terbaik se-DIY, disusul Pemkab Bantul di peringkat kedua "
        "dan Pemkot Yogyakarta di peringkat ketiga. Bupati menerima penghargaan didampingi Diskominfo Sleman."
    )
    found = {(a.name, a.recipient.key, a.year, a.rank) for a in awards_of(build, events, text)}
    name = "pengelola website terbaik se-DIY"
    assert found == {
        (name, "diskominfo:34.04", 2024, 1),
        (name, "pemda:34.02", 2024, 2),
        (name, "pemda:34.71", 2024, 3),
    }


def test_a_decimal_score_before_a_category_word(build, events) -> None:
    text = (
        "Pemkab Sleman berada di peringkat ke-3 dalam Indeks Keterbukaan Informasi Publik 2024 dengan "
        "skor 81,20 kategori Baik."
    )
    (award,) = awards_of(build, events, text)
    assert (award.recipient.key, award.score, award.rank) == ("pemda:34.04", Decimal("81.20"), 3)


def test_a_grade_only_one_award_gives_names_that_award(build, events) -> None:
    text = "Pemkab Bantul yang tahun lalu meraih predikat Informatif dari Komisi Informasi DIY berbagi kiat."
    (award,) = awards_of(build, events, text)
    assert (award.name, award.recipient.key, award.predicate, award.awarder.key) == (
        "Anugerah Keterbukaan Informasi Publik", "pemda:34.02", "Informatif", "komisi-informasi:34"
    )
    loose = "Pemkab Bantul dipilih karena konsisten meraih predikat informatif beberapa tahun terakhir."
    assert awards_of(build, events, loose) == []

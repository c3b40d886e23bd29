"""Rankings told in prose (kg.events.standings): "posisi pertama ditempati X …, disusul Y", "tiga posisi
teratas diraih …", a grade for "keduanya", and one field size for every result of a ranking."""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text

PUBLISHED = date(2024, 12, 20)


def _results(text: str) -> dict[str, tuple[object, ...]]:
    return {a.recipient.key: (a.predicate, a.score and str(a.score), a.rank, a.out_of)
            for a in extract_text(text, PUBLISHED).awards}


def test_first_place_then_the_next_after_disusul_with_a_shared_grade_and_field() -> None:
    got = _results(
        "Komisi Informasi DIY mengumumkan hasil monitoring dan evaluasi keterbukaan informasi publik tahun "
        "2024 di Yogyakarta, Senin (9/12/2024). Pemerintah Kabupaten Bantul meraih predikat Informatif pada "
        "Anugerah Keterbukaan Informasi Publik 2024 dan menempati peringkat ke-3 dari 5 kabupaten/kota "
        "dengan nilai 91,20.\n\nPosisi pertama ditempati Kabupaten Sleman dengan nilai 95,10, disusul Kota "
        "Yogyakarta dengan nilai 94,02. Keduanya juga berpredikat Informatif."
    )
    assert got == {
        "pemda:34.02": ("Informatif", "91.20", 3, 5),
        "pemda:34.04": ("Informatif", "95.10", 1, 5),
        "pemda:34.71": ("Informatif", "94.02", 2, 5),
    }


def test_the_top_places_listed_in_order_and_ketiganya() -> None:
    got = _results(
        "Kementerian PANRB merilis hasil evaluasi Sistem Pemerintahan Berbasis Elektronik tahun 2024, Rabu "
        "(4/12/2024). Kabupaten Jember menempati peringkat ke-4 dari 38 kabupaten/kota se-Jawa Timur dengan "
        "Indeks SPBE 3,41.\n\nTiga posisi teratas di Jawa Timur diraih Kota Surabaya dengan indeks 3,95, "
        "Kabupaten Banyuwangi dengan indeks 3,80 dan Kota Malang dengan indeks 3,62, ketiganya berpredikat "
        "Sangat Baik."
    )
    assert got == {
        "pemda:35.09": (None, "3.41", 4, 38),
        "pemda:35.78": ("Sangat Baik", "3.95", 1, 38),
        "pemda:35.10": ("Sangat Baik", "3.80", 2, 38),
        "pemda:35.73": ("Sangat Baik", "3.62", 3, 38),
    }


def test_a_body_named_after_the_first_place_without_disusul_takes_no_place() -> None:
    got = _results(
        "Komisi Informasi Provinsi Jawa Tengah menyerahkan Anugerah Keterbukaan Informasi Publik 2024 di "
        "Semarang, Kamis (12/12/2024). Posisi pertama ditempati Kabupaten Boyolali dengan nilai 96,40. "
        "Adapun Kota Salatiga memperoleh nilai 90,15."
    )
    assert got["pemda:33.09"][2:] == (1, None)
    assert got["pemda:33.73"][2:] == (None, None)


def test_a_field_size_is_not_shared_across_tiers_of_government() -> None:
    got = _results(
        "Komisi Informasi Pusat menyerahkan Anugerah Keterbukaan Informasi Publik 2024 di Jakarta, Selasa "
        "(17/12/2024). Pemerintah Provinsi Jawa Timur meraih predikat Informatif dan menempati peringkat "
        "ke-5 dari 38 provinsi dengan nilai 93,10.\n\nDi tingkat kabupaten/kota se-Jawa Timur, posisi "
        "pertama ditempati Kota Surabaya dengan nilai 97,50."
    )
    assert got["pemda:35"][2:] == (5, 38)
    assert got["pemda:35.78"][2:] == (1, None)


def test_the_body_that_gives_an_index_is_not_credited_with_it() -> None:
    got = _results(
        "Indeks Keterbukaan Informasi Publik (IKIP) Provinsi Jawa Tengah tahun 2024 mencapai 80,12 atau "
        "masuk kategori Baik, berdasarkan pengukuran Komisi Informasi Pusat.\n\nPemprov berencana membina "
        "desa bersama Komisi Informasi Provinsi Jawa Tengah pada tahun depan.\n\nSecara nasional, rata-rata "
        "IKIP 2024 tercatat masih berada pada kategori Sedang."
    )
    assert set(got) == {"pemda:33"}

"""Regression sentences for the forms the wider genre uses (all Indonesia, long unit names, DPRD
commissions, camat/lurah, local short names, title in brackets), each written for the test.

Every case stands for a general mechanism, not one article: a unit word the lexicon does not know, a
short name an article defines in brackets, a title that points at an agency by its region or its unit.
"""

from __future__ import annotations

import pytest

from kg.clean import clean
from kg.knowledge import Knowledge
from kg.recognise import recognise
from kg.resolve import resolve
from kg.types import Article, Resolved


def resolved(knowledge: Knowledge, text: str) -> Resolved:
    article = Article(id="t", text=text, source="test")
    return resolve(recognise(clean(article, knowledge), knowledge), knowledge)


def posts(knowledge: Knowledge, text: str) -> list[tuple[str, str, str | None]]:
    return [(p.official.name, p.role_id, p.agency.key if p.agency else None)
            for p in resolved(knowledge, text).posts]


def keys(knowledge: Knowledge, text: str) -> list[str]:
    return sorted({a.key for a in resolved(knowledge, text).agencies})


# ---- title extent ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # an unknown unit word followed by a title word belongs to the title, not to the name
    ("Rombongan dipimpin Kepala Bidang Layanan Informasi dan Saluran Komunikasi Publik Diskominfo Kepri, "
     "Dimas Arya Putra, S.Kom.", ("Dimas Arya Putra", "kepala-bidang", "diskominfo:21")),
    ("Mereka didampingi Kasi Tata Kelola dan Audit TIK Diskominfo Batam, Ratna Sari.",
     ("Ratna Sari", "kepala-seksi", "diskominfo:21.71")),
    # a title going on after "dan" with an unknown word and an agency
    ("Piagam diterima Asisten Pemerintahan dan Kesra Setda Nunukan, Hasan Basri, di Jakarta.",
     ("Hasan Basri", "asisten", "setda:65.03")),
    # a letter naming a commission is part of the title
    ("Ketua Komisi B DPRD Kabupaten Sigi, Yohan Lamato, membuka dialog.",
     ("Yohan Lamato", "ketua", "dprd:72.10")),
    # a relative clause between the title and the name
    ("Kepala BPS Provinsi Bali yang baru dilantik, Dr. Made Sukerta, hadir.",
     ("Made Sukerta", "kepala", "bps:51")),
    # a title in brackets after the name ends at the closing bracket
    ("Dari Diskominfo Jambi hadir Budi Hartono, S.Kom. (Kepala Bidang Persandian) serta Ani Lestari "
     "(Analis Keamanan Informasi).", None),
])
def test_title_extent_in_the_wider_genre(knowledge: Knowledge, text: str,
                                         expected: tuple[str, str, str | None] | None) -> None:
    found = posts(knowledge, text)
    if expected is None:
        assert found == [("Budi Hartono", "kepala-bidang", "diskominfo:15"),
                         ("Ani Lestari", "analis", "diskominfo:15")]
    else:
        assert found == [expected]


def test_comma_after_a_title_does_not_swallow_the_next_title(knowledge: Knowledge) -> None:
    text = ("Turut mendampingi Sekda, Kabag Prokopim Setda Banyuwangi, Yusuf Hariyanto, serta "
            "Kepala Dinas Kominfo Banyuwangi, Budi Prasetya.")
    assert posts(knowledge, text) == [("Yusuf Hariyanto", "staf", "setda:35.10"),
                                      ("Budi Prasetya", "kepala", "diskominfo:35.10")]


def test_no_person_on_a_headline_line(knowledge: Knowledge) -> None:
    text = ("Plt Kadiskominfo Balangan Boyong Tim ke Banjarbaru\n\n"
            "Plt. Kadiskominfo Balangan, Rudi Hartawan, memimpin rombongan.")
    assert posts(knowledge, text) == [("Rudi Hartawan", "plt-kepala", "diskominfo:63.11")]


def test_a_place_after_di_is_not_a_name(knowledge: Knowledge) -> None:
    text = "Setibanya di Pelabuhan Tanjung Emas, Gubernur disambut Wali Kota Semarang, Agus Setiawan."
    assert posts(knowledge, text) == [("Agus Setiawan", "wali-kota", "pemda:33.74")]


# ---- the agency a title points at ------------------------------------------------------------------

def test_region_in_a_title_picks_the_agency_serving_it(knowledge: Knowledge) -> None:
    text = ("Rombongan Diskominfo Kubar diterima Diskominfo Kutim. Kepala Bidang Statistik Kutim, Rudi "
            "Salam, dan Kepala Bidang Persandian, Nur Aini, bergantian menjelaskan.")
    assert posts(knowledge, text) == [("Rudi Salam", "kepala-bidang", "diskominfo:64.08"),
                                      ("Nur Aini", "kepala-bidang", "diskominfo:64.08")]


def test_commission_in_a_title_is_the_articles_dprd(knowledge: Knowledge) -> None:
    text = ("Komisi I DPRD Provinsi Bali berkunjung ke Diskominfo Jateng. Anggota Komisi I, Ni Kadek "
            "Sumiati, bertanya soal anggaran.")
    assert posts(knowledge, text) == [("Ni Kadek Sumiati", "anggota", "dprd:51")]


def test_members_listed_in_lower_case_share_the_title(knowledge: Knowledge) -> None:
    text = ("Komisi I DPRD Kabupaten Deli Serdang hadir bersama anggota komisi Dewi Lestari Siregar dan "
            "Ferry Simanjuntak.")
    assert posts(knowledge, text) == [("Dewi Lestari Siregar", "anggota", "dprd:12.07"),
                                      ("Ferry Simanjuntak", "anggota", "dprd:12.07")]


@pytest.mark.parametrize("text, expected", [
    ("Diskominfo Kota Sorong berkunjung ke Diskominfo Manokwari. Pimpinan rombongan, Kepala Seksi "
     "Pengelolaan Media, Paulus Wanma, menjelaskan tujuan.",
     ("Paulus Wanma", "kepala-seksi", "diskominfo:96.71")),
    ("Tim Kemkominfo mengunjungi Diskominfo Banggai. Tim yang dipimpin Pranata Humas Ahli Madya, Retno "
     "Hapsari, diterima di Luwuk.", ("Retno Hapsari", "pranata-humas-ahli-madya", "kemkominfo")),
])
def test_visiting_side_named_by_the_clause(knowledge: Knowledge, text: str,
                                           expected: tuple[str, str, str]) -> None:
    assert posts(knowledge, text) == [expected]


def test_receiving_official_is_not_the_leaders_companion(knowledge: Knowledge) -> None:
    text = ("Diskominfo Kobar melakukan kunjungan ke Diskominfo Kota Bekasi. Rombongan dipimpin Kabid "
            "Persandian, Syahrul Noor, dan diterima Kasi Pengamanan Informasi, Lidya Tambunan.")
    assert posts(knowledge, text) == [("Syahrul Noor", "kepala-bidang", "diskominfo:62.01"),
                                      ("Lidya Tambunan", "kepala-seksi", "diskominfo:32.75")]


def test_side_read_from_the_visit_being_told(knowledge: Knowledge) -> None:
    text = ("Diskominfo Merauke berkunjung ke Diskominfo Makassar. Keesokan harinya tim berkunjung ke "
            "Diskominfo Provinsi Sulawesi Selatan. Mereka diterima Kepala Bidang Persandian, Andi Ajeng.")
    assert posts(knowledge, text) == [("Andi Ajeng", "kepala-bidang", "diskominfo:73")]


def test_unit_head_with_no_cue_speaks_for_the_agency_just_quoted(knowledge: Knowledge) -> None:
    text = ("Kepala Diskominfo Nunukan, Sabri Hasan, mengatakan kendalanya ada di website.\n\n"
            "Kabid Statistik dan Persandian, Agus Tandi, menambahkan pihaknya menyiapkan aplikasi.")
    assert posts(knowledge, text)[-1] == ("Agus Tandi", "kepala-bidang", "diskominfo:65.03")


# ---- short names and offices -----------------------------------------------------------------------

def test_short_name_defined_in_brackets_names_the_same_agency(knowledge: Knowledge) -> None:
    text = ("Dinas Komunikasi, Informatika, Persandian dan Statistik (Diskominfo Santik) Kota Palu menerima "
            "tamu. Sekretaris Diskominfo Santik, Nurjannah Lasa, memandu diskusi.")
    assert posts(knowledge, text) == [("Nurjannah Lasa", "sekretaris", "diskominfo:72.71")]
    text = ("Dinas Komunikasi, Informatika dan Persandian (Diskominsa) Aceh belajar ke DIY. Kepala "
            "Diskominsa Aceh, Murtala Wahab, memimpin.")
    assert posts(knowledge, text) == [("Murtala Wahab", "kepala", "diskominfo:11")]


def test_hyphenated_local_suffix_is_part_of_the_agency(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Tim berkunjung ke Diskominfo-SP Provinsi Sulawesi Selatan.") == ["diskominfo:73"]


def test_camat_and_lurah_head_their_own_office(knowledge: Knowledge) -> None:
    text = "Camat Dolo, Ni Made Ayu Lestari, ikut dalam rombongan ke Kantor Lurah Ubud."
    assert posts(knowledge, text) == [("Ni Made Ayu Lestari", "staf", "unresolved:kecamatan-dolo")]
    assert keys(knowledge, text) == ["unresolved:kecamatan-dolo", "unresolved:kelurahan-ubud"]


def test_syllable_short_name_of_an_unknown_body(knowledge: Knowledge) -> None:
    text = ("Tim menyambangi Balai Monitor Spektrum Frekuensi Radio Kelas II Samarinda. Kepala Balmon "
            "Samarinda, Ir. Teguh Santoso, menerima rombongan.")
    key = "unresolved:balai-monitor-spektrum-frekuensi-radio-kelas-ii-samarinda"
    assert posts(knowledge, text) == [("Teguh Santoso", "kepala", key)]


def test_a_city_hall_is_a_building_not_a_body(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Rombongan diterima di Balai Kota Semarang.") == []


def test_untyped_national_body_keeps_one_key(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Titik akses dibangun Pemprov Kalteng bersama BAKTI.") \
        == ["pemda:62", "unresolved:bakti"]


@pytest.mark.parametrize("text, key", [
    ("Kabag Prokopim Setkab Bulungan, Agus Lenjau, hadir.", "setda:65.01"),
    ("Kunjungan diterima di Gedung Pemko Medan.", "pemda:12.71"),
    ("Kasubbag Umum Diskominfo Malteng, Abdul Latuconsina, hadir.", "diskominfo:81.01"),
    ("Inspektur Kabupaten Siak, H. Ahmad Lubis, S.E., berbicara.", "inspektorat:14.08"),
])
def test_lexicon_forms_of_the_wider_genre(knowledge: Knowledge, text: str, key: str) -> None:
    assert key in keys(knowledge, text)


@pytest.mark.parametrize("text, expected", [
    ("Pranata Humas Ahli Muda pada Diskominfo Paser, Rina Oktavia, menjelaskan.",
     ("Rina Oktavia", "pranata-humas-ahli-muda", "diskominfo:64.01")),
    ("Kepala Seksi Layanan Informasi pada Bidang IKP Diskominfo Berau, Hendra Wijaya, hadir.",
     ("Hendra Wijaya", "kepala-seksi", "diskominfo:64.03")),
    ("Anggota DPRD Kaltim dari Fraksi Golkar, Sarkowi V Zahry, bertanya.",
     ("Sarkowi V Zahry", "anggota", "dprd:64")),
    ("Rombongan dari Diskominfo Kutim dipimpin langsung Kepala Bidang Statistik, Andi Ramli.",
     ("Andi Ramli", "kepala-bidang", "diskominfo:64.08")),
])
def test_linking_words_inside_titles(knowledge: Knowledge, text: str,
                                     expected: tuple[str, str, str | None]) -> None:
    assert posts(knowledge, text) == [expected]


def test_unit_official_of_the_articles_only_agency(knowledge: Knowledge) -> None:
    text = ("Diskominfo Kaltim menerima tamu dari Jakarta. Hadir pula Kepala Bidang Aptika, Rudi Hartono, "
            "bersama Pemprov Kaltim.")
    assert posts(knowledge, text) == [("Rudi Hartono", "kepala-bidang", "diskominfo:64")]
    two = "Diskominfo Kaltim dan Diskominfo Berau bertemu. Hadir Kepala Bidang Aptika, Rudi Hartono."
    assert posts(knowledge, two) == [("Rudi Hartono", "kepala-bidang", None)]


@pytest.mark.parametrize("text, expected", [
    ("Sekretaris Diskominfo Santik Kota Palu, Nurjannah Lasa, memandu diskusi.",
     ("Nurjannah Lasa", "sekretaris", "diskominfo:72.71")),
    ("Kepala Diskominfo Staper Kutai Timur, Roy Simanjuntak, menerima tamu.",
     ("Roy Simanjuntak", "kepala", "diskominfo:64.08")),
    ("Menteri Komunikasi dan Digital Meutya Rahma meresmikan program itu.",
     ("Meutya Rahma", "menteri", "komdigi")),
])
def test_local_name_word_between_agency_and_region(knowledge: Knowledge, text: str,
                                                   expected: tuple[str, str, str]) -> None:
    assert posts(knowledge, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Dinas Komunikasi dan Informatika bersama Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sanggau "
     "berkunjung ke Sidoarjo.", ["disdukcapil:61.03", "diskominfo:61.03"]),
    ("Diskominfo dan Disdukcapil Sanggau Studi Tiru ke Sidoarjo", ["disdukcapil:61.03", "diskominfo:61.03"]),
    ("Diskominfo menerima Disdukcapil Sanggau.", ["disdukcapil:61.03"]),
])
def test_agencies_named_together_share_the_region(knowledge: Knowledge, text: str,
                                                  expected: list[str]) -> None:
    assert keys(knowledge, text) == expected


def test_one_person_named_after_two_titles_holds_both(knowledge: Knowledge) -> None:
    text = "Kepala Diskominfo Kota Bontang yang juga Plt Kepala Bapperida Bontang, Anwar Sadat, hadir."
    assert posts(knowledge, text) == [("Anwar Sadat", "kepala", "diskominfo:64.74"),
                                      ("Anwar Sadat", "plt-kepala", "bappeda:64.74")]


def test_degree_ms_is_kept_apart(knowledge: Knowledge) -> None:
    text = "Wakil Wali Kota Samarinda, Dr. H. Rusmadi Wongso, M.S., membuka acara."
    (post,) = resolved(knowledge, text).posts
    assert (post.official.name, post.official.degrees) == ("Rusmadi Wongso", ("M.S.",))


def test_an_ambiguous_region_name_follows_the_regions_the_article_names(knowledge: Knowledge) -> None:
    text = (
        "Inspektorat Kabupaten Banjar menerima tamu dari Kota Banjarmasin di Martapura. "
        "Kepala Inspektorat Banjar, Rahmat Hidayat, memaparkan hasil audit."
    )
    assert set(keys(knowledge, text)) == {"inspektorat:63.03"}
    elsewhere = "Kepala Inspektorat Banjar, Rahmat Hidayat, hadir di Tasikmalaya, Jawa Barat."
    assert "inspektorat:32.79" in keys(knowledge, elsewhere)


def test_a_bare_agency_acting_for_a_government_serves_its_region(knowledge: Knowledge) -> None:
    text = "Pemerintah Kabupaten Sanggau melalui Dinas Kominfo menerima rombongan dari Kota Pontianak."
    assert "diskominfo:61.03" in keys(knowledge, text)

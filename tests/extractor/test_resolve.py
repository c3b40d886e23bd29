"""Resolution: agency mentions to keys, and posts (person, role, agency) from appositions and context.

Each sentence is written for the test in the style of regional-government news; together they cover
every form the resolver handles. The last tests check the two seed articles (read from ../shared/seeds).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.clean import clean
from kg.knowledge import Knowledge
from kg.read import read_paths
from kg.recognise import recognise
from kg.resolve import resolve
from kg.types import Article, Resolved


def resolved(knowledge: Knowledge, text: str) -> Resolved:
    article = Article(id="t", text=text, source="test")
    return resolve(recognise(clean(article, knowledge), knowledge), knowledge)


def keys(knowledge: Knowledge, text: str) -> list[str]:
    return [a.key for a in resolved(knowledge, text).agencies]


def posts(knowledge: Knowledge, text: str) -> list[tuple[str, str, str | None]]:
    return [(p.official.name, p.role_id, p.agency.key if p.agency else None)
            for p in resolved(knowledge, text).posts]


# ---- agencies -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, key", [
    ("Diskominfo Provinsi Kaltim menggelar rapat.", "diskominfo:64"),
    ("Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur menggelar rapat.", "diskominfo:64"),
    ("Diskominfo Kaltim menggelar rapat.", "diskominfo:64"),
    ("Diskominfo Berau menggelar rapat.", "diskominfo:64.03"),
    ("Diskominfo Kaltara menggelar rapat.", "diskominfo:65"),
    ("DKISP Kaltara menggelar rapat.", "diskominfo:65"),
    ("Dinas Kominfo Kab. Kutim menggelar rapat.", "diskominfo:64.08"),
    ("Diskominfotik NTB menggelar rapat.", "diskominfo:52"),
    ("Diskominfo SP Kabupaten Gowa menggelar rapat.", "diskominfo:73.06"),
    ("Pemkot Surabaya menggelar rapat.", "pemda:35.78"),
    ("Pemkot Malang menggelar rapat.", "pemda:35.73"),
    ("Pemkab Malang menggelar rapat.", "pemda:35.07"),
    ("Pemerintah Provinsi Jawa Timur menggelar rapat.", "pemda:35"),
    ("Komisi Informasi Provinsi Jatim menggelar rapat.", "komisi-informasi:35"),
    ("KI Kaltim menggelar rapat.", "komisi-informasi:64"),
    ("Komisi Informasi Pusat menggelar rapat.", "komisi-informasi"),
    ("BPS Provinsi Kalsel menggelar rapat.", "bps:63"),
    ("Bapperida Kaltim menggelar rapat.", "bappeda:64"),
    ("Setda Provinsi Kalteng menggelar rapat.", "setda:62"),
    ("DPRD Kota Samarinda menggelar rapat.", "dprd:64.72"),
    ("Kemkominfo menggelar rapat.", "kemkominfo"),
    ("Kementerian Komunikasi dan Digital menggelar rapat.", "komdigi"),
    ("KemenPAN-RB menggelar rapat.", "kemenpan-rb"),
    ("Kemendagri menggelar rapat.", "kemendagri"),
    ("BSSN menggelar rapat.", "bssn"),
    ("Diskominfo Kepulauan Anambas menggelar rapat.", "diskominfo:21.05"),
])
def test_agency_type_and_region_by_adjacency(knowledge: Knowledge, text: str, key: str) -> None:
    assert keys(knowledge, text) == [key]


def test_full_name_with_abbreviation_and_region_is_one_mention(knowledge: Knowledge) -> None:
    text = ("Dinas Komunikasi, Informatika, Statistik, dan Persandian (DKISP) Provinsi Kalimantan Utara "
            "(Kaltara) menerima tamu dari Dinas Komunikasi dan Informatika (Diskominfo) Kabupaten Berau.")
    found = resolved(knowledge, text).agencies
    assert [(a.key, a.surface) for a in found] == [
        ("diskominfo:65", "Dinas Komunikasi, Informatika, Statistik, dan Persandian (DKISP) Provinsi "
                          "Kalimantan Utara"),
        ("diskominfo:64.03", "Dinas Komunikasi dan Informatika (Diskominfo) Kabupaten Berau")]
    assert found[0].short_name == "DKISP Kaltara" and found[0].region is not None
    assert found[1].name == "Dinas Komunikasi dan Informatika Kabupaten Berau"
    assert all(text[a.span.start:a.span.end] == a.surface for a in found)


def test_unit_words_between_type_and_region(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Dinas Kominfo, Statistik dan Persandian Kota Yogyakarta menerima tamu.") == \
        ["diskominfo:34.71"]


def test_plural_and_generic_mentions_are_not_agencies(knowledge: Knowledge) -> None:
    text = "Diskominfo Kaltim bersama Diskominfo kabupaten/kota dan Diskominfo se-Kaltim hadir."
    assert keys(knowledge, text) == ["diskominfo:64"]


def test_bare_mention_takes_the_only_agency_of_its_type(knowledge: Knowledge) -> None:
    text = "Diskominfo Bontang menerima tamu. Menurut Diskominfo, layanan itu gratis."
    assert keys(knowledge, text) == ["diskominfo:64.74", "diskominfo:64.74"]


def test_bare_mention_with_two_candidates_is_left_out(knowledge: Knowledge) -> None:
    text = "Diskominfo Bontang menerima Diskominfo Berau. Menurut Diskominfo, layanan itu gratis."
    assert keys(knowledge, text) == ["diskominfo:64.74", "diskominfo:64.03"]


def test_bare_national_body_unless_the_article_names_a_regional_one(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Data itu dirilis BPS pekan lalu.") == ["bps"]
    assert keys(knowledge, "BPS Provinsi Kaltim menerima tamu. Menurut BPS, datanya "
                           "lengkap.") == ["bps:64", "bps:64"]


def test_level_form_picks_the_region_of_its_level(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Pemprov menyambut baik rencana itu, kata pejabat Kalimantan "
                           "Utara.") == ["pemda:65"]


def test_unknown_agencies_are_kept_unresolved(knowledge: Knowledge) -> None:
    found = resolved(knowledge, "Dinas Ketahanan Pangan Kabupaten Berau dan Diskominfo Kabupaten "
                                "Antahberantah "
                                "bertemu.").agencies
    assert [(a.key, a.resolved) for a in found] == [
        ("unresolved:dinas-ketahanan-pangan-kabupaten-berau", False),
        ("unresolved:diskominfo-kabupaten-antahberantah", False)]
    assert found[0].name == "Dinas Ketahanan Pangan Kabupaten Berau"


def test_acronym_of_an_unknown_body_shares_its_key(knowledge: Knowledge) -> None:
    text = ("Lembaga Penyiaran Publik Lokal Radio Suara Tarakan mengunjungi Diskominfo Tarakan. "
            "Kepala LPPL Radio Suara Tarakan, Agus Salim Rahman, memimpin rombongan.")
    found = resolved(knowledge, text)
    unresolved = [a for a in found.agencies if not a.resolved]
    assert {a.key for a in unresolved} == {"unresolved:lembaga-penyiaran-publik-lokal-radio-suara-tarakan"}
    assert len(unresolved) == 2 and unresolved[1].name == unresolved[0].name
    assert posts(knowledge, text) == [
        ("Agus Salim Rahman", "kepala", "unresolved:lembaga-penyiaran-publik-lokal-radio-suara-tarakan")]


def test_office_of_a_regional_head_is_the_regional_government(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Rombongan bertolak ke Kantor Gubernur Kaltim, Samarinda.") == ["pemda:64"]
    assert keys(knowledge, "Pertemuan berlangsung di ruang rapat Kantor Gubernur Kaltim.") == ["pemda:64"]


def test_office_right_after_di_is_only_the_venue(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Kepala Diskominfo Gianyar menyambut rombongan di Kantor Bupati Gianyar.") \
        == ["diskominfo:51.04"]


def test_head_title_with_no_name_names_the_government(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Kepala BPS NTB melakukan kunjungan kehormatan ke Gubernur NTB di Mataram.") \
        == ["bps:52", "pemda:52"]
    assert keys(knowledge, "Ia diterima Gubernur NTB, Drs. Lalu Sapri, di ruang kerjanya.") == []


# ---- posts ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Kedatangan rombongan disambut Kepala Diskominfo Jateng, Riena Kartika Sari, di ruang rapat.",
     ("Riena Kartika Sari", "kepala", "diskominfo:33")),
    ("Dr. Heru Prasetyo Utomo, M.Si., Kepala Diskominfo Kota Malang, membuka diskusi.",
     ("Heru Prasetyo Utomo", "kepala", "diskominfo:35.73")),
    ("Kabid IKP Diskominfo Kaltim Yustina Maharani memaparkan program siaran.",
     ("Yustina Maharani", "kepala-bidang", "diskominfo:64")),
    ("Tamu diterima oleh Kepala DKISP Provinsi Kalimantan Utara, H. Rahmat Sulaiman, di lantai 5.",
     ("Rahmat Sulaiman", "kepala", "diskominfo:65")),
    ("Plt. Kepala Diskominfo Kukar, Ir. Daud Salempang, "
     "hadir.", ("Daud Salempang", "plt-kepala", "diskominfo:64.02")),
    ("Plh Kadiskominfo Kaltara Nur Hidayah menerima tamu.", ("Nur Hidayah", "plh-kepala", "diskominfo:65")),
    ("Kadiskominfo Sumbar, Siti Aisyah Putri, "
     "menjelaskan.", ("Siti Aisyah Putri", "kepala", "diskominfo:13")),
    ("Kasubbag Umum Bappeda Kalbar, Yuni Astuti, "
     "mencatat.", ("Yuni Astuti", "kepala-sub-bagian", "bappeda:61")),
    ("Kasi Pengelolaan Website Diskominfo Tarakan, Bayu Nugroho, memandu.",
     ("Bayu Nugroho", "kepala-seksi", "diskominfo:65.71")),
    ("Pranata Humas Ahli Pertama Diskominfo Bontang, Rizky Amelia, mencatat.",
     ("Rizky Amelia", "pranata-humas-ahli-pertama", "diskominfo:64.74")),
    ("Sekretaris DKISP Kaltara, Andi Wahyudi, hadir.", ("Andi Wahyudi", "sekretaris", "diskominfo:65")),
    ("Analis Kebijakan Ahli Muda Setda Provinsi Kaltim, Mega Kusuma, mencatat.",
     ("Mega Kusuma", "analis", "setda:64")),
    ("Gubernur Kalimantan Utara, Zainal Arifin Paliwang, membuka acara.",
     ("Zainal Arifin Paliwang", "gubernur", "pemda:65")),
    ("Bupati Berau Sri Wahyuni hadir.", ("Sri Wahyuni", "bupati", "pemda:64.03")),
    ("Wali Kota Malang, Wahyu Hidayat, menyambut.", ("Wahyu Hidayat", "wali-kota", "pemda:35.73")),
    ("Wawali Samarinda Rusmadi Wongso memberi "
     "sambutan.", ("Rusmadi Wongso", "wakil-wali-kota", "pemda:64.72")),
    ("Sekda Kaltim, Sri Wahyuni Lestari, memimpin rapat.", ("Sri Wahyuni Lestari", "sekda", "setda:64")),
    ("Ketua DPRD Kaltara, Albertus Stefanus Marianus, hadir.",
     ("Albertus Stefanus Marianus", "ketua", "dprd:65")),
    ("Ketua Komisi Informasi Provinsi Jatim, Edi Santoso, menyerahkan piagam.",
     ("Edi Santoso", "ketua", "komisi-informasi:35")),
    ("Direktur Layanan Aplikasi Informatika Pemerintahan Kemkominfo, Bonifasius Wahyu Pudjianto, hadir.",
     ("Bonifasius Wahyu Pudjianto", "direktur", "kemkominfo")),
    ("Juli Andriani, Pranata Humas Ahli Muda Diskominfo Berau, menjelaskan.",
     ("Juli Andriani", "pranata-humas-ahli-muda", "diskominfo:64.03")),
    ("Kepala Bidang Statistik, Ir. Ahmad Fauzi, menjelaskan "
     "metadata.", ("Ahmad Fauzi", "kepala-bidang", None)),
])
def test_post_by_apposition(knowledge: Knowledge, text: str, expected: tuple[str, str, str | None]) -> None:
    assert posts(knowledge, text) == [expected]


def test_honorifics_and_degrees_are_kept_apart_from_the_name(knowledge: Knowledge) -> None:
    text = "Kepala Diskominfo Bone, Drs. H. Andi Makkasau, S.Sos., M.Si., membuka acara."
    (post,) = resolved(knowledge, text).posts
    assert post.official.name == "Andi Makkasau"
    assert post.official.honorifics == ("Drs.", "H.")
    assert post.official.degrees == ("S.Sos.", "M.Si.")
    assert text[post.official.span.start:post.official.span.end] == "Andi Makkasau"
    assert post.title == "Kepala Diskominfo Bone" and post.role_label == "Kepala"
    assert post.span.start == 0 and text[post.span.start:post.span.end].endswith("Andi Makkasau, "
                                                                                 "S.Sos., M.Si.")
    assert 0 < post.confidence <= 1 and post.rule.startswith("resolve:")


def test_delegation_gives_the_agency(knowledge: Knowledge) -> None:
    text = ("Rombongan Diskominfo Paser, yang diwakili oleh Pranata Humas Ahli Madya Bidang IKP, "
            "Laila Fitriani, diterima di ruang rapat.")
    assert posts(knowledge, text) == [("Laila Fitriani", "pranata-humas-ahli-madya", "diskominfo:64.01")]


def test_representative_of_an_agency(knowledge: Knowledge) -> None:
    text = ("Usai acara, salah satu perwakilan dari Diskominfo Mahulu, Kabid Aptika Stefanus Lirung "
            "berharap banyak.")
    assert posts(knowledge, text) == [("Stefanus Lirung", "kepala-bidang", "diskominfo:64.11")]


def test_sentence_opening_with_the_agency(knowledge: Knowledge) -> None:
    text = "Dari Diskominfo Kota Kediri, rombongan diterima Kepala Bidang Aptika, Nugroho Adi Saputro."
    assert posts(knowledge, text) == [("Nugroho Adi Saputro", "kepala-bidang", "diskominfo:35.71")]


def test_delegation_named_by_its_region(knowledge: Knowledge) -> None:
    text = ("Diskominfo Kalbar berkunjung ke Diskominfo Kalteng. Rombongan Kalbar dipimpin Kepala Bidang "
            "Persandian, Hendrik Saputra.")
    assert posts(knowledge, text) == [("Hendrik Saputra", "kepala-bidang", "diskominfo:61")]


def test_companions_share_the_leaders_agency(knowledge: Knowledge) -> None:
    text = ("Rombongan dipimpin Kepala Diskominfo Bulungan, Hasan Basri, didampingi Kepala Seksi Media, "
            "Wulan Sari, dan Analis Media Sosial, Dimas Prakoso.")
    assert posts(knowledge, text) == [("Hasan Basri", "kepala", "diskominfo:65.01"),
                                      ("Wulan Sari", "kepala-seksi", "diskominfo:65.01"),
                                      ("Dimas Prakoso", "analis", "diskominfo:65.01")]


def test_pronoun_with_a_title_refers_to_the_person_just_named(knowledge: Knowledge) -> None:
    text = ("Rombongan dipimpin oleh Hj. Ratna Kumala, S.Sos. Dirinya yang menjabat Kepala Diskominfo "
            "Lotim itu bercerita.")
    assert posts(knowledge, text) == [("Ratna Kumala", "kepala", "diskominfo:52.03")]


def test_pronouns_and_surname_repeats_add_no_one(knowledge: Knowledge) -> None:
    text = ("Kepala Diskominfo Jatim, Sherina Ayu Lestari, menerima tamu. Sherina menjelaskan struktur "
            "organisasi. "
            "Dirinya berharap kerja sama berlanjut. Ia juga memaparkan capaian. Kepala Diskominfo "
            "Jatim, Sherina, "
            "menutup acara.")
    assert posts(knowledge, text) == [("Sherina Ayu Lestari", "kepala", "diskominfo:35")]


def test_same_person_with_and_without_agency_is_one_post(knowledge: Knowledge) -> None:
    text = ("Kepala Bidang IKP Diskominfo Kaltim, Ilham Saputra, membuka acara. Menurut Kepala Bidang IKP, "
            "Ilham Saputra, kegiatan itu rutin.")
    assert posts(knowledge, text) == [("Ilham Saputra", "kepala-bidang", "diskominfo:64")]


def test_military_rank_and_parenthesis_before_the_name(knowledge: Knowledge) -> None:
    text = "Direktur Keamanan Siber BSSN, Brigjen TNI (Purn.) Dr. Arief Santoso, memberi paparan."
    (post,) = resolved(knowledge, text).posts
    assert (post.official.name, post.agency.key if post.agency else None) == ("Arief Santoso", "bssn")
    assert "Brigjen" in post.official.honorifics and "Dr." in post.official.honorifics


def test_no_post_from_a_place_or_a_title_without_a_name(knowledge: Knowledge) -> None:
    text = ("Jamuan makan malam digelar di Rumah Jabatan Bupati, Tanjung Redeb. Kepala Diskominfo Berau "
            "menyampaikan terima kasih.")
    assert posts(knowledge, text) == []


# ---- the seed articles (issue 2, section 5) --------------------------------------------------------

def _seed(knowledge: Knowledge, seeds_dir: Path, stem: str) -> Resolved:
    (article,) = read_paths([seeds_dir / f"{stem}.txt"])
    return resolve(recognise(clean(article, knowledge), knowledge), knowledge)


def test_seed_kaltim_visits_jatim(knowledge: Knowledge, seeds_dir: Path) -> None:
    result = _seed(knowledge, seeds_dir, "000_33874867e7bfd315")
    assert {a.key for a in result.agencies} == {"diskominfo:64", "diskominfo:35", "diskominfo:64.08",
                                                "kemkominfo", "kemenpan-rb"}
    assert {(p.official.name, p.role_id, p.agency.key if p.agency else None) for p in result.posts} == {
        ("Sherlita Ratna Dewi Agustin", "kepala", "diskominfo:35"),
        ("Irene Yuriantini", "kepala-bidang", "diskominfo:64"),
        ("Lisa Komentin", "kepala-bidang", "diskominfo:64.08")}


def test_seed_berau_visits_kaltara(knowledge: Knowledge, seeds_dir: Path) -> None:
    result = _seed(knowledge, seeds_dir, "004_1da2ec86899a6cda")
    assert {a.key for a in result.agencies} == {"diskominfo:64.03", "diskominfo:65"}
    surfaces = {a.surface for a in result.agencies}
    full = "Dinas Komunikasi, Informatika, Statistik, dan Persandian (DKISP) Provinsi Kalimantan Utara"
    assert full in surfaces
    assert "Kominfo Berau" not in surfaces  # the photo caption is junk
    found = {(p.official.name, p.role_id, p.agency.key if p.agency else None): p for p in result.posts}
    assert set(found) == {("Juli Aswinsyah", "pranata-humas-ahli-muda", "diskominfo:64.03"),
                          ("Iskandar Alwi", "kepala", "diskominfo:65")}
    assert found[("Iskandar Alwi", "kepala", "diskominfo:65")].official.honorifics == ("H.",)
    assert all(a.span.start < 2800 for a in result.agencies)  # nothing from the comment form


def test_side_of_the_visit_named_by_the_clause(knowledge: Knowledge) -> None:
    host = ("Diskominfo Paser melakukan kunjungan ke Diskominfo Kutim. Tuan rumah, Kepala Bidang IKP, "
            "Nurlela Sari, memaparkan program.")
    assert posts(knowledge, host) == [("Nurlela Sari", "kepala-bidang", "diskominfo:64.08")]
    visitor = ("Diskominfo Paser melakukan kunjungan ke Diskominfo Kutim. Rombongan dipimpin Kepala Bidang "
               "IKP, Ahmad Yani.")
    assert posts(knowledge, visitor) == [("Ahmad Yani", "kepala-bidang", "diskominfo:64.01")]


_PIECES = ["Kepala", "Kabid IKP", "Diskominfo", "DKISP", "Kaltim", "Kabupaten", "Berau", "Provinsi", "Jatim",
           "(DKISP)", ",", ".", " dan ", "H.", "S.Sos.,", "Budi", "Santoso", "Rombongan", "diterima", "oleh",
           "Pemkot", "Malang", "kabupaten/kota", "se-Kaltim", "Lembaga", "Penyiaran", "Publik", "LPP", "\n",
           "Dirinya", "yang menjabat", "Bupati", "Ketua", "KI", "didampingi", "Forum", "Ikatan", "(", ")"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_resolves_to_consistent_spans(knowledge: Knowledge, pieces: list[str]) -> None:
    text = " ".join(pieces) or "kosong"
    result = resolved(knowledge, text)
    for agency in result.agencies:
        assert text[agency.span.start:agency.span.end] == agency.surface
        assert agency.key.startswith("unresolved:") != agency.resolved
    for post in result.posts:
        written = text[post.official.span.start:post.official.span.end].split()
        assert written and set(written) <= set(post.official.name.split())  # surname repeat: full name
        assert post.span.start <= post.official.span.start and post.official.span.end <= post.span.end
        assert 0 <= post.confidence <= 1
    mentions = result.recognised.mentions
    assert [m.span.start for m in mentions] == sorted(m.span.start for m in mentions)


def test_coordinated_regions_after_one_type_are_several_agencies(knowledge: Knowledge) -> None:
    text = "Diskominfo Kutim, Kukar dan Bontang melakukan studi banding ke Diskominfo Jatim."
    assert keys(knowledge, text) == ["diskominfo:64.08", "diskominfo:64.02", "diskominfo:64.74",
                                     "diskominfo:35"]


def test_a_region_after_a_comma_locates_the_agency(knowledge: Knowledge) -> None:
    assert keys(knowledge, "Diskominfo Kota Batu, Jawa Timur, menerima tamu.") == ["diskominfo:35.79"]
    assert keys(knowledge, "Tamu diterima di kantor Diskominfo Jabar, Kota Bandung.") == ["diskominfo:32"]


def test_name_introduced_by_a_word_and_degrees_without_dots(knowledge: Knowledge) -> None:
    text = "Kepala Bidang IKP Diskominfo Kaltim, yakni Budi Santoso, SE, MM, hadir."
    (post,) = resolved(knowledge, text).posts
    assert (post.official.name, post.role_id, post.agency.key if post.agency else None) == \
        ("Budi Santoso", "kepala-bidang", "diskominfo:64")
    assert post.official.degrees == ("S.E.", "M.M.")


@pytest.mark.parametrize("text, name", [
    ("Kepala Diskominfo Kaltim, M. Faisal, hadir.", "M. Faisal"),
    ("Kepala Diskominfo Kaltim (Muhammad Faisal) hadir.", "Muhammad Faisal"),
    ("Kepala Diskominfo Kaltim, Muh. Ridwan Saleh, S.Kom., hadir.", "Muh. Ridwan Saleh"),
])
def test_initials_abbreviated_given_names_and_brackets(knowledge: Knowledge, text: str, name: str) -> None:
    assert posts(knowledge, text) == [(name, "kepala", "diskominfo:64")]


def test_unit_acronym_at_the_end_of_a_sentence_is_not_a_name(knowledge: Knowledge) -> None:
    text = "Rombongan Diskominfo Kaltara dipimpin Tri Permana, Kepala Bidang PIK. Mereka tiba pagi hari."
    assert posts(knowledge, text) == [("Tri Permana", "kepala-bidang", "diskominfo:65")]

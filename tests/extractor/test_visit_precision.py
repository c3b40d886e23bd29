"""Visit precision on whole articles: what is not a visit, and hosts that must not be guessed.

These run the full extractor (cleaning, recognition, resolution, events) over short texts written for
these tests, so a failure shows what a reader of a real article would get.
"""

from __future__ import annotations

from datetime import date

import pytest
from extractor_texts import extract_text


def pairs_of(text: str) -> list[tuple[tuple[str, ...], str]]:
    found = extract_text(text, date(2025, 12, 1)).visits
    return [(tuple(v.key for v in visit.visitors), visit.host.key) for visit in found]


@pytest.mark.parametrize(
    "text",
    [
        # a plan written as a noun before the trigger, a cancellation after a "yang" clause
        "Rencana studi banding Diskominfo Kota Tarakan ke Diskominfo Kota Surabaya yang sempat disusun "
        "akhirnya batal karena anggaran.",
        # a plan in a headline verb
        "Diskominfo Nunukan Rencanakan Studi Tiru ke Diskominfo Sleman Tahun Depan",
        # preparing a visit
        "Diskominfo Kutim mempersiapkan studi tiru ke DKISP Kaltara untuk belajar soal KIM.",
        # an invitation to visit
        "Kepala Diskominfo Tarakan mengundang Diskominfo Kabupaten Nunukan untuk berkunjung ke Tarakan.",
        # a postponement told in the first person
        "Kunjungan kerja ke Diskominfo Kota Surabaya kami tunda sampai tahun depan, kata Kepala "
        "Diskominfo Kota Tarakan.",
        # a visit still awaited
        "Diskominfo Kota Bontang kini menanti kedatangan rombongan Diskominfo Kabupaten Paser.",
        # visitors who are not agencies
        "Diskominfo Kabupaten Paser menerima kunjungan mahasiswa magang dari Universitas Mulawarman, "
        "Senin (3/11/2025).",
        # a hope that someone will visit
        "Kepala Diskominfo Berau berharap Diskominfo Bontang dapat berkunjung ke Tanjung Redeb untuk "
        "berbagi pengalaman soal KIM.",
    ],
)
def test_visits_that_did_not_happen(text: str) -> None:
    assert pairs_of(text) == []


def test_a_visit_recalled_as_an_example_is_not_the_event() -> None:
    text = (
        "Anggota DPRD Kabupaten Malinau menyambangi Komisi Informasi Provinsi Kalimantan Utara, Senin "
        "(3/11/2025). Ketua Komisi Informasi Kaltara mengatakan Pemkab Nunukan juga pernah dikunjungi "
        "Komisi Informasi Pusat untuk urusan serupa."
    )
    assert pairs_of(text) == [(("dprd:65.02",), "komisi-informasi:65")]


def test_a_town_named_as_destination_is_where_the_named_host_sits() -> None:
    text = (
        "Kini giliran Diskominfo Jatim yang datang ke Samarinda. Dinas Kominfo Kaltim menerima kunjungan "
        "kerja Diskominfo Jatim di kantornya, Rabu (12/11/2025)."
    )
    assert pairs_of(text) == [(("diskominfo:35",), "diskominfo:64")]


def test_a_town_as_destination_is_its_agency_even_when_that_agency_visits_elsewhere() -> None:
    text = (
        "Diskominfo Kota Palangka Raya melakukan kunjungan balasan ke Diskominfo Kota Balikpapan, Selasa "
        "(18/11/2025). Sebelumnya Diskominfo Balikpapan telah berkunjung ke Palangka Raya pada Rabu "
        "(9/7/2025)."
    )
    assert sorted(pairs_of(text)) == sorted(
        [(("diskominfo:62.71",), "diskominfo:64.71"), (("diskominfo:64.71",), "diskominfo:62.71")]
    )


def test_a_courtesy_visit_to_a_regional_head() -> None:
    text = (
        "Ketua Komisi Informasi Provinsi Kalimantan Timur melakukan kunjungan kehormatan kepada Bupati "
        "Paser di ruang kerjanya, Kamis (6/11/2025)."
    )
    assert pairs_of(text) == [(("komisi-informasi:64",), "pemda:64.01")]


def test_arriving_in_a_town_for_a_workshop_is_no_visit_to_its_government() -> None:
    text = (
        "Diskominfo Berau mengikuti lokakarya SPBE yang digelar Kemenpan RB, Senin (3/11/2025). "
        "Rombongan Diskominfo Berau tiba di Jakarta sehari sebelumnya."
    )
    assert pairs_of(text) == []


def test_a_visit_to_a_town_stands_for_its_government() -> None:
    text = "Rombongan Diskominfo Berau melakukan kunjungan kerja ke Kabupaten Paser, Senin (3/11/2025)."
    assert pairs_of(text) == [(("diskominfo:64.03",), "pemda:64.01")]


def test_an_agency_arriving_with_another_does_not_visit_it() -> None:
    text = "Kemkominfo menggelar rakornas di Jakarta. Diskominfo Paser datang bersama Diskominfo Bontang."
    assert pairs_of(text) == []


def test_a_delegation_word_does_not_stand_for_an_object_named_before() -> None:
    text = (
        "Gubernur Kaltara meresmikan ruang layanan Diskominfo Kota Tarakan, Senin (3/11/2025). Rombongan "
        "kemudian menyambangi Diskominfo Kabupaten Nunukan."
    )
    assert ("diskominfo:65.71",) not in [visitors for visitors, _ in pairs_of(text)]


def test_a_delegation_word_stands_for_the_subject_named_before() -> None:
    text = (
        "Diskominfo Kota Tarakan menjalani agenda dua hari di Jawa Timur. Pada Senin (3/11/2025), "
        "rombongan menyambangi Diskominfo Kota Surabaya."
    )
    assert pairs_of(text) == [(("diskominfo:65.71",), "diskominfo:35.78")]


def test_a_partner_of_another_act_is_not_the_visitor() -> None:
    text = (
        "Diskominfo Kabupaten Paser menandatangani nota kesepahaman dengan BSSN saat berkunjung ke "
        "Diskominfo Kota Bontang, Selasa (4/11/2025)."
    )
    assert pairs_of(text) == [(("diskominfo:64.01",), "diskominfo:64.74")]


def test_an_agency_that_invited_or_directed_the_visit_is_not_a_visitor() -> None:
    text = (
        "Atas undangan Kemenpan RB, Diskominfo Kabupaten Paser berkunjung ke DKISP Kaltara, Rabu (5/11/2025)."
    )
    assert pairs_of(text) == [(("diskominfo:64.01",), "diskominfo:65")]


def test_an_agency_inside_a_clause_about_the_visitor_is_not_a_visitor() -> None:
    text = (
        "Diskominfo Kabupaten Paser yang pernah meraih predikat Informatif dari Komisi Informasi Kaltim "
        "bertandang ke DKISP Kaltara, Rabu (5/11/2025)."
    )
    assert pairs_of(text) == [(("diskominfo:64.01",), "diskominfo:65")]


def test_the_hosts_of_a_delegation_word_are_not_the_delegation() -> None:
    text = (
        "Diskominfo Kabupaten Paser melakukan kunjungan kerja ke DKISP Kaltara, Rabu (5/11/2025). Selama "
        "di Tanjung Selor, rombongan juga menyambangi Bappeda Kaltara dan Komisi Informasi Kaltara."
    )
    assert all(visitors == ("diskominfo:64.01",) for visitors, _ in pairs_of(text))


def test_a_virtual_visit_is_not_a_visit() -> None:
    text = (
        "Kunjungan virtual Diskominfo Kabupaten Paser ke DKISP Kaltara digelar lewat Zoom, Rabu (5/11/2025)."
    )
    assert pairs_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rakor SPBE se-Kaltim digelar Diskominfo Kaltim, Senin (3/11/2025). Delegasi Diskominfo Kabupaten "
        "Paser dan Diskominfo Kota Bontang diterima Sekretaris Diskominfo Kaltim.",
        "Diskominfo Kaltim menjadi tuan rumah lokakarya KIM, Senin (3/11/2025), yang dihadiri delegasi "
        "Diskominfo Kabupaten Paser.",
    ],
)
def test_delegations_at_an_event_the_host_holds_are_no_visit(text: str) -> None:
    assert pairs_of(text) == []


def test_a_delegation_that_the_text_calls_a_visit_stays_one() -> None:
    text = (
        "Usai rakor SPBE, rombongan Diskominfo Kabupaten Paser berkunjung ke Diskominfo Kaltim, Senin "
        "(3/11/2025)."
    )
    assert pairs_of(text) == [(("diskominfo:64.01",), "diskominfo:64")]

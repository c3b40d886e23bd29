"""A regional head's title with no name stands for the head's government when it receives a visit:
"diterima Gubernur Sumatera Barat", "audiensi dengan Bupati Agam", "diterima langsung oleh Wali Kota
Padang" (the region name there takes in "Kota" of the title), "Bupati Berau menerima kunjungan …". With
a name it is the person's post; "Kantor Wali Kota X" after a venue is a place. Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest
from extractor_texts import extract_text

from kg.knowledge import Knowledge
from kg.types import Extraction


def run(knowledge: Knowledge, text: str) -> Extraction:
    return extract_text(text, date(2025, 6, 11), knowledge)


@pytest.mark.parametrize(
    ("text", "visitor", "host"),
    [
        ("Rombongan Diskominfo Kabupaten Solok diterima Gubernur Sumatera Barat di Padang, Senin (9/6/2025).",
         "diskominfo:13.02", "pemda:13"),
        ("Diskominfo Kota Padang beraudiensi dengan Bupati Agam di ruang kerjanya, Senin (9/6/2025).",
         "diskominfo:13.71", "pemda:13.06"),
        ("Rombongan Diskominfo Kabupaten Solok diterima langsung oleh Wali Kota Padang di Balai Kota, Senin "
         "(9/6/2025).", "diskominfo:13.02", "pemda:13.71"),
        ("Ketua Komisi Informasi Provinsi Sumatera Barat, Riswan Tanjung, melakukan audiensi dengan Gubernur "
         "Sumatera Barat di Padang, Senin (9/6/2025).", "komisi-informasi:13", "pemda:13"),
        ("Bupati Berau menerima kunjungan kerja Diskominfo Kabupaten Kutai Timur di ruang kerjanya, Senin "
         "(9/6/2025).", "diskominfo:64.08", "pemda:64.03"),
        ("Wakil Bupati Berau menerima rombongan Diskominfo Kabupaten Paser, Senin (9/6/2025).",
         "diskominfo:64.01", "pemda:64.03"),
    ],
)
def test_a_head_s_title_receives_for_the_government(knowledge: Knowledge, text: str, visitor: str,
                                                     host: str) -> None:
    (visit,) = run(knowledge, text).visits
    found = ([v.key for v in visit.visitors], visit.host.key, visit.date)
    assert found == ([visitor], host, date(2025, 6, 9))


def test_with_a_name_the_title_is_a_post(knowledge: Knowledge) -> None:
    found = run(knowledge, "Rombongan Diskominfo Kabupaten Solok diterima Wali Kota Padang, Hendri Septa, di "
                           "Balai Kota, Senin (9/6/2025).")
    (visit,) = found.visits
    assert visit.host.key == "pemda:13.71"
    assert [(p.official.name, p.role_id, p.agency and p.agency.key) for p in found.posts] == [
        ("Hendri Septa", "wali-kota", "pemda:13.71")]


def test_the_mayor_s_office_after_a_venue_is_a_place(knowledge: Knowledge) -> None:
    found = run(knowledge, "Rombongan DPRD Kabupaten Parigi Moutong diterima Sekretaris Diskominfo Kota Palu "
                           "di Aula Lantai 3, Kantor Wali Kota Palu, Selasa (10/6/2025).")
    assert "pemda:72.71" not in {a.key for a in found.agencies}

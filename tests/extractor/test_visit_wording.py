"""Visit wordings found missing in the opened holdout4 corpus: a visit received in the next sentence
("Kunjungan tersebut diterima oleh …": the visitors are the subject named before), and a long statement
of what the visit was about between the trigger and "ke" (topics do not count as words of the gap).
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text

from kg.clean import clean
from kg.events.view import view_of
from kg.knowledge import Knowledge
from kg.recognise import recognise
from kg.resolve import resolve
from kg.types import Article


def pairs(knowledge: Knowledge, text: str) -> list[tuple[list[str], str]]:
    found = extract_text(text, date(2024, 6, 13), knowledge).visits
    return [([v.key for v in visit.visitors], visit.host.key) for visit in found]


def test_the_visit_received_in_the_next_sentence(knowledge: Knowledge) -> None:
    text = (
        "Anggota DPRD Kabupaten Kolaka memilih Kota Cimahi sebagai tujuan studi banding tentang tanda tangan "
        "elektronik. Kunjungan tersebut diterima oleh Sekretaris Dinas Komunikasi dan Informatika Kota "
        "Cimahi, Asep Saepul Rohman, di Gedung B, Selasa (11/6/2024)."
    )
    assert pairs(knowledge, text) == [(["dprd:74.01"], "diskominfo:32.77")]


def test_topics_between_the_trigger_and_ke_do_not_count(knowledge: Knowledge) -> None:
    text = (
        "Dinas Komunikasi dan Informatika Kabupaten Manggarai Barat melakukan studi tiru tentang pengelolaan "
        "kemitraan media dan kehumasan pemerintah ke Diskominfo Kabupaten Belitung, Senin lalu."
    )
    assert pairs(knowledge, text) == [(["diskominfo:53.15"], "diskominfo:19.02")]
    # without topics, seven words are still too many: "ke" then starts another clause
    other = (
        "Dinas Komunikasi dan Informatika Kabupaten Manggarai Barat melakukan studi tiru yang kemudian "
        "dilanjutkan dengan rapat bersama para camat ke Diskominfo Kabupaten Belitung, Senin lalu."
    )
    assert pairs(knowledge, other) == []


def test_the_date_of_a_dateline_is_no_visit_date(knowledge: Knowledge) -> None:
    opening = (
        "Mangupura, 19 Desember 2024 — Dinas Komunikasi dan Informatika Kabupaten Badung dikunjungi "
        "rombongan Diskominfo Kota Ambon dalam rangka studi banding"
    )
    dated = extract_text(f"{opening}, Rabu (18/12).", date(2024, 12, 19), knowledge).visits
    assert [v.date for v in dated] == [date(2024, 12, 18)]
    undated = extract_text(f"{opening}.", date(2024, 12, 19), knowledge).visits
    assert [v.date for v in undated] == [None]  # the filing date is not a guess at the visit's
    ranged = extract_text(
        "Diskominfo Kota Ambon melakukan studi banding ke Diskominfo Kabupaten Badung pada Senin, 9 Desember "
        "2024 – Selasa, 10 Desember 2024.", date(2024, 12, 19), knowledge).visits
    assert [v.date for v in ranged] == [date(2024, 12, 9)]  # a range's first day, dash or not


def test_a_title_case_dateline_is_no_recipient(knowledge: Knowledge) -> None:
    text = (
        "IKIP Kalbar 2024 Capai 74,52\n\nPontianak – Indeks Keterbukaan Informasi Publik (IKIP) Provinsi "
        "Kalimantan Barat tahun 2024 tercatat sebesar 74,52 dan masuk kategori Sedang."
    )
    found = extract_text(text, date(2024, 12, 20), knowledge)
    assert [a.recipient.key for a in found.awards] == ["pemda:61"]
    # a headline with a dash naming an agency is no dateline; a region opening the story's line is
    assert _dateline_of(knowledge, "Diskominfo Berau – Kutim Jalin Kerja Sama Pengelolaan Media Sosial dan "
                                   "Website Pemerintah Daerah Tahun Ini") is None
    assert _dateline_of(knowledge, "Samarinda – Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur "
                                   "menerima kunjungan kerja Diskominfo Berau.") == "Samarinda"


def _dateline_of(knowledge: Knowledge, text: str) -> str | None:
    article = Article(id="t", text=text, source="test")
    view = view_of(resolve(recognise(clean(article, knowledge), knowledge), knowledge))
    return text[view.dateline.start : view.dateline.end] if view.dateline else None


def test_an_office_in_its_town_receives(knowledge: Knowledge) -> None:
    """ "Kantor X di Padang kedatangan tamu …": the town says where the office is; the office hosts, and the
    visitors are the subject of the next sentence."""
    text = (
        "Kantor Dinas Komunikasi, Informatika dan Statistik (Diskominfotik) Provinsi Sumatera Barat di "
        "Padang kedatangan tamu dari Dataran Tinggi Gayo, Jumat (26/1/2024). Sembilan pegawai Dinas "
        "Komunikasi, Informatika dan Persandian Kabupaten Aceh Tengah melakukan kunjungan kerja untuk "
        "mempelajari pembinaan Kelompok Informasi Masyarakat."
    )
    assert pairs(knowledge, text) == [(["diskominfo:11.04"], "diskominfo:13")]

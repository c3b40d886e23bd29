"""Visit wordings beyond the first gold set: a venue named after an agency, the leader's post, a region
visited, a delegation told in two sentences, a headline's loose "Kominfo", ministries as hosts.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from extractor_texts import visit_pairs

from kg.events.dates import find_dates
from kg.events.topics import article_topics, topic_mentions
from kg.events.view import EventKnowledge
from kg.events.visits import find_visits
from kg.types import Visit

AGENCIES = {
    "Pemerintah Kabupaten Siak": "pemda:14.08",
    "Diskominfo Siak": "diskominfo:14.08",
    "Bappeda Siak": "bappeda:14.08",
    "Diskominfo Kota Batam": "diskominfo:21.71",
    "Pemko Batam": "pemda:21.71",
    "Pemerintah Kabupaten Banyuwangi": "pemda:35.10",
    "Pemkab Sumbawa": "pemda:52.04",
    "Diskominfo Sumbawa": "diskominfo:52.04",
    "Kominfo": "diskominfo:52.04",
    "Kementerian Komunikasi dan Digital": "komdigi",
    "Komdigi": "komdigi",
}


def visits_of(build, events: EventKnowledge, text: str, posts=()) -> tuple[Visit, ...]:
    view = build(text, AGENCIES, date(2024, 12, 31), list(posts))
    mentions = topic_mentions(view, events)
    dates = find_dates(view.text, date(2024, 12, 31))
    return find_visits(view, events, dates, article_topics(mentions), mentions)


def test_an_agency_named_in_the_venue_is_no_visitor(build, events) -> None:
    text = (
        "Diskominfo Siak melaksanakan kunjungan kerja ke Diskominfo Kota Batam, Kamis (10/10/2024). "
        "Di Gedung Pemko Batam, rombongan diterima Kepala Diskominfo Kota Batam."
    )
    assert visit_pairs(visits_of(build, events, text)) == {(("diskominfo:14.08",), "diskominfo:21.71")}


def test_the_leaders_post_is_not_the_delegation(build, events) -> None:
    text = (
        "Rombongan Pemerintah Kabupaten Siak, dipimpin Sekda Siak, Arfan Usman, studi tiru ke Diskominfo "
        "Kota Batam, Rabu (6/11/2024)."
    )
    posts = [("Arfan Usman", "sekda", "Sekda Siak")]
    AGENCIES["Sekda Siak"] = "setda:14.08"
    try:
        visits = visits_of(build, events, text, posts)
    finally:
        del AGENCIES["Sekda Siak"]
    assert visit_pairs(visits) == {(("pemda:14.08",), "diskominfo:21.71")}


def test_a_region_visited_stands_for_its_government(build, events) -> None:
    text = "Pemkab Sumbawa melakukan kunjungan kerja ke Kabupaten Banyuwangi, Sabtu (18/5/2024)."
    (visit,) = visits_of(build, events, text)
    assert (visit.host.key, visit.host.type_id) == ("pemda:35.10", "pemda")
    assert [v.key for v in visit.visitors] == ["pemda:52.04"]


def test_a_tour_inside_ones_own_region_is_no_visit(build, events) -> None:
    text = "Pemkab Sumbawa melakukan kunjungan kerja ke Kecamatan Moyo Hilir, Sabtu (18/5/2024)."
    assert visits_of(build, events, text) == ()


def test_a_delegation_of_a_government_told_in_two_sentences(build, events) -> None:
    text = (
        "Rombongan Pemerintah Kabupaten Siak melakukan kunjungan kerja ke Pemerintah Kabupaten Banyuwangi, "
        "Kamis (15/2/2024). Rombongan yang terdiri atas Diskominfo Siak dan Bappeda Siak itu diterima "
        "Sekretaris Daerah Banyuwangi, Mujiono."
    )
    # the host of the second sentence is known only from the official's title
    AGENCIES["Setda Banyuwangi"] = "setda:35.10"
    try:
        posts = [("Mujiono", "sekda", "Setda Banyuwangi", "Sekretaris Daerah Banyuwangi")]
        visits = visits_of(build, events, text, posts)
    finally:
        del AGENCIES["Setda Banyuwangi"]
    assert visit_pairs(visits) == {(("bappeda:14.08", "diskominfo:14.08", "pemda:14.08"), "pemda:35.10")}


def test_a_government_and_its_agency_to_a_ministry_are_one_visit(build, events) -> None:
    text = (
        "Pemkab Sumbawa Kunker ke Komdigi\n\n"
        "Pemkab Sumbawa melalui Diskominfo Sumbawa melaksanakan kunjungan kerja ke Kementerian Komunikasi "
        "dan Digital, Kamis (16/1/2024)."
    )
    assert visit_pairs(visits_of(build, events, text)) == {(("diskominfo:52.04",), "komdigi")}


def test_a_government_visiting_its_own_agency_gives_way_to_the_agencys_visit(build, events) -> None:
    text = (
        "Pemkab Sumbawa Audiensi ke Kominfo\n\n"
        "Diskominfo Sumbawa beraudiensi dengan Kementerian Komunikasi dan Digital di Jakarta, Rabu (21/8)."
    )
    assert visit_pairs(visits_of(build, events, text)) == {(("diskominfo:52.04",), "komdigi")}


def test_a_vague_time_in_the_visits_sentence_borrows_no_date(build, events) -> None:
    text = (
        "Rabu, 2 Juli 2024 14:20\n\nDiskominfo Siak beberapa waktu lalu melakukan studi banding ke "
        "Diskominfo Kota Batam. Kunjungan itu membahas Satu Data."
    )
    (visit,) = visits_of(build, events, text)
    assert visit.date is None


def test_a_venue_after_the_visitors_adds_no_visitor(build, events) -> None:
    text = (
        "Pemerintah Kabupaten Banyuwangi menerima kunjungan kerja Diskominfo Siak, Senin (7/10/2024), "
        "di Ruang Rapat Diskominfo Sumbawa."
    )
    assert visit_pairs(visits_of(build, events, text)) == {(("diskominfo:14.08",), "pemda:35.10")}


def test_a_region_reached_gives_way_to_the_agency_that_receives(build, events) -> None:
    text = (
        "Rombongan Diskominfo Siak tiba di Kota Batam, Rabu (9/10/2024), untuk studi tiru. "
        "Kedatangan rombongan disambut Kepala Diskominfo Kota Batam di kantornya."
    )
    assert visit_pairs(visits_of(build, events, text)) == {(("diskominfo:14.08",), "diskominfo:21.71")}


def test_agencies_named_only_in_the_members_titles_are_the_governments_delegation(build, events) -> None:
    text = (
        "Pemerintah Kabupaten Siak melakukan kunjungan kerja ke Komdigi, Senin (2/12/2024). "
        "Rombongan yang terdiri dari Kepala Diskominfo Siak, Rina Wati, dan Kepala Bappeda Siak, "
        "Joko Lelono, diterima pejabat Komdigi."
    )
    posts = [("Rina Wati", "kepala", "Diskominfo Siak"), ("Joko Lelono", "kepala", "Bappeda Siak")]
    assert visit_pairs(visits_of(build, events, text, posts)) == {(("pemda:14.08",), "komdigi")}


def test_a_secretariat_receiving_for_the_government_and_a_leaders_post(build, events) -> None:
    text = (
        "Pejabat Pemkab Sumbawa melakukan kunjungan ke Pemerintah Kabupaten Banyuwangi, Selasa (13/2/2024). "
        "Rombongan dipimpin Sekda Sumbawa, Ali Hasan, dan diterima Asisten Setda Banyuwangi, Dewi Sari."
    )
    AGENCIES.update({"Sekda Sumbawa": "setda:52.04", "Setda Banyuwangi": "setda:35.10"})
    try:
        visits = visits_of(build, events, text, [("Ali Hasan", "sekda", "Sekda Sumbawa")])
    finally:
        del AGENCIES["Sekda Sumbawa"], AGENCIES["Setda Banyuwangi"]
    assert visit_pairs(visits) == {(("pemda:52.04",), "pemda:35.10")}


def test_a_second_delegation_named_as_subject_is_received_by_the_same_host(build, events) -> None:
    text = (
        "Pada Senin (7/10/2024), Diskominfo Siak berkunjung ke Pemko Batam. "
        "Sehari kemudian, giliran Diskominfo Sumbawa yang melakukan studi banding tentang SPBE. "
        "Rombongan itu diterima Kepala Bappeda Siak di kantornya."
    )
    assert visit_pairs(visits_of(build, events, text)) == {
        (("diskominfo:14.08",), "pemda:21.71"),
        (("diskominfo:52.04",), "bappeda:14.08"),
    }


def test_a_region_destination_gives_way_to_an_agency_of_that_region_named_later(build, events) -> None:
    text = (
        "Diskominfo Siak melakukan studi tiru ke Kabupaten Banyuwangi, Rabu (9/10/2024). "
        "Di sana, Kepala Diskominfo Sumbawa dan Kepala Bappeda Banyuwangi memaparkan aplikasi layanan."
    )
    AGENCIES["Bappeda Banyuwangi"] = "bappeda:35.10"
    try:
        (visit,) = visits_of(build, events, text)
    finally:
        del AGENCIES["Bappeda Banyuwangi"]
    assert (tuple(v.key for v in visit.visitors), visit.host.key) == (("diskominfo:14.08",), "bappeda:35.10")

"""Visits: direction from the wording, merging, planned and non-visits, participants, the lexicon."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.events.dates import find_dates
from kg.events.topics import article_topics, topic_mentions
from kg.events.view import ArticleView, EventKnowledge
from kg.events.visits import find_visits
from kg.knowledge.triggers import TRIGGERS_FILE, load_triggers, surface_forms
from kg.types import Visit

KALTIM = {"Diskominfo Kaltim": "diskominfo:64", "Diskominfo Provinsi Kaltim": "diskominfo:64"}
SAMARINDA = {"Diskominfo Samarinda": "diskominfo:64.72", "Diskominfo Kota Samarinda": "diskominfo:64.72"}
BANDUNG = {"Diskominfo Kota Bandung": "diskominfo:32.73", "Diskominfo Bandung": "diskominfo:32.73"}
MAKASSAR = {"Dinas Kominfo Makassar": "diskominfo:73.71"}
BAPPEDA_PASER = {"Bappeda Paser": "bappeda:64.01"}
AGENCIES = {
    **KALTIM,
    **SAMARINDA,
    **BANDUNG,
    **MAKASSAR,
    **BAPPEDA_PASER,
    "Diskominfo Bontang": "diskominfo:64.74",
    "DKISP Kaltara": "diskominfo:65",
    "Diskominfo Tarakan": "diskominfo:65.71",
    "Pemprov Jabar": "pemda:32",
    "Provinsi Jawa Barat": "pemda:32",
    "Diskominfo Jabar": "diskominfo:32",
    "Komisi Informasi Kaltim": "komisi-informasi:64",
    "Diskominfo Paser": "diskominfo:64.01",
    "Diskominfo kabupaten/kota": "unresolved:diskominfo-kabupaten-kota",
}


def visits_of(
    build,
    events: EventKnowledge,
    text: str,
    published: date | None = None,
    posts: list[tuple[str, str, str]] = (),
) -> tuple[Visit, ...]:
    view: ArticleView = build(text, AGENCIES, published, posts)
    mentions = topic_mentions(view, events)
    return find_visits(view, events, find_dates(view.text, published), article_topics(mentions), mentions)


def pairs(visits: tuple[Visit, ...]) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(v.key for v in visit.visitors), visit.host.key) for visit in visits]


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        (
            "Diskominfo Samarinda mengunjungi Diskominfo Kota Bandung untuk belajar tata kelola aplikasi.",
            [(("diskominfo:64.72",), "diskominfo:32.73")],
            "kunjungan",
        ),
        (
            "Diskominfo Samarinda melakukan kunjungan kerja ke Diskominfo Kota Bandung, Rabu (4/10/2023).",
            [(("diskominfo:64.72",), "diskominfo:32.73")],
            "kunjungan-kerja",
        ),
        (
            "Diskominfo Kota Bandung menerima kunjungan Diskominfo Samarinda di ruang rapat utama.",
            [(("diskominfo:64.72",), "diskominfo:32.73")],
            "kunjungan",
        ),
        (
            "Kunjungan studi banding Diskominfo Samarinda disambut oleh Kepala Diskominfo Kota Bandung.",
            [(("diskominfo:64.72",), "diskominfo:32.73")],
            "studi-banding",
        ),
        (
            "Rombongan Diskominfo Samarinda yang dipimpin sekretaris dinas diterima langsung oleh Kepala "
            "Diskominfo Kota Bandung di aula kantor.",
            [(("diskominfo:64.72",), "diskominfo:32.73")],
            "kunjungan",
        ),
        (
            "Diskominfo Samarinda melaksanakan studi tiru ke Provinsi Jawa Barat mengunjungi "
            "Diskominfo Jabar.",
            [(("diskominfo:64.72",), "diskominfo:32")],
            "studi-tiru",
        ),
        (
            "Diskominfo Samarinda bertandang ke Dinas Kominfo Makassar pekan ini.",
            [(("diskominfo:64.72",), "diskominfo:73.71")],
            "kunjungan",
        ),
        (
            "Tim Diskominfo Samarinda menyambangi Dinas Kominfo Makassar guna berdiskusi soal SPBE.",
            [(("diskominfo:64.72",), "diskominfo:73.71")],
            "kunjungan",
        ),
        (
            "Dinas Kominfo Makassar kedatangan tamu dari Diskominfo Samarinda yang ingin belajar.",
            [(("diskominfo:64.72",), "diskominfo:73.71")],
            "kunjungan",
        ),
        (
            "Diskominfo Samarinda beraudiensi dengan Diskominfo Kota Bandung membahas pusat data.",
            [(("diskominfo:64.72",), "diskominfo:32.73")],
            "audiensi",
        ),
    ],
)
def test_direction_comes_from_the_wording(build, events, text, expected, kind) -> None:
    visits = visits_of(build, events, text)
    assert pairs(visits) == expected
    assert visits[0].kind == kind
    assert 0 < visits[0].confidence <= 1 and visits[0].rule.startswith("visit:")
    span = visits[0].span
    assert "Diskominfo" in text[span.start : span.end] or "Dinas" in text[span.start : span.end]


def test_name_order_does_not_decide_direction(build, events) -> None:
    text = "Diskominfo Kota Bandung pada Selasa menerima kunjungan kerja dari Diskominfo Samarinda."
    assert pairs(visits_of(build, events, text)) == [(("diskominfo:64.72",), "diskominfo:32.73")]


def test_several_visitors_listed_together(build, events) -> None:
    text = (
        "Diskominfo Samarinda bersama Diskominfo Bontang dan Bappeda Paser melakukan studi banding "
        "ke Diskominfo Kota Bandung."
    )
    (visit,) = visits_of(build, events, text)
    assert [v.key for v in visit.visitors] == ["diskominfo:64.72", "diskominfo:64.74", "bappeda:64.01"]
    assert visit.host.key == "diskominfo:32.73"


def test_province_with_its_regencies(build, events) -> None:
    text = (
        "Diskominfo Kaltim bersama Diskominfo kabupaten/kota melaksanakan studi tiru ke Diskominfo "
        "Jabar. Salah satu peserta dari Diskominfo Paser menilai kegiatan itu bermanfaat."
    )
    (visit,) = visits_of(build, events, text)
    assert {v.key for v in visit.visitors} == {"diskominfo:64", "diskominfo:64.01"}
    assert visit.host.key == "diskominfo:32"


def test_regencies_join_only_when_the_text_says_so(build, events) -> None:
    text = (
        "Diskominfo Kaltim melaksanakan studi tiru ke Diskominfo Jabar. Sementara itu Diskominfo Paser "
        "menggelar pelatihan jurnalistik."
    )
    (visit,) = visits_of(build, events, text)
    assert [v.key for v in visit.visitors] == ["diskominfo:64"]


def test_repeated_mentions_are_one_visit(build, events) -> None:
    text = (
        "Diskominfo Samarinda melakukan kunjungan kerja ke Diskominfo Kota Bandung, Rabu (4/10/2023). "
        "Kunjungan Diskominfo Samarinda disambut oleh Kepala Diskominfo Kota Bandung. "
        "Kunjungan ke Diskominfo Bandung dipilih karena kota itu unggul dalam layanan aplikasi."
    )
    (visit,) = visits_of(build, events, text, date(2023, 10, 5))
    assert visit.date == date(2023, 10, 4)
    assert visit.kind == "kunjungan-kerja"
    assert visit.confidence >= 0.85


def test_two_visits_in_one_article(build, events) -> None:
    text = (
        "Diskominfo Samarinda melakukan studi tiru ke Diskominfo Kota Bandung pada Senin (2/10/2023). "
        "Sehari kemudian rombongan melanjutkan perjalanan. "
        "Pada Rabu (4/10/2023), Diskominfo Samarinda mengunjungi Dinas Kominfo Makassar."
    )
    visits = visits_of(build, events, text, date(2023, 10, 6))
    assert pairs(visits) == [
        (("diskominfo:64.72",), "diskominfo:32.73"),
        (("diskominfo:64.72",), "diskominfo:73.71"),
    ]
    assert [v.date for v in visits] == [date(2023, 10, 2), date(2023, 10, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Diskominfo Samarinda akan berkunjung ke Diskominfo Kota Bandung bulan depan.",
        "Diskominfo Samarinda dijadwalkan melakukan kunjungan kerja ke Diskominfo Kota Bandung.",
        "Rencana kunjungan Diskominfo Samarinda ke Diskominfo Kota Bandung dibahas dalam rapat.",
        "Kunjungan Diskominfo Samarinda ke Diskominfo Kota Bandung batal karena cuaca buruk.",
    ],
)
def test_planned_or_cancelled_visits_are_not_visits(build, events, text) -> None:
    assert visits_of(build, events, text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # a workshop: agencies together, nobody visits anybody
        "Diskominfo Kaltim menggelar workshop pengelolaan konten yang diikuti Diskominfo Samarinda dan "
        "Diskominfo Bontang di Balikpapan.",
        # an award ceremony
        "Pemprov Jabar menerima penghargaan dari Komisi Informasi Kaltim dalam malam anugerah di Samarinda.",
        # an interview about web traffic
        "Kepala Diskominfo Samarinda mengatakan jumlah kunjungan ke situs Diskominfo Samarinda naik tajam.",
        # the host alone: nobody named as visitor
        "Diskominfo Kota Bandung menerima kunjungan di kantornya pada Selasa.",
    ],
)
def test_no_visit_in_other_kinds_of_articles(build, events, text) -> None:
    assert visits_of(build, events, text) == ()


def test_visitor_is_never_the_host(build, events) -> None:
    text = "Diskominfo Kota Bandung menerima kunjungan Diskominfo Samarinda di kantor Diskominfo Bandung."
    (visit,) = visits_of(build, events, text)
    assert visit.host.key not in {v.key for v in visit.visitors}


def test_visitors_and_host_in_different_sentences(build, events) -> None:
    text = (
        "Diskominfo Samarinda melakukan kunjungan kerja ke Kota Bandung, Jawa Barat. "
        "Rombongan diterima oleh Kepala Diskominfo Kota Bandung di ruang rapat."
    )
    (visit,) = visits_of(build, events, text)
    assert pairs((visit,)) == [(("diskominfo:64.72",), "diskominfo:32.73")]
    assert visit.confidence < 0.8


def test_participants_take_their_part_from_their_agency(build, events) -> None:
    text = (
        "Rombongan Diskominfo Samarinda yang dipimpin oleh Sekretaris, Rina Wulandari, diterima oleh "
        "Kepala Diskominfo Kota Bandung, Arif Gunawan. Turut hadir Kabid Aptika Diskominfo Samarinda, "
        "Bayu Saputra, serta Ketua Komisi Informasi Kaltim, Hendra Kusuma."
    )
    posts = [
        ("Rina Wulandari", "sekretaris", "Diskominfo Samarinda"),
        ("Arif Gunawan", "kepala", "Diskominfo Kota Bandung"),
        ("Bayu Saputra", "kepala-bidang", "Diskominfo Samarinda"),
        ("Hendra Kusuma", "ketua", "Komisi Informasi Kaltim"),
    ]
    (visit,) = visits_of(build, events, text, posts=posts)
    parts = {p.post.official.name: p.capacity for p in visit.participants}
    assert parts == {"Rina Wulandari": "leader", "Arif Gunawan": "receiver", "Bayu Saputra": "participant"}


def test_date_from_a_neighbouring_sentence_only(build, events) -> None:
    near = (
        "Kegiatan berlangsung Kamis (5/10/2023). Diskominfo Samarinda mengunjungi Diskominfo Kota "
        "Bandung untuk belajar."
    )
    (visit,) = visits_of(build, events, near, date(2023, 10, 6))
    assert visit.date == date(2023, 10, 5) and visit.date_span is not None
    far = (
        "Diskominfo Samarinda mengunjungi Diskominfo Kota Bandung untuk belajar. Pertemuan berlangsung "
        "hangat. Banyak hal dibahas. Bandung juga meraih penghargaan pada 1 Maret 2023."
    )
    (visit,) = visits_of(build, events, far, date(2023, 10, 6))
    assert visit.date is None and visit.date_span is None


def test_no_date_in_the_text_means_no_date(build, events) -> None:
    (visit,) = visits_of(
        build, events, "Diskominfo Samarinda mengunjungi Diskominfo Kota Bandung.", date(2023, 10, 6)
    )
    assert visit.date is None


def test_kemarin_dates_the_visit_from_publication(build, events) -> None:
    (visit,) = visits_of(
        build, events, "Diskominfo Samarinda kemarin mengunjungi Diskominfo Kota Bandung.", date(2023, 10, 6)
    )
    assert visit.date == date(2023, 10, 5)


def test_headline_style_verb(build, events) -> None:
    text = "Belajar Tata Kelola Data, Diskominfo Tarakan Sambangi DKISP Kaltara\n\nIsi berita menyusul."
    assert pairs(visits_of(build, events, text)) == [(("diskominfo:65.71",), "diskominfo:65")]


def test_topics_attach_to_the_visit(build, events) -> None:
    text = (
        "Diskominfo Samarinda mengunjungi Diskominfo Kota Bandung untuk belajar pengelolaan PPID dan "
        "Satu Data. Diskusi juga menyinggung penguatan SPBE."
    )
    (visit,) = visits_of(build, events, text)
    assert [t.topic_id for t in visit.topics] == ["ppid", "satu-data", "spbe"]


def test_follow_up_of_an_earlier_event(build, events) -> None:
    text = (
        "Diskominfo Samarinda melakukan studi tiru ke Diskominfo Kota Bandung. Kunjungan ke Diskominfo "
        "Bandung ini merupakan tindak lanjut dari Bimtek Pengelolaan Website di Kota Samarinda, bulan lalu."
    )
    (visit,) = visits_of(build, events, text)
    (related,) = visit.related
    assert related.relation == "follow-up-of"
    assert related.label == "Bimtek Pengelolaan Website"
    assert related.place is not None and related.place.code == "64.72"


def test_trigger_lexicon_feeds_the_automaton() -> None:
    forms = dict(surface_forms())
    assert forms["studi tiru"] == "studi-tiru" and forms["kunker"] == "kunjungan-kerja"
    assert forms["audiensi"] == "audiensi" and forms["menyambangi"] == "kunjungan"


def test_trigger_lexicon_error_names_file_and_line(tmp_path: Path) -> None:
    text = TRIGGERS_FILE.read_text(encoding="utf-8").replace("  audiensi: [audiensi,", "  audisi: [audiensi,")
    bad = tmp_path / "visit_triggers.yaml"
    bad.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("  audisi:"))
    with pytest.raises(
        DataFileError, match=rf"visit_triggers.yaml:{line}: .*'audisi' is not one of the kinds"
    ):
        load_triggers(bad)


def test_a_new_trigger_is_a_data_edit(tmp_path: Path, build, events) -> None:
    text = "Diskominfo Samarinda melancong ke Diskominfo Kota Bandung."
    assert visits_of(build, events, text) == ()
    edited = tmp_path / "visit_triggers.yaml"
    source = TRIGGERS_FILE.read_text(encoding="utf-8")
    edited.write_text(
        source.replace("    - anjangsana\n", "    - anjangsana\n    - melancong\n").replace(
            "    - bertandang ke\n", "    - bertandang ke\n    - melancong ke\n"
        ),
        encoding="utf-8",
    )
    lexicon = load_triggers(edited)
    assert lexicon.triggers["melancong"] == "kunjungan"
    assert "melancong ke" in lexicon.direction.visitor_first


def test_delegation_named_in_an_earlier_sentence(build, events) -> None:
    text = (
        "Diskominfo Kaltim menjalani agenda dua hari di Jawa Barat. Pada hari pertama, Senin (2/9/2024), "
        "rombongan menyambangi Diskominfo Jabar di Bandung. Keesokan harinya, Selasa (3/9/2024), rombongan "
        "berkunjung ke Diskominfo Kota Bandung."
    )
    visits = visits_of(build, events, text, date(2024, 9, 4))
    assert pairs(visits) == [(("diskominfo:64",), "diskominfo:32"), (("diskominfo:64",), "diskominfo:32.73")]
    assert [v.date for v in visits] == [date(2024, 9, 2), date(2024, 9, 3)]
    assert all(v.rule.endswith("+anaphora") for v in visits)


def test_visitors_coming_from_somewhere(build, events) -> None:
    text = (
        "DKISP Kaltara kembali menjadi tujuan studi banding. Rombongan pertama datang dari Diskominfo "
        "Samarinda, lalu diterima Kepala DKISP Kaltara."
    )
    (visit,) = visits_of(build, events, text)
    assert pairs((visit,)) == [(("diskominfo:64.72",), "diskominfo:65")]
    assert visit.kind == "studi-banding"


def test_an_official_stands_for_the_host(build, events) -> None:
    text = "Bupati Paser, Rahmat Hidayat, menerima audiensi Diskominfo Samarinda di ruang kerjanya."
    posts = [("Rahmat Hidayat", "bupati", "Pemkab Paser", "Bupati Paser")]
    view = build(text, {**AGENCIES, "Pemkab Paser": "pemda:64.01"}, None, posts)
    (visit,) = find_visits(view, events, ())
    assert (visit.host.key, [v.key for v in visit.visitors]) == ("pemda:64.01", ["diskominfo:64.72"])
    assert visit.kind == "audiensi"
    assert [(p.post.official.name, p.capacity) for p in visit.participants] == [
        ("Rahmat Hidayat", "receiver")
    ]


def test_kind_from_another_sentence_of_the_article(build, events) -> None:
    text = (
        "Dalam sepekan, DKISP Kaltara menerima dua rombongan studi banding. Diskominfo Samarinda "
        "bertandang ke DKISP Kaltara pada Selasa. Dua hari kemudian Diskominfo Bontang mengunjungi "
        "DKISP Kaltara."
    )
    visits = visits_of(build, events, text)
    assert len(visits) == 2 and {v.kind for v in visits} == {"studi-banding"}


@pytest.mark.parametrize(
    "text",
    [
        "Diskominfo Samarinda akan menggelar studi tiru ke Diskominfo Kota Bandung.",
        "Diskominfo Samarinda akan kembali berkunjung ke Diskominfo Kota Bandung.",
    ],
)
def test_akan_before_a_trigger_is_a_plan(build, events, text) -> None:
    assert visits_of(build, events, text) == ()


def test_host_welcoming_the_visit(build, events) -> None:
    text = "Diskominfo Kota Bandung menyambut baik kunjungan Diskominfo Samarinda pada Kamis (5/10/2023)."
    (visit,) = visits_of(build, events, text, date(2023, 10, 6))
    assert pairs((visit,)) == [(("diskominfo:64.72",), "diskominfo:32.73")]
    assert visit.date == date(2023, 10, 5)


def test_visits_to_a_website_are_not_visits(build, events) -> None:
    text = "Kunjungan ke situs Diskominfo Samarinda dari Diskominfo Kota Bandung naik dua kali lipat."
    assert visits_of(build, events, text) == ()


def test_region_governments_give_way_to_their_agencies(build, events) -> None:
    text = (
        "Pemprov Jabar melakukan studi banding ke Pemkot Samarinda, Senin (7/8/2023). Rombongan "
        "Diskominfo Jabar disambut Kepala Diskominfo Samarinda di balai kota."
    )
    agencies = {**AGENCIES, "Pemkot Samarinda": "pemda:64.72"}
    view = build(text, agencies, date(2023, 8, 8))
    (visit,) = find_visits(view, events)
    assert pairs((visit,)) == [(("diskominfo:32",), "diskominfo:64.72")]
    assert (visit.kind, visit.date) == ("studi-banding", date(2023, 8, 7))


def test_a_host_known_from_an_official_joins_the_named_host(build, events) -> None:
    text = (
        "Diskominfo Samarinda melakukan kunjungan kerja ke Pemprov Jabar pada 8 Agt 2024. Rombongan "
        "dipimpin sekretaris dinas. Mereka diterima oleh Sekda Jabar, Bagus Hadi."
    )
    posts = [("Bagus Hadi", "sekda", "Setda Jabar", "Sekda Jabar")]
    view = build(text, {**AGENCIES, "Setda Jabar": "setda:32"}, date(2024, 8, 9), posts)
    (visit,) = find_visits(view, events)
    assert pairs((visit,)) == [(("diskominfo:64.72",), "pemda:32")]
    assert visit.date == date(2024, 8, 8)


def test_an_official_who_leads_the_visit(build, events) -> None:
    text = (
        "Sekretaris Diskominfo Samarinda, Rina Wulandari, S.Sos., memimpin kunjungan kerja ke Diskominfo "
        "Kota Bandung."
    )
    posts = [("Rina Wulandari", "sekretaris", "Diskominfo Samarinda", "Sekretaris")]
    (visit,) = find_visits(build(text, AGENCIES, None, posts), events)
    assert [(p.post.official.name, p.capacity) for p in visit.participants] == [("Rina Wulandari", "leader")]


def test_a_plan_word_about_something_else_keeps_the_visit(build, events) -> None:
    text = (
        "Diskominfo Samarinda mengunjungi Diskominfo Kota Bandung untuk mempelajari aplikasi yang "
        "direncanakan."
    )
    assert pairs(visits_of(build, events, text)) == [(("diskominfo:64.72",), "diskominfo:32.73")]


def test_a_plan_in_an_aside_keeps_the_visit(build, events) -> None:
    text = (
        "Diskominfo Samarinda, yang berencana membangun pusat data, mengunjungi Diskominfo Kota Bandung "
        "pada Selasa (3/10/2023)."
    )
    assert pairs(visits_of(build, events, text, date(2023, 10, 5))) == [
        (("diskominfo:64.72",), "diskominfo:32.73")
    ]

"""Delegations told apart from the visit sentence: the members listed after it ("Ketiganya adalah …",
"Rombongan terdiri atas …"), agencies that joined ("diikuti pula oleh", "Ia didampingi pejabat dari …"),
and the guards (the host's side, a government's own officials, an agency only mentioned). Sentences
written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from extractor_texts import visit_pairs

from kg.errors import DataFileError
from kg.events.cues import visit_cues
from kg.events.dates import find_dates
from kg.events.view import EventKnowledge
from kg.events.visits import find_visits
from kg.knowledge.triggers import TRIGGERS_FILE, load_triggers
from kg.types import Visit

AGENCIES = {
    "Diskominfo Kota Malang": "diskominfo:35.73",
    "Diskominfo Malang": "diskominfo:35.73",
    "Bappeda Kota Malang": "bappeda:35.73",
    "Pemerintah Kota Malang": "pemda:35.73",
    "Diskominfo Kabupaten Poso": "diskominfo:72.02",
    "Diskominfo Kota Palu": "diskominfo:72.71",
    "Diskominfo Kabupaten Sigi": "diskominfo:72.10",
    "Bappeda Kabupaten Lombok Timur": "bappeda:52.03",
    "Diskominfo Lombok Timur": "diskominfo:52.03",
    "Disdukcapil Kota Pontianak": "disdukcapil:61.71",
    "Diskominfo Kota Pontianak": "diskominfo:61.71",
    "Diskominfo Kota Surabaya": "diskominfo:35.78",
    "DPRD Bengkulu": "dprd:17",
    "Bappeda Bengkulu": "bappeda:17",
    "Pemkab Meranti": "pemda:14.10",
    "Wakil Bupati Meranti": "pemda:14.10",
    "Diskominfo Meranti": "diskominfo:14.10",
}
PUBLISHED = date(2025, 12, 31)


def visits_of(build, events: EventKnowledge, text: str, posts=()) -> tuple[Visit, ...]:
    view = build(text, AGENCIES, PUBLISHED, list(posts))
    return find_visits(view, events, find_dates(view.text, PUBLISHED))


def test_a_generic_visitor_is_completed_from_the_list_that_follows(build, events) -> None:
    text = (
        "Dua dinas dari Sulawesi Tengah melakukan studi tiru ke Diskominfo Kota Malang, Selasa (11/3/2025). "
        "Keduanya adalah Diskominfo Kabupaten Poso dan Diskominfo Kota Palu."
    )
    assert visit_pairs(visits_of(build, events, text)) == {
        (("diskominfo:72.02", "diskominfo:72.71"), "diskominfo:35.73")
    }


def test_a_region_only_delegation_is_completed_and_the_office_visited_hosts(build, events) -> None:
    text = (
        "Kantor Diskominfo Kota Malang didatangi rombongan dari Kabupaten Lombok Timur, Kamis (5/6/2025). "
        "Rombongan terdiri atas jajaran Bappeda Kabupaten Lombok Timur serta Diskominfo Lombok Timur. "
        "Mereka disambut Kepala Diskominfo Malang."
    )
    (visit,) = visits_of(build, events, text)
    assert visit_pairs((visit,)) == {(("bappeda:52.03", "diskominfo:52.03"), "diskominfo:35.73")}
    assert visit.date == date(2025, 6, 5)


def test_a_delegation_listed_before_a_received_sentence(build, events) -> None:
    text = (
        "Rombongan terdiri atas Bappeda Kabupaten Lombok Timur dan Diskominfo Lombok Timur. "
        "Mereka diterima Kepala Diskominfo Kota Malang dalam rangka studi tiru."
    )
    assert visit_pairs(visits_of(build, events, text)) == {
        (("bappeda:52.03", "diskominfo:52.03"), "diskominfo:35.73")
    }


@pytest.mark.parametrize(
    "joined",
    [
        "Kegiatan ini diikuti pula oleh Disdukcapil Kota Pontianak.",
        "Studi banding tersebut juga diikuti oleh Disdukcapil Kota Pontianak.",
        "Tergabung dalam rombongan, perwakilan Disdukcapil Kota Pontianak.",
    ],
)
def test_an_agency_that_joined_the_visit_is_a_visitor(build, events, joined: str) -> None:
    text = (
        "Diskominfo Kota Pontianak melakukan studi banding ke Diskominfo Kota Malang. "
        f"{joined} Sebelumnya Pontianak juga belajar dari Diskominfo Kota Surabaya."
    )
    assert visit_pairs(visits_of(build, events, text)) == {
        (("disdukcapil:61.71", "diskominfo:61.71"), "diskominfo:35.73")
    }


def test_the_leaders_companion_named_after_a_pronoun_is_a_visitor(build, events) -> None:
    text = (
        "Kunjungan kerja Komisi I DPRD Bengkulu disambut oleh Diskominfo Kota Malang. "
        "Rombongan dipimpin Ketua Komisi I DPRD Bengkulu, Rahmat Pohan. "
        "Ia didampingi dua anggota komisi serta pejabat dari Bappeda Bengkulu."
    )
    assert visit_pairs(visits_of(build, events, text)) == {(("bappeda:17", "dprd:17"), "diskominfo:35.73")}


def test_the_hosts_companions_are_no_visitors(build, events) -> None:
    text = (
        "Diskominfo Kota Pontianak melakukan kunjungan kerja ke Diskominfo Kota Malang. "
        "Rombongan diterima Kepala Diskominfo Kota Malang, Budi Santoso, didampingi Kepala Bappeda Kota "
        "Malang. Tuan rumah juga didampingi Bappeda Bengkulu yang sedang berkunjung."
    )
    posts = [("Budi Santoso", "kepala", "Diskominfo Kota Malang")]
    assert visit_pairs(visits_of(build, events, text, posts)) == {(("diskominfo:61.71",), "diskominfo:35.73")}


def test_an_official_of_the_visiting_government_is_its_member(build, events) -> None:
    text = (
        "Pemkab Meranti melakukan kunjungan kerja ke Pemerintah Kota Malang. Rombongan dipimpin Wakil "
        "Bupati Meranti, Asmar Tanjung, didampingi Kepala Diskominfo Meranti, Rizky Putra."
    )
    posts = [
        ("Asmar Tanjung", "wakil-bupati", "Wakil Bupati Meranti"),
        ("Rizky Putra", "kepala", "Diskominfo Meranti", "Kepala Diskominfo Meranti"),
    ]
    assert visit_pairs(visits_of(build, events, text, posts)) == {(("pemda:14.10",), "pemda:35.73")}


def test_a_headlines_visitors_come_from_the_lead_not_the_list(build, events) -> None:
    text = (
        "Rombongan Kunker ke Diskominfo Kota Malang\n\n"
        "Diskominfo Kabupaten Sigi melakukan kunjungan kerja ke Diskominfo Kota Malang. "
        "Rombongan terdiri atas Diskominfo Kabupaten Poso dan Diskominfo Kota Palu."
    )
    visits = visits_of(build, events, text)
    # the list joins the delegation of the lead's visit; the headline is no second delegation
    assert visit_pairs(visits) == {
        (("diskominfo:72.02", "diskominfo:72.10", "diskominfo:72.71"), "diskominfo:35.73")
    }


def test_a_town_before_a_comma_is_the_destination(build, events) -> None:
    text = "Diskominfo Kota Pontianak Studi Banding ke Surabaya, Disdukcapil Kota Pontianak Ikut Serta"
    visits = visits_of(build, events, text)
    assert {v.host.key for v in visits} <= {"pemda:35.78"}


def test_a_delegation_phrase_is_a_data_edit(tmp_path: Path, build, events) -> None:
    text = (
        "Diskominfo Kota Pontianak melakukan studi banding ke Diskominfo Kota Malang. "
        "Kegiatan ini disertai Disdukcapil Kota Pontianak."
    )
    assert visit_pairs(visits_of(build, events, text)) == {(("diskominfo:61.71",), "diskominfo:35.73")}
    edited = tmp_path / "visit_triggers.yaml"
    source = TRIGGERS_FILE.read_text(encoding="utf-8")
    edited.write_text(source.replace("    - diikuti oleh\n", "    - diikuti oleh\n    - disertai\n"), "utf-8")
    lexicon = load_triggers(edited)
    assert "disertai" in lexicon.delegation.joining
    assert visit_cues(lexicon).delegation_roles["disertai"] == "joining"
    assert visit_pairs(visits_of(build, replace(events, triggers=lexicon), text)) == {
        (("disdukcapil:61.71", "diskominfo:61.71"), "diskominfo:35.73")
    }


def test_a_pronoun_that_opens_no_composition_phrase_names_its_line(tmp_path: Path) -> None:
    source = TRIGGERS_FILE.read_text(encoding="utf-8")
    text = source.replace("composition_pronouns: [keduanya,", "composition_pronouns: [kesemuanya, keduanya,")
    bad = tmp_path / "visit_triggers.yaml"
    bad.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "kesemuanya" in row)
    with pytest.raises(DataFileError, match=rf"visit_triggers.yaml:{line}: .*'kesemuanya'"):
        load_triggers(bad)


@pytest.mark.parametrize(
    "aside",
    [
        # the host's explanation of its own team
        "Kepala Diskominfo Kota Malang menjelaskan tim yang terdiri atas Bappeda Bengkulu dan Disdukcapil "
        "Kota Pontianak.",
        # a body whose composition is told, not the delegation's
        "Forum itu terdiri dari Bappeda Bengkulu dan Disdukcapil Kota Pontianak.",
        # a receiver named without a post, then "Ia"
        "Rombongan Diskominfo Kabupaten Sigi disambut Budi Santoso. Ia didampingi pejabat dari Bappeda "
        "Bengkulu.",
        # an agency only compared with
        "Seperti Disdukcapil Kota Pontianak, rombongan ingin belajar dari Bappeda Bengkulu.",
    ],
)
def test_agencies_outside_the_delegation_stay_out(build, events, aside: str) -> None:
    text = f"Diskominfo Kabupaten Sigi melakukan studi tiru ke Diskominfo Kota Malang. {aside}"
    assert visit_pairs(visits_of(build, events, text)) == {(("diskominfo:72.10",), "diskominfo:35.73")}

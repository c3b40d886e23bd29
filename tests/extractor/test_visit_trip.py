"""A trip with several stops: the region named as the destination is where the hosts sit, not a host of
its own; the trip's kind holds at every stop; members who joined the delegation travel on with it; the
delegation "bertemu jajaran" of a host visits it. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text

_TRIP = (
    "Diskominfo Kabupaten Sumbawa menggelar lawatan tiga hari ke Provinsi Jawa Timur dalam rangka studi "
    "banding pengelolaan command center. Rombongan beranggotakan delapan orang, termasuk dua perwakilan "
    "Bappeda Sumbawa.\n\n"
    "Pada hari pertama, Selasa (15/10/2024), tim yang dipimpin Sekretaris Diskominfo Sumbawa, Lalu Hamdan, "
    "bertemu jajaran Diskominfo Kota Surabaya di ruang command center Balai Kota.\n\n"
    "Keesokan harinya, Rabu (16/10), rombongan menyambangi Diskominfo Kabupaten Sidoarjo untuk mempelajari "
    "layanan pengaduan warga."
)


def _visits(text: str) -> list[tuple[tuple[str, ...], str, str | None, str]]:
    return [(tuple(v.key for v in visit.visitors), visit.host.key,
             visit.date.isoformat() if visit.date else None, visit.kind)
            for visit in extract_text(text, date(2024, 10, 20)).visits]


def test_each_stop_of_a_trip_is_a_visit_of_the_whole_delegation_and_of_the_trip_kind() -> None:
    delegation = ("diskominfo:52.04", "bappeda:52.04")
    assert _visits(_TRIP) == [
        (delegation, "diskominfo:35.78", "2024-10-15", "studi-banding"),
        (delegation, "diskominfo:35.15", "2024-10-16", "studi-banding"),
    ]


def test_a_province_named_alone_with_no_host_inside_it_stays_the_host() -> None:
    text = ("Diskominfo Kabupaten Sumbawa melakukan studi banding ke Provinsi Jawa Timur, Selasa "
            "(15/10/2024), untuk mempelajari pengelolaan command center.")
    assert _visits(text) == [(("diskominfo:52.04",), "pemda:35", "2024-10-15", "studi-banding")]



_UMBRELLA = ("Rombongan Pemerintah Kabupaten Dompu tiba di Kota Mataram, Senin (4/11/2024). {led}Mereka "
             "terdiri atas jajaran Diskominfo dan Bappeda Dompu. Tujuan kunjungan kerja tersebut adalah "
             "Diskominfo Kota Mataram, dan rombongan disambut Kepala Diskominfo Kota Mataram, Lalu Wirahadi.")


def _visitors(text: str) -> list[tuple[str, ...]]:
    return [tuple(v.key for v in visit.visitors) for visit in extract_text(text, date(2024, 11, 6)).visits]


def test_a_government_named_for_a_delegation_made_of_its_agencies_gives_way_to_them() -> None:
    assert _visitors(_UMBRELLA.format(led="")) == [("diskominfo:52.05", "bappeda:52.05")]


def test_a_government_whose_own_head_leads_stays_a_visitor() -> None:
    led = "Rombongan dipimpin Wakil Bupati Dompu, Syahrul Parsan. "
    assert _visitors(_UMBRELLA.format(led=led)) == [("pemda:52.05", "diskominfo:52.05", "bappeda:52.05")]

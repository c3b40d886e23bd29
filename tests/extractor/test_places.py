"""Places: venue text, the most specific region that fits the host, never the dateline."""

from __future__ import annotations

from kg.events.cues import visit_cues
from kg.events.dates import find_dates
from kg.events.places import find_venue
from kg.events.visits import find_visits

AGENCIES = {
    "Diskominfo Kaltim": "diskominfo:64",
    "Diskominfo Jatim": "diskominfo:35",
    "DKISP Kaltara": "diskominfo:65",
    "Diskominfo Berau": "diskominfo:64.03",
    "Kemkominfo": "kemkominfo",
    "Diskominfo Surabaya": "diskominfo:35.78",
}


def place_of(build, events, text):
    view = build(text, AGENCIES)
    (visit,) = find_visits(view, events, find_dates(view.text))
    return visit.place


def venue(events, text: str) -> str | None:
    span = find_venue(text.lower(), 0, len(text), visit_cues(events.triggers))
    return text[span.start : span.end] if span else None


def test_venue_runs_over_commas_into_floor_and_building(events) -> None:
    text = "Tamu diterima di Ruang Rapat Bidang Aptika, Lantai 3 Gedung Sekretariat Daerah, pada Senin pagi."
    assert venue(events, text) == "Ruang Rapat Bidang Aptika, Lantai 3 Gedung Sekretariat Daerah"


def test_venue_stops_at_the_date_and_at_clause_words(events) -> None:
    assert (
        venue(events, "Rapat digelar di aula utama kantor gubernur (12/3/2024).")
        == "aula utama kantor gubernur"
    )
    assert venue(events, "Rapat digelar di aula utama untuk membahas SPBE.") == "aula utama"


def test_no_venue_without_a_venue_word(events) -> None:
    assert venue(events, "Rapat digelar di Surabaya pekan ini.") is None


def test_kecamatan_in_the_venue_is_the_place(build, events) -> None:
    text = (
        "Diskominfo Kaltim mengunjungi Diskominfo Jatim di ruang rapat Lantai 2 Kantor Diskominfo Jatim "
        "Jalan Ahmad Yani Kecamatan Gayungan Surabaya."
    )
    place = place_of(build, events, text)
    assert place.region.code == "35.78.22"
    assert place.venue.startswith("ruang rapat Lantai 2 Kantor Diskominfo Jatim")
    assert place.span is not None


def test_host_region_is_the_fallback(build, events) -> None:
    place = place_of(build, events, "Diskominfo Berau mengunjungi DKISP Kaltara untuk belajar PPID.")
    assert place.region.code == "65" and place.venue is None


def test_city_after_di_refines_the_host_province(build, events) -> None:
    place = place_of(build, events, "Diskominfo Kaltim mengunjungi Diskominfo Jatim di Surabaya, Kamis.")
    assert place.region.code == "35.78"


def test_dateline_is_not_the_place(build, events) -> None:
    text = "TANJUNG REDEB, KORANKALTIM – Diskominfo Berau melakukan kunjungan kerja ke DKISP Kaltara."
    place = place_of(build, events, text)
    assert place.region.code == "65"


def test_region_outside_the_host_is_ignored(build, events) -> None:
    text = "Diskominfo Berau dari Kalimantan Timur mengunjungi DKISP Kaltara di Samarinda."
    assert place_of(build, events, text).region.code == "65"


def test_national_host_takes_the_named_city(build, events) -> None:
    place = place_of(build, events, "Diskominfo Kaltim berkunjung ke Kemkominfo di Jakarta Pusat.")
    assert place.region is not None and place.region.code.startswith("31")


def test_national_host_without_a_place_gives_none(build, events) -> None:
    view = build("Diskominfo Kaltim berkunjung ke Kemkominfo untuk konsultasi.", AGENCIES)
    (visit,) = find_visits(view, events, ())
    assert visit.place is None


def test_venue_in_its_own_sentence(build, events) -> None:
    text = (
        "Diskominfo Berau melakukan kunjungan kerja ke DKISP Kaltara. Para peserta berdiskusi panjang. "
        "Pertemuan berlangsung di ruang rapat DKISP Kaltara di Tanjung Selor."
    )
    place = place_of(build, events, text)
    assert place.region.code == "65.01.05" and place.venue.startswith("ruang rapat")


def test_kecamatan_written_bare_inside_a_named_city(build, events) -> None:
    place = place_of(build, events, "Diskominfo Kaltim mengunjungi Kemkominfo di Sawangan, Kota Depok.")
    assert place.region.code == "32.76.03"


def test_town_after_the_venue(build, events) -> None:
    text = (
        "Diskominfo Berau mengunjungi DKISP Kaltara. Rombongan diterima di Ruang Command Center, "
        "Tanjung Selor."
    )
    assert place_of(build, events, text).region.code == "65.01.05"


def test_dateline_inside_the_host_region_is_still_not_the_place(build, events) -> None:
    text = "TANJUNG SELOR, KALTARAPOS – Diskominfo Berau melakukan kunjungan kerja ke DKISP Kaltara."
    assert place_of(build, events, text).region.code == "65"


def test_di_yogyakarta_is_a_name_not_a_place_word(build, events) -> None:
    agencies = {**AGENCIES, "Diskominfo DI Yogyakarta": "diskominfo:34"}
    text = "Diskominfo Kaltim mengunjungi Diskominfo DI Yogyakarta untuk belajar PPID."
    (visit,) = find_visits(build(text, agencies), events, ())
    assert visit.place.region.code == "34"


def test_a_street_named_after_a_city_is_no_place(build, events) -> None:
    text = (
        "Diskominfo Berau melaksanakan kunjungan kerja ke Kemkominfo, Kamis (16/1/2025). Rombongan "
        "diterima di Gedung Kemkominfo, Jalan Medan Merdeka Barat, Gambir, Jakarta Pusat."
    )
    place = place_of(build, events, text)
    assert place.region is not None and place.region.code.startswith("31.71")


def test_a_national_host_seeks_a_place_finer_than_a_province(build, events) -> None:
    text = (
        "Diskominfo Berau beraudiensi dengan Kemkominfo di Jakarta, Rabu (21/8/2024). Audiensi yang "
        "berlangsung di Gedung Kemkominfo, Jakarta Pusat itu membahas akses internet."
    )
    assert place_of(build, events, text).region.code == "31.71"


def test_a_venue_with_two_trailing_town_names(build, events) -> None:
    text = (
        "Diskominfo Kaltim melakukan studi tiru ke Diskominfo Jatim, Selasa (12/3/2024), di kantor "
        "Diskominfo Jatim, Ketintang, Surabaya."
    )
    assert place_of(build, events, text).region.code == "35.78"


def test_a_venue_continues_over_an_estate_into_the_kecamatan(build, events) -> None:
    text = (
        "Diskominfo Kaltim mengunjungi Diskominfo Berau, Senin (30/12/2024), di Ruang Rapat Diskominfo "
        "Berau, Kawasan Perkantoran Gunung Tabur, Kecamatan Gunung Tabur."
    )
    place = place_of(build, events, text)
    assert place.region is not None and place.region.level == "kecamatan"
    assert place.region.code.startswith("64.03.")

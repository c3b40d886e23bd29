"""Dates as the genre writes them, resolved against the published date, and the calendar lexicon."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import DataFileError
from kg.events.dates import find_dates, parse_date, resolve_yearless
from kg.knowledge.calendar import CALENDAR_FILE, load_calendar
from kg.types import Span

PUBLISHED = date(2025, 12, 19)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rombongan tiba pada Selasa (9/5/2023) di kantor dinas.", date(2023, 5, 9)),
        ("Pertemuan digelar Kamis pagi, (18/12/2025) di ruang rapat.", date(2025, 12, 18)),
        ("Kegiatan berlangsung Rabu (3/1/24).", date(2024, 1, 3)),
        ("Audiensi dilaksanakan pada 3 Maret 2024 di aula.", date(2024, 3, 3)),
        ("Audiensi dilaksanakan pada 3 Mar 2024 di aula.", date(2024, 3, 3)),
        ("Audiensi dilaksanakan pada 3 Mar. 2024 di aula.", date(2024, 3, 3)),
        ("Studi banding itu berlangsung 21 Agt 2023.", date(2023, 8, 21)),
        ("Studi banding itu berlangsung 21 Agu 2023.", date(2023, 8, 21)),
        ("Studi banding itu berlangsung 7 Sept 2022.", date(2022, 9, 7)),
        ("Studi banding itu berlangsung 7 Okt 2022.", date(2022, 10, 7)),
        ("Studi banding itu berlangsung 30 Nop 2021.", date(2021, 11, 30)),
        ("Studi banding itu berlangsung 1 Des 2021.", date(2021, 12, 1)),
        ("Surat tertanggal 09-05-2023 diterima.", date(2023, 5, 9)),
    ],
)
def test_explicit_dates(text: str, expected: date) -> None:
    assert parse_date(text, PUBLISHED) == expected


def test_date_without_year_takes_the_published_year() -> None:
    assert parse_date("Kunjungan digelar Kamis (18/12) di ruang rapat.", PUBLISHED) == date(2025, 12, 18)


def test_date_without_year_is_never_after_publication() -> None:
    # 20 December has not come yet on 19 December 2025: it must be last year's
    assert parse_date("Pertemuan berlangsung Sabtu (20/12).", PUBLISHED) == date(2024, 12, 20)
    assert parse_date("Pertemuan berlangsung 25 Desember.", PUBLISHED) == date(2024, 12, 25)


def test_date_without_year_needs_a_published_date() -> None:
    assert parse_date("Kunjungan digelar Kamis (18/12).", None) is None


def test_weekday_with_day_and_month() -> None:
    assert parse_date("Rombongan datang Senin (3/3).", date(2025, 3, 5)) == date(2025, 3, 3)


def test_relative_words_count_back_from_publication() -> None:
    assert parse_date("Tim tiba kemarin di Tanjung Selor.", PUBLISHED) == date(2025, 12, 18)
    assert parse_date("Tim tiba kemarin lusa.", PUBLISHED) == date(2025, 12, 17)
    assert parse_date("Kunjungan itu berlangsung Senin lalu.", PUBLISHED) == date(2025, 12, 15)
    assert parse_date("Kunjungan itu berlangsung Jumat lalu.", PUBLISHED) == date(2025, 12, 12)
    assert parse_date("Kunjungan itu berlangsung Kamis pekan lalu.", PUBLISHED) == date(2025, 12, 11)


def test_relative_words_without_publication_give_nothing() -> None:
    assert parse_date("Tim tiba kemarin.", None) is None
    assert parse_date("Kunjungan itu berlangsung Senin lalu.", None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Kunjungan itu berlangsung pekan lalu.",
        "Kunjungan itu berlangsung minggu lalu.",
        "Kunjungan itu berlangsung beberapa waktu lalu.",
        "Nilai indeks naik menjadi 3,79 pada tahun 2024.",
        "Provinsi itu berada di peringkat ke-12 dari 21 provinsi.",
        "Skor 68,81 masuk kategori sedang.",
        "Kegiatan ini rutin digelar.",
    ],
)
def test_no_day_named_means_no_date(text: str) -> None:
    assert parse_date(text, PUBLISHED) is None


def test_vague_words_are_reported_without_a_date() -> None:
    (mention,) = find_dates("Kunjungan itu berlangsung pekan lalu.", PUBLISHED)
    assert mention.date is None and mention.rule == "date:vague"


def test_mentions_carry_span_and_rule() -> None:
    text = "Rombongan tiba Selasa (9/5/2023) lalu pulang 12 Mei 2023."
    first, second = find_dates(text, PUBLISHED)
    assert text[first.span.start : first.span.end] == "Selasa (9/5/2023)"
    assert first.rule == "date:numeric" and 0 < first.confidence <= 1
    assert text[second.span.start : second.span.end] == "12 Mei 2023"
    assert second.date == date(2023, 5, 12)


def test_weekday_that_disagrees_with_the_date_lowers_confidence() -> None:
    (right,) = find_dates("Selasa (9/5/2023)", PUBLISHED)
    (wrong,) = find_dates("Jumat (9/5/2023)", PUBLISHED)
    assert right.date == wrong.date and wrong.confidence < right.confidence


def test_impossible_dates_are_dropped() -> None:
    assert parse_date("Selasa (31/2/2023)", PUBLISHED) is None


days = st.dates(min_value=date(2001, 1, 1), max_value=date(2040, 12, 31))


@given(day=days, published=days)
def test_yearless_resolution_is_never_after_publication(day: date, published: date) -> None:
    resolved = resolve_yearless(day.month, day.day, published)
    if resolved is not None:
        assert resolved <= published
        assert (resolved.month, resolved.day) == (day.month, day.day)
        assert published - resolved < timedelta(days=366 * 4 + 1)


@given(day=days, published=days)
def test_numeric_without_year_never_after_publication(day: date, published: date) -> None:
    found = parse_date(f"Kunjungan berlangsung ({day.day}/{day.month}).", published)
    assert found is None or found <= published


@given(day=days)
def test_numeric_round_trip(day: date) -> None:
    assert parse_date(f"Rabu ({day.day}/{day.month}/{day.year})", None) == day
    assert parse_date(f"pada {day.day:02d}/{day.month:02d}/{day.year} di kantor", None) == day


def test_calendar_lexicon_loads() -> None:
    cal = load_calendar(CALENDAR_FILE)
    assert cal.months["agt"] == 8 and cal.months["nop"] == 11 and cal.weekdays["kamis"] == 4


def test_calendar_error_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "calendar.yaml"
    text = CALENDAR_FILE.read_text(encoding="utf-8").replace(
        "  - {text: kemarin, days: -1}", "  - {text: kemarin, days: 1}"
    )
    bad.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "text: kemarin, days: 1" in row)
    with pytest.raises(DataFileError, match=rf"calendar.yaml:{line}: days must not be positive"):
        load_calendar(bad)


def test_a_new_month_spelling_is_a_data_edit(tmp_path: Path) -> None:
    edited = tmp_path / "calendar.yaml"
    edited.write_text(
        CALENDAR_FILE.read_text(encoding="utf-8").replace("[Maret, Mar]", "[Maret, Mar, Mrt]"),
        encoding="utf-8",
    )
    assert parse_date("Digelar 4 Mrt 2024.", PUBLISHED) is None
    (mention,) = find_dates("Digelar 4 Mrt 2024.", PUBLISHED, load_calendar(edited))
    assert mention.date == date(2024, 3, 4)


@pytest.mark.parametrize("text", ["pada 13-14 Juni 2024", "13 hingga 15 Juni 2024", "13 s.d. 15 Juni 2024"])
def test_a_range_gives_its_first_day(text: str) -> None:
    assert parse_date(text, PUBLISHED) == date(2024, 6, 13)


def test_dates_only_inside_the_given_spans() -> None:
    text = "Rapat pada 1 Mei 2023. Kunjungan pada 9 Mei 2023."
    second = Span(text.index("Kunjungan"), len(text))
    assert [m.date for m in find_dates(text, PUBLISHED, spans=[second])] == [date(2023, 5, 9)]


def test_minggu_lalu_is_a_day_only_when_written_as_one() -> None:
    sunday_after = date(2021, 11, 29)  # a Monday
    assert parse_date("Rombongan berkunjung pada Minggu lalu.", sunday_after) == date(2021, 11, 28)
    assert parse_date("Rombongan berkunjung minggu lalu.", sunday_after) is None

"""Where a visit took place, read beyond its own sentences: a sentence that speaks of the visit itself
counts, a later stop of the delegation does not. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from kg.events.dates import find_dates
from kg.events.visits import find_visits

AGENCIES = {
    "Diskominfo Kabupaten Sigi": "diskominfo:72.10",
    "Diskominfo Banyuwangi": "diskominfo:35.10",
}


@pytest.mark.parametrize(
    ("later", "place"),
    [
        ("Sebelum kembali, rombongan sempat meninjau kantor desa di Kecamatan Glagah.", "35.10"),
        ("Kunjungan itu berlangsung di kantor desa di Kecamatan Glagah.", "35.10.15"),
    ],
)
def test_a_later_stop_of_the_delegation_is_not_the_place(build, events, later: str, place: str) -> None:
    text = (
        "Diskominfo Kabupaten Sigi melakukan studi tiru ke Diskominfo Banyuwangi, Rabu (21/8/2024). "
        "Kepala Diskominfo Banyuwangi memaparkan layanan desa digital. Ia menjawab banyak pertanyaan. "
        f"Tim juga mencatat beberapa catatan penting. {later}"
    )
    view = build(text, AGENCIES, date(2024, 8, 22))
    (visit,) = find_visits(view, events, find_dates(view.text, date(2024, 8, 22)))
    assert visit.place is not None and visit.place.region is not None
    assert visit.place.region.code == place

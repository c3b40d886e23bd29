"""An address gives the town after the street: "di Jalan Jelarai, Tanjung Selor", "di Jl. Pemuda No. 12,
Tanjung Redeb". The town is a kecamatan of the host's regency, and the visit's place. Sentences written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from extractor_texts import extract_text

from kg.knowledge import Knowledge


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rombongan Diskominfo Kabupaten Tana Tidung berkunjung ke kantor DKISP Kabupaten Bulungan di Jalan "
         "Jelarai, Tanjung Selor, Selasa (3/6/2025).", "65.01.05"),
        ("Rombongan Diskominfo Kabupaten Paser berkunjung ke Diskominfo Kabupaten Berau di Jl. Pemuda No. "
         "12, Tanjung Redeb, Selasa (3/6/2025).", "64.03.05"),
        # no town after the street: the host's regency
        ("Rombongan Diskominfo Kabupaten Paser berkunjung ke Diskominfo Kabupaten Berau di Jalan Pemuda, "
         "Selasa (3/6/2025).", "64.03"),
    ],
)
def test_the_town_after_a_street_is_the_place(knowledge: Knowledge, text: str, place: str) -> None:
    (visit,) = extract_text(text, date(2025, 6, 4), knowledge).visits
    assert visit.place is not None and visit.place.region is not None
    assert visit.place.region.code == place


def test_a_kecamatan_at_the_end_of_a_venue_address_is_the_place(knowledge: Knowledge) -> None:
    """The venue word stops at the first comma; the address runs on over a complex's name and the host's
    regency to the kecamatan."""
    text = ("Diskominfo Kota Cilegon melakukan studi banding ke Diskominfo Kabupaten Bogor, Kamis "
            "(7/3/2024). Rombongan diterima di Gedung Graha Wicaksana, Pusat Pemerintahan Kabupaten Bogor, "
            "Kecamatan Cibinong.")
    (visit,) = extract_text(text, date(2024, 3, 8), knowledge).visits
    assert visit.place is not None and visit.place.region is not None
    assert (visit.place.region.code, visit.place.venue) == ("32.01.01", "Gedung Graha Wicaksana")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # "Di <city>," opening the sentence that tells the reception
        ("Diskominfo Kota Balikpapan melakukan studi banding ke Provinsi Jawa Tengah, Kamis (7/11/2024). "
         "Di Semarang, rombongan diterima oleh Diskominfo Jateng.", "33.74"),
        # a city the gazetteer knows, after a street: the city is the place
        ("Diskominfo Kabupaten Karo berkunjung ke Diskominfo Provinsi Sumatera Utara, Kamis (12/9/2024). "
         "Pertemuan berlangsung di lantai tiga gedung dinas yang baru, Jalan Kapten Maulana Lubis, Medan.",
         "12.71"),
        ("Diskominfo Kabupaten Karo berkunjung ke Diskominfo Provinsi Sumatera Utara, Kamis (12/9/2024). "
         "Pertemuan berlangsung di aula kantor yang beralamat Jalan Kapten Maulana Lubis, Medan.", "12.71"),
    ],
)
def test_a_city_after_di_opening_a_sentence_or_after_a_street(knowledge: Knowledge, text: str,
                                                              place: str) -> None:
    (visit,) = extract_text(text, date(2024, 12, 1), knowledge).visits
    assert visit.place is not None and visit.place.region is not None
    assert visit.place.region.code == place

"""Recognition: lexicon mentions in text order with their rules, post titles, and names beside them."""

from __future__ import annotations

from kg.knowledge import Knowledge
from kg.recognise import recognise
from kg.types import Article, CleanArticle, Mention


def mentions(knowledge: Knowledge, text: str) -> tuple[Mention, ...]:
    return recognise(CleanArticle(Article(id="t", text=text, source="test"), text), knowledge).mentions


def of_kind(found: tuple[Mention, ...], kind: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in found if m.kind == kind]


def test_mentions_are_in_text_order_with_values_and_rules(knowledge: Knowledge) -> None:
    found = mentions(knowledge, "Diskominfo Kukar melakukan studi banding ke Pemkot Surabaya soal PPID.")
    assert [m.span.start for m in found] == sorted(m.span.start for m in found)
    assert ("Diskominfo", "diskominfo") in of_kind(found, "agency")
    assert ("Kukar", "64.02") in of_kind(found, "region")
    assert ("Pemkot", "pemda") in of_kind(found, "agency")
    assert ("PPID", "ppid") in of_kind(found, "topic")
    assert all(m.rule for m in found)
    assert all(m.text == "Diskominfo Kukar melakukan studi banding ke Pemkot Surabaya soal PPID."[
        m.span.start:m.span.end] for m in found)


def test_ambiguous_region_name_lists_every_code_most_likely_first(knowledge: Knowledge) -> None:
    (region,) = [m for m in mentions(knowledge, "Rombongan dari Malang hadir.") if m.kind == "region"]
    assert region.value.split("|")[0] == "35.73" and "35.07" in region.value


def test_title_extent_and_name_after_it(knowledge: Knowledge) -> None:
    text = ("Kepala Seksi Aplikasi dan Persandian Diskominfo Kota Bontang, Dra. Hj. Maria Ulfa Nasution, "
            "M.AP., hadir.")
    found = mentions(knowledge, text)
    assert ("Kepala Seksi Aplikasi dan Persandian Diskominfo Kota Bontang", "title:kepala-seksi") in \
        of_kind(found, "other")
    assert of_kind(found, "person") == [("Dra. Hj. Maria Ulfa Nasution, M.AP.", "Maria Ulfa Nasution")]


def test_name_without_comma_after_a_unit_title(knowledge: Knowledge) -> None:
    found = mentions(knowledge, "Kabid Aptika dan Statistik Yohanes Dami menjelaskan aplikasi itu.")
    assert ("Yohanes Dami", "Yohanes Dami") in of_kind(found, "person")


def test_name_before_its_title_with_degrees(knowledge: Knowledge) -> None:
    text = "Ir. Bambang Sutrisno Hadi, M.T., Sekretaris Bappeda Sulsel, membuka pertemuan."
    found = mentions(knowledge, text)
    assert of_kind(found, "person") == [("Ir. Bambang Sutrisno Hadi", "Bambang Sutrisno Hadi")]


def test_place_names_with_role_words_are_not_titles(knowledge: Knowledge) -> None:
    found = mentions(knowledge, "Jamuan digelar di Rumah Jabatan Bupati, Tanjung Selor, pada malam hari.")
    assert of_kind(found, "person") == []
    assert not any(v.startswith("title:") for _, v in of_kind(found, "other"))


def test_sentence_openers_and_dates_are_not_names(knowledge: Knowledge) -> None:
    found = mentions(knowledge, "Hal itu disampaikan Kepala Diskominfo Kaltara, Senin (4/3). "
                                "Selanjutnya rapat.")
    assert of_kind(found, "person") == []


def test_unknown_body_is_an_unresolved_agency_with_its_acronym(knowledge: Knowledge) -> None:
    text = ("Ikatan Pranata Humas Indonesia Kota Balikpapan bertandang ke Diskominfo Balikpapan. "
            "Ketua IPHI Kota Balikpapan, Nadia Putri, memimpin rombongan.")
    found = mentions(knowledge, text)
    unresolved = [(t, v) for t, v in of_kind(found, "agency") if v.startswith("unresolved:")]
    key = "unresolved:ikatan-pranata-humas-indonesia-kota-balikpapan"
    assert unresolved == [("Ikatan Pranata Humas Indonesia Kota Balikpapan", key),
                          ("IPHI Kota Balikpapan", key)]


def test_fused_local_names_by_prefix(knowledge: Knowledge) -> None:
    found = mentions(knowledge, "Diskominfotiksan Kabupaten Sambas menerima tamu.")
    assert ("Diskominfotiksan", "diskominfo") in of_kind(found, "agency")


def test_honorific_person_without_title(knowledge: Knowledge) -> None:
    found = mentions(knowledge, "Dalam sambutannya, Hj. Siti Rahmah menyampaikan terima kasih.")
    assert ("Hj. Siti Rahmah", "Siti Rahmah") in of_kind(found, "person")

"""A ranked list prints each grade alone in parentheses: "1. Kota Medan – nilai 93,40 (Informatif)"."""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text


def test_a_grade_alone_in_parentheses_is_the_item_s_predicate() -> None:
    text = ("Komisi Informasi Provinsi Sumatera Barat mengumumkan hasil Anugerah Keterbukaan Informasi "
            "Publik 2024 di Padang, Selasa (17/12/2024). Dari 19 kabupaten/kota yang dinilai, tiga besar "
            "diraih oleh:\n\n1. Kota Padang – nilai 92,10 (Informatif)\n2. Kabupaten Agam – nilai 90,05 "
            "(Informatif)\n3. Kota Solok – nilai 84,70 (Menuju Informatif)\n")
    awards = extract_text(text, date(2024, 12, 20)).awards
    got = {(a.recipient.key, a.predicate, a.rank, a.out_of) for a in awards}
    assert got == {("pemda:13.71", "Informatif", 1, 19), ("pemda:13.06", "Informatif", 2, 19),
                   ("pemda:13.72", "Menuju Informatif", 3, 19)}

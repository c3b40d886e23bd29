"""Cleaning blanks page junk with spaces: same length, offsets valid, facts untouched."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.clean import clean
from kg.knowledge import Knowledge
from kg.types import Article

BODY = ("SAMARINDA – Diskominfo Kaltim menerima kunjungan kerja Diskominfo Bontang, Senin (3/6/2024).\n"
        "Kegiatan ditutup dengan sesi foto bersama seluruh peserta.\n")


def cleaned(knowledge: Knowledge, text: str):
    return clean(Article(id="t", text=text, source="test"), knowledge)


def test_text_without_junk_is_unchanged(knowledge: Knowledge) -> None:
    result = cleaned(knowledge, BODY)
    assert result.text == BODY
    assert result.removed == ()


def test_trailer_from_comment_form_to_end_is_blanked(knowledge: Knowledge) -> None:
    text = BODY + "\nTinggalkan Balasan\nAlamat email Anda tidak akan dipublikasikan.\nDiskominfo Berau\n"
    result = cleaned(knowledge, text)
    assert len(result.text) == len(text)
    assert "Diskominfo Kaltim" in result.text
    assert "Balasan" not in result.text and "Diskominfo Berau" not in result.text
    assert result.removed[-1].end == len(text)


def test_share_buttons_counters_captions_and_read_also_lines(knowledge: Knowledge) -> None:
    junk_lines = ["Bagikan", "Share on Facebook", "oleh -87 views", "Baca Juga: Pemprov Kaltara Raih "
                                                                    "Informatif",
                  "Rapat koordinasi di ruang Command Center. foto Diskominfo Bontang", "(Foto: Humas Pemkot)",
                  "No More Posts Available."]
    text = BODY + "\n".join(junk_lines) + "\n"
    result = cleaned(knowledge, text)
    for line in junk_lines[:-1]:
        assert line not in result.text
    assert result.text.startswith(BODY)
    assert "foto bersama seluruh peserta" in result.text  # a body sentence about photos stays


def test_inline_photo_credit_and_trailing_credit_code(knowledge: Knowledge) -> None:
    text = ("Kepala DKISP Kaltara memberi sambutan (Foto: Istimewa) di hadapan tamu.\nDemikian laporan "
            "kami. (adv/hel)\n")
    result = cleaned(knowledge, text)
    assert "Istimewa" not in result.text and "(adv/hel)" not in result.text
    assert "memberi sambutan" in result.text and "Demikian laporan kami." in result.text


def test_repeated_title_line_is_blanked_the_second_time(knowledge: Knowledge) -> None:
    title = "Diskominfo Bontang Belajar Command Center ke Kaltim"
    text = f"{title}\n\n{title}\n{BODY}"
    result = cleaned(knowledge, text)
    assert result.text.count(title) == 1
    assert result.text.startswith(title)


def test_removed_spans_are_merged_and_only_cover_blanks(knowledge: Knowledge) -> None:
    text = BODY + "Bagikan\nTweet\nTinggalkan Komentar\nisi komentar\n"
    result = cleaned(knowledge, text)
    spans = result.removed
    assert all(a.end < b.start for a, b in zip(spans, spans[1:], strict=False))
    for span in spans:
        assert result.text[span.start:span.end].strip() == ""


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc DKISP\n.()-:foto Bagikan 12views")), max_size=200))
def test_cleaning_keeps_length_and_every_character_it_does_not_remove(knowledge: Knowledge,
                                                                       text: str) -> None:
    result = cleaned(knowledge, text or "x")
    source = text or "x"
    assert len(result.text) == len(source)
    removed = set()
    for span in result.removed:
        removed.update(range(span.start, span.end))
    for i, (before, after) in enumerate(zip(source, result.text, strict=True)):
        if i not in removed:
            assert before == after
        else:
            assert after in (" ", "\n")


def test_page_furniture_of_other_sites(knowledge: Knowledge) -> None:
    furniture = ["Bagikan berita ini:", "Facebook | Twitter | WhatsApp", "Dilihat 1.204 kali", "Dibaca: 87",
                 "Ikuti kami di media sosial untuk kabar terkini", "Waktu baca 2 menit"]
    trailer = "Komentar ditutup pada berita ini.\nNama * Email *\nDiskominfo Kukar\n"
    text = "\n".join(furniture) + "\n" + BODY + trailer
    result = cleaned(knowledge, text)
    assert result.text.strip().startswith("SAMARINDA – Diskominfo Kaltim")
    assert "Diskominfo Kukar" not in result.text and "Komentar" not in result.text
    assert "foto bersama seluruh peserta" in result.text


def test_trailer_marker_near_the_top_only_blanks_its_line(knowledge: Knowledge) -> None:
    paragraphs = "".join(f"Paragraf {i}: Diskominfo Kaltim menerima tamu dari daerah lain.\n"
                         for i in range(3))
    text = "Judul Berita\nMuat lebih banyak berita\n" + paragraphs
    result = cleaned(knowledge, text)
    assert "Muat lebih banyak" not in result.text
    assert result.text.count("Diskominfo Kaltim menerima") == 3


def test_copyright_footer_is_blanked(knowledge: Knowledge) -> None:
    text = BODY + "Hak Cipta © 2024 Pemerintah Provinsi Kalimantan Timur\n© 2024 Diskominfo Kukar\n"
    result = cleaned(knowledge, text)
    assert "Pemerintah Provinsi" not in result.text and "Kukar" not in result.text
    assert result.text.startswith(BODY)


def test_menus_breadcrumbs_and_related_links_are_blanked(knowledge: Knowledge) -> None:
    junk = ["NEWS | SAMARINDA | KALTIM | NASIONAL", "Home › Pemerintahan › Kutai Timur",
            "» Bupati Kukar Resmikan Jembatan Baru", "Artikel Terkait: Diskominfo Bontang Gelar Pelatihan"]
    result = cleaned(knowledge, "\n".join(junk) + "\n" + BODY)
    assert result.text.strip().startswith("SAMARINDA – Diskominfo Kaltim")
    assert result.text.endswith(BODY)


def test_navigation_widgets_and_credit_lines_are_blanked(knowledge: Knowledge) -> None:
    junk = ["Artikel Sebelumnya: Diskominfo Bontang Gelar Bimtek", "Next Post", "Terpopuler",
            "Klik untuk berbagi di WhatsApp", "Ikuti berita terkini Diskominfo Kaltim di Google News",
            "Humas Diskominfo Kaltim", "(adv/diskominfo staper kutim)", "Batalkan balasan"]
    result = cleaned(knowledge, BODY + "\n".join(junk) + "\n")
    assert result.text.startswith(BODY)
    assert result.text[len(BODY):].strip() == ""


def test_a_body_sentence_opening_with_humas_is_kept(knowledge: Knowledge) -> None:
    line = "Humas Diskominfo Kaltim menggelar pelatihan penulisan berita bagi 40 peserta.\n"
    assert cleaned(knowledge, BODY + line).text == BODY + line


def test_a_comment_counter_before_a_read_also_link_is_blanked(knowledge: Knowledge) -> None:
    text = "Rombongan pulang ke Sanggau sore harinya.\nKomentar (3) | Baca Juga: Pelatihan Admin Web Desa\n"
    out = cleaned(knowledge, text).text
    assert "Komentar" not in out and "(3)" not in out
    assert out.startswith("Rombongan pulang ke Sanggau sore harinya.")

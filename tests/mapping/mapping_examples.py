"""Hand-built extractions for the mapping tests, written here rather than produced by the extractor.

The article text is invented for the tests; spans are found in it by searching for the phrase, so the
objects are exactly what the events stage would hand to `kg.rdfmap`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kg.types import (
    Agency,
    Article,
    Award,
    Extraction,
    Official,
    Participation,
    Place,
    Post,
    Region,
    RelatedEvent,
    Span,
    TopicMention,
    Visit,
)

TEXT = (
    "BERAU - Dinas Komunikasi dan Informatika Kabupaten Berau melakukan studi tiru ke DKISP Kaltara "
    "pada Kamis (18/12/2025) di Ruang Rapat Lantai 3. Rombongan dipimpin Pranata Humas Ahli Muda Bidang IKP, "
    "Rina Kartika, dan diterima Kepala DKISP Kaltara, H. Budi Santoso, S.Sos. Kunjungan ini menindaklanjuti "
    "bimtek PPID di Tanjung Selor dan membahas PPID serta SPBE. Provinsi Kaltara meraih predikat Informatif "
    "pada Anugerah Keterbukaan Informasi Publik 2025, peringkat 12 dari 21, serta nilai Indeks SPBE 3,79."
)

KALTIM = Region("64", "Kalimantan Timur", "provinsi")
BERAU = Region("64.03", "Kabupaten Berau", "kabupaten", parent=KALTIM)
KALTARA = Region("65", "Kalimantan Utara", "provinsi")
BULUNGAN = Region("65.01", "Kabupaten Bulungan", "kabupaten", parent=KALTARA)
TANJUNG_SELOR = Region("65.01.05", "Tanjung Selor", "kecamatan", parent=BULUNGAN)


def span(text: str, phrase: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of `phrase` in `text` (fails loudly if the test text changed)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase))


def kominfo_berau(text: str, surface: str = "Dinas Komunikasi dan Informatika Kabupaten Berau",
                  nth: int = 0) -> Agency:
    return Agency(key="diskominfo:64.03", name="Dinas Komunikasi dan Informatika Kabupaten Berau",
                  surface=surface, span=span(text, surface, nth), type_id="diskominfo", region=BERAU,
                  short_name="Diskominfo Berau")


def dkisp_kaltara(text: str, nth: int = 0) -> Agency:
    return Agency(key="diskominfo:65",
                  name="Dinas Komunikasi, Informatika, Statistik, dan Persandian Provinsi Kalimantan Utara",
                  surface="DKISP Kaltara", span=span(text, "DKISP Kaltara", nth), type_id="diskominfo",
                  region=KALTARA, short_name="DKISP Kaltara")


def build_extraction(article_id: str = "004_test", text: str = TEXT,
                     published: date | None = date(2025, 12, 19)) -> Extraction:
    """An extraction with one visit (two participants, a follow-up event), two awards and two topics."""
    article = Article(id=article_id, text=text, source=f"{article_id}.txt", url="https://example.org/berita/1",
                      title="Diskominfo Berau studi tiru ke DKISP Kaltara", published=published,
                      publisher="Contoh News", byline="Redaksi")
    berau, kaltara = kominfo_berau(text), dkisp_kaltara(text)
    pemprov = Agency(key="pemda:65", name="Pemerintah Provinsi Kalimantan Utara", surface="Provinsi Kaltara",
                     span=span(text, "Provinsi Kaltara"), type_id="pemda", region=KALTARA,
                     short_name="Pemprov Kaltara")
    award_span = span(text, "Anugerah Keterbukaan Informasi Publik 2025")
    komisi = Agency(key="komisi-informasi", name="Komisi Informasi Pusat", surface="Anugerah Keterbukaan",
                    span=award_span, type_id="komisi-informasi", short_name="KI Pusat")
    rina = Post(official=Official("Rina Kartika", span(text, "Rina Kartika")),
                role_id="pranata-humas-ahli-muda", role_label="Pranata Humas Ahli Muda",
                title="Pranata Humas Ahli Muda Bidang IKP", agency=berau,
                span=span(text, "Pranata Humas Ahli Muda Bidang IKP, Rina Kartika"), confidence=0.8,
                rule="post:title-comma-name")
    budi = Post(official=Official("Budi Santoso", span(text, "Budi Santoso"), honorifics=("H.",),
                                  degrees=("S.Sos.",)),
                role_id="kepala", role_label="Kepala", title="Kepala DKISP Kaltara",
                agency=dkisp_kaltara(text, 1),
                span=span(text, "Kepala DKISP Kaltara, H. Budi Santoso, S.Sos."), confidence=0.9,
                rule="post:title-agency-name")
    visit = Visit(
        visitors=(berau,), host=kaltara, kind="studi-tiru",
        span=span(text, "Informatika Kabupaten Berau melakukan studi tiru ke DKISP Kaltara"),
        confidence=0.9, rule="visit:trigger-ke", date=date(2025, 12, 18), date_span=span(text, "18/12/2025"),
        place=Place(region=KALTARA, venue="Ruang Rapat Lantai 3", span=span(text, "Ruang Rapat Lantai 3")),
        participants=(Participation(rina, "leader"), Participation(budi, "receiver")),
        topics=(TopicMention("ppid", span(text, "PPID", 1), "PPID"),
                TopicMention("spbe", span(text, "SPBE"), "SPBE")),
        related=(RelatedEvent("bimtek PPID", "follow-up-of", span(text, "bimtek PPID di Tanjung Selor"),
                              place=TANJUNG_SELOR),),
    )
    akip = Award(name="Anugerah Keterbukaan Informasi Publik", recipient=pemprov, span=award_span,
                 confidence=0.85, rule="award:predikat", awarder=komisi, year=2025, predicate="Informatif",
                 rank=12, out_of=21)
    spbe = Award(name="Indeks SPBE", recipient=pemprov, span=span(text, "Indeks SPBE 3,79"), confidence=0.8,
                 rule="award:index-score", score=Decimal("3.79"))
    return Extraction(
        article=article,
        agencies=(berau, kaltara, dkisp_kaltara(text, 1), pemprov),
        posts=(rina, budi),
        visits=(visit,),
        awards=(akip, spbe),
        topics=(TopicMention("ppid", span(text, "PPID"), "PPID"),
                TopicMention("spbe", span(text, "SPBE"), "SPBE")),
    )


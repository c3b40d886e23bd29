"""A skos:hiddenLabel ("aplikasi") names its topic only where the article names the topic at least twice:
one passing "melalui aplikasi" is not what a visit was about."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extractor_texts import extract_text

from kg.knowledge import load_knowledge
from kg.knowledge.topics import load_topics

_OPENING = ("Diskominfo Kabupaten Sumedang melakukan studi banding ke Diskominfo Kota Cimahi, Senin "
            "(4/3/2024). ")


def _topics(text: str) -> set[str]:
    extraction = extract_text(_OPENING + text, date(2024, 3, 5))
    return {t.topic_id for t in extraction.topics}


def test_a_hidden_label_said_once_names_no_topic() -> None:
    once = _topics("Laporan warga masuk melalui aplikasi dan diteruskan ke perangkat daerah.")
    assert "aplikasi" not in once


def test_a_hidden_label_said_twice_names_its_topic() -> None:
    got = _topics("Rombongan belajar cara Cimahi memetakan aplikasi milik perangkat daerah. Setiap aplikasi "
                  "baru kini wajib didaftarkan lebih dulu.")
    assert "aplikasi" in got


def test_a_hidden_label_beside_another_label_of_the_topic_counts() -> None:
    got = _topics("Pembahasan meliputi pengembangan aplikasi dan aplikasi yang sudah berjalan.")
    assert "aplikasi" in got


def test_hidden_labels_are_read_from_the_scheme(tmp_path: Path) -> None:
    """Adding a hidden label is a data edit: the loader reads it and the matcher finds it."""
    lexicon = Path(load_knowledge().lexicon_dir)
    scheme = (lexicon.parent.parent / "ontology" / "topics.ttl").read_text(encoding="utf-8")
    edited = scheme.replace('skos:hiddenLabel "aplikasi" ;', 'skos:hiddenLabel "aplikasi" , "apps" ;')
    assert edited != scheme
    (tmp_path / "topics.ttl").write_text(edited, encoding="utf-8")
    topics = load_topics(tmp_path / "topics.ttl")
    assert topics["aplikasi"].hidden_labels == ("aplikasi", "apps")
    knowledge = load_knowledge(lexicon, tmp_path / "topics.ttl")
    hits = [h for h in knowledge.find("Dua apps baru dan apps lama") if h.entry.kind == "topic"]
    assert [h.entry.value for h in hits] == ["aplikasi", "aplikasi"]

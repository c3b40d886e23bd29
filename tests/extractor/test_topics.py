"""Topics: one per concept, first mention as evidence, unit names and rooms left out."""

from __future__ import annotations

from kg.events.topics import article_topics, topic_mentions


def topics(build, events, text: str) -> list[str]:
    return [t.topic_id for t in article_topics(topic_mentions(build(text, {}), events))]


def test_one_mention_per_topic_in_order(build, events) -> None:
    text = "Diskusi membahas PPID, lalu SPBE, lalu PPID lagi dan Satu Data Indonesia. PPID jadi fokus."
    view = build(text, {})
    found = article_topics(topic_mentions(view, events))
    assert [t.topic_id for t in found] == ["ppid", "spbe", "satu-data"]
    first = found[0]
    assert text[first.span.start : first.span.end] == first.text == "PPID"
    assert first.span.start == text.index("PPID")


def test_unit_names_in_titles_are_not_topics(build, events) -> None:
    text = (
        "Kepala Bidang IKP dan Kehumasan, Rina, hadir. Kabid Persandian juga hadir. "
        "Pembahasan berfokus pada keterbukaan informasi."
    )
    assert topics(build, events, text) == ["keterbukaan-informasi"]


def test_a_room_is_not_a_topic(build, events) -> None:
    text = "Rombongan diterima di Ruang Command Center, Lantai 5 Gedung Dinas. Mereka membahas SPBE."
    assert topics(build, events, text) == ["spbe"]


def test_topic_after_a_unit_with_a_long_name_is_kept(build, events) -> None:
    text = "Diskusi menyentuh tugas Bidang IKP dan Pejabat Pengelola Informasi dan Dokumentasi (PPID) daerah."
    assert topics(build, events, text) == ["ppid"]


def test_no_topics_in_an_unrelated_text(build, events) -> None:
    assert topics(build, events, "Cuaca cerah sepanjang hari di pesisir.") == []


def test_a_unit_name_with_and_in_it_is_no_topic(build, events) -> None:
    text = (
        "Rombongan dipimpin Kepala Bidang Pengelolaan Informasi dan Saluran Komunikasi Publik, Rudi. "
        "Kabid Statistik dan Persandian, Agus, turut hadir. Mereka membahas Satu Data Indonesia."
    )
    assert topics(build, events, text) == ["satu-data"]

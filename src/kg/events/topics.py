"""Topics of an article: one TopicMention per SKOS concept, at its first mention.

The recogniser finds every label of the topic scheme; an article that says "PPID" five times is
about PPID once, so the article's topics keep the first mention of each concept as evidence. A label
used as the name of something else is not a topic: a unit in a post title ("Kepala Bidang IKP dan
Kehumasan"), a room ("di Ruang Command Center") or an award ("Indeks SPBE").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.events.cues import visit_cues
from kg.events.places import find_venue
from kg.events.view import ArticleView, EventKnowledge
from kg.knowledge.matcher import lower
from kg.knowledge.topics import HIDDEN_LABEL
from kg.types import Mention, Span, TopicMention

# Words that open the name of an organisational unit; a topic label right after one names the unit.
_UNIT = re.compile(
    r"(?<![\w-])(?i:bidang|kabid|seksi|kasi|sub\s*bagian|subbag|bagian|sub\s*substansi|"
    r"substansi|sub\s*koordinator|subkoordinator|upt|upt?d)\s+(?:[A-Z][\w-]*\s+(?:(?:dan|&)\s+(?=[A-Z]))?){0,4}"
    r"(?P<joined>(?:dan|&)\s+)?$"
)
_AND = re.compile(r"\s*(?:dan|&|,|\()\s*", re.IGNORECASE)
# Text every match of _UNIT holds, lower-cased ("sub bagian" holds "bagian", "uptd" holds "up"): most
# topic mentions have none of it before them, and this scan is much cheaper than _UNIT's.
_UNIT_HINT = re.compile(r"bidang|kabid|seksi|kasi|bagian|subbag|substansi|koordinator|up")


def _unit_before(before: str) -> re.Match[str] | None:
    """`_UNIT.search(before)`, skipped when the text cannot hold a unit word (for ASCII text, where
    lower-casing mirrors matching ignoring case exactly)."""
    if before.isascii() and _UNIT_HINT.search(lower(before)) is None:
        return None
    return _UNIT.search(before)


def _venues(view: ArticleView, knowledge: EventKnowledge, sentences: set[int]) -> list[Span]:
    """Venues written in the given sentences."""
    cues = visit_cues(knowledge.triggers)
    venues = []
    for index in sorted(sentences):
        span = view.sentence(index)
        for match in cues.venue_start.finditer(view.low, span.start, span.end):
            names = [a.span for a in view.agencies_in(span.start, span.end)]
            venue = find_venue(view.low, match.start(), span.end, cues, names)
            if venue:
                venues.append(venue)
    return venues


@dataclass(frozen=True)
class TopicReading:
    """Topic mentions of an article: all of them, and those that say what was discussed (not an award's
    name: "Indeks SPBE" makes the article about SPBE, not the visit)."""

    all: tuple[TopicMention, ...]
    discussed: tuple[TopicMention, ...]


def read_topics(view: ArticleView, knowledge: EventKnowledge | None = None) -> TopicReading:
    """Topic mentions in text order, names of units and rooms left out."""
    mentions = view.mentions_of("topic")
    if not mentions:
        return TopicReading((), ())
    sentences = {view.sentences.index_of(m.span.start) for m in mentions}
    venues = _venues(view, knowledge, sentences) if knowledge is not None else []
    awards = [m.span for m in view.mentions_of("award")]
    every: list[TopicMention] = []
    discussed: list[TopicMention] = []
    previous_unit_end = -1
    for mention in mentions:
        start = mention.span.start
        if any(v.start <= start < v.end for v in venues):
            continue  # a room's name ("di Ruang Command Center")
        before = view.text[max(0, start - 60) : start]
        chained = (
            previous_unit_end >= 0
            and len(mention.text.split()) == 1
            and _AND.fullmatch(view.text[previous_unit_end:start]) is not None
        )
        unit = _unit_before(before)
        if unit and unit.group("joined") and len(mention.text.split()) > 1:
            unit = None  # "Bidang IKP dan Pejabat Pengelola Informasi …": a name of its own follows the unit
        if unit or chained:
            previous_unit_end = mention.span.end
            continue
        previous_unit_end = -1
        topic = TopicMention(topic_id=mention.value, span=mention.span, text=mention.text)
        every.append(topic)
        if not any(a.start < mention.span.end and start < a.end for a in awards):
            discussed.append(topic)
    if any(m.rule.endswith(HIDDEN_LABEL) for m in mentions):
        every, discussed = _recurring(every, mentions), _recurring(discussed, mentions)
    return TopicReading(tuple(every), tuple(discussed))


def _recurring(topics: list[TopicMention], mentions: list[Mention]) -> list[TopicMention]:
    """Mentions by a hidden label ("aplikasi") kept only for a topic the article names at least twice."""
    hidden = {m.span.start for m in mentions if m.rule.endswith(HIDDEN_LABEL)}
    counts: dict[str, int] = {}
    for topic in topics:
        counts[topic.topic_id] = counts.get(topic.topic_id, 0) + 1
    return [t for t in topics if t.span.start not in hidden or counts[t.topic_id] >= 2]


def topic_mentions(
    view: ArticleView, knowledge: EventKnowledge | None = None, *, in_awards: bool = True
) -> tuple[TopicMention, ...]:
    """Every topic mention in text order that names a topic; `in_awards=False` leaves award names out."""
    reading = read_topics(view, knowledge)
    return reading.all if in_awards else reading.discussed


def article_topics(mentions: tuple[TopicMention, ...]) -> tuple[TopicMention, ...]:
    """The first mention of each topic, in order of first mention."""
    first: dict[str, TopicMention] = {}
    for mention in mentions:
        first.setdefault(mention.topic_id, mention)
    return tuple(first.values())

"""Topics of an article: one TopicMention per SKOS concept, at its first mention.

The recogniser finds every label of the topic scheme; an article that says "PPID" five times is
about PPID once, so the article's topics keep the first mention of each concept as evidence. A label
used as the name of something else is not a topic: a unit in a post title ("Kepala Bidang IKP dan
Kehumasan"), a room ("di Ruang Command Center") or an award ("Indeks SPBE").
"""

from __future__ import annotations

import re

from kg.events.cues import visit_cues
from kg.events.places import find_venue
from kg.events.view import ArticleView, EventKnowledge
from kg.types import Span, TopicMention

# Words that open the name of an organisational unit; a topic label right after one names the unit.
_UNIT = re.compile(r"(?<![\w-])(?i:bidang|kabid|seksi|kasi|sub\s*bagian|subbag|bagian|sub\s*substansi|"
                   r"substansi|sub\s*koordinator|subkoordinator|upt|upt?d)\s+(?:[A-Z][\w-]*\s+){0,3}$")
_AND = re.compile(r"\s*(?:dan|&|,|\()\s*", re.IGNORECASE)


def _venues(view: ArticleView, knowledge: EventKnowledge) -> list[Span]:
    cues = visit_cues(knowledge.triggers)
    venues = []
    for match in cues.venue_start.finditer(view.text):
        span = view.sentence(view.sentences.index_of(match.start()))
        venue = find_venue(view.text, match.start(), span.end, cues)
        if venue:
            venues.append(venue)
    return venues


def topic_mentions(view: ArticleView, knowledge: EventKnowledge | None = None, *,
                   in_awards: bool = True) -> tuple[TopicMention, ...]:
    """Every topic mention in text order that names a topic (a visit takes the ones near it).

    An award's name ("Indeks SPBE") says what the article is about, but not what a visit discussed:
    `in_awards=False` leaves those mentions out."""
    venues = _venues(view, knowledge) if knowledge is not None else []
    out: list[TopicMention] = []
    previous_unit_end = -1
    awards = [m.span for m in view.mentions_of("award")]
    for mention in view.mentions_of("topic"):
        start = mention.span.start
        if any(v.start <= start < v.end for v in venues) or (not in_awards and any(
                a.start < mention.span.end and start < a.end for a in awards)):
            continue  # a room's or an award's name, not what was discussed
        before = view.text[max(0, start - 40) : start]
        chained = (previous_unit_end >= 0 and len(mention.text.split()) == 1
                   and _AND.fullmatch(view.text[previous_unit_end:start]) is not None)
        if _UNIT.search(before) or chained:
            previous_unit_end = mention.span.end
            continue
        previous_unit_end = -1
        out.append(TopicMention(topic_id=mention.value, span=mention.span, text=mention.text))
    return tuple(out)


def article_topics(mentions: tuple[TopicMention, ...]) -> tuple[TopicMention, ...]:
    """The first mention of each topic, in order of first mention."""
    first: dict[str, TopicMention] = {}
    for mention in mentions:
        first.setdefault(mention.topic_id, mention)
    return tuple(first.values())

"""The trigger lexicon's phrase lists compiled into regexes, once per lexicon.

The event stage only runs these inside sentences that already hold a trigger or award hit, so a few
alternations per sentence stay cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.knowledge.triggers import TriggerLexicon


def phrase_pattern(phrases: tuple[str, ...] | list[str], *, words: bool = True) -> re.Pattern[str]:
    """One case-insensitive alternation of whole-word phrases, longest first, spaces flexible."""
    parts = [re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True)]
    body = "|".join(parts) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])" if words else f"(?:{body})", re.IGNORECASE)


@dataclass(frozen=True)
class VisitCues:
    """Compiled phrase lists of visit_triggers.yaml."""

    direction: re.Pattern[str]  # every direction phrase at once; `roles` says which list each is from
    roles: dict[str, str]
    visitor_first: re.Pattern[str]
    host_first: re.Pattern[str]
    received_by: re.Pattern[str]
    destination: re.Pattern[str]
    source: re.Pattern[str]
    visitor_marker: re.Pattern[str]
    with_subregions: re.Pattern[str]
    anaphora: re.Pattern[str]
    leader: re.Pattern[str]
    planned: re.Pattern[str]
    not_visit: re.Pattern[str]
    follow_up: re.Pattern[str]
    event_words: re.Pattern[str]
    venue_start: re.Pattern[str]
    continuation: re.Pattern[str]
    venue_stop: re.Pattern[str]


@lru_cache(maxsize=4)
def visit_cues(lexicon: TriggerLexicon) -> VisitCues:
    """Compile the lexicon's lists (cached per lexicon object)."""
    d = lexicon.direction
    venue = phrase_pattern(lexicon.venue_words).pattern
    roles: dict[str, str] = {}
    for role, phrases in (
        ("received_by", d.received_by),
        ("visitor_first", d.visitor_first),
        ("host_first", d.host_first),
    ):  # later lists win a phrase listed twice
        roles.update({" ".join(p.casefold().split()): role for p in phrases})
    return VisitCues(
        direction=phrase_pattern(tuple(roles)),
        roles=roles,
        visitor_first=phrase_pattern(d.visitor_first),
        host_first=phrase_pattern(d.host_first),
        received_by=phrase_pattern(d.received_by),
        destination=phrase_pattern(d.destination_after_trigger),
        source=phrase_pattern(d.source_after_trigger),
        visitor_marker=phrase_pattern(d.visitor_marker),
        with_subregions=phrase_pattern(d.with_subregions, words=False),
        anaphora=phrase_pattern(d.anaphora),
        leader=phrase_pattern(d.leader),
        planned=phrase_pattern(lexicon.planned),
        not_visit=phrase_pattern(lexicon.not_visit),
        follow_up=phrase_pattern(lexicon.follow_up_cues),
        event_words=phrase_pattern(lexicon.event_words),
        venue_start=re.compile(rf"(?<![\w-])di\s+(?={venue})", re.IGNORECASE),
        continuation=re.compile(rf"\s*{phrase_pattern(lexicon.continuation_words).pattern}", re.IGNORECASE),
        venue_stop=phrase_pattern(lexicon.venue_stops),
    )

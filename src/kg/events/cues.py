"""The trigger lexicon's phrase lists compiled into regexes, once per lexicon.

The event stage only runs these inside sentences that already hold a trigger or award hit, so a few
alternations per sentence stay cheap. They are compiled for lower-cased text (`ArticleView.low`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.knowledge.matcher import lower
from kg.knowledge.triggers import TriggerLexicon


def phrase_pattern(
    phrases: tuple[str, ...] | list[str], *, words: bool = True, folded: bool = False
) -> re.Pattern[str]:
    """One alternation of whole-word phrases, longest first, spaces flexible. Case-insensitive, or,
    with `folded`, for lower-cased text (`ArticleView.low`), which scans about three times faster.
    Cached per phrase list: the event modules ask for the same lexicon lists article after article."""
    return _phrase_pattern(tuple(phrases), words, folded)


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: tuple[str, ...], words: bool, folded: bool) -> re.Pattern[str]:
    unique = {lower(p) for p in phrases} if folded else set(phrases)
    if folded and unique and all(p[:1].isalnum() for p in unique):
        return re.compile(_by_first_letter(unique, words))
    parts = [re.escape(p).replace(r"\ ", r"\s+") for p in sorted(unique, key=len, reverse=True)]
    body = "|".join(parts) or r"(?!x)x"
    pattern = rf"(?<![\w-])(?:{body})(?![\w-])" if words else f"(?:{body})"
    firsts = {p[0] for p in unique if p}
    if not folded:
        firsts = {c for f in firsts for c in (lower(f), f.upper())}
    if 0 < len(firsts) <= 5 and all(c.isalpha() for c in firsts):
        # a look-ahead on the few first letters lets the scan skip most positions (about twice as fast)
        pattern = f"(?=[{''.join(sorted(firsts))}])" + pattern
    return re.compile(pattern) if folded else re.compile(pattern, re.IGNORECASE)


def _by_first_letter(phrases: set[str], words: bool) -> str:
    """The alternation of lower-case `phrases` grouped by first character: "(?:b(?:ersama|…)|d(?:…))".

    Every branch then opens with a plain character, so the regex engine jumps straight to the
    positions holding one of them and tries only the phrases that start there (instead of every phrase
    at every position). The word-start check follows the first character ("(?<![\\w-].)": no word
    character before it). Phrases keep their longest-first order within a group; phrases of different
    groups never match at the same position, so the matches are those of the plain alternation."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]).replace(r"\ ", r"\s+"))
    start = r"(?<![\w-].)" if words else ""
    body = "|".join(f"{re.escape(first)}{start}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return rf"(?:{body})(?![\w-])" if words else f"(?:{body})"


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
    delegation_words: frozenset[str]  # the anaphora phrases themselves, case folded
    leader: re.Pattern[str]
    leader_after: re.Pattern[str]
    planned: re.Pattern[str]
    not_visit: re.Pattern[str]
    follow_up: re.Pattern[str]
    event_words: re.Pattern[str]
    venue_start: re.Pattern[str]
    continuation: re.Pattern[str]
    venue_stop: re.Pattern[str]
    venue_before: re.Pattern[str]  # a venue word right before a name: "Gedung Pemko Batam" is a place
    # who made up a delegation (kg.events.delegation): every phrase at once, `delegation_roles` says which
    # list each is from ("composition", "joining", "companion")
    delegation: re.Pattern[str]
    delegation_roles: dict[str, str]
    delegation_pronouns: frozenset[str]  # "ketiganya adalah": the phrase names the delegation itself
    delegation_subject: re.Pattern[str]
    person_pronoun: re.Pattern[str]  # "Ia didampingi …" at the start of a sentence
    host_side: re.Pattern[str]
    named_visit: re.Pattern[str]  # the text calls it a visit ("kunjungan", "disambangi")
    several: re.Pattern[str]  # a sentence speaking of several visits ("dua rombongan")


@lru_cache(maxsize=4)
def visit_cues(lexicon: TriggerLexicon) -> VisitCues:
    """Compile the lexicon's lists (cached per lexicon object)."""
    d = lexicon.direction
    team = lexicon.delegation
    delegation_roles: dict[str, str] = {}
    for role, phrases in (
        ("composition", team.composition),
        ("joining", team.joining),
        ("companion", team.companion),
    ):
        delegation_roles.update({" ".join(p.casefold().split()): role for p in phrases})
    venue = phrase_pattern(lexicon.venue_words, folded=True).pattern
    roles: dict[str, str] = {}
    for role, phrases in (
        ("received_by", d.received_by),
        ("visitor_first", d.visitor_first),
        ("host_first", d.host_first),
    ):  # later lists win a phrase listed twice
        roles.update({" ".join(p.casefold().split()): role for p in phrases})
    return VisitCues(
        direction=phrase_pattern(tuple(roles), folded=True),
        roles=roles,
        visitor_first=phrase_pattern(d.visitor_first, folded=True),
        host_first=phrase_pattern(d.host_first, folded=True),
        received_by=phrase_pattern(d.received_by, folded=True),
        destination=phrase_pattern(d.destination_after_trigger, folded=True),
        source=phrase_pattern(d.source_after_trigger, folded=True),
        visitor_marker=phrase_pattern(d.visitor_marker, folded=True),
        with_subregions=phrase_pattern(d.with_subregions, words=False, folded=True),
        anaphora=phrase_pattern(d.anaphora, folded=True),
        delegation_words=frozenset(" ".join(p.casefold().split()) for p in d.anaphora),
        leader=phrase_pattern(d.leader, folded=True),
        # after the name, its degrees ("…, S.Sos., M.Si.,") and then the verb
        leader_after=re.compile(
            rf"[\s,]*(?:[^,]{{0,20}},\s*){{0,3}}{phrase_pattern(d.leader_after, folded=True).pattern}"
        ),
        planned=phrase_pattern(lexicon.planned, folded=True),
        not_visit=phrase_pattern(lexicon.not_visit, folded=True),
        follow_up=phrase_pattern(lexicon.follow_up_cues, folded=True),
        event_words=phrase_pattern(lexicon.event_words, folded=True),
        # opens with a plain "d" the engine jumps to; then no word character before it (see _by_first_letter)
        venue_start=re.compile(rf"d(?<![\w-].)i\s+(?={venue})"),
        continuation=re.compile(rf"\s*{phrase_pattern(lexicon.continuation_words, folded=True).pattern}"),
        venue_stop=phrase_pattern(lexicon.venue_stops, folded=True),
        venue_before=re.compile(rf"{venue}\s+$"),
        delegation=phrase_pattern(tuple(delegation_roles), folded=True),
        delegation_roles=delegation_roles,
        delegation_pronouns=frozenset(p.casefold() for p in team.composition_pronouns),
        delegation_subject=phrase_pattern(team.subjects, folded=True),
        person_pronoun=re.compile(rf"\W*{phrase_pattern(team.pronouns, folded=True).pattern}"),
        host_side=phrase_pattern(team.host_side, folded=True),
        named_visit=phrase_pattern(lexicon.named_visit_stems, words=False, folded=True),
        several=phrase_pattern(lexicon.several_words, folded=True),
    )

"""Visit triggers and direction phrases (data/lexicon/visit_triggers.yaml).

The words that say a visit happened, what kind of visit it was, and which side of the sentence the
visitors and the host stand on live in data, so the genre's many wordings are added without code.
Its loader reads YAML nodes with the readers of `kg.knowledge.datafile`, which keep line numbers, so
every error names the file and the line to fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kg.knowledge.datafile import as_list, as_mapping, as_text, as_texts, fail, required
from kg.knowledge.datafile import read_yaml_nodes as read_yaml
from kg.paths import LEXICON_DIR

TRIGGERS_FILE = LEXICON_DIR / "visit_triggers.yaml"


# ---- the visit trigger lexicon --------------------------------------------------------------------


@dataclass(frozen=True)
class Direction:
    """Phrases that place the visitors and the host around a trigger (see the YAML for each list)."""

    visitor_first: tuple[str, ...]
    destination_after_trigger: tuple[str, ...]
    source_after_trigger: tuple[str, ...]
    host_first: tuple[str, ...]
    received_by: tuple[str, ...]
    visitor_marker: tuple[str, ...]
    with_subregions: tuple[str, ...]
    anaphora: tuple[str, ...]
    leader: tuple[str, ...]
    leader_after: tuple[str, ...]


@dataclass(frozen=True)
class Delegation:
    """Phrases that tell who made up a delegation (see the YAML's `delegation` section)."""

    composition: tuple[str, ...]
    composition_pronouns: tuple[str, ...]
    joining: tuple[str, ...]
    companion: tuple[str, ...]
    subjects: tuple[str, ...]
    pronouns: tuple[str, ...]
    host_side: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class TriggerLexicon:
    """Everything visit_triggers.yaml says."""

    kinds: tuple[str, ...]  # in precedence order
    triggers: dict[str, str]  # phrase (casefolded) -> kind id
    direction: Direction
    planned: tuple[str, ...]
    not_visit: tuple[str, ...]
    follow_up_cues: tuple[str, ...]
    event_words: tuple[str, ...]
    venue_words: tuple[str, ...]
    continuation_words: tuple[str, ...]
    venue_stops: tuple[str, ...]
    delegation: Delegation
    named_visit_stems: tuple[str, ...]  # matched inside words: "kunjung" in "berkunjung"
    several_words: tuple[str, ...]

    def precedence(self, kind: str) -> int:
        """Lower is more specific: used to pick one kind for a visit described several ways."""
        return self.kinds.index(kind) if kind in self.kinds else len(self.kinds)


def load_triggers(path: Path = TRIGGERS_FILE) -> TriggerLexicon:
    """Read and check the trigger lexicon; a wrong entry raises DataFileError naming file and line."""
    root = read_yaml(path)
    top = as_mapping(path, root, "the file")
    kinds = as_texts(path, required(path, top, "kinds", root), "kinds")
    triggers: dict[str, str] = {}
    trig_node = required(path, top, "triggers", root)
    for kind, phrases in as_mapping(path, trig_node, "triggers").items():
        if kind not in kinds:
            raise fail(path, phrases, f"triggers: {kind!r} is not one of the kinds {list(kinds)}")
        for item in as_list(path, phrases, f"triggers of {kind}"):
            phrase = as_text(path, item, f"a trigger of {kind}").casefold()
            if phrase in triggers:
                raise fail(path, item, f"the trigger {phrase!r} is listed twice")
            triggers[phrase] = kind
    dir_node = required(path, top, "direction", root)
    dirs = as_mapping(path, dir_node, "direction")
    fields = Direction.__dataclass_fields__
    unknown = set(dirs) - set(fields)
    if unknown:
        raise fail(path, dir_node, f"direction: unknown lists {sorted(unknown)}; known: {sorted(fields)}")
    values = {}
    for name in fields:
        values[name] = as_texts(path, required(path, dirs, name, dir_node), f"direction.{name}")
    rel_node = required(path, top, "related_events", root)
    rel = as_mapping(path, rel_node, "related_events")
    places_node = required(path, top, "places", root)
    places = as_mapping(path, places_node, "places")
    words_node = required(path, top, "visit_words", root)
    words = as_mapping(path, words_node, "visit_words")
    return TriggerLexicon(
        delegation=_delegation(path, required(path, top, "delegation", root)),
        named_visit_stems=as_texts(
            path, required(path, words, "named_visit_stems", words_node), "named_visit_stems"
        ),
        several_words=as_texts(path, required(path, words, "several", words_node), "several"),
        kinds=kinds,
        triggers=triggers,
        direction=Direction(**values),
        planned=as_texts(path, required(path, top, "planned", root), "planned"),
        not_visit=as_texts(path, required(path, top, "not_visit", root), "not_visit"),
        follow_up_cues=as_texts(path, required(path, rel, "follow_up_cues", rel_node), "follow_up_cues"),
        event_words=as_texts(path, required(path, rel, "event_words", rel_node), "event_words"),
        venue_words=as_texts(path, required(path, places, "venue_words", places_node), "venue_words"),
        continuation_words=as_texts(
            path, required(path, places, "continuation_words", places_node), "continuation_words"
        ),
        venue_stops=as_texts(path, required(path, places, "venue_stops", places_node), "venue_stops"),
    )


def _delegation(path: Path, node: yaml.Node) -> Delegation:
    """The `delegation` section: every list present, and each pronoun opening a composition phrase."""
    lists = as_mapping(path, node, "delegation")
    fields = Delegation.__dataclass_fields__
    unknown = set(lists) - set(fields)
    if unknown:
        raise fail(path, node, f"delegation: unknown lists {sorted(unknown)}; known: {sorted(fields)}")
    values = {
        name: as_texts(path, required(path, lists, name, node), f"delegation.{name}") for name in fields
    }
    openings = {p.split()[0].casefold() for p in values["composition"]}
    for item, pronoun in zip(
        lists["composition_pronouns"].value, values["composition_pronouns"], strict=True
    ):
        if pronoun.casefold() not in openings:
            raise fail(
                path, item, f"delegation.composition_pronouns: no composition phrase starts with {pronoun!r}"
            )
    return Delegation(**values)


@lru_cache(maxsize=4)
def trigger_lexicon(path: Path = TRIGGERS_FILE) -> TriggerLexicon:
    """The trigger lexicon, read once per path."""
    return load_triggers(path)


def surface_forms(path: Path = TRIGGERS_FILE) -> Iterator[tuple[str, str]]:
    """(trigger phrase, visit kind id) pairs for the recogniser's automaton."""
    yield from trigger_lexicon(path).triggers.items()

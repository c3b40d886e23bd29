"""Visit triggers and direction phrases (data/lexicon/visit_triggers.yaml).

The words that say a visit happened, what kind of visit it was, and which side of the sentence the
visitors and the host stand on live in data, so the genre's many wordings are added without code.
This module also holds the small YAML-node readers the other event lexicon loaders share: they keep
line numbers, so every error names the file and the line to fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kg.errors import DataFileError
from kg.paths import LEXICON_DIR

TRIGGERS_FILE = LEXICON_DIR / "visit_triggers.yaml"


# ---- line-aware YAML reading, shared by the event lexicons ------------------------------------------


def read_yaml(path: Path) -> yaml.Node:
    """Parse a knowledge file into YAML nodes (which keep their line numbers)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read the file: {exc}", source=str(path)) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataFileError(f"not valid YAML: {getattr(exc, 'problem', exc)}", source=where) from exc
    if node is None:
        raise DataFileError("the file is empty", source=str(path))
    return node


def fail(path: Path, node: yaml.Node, message: str) -> DataFileError:
    """An error naming the file and the line of `node`."""
    return DataFileError(message, source=f"{path}:{node.start_mark.line + 1}")


def as_mapping(path: Path, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    """The children of a mapping node by key; scalar keys only."""
    if not isinstance(node, yaml.MappingNode):
        raise fail(path, node, f"{what} must be a mapping")
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise fail(path, key, f"{what}: keys must be plain words")
        if key.value in out:
            raise fail(path, key, f"{what}: duplicate key {key.value!r}")
        out[key.value] = value
    return out


def as_list(path: Path, node: yaml.Node, what: str) -> list[yaml.Node]:
    """The items of a sequence node."""
    if not isinstance(node, yaml.SequenceNode):
        raise fail(path, node, f"{what} must be a list")
    return list(node.value)


def as_text(path: Path, node: yaml.Node, what: str) -> str:
    """A non-empty scalar, as a stripped string."""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise fail(path, node, f"{what} must be a non-empty text")
    return str(node.value).strip()


def as_texts(path: Path, node: yaml.Node, what: str) -> tuple[str, ...]:
    """A list of non-empty scalars, without duplicates (case-insensitive)."""
    items: list[str] = []
    seen: set[str] = set()
    for item in as_list(path, node, what):
        text = as_text(path, item, f"an entry of {what}")
        if text.casefold() in seen:
            raise fail(path, item, f"{what}: {text!r} is listed twice")
        seen.add(text.casefold())
        items.append(text)
    return tuple(items)


def required(path: Path, mapping: dict[str, yaml.Node], key: str, parent: yaml.Node) -> yaml.Node:
    """A key that must be present."""
    if key not in mapping:
        raise fail(path, parent, f"missing the key {key!r}")
    return mapping[key]


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
    return TriggerLexicon(
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


@lru_cache(maxsize=4)
def trigger_lexicon(path: Path = TRIGGERS_FILE) -> TriggerLexicon:
    """The trigger lexicon, read once per path."""
    return load_triggers(path)


def surface_forms(path: Path = TRIGGERS_FILE) -> Iterator[tuple[str, str]]:
    """(trigger phrase, visit kind id) pairs for the recogniser's automaton."""
    yield from trigger_lexicon(path).triggers.items()

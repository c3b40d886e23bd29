"""Award and index names (data/lexicon/awards.yaml).

Agencies report the same award under many names ("Anugerah KIP", "KIP Award", "AKIP"); the lexicon
maps each wording to one canonical award with its usual awarder and the grades it gives, so the
awards stage can tell a predicate from a category without code per award.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from kg.errors import DataFileError
from kg.knowledge.datafile import as_list, as_mapping, as_text, as_texts, fail, required
from kg.knowledge.datafile import read_yaml_nodes as read_yaml
from kg.paths import LEXICON_DIR

AWARDS_FILE = LEXICON_DIR / "awards.yaml"

#: Mention values of generic award phrases (the name is the text's own words).
GENERIC_TITLE = "generic:title"
GENERIC_AWARD = "generic:award"
GENERIC_POSTFIX = "generic:postfix"


@dataclass(frozen=True)
class AwardEntry:
    """One known award or index."""

    id: str
    name: str
    awarder: str | None
    surface: tuple[str, ...]
    predicates: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class AwardLexicon:
    """Everything awards.yaml says."""

    awards: dict[str, AwardEntry]
    generic_title: tuple[str, ...]
    generic_award: tuple[str, ...]
    generic_postfix: tuple[str, ...]
    name_stops: tuple[str, ...]
    ordinals: dict[str, int]
    win_verbs: tuple[str, ...] = ()
    irrealis: tuple[str, ...] = ()  # a goal, hope, plan or condition: the award is not (yet) obtained
    realis: tuple[str, ...] = ()  # a result stated after all ("berhasil", "yang diraih")
    comparison: tuple[str, ...] = ()  # a figure quoted to compare with ("rata-rata nasional", "di bawah")
    host_cues: tuple[str, ...] = ()  # the body hosting the ceremony ("tuan rumah") receives nothing
    representing_roles: tuple[str, ...] = ()  # officials who receive an award for their agency
    # an index value's change from an earlier one: "naik dari 2,87 pada 2023 menjadi 3,12 pada 2024"
    change_words: tuple[str, ...] = ()  # "naik", "meningkat", "turun"
    change_to: tuple[str, ...] = ()  # what introduces the new value: "menjadi"

    @cached_property
    def _by_name(self) -> dict[str, AwardEntry]:
        return {entry.name.casefold(): entry for entry in self.awards.values()}

    def entry_named(self, name: str) -> AwardEntry | None:
        """The known award of this canonical name (case-insensitive), or None for a generic one."""
        return self._by_name.get(name.casefold())

    def grade_owner(self, word: str) -> AwardEntry | None:
        """The known award whose predicates or categories include `word` (case-insensitive)."""
        folded = " ".join(word.split()).casefold()
        for entry in self.awards.values():
            if any(g.casefold() == folded for g in (*entry.predicates, *entry.categories)):
                return entry
        return None


def _entry(path: Path, node, seen_surface: dict[str, str]) -> AwardEntry:  # noqa: ANN001 - yaml node
    fields = as_mapping(path, node, "an award")
    unknown = set(fields) - {"id", "name", "awarder", "surface", "predicates", "categories"}
    if unknown:
        raise fail(path, node, f"an award has unknown keys {sorted(unknown)}")
    award_id = as_text(path, required(path, fields, "id", node), "id")
    awarder = None
    if "awarder" in fields and fields["awarder"].value not in (None, "", "null"):
        awarder = as_text(path, fields["awarder"], "awarder")
    surface = as_texts(path, required(path, fields, "surface", node), f"surface of {award_id}")
    for item, text in zip(as_list(path, fields["surface"], "surface"), surface, strict=True):
        key = text.casefold()
        if key in seen_surface:
            raise fail(path, item, f"{text!r} is already a surface form of {seen_surface[key]}")
        seen_surface[key] = award_id
    return AwardEntry(
        id=award_id,
        name=as_text(path, required(path, fields, "name", node), "name"),
        awarder=awarder,
        surface=surface,
        predicates=as_texts(path, fields["predicates"], "predicates") if "predicates" in fields else (),
        categories=as_texts(path, fields["categories"], "categories") if "categories" in fields else (),
    )


def load_awards(path: Path = AWARDS_FILE) -> AwardLexicon:
    """Read and check the award lexicon; a wrong entry raises DataFileError naming file and line."""
    root = read_yaml(path)
    top = as_mapping(path, root, "the file")
    awards: dict[str, AwardEntry] = {}
    seen_surface: dict[str, str] = {}
    for node in as_list(path, required(path, top, "awards", root), "awards"):
        entry = _entry(path, node, seen_surface)
        if entry.id in awards or entry.id.startswith("generic:"):
            raise fail(path, node, f"the award id {entry.id!r} is used twice or reserved")
        awards[entry.id] = entry
    gen_node = required(path, top, "generic", root)
    generic = as_mapping(path, gen_node, "generic")
    title = as_texts(path, required(path, generic, "title", gen_node), "generic.title")
    award = as_texts(path, required(path, generic, "award", gen_node), "generic.award")
    postfix = as_texts(path, generic["postfix"], "generic.postfix") if "postfix" in generic else ()
    for phrase in (*title, *award, *postfix):
        if phrase.casefold() in seen_surface:
            raise DataFileError(
                f"the generic phrase {phrase!r} is also a surface form of {seen_surface[phrase.casefold()]}",
                source=str(path),
            )
    return AwardLexicon(
        awards=awards,
        generic_title=title,
        generic_award=award,
        generic_postfix=postfix,
        name_stops=as_texts(path, required(path, top, "name_stops", root), "name_stops"),
        ordinals=_ordinals(path, top["ordinals"]) if "ordinals" in top else {},
        win_verbs=as_texts(path, top["win_verbs"], "win_verbs") if "win_verbs" in top else (),
        **{
            key: as_texts(path, top[key], key) if key in top else ()
            for key in ("irrealis", "realis", "comparison", "host_cues", "representing_roles", "change_words",
                        "change_to")
        },
    )


def _ordinals(path: Path, node) -> dict[str, int]:  # noqa: ANN001 - yaml node
    out: dict[str, int] = {}
    for word, value in as_mapping(path, node, "ordinals").items():
        if not str(value.value).isdigit() or int(value.value) < 1:
            raise fail(path, value, f"ordinals: {word!r} must map to a whole number from 1")
        out[word.casefold()] = int(value.value)
    return out


@lru_cache(maxsize=4)
def award_lexicon(path: Path = AWARDS_FILE) -> AwardLexicon:
    """The award lexicon, read once per path."""
    return load_awards(path)


def surface_forms(path: Path = AWARDS_FILE) -> Iterator[tuple[str, str]]:
    """(surface text, value) pairs for the recogniser's automaton.

    The value is the award id for known awards, `generic:title` / `generic:award` / `generic:postfix`
    for the generic phrases whose name the awards stage reads from the text around them.
    """
    lexicon = award_lexicon(path)
    for entry in lexicon.awards.values():
        for text in entry.surface:
            yield text, entry.id
    for text in lexicon.generic_title:
        yield text, GENERIC_TITLE
    for text in lexicon.generic_award:
        yield text, GENERIC_AWARD
    for text in lexicon.generic_postfix:
        yield text, GENERIC_POSTFIX

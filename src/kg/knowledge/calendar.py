"""Calendar words (data/lexicon/calendar.yaml): month and weekday spellings, relative day words.

Indonesian outlets abbreviate months many ways ("Agt", "Agu", "Nop") and date events relative to
publication ("kemarin", "Senin lalu"); keeping the words as data lets the date parser grow by editing
a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.knowledge.datafile import as_list, as_mapping, as_text, as_texts, fail, required
from kg.knowledge.datafile import read_yaml_nodes as read_yaml
from kg.paths import LEXICON_DIR

CALENDAR_FILE = LEXICON_DIR / "calendar.yaml"


@dataclass(frozen=True, eq=False)
class Calendar:
    """Spellings (casefolded) mapped to numbers, and the relative and vague day words."""

    months: dict[str, int]  # "agt" -> 8
    weekdays: dict[str, int]  # "senin" -> 1 (ISO)
    ambiguous_weekdays: frozenset[str]
    relative: dict[str, int]  # "kemarin" -> -1 (days from the published date)
    vague: tuple[str, ...]


def _numbered(path: Path, node, what: str, low: int, high: int) -> dict[str, int]:  # noqa: ANN001
    out: dict[str, int] = {}
    for key, value in as_mapping(path, node, what).items():
        if not key.isdigit() or not low <= int(key) <= high:
            raise fail(path, value, f"{what}: {key!r} must be a number from {low} to {high}")
        for item, text in zip(as_list(path, value, what), as_texts(path, value, what), strict=True):
            if text.casefold() in out:
                raise fail(path, item, f"{what}: {text!r} is listed twice")
            out[text.casefold()] = int(key)
    if sorted(set(out.values())) != list(range(low, high + 1)):
        raise fail(path, node, f"{what}: every number from {low} to {high} needs a spelling")
    return out


def load_calendar(path: Path = CALENDAR_FILE) -> Calendar:
    """Read and check the calendar lexicon; a wrong entry raises DataFileError naming file and line."""
    root = read_yaml(path)
    top = as_mapping(path, root, "the file")
    weekdays = _numbered(path, required(path, top, "weekdays", root), "weekdays", 1, 7)
    ambiguous = (
        frozenset(t.casefold() for t in as_texts(path, top["ambiguous_weekdays"], "ambiguous_weekdays"))
        if "ambiguous_weekdays" in top
        else frozenset()
    )
    unknown = ambiguous - set(weekdays)
    if unknown:
        raise fail(path, top["ambiguous_weekdays"], f"ambiguous_weekdays: {sorted(unknown)} are not weekdays")
    relative: dict[str, int] = {}
    for item in as_list(path, required(path, top, "relative", root), "relative"):
        fields = as_mapping(path, item, "a relative word")
        text = as_text(path, required(path, fields, "text", item), "text").casefold()
        days_node = required(path, fields, "days", item)
        try:
            days = int(days_node.value)
        except (TypeError, ValueError):
            raise fail(path, days_node, "days must be a whole number") from None
        if days > 0:
            raise fail(path, days_node, "days must not be positive: a reported event lies in the past")
        relative[text] = days
    return Calendar(
        months=_numbered(path, required(path, top, "months", root), "months", 1, 12),
        weekdays=weekdays,
        ambiguous_weekdays=ambiguous,
        relative=relative,
        vague=as_texts(path, required(path, top, "vague", root), "vague"),
    )


@lru_cache(maxsize=4)
def calendar(path: Path = CALENDAR_FILE) -> Calendar:
    """The calendar lexicon, read once per path."""
    return load_calendar(path)


def surface_forms(path: Path = CALENDAR_FILE) -> Iterator[tuple[str, str]]:
    """(word, value) pairs: months as "month:<n>", weekdays as "weekday:<n>", relative words as
    "relative:<days>". The date parser itself uses anchored patterns; these let the automaton see
    date words too if it wants them."""
    cal = calendar(path)
    for text, number in cal.months.items():
        yield text, f"month:{number}"
    for text, number in cal.weekdays.items():
        yield text, f"weekday:{number}"
    for text, days in cal.relative.items():
        yield text, f"relative:{days}"

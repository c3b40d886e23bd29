"""Reading knowledge files so that every problem names the file and the line.

Lexicons are edited by hand, so a typo must point at the exact row. YAML mappings are loaded with their
line numbers attached (`load_yaml`), or kept as YAML nodes, which know their lines (`read_yaml_nodes` and
the `as_*` readers, used by the event lexicons); TSV rows come with theirs; loaders raise `DataFileError`
through `fail`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import DataFileError


def fail(path: Path, line: int | yaml.Node | None, message: str) -> DataFileError:
    """The error to raise for a bad knowledge row: 'file:line: message' (`line` may be the YAML node)."""
    if isinstance(line, yaml.Node):
        line = line.start_mark.line + 1
    where = f"{path}:{line}" if line else str(path)
    return DataFileError(message, source=where)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers on which line each mapping starts."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_text(path: Path) -> str:
    """The file's text, or a DataFileError saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail(path, None, "knowledge file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(path, None, f"cannot read knowledge file ({exc})") from None


def load_yaml(path: Path) -> dict[str, Any]:
    """A YAML document whose top level is a mapping; every mapping inside carries `__line__`."""
    try:
        data = yaml.load(read_text(path), Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise fail(path, line, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise fail(path, 1, "expected a mapping at the top of the file")
    return data


def read_yaml_nodes(path: Path) -> yaml.Node:
    """Parse a knowledge file into YAML nodes, which keep their line numbers for the `as_*` readers."""
    try:
        node = yaml.compose(read_text(path), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise fail(path, line, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if node is None:
        raise fail(path, None, "the file is empty")
    return node


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


def line_of(value: Any, default: int | None = None) -> int | None:
    """The line a loaded mapping started on."""
    return value.get("__line__", default) if isinstance(value, dict) else default


def string_list(path: Path, line: int | None, value: Any, what: str) -> list[str]:
    """A list of non-empty strings (a single string is accepted as a one-item list)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise fail(path, line, f"{what} must be a list of strings")
    items = [str(v).strip() for v in value]
    if any(not v for v in items):
        raise fail(path, line, f"{what} contains an empty string")
    return items


@dataclass(frozen=True)
class Row:
    """One data row of a TSV file with its line number."""

    line: int
    cells: tuple[str, ...]


def read_tsv(path: Path, columns: int, min_columns: int | None = None) -> Iterator[Row]:
    """Rows of a tab-separated file; '#' lines and blank lines are comments.

    The first non-comment row is the header and is skipped. A row with the wrong number of cells is an
    error naming the line, so a space typed instead of a tab is caught.
    """
    minimum = columns if min_columns is None else min_columns
    header_seen = False
    for number, raw in enumerate(read_text(path).splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = tuple(c.strip() for c in raw.split("\t"))
        if not header_seen:
            header_seen = True
            continue
        if not minimum <= len(cells) <= columns:
            raise fail(path, number, f"expected {columns} tab-separated columns, found {len(cells)}")
        if any(not c for c in cells[:minimum]):
            raise fail(path, number, "empty cell")
        yield Row(number, cells + ("",) * (columns - len(cells)))

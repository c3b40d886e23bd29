"""Agency types and their names: data/lexicon/agency_types.yaml and data/lexicon/agency_names.tsv.

An agency is identified by its type and the region it serves ("diskominfo:64"), whatever the local
name: the Diskominfo of Kalimantan Utara is called DKISP there, but it is still `diskominfo:65`. The
types file lists every way the press writes each type; the names file holds the canonical name of the
agencies whose own name differs from the type's template.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.knowledge.datafile import fail, line_of, load_yaml, read_tsv, string_list
from kg.knowledge.regions import RegionGazetteer
from kg.types import Region

SCOPES = ("regional", "national", "both")
BARE = ("context", "national", "none")  # what a mention with no region after it means
LEVELS = ("provinsi", "kabupaten", "kota")


@dataclass(frozen=True)
class AgencyForm:
    """One way of writing an agency type: "DKISP", "Pemkab" (which says the region is a kabupaten)."""

    surface: str
    type_id: str
    rule: str
    level: str | None = None  # the region level the form implies ("Pemprov" → provinsi)
    national: bool = False  # the form names the national body itself ("Komisi Informasi Pusat")
    bare: str = "context"


@dataclass(frozen=True)
class AgencyType:
    """A kind of agency, with the templates its canonical names are built from."""

    id: str
    label: str
    scope: str
    bare: str
    name: Mapping[str, str]  # level (or "national") -> template with {region} and {short}
    short: Mapping[str, str]


@dataclass(frozen=True)
class AgencyCatalogue:
    """Agency types, the surface forms naming them, and per-agency canonical name overrides."""

    types: Mapping[str, AgencyType]
    forms: tuple[AgencyForm, ...]
    overrides: Mapping[str, tuple[str, str]]  # key -> (canonical name, short name)
    unknown_heads: Mapping[str, int]  # head word → capitalised words needed after it without a region
    prefixes: tuple[tuple[str, str], ...] = ()  # (word prefix, type id): "Diskominfosantik" is diskominfo
    unresolved_bodies: tuple[str, ...] = ()  # untyped bodies with a fixed name: "BAKTI" → unresolved:bakti

    def names(self, type_id: str, region: Region | None, short_region: str | None) -> tuple[str, str]:
        """(canonical name, short name) of the agency of this type serving this region."""
        key = type_id if region is None else f"{type_id}:{region.code}"
        if key in self.overrides:
            return self.overrides[key]
        agency_type = self.types[type_id]
        level = "national" if region is None else region.level
        if region is None:
            values = {"region": "", "short": ""}
        else:
            full = f"Provinsi {region.name}" if region.level == "provinsi" else region.name
            values = {"region": full, "short": short_region or region.name}
        name = agency_type.name.get(level) or agency_type.name.get("default", agency_type.label)
        short = agency_type.short.get(level) or agency_type.short.get("default", name)
        return name.format(**values).strip(), short.format(**values).strip()


def slug(name: str) -> str:
    """A key-safe slug of a name, for `unresolved:<slug>` keys: "Dinas Pertanian X" → "dinas-pertanian-x"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "agency"


def _templates(path: Path, line: int | None, value: Any, what: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"default": value}
    if not isinstance(value, dict):
        raise fail(path, line, f"{what} must be a string or a mapping of level to string")
    out = {k: v for k, v in value.items() if k != "__line__"}
    for level, template in out.items():
        if level not in (*LEVELS, "national", "default") or not isinstance(template, str):
            raise fail(path, line, f"{what}: unknown level {level!r} (use {', '.join(LEVELS)}, national)")
        try:
            template.format(region="", short="")
        except (KeyError, IndexError, ValueError):
            raise fail(path, line, f"{what}: template {template!r} may use only {{region}} and {{short}}") \
                from None
    return out


def _forms(path: Path, entry: dict[str, Any], type_id: str, bare: str) -> list[AgencyForm]:
    forms = []
    line = line_of(entry)
    items = entry.get("forms")
    if not isinstance(items, list) or not items:
        raise fail(path, line, f"agency type {type_id!r} needs a non-empty list 'forms'")
    for item in items:
        if isinstance(item, str):
            forms.append(AgencyForm(item.strip(), type_id, f"{path.name}:{line}", bare=bare))
            continue
        item_line = line_of(item, line)
        if not isinstance(item, dict) or not isinstance(item.get("form"), str):
            raise fail(path, item_line, "a form is a string or a mapping with 'form'")
        unknown = set(item) - {"form", "level", "national", "bare", "__line__"}
        if unknown:
            raise fail(path, item_line, f"unknown keys {sorted(unknown)} in form {item['form']!r}")
        level = item.get("level")
        if level is not None and level not in LEVELS:
            raise fail(path, item_line, f"level must be one of {', '.join(LEVELS)}, not {level!r}")
        form_bare = item.get("bare", bare)
        if form_bare not in BARE:
            raise fail(path, item_line, f"bare must be one of {', '.join(BARE)}, not {form_bare!r}")
        forms.append(AgencyForm(item["form"].strip(), type_id, f"{path.name}:{item_line}", level,
                                bool(item.get("national", False)), form_bare))
    return forms


def load_agency_types(path: Path) -> tuple[dict[str, AgencyType], list[AgencyForm], dict[str, int],
                                           tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Agency types, their forms, the unknown-agency head words, the word prefixes and the untyped
    bodies (`unresolved_bodies`: names kept as unresolved agencies), checked."""
    data = load_yaml(path)
    entries = data.get("types")
    if not isinstance(entries, list) or not entries:
        raise fail(path, None, "expected a non-empty list 'types'")
    types: dict[str, AgencyType] = {}
    forms: list[AgencyForm] = []
    prefixes: list[tuple[str, str]] = []
    form_lines: dict[str, tuple[str, int | None]] = {}
    for entry in entries:
        line = line_of(entry)
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise fail(path, line, "each type needs an 'id'")
        type_id = entry["id"]
        if type_id in types:
            raise fail(path, line, f"duplicate agency type id {type_id!r}")
        if ":" in type_id or type_id != type_id.strip().lower() or " " in type_id:
            raise fail(path, line, f"type id {type_id!r} must be lower-case, without spaces or ':'")
        scope = entry.get("scope", "regional")
        if scope not in SCOPES:
            raise fail(path, line, f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
        bare = entry.get("bare", "national" if scope == "national" else "context")
        if bare not in BARE:
            raise fail(path, line, f"bare must be one of {', '.join(BARE)}, not {bare!r}")
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip():
            raise fail(path, line, f"agency type {type_id!r} needs a 'label'")
        types[type_id] = AgencyType(type_id, label, scope, bare,
                                    _templates(path, line, entry.get("name"), "name"),
                                    _templates(path, line, entry.get("short"), "short"))
        for form in _forms(path, entry, type_id, bare):
            key = " ".join(form.surface.casefold().split())
            owner = form_lines.get(key)
            if owner is not None and owner[0] != type_id:
                raise fail(path, line, f"form {form.surface!r} already belongs to type {owner[0]!r} "
                                       f"(line {owner[1]})")
            form_lines[key] = (type_id, line)
            forms.append(form)
        for prefix in string_list(path, line, entry.get("prefixes"), f"prefixes of {type_id!r}"):
            prefixes.append((prefix, type_id))
    bodies = tuple(string_list(path, None, data.get("unresolved_bodies"), "unresolved_bodies"))
    return types, forms, _unknown_heads(path, data.get("unknown_agency_heads")), tuple(prefixes), bodies


def _unknown_heads(path: Path, value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail(path, None, "unknown_agency_heads must map a head word to a number of words")
    heads = {}
    for head, count in value.items():
        if head == "__line__":
            continue
        if not isinstance(count, int) or count < 1:
            raise fail(path, line_of(value), f"unknown_agency_heads: {head!r} needs a whole number >= 1")
        heads[str(head)] = count
    return heads


def load_agency_names(path: Path, types: Mapping[str, AgencyType],
                      gazetteer: RegionGazetteer) -> dict[str, tuple[str, str]]:
    """Per-agency canonical name overrides, keyed by agency key; unknown types or regions are errors."""
    overrides: dict[str, tuple[str, str]] = {}
    lines: dict[str, int] = {}
    for row in read_tsv(path, columns=3):
        key, name, short = row.cells
        type_id, _, code = key.partition(":")
        if type_id not in types:
            raise fail(path, row.line, f"unknown agency type {type_id!r} in key {key!r}")
        if code and gazetteer.get(code) is None:
            raise fail(path, row.line, f"unknown Kemendagri region code {code!r} in key {key!r}")
        if not code and types[type_id].scope == "regional":
            raise fail(path, row.line, f"{type_id!r} is regional: the key needs a region code")
        if key in overrides:
            raise fail(path, row.line, f"duplicate key {key!r} (first on line {lines[key]})")
        overrides[key] = (name, short)
        lines[key] = row.line
    return overrides


def load_agencies(types_path: Path, names_path: Path, gazetteer: RegionGazetteer) -> AgencyCatalogue:
    """The agency catalogue: types, forms and name overrides, checked against the region gazetteer."""
    types, forms, heads, prefixes, bodies = load_agency_types(types_path)
    overrides = load_agency_names(names_path, types, gazetteer)
    return AgencyCatalogue(types, tuple(forms), overrides, heads, prefixes, bodies)

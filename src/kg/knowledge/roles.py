"""The role lexicon (data/lexicon/roles.yaml): posts officials hold and how the press writes them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.knowledge.datafile import fail, line_of, load_yaml, string_list


@dataclass(frozen=True)
class Role:
    """A post: its id, label, and the agency type (and region level) the post implies, if any."""

    id: str
    label: str
    agency_type: str | None = None  # "Bupati Berau" → pemda of Berau
    level: str | None = None


@dataclass(frozen=True)
class RoleForm:
    """A way of writing a role; `agency_type` is set for fused forms such as "Kadiskominfo"."""

    surface: str
    role_id: str
    rule: str
    agency_type: str | None = None


@dataclass(frozen=True)
class RoleLexicon:
    """Roles, their forms, phrases that only look like roles, and the words that continue a title."""

    roles: Mapping[str, Role]
    forms: tuple[RoleForm, ...]
    not_roles: tuple[str, ...]
    title_words: frozenset[str]  # lower-cased words that continue a title
    place_before: re.Pattern[str] | None = None  # "Rumah Jabatan" before "Bupati": a place, not a post
    unit_words: Mapping[str, str] = field(default_factory=dict)  # "komisi" → dprd: a unit only it has
    offices: Mapping[str, str] = field(default_factory=dict)  # "camat" → "Kecamatan": the head's own office
    list_roles: frozenset[str] = frozenset()  # role ids a list of names may share ("anggota X dan Y")
    # the `place_before` words lower-cased, when all are ASCII: a cheap test before the pattern's search
    place_ends: tuple[str, ...] = ()

    def is_place(self, text: str, role_start: int) -> bool:
        """Whether the role word at `role_start` is part of a place name ("Rumah Jabatan Bupati")."""
        if self.place_before is None:
            return False
        start = max(0, role_start - 40)
        if self.place_ends:
            window = text[start:role_start]
            # a match ends with a place word and spaces at `role_start`, or before a final line break
            # (`$`); in ASCII text lower case mirrors matching ignoring case, so no such ending, no match
            ends = [window, window[:-1]] if window.endswith("\n") else [window]
            if window.isascii() and not any(e.rstrip(" \t").lower().endswith(self.place_ends) for e in ends):
                return False
        return self.place_before.search(text, start, role_start) is not None


def load_roles(path: Path, agency_types: Mapping[str, object]) -> RoleLexicon:
    """Roles, checked: unique ids, known agency types, one role per form."""
    data = load_yaml(path)
    entries = data.get("roles")
    if not isinstance(entries, list) or not entries:
        raise fail(path, None, "expected a non-empty list 'roles'")
    roles: dict[str, Role] = {}
    forms: list[RoleForm] = []
    form_owner: dict[str, tuple[str, int | None]] = {}

    def add_form(surface: str, role_id: str, line: int | None, agency_type: str | None = None) -> None:
        """Register a form once; the same form under two roles is an error naming the first."""
        key = surface.casefold()
        if key in form_owner and form_owner[key][0] != role_id:
            owner, owner_line = form_owner[key]
            raise fail(path, line, f"form {surface!r} already belongs to role {owner!r} (line {owner_line})")
        if key in form_owner:
            return
        form_owner[key] = (role_id, line)
        forms.append(RoleForm(surface, role_id, f"{path.name}:{line}", agency_type))

    for entry in entries:
        line = line_of(entry)
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise fail(path, line, "each role needs an 'id'")
        role_id = entry["id"]
        if role_id in roles:
            raise fail(path, line, f"duplicate role id {role_id!r}")
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip():
            raise fail(path, line, f"role {role_id!r} needs a 'label'")
        agency = entry.get("agency")
        if agency is not None and agency not in agency_types:
            raise fail(path, line, f"role {role_id!r}: unknown agency type {agency!r}")
        level = entry.get("level")
        if level is not None and level not in ("provinsi", "kabupaten", "kota"):
            raise fail(path, line, f"role {role_id!r}: level must be provinsi, kabupaten or kota")
        roles[role_id] = Role(role_id, label, agency, level)
        surfaces = string_list(path, line, entry.get("forms"), f"forms of role {role_id!r}")
        if not surfaces:
            raise fail(path, line, f"role {role_id!r} needs at least one form")
        for surface in surfaces:
            add_form(surface, role_id, line)
        fused = entry.get("fused") or {}
        if not isinstance(fused, dict):
            raise fail(path, line, f"role {role_id!r}: 'fused' must map a form to an agency type")
        for surface, type_id in fused.items():
            if surface == "__line__":
                continue
            if type_id not in agency_types:
                raise fail(path, line_of(fused, line),
                           f"fused form {surface!r}: unknown agency type {type_id!r}")
            add_form(str(surface), role_id, line_of(fused, line), type_id)
    not_roles = tuple(string_list(path, None, data.get("not_roles"), "not_roles"))
    words = frozenset(w.casefold() for w in string_list(path, None, data.get("title_words"), "title_words"))
    places = string_list(path, None, data.get("not_titles_after"), "not_titles_after")
    pattern = None
    if places:
        alternatives = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w.])(?:{alternatives})[ \t]*$", re.IGNORECASE)
    units = data.get("unit_words") or {}
    if not isinstance(units, dict):
        raise fail(path, None, "unit_words must map a word to an agency type")
    unit_words: dict[str, str] = {}
    for word, type_id in units.items():
        if word == "__line__":
            continue
        if type_id not in agency_types:
            raise fail(path, line_of(units), f"unit_words: {word!r} names unknown agency type {type_id!r}")
        unit_words[str(word).casefold()] = type_id
    offices_data = data.get("offices") or {}
    if not isinstance(offices_data, dict):
        raise fail(path, None, "offices must map a role form to the word that names its office")
    offices: dict[str, str] = {}
    for form, office in offices_data.items():
        if form == "__line__":
            continue
        if str(form).casefold() not in form_owner or not isinstance(office, str):
            raise fail(path, line_of(offices_data), f"offices: {form!r} must be a role form mapped to a word")
        offices[str(form).casefold()] = office
    list_roles = frozenset(string_list(path, None, data.get("list_roles"), "list_roles"))
    unknown = sorted(list_roles - set(roles))
    if unknown:
        raise fail(path, None, f"list_roles: unknown role ids {unknown}")
    place_ends = tuple(p.lower() for p in places) if all(p.isascii() for p in places) else ()
    return RoleLexicon(roles, tuple(forms), not_roles, words, pattern, unit_words, offices, list_roles,
                       place_ends)

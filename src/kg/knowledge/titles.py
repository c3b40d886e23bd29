"""Honorifics and academic degrees (data/lexicon/person_titles.yaml), kept apart from officials' names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.knowledge.datafile import fail, load_yaml, string_list


@dataclass(frozen=True)
class PersonTitles:
    """Every written variant of each honorific and degree, mapped to its form in the lexicon."""

    honorifics: dict[str, str]  # variant as written → lexicon form ("H" → "H.")
    degrees: dict[str, str]
    address_forms: frozenset[str] = frozenset()  # "Ibu", "Bapak": skipped before a name, not kept
    particles: frozenset[str] = frozenset()  # "bin": lower-case words allowed inside a name
    not_names: frozenset[str] = frozenset()  # capitalised words that never start or continue a name
    name_openers: frozenset[str] = frozenset()  # "I", "Ni": open Balinese names, though roman numerals


def variants(form: str, dotless: bool = False) -> set[str]:
    """"S.Sos." is also written "S.Sos" and "S. Sos."; with `dotless` (degrees) also "SSos", "SE"."""
    out = {form, form.rstrip(".")}
    spaced = form.replace(". ", ".").replace(".", ". ").strip()
    out |= {spaced, spaced.rstrip(".").strip()}
    if dotless and "." in form.rstrip("."):
        out.add(form.replace(".", "").replace(" ", ""))
    return {v for v in out if v}


def load_titles(path: Path) -> PersonTitles:
    """Honorifics, degrees and the name-scanning word lists, with their written variants."""
    data = load_yaml(path)
    result: dict[str, dict[str, str]] = {}
    for key in ("honorifics", "degrees"):
        forms = string_list(path, None, data.get(key), key)
        if not forms:
            raise fail(path, None, f"expected a non-empty list {key!r}")
        table: dict[str, str] = {}
        for form in forms:
            for variant in variants(form, dotless=key == "degrees"):
                table.setdefault(variant, form)
        result[key] = table
    clash = set(result["honorifics"].values()) & set(result["degrees"].values())
    if clash:
        raise fail(path, None, f"listed both as honorific and degree: {sorted(clash)}")
    address = frozenset(string_list(path, None, data.get("address_forms"), "address_forms"))
    particles = frozenset(string_list(path, None, data.get("name_particles"), "name_particles"))
    not_names = frozenset(string_list(path, None, data.get("not_names"), "not_names"))
    openers = frozenset(string_list(path, None, data.get("name_openers"), "name_openers"))
    return PersonTitles(result["honorifics"], result["degrees"], address, particles, not_names, openers)

"""Honorifics and academic degrees (data/lexicon/person_titles.yaml), kept apart from officials' names."""

from __future__ import annotations

import re
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
    # what may stand between a title and its name ("yang baru dilantik,", "yakni"); matches empty text too
    title_to_name: re.Pattern[str] = re.compile(r"[ \t]*[,(]?[ \t]*")
    abbreviated_names: frozenset[str] = frozenset()  # "Moch.": a given name cut short, not a sentence end


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
    link = data.get("title_to_name") or {}
    if not isinstance(link, dict):
        raise fail(path, None, "'title_to_name' must be a mapping of appointed/covering/introducing lists")
    words = {key: string_list(path, None, link.get(key), f"title_to_name.{key}")
             for key in ("appointed", "covering", "introducing")}
    abbreviated = string_list(path, None, data.get("abbreviated_given_names"), "abbreviated_given_names")
    if any(not a.endswith(".") or not a[:-1].isalpha() for a in abbreviated):
        raise fail(path, None, "abbreviated_given_names: each entry is letters then a dot, like 'Moch.'")
    return PersonTitles(result["honorifics"], result["degrees"], address, particles, not_names, openers,
                        _title_to_name(**words), frozenset(abbreviated))


def _title_to_name(appointed: list[str], covering: list[str], introducing: list[str]) -> re.Pattern[str]:
    """The gap between a title and its name: a possessive before a comma, "yang (baru) <appointed>" or
    "yang <covering> <what the post covers>" (up to the comma), then a comma or bracket, then an
    introducing word."""
    def words(items: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in items) or r"(?!x)x"

    return re.compile(
        rf"[ \t]*(?:[a-z]+nya(?=[ \t]*,))?"
        rf"(?:yang[ \t]+(?:baru[ \t]+)?(?:{words(appointed)})[ \t]*"
        rf"|yang[ \t]+(?:{words(covering)})[ \t]+[^,.\n]{{1,60}}(?=,))?"
        rf"[,(]?[ \t]*(?:(?:{words(introducing)})[ \t]+)?"
    )

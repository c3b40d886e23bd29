"""Ambiguous region names read in the light of the article: "Banjar" is Kabupaten Banjar (Kalimantan
Selatan) or Kota Banjar (Jawa Barat); an article that also writes "Kabupaten Banjar" or "Banjarmasin"
means the first. The candidate the article names unambiguously elsewhere, else one in a province the
article's unambiguous regions lie in, is put first; a name the article gives no clue for is left as is.
"""

from __future__ import annotations

from dataclasses import replace

from kg.types import Mention


def _preferred(codes: list[str], named: set[str], provinces: set[str]) -> list[str]:
    exact = [c for c in codes if c in named]
    if len(exact) == 1:
        return [exact[0], *(c for c in codes if c != exact[0])]
    near = [c for c in codes if c.split(".")[0] in provinces]
    if len(near) == 1:
        return [near[0], *(c for c in codes if c != near[0])]
    return codes


def disambiguate_regions(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions with each ambiguous region's candidates reordered by the article's other regions."""
    regions = [m for m in mentions if m.kind == "region"]
    named = {m.value for m in regions if "|" not in m.value}
    if not named or all("|" not in m.value for m in regions):
        return mentions
    provinces = {code.split(".")[0] for code in named}
    out = []
    for mention in mentions:
        if mention.kind == "region" and "|" in mention.value:
            codes = _preferred(mention.value.split("|"), named, provinces)
            mention = replace(mention, value="|".join(codes))
        out.append(mention)
    return tuple(out)

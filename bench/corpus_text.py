"""Names, titles and dates as the press writes them, recording every agency name written.

`Page` is the writer's notebook for one article: each time it writes an agency it picks a spelling and
remembers it under the agency's key, so the gold's alias lists are exactly what the text contains.
"""

from __future__ import annotations

import random
from datetime import date

from corpus_facts import AgencyRef, Person, PostFact
from corpus_lexicon import agency_forms, topic_forms
from corpus_regions import RegionInfo
from corpus_tables import (
    BIDANG,
    DAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PEMDA_FORMS,
    REGIONAL_AGENCY_FORMS,
    TIMES_OF_DAY,
)

HEAD_WORDS = {"gubernur": "Gubernur", "bupati": "Bupati", "wali-kota": "Wali Kota"}
SEKSI = (
    "Kemitraan Media",
    "Layanan Informasi Publik",
    "Pengelolaan Opini Publik",
    "Tata Kelola E-Government",
)
SUBBAG = ("Umum dan Kepegawaian", "Perencanaan dan Keuangan", "Program")
DIREKTORAT = ("Tata Kelola", "Layanan Pemerintahan", "Informasi dan Komunikasi Pemerintahan", "Kebijakan")
CONTEXT_ROLES = {
    "kepala-bidang",
    "pranata-humas-ahli-muda",
    "pranata-humas-ahli-pertama",
    "kepala-seksi",
    "kepala-sub-bagian",
    "sekretaris",
}


def listing(items: list[str], rng: random.Random) -> str:
    """Indonesian list: "a", "a dan b", "a, b, dan c" (or "serta")."""
    if len(items) == 1:
        return items[0]
    conj = rng.choice(("dan", "dan", "serta"))
    comma = "," if len(items) > 2 and rng.random() < 0.6 else ""
    return f"{', '.join(items[:-1])}{comma} {conj} {items[-1]}"


def region_surface(rng: random.Random, region: RegionInfo) -> str:
    options = [region.full()]
    if region.level == "kabupaten":
        options.append(f"Kab. {region.bare}")
    if region.level == "provinsi" and region.abbreviations:
        options.append(f"Provinsi {region.bare} ({region.abbreviations[0]})")
    options.extend(region.short_forms())
    return rng.choice(options)


def region_short(rng: random.Random, region: RegionInfo) -> str:
    """A name without the level word when one is unambiguous, else the full name."""
    return rng.choice(region.short_forms() or (region.full(),))


def person_text(person: Person) -> str:
    """The name as printed: "Dr. H. Ahmad Fauzi, S.Sos., M.Si."."""
    text = " ".join([*person.honorifics, person.name])
    return f"{text}, {', '.join(person.degrees)}" if person.degrees else text


def date_phrase(rng: random.Random, when: date | None, form: str) -> str:
    """How the article dates a visit; "" when it does not (the gold date is then null)."""
    if when is None or form == "none":
        return ""
    day = DAYS[when.weekday()]
    dmy = rng.choice((f"{when.day}/{when.month}/{when.year}", f"{when.day:02d}/{when.month:02d}/{when.year}"))
    if form == "day-dmy":
        return rng.choice((f"pada {day} ({dmy})", f"{day} ({dmy})", f"pada hari {day} ({dmy})"))
    if form == "day-time-dmy":
        return f"pada {day} {rng.choice(TIMES_OF_DAY)}, ({dmy})"
    if form == "dm":
        return rng.choice((f"{day} ({when.day}/{when.month})", f"pada {day} ({when.day}/{when.month})"))
    if form == "long":
        return f"pada {when.day} {MONTHS[when.month - 1]} {when.year}"
    if form == "day-long":
        return f"pada {day}, {when.day} {MONTHS[when.month - 1]} {when.year}"
    if form == "abbr":
        return f"pada {when.day} {rng.choice(MONTH_ABBREVIATIONS[when.month - 1])} {when.year}"
    if form == "kemarin":
        return "kemarin"
    if form == "weekday-lalu":
        return f"pada {day} lalu"
    raise ValueError(f"unknown date form {form!r}")


class Page:
    """One article being written: its random source and the agency names it has used, per key."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.aliases: dict[str, list[str]] = {}

    def _remember(self, ref: AgencyRef, surface: str) -> str:
        names = self.aliases.setdefault(ref.key, [])
        if surface not in names:
            names.append(surface)
        return surface

    def agency(self, ref: AgencyRef) -> str:
        """Write an agency's name, choosing one of the spellings the press uses."""
        rng, region = self.rng, ref.region
        regional, national = agency_forms().get(ref.type_id, ((), ()))
        if region is None:
            return self._remember(ref, rng.choice(national))
        if ref.type_id == "pemda":
            form = rng.choice(PEMDA_FORMS[region.level])
            short = region.short_forms()
            if "{A}" in form and not short:
                form = PEMDA_FORMS[region.level][0]
            return self._remember(ref, form.format(N=region.bare, A=rng.choice(short) if short else ""))
        own = REGIONAL_AGENCY_FORMS.get(ref.type_id, ("", ()))[1]
        template = rng.choice(own if own and rng.random() < 0.6 else regional)
        return self._remember(ref, template.format(R=region_surface(rng, region)))

    def topics(self, topic_ids: tuple[str, ...]) -> str:
        forms = topic_forms()
        return listing([self.rng.choice(forms[t]) for t in topic_ids], self.rng)

    def title(self, post: PostFact, *, by_context: bool = False) -> str:
        """A post title, with the agency written after it unless the delegation makes it clear."""
        rng, role, ref = self.rng, post.role, post.agency
        region = ref.region
        if role in HEAD_WORDS or role.removeprefix("wakil-") in HEAD_WORDS:
            word = HEAD_WORDS[role.removeprefix("wakil-")]
            word = f"Wakil {word}" if role.startswith("wakil-") else word
            assert region is not None
            name = region_short(rng, region) if region.level == "provinsi" else region.bare
            return f"{word} {name}"
        if role == "sekda":
            assert region is not None
            return f"{rng.choice(('Sekda', 'Sekretaris Daerah'))} {region_surface(rng, region)}"
        if role == "asisten":
            assert region is not None
            setda = self._remember(ref, f"Setda {region_surface(rng, region)}")
            return f"Asisten {rng.choice(('I', 'II', 'III'))} {setda}"
        if role == "direktur":
            return f"Direktur {rng.choice(DIREKTORAT)} {self.agency(ref)}"
        if role == "kepala" and ref.type_id == "diskominfo" and region and rng.random() < 0.15:
            return f"Kadiskominfo {region_short(rng, region)}"
        agency = "" if by_context and role in CONTEXT_ROLES else " " + self.agency(ref)
        bidang, bidang_short = rng.choice(BIDANG)
        titles = {
            "kepala": ("Kepala",),
            "plt-kepala": ("Plt. Kepala", "Plt Kepala", "Pelaksana Tugas Kepala"),
            "sekretaris": ("Sekretaris",),
            "kepala-bidang": (f"Kepala {bidang}", f"Kabid {bidang_short}", f"Kepala Bidang {bidang_short}"),
            "kepala-seksi": (f"Kepala Seksi {rng.choice(SEKSI)}", f"Kasi {rng.choice(SEKSI)}"),
            "kepala-sub-bagian": (
                f"Kasubbag {rng.choice(SUBBAG)}",
                f"Kepala Sub Bagian {rng.choice(SUBBAG)}",
            ),
            "pranata-humas-ahli-muda": (
                "Pranata Humas Ahli Muda",
                f"Pranata Humas Ahli Muda Bidang {bidang_short}",
            ),
            "pranata-humas-ahli-pertama": ("Pranata Humas Ahli Pertama",),
            "ketua": ("Ketua",),
            "wakil-ketua": ("Wakil Ketua",),
            "anggota": ("Anggota", "Anggota Komisi I"),
        }
        return rng.choice(titles[role]) + agency

    def official(self, post: PostFact, *, by_context: bool = False) -> str:
        """Person and post in one of the apposition orders the genre uses."""
        title = self.title(post, by_context=by_context)
        person = person_text(post.person)
        style = self.rng.randrange(4)
        if style == 0:
            return f"{title}, {person}"
        if style == 1:
            return f"{person}, {title}"
        if style == 2:
            return f"{title} {person}"
        return f"{person} selaku {title}"

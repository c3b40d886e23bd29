"""The facts a generated article states, sampled before any sentence is written.

Sampling facts first and rendering text from them second is what makes the gold exact: the gold is the
story, not a reading of the text. `store_choice.py` reuses the stories alone (no text) to build graphs
with a realistic shape: hub hosts, delegations of a province with its kabupaten/kota, repeat visits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from corpus_regions import RegionInfo, region_table
from corpus_tables import (
    AKIP_PREDICATES,
    DEGREES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    HONORIFICS,
    IKIP_CATEGORIES,
    SPBE_PREDICATES,
    TOPIC_FORMS,
    TRIGGER_NOUNS,
)

FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2026, 10, 31)
STORY_KINDS = (
    "visit",
    "visit",
    "visit",
    "visit",
    "visit",
    "visit",
    "two-visits",
    "award",
    "workshop",
    "planned",
)
DINAS_TYPES = ("bappeda", "bpkad", "disdukcapil", "dpmptsp", "inspektorat", "dinkes", "dispar", "bpbd")
NATIONAL_HOSTS = ("kemkominfo", "komdigi", "kemenpan-rb", "kemendagri", "bssn", "komisi-informasi")
DATE_FORMS = (
    "day-dmy",
    "day-dmy",
    "day-time-dmy",
    "dm",
    "long",
    "day-long",
    "abbr",
    "kemarin",
    "weekday-lalu",
    "none",
)
AWARD_AKIP = "Anugerah Keterbukaan Informasi Publik"
AWARD_IKIP = "Indeks Keterbukaan Informasi Publik"
AWARD_SPBE = "Indeks SPBE"
AWARDERS = {AWARD_AKIP: "komisi-informasi", AWARD_IKIP: "komisi-informasi", AWARD_SPBE: "kemenpan-rb"}


@dataclass(frozen=True)
class AgencyRef:
    """An agency by key; `region` is None for national agencies."""

    type_id: str
    region: RegionInfo | None

    @property
    def key(self) -> str:
        return f"{self.type_id}:{self.region.code}" if self.region else self.type_id


@dataclass(frozen=True)
class Person:
    name: str  # without honorifics or degrees
    honorifics: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostFact:
    person: Person
    role: str
    agency: AgencyRef


@dataclass(frozen=True)
class VisitFact:
    visitors: tuple[AgencyRef, ...]
    host: AgencyRef
    kind: str
    trigger: str  # the noun phrase naming the visit ("studi tiru")
    date: date | None
    date_form: str
    kecamatan: tuple[str, str] | None  # (code, name) named in the venue
    topics: tuple[str, ...]
    leader: PostFact | None
    receiver: PostFact | None

    @property
    def place(self) -> str | None:
        if self.kecamatan:
            return self.kecamatan[0]
        return self.host.region.code if self.host.region else None


@dataclass(frozen=True)
class AwardFact:
    name: str
    recipient: AgencyRef
    year: int | None
    predicate: str | None = None
    category: str | None = None
    score: Decimal | None = None
    rank: int | None = None
    out_of: int | None = None

    @property
    def awarder(self) -> str:
        return AWARDERS[self.name]


@dataclass(frozen=True)
class Story:
    """Everything one article states. `other_posts` are officials met outside visits (speakers)."""

    kind: str
    published: date
    visits: tuple[VisitFact, ...] = ()
    awards: tuple[AwardFact, ...] = ()
    other_posts: tuple[PostFact, ...] = ()
    subject: AgencyRef | None = None  # the organiser (workshop), planner (planned) or award winner
    counterpart: AgencyRef | None = None  # the planned host, or a workshop's guest agency
    topics: tuple[str, ...] = ()

    @property
    def posts(self) -> tuple[PostFact, ...]:
        found = [p for v in self.visits for p in (v.leader, v.receiver) if p]
        return tuple(dict.fromkeys([*found, *self.other_posts]))


def story_rng(seed: int, index: int) -> random.Random:
    """One generator per article, so article i is the same whatever the corpus size."""
    return random.Random(f"kg-bench:{seed}:{index}")


def sample_person(rng: random.Random) -> Person:
    tokens = [rng.choice(GIVEN_NAMES)]
    if rng.random() < 0.2:
        tokens.append(rng.choice(GIVEN_NAMES))
    tokens.append(rng.choice(FAMILY_NAMES))
    name = " ".join(dict.fromkeys(tokens))
    honorifics: tuple[str, ...] = ()
    roll = rng.random()
    if roll < 0.05:
        honorifics = ("Dr.", rng.choice(("H.", "Hj.")))
    elif roll < 0.35:
        honorifics = (rng.choice(HONORIFICS),)
    degrees = tuple(dict.fromkeys(rng.sample(DEGREES, rng.choice((1, 1, 2))))) if rng.random() < 0.5 else ()
    return Person(name, honorifics, degrees)


def sample_region(rng: random.Random, *, popular: float = 0.0, province_share: float = 0.35) -> RegionInfo:
    table = region_table()
    if table.popular and rng.random() < popular:
        return rng.choice(table.popular)
    return rng.choice(table.provinces if rng.random() < province_share else table.districts)


def role_for(rng: random.Random, agency: AgencyRef, *, leading: bool) -> str:
    """A post plausible for someone leading (or receiving) a delegation of this agency."""
    t = agency.type_id
    if agency.region is None:
        return "direktur"
    if t == "dprd":
        return rng.choice(("ketua", "wakil-ketua", "anggota"))
    if t == "setda":
        return rng.choice(("sekda", "asisten"))
    if t == "komisi-informasi":
        return rng.choice(("ketua", "anggota"))
    if t == "pemda":
        level = agency.region.level
        head = {"provinsi": "gubernur", "kabupaten": "bupati", "kota": "wali-kota"}[level]
        return rng.choice((head, f"wakil-{head}"))
    pool = ["kepala", "kepala", "sekretaris", "kepala-bidang", "plt-kepala"]
    if t == "diskominfo":
        pool += ["kepala-bidang", "pranata-humas-ahli-muda", "pranata-humas-ahli-pertama", "kepala-seksi"]
    if leading:
        pool += ["kepala-bidang", "kepala-sub-bagian"]
    return rng.choice(pool)


def _visit_agencies(rng: random.Random) -> tuple[tuple[AgencyRef, ...], AgencyRef]:
    roll = rng.random()
    type_id = "diskominfo" if roll < 0.72 else rng.choice(DINAS_TYPES) if roll < 0.88 else "dprd"
    host_region = sample_region(rng, popular=0.45)
    visitor_region = sample_region(rng, popular=0.05)
    while visitor_region.code == host_region.code:
        visitor_region = sample_region(rng)
    visitor_type = type_id
    host_type = "diskominfo" if type_id == "dprd" and rng.random() < 0.5 else type_id
    if rng.random() < 0.08:
        host = AgencyRef(rng.choice(NATIONAL_HOSTS), None)
    else:
        host = AgencyRef(host_type, host_region)
    visitors = [AgencyRef(visitor_type, visitor_region)]
    if visitor_type == "diskominfo" and rng.random() < 0.2:
        province = region_table().by_code[visitor_region.province]
        kids = [
            k
            for k in region_table().children(province.code)
            if host.region is None or k.code != host.region.code
        ]
        chosen = rng.sample(kids, min(len(kids), rng.randint(1, 3)))
        visitors = [
            AgencyRef("diskominfo", r)
            for r in [province, *chosen]
            if host.region is None or r.code != host.region.code
        ]
        visitors = list(dict.fromkeys(visitors))
    return tuple(visitors), host


def _visit_date(rng: random.Random, published: date, form: str) -> date | None:
    if form == "none":
        return None
    if form == "kemarin":
        return published - timedelta(days=1)
    if form == "weekday-lalu":
        return published - timedelta(days=rng.randint(1, 6))
    return published - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5, 8)))


def sample_visit(
    rng: random.Random,
    published: date,
    *,
    date_form: str | None = None,
    agencies: tuple[tuple[AgencyRef, ...], AgencyRef] | None = None,
) -> VisitFact:
    visitors, host = agencies or _visit_agencies(rng)
    trigger, kind = rng.choice(TRIGGER_NOUNS)
    if host.region is not None and rng.random() < 0.2:
        trigger, kind = "", "kunjungan"  # told with a plain verb: menyambangi, bertandang, berkunjung
    if host.region is None and kind in ("studi-tiru", "studi-banding"):
        trigger, kind = rng.choice((("audiensi", "audiensi"), ("kunjungan kerja", "kunjungan-kerja")))
    form = date_form or rng.choice(DATE_FORMS)
    kecamatan = None
    if host.region and host.region.kecamatan and rng.random() < 0.2:
        kecamatan = rng.choice(host.region.kecamatan)
    leader = (
        PostFact(sample_person(rng), role_for(rng, visitors[0], leading=True), visitors[0])
        if rng.random() < 0.75
        else None
    )
    receiver = (
        PostFact(sample_person(rng), role_for(rng, host, leading=False), host) if rng.random() < 0.8 else None
    )
    topics = tuple(rng.sample(sorted(TOPIC_FORMS), rng.randint(1, 4)))
    return VisitFact(
        visitors,
        host,
        kind,
        trigger,
        _visit_date(rng, published, form),
        form,
        kecamatan,
        topics,
        leader,
        receiver,
    )


def band(score: Decimal, bands: tuple[tuple[str, str], ...]) -> str:
    """The name of the published band a score falls in (the predicate follows from the score)."""
    return next(name for lowest, name in bands if score >= Decimal(lowest))


def sample_awards(
    rng: random.Random, region: RegionInfo, published: date, count: int
) -> tuple[AwardFact, ...]:
    """Results credited to a region's government (or, for the KIP award, sometimes to its Diskominfo)."""
    pemda = AgencyRef("pemda", region)
    names = [AWARD_AKIP, AWARD_SPBE] + ([AWARD_IKIP] if region.level == "provinsi" else [])
    awards = []
    for name in rng.sample(names, min(count, len(names))):
        year = (
            rng.choice((published.year, published.year - 1, published.year - 1))
            if rng.random() < 0.9
            else None
        )
        if name == AWARD_AKIP:
            recipient = pemda if rng.random() < 0.75 else AgencyRef("diskominfo", region)
            rank = out_of = None
            if rng.random() < 0.5:
                out_of = (
                    rng.choice((21, 34, 38)) if region.level == "provinsi" else rng.choice((120, 250, 508))
                )
                rank = rng.randint(1, min(out_of, 40))
            awards.append(
                AwardFact(
                    name, recipient, year, predicate=rng.choice(AKIP_PREDICATES), rank=rank, out_of=out_of
                )
            )
        elif name == AWARD_IKIP:
            score = Decimal(rng.randint(5000, 9200)) / 100
            awards.append(AwardFact(name, pemda, year, category=band(score, IKIP_CATEGORIES), score=score))
        else:
            score = Decimal(rng.randint(150, 460)) / 100
            awards.append(AwardFact(name, pemda, year, predicate=band(score, SPBE_PREDICATES), score=score))
    return tuple(awards)


def sample_story(seed: int, index: int) -> Story:
    """The facts of article `index` of the corpus generated from `seed`."""
    rng = story_rng(seed, index)
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    kind = rng.choice(STORY_KINDS)
    if kind in ("visit", "two-visits"):
        first = sample_visit(rng, published)
        visits = [first]
        if kind == "two-visits":
            host2 = AgencyRef(
                first.host.type_id if first.host.region else "diskominfo", sample_region(rng, popular=0.3)
            )
            if host2.key in {first.host.key, *(v.key for v in first.visitors)}:
                kind = "visit"
            else:
                form = "day-dmy" if first.date else "none"
                second = sample_visit(rng, published, date_form=form, agencies=(first.visitors, host2))
                # the same delegation, already introduced; the text says "juga menyambangi": a plain visit
                second = replace(second, leader=None, kind="kunjungan", trigger="")
                if first.date:
                    second = replace(second, date=min(first.date + timedelta(days=1), published))
                visits = [first, second]
        awards: tuple[AwardFact, ...] = ()
        host_region = visits[0].host.region
        if host_region and rng.random() < 0.35:
            awards = sample_awards(rng, host_region, published, rng.randint(1, 3))
        topics = tuple(dict.fromkeys(t for v in visits for t in v.topics))
        return Story(kind, published, tuple(visits), awards, topics=topics)
    region = sample_region(rng, popular=0.2, province_share=0.5)
    if kind == "award":
        awards = sample_awards(rng, region, published, rng.randint(1, 3))
        speaker_agency = rng.choice((AgencyRef("pemda", region), AgencyRef("diskominfo", region)))
        speaker = PostFact(sample_person(rng), role_for(rng, speaker_agency, leading=False), speaker_agency)
        return Story(kind, published, awards=awards, other_posts=(speaker,), subject=awards[0].recipient)
    subject = AgencyRef("diskominfo", region)
    other = sample_region(rng)
    while other.code == region.code:
        other = sample_region(rng)
    counterpart = AgencyRef("diskominfo", other)
    speaker = PostFact(sample_person(rng), role_for(rng, subject, leading=True), subject)
    topics = tuple(rng.sample(sorted(TOPIC_FORMS), rng.randint(1, 2)))
    posts = (speaker,)
    if kind == "workshop" and rng.random() < 0.6:
        posts = (
            speaker,
            PostFact(sample_person(rng), role_for(rng, counterpart, leading=False), counterpart),
        )
    return Story(kind, published, other_posts=posts, subject=subject, counterpart=counterpart, topics=topics)

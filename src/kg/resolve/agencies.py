"""Agency mentions to keyed `Agency` objects: the type, and the region written after it.

"Diskominfo" + "Provinsi Kaltim" → diskominfo:64, "DKISP Kaltara" → diskominfo:65, "Pemkot Malang" → the
city's government, not the regency's. A bare type ("Diskominfo") takes the one agency of that type the
article names, or is left out when it names several; a national body's bare name ("BPS") is the
national body unless the article names a regional one. Plural mentions ("Diskominfo kabupaten/kota",
"Diskominfo se-Kaltim") are not agencies. A body the gazetteer does not know is kept under the name
written, as `unresolved:<slug>`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from kg.knowledge import Knowledge
from kg.knowledge.agencies import slug
from kg.knowledge.matcher import fold_form
from kg.types import Agency, Mention, Region, Span

_GENERIC_AFTER = re.compile(r"(?:(?:provinsi|kabupaten|kota|kab\.|prov\.)(?![\w])|se-"
                            r"|se\s+(?:provinsi|kabupaten|kota)|(?:Kabupaten|Kota|Provinsi)\s*/)")
_UNKNOWN_REGION = re.compile(r"(?:Provinsi|Kabupaten|Kota|Kab\.|Prov\.)[ \t]+[A-Z][\w'\-]*"
                             r"(?:[ \t]+[A-Z][\w'\-]*){0,2}")
_NAME_WORD = re.compile(r",?[ \t]+(?:dan[ \t]+)?([A-Z][A-Za-z]+)")
_PAREN = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
_LEVELS = ("provinsi", "kabupaten", "kota")
_DEFINED_SHORT = re.compile(r"\(([^()]{2,40})\)")


@dataclass
@dataclass
class _Pending:
    """An agency mention whose key needs the rest of the article (a bare "Diskominfo", "Pemprov")."""

    type_id: str
    level: str | None
    surface: str
    span: Span
    national: bool = False  # with no unique regional agency of the type, the national body


_THROUGH = re.compile(r"(?<![\w-])melalui\s+$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def pick_region(value: str, knowledge: Knowledge, level: str | None) -> Region | None:
    """The region a region mention names, preferring the level the context asks for (cached: the same
    region forms recur in every article, and the answer depends only on the immutable knowledge)."""
    regions = [r for r in (knowledge.region(c) for c in value.split("|")) if r is not None]
    regions = [r for r in regions if r.level in _LEVELS]
    if level is not None:
        fitting = [r for r in regions if r.level == level]
        if fitting:
            return fitting[0]
    return regions[0] if regions else None


def make_agency(knowledge: Knowledge, type_id: str, region: Region | None, surface: str,
                span: Span) -> Agency:
    """A resolved Agency of a type serving a region (None: the national body), canonically named."""
    name, short = knowledge.agency_names(type_id, region)
    key = f"{type_id}:{region.code}" if region is not None else type_id
    # positional: a frozen dataclass is built a third faster without keywords, and this runs per mention
    return Agency(key, name, surface, span, type_id, region, True, short)


def unresolved_agency(surface: str, span: Span, key: str | None = None, name: str | None = None) -> Agency:
    """An agency the gazetteer does not know, kept under the name written."""
    written = " ".join(surface.split())
    return Agency(key=key or f"unresolved:{slug(written)}", name=name or written, surface=surface, span=span,
                  resolved=False)


def resolve_agencies(text: str, mentions: tuple[Mention, ...], knowledge: Knowledge) -> list[Agency]:
    """Every agency mention of the article, keyed, in text order (the same key may occur many times)."""
    region_at = {m.span.start: m for m in mentions if m.kind == "region"}
    agency_mentions = [m for m in mentions if m.kind == "agency"]
    found: list[Agency] = []
    pending: list[_Pending] = []
    consumed_until = -1
    full_names: dict[str, str] = {}
    for mention in agency_mentions:
        if mention.value.startswith("unresolved:") and mention.rule == "recognise:unknown-agency":
            full_names.setdefault(mention.value, " ".join(mention.text.split()))
        elif mention.rule == "recognise:local-office":
            full_names.setdefault(mention.value, _office_name(mention.text, knowledge))
    for mention in agency_mentions:
        if mention.span.start < consumed_until:
            continue
        if mention.value.startswith("unresolved:"):
            consumed_until = mention.span.end
            found.append(unresolved_agency(mention.text, mention.span, mention.value,
                                           full_names.get(mention.value)))
            continue
        forms = [f for f in knowledge.agency_forms.get(fold_form(mention.text), ())
                 if f.type_id == mention.value]
        form = forms[0] if forms else None
        agency_type = knowledge.agencies.types.get(mention.value)
        if agency_type is None:
            continue
        end = mention.span.end
        paren = _PAREN.match(text, end)
        if paren and _is_abbreviation(paren.group(1), mention.span.end, paren.end(), agency_mentions):
            end = paren.end()
        pos = skip_space(text, end)
        region_mention = region_at.get(pos) if pos - end <= 2 else None
        if region_mention is None and agency_type.scope != "national":
            # "Dinas Kominfo dan Persandian Daerah Provinsi Bali": name words before the region
            region_mention = _region_after_name_words(text, end, region_at, knowledge)
        level = form.level if form else None
        region = pick_region(region_mention.value, knowledge, level) if region_mention else None
        if region is not None and agency_type.scope != "national":
            end = region_mention.span.end  # type: ignore[union-attr]
            found.append(make_agency(knowledge, agency_type.id, region, text[mention.span.start:end],
                                     Span(mention.span.start, end)))
            # "Diskominfo Kutim, Kukar dan Bontang": one agency of the type per coordinated region
            for other in _coordinated_regions(text, end, region_at):
                extra = pick_region(other.value, knowledge, level)
                if extra is None or _contains(extra, region) or _contains(region, extra):
                    break  # "Diskominfo Kota Batu, Jawa Timur": one region locates the other
                found.append(make_agency(knowledge, agency_type.id, extra, other.text, other.span))
                end = other.span.end
            consumed_until = end
            continue
        consumed_until = end
        span = Span(mention.span.start, end)
        surface = text[span.start:span.end]
        if agency_type.scope == "national" or (form is not None and form.national):
            found.append(make_agency(knowledge, agency_type.id, None, surface, span))
            continue
        if pos - end <= 2 and _GENERIC_AFTER.match(text, pos):
            continue  # "Diskominfo kabupaten/kota", "Diskominfo se-Kaltim": many agencies, none named
        unknown = _UNKNOWN_REGION.match(text, pos) if pos - end <= 2 else None
        if unknown is not None:
            consumed_until = unknown.end()
            found.append(unresolved_agency(text[span.start:unknown.end()], Span(span.start, unknown.end())))
            continue
        through = _THROUGH.search(text, max(0, span.start - 12), span.start)
        if (
            through is not None
            and found
            and found[-1].type_id == "pemda"
            and found[-1].region is not None
            and text[found[-1].span.end : through.start()].strip(" ,") == ""
        ):  # "Pemerintah Kabupaten Bulungan melalui Dinas Kominfo": the government's own agency
            found.append(make_agency(knowledge, agency_type.id, found[-1].region, surface, span))
            continue
        shared = _region_of_partner(text, end, agency_mentions, region_at, knowledge, level)
        if shared is not None:
            found.append(make_agency(knowledge, agency_type.id, shared, surface, span))
            continue  # "Dinas Kominfo bersama Disdukcapil Kabupaten Sanggau": both serve Sanggau
        bare = form.bare if form is not None else agency_type.bare
        if bare == "national" and agency_type.scope == "both":
            pending.append(_Pending(agency_type.id, level, surface, span, national=True))
        elif bare == "context":
            pending.append(_Pending(agency_type.id, level, surface, span))
    found.extend(_from_context(pending, found, mentions, knowledge))
    found.extend(_offices(text, mentions, region_at, knowledge))
    found.sort(key=lambda a: (a.span.start, -a.span.end))
    return found


def _office_name(surface: str, knowledge: Knowledge) -> str:
    """"Kantor Lurah Ubud" → "Kelurahan Ubud": the office word of the head's title, then the place."""
    words = surface.split()
    for i, word in enumerate(words):
        office = knowledge.roles.offices.get(word.casefold())
        if office is not None:
            return " ".join([office, *words[i + 1:]])
    return " ".join(words)


_OFFICE = re.compile(r"(?<![\w-])(?:Kantor|Sekretariat)[ \t]+$")


def _offices(text: str, mentions: tuple[Mention, ...], region_at: dict[int, Mention],
             knowledge: Knowledge) -> list[Agency]:
    """"Kantor Gubernur Kaltim" names the office of the regional government (pemda:64); so does a head's
    title with no person after it ("kunjungan kehormatan ke Gubernur NTB di …": the institution)."""
    out = []
    person_starts: list[int] | None = None  # sorted only when a head's title is followed by a region
    for mention in mentions:
        if mention.kind != "role":
            continue
        role = knowledge.roles.roles.get(mention.value)
        if role is None or role.agency_type is None:
            continue
        office = _OFFICE.search(text, max(0, mention.span.start - 20), mention.span.start)
        region_mention = region_at.get(skip_space(text, mention.span.end))
        if region_mention is None and office is None:  # ("Kantor Wali Kota X" is often only a venue)
            region_mention = _region_across(mention, region_at)
        if region_mention is None:
            continue
        if person_starts is None:
            person_starts = sorted(m.span.start for m in mentions if m.kind == "person")
        if office is None and (_names_follow(person_starts, region_mention.span.end)
                               or not (_INSTITUTION_BEFORE.search(text, max(0, mention.span.start - 12),
                                                                  mention.span.start)
                                       or _RECEIVES_AFTER.match(text, region_mention.span.end))):
            continue
        region = pick_region(region_mention.value, knowledge, role.level)
        if office is not None and _VENUE_BEFORE.search(text, max(0, office.start() - 6), office.start()):
            continue  # "menyambut rombongan di Kantor Bupati Gianyar": where, not who
        if region is not None:
            start = office.start() if office is not None else mention.span.start
            span = Span(start, region_mention.span.end)
            out.append(make_agency(knowledge, role.agency_type, region, text[span.start:span.end], span))
    return out


def _region_across(role: Mention, region_at: dict[int, Mention]) -> Mention | None:
    """A region name that takes in the end of the title ("Wali Kota Padang": "Kota Padang")."""
    for start in range(role.span.start + 1, role.span.end):
        region = region_at.get(start)
        if region is not None and region.span.end > role.span.end:
            return region
    return None


# "ke Gubernur NTB", "kepada Bupati Sigi", "diterima Gubernur Sumbar", "audiensi dengan Bupati Agam": a
# head's title as the goal of a visit or a letter, or the one who receives it
_INSTITUTION_BEFORE = re.compile(
    r"(?<![\w-])(?:ke|kepada|dari|bersama|oleh|dengan|menemui|mengunjungi|menyambangi|bertemu"
    r"|(?:diterima|disambut|dijamu)(?:[ \t]+langsung)?(?:[ \t]+oleh)?)[ \t]+$",
    re.IGNORECASE,
)
# "Bupati Berau menerima kunjungan …": the head's title, no name, as the one who receives or visits
_RECEIVES_AFTER = re.compile(
    r"[ \t]*(?:menerima|menyambut|menjamu|mengunjungi|menyambangi|bertandang|beraudiensi)(?![\w-])",
    re.IGNORECASE,
)
_NAME_REACH = 40
_VENUE_BEFORE = re.compile(r"(?<![\w-])di[ \t]+$", re.IGNORECASE)


def _names_follow(person_starts: list[int], pos: int) -> bool:
    """Whether a person mention starts within a few characters after `pos`."""
    i = bisect_left(person_starts, pos)
    return i < len(person_starts) and person_starts[i] - pos <= _NAME_REACH


def _contains(outer: Region, inner: Region) -> bool:
    parent = inner.parent
    while parent is not None:
        if parent.code == outer.code:
            return True
        parent = parent.parent
    return False


_COORDINATION = re.compile(r"(?:[ \t]*,[ \t]*(?:dan[ \t]+|serta[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+)")


def _coordinated_regions(text: str, pos: int, region_at: dict[int, Mention]) -> list[Mention]:
    """Region mentions that follow `pos` as a list closed by "dan"/"serta" ("Kutim, Kukar dan Bontang");
    a region after a comma alone locates the agency instead ("Diskominfo Jabar, Kota Bandung")."""
    out = []
    closed = False
    while not closed:
        joint = _COORDINATION.match(text, pos)
        region = region_at.get(joint.end()) if joint else None
        if region is None:
            break
        closed = "dan" in joint.group() or "serta" in joint.group()  # type: ignore[union-attr]
        out.append(region)
        pos = region.span.end
    return out if closed else []


_PARTNER_LINK = re.compile(r"[ \t]+(?:dan|serta|bersama|beserta|&)[ \t]+")


def _region_of_partner(text: str, end: int, agency_mentions: list[Mention], region_at: dict[int, Mention],
                       knowledge: Knowledge, level: str | None) -> Region | None:
    """The region written after the next agency when the two are joined ("Diskominfo dan Disdukcapil
    Sanggau"): agencies named together with one region share it."""
    link = _PARTNER_LINK.match(text, end)
    if link is None:
        return None
    partner = next((m for m in agency_mentions if m.span.start == link.end()), None)
    if partner is None or partner.value.startswith("unresolved:"):
        return None
    pos = partner.span.end
    paren = _PAREN.match(text, pos)
    if paren is not None:
        pos = paren.end()
    region_mention = region_at.get(skip_space(text, pos))
    if region_mention is None:
        region_mention = _region_after_name_words(text, pos, region_at, knowledge)
    if region_mention is None:
        return None
    return pick_region(region_mention.value, knowledge, level)


def _region_after_name_words(text: str, pos: int, region_at: dict[int, Mention],
                             knowledge: Knowledge) -> Mention | None:
    """A region after a few more words of the agency's own name ("… dan Persandian Daerah Provinsi Bali")."""
    for _ in range(4):
        word = _NAME_WORD.match(text, pos)
        if word is None or word.group(1).casefold() not in knowledge.roles.title_words:
            return None
        pos = word.end()
        region = region_at.get(skip_space(text, pos))
        if region is not None:
            return region
    return None


_ACRONYM_WORD = re.compile(r"[A-Z][A-Za-z\-]{1,15}")


def _is_abbreviation(inner: str, start: int, end: int, agency_mentions: list[Mention]) -> bool:
    """"(Diskominfo)" or "(DKISP)" after a full name: part of the same mention."""
    if any(start <= m.span.start and m.span.end <= end for m in agency_mentions):
        return True
    word = inner.strip()
    return bool(_ACRONYM_WORD.fullmatch(word)) and sum(c.isupper() for c in word) >= 2


def skip_space(text: str, pos: int) -> int:
    """The first position at or after `pos` that is not a space or tab."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _from_context(pending: list[_Pending], found: list[Agency], mentions: tuple[Mention, ...],
                  knowledge: Knowledge) -> list[Agency]:
    """Bare mentions take the article's only agency of their type (and level); otherwise none."""
    out = []
    defined: dict[str, Agency] = {}  # "Diskominfostandi" → the agency whose full name it followed
    for agency in found:
        paren = _DEFINED_SHORT.search(agency.surface) if agency.region is not None else None
        if paren is not None:
            defined.setdefault(fold_form(paren.group(1)), agency)
    for item in pending:
        named = defined.get(fold_form(item.surface))
        if named is not None and named.type_id == item.type_id:
            out.append(Agency(named.key, named.name, item.surface, item.span, named.type_id, named.region,
                              True, named.short_name))
            continue
        candidates = {a.key: a for a in found if a.type_id == item.type_id
                      and (item.level is None or (a.region is not None and a.region.level == item.level))}
        regional = {k: a for k, a in candidates.items() if a.region is not None}
        if len(regional) == 1:
            agency = next(iter(regional.values()))
            out.append(Agency(agency.key, agency.name, item.surface, item.span, agency.type_id, agency.region,
                              True, agency.short_name))
            continue
        if item.national:
            out.append(make_agency(knowledge, item.type_id, None, item.surface, item.span))
            continue
        if item.level is None or candidates:
            continue
        regions = {r.code: r for m in mentions if m.kind == "region"
                   for r in [pick_region(m.value, knowledge, item.level)]
                   if r is not None and r.level == item.level}
        if len(regions) == 1:
            region = next(iter(regions.values()))
            out.append(make_agency(knowledge, item.type_id, region, item.surface, item.span))
    return out

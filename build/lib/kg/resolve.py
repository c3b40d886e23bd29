"""Resolution: agency mentions become keyed `Agency` objects, post titles next to names become `Post`s.

An agency is a type plus the region written after it ("Diskominfo" + "Provinsi Kaltim" → diskominfo:64,
"DKISP Kaltara" → diskominfo:65, "Pemkot Malang" → pemda of the city, not the regency). A bare type
("Diskominfo") takes the one agency of that type the article names, or is left out when the article
names several. Plural mentions ("Diskominfo kabupaten/kota", "Diskominfo se-Kaltim") are not agencies.
A body the gazetteer does not know is kept under the name written, as `unresolved:<slug>`.

A post is a role title with a person's name in apposition, in either order; its agency is the agency
named in the title, the region's government for Gubernur/Bupati/Wali Kota, or the delegation the
sentence introduces ("Rombongan Diskominfo Berau, yang diwakili oleh <title>, <name>"). Only titles
create people, so pronouns and surname-only repeats never add anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.knowledge import Knowledge
from kg.knowledge.agencies import slug
from kg.knowledge.matcher import fold_form
from kg.types import Agency, Mention, Official, Post, Recognised, Region, Resolved, Span

_GENERIC_AFTER = re.compile(r"(?:(?:provinsi|kabupaten|kota|kab\.|prov\.)(?![\w])|se-"
                            r"|se\s+(?:provinsi|kabupaten|kota)|(?:Kabupaten|Kota|Provinsi)\s*/)")
_UNKNOWN_REGION = re.compile(r"(?:Provinsi|Kabupaten|Kota|Kab\.|Prov\.)[ \t]+[A-Z][\w'\-]*"
                             r"(?:[ \t]+[A-Z][\w'\-]*){0,2}")
_PAREN = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
_DELEGATION_LINK = re.compile(r"[ \t]*,?[ \t]*(?:yang[ \t]+)?(?:(?:di(?:wakili|pimpin|ketuai)|oleh)[ \t]+)?"
                              r"(?:oleh[ \t]+)?(?:[ \t]*,[ \t]*)?$")
_SENTENCE_SOURCE = re.compile(r"[\s“\"]*(?:Dari pihak|Dari|Pihak|Di kantor|Bertempat di kantor|Di)[ \t]+")
_COMPANION_CUE = re.compile(r"\b(?:didampingi|bersama|beserta|turut|serta|ditemani|mendampingi|dengan|ikut|"
                            r"rombongan|hadir pula|juga hadir|tampak|dan)\b", re.IGNORECASE)
_PRONOUN_TITLE = re.compile(r"\b(?:Dirinya|dirinya|Ia|Beliau|beliau|Dia)[ \t]+(?:yang[ \t]+)?"
                            r"(?:menjabat(?:[ \t]+sebagai)?|selaku|sebagai|merupakan|adalah)[ \t]+$")
_PRONOUN_REACH = 300
_HOST_CUE = re.compile(r"(?i)\b(?:diterima|disambut|ditemui|tuan rumah)\b[^,.]{0,40}[ \t,]*$")
_VISITOR_CUE = re.compile(r"(?i)\b(?:rombongan|kunjungan|delegasi)\b[^.]{0,40}"
                          r"\b(?:dipimpin|diwakili|diketuai)\b(?:[ \t]+oleh)?[ \t,]*$")
_GROUP_CUE = re.compile(r"(?i)(?:rombongan|delegasi|tim|pihak)[ \t]+$")
_COMPANION_REACH = 160
_SENTENCE_END = re.compile(r"[.!?](?=[\s”\"]+[A-Z“\"])|\n")
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:[A-Za-z]{1,3}|[A-Za-z]+\.[A-Za-z.]+)$")  # "Kab", "H", "S.Kom"
_LEVELS = ("provinsi", "kabupaten", "kota")


def resolve(recognised: Recognised, knowledge: Knowledge) -> Resolved:
    """Agencies (every mention, in text order) and the posts the article attests."""
    text = recognised.clean.text
    mentions = recognised.mentions
    agencies = _agencies(text, mentions, knowledge)
    posts = _posts(text, mentions, agencies, knowledge)
    return Resolved(recognised, tuple(agencies), tuple(posts))


# ---- agencies -------------------------------------------------------------------------------------

@dataclass
class _Pending:
    """An agency mention whose key needs the rest of the article (a bare "Diskominfo", "Pemprov")."""

    type_id: str
    level: str | None
    surface: str
    span: Span
    national: bool = False  # with no unique regional agency of the type, the national body


def _pick_region(value: str, knowledge: Knowledge, level: str | None) -> Region | None:
    """The region a region mention names, preferring the level the context asks for."""
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
    return Agency(key=key, name=name, surface=surface, span=span, type_id=type_id, region=region,
                  resolved=True, short_name=short)


def unresolved_agency(surface: str, span: Span, key: str | None = None, name: str | None = None) -> Agency:
    """An agency the gazetteer does not know, kept under the name written."""
    written = " ".join(surface.split())
    return Agency(key=key or f"unresolved:{slug(written)}", name=name or written, surface=surface, span=span,
                  resolved=False)


def _agencies(text: str, mentions: tuple[Mention, ...], knowledge: Knowledge) -> list[Agency]:
    region_at = {m.span.start: m for m in mentions if m.kind == "region"}
    agency_mentions = [m for m in mentions if m.kind == "agency"]
    found: list[Agency] = []
    pending: list[_Pending] = []
    consumed_until = -1
    full_names: dict[str, str] = {}
    for mention in agency_mentions:
        if mention.value.startswith("unresolved:") and mention.rule == "recognise:unknown-agency":
            full_names.setdefault(mention.value, " ".join(mention.text.split()))
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
        pos = _skip_space(text, end)
        region_mention = region_at.get(pos) if pos - end <= 2 else None
        level = form.level if form else None
        region = _pick_region(region_mention.value, knowledge, level) if region_mention else None
        if region is not None and agency_type.scope != "national":
            end = region_mention.span.end  # type: ignore[union-attr]
            consumed_until = end
            found.append(make_agency(knowledge, agency_type.id, region, text[mention.span.start:end],
                                     Span(mention.span.start, end)))
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
        bare = form.bare if form is not None else agency_type.bare
        if bare == "national" and agency_type.scope == "both":
            pending.append(_Pending(agency_type.id, level, surface, span, national=True))
        elif bare == "context":
            pending.append(_Pending(agency_type.id, level, surface, span))
    found.extend(_from_context(pending, found, mentions, knowledge))
    found.extend(_offices(text, mentions, region_at, knowledge))
    found.sort(key=lambda a: (a.span.start, -a.span.end))
    return found


_OFFICE = re.compile(r"(?<![\w-])(?:Kantor|Sekretariat)[ \t]+$")


def _offices(text: str, mentions: tuple[Mention, ...], region_at: dict[int, Mention],
             knowledge: Knowledge) -> list[Agency]:
    """"Kantor Gubernur Kaltim" names the office of the regional government (pemda:64)."""
    out = []
    for mention in mentions:
        if mention.kind != "role":
            continue
        role = knowledge.roles.roles.get(mention.value)
        if role is None or role.agency_type is None:
            continue
        office = _OFFICE.search(text, max(0, mention.span.start - 20), mention.span.start)
        region_mention = region_at.get(_skip_space(text, mention.span.end))
        if office is None or region_mention is None:
            continue
        region = _pick_region(region_mention.value, knowledge, role.level)
        if region is not None:
            span = Span(office.start(), region_mention.span.end)
            out.append(make_agency(knowledge, role.agency_type, region, text[span.start:span.end], span))
    return out


def _is_abbreviation(inner: str, start: int, end: int, agency_mentions: list[Mention]) -> bool:
    """"(Diskominfo)" or "(DKISP)" after a full name: part of the same mention."""
    if any(start <= m.span.start and m.span.end <= end for m in agency_mentions):
        return True
    word = inner.strip()
    return bool(re.fullmatch(r"[A-Z][A-Za-z\-]{1,15}", word)) and sum(c.isupper() for c in word) >= 2


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _from_context(pending: list[_Pending], found: list[Agency], mentions: tuple[Mention, ...],
                  knowledge: Knowledge) -> list[Agency]:
    """Bare mentions take the article's only agency of their type (and level); otherwise none."""
    out = []
    for item in pending:
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
                   for r in [_pick_region(m.value, knowledge, item.level)]
                   if r is not None and r.level == item.level}
        if len(regions) == 1:
            region = next(iter(regions.values()))
            out.append(make_agency(knowledge, item.type_id, region, item.surface, item.span))
    return out


# ---- posts ----------------------------------------------------------------------------------------

def _posts(text: str, mentions: tuple[Mention, ...], agencies: list[Agency],
           knowledge: Knowledge) -> list[Post]:
    all_persons = [m for m in mentions if m.kind == "person"]
    persons = [m for m in all_persons if m.rule != "recognise:name-after-honorific"]
    titles = [m for m in mentions if m.kind == "other" and m.value.startswith("title:")]
    posts: list[Post] = []
    sides = _lead_sides(text, mentions, agencies) if titles else (None, None)
    for title in titles:
        person, before = _person_for(text, title, persons, all_persons)
        if person is None:
            continue
        role_id = title.value[len("title:"):]
        role = knowledge.roles.roles.get(role_id)
        if role is None:
            continue
        anchor = min(title.span.start, person.span.start)
        agency, how = _agency_for(text, title, anchor, role, mentions, agencies, knowledge)
        if agency is None and not role.agency_type and posts:
            agency, how = _companion_agency(text, title, posts[-1], agencies)
        if agency is None and not role.agency_type:
            agency, how = _visit_side(text, title, sides)
        official = _official(person, knowledge)
        start = min(title.span.start, person.span.start, agency.span.start if how == "delegation" and agency
                    else title.span.start)
        end = max(title.span.end, person.span.end)
        confidence = {"title": 0.9, "role-region": 0.85, "delegation": 0.75, "sentence-source": 0.75,
                      "companion": 0.7, "visit-side": 0.65, "none": 0.6}[how]
        if before:
            confidence -= 0.05
        rule = f"resolve:post-{'name-title' if before else 'title-name'}-{how}"
        posts.append(Post(official, role_id, role.label, " ".join(title.text.split()), agency,
                          Span(start, end), round(confidence, 2), rule))
    return _merge_posts(posts)


def _person_for(text: str, title: Mention, persons: list[Mention],
                all_persons: list[Mention]) -> tuple[Mention | None, bool]:
    for person in persons:
        if person.rule == "recognise:name-after-title" and title.span.end <= person.span.start \
                <= title.span.end + 4 and re.fullmatch(r"[ \t,]*", text[title.span.end:person.span.start]):
            return person, False
    for person in persons:
        if person.rule == "recognise:name-before-title" and person.span.end <= title.span.start \
                and title.span.start - person.span.end <= 40:
            between = text[person.span.end:title.span.start]
            if re.fullmatch(r"[ \t]*(?:,[^\n]*?)?,?[ \t]*(?:(?:selaku|sebagai|yang juga|yang merupakan|"
                            r"yang menjabat)[ \t]+)?", between):
                return person, True
    # "… Hj. Nurhidayati Rahman. Dirinya yang menjabat Kepala Diskominfo Lotim …"
    if _PRONOUN_TITLE.search(text, max(0, title.span.start - 40), title.span.start):
        reach = title.span.start - _PRONOUN_REACH
        earlier = [p for p in all_persons if reach <= p.span.end <= title.span.start]
        if earlier:
            return earlier[-1], True
    return None, False


def _agency_for(text: str, title: Mention, anchor: int, role, mentions: tuple[Mention, ...],  # noqa: ANN001
                agencies: list[Agency], knowledge: Knowledge) -> tuple[Agency | None, str]:
    """The agency of a post, and how it was found. `anchor`: where the apposition starts (the name
    when it comes before the title)."""
    inside = [a for a in agencies if title.span.start <= a.span.start and a.span.end <= title.span.end + 1]
    if inside:
        return inside[-1], "title"
    if role.agency_type:
        regions = [m for m in mentions if m.kind == "region"
                   and title.span.start <= m.span.start and m.span.end <= title.span.end]
        if regions:
            region = _pick_region(regions[-1].value, knowledge, role.level)
            if region is not None:
                return make_agency(knowledge, role.agency_type, region, text[title.span.start:title.span.end],
                                   title.span), "role-region"
        return None, "none"
    # the delegation the sentence introduces: "Rombongan X, yang diwakili oleh <title>"
    sentence_start = _sentence_start(text, anchor)
    before = [a for a in agencies if sentence_start <= a.span.start and a.span.end <= anchor]
    if before and _DELEGATION_LINK.match(text[before[-1].span.end:anchor]):
        return before[-1], "delegation"
    regions = [m for m in mentions if m.kind == "region" and sentence_start <= m.span.start
               and m.span.end <= anchor]
    if regions and (not before or before[-1].span.end <= regions[-1].span.start) \
            and _DELEGATION_LINK.match(text[regions[-1].span.end:anchor]) \
            and (regions[-1].span.start == _skip_space(text, sentence_start) or _GROUP_CUE.search(
                text, max(0, regions[-1].span.start - 12), regions[-1].span.start)):
        codes = regions[-1].value.split("|")
        serving = {a.key: a for a in agencies if a.region is not None and a.region.code in codes}
        if len(serving) == 1:
            return next(iter(serving.values())), "delegation"
    source = _SENTENCE_SOURCE.match(text, sentence_start)
    if before and source and before[0].span.start == _skip_space(text, source.end()):
        return before[0], "sentence-source"  # "Dari Diskominfo Kota Semarang, rombongan diterima <title>"
    return None, "none"


def _lead_sides(text: str, mentions: tuple[Mention, ...],
                agencies: list[Agency]) -> tuple[Agency | None, Agency | None]:
    """(visitor, host) as the first sentence with a visit trigger between two agencies states them.

    A rough reading, used only for officials whose title names no agency but whose sentence says
    which side they are on ("Rombongan dipimpin <title>", "Tuan rumah, <title>").
    """
    for trigger in (m for m in mentions if m.kind == "trigger"):
        start = _sentence_start(text, trigger.span.start)
        end_match = _SENTENCE_END.search(text, trigger.span.end)
        end = end_match.start() if end_match else len(text)
        before = [a for a in agencies if start <= a.span.start and a.span.end <= trigger.span.start]
        after = [a for a in agencies if trigger.span.end <= a.span.start and a.span.end <= end]
        if before and after and before[0].key != after[0].key:
            return before[0], after[0]
    return None, None


def _visit_side(text: str, title: Mention,
                sides: tuple[Agency | None, Agency | None]) -> tuple[Agency | None, str]:
    """The visiting or the hosting agency, when the clause before the title says which side it is."""
    clause = text[_sentence_start(text, title.span.start):title.span.start]
    if _HOST_CUE.search(clause) and sides[1] is not None:
        return sides[1], "visit-side"
    if _VISITOR_CUE.search(clause) and sides[0] is not None:
        return sides[0], "visit-side"
    return None, "none"


def _companion_agency(text: str, title: Mention, previous: Post, agencies: list[Agency]) \
        -> tuple[Agency | None, str]:
    """"<post>, didampingi <title>, <name>": a companion of the previous official shares the agency."""
    if previous.agency is None or not 0 <= title.span.start - previous.span.end <= _COMPANION_REACH:
        return None, "none"
    between = text[previous.span.end:title.span.start]
    if not _COMPANION_CUE.search(between) or "\n" in between.strip(" \t"):
        return None, "none"
    if any(previous.span.end <= a.span.start < title.span.start for a in agencies):
        return None, "none"
    return previous.agency, "companion"


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts; "Kab." or "S.Kom." inside it do not end it."""
    start = 0
    for match in _SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        if match.group() == "." and _ABBREVIATION_END.search(text, max(0, match.start() - 8), match.start()):
            continue
        start = match.end()
    return start


def _official(person: Mention, knowledge: Knowledge) -> Official:
    """The bare name with the honorifics before it and the degrees after it separated."""
    honorifics: list[str] = []
    degrees: list[str] = []
    for token in re.findall(r"[^\s,]+", person.text):
        if token in knowledge.titles.honorifics and not degrees and token not in person.value.split():
            honorifics.append(knowledge.titles.honorifics[token])
        elif token in knowledge.titles.degrees and token not in person.value.split():
            degrees.append(knowledge.titles.degrees[token])
    offset = person.text.find(person.value)
    span = Span(person.span.start + offset, person.span.start + offset + len(person.value)) if offset >= 0 \
        else person.span
    return Official(person.value, span, tuple(honorifics), tuple(degrees))


def _merge_posts(posts: list[Post]) -> list[Post]:
    """One post per (person, role, agency); a surname-only repeat is the full name seen before."""
    full_names: list[str] = []
    for post in posts:
        if len(post.official.name.split()) > 1 and post.official.name not in full_names:
            full_names.append(post.official.name)
    best: dict[tuple[str, str, str | None], Post] = {}
    order: list[tuple[str, str, str | None]] = []
    for post in posts:
        name = post.official.name
        if len(name.split()) == 1:
            fuller = [f for f in full_names if name in f.split()]
            if len(fuller) == 1:
                name = fuller[0]
                post = replace(post, official=replace(post.official, name=name))
        key = (name, post.role_id, post.agency.key if post.agency else None)
        if key not in best:
            order.append(key)
            best[key] = post
        elif post.confidence > best[key].confidence:
            best[key] = post
    # a post without agency is dropped when the same person and role is attested with one
    with_agency = {(n, r) for n, r, a in order if a is not None}
    return [best[k] for k in order if k[2] is not None or (k[0], k[1]) not in with_agency]

"""Posts: a role title with a person's name in apposition, in either order, and the post's agency.

The agency is the one named in the title, the region's government for Gubernur/Bupati/Wali Kota, the
delegation the sentence introduces ("Rombongan Diskominfo Berau, yang diwakili oleh <title>, <name>"),
the sentence's opening agency ("Dari Diskominfo Kota Semarang, rombongan diterima <title>"), the
leader's agency for a companion ("didampingi <title>, <name>"), or the side of the visit the clause
names ("Tuan rumah, <title>"). Only titles create people, so pronouns and surname-only repeats never
add anyone; a pronoun with a title ("Dirinya yang menjabat <title>") refers to the person just named.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.knowledge import Knowledge
from kg.resolve.agencies import make_agency, pick_region, skip_space
from kg.resolve.sentences import SENTENCE_END, sentence_start
from kg.types import Agency, Mention, Official, Post, Span

_NAME_TOKEN = re.compile(r"[^\s,]+")
_NAME_THEN_TITLE = re.compile(r"[ \t]*(?:,[^\n]*?)?,?[ \t]*\(?[ \t]*(?:(?:selaku|sebagai|yang juga|"
                              r"yang merupakan|yang menjabat)[ \t]+)?")  # "Budi, selaku Kepala …"

_DELEGATION_LINK = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?,?[ \t]*(?:yang[ \t]+)?"
                              r"(?:(?:di(?:wakili|pimpin|ketuai)(?:[ \t]+langsung)?|oleh|melalui)[ \t]+)?"
                              r"(?:oleh[ \t]+)?(?:[ \t]*,[ \t]*)?$")
_SENTENCE_SOURCE = re.compile(r"[\s“\"]*(?:Dari pihak|Dari|Pihak|Di kantor|Bertempat di kantor|Di)[ \t]+")
_COMPANION_CUE = re.compile(r"\b(?:didampingi|bersama|beserta|turut|serta|ditemani|mendampingi|dengan|ikut|"
                            r"rombongan|hadir pula|juga hadir|tampak|dan)\b", re.IGNORECASE)
_PRONOUN_TITLE = re.compile(r"\b(?:Dirinya|dirinya|Ia|Beliau|beliau|Dia)[ \t]+(?:yang[ \t]+)?"
                            r"(?:menjabat(?:[ \t]+sebagai)?|selaku|sebagai|merupakan|adalah)[ \t]+$")
_PRONOUN_REACH = 300
# "diterima oleh <title>", "Tuan rumah, <title>", "diterima di Kantor KemenPAN-RB, Jakarta, oleh <title>"
_HOST_CUE = re.compile(r"(?i)\b(?:diterima|disambut|ditemui|tuan rumah)\b(?:[^,.]{0,40}[ \t,]*"
                       r"|[^.\n]{0,80}\boleh[ \t]+)$")
_VISITOR_CUE = re.compile(r"(?i)(?:\b(?:rombongan|kunjungan|delegasi|tim|staf|peserta)\b[^.]{0,40}"
                          r"\b(?:dipimpin|diwakili|diketuai|didampingi)\b(?:[ \t]+langsung)?(?:[ \t]+oleh)?"
                          r"|\b(?:pimpinan|ketua|pemimpin|kepala)[ \t]+(?:rombongan|delegasi|tim)\b)[ \t,]*$")
_GROUP_CUE = re.compile(r"(?i)(?:rombongan|delegasi|tim|pihak)[ \t]+$")
_COMPANION_REACH = 160
_RECEIVES = re.compile(r"(?i)\b(?:menerima|menyambut|kedatangan)\b[ \t]+(?:\w+[ \t]+)?$")
_RECEIVING = re.compile(r"(?i)\b(?:diterima|disambut|ditemui|menerima|menyambut)\b")


def resolve_posts(text: str, mentions: tuple[Mention, ...], agencies: list[Agency],
                  knowledge: Knowledge) -> list[Post]:
    """Every post the article attests, one per (person, role, agency), in text order."""
    all_persons = [m for m in mentions if m.kind == "person"]
    persons = [m for m in all_persons if m.rule not in ("recognise:name-after-honorific",
                                                         "recognise:name-in-list")]
    listed_persons = [m for m in all_persons if m.rule == "recognise:name-in-list"]
    titles = [m for m in mentions if m.kind == "other" and m.value.startswith("title:")]
    posts: list[Post] = []
    for i, title in enumerate(titles):
        person, before = _person_for(text, title, persons, all_persons, knowledge)
        if person is None:
            person = _holder_of_next_title(text, title, titles[i + 1:], persons, all_persons, knowledge)
        if person is None:
            continue
        role_id = title.value[len("title:"):]
        role = knowledge.roles.roles.get(role_id)
        if role is None:
            continue
        anchor = min(title.span.start, person.span.start)
        agency, how = _agency_for(text, title, anchor, role, mentions, agencies, knowledge)
        if agency is None and not role.agency_type:
            agency, how = _represented(text, max(title.span.end, person.span.end), agencies)
        if agency is None and not role.agency_type and posts:
            agency, how = _companion_agency(text, title, posts[-1], agencies)
        if agency is None and not role.agency_type:
            agency, how = _visit_side(text, title, mentions, agencies)
        if agency is None and not role.agency_type and posts:
            agency, how = _recent_agency(title, posts, agencies)
        if agency is None and not role.agency_type:
            agency, how = _sole_agency(agencies)
        if agency is None and not role.agency_type and posts:
            agency, how = _only_voice(posts, agencies)
        official = _official(person, knowledge)
        if before and how not in _OWN_AGENCY and _EX_OFFICIO.search(text, person.span.end, title.span.start) \
                and any(p.official.name == official.name for p in posts):
            continue  # "Kepala Diskominfo X, Budi, selaku Sekretaris PPID Utama": a function, not a post
        start = min(title.span.start, person.span.start, agency.span.start if how == "delegation" and agency
                    else title.span.start)
        end = max(title.span.end, person.span.end)
        confidence = {"title": 0.9, "role-region": 0.85, "title-region": 0.8, "delegation": 0.75,
                      "represents": 0.75,
                      "sentence-source": 0.75, "companion": 0.7, "visit-side": 0.65, "recent": 0.6,
                      "sole": 0.6, "none": 0.6}[how]
        if before:
            confidence -= 0.05
        rule = f"resolve:post-{'name-title' if before else 'title-name'}-{how}"
        posts.append(Post(official, role_id, role.label, " ".join(title.text.split()), agency,
                          Span(start, end), round(confidence, 2), rule))
        for listed in _listed_after(person, listed_persons):
            posts.append(Post(_official(listed, knowledge), role_id, role.label, " ".join(title.text.split()),
                              agency, Span(start, listed.span.end), round(confidence - 0.05, 2),
                              rule + "-listed"))
    return _merge_posts(posts)


def _person_for(text: str, title: Mention, persons: list[Mention], all_persons: list[Mention],
                knowledge: Knowledge) -> tuple[Mention | None, bool]:
    link = knowledge.titles.title_to_name  # what the recogniser let stand between a title and its name
    for person in persons:
        if person.rule == "recognise:name-after-title" and title.span.end <= person.span.start \
                <= title.span.end + 100 and link.fullmatch(text, title.span.end, person.span.start):
            return person, False
    for person in persons:
        if person.rule == "recognise:name-before-title" and person.span.end <= title.span.start \
                and title.span.start - person.span.end <= 40:
            between = text[person.span.end:title.span.start]
            if _NAME_THEN_TITLE.fullmatch(between):
                return person, True
    # "… Hj. Nurhidayati Rahman. Dirinya yang menjabat Kepala Diskominfo Lotim …"
    if _PRONOUN_TITLE.search(text, max(0, title.span.start - 40), title.span.start):
        reach = title.span.start - _PRONOUN_REACH
        earlier = [p for p in all_persons if reach <= p.span.end <= title.span.start]
        if earlier:
            return earlier[-1], True
    return None, False


# "<name>, selaku/sebagai <title>": a capacity the person holds; when the title names no agency of its own
# ("selaku Sekretaris PPID Utama", "selaku ketua panitia") and the person already holds a post, it is a
# function of that post, not a second one.
_EX_OFFICIO = re.compile(r"(?<![\w-])(?:selaku|sebagai)[ \t]+$")
_OWN_AGENCY = frozenset({"title", "title-region", "role-region"})

_BOTH_TITLES = re.compile(r"[ \t]*,?[ \t]*(?:yang[ \t]+juga(?:[ \t]+menjabat)?|sekaligus|merangkap)[ \t]+")


def _holder_of_next_title(text: str, title: Mention, later: list[Mention], persons: list[Mention],
                          all_persons: list[Mention], knowledge: Knowledge) -> Mention | None:
    """"Kepala Diskominfo Bontang yang juga Plt Kepala Bapperida Bontang, Anwar Sadat": the person named
    after the second title holds the first one too."""
    link = _BOTH_TITLES.match(text, title.span.end)
    if link is None or not later or later[0].span.start != link.end():
        return None
    person, before = _person_for(text, later[0], persons, all_persons, knowledge)
    return person if person is not None and not before else None


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
            region = pick_region(regions[-1].value, knowledge, role.level)
            if region is not None:
                return make_agency(knowledge, role.agency_type, region, text[title.span.start:title.span.end],
                                   title.span), "role-region"
        return None, "none"
    named = _agency_named_in_title(title, mentions, agencies, knowledge)
    if named is not None:
        return named, "title-region"
    # the delegation the sentence introduces: "Rombongan X, yang diwakili oleh <title>"
    opening = sentence_start(text, anchor)
    before = [a for a in agencies if opening <= a.span.start and a.span.end <= anchor]
    if before and _DELEGATION_LINK.match(text[before[-1].span.end:anchor]):
        return before[-1], "delegation"
    regions = [m for m in mentions if m.kind == "region" and opening <= m.span.start
               and m.span.end <= anchor]
    if regions and (not before or before[-1].span.end <= regions[-1].span.start) \
            and _DELEGATION_LINK.match(text[regions[-1].span.end:anchor]) \
            and (regions[-1].span.start == skip_space(text, opening) or _GROUP_CUE.search(
                text, max(0, regions[-1].span.start - 12), regions[-1].span.start)):
        codes = regions[-1].value.split("|")
        serving = {a.key: a for a in agencies if a.region is not None and a.region.code in codes}
        if len(serving) == 1:
            return next(iter(serving.values())), "delegation"
    source = _SENTENCE_SOURCE.match(text, opening)
    if before and source and before[0].span.start == skip_space(text, source.end()):
        return before[0], "sentence-source"  # "Dari Diskominfo Kota Semarang, rombongan diterima <title>"
    if source and regions and regions[0].span.start == skip_space(text, source.end()) \
            and (not before or regions[0].span.end <= before[0].span.start):
        # "Dari Selayar, rombongan dipimpin <title>": the one agency the article names serving that region
        codes = regions[0].value.split("|")
        serving = {a.key: a for a in agencies if a.region is not None and a.region.code in codes}
        if len(serving) == 1:
            return next(iter(serving.values())), "sentence-source"
    return None, "none"


_GOVERNMENTS = frozenset({"pemda", "setda"})


def _agency_named_in_title(title: Mention, mentions: tuple[Mention, ...], agencies: list[Agency],
                           knowledge: Knowledge) -> Agency | None:
    """The article's agency a title points at without naming it: by region ("Kepala Bidang Statistik
    Kutim": the one agency of the article serving Kutim, a government body only if nothing else does) or
    by a unit only one agency type has ("Anggota Komisi I": the article's one DPRD)."""
    regions = [m for m in mentions if m.kind == "region"
               and title.span.start <= m.span.start and m.span.end <= title.span.end]
    if regions:
        codes = set(regions[-1].value.split("|"))
        serving = {a.key: a for a in agencies if a.region is not None and a.region.code in codes}
        if len(serving) > 1:
            serving = {k: a for k, a in serving.items() if a.type_id not in _GOVERNMENTS}
        if len(serving) == 1:
            return next(iter(serving.values()))
    units = knowledge.roles.unit_words
    if units:
        for word in title.text.split():
            type_id = units.get(word.casefold())
            if type_id is None:
                continue
            of_type = {a.key: a for a in agencies if a.type_id == type_id}
            if len(of_type) == 1:
                return next(iter(of_type.values()))
    return None


def _lead_sides(text: str, mentions: tuple[Mention, ...], agencies: list[Agency],
                before: int) -> tuple[Agency | None, Agency | None]:
    """(visitor, host) as the last sentence with a visit trigger between two agencies before `before` (or
    else the first such sentence) states them: in an article with two visits, the one being told.

    A rough reading, used only for officials whose title names no agency but whose sentence says
    which side they are on ("Rombongan dipimpin <title>", "Tuan rumah, <title>").
    """
    found: tuple[Agency, Agency] | None = None
    for trigger in (m for m in mentions if m.kind == "trigger"):
        start = sentence_start(text, trigger.span.start)
        end_match = SENTENCE_END.search(text, trigger.span.end)
        end = end_match.start() if end_match else len(text)
        earlier = [a for a in agencies if start <= a.span.start and a.span.end <= trigger.span.start]
        later = [a for a in agencies if trigger.span.end <= a.span.start and a.span.end <= end]
        if not earlier and later and found is not None and found[0].key != later[0].key:
            earlier = [found[0]]  # "Keesokan harinya, tim bertandang ke Y": the same visitors
        if earlier and later and earlier[0].key != later[0].key:
            pair = (earlier[0], later[0])
            if _RECEIVES.search(text, max(start, trigger.span.start - 30), trigger.span.start):
                pair = (later[0], earlier[0])  # "Y menerima kunjungan X"
            if start >= before:
                return found or pair
            found = pair
    return found or (None, None)


# "…, Yusnita Chaniago, S.Sos., mewakili Kepala Diskominfotik Sumbar": standing in for an agency or its head
_REPRESENTS = re.compile(r"(?i)[ \t]*,?[ \t]*(?:yang[ \t]+)?mewakili[ \t]+(?:(?:plt|plh)\.?[ \t]+)?"
                         r"(?:kepala(?:[ \t]+(?:dinas|badan|kantor))?[ \t]+)?")


def _represented(text: str, end: int, agencies: list[Agency]) -> tuple[Agency | None, str]:
    """The agency the official stands in for, or whose head, named right after the name ("…, mewakili
    Kepala Diskominfo Sumbar", "mewakili Diskominfo Sumbar"): one stands in for one's own agency. Standing
    in for a governor or a regent says nothing of the official's own agency."""
    stand_in = _REPRESENTS.match(text, end)
    if stand_in is None:
        return None, "none"
    head = next((a for a in agencies if a.span.start == stand_in.end()), None)
    if head is None or head.type_id in _GOVERNMENTS:
        return None, "none"
    return head, "represents"


def _visit_side(text: str, title: Mention, mentions: tuple[Mention, ...],
                agencies: list[Agency]) -> tuple[Agency | None, str]:
    """The visiting or the hosting agency, when the clause before the title says which side it is."""
    clause = text[sentence_start(text, title.span.start):title.span.start]
    host = _HOST_CUE.search(clause) is not None
    if not host and _VISITOR_CUE.search(clause) is None:
        return None, "none"
    visitor, host_agency = _lead_sides(text, mentions, agencies, title.span.start)
    chosen = host_agency if host else visitor
    return (chosen, "visit-side") if chosen is not None else (None, "none")


_LIST_GAP = 12


def _listed_after(person: Mention, listed: list[Mention]) -> list[Mention]:
    """The names listed right after `person` ("… Dewi Siregar dan Ferry Tambunan"), in order."""
    out = []
    end = person.span.end
    for other in listed:
        if end <= other.span.start <= end + _LIST_GAP:
            out.append(other)
            end = other.span.end
    return out


_RECENT_REACH = 500


def _recent_agency(title: Mention, posts: list[Post], agencies: list[Agency]) -> tuple[Agency | None, str]:
    """"Kepala Diskominfotik Nunukan, X, mengatakan … . Kabid Statistik dan Persandian, Y, menambahkan":
    with no cue at all, a unit's official speaks for the agency of the official just quoted, if no other
    agency is named in between (a government's head is not the agency of a unit head)."""
    previous = next((p for p in reversed(posts) if p.agency is not None
                     and p.agency.type_id not in _GOVERNMENTS), None)
    if previous is None or previous.agency is None \
            or not 0 <= title.span.start - previous.span.end <= _RECENT_REACH:
        return None, "none"
    if any(previous.span.end <= a.span.start < title.span.start and a.key != previous.agency.key
           for a in agencies):
        return None, "none"
    return previous.agency, "recent"


def _only_voice(posts: list[Post], agencies: list[Agency]) -> tuple[Agency | None, str]:
    """In an article about one regional agency (the only regional body it names besides governments; a
    visit names two), a unit's official with no cue ("Kepala Bidang IKP, Maria …, menambahkan") works where
    every official quoted before works, however far back."""
    regional = {a.key for a in agencies if a.region is not None and a.type_id not in _GOVERNMENTS}
    keys = {p.agency.key for p in posts if p.agency is not None and p.agency.type_id not in _GOVERNMENTS}
    if len(keys) != 1 or regional != keys:
        return None, "none"
    return next(p.agency for p in reversed(posts) if p.agency is not None and p.agency.key in keys), "recent"


def _sole_agency(agencies: list[Agency]) -> tuple[Agency | None, str]:
    """The article's only agency other than a regional government: a unit's official with no other cue
    ("Hadir pula Kepala Bidang Aptika, X") works there."""
    bodies = {a.key: a for a in agencies if a.type_id not in _GOVERNMENTS}
    if len(bodies) == 1:
        return next(iter(bodies.values())), "sole"
    return None, "none"


def _companion_agency(text: str, title: Mention, previous: Post, agencies: list[Agency]) \
        -> tuple[Agency | None, str]:
    """"<post>, didampingi <title>, <name>": a companion of the previous official shares the agency."""
    if previous.agency is None or not 0 <= title.span.start - previous.span.end <= _COMPANION_REACH:
        return None, "none"
    between = text[previous.span.end:title.span.start]
    if not _COMPANION_CUE.search(between) or "\n" in between.strip(" \t") or _RECEIVING.search(between):
        return None, "none"  # "… dipimpin <post>, dan diterima <title>": the other side of the visit
    if any(previous.span.end <= a.span.start < title.span.start for a in agencies):
        return None, "none"
    return previous.agency, "companion"


def _official(person: Mention, knowledge: Knowledge) -> Official:
    """The bare name with the honorifics before it and the degrees after it separated."""
    honorifics: list[str] = []
    degrees: list[str] = []
    for token in _NAME_TOKEN.findall(person.text):
        if token in knowledge.titles.honorifics and not degrees and token not in person.value.split():
            honorifics.append(knowledge.titles.honorifics[token])
        elif token in knowledge.titles.degrees and token not in person.value.split():
            degrees.append(knowledge.titles.degrees[token])
    return Official(person.value, _name_span(person), tuple(honorifics), tuple(degrees))


def _name_span(person: Mention) -> Span:
    """Where the bare name is written inside the person mention (honorifics and degrees left out)."""
    words = person.value.split()
    at = _word_start(person.text, words[0])
    if at < 0:
        return person.span
    end = at + len(words[0])
    for word in words[1:]:
        found = person.text.find(word, end)
        if found < 0:
            return person.span
        end = found + len(word)
    return Span(person.span.start + at, person.span.start + end)


def _word_start(text: str, word: str) -> int:
    """Where `word` is first written not right after a word character or a dot, or -1 (a name written
    with its honorific "H.Iskandar" does not count): a plain search, as names are too many to compile a
    pattern for each."""
    at = text.find(word)
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_."):
        at = text.find(word, at + 1)
    return at


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

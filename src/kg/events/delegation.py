"""Delegations: which agencies travelled together, read from the phrases that list a delegation.

Articles often name the visitors apart from the visit sentence: "Tiga dinas … studi banding ke Y.
Ketiganya adalah A, B dan C", "Y disambangi rombongan dari Kabupaten X. Rombongan terdiri atas jajaran
Diskominfo X serta …", "Kegiatan ini diikuti pula oleh Diskominfo X", "Ia didampingi pejabat dari Dinas
Kominfo X". The phrases are data (visit_triggers.yaml, `delegation`); this module reads them only in a
visit's sentences and the two after each, so the rest of the article costs nothing.

A listed agency joins the visitors unless it stands on the host's side: the host itself, an agency of
the host's region when the visitors come from elsewhere, a companion of someone who receives ("diterima
Kepala Y, didampingi …"). An agency written only in the title of an official travelling with their own
region's government ("Pemkab X … dipimpin Wakil Bupati X, didampingi Kepala Diskominfo X") is a member
of that government's delegation, as the gold corpora annotate it, not another visitor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.events.cues import VisitCues
from kg.events.groups import GOVERNMENT_TYPES, VERB, aside, group_after, is_generic
from kg.events.view import ArticleView
from kg.types import Agency, Span

WINDOW = 2  # sentences after a visit sentence in which its delegation may still be listed
_MAX_LEAD = 70  # characters between a phrase and the first agency it lists
_MAX_COMPANION = 120  # characters between the person or body accompanied and "didampingi"
_CLAUSE = re.compile(r"[.;:]|(?<![\w-])(?:yang|untuk|guna|tentang|mengenai|selaku|sebagai)(?![\w-])")


def listed_delegation(view: ArticleView, index: int, host: Agency, cues: VisitCues) -> list[Agency]:
    """The agencies a composition phrase of sentence `index` lists as the delegation ("Rombongan terdiri
    atas Diskominfo X dan Bappeda X", "Ketiganya adalah A, B dan C"), host side excluded."""
    span = view.sentence(index)
    for match in cues.delegation.finditer(view.low, span.start, span.end):
        if _role(match, cues) != "composition" or not _about_delegation(view, span, match, cues, ()):
            continue
        members = _members(view, match.end(), span.end, host, [], cues)
        if members:
            return members
    return []


def delegation_after(view: ArticleView, index: int, host: Agency, cues: VisitCues) -> list[Agency]:
    """For a visit sentence that names the host but no visiting agency ("… disambangi rombongan dari
    Kabupaten X", "Tiga dinas … ke Y"): the delegation listed in one of the next two sentences, unless a
    sentence before that names another party (a headline's visitors are told in the lead's own words)."""
    last = min(index + WINDOW, len(view.sentences.spans) - 1)
    for later in range(index + 1, last + 1):
        members = listed_delegation(view, later, host, cues)
        if members:
            return members
        span = view.sentence(later)
        if any(
            a.key != host.key and not _hosts_region(a, host, []) for a in view.actors_in(span.start, span.end)
        ):
            return []
    return []


def joined_visitors(
    view: ArticleView, sentences: list[int], host: Agency, visitors: list[Agency], cues: VisitCues
) -> list[Agency]:
    """Agencies that joined a delegation, named in `sentences` (a visit's own and the two after each):
    "Kegiatan ini diikuti pula oleh X", "Ikut dalam rombongan …", "Rombongan terdiri atas …", "Wakil
    Bupati X, didampingi …", "Ia didampingi pejabat dari X". Returns only agencies not yet visitors."""
    if not sentences:
        return []
    known = {v.key for v in visitors}
    found: list[Agency] = []
    for match in _phrases(view, sentences, cues):
        index = view.sentences.index_of(match.start())
        span = view.sentence(index)
        role = _role(match, cues)
        if role == "companion":
            if not _accompanies_visitor(view, index, span, match, host, visitors, cues):
                continue
        elif not _about_delegation(view, span, match, cues, visitors):
            continue
        for member in _members(view, match.end(), span.end, host, visitors, cues):
            if member.key not in known:
                known.add(member.key)
                found.append(member)
    return found


def composed_governments(
    view: ArticleView, sentences: list[int], host: Agency, visitors: list[Agency], cues: VisitCues
) -> set[str]:
    """Keys of visiting governments whose delegation the text breaks down into its agencies: "Rombongan
    Pemkab Bengkulu Selatan … Mereka terdiri atas jajaran Diskominfo dan Bappeda Bengkulu Selatan". The
    agencies are the visitors when they go to an agency; the government only named the group, unless one
    of its own officials (a regent, a secretary) is named in the article. A government visiting a
    government stays a party ("Rombongan Pemkab Siak … ke Pemkab Banyuwangi")."""
    if host.type_id in GOVERNMENT_TYPES:
        return set()
    represented = {p.agency.key for p in view.posts if p.agency is not None}
    governments = {v.region.code: v.key for v in visitors
                   if v.type_id == "pemda" and v.region is not None and v.key not in represented}
    if not governments or not sentences:
        return set()
    out: set[str] = set()
    others = [v for v in visitors if v.type_id != "pemda"]
    for match in _phrases(view, sentences, cues):
        if _role(match, cues) != "composition":
            continue
        span = view.sentence(view.sentences.index_of(match.start()))
        if not _about_delegation(view, span, match, cues, visitors):
            continue
        for member in _members(view, match.end(), span.end, host, others, cues):
            if member.region is not None and member.region.code in governments and member.type_id != "pemda":
                out.add(governments[member.region.code])
    return out


def _phrases(view: ArticleView, sentences: list[int], cues: VisitCues) -> Iterator[re.Match[str]]:
    """The delegation phrases of `sentences` (sorted), one scan per run of consecutive sentences."""
    first = previous = sentences[0]
    for index in [*sentences[1:], None]:
        if index is not None and index == previous + 1:
            previous = index
            continue
        yield from cues.delegation.finditer(view.low, view.sentence(first).start, view.sentence(previous).end)
        if index is not None:
            first = previous = index


def _role(match: re.Match[str], cues: VisitCues) -> str:
    return cues.delegation_roles[" ".join(match.group().split())]


def _about_delegation(
    view: ArticleView, span: Span, match: re.Match[str], cues: VisitCues, visitors: list[Agency] | tuple[()]
) -> bool:
    """Whether a composition or joining phrase speaks of the delegation: it names it itself ("ketiganya
    adalah", "ikut dalam rombongan"), or its subject is the delegation or the visit ("Rombongan terdiri
    atas", "Kegiatan ini diikuti oleh", "Studi tiru ini diikuti oleh") or a visiting agency; never after
    words of the host's side."""
    before = (span.start, match.start())
    if cues.host_side.search(view.low, *before):
        return False
    if match.group().split()[0] in cues.delegation_pronouns or cues.delegation_subject.search(match.group()):
        return True
    if cues.delegation_subject.search(view.low, *before) or view.mentions_of("trigger", *before):
        return True  # "Rombongan terdiri atas …", "Studi tiru ini diikuti oleh …"
    keys = {v.key for v in visitors}
    named = view.actors_in(span.start, match.start())
    return bool(named) and named[-1].key in keys


def _accompanies_visitor(
    view: ArticleView,
    index: int,
    span: Span,
    match: re.Match[str],
    host: Agency,
    visitors: list[Agency],
    cues: VisitCues,
) -> bool:
    """Whether "didampingi"/"beserta" follows someone of the delegation: the body or official named
    right before ("Wakil Bupati X, …, didampingi"), the delegation word ("Rombongan didampingi"), or the
    person a sentence-opening pronoun stands for ("Ia didampingi", the last one named the sentence
    before); never a companion of the host ("diterima Kepala Y, didampingi …")."""
    keys = {v.key for v in visitors}
    named = view.actors_in(span.start, match.start())
    if named and match.start() - named[-1].span.end <= _MAX_COMPANION:
        last = named[-1]
        if cues.host_side.search(view.low, last.span.end, match.start()):
            return False
        return last.key in keys
    if cues.host_side.search(view.low, span.start, match.start()):
        return False
    if cues.delegation_subject.search(view.low, span.start, match.start()):
        return True
    if index > 0 and cues.person_pronoun.match(view.low, span.start, match.start()):
        previous = view.sentence(index - 1)
        earlier = view.actors_in(previous.start, previous.end)
        return (
            bool(earlier)
            and earlier[-1].key in keys
            and not cues.host_side.search(view.low, earlier[-1].span.end, previous.end)
        )  # "Rombongan X disambut Budi. Ia didampingi …": Budi receives
    return False


def _members(
    view: ArticleView, pos: int, end: int, host: Agency, visitors: list[Agency], cues: VisitCues
) -> list[Agency]:
    """The agencies listed right after a phrase, without the host's side and without members of a
    visiting government written only in their officials' titles."""
    agencies = [a for a in view.actors_in(pos, end) if not is_generic(a, cues)]
    group = group_after(view, agencies, pos, cues)
    if not group or group[0].span.start - pos > _MAX_LEAD:
        return []
    lead = view.low[pos : group[0].span.start]
    if VERB.search(lead) or _CLAUSE.search(lead):
        return []  # "didampingi staf yang membidangi …": the name belongs to another clause
    governments = {v.region.code for v in visitors if v.type_id == "pemda" and v.region is not None}
    titled: set[Span] | None = None
    out = []
    for agency in group:
        if agency.key == host.key or not agency.resolved or aside(view, agency, cues):
            continue
        if _hosts_region(agency, host, visitors):
            continue
        if agency.region is not None and agency.region.code in governments:
            if titled is None:
                titled = {p.agency.span for p in view.posts if p.agency is not None}
            if not view.is_named(agency) or agency.span in titled:
                continue  # an official of the visiting government: its member, not another visitor
        out.append(agency)
    return out


def _hosts_region(agency: Agency, host: Agency, visitors: list[Agency]) -> bool:
    """An agency of the host's region (or the province around it) while no visitor comes from there."""
    if agency.region is None or host.region is None:
        return False
    code, home = agency.region.code, host.region.code
    if not _related(code, home):
        return False
    return not any(v.region is not None and _related(v.region.code, code) for v in visitors)


def _related(one: str, other: str) -> bool:
    """Whether one region lies within the other (or they are the same)."""
    return one == other or one.startswith(other + ".") or other.startswith(one + ".")

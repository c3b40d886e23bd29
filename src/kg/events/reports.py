"""What one sentence says about a visit: who visits, who hosts, in which words.

A sentence with a live trigger (not planned, not "jumlah kunjungan") is read around its direction
phrases: "X mengunjungi Y" and "kunjungan kerja ke Y" put the visitors before and the host after,
"Y menerima kunjungan X" the other way round, "kunjungan X disambut oleh Y" the visitors before a
passive verb. Agencies listed together ("X bersama Y dan Z") form one side; a delegation word
("rombongan", "mereka") stands for the visitors named before. A name inside a venue ("di Gedung Pemko
Batam") is a place, not a party; the post of an official leading a delegation named before it is not the
delegation; a region written alone after "ke" ("ke Kabupaten Murung Raya") is visited as its government.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.events.cues import VisitCues
from kg.events.delegation import delegation_after, listed_delegation
from kg.events.groups import (
    MAX_REACH,
    VERB,
    group_after,
    group_before,
    is_generic,
    led_by,
    unique,
)
from kg.events.view import ArticleView, EventKnowledge
from kg.types import Agency, Mention, Span

# "akan" shortly before a trigger: "akan menggelar studi tiru", "akan kembali berkunjung".
_WILL = re.compile(r"(?=[aA][kK][aA][nN]\s)(?<![\w-])akan\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# A hope or intention shortly before a trigger, in the same clause: "berharap Diskominfo X dapat
# berkunjung ke …", "hendak melakukan studi tiru" (no punctuation between).
_WISH = re.compile(
    r"(?<![\w-])(?:berharap|mengharapkan|harapannya|semoga|mudah-mudahan|hendak|bakal)\s+(?:[\w-]+\s+){0,5}$",
    re.IGNORECASE,
)
_WILL_OR_WISH_HINT = re.compile(r"akan|harap|semoga|mudah-mudahan|hendak|bakal")  # held by every match
# "tiba di Jakarta", "studi tiru di Bandung": being in a town is not visiting its government ("ke" is).
_PUNCTUATION = re.compile(r"[,.;:]")
_ARRIVAL = re.compile(r"(?<![\w-])di$")
_WITH = re.compile(r"\s*(?:bersama|beserta|serta|dan|didampingi)(?![\w-])")
_ORIGIN = re.compile(r"\s+dari\s", re.IGNORECASE)
_OTHER_CLAUSE = re.compile(r"(?<![\w-])(?:yang|untuk|guna|agar|supaya|tentang|mengenai)(?![\w-])")
_DOES = re.compile(
    r"\s*,?\s*(?:yang\s+)?(?:(?:juga|telah|pun|turut)\s+)?(?:melakukan|melaksanakan|mengadakan|menggelar)\s+",
    re.IGNORECASE,
)
_ONE_WORD = re.compile(r"\s+\w+\s+")
_PLAN_REACH = 30  # characters before a direction phrase in which a plan word makes it a plan


@dataclass
class Report:
    """What one sentence says about a visit."""

    sentence: int
    visitors: list[Agency]
    host: Agency | None
    kinds: set[str]
    rule: str
    confidence: float
    with_subregions: bool = False


def _host_after(view: ArticleView, agencies: list[Agency], pos: int) -> Agency | None:
    """The first agency after `pos`; a region's government gives way to a named agency of that region
    that follows it ("ke Provinsi Jawa Timur mengunjungi Diskominfo Provinsi Jatim")."""
    after = [a for a in agencies if a.span.start >= pos]
    if not after or after[0].span.start - pos > MAX_REACH:
        return None
    first = after[0]
    if first.type_id == "pemda" and first.region is not None:
        for later in after[1:]:
            if later.span.start - first.span.end > MAX_REACH:
                break
            if (
                later.type_id not in (None, "pemda")
                and later.region is not None
                and (
                    later.region.code == first.region.code
                    or later.region.code.startswith(first.region.code + ".")
                )
            ):
                return later
    return first


def _office_visited(
    view: ArticleView, agencies: list[Agency], pos: int, span: Span, cues: VisitCues
) -> Agency | None:
    """ "Kantor Diskominfo Y disambangi rombongan …": the office opening the sentence is visited, so its
    agency hosts (a venue word after "di" or inside a clause still names a place, not a party)."""
    last = next((a for a in reversed(agencies) if a.span.end <= pos), None)
    if last is None or view.low[last.span.end : pos].strip() and not _in_its_town(view, last.span.end, pos):
        return None
    venue = cues.venue_before.search(view.low, max(span.start, last.span.start - 30), last.span.start)
    if venue is None:
        return None
    opening = view.text[span.start : venue.start()].strip()
    return last if not opening or opening[-1] in "–-,—" else None


_AT = re.compile(r"[ \t]*,?[ \t]*di[ \t]+")


def _in_its_town(view: ArticleView, start: int, end: int) -> bool:
    """Whether [start, end) only says where the office is: "Kantor Diskominfotik Sumbar di Padang"."""
    at = _AT.match(view.low, start, end)
    if at is None:
        return False
    towns = view.mentions_of("region", at.end(), end)
    if not towns or towns[0].span.start != at.end():
        return False
    return not view.low[towns[-1].span.end : end].strip(" ,")


def _planned_cue(view: ArticleView, span: Span, start: int, end: int, cues: VisitCues) -> bool:
    """Whether a plan word ("dijadwalkan", "akan berkunjung", "berencana") stands right before or on a
    direction phrase, in the same clause: the trigger noun may be far before it ("Rombongan yang juga
    melibatkan … itu dijadwalkan akan berkunjung ke Y"), so the phrase itself must be checked."""
    for cue in cues.planned.finditer(view.low, max(span.start, start - _PLAN_REACH), end):
        if cue.end() > start or not _PUNCTUATION.search(view.low, cue.end(), start):
            return True
    return False


def _cue_positions(
    view: ArticleView, span: Span, triggers: list[Mention], cues: VisitCues
) -> list[tuple[int, int, str]]:
    """(start, end, role) of every direction cue in the sentence, in text order."""
    text = view.text
    found: list[tuple[int, int, str]] = []
    low = view.low
    roles = cues.roles
    for match in cues.direction.finditer(low, span.start, span.end):
        phrase = match.group()  # lower case already: the cues scan `view.low`
        role = roles.get(phrase) or roles[" ".join(phrase.split())]
        if _planned_cue(view, span, match.start(), match.end(), cues):
            continue  # "rombongan … dijadwalkan akan berkunjung ke Y": the verb, not the noun, is planned
        origin = _ORIGIN.match(text, match.end()) if role == "visitor_first" else None
        if origin:  # "datang dari X": X is where the visitors come from
            found.append((match.start(), origin.end(), "origin"))
            continue
        found.append((match.start(), match.end(), role))
    actors = view.actors_in(span.start, span.end)
    for trigger in triggers:
        # "kunjungan kerja ke Y", "studi tiru dan orientasi lapangan ke Y", "kunjungan Diskominfo X ke Y":
        # up to six words between, not counting the words of agency names nor of topics
        window_end = min(span.end, trigger.span.end + 240)
        after = [a for a in actors if trigger.span.end <= a.span.start]  # sorted, not overlapping
        for match in cues.destination.finditer(low, trigger.span.end, window_end):
            word = match.group()
            gap = text[trigger.span.end : match.start()]
            for actor in after:
                if actor.span.end > match.start():
                    break
                gap = gap.replace(actor.surface, " ")
            if len(gap.split()) > 6:
                # what the visit was about does not count either ("studi tiru tentang kehumasan … ke Y")
                for topic in view.mentions_of("topic", trigger.span.end, match.start()):
                    gap = gap.replace(topic.text, " ")
            gap_words = len(gap.split())
            if gap_words > 6 or any(p in gap for p in ".;:"):
                break
            if (word == "di" and gap_words > 1) or text[match.end() : match.end() + 1] == "-":
                continue
            found.append((match.start(), match.end(), "destination"))
            break
        source = cues.source.match(low, trigger.span.end + 1) if trigger.span.end < span.end else None
        if source is None:
            nxt = _ONE_WORD.match(text, trigger.span.end, span.end)
            if nxt:
                source = cues.source.match(low, nxt.end())
        if source is not None:
            found.append((source.start(), source.end(), "source"))
    return sorted(found)


_LEVELS = ("provinsi", "kabupaten", "kota")


def _within(agency: Agency, code: str) -> bool:
    """Whether the agency serves the region `code` or a region inside it."""
    return agency.region is not None and (agency.region.code + ".").startswith(code + ".")


def _region_host(
    view: ArticleView, pos: int, end: int, knowledge: EventKnowledge | None, visitors: list[Agency]
) -> Agency | None:
    """A region written alone right after "ke" ("kunjungan kerja ke Kabupaten Murung Raya") stands for
    its government; not a region inside the visitors' own (a tour of one's own districts)."""
    if knowledge is None:
        return None
    for mention in view.mentions_of("region", pos, min(end, pos + 40)):
        if view.text[pos : mention.span.start].strip():
            return None
        region = next((r for r in knowledge.regions(mention.value) if r.level in _LEVELS), None)
        if region is None or any(
            v.region is not None and (region.code + ".").startswith(v.region.code + ".") for v in visitors
        ):
            return None
        return knowledge.make_agency("pemda", region, mention.text, mention.span)
    return None


def _report(
    view: ArticleView,
    index: int,
    triggers: list[Mention],
    cues: VisitCues,
    knowledge: EventKnowledge | None = None,
) -> Report | None:
    """Read one sentence: which agencies visit, which one hosts."""
    span = view.sentence(index)
    all_agencies = view.actors_in(span.start, span.end)
    agencies = [a for a in all_agencies if not is_generic(a, cues)]
    subregions = len(agencies) < len(all_agencies) or bool(
        cues.with_subregions.search(view.low, span.start, span.end)
    )
    kinds = {t.value for t in triggers}
    for start, end, role in _cue_positions(view, span, triggers, cues):
        host: Agency | None = None
        visitors: list[Agency] = []
        if role == "host_first":
            before = group_before(view, agencies, start, cues)
            host = before[-1] if before else _office_visited(view, agencies, start, span, cues)
            if host is None and cues.received_by.search(view.low, end, span.end):
                continue  # "Kedatangan rombongan disambut Kepala Y": a noun, the passive verb tells
            visitors = group_after(view, agencies, end, cues)
            confidence = 0.9
        elif role == "received_by":
            visitors = group_before(view, agencies, start, cues)
            host = _host_after(view, agencies, end)
            confidence = 0.9
        elif role in ("visitor_first", "destination"):
            visitors = group_before(view, agencies, start, cues)
            host = _host_after(view, agencies, end)
            if host is not None and _WITH.match(view.low, end, host.span.start):
                host = None  # "datang bersama Diskominfo Y": a companion, not the host
            elif host is None and not _ARRIVAL.search(view.low, start, end):
                host = _region_host(view, end, span.end, knowledge, visitors)
            elif host is not None and _PUNCTUATION.search(view.low, end, host.span.start):
                # "Studi Banding ke Semarang, Disdukcapil Ikut Serta": the town is where they went; a name
                # after the comma, not of that town, starts another clause
                town = _region_host(view, end, host.span.start, knowledge, visitors)
                if town is not None and town.region is not None and not _within(host, town.region.code):
                    host = town
            confidence = 0.85 if role == "visitor_first" else 0.8
        elif role == "origin":  # "rombongan datang dari X"
            visitors = group_after(view, agencies, end, cues)
            confidence = 0.75
        else:  # source: "kunjungan kerja dari X"
            visitors = group_after(view, agencies, end, cues)
            trigger_start = min(t.span.start for t in triggers)
            before = group_before(view, agencies, trigger_start, cues)
            host = before[-1] if before else None
            confidence = 0.75
        if not visitors:
            for marker in cues.visitor_marker.finditer(view.low, span.start, span.end):
                marked = group_after(view, agencies, marker.end(), cues)
                near = (
                    marked
                    and marked[0].span.start - marker.end() < 40
                    and not cues.direction.search(view.low, marker.end(), marked[0].span.start)
                )  # "rombongan juga menyambangi Bappeda X": the host, not the delegation
                if near and led_by(view, marked[0], cues) is None:
                    visitors = marked
                    break
        if host is not None:
            visitors = [v for v in visitors if v.key != host.key]
        if host is None and not visitors:
            continue
        return Report(index, unique(visitors), host, kinds, f"visit:{role}", confidence, subregions)
    for trigger in triggers:  # "giliran Diskominfo X yang melakukan studi banding": the visitors alone
        subject = next((a for a in reversed(agencies) if a.span.end <= trigger.span.start), None)
        if subject is not None and _DOES.fullmatch(view.text, subject.span.end, trigger.span.start):
            return Report(index, [subject], None, kinds, "visit:subject", 0.6, subregions)
    return None


def _planned(view: ArticleView, trigger: Mention, window: tuple[int, int], cues: VisitCues) -> bool:
    """A plan or cancellation word near the trigger, not inside a clause about something else ("…
    mempelajari aplikasi yang direncanakan …")."""
    for cue in cues.planned.finditer(view.low, *window):
        if cue.start() < trigger.span.start:
            if "," not in view.low[cue.end() : trigger.span.start]:  # ", yang berencana …, mengunjungi"
                return True
            continue
        between = view.low[trigger.span.end : cue.start()]
        if not _OTHER_CLAUSE.search(between):
            return True
    return False


def live_triggers(view: ArticleView, cues: VisitCues) -> dict[int, list[Mention]]:
    """Trigger mentions that report a visit that happened, by sentence index."""
    by_sentence: dict[int, list[Mention]] = {}
    for trigger in view.mentions_of("trigger"):
        index = view.sentences.index_of(trigger.span.start)
        span = view.sentence(index)
        window = (max(span.start, trigger.span.start - 60), min(span.end, trigger.span.end + 80))
        before = view.text[window[0] : trigger.span.start]
        # _WILL and _WISH need one of their words before the trigger; in plain ASCII text, where lower
        # case mirrors matching ignoring case exactly, one cheap scan of the lower case rules both out
        hinted = not before.isascii() or _WILL_OR_WISH_HINT.search(view.low, window[0], trigger.span.start)
        if (
            _planned(view, trigger, window, cues)
            or (hinted and _WILL.search(view.text, window[0], trigger.span.start))
            or (hinted and _WISH.search(view.text, window[0], trigger.span.start))
        ):
            continue
        blocked = cues.not_visit.search(
            view.low, max(span.start, trigger.span.start - 25), min(span.end, trigger.span.end + 25)
        )
        if blocked and blocked.start() < trigger.span.end and trigger.span.start < blocked.end():
            continue
        by_sentence.setdefault(index, []).append(trigger)
    return by_sentence


def received_reports(
    view: ArticleView, live: dict[int, list[Mention]], cues: VisitCues, kind: str
) -> dict[int, list[Mention]]:
    """Sentences with no trigger word where a delegation already named is received: "Di Surabaya, tim
    disambut hangat oleh jajaran Diskominfo Jatim". The delegation word stands in for the trigger."""
    found: dict[int, list[Mention]] = {}
    start = view.sentence(min(live)).start
    last = min(max(live) + 3, len(view.sentences.spans) - 1)  # the delegation was named shortly before
    for cue in cues.received_by.finditer(view.low, start, view.sentence(last).end):
        index = view.sentences.index_of(cue.start())
        if index in live or index in found:
            continue
        span = view.sentence(index)
        word = cues.anaphora.search(view.low, span.start, cue.start())
        if word is not None:
            found[index] = [
                Mention("trigger", Span(word.start(), word.end()), word.group(), kind, "anaphora")
            ]
    return found


def read_reports(
    view: ArticleView,
    live: dict[int, list[Mention]],
    cues: VisitCues,
    knowledge: EventKnowledge | None = None,
) -> list[Report]:
    """One report per sentence that says something about a visit, in text order; a delegation word is
    resolved against the reports before it."""
    reports: list[Report] = []
    for index in sorted(live):
        report = _report(view, index, live[index], cues, knowledge)
        if report is not None:
            if report.host is not None and not report.visitors:
                _resolve_anaphora(view, report, reports, cues)
            if report.host is not None and not report.visitors:  # "… disambangi rombongan dari Kabupaten X"
                listed = delegation_after(view, index, report.host, cues)
                if listed:
                    report.visitors, report.rule, report.confidence = listed, report.rule + "+delegation", 0.7
            reports.append(report)
    return reports


def _resolve_anaphora(view: ArticleView, report: Report, earlier: list[Report], cues: VisitCues) -> None:
    """ "rombongan menyambangi Y", "mereka diterima Kepala Y": the delegation is the one of the visit
    reported before, else the delegation the nearest sentence before lists ("Rombongan terdiri atas …"),
    else the agency it names first, its subject (two sentences back at most)."""
    span = view.sentence(report.sentence)
    if not cues.anaphora.search(view.low, span.start, span.end):
        return
    assert report.host is not None
    for previous in reversed(earlier):
        if previous.visitors:
            visitors = [v for v in previous.visitors if v.key != report.host.key]
            if visitors:
                report.visitors, report.rule, report.confidence = visitors, report.rule + "+anaphora", 0.7
            return
    for index in range(report.sentence - 1, max(-1, report.sentence - 3), -1):
        listed = listed_delegation(view, index, report.host, cues)
        if listed:  # "Rombongan terdiri atas Diskominfo X dan Setda X. Mereka disambut …"
            report.visitors, report.rule, report.confidence = listed, report.rule + "+delegation", 0.7
            return
        before = view.sentence(index)
        named = view.actors_in(before.start, before.end)
        if named:  # the subject of the nearest sentence naming an agency, not an object of its verb
            subject = not VERB.search(view.low, before.start, named[0].span.start)
            if subject and named[0].key != report.host.key:
                report.visitors, report.rule, report.confidence = [named[0]], report.rule + "+anaphora", 0.65
            return

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
from functools import lru_cache

from kg.events.cues import VisitCues
from kg.events.view import ArticleView, EventKnowledge
from kg.types import Agency, Mention, Span

_PUNCTUATION = re.compile(r"[,.;:]")

_VERB = re.compile(r"(?<![\w-])(?:me|ber|di|ter)[a-z]{3,}(?![\w-])")
_COORDINATOR = re.compile(r",|(?<![\w-])(?:dan|bersama|beserta|serta|didampingi|&)(?![\w-])", re.IGNORECASE)
# "akan" shortly before a trigger: "akan menggelar studi tiru", "akan kembali berkunjung".
_WILL = re.compile(r"(?=[aA][kK][aA][nN]\s)(?<![\w-])akan\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# A hope or intention shortly before a trigger, in the same clause: "berharap Diskominfo X dapat
# berkunjung ke …", "hendak melakukan studi tiru" (no punctuation between).
_WISH = re.compile(
    r"(?<![\w-])(?:berharap|mengharapkan|harapannya|semoga|mudah-mudahan|hendak|bakal)\s+(?:[\w-]+\s+){0,5}$",
    re.IGNORECASE,
)
_WILL_OR_WISH_HINT = re.compile(r"akan|harap|semoga|mudah-mudahan|hendak|bakal")  # held by every match
_LEFT = re.compile(
    r"(?=[suSU])(?<![\w-])(?:setelah|usai|seusai|sepulang|selepas|sebelumnya)\s+(?:\w+\s+)?dari\s+$",
    re.IGNORECASE,
)
# "tiba di Jakarta", "studi tiru di Bandung": being in a town is not visiting its government ("ke" is).
_ARRIVAL = re.compile(r"(?<![\w-])di$")
_WITH = re.compile(r"\s*(?:bersama|beserta|serta|dan|didampingi)(?![\w-])")
_PARTNER = re.compile(r"(?<![\w-])(?<!bersama )dengan\s+$")
_CLAUSE_SOURCE = re.compile(r"(?<![\w-])(?<!terdiri )(?<!berasal )(?:dari|oleh|kepada)\s+$")
_ON_BEHALF = re.compile(r"(?<![\w-])(?:undangan|arahan|instruksi|permintaan|perintah|mandat)\s+$")
_ORIGIN = re.compile(r"\s+dari\s", re.IGNORECASE)
_OTHER_CLAUSE = re.compile(r"(?<![\w-])(?:yang|untuk|guna|agar|supaya|tentang|mengenai)(?![\w-])")
_VENUE_BREAK = re.compile(r"[,.;:()]|(?<![\w-])(?:oleh|dan|bersama|yang)(?![\w-])")
_DOES = re.compile(
    r"\s*,?\s*(?:yang\s+)?(?:(?:juga|telah|pun|turut)\s+)?(?:melakukan|melaksanakan|mengadakan|menggelar)\s+",
    re.IGNORECASE,
)
_ONE_WORD = re.compile(r"\s+\w+\s+")
_MAX_GAP = 90  # characters between two agencies of one group
_MAX_REACH = 160  # characters between a cue and the agency it points at


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


def _coordinated(view: ArticleView, left: Agency, right: Agency, cues: VisitCues) -> bool:
    """Whether two agencies are listed together ("X dan Y", "X bersama Y", "X, Y"); kept in the view's
    memo, as each cue of a sentence asks again."""
    key = ("coordinated", id(cues), left.span.end, right.span.start)
    if key not in view.memo:
        gap = view.low[left.span.end : right.span.start]
        view.memo[key] = (  # type: ignore[index]
            len(gap) <= _MAX_GAP
            and _COORDINATOR.search(gap) is not None
            and not _VERB.search(_COORDINATOR.sub(" ", gap))
            and not any(cue.search(gap) for cue in (cues.visitor_first, cues.host_first, cues.received_by))
        )
    return view.memo[key]  # type: ignore[index, return-value]


def _left_behind(view: ArticleView, agency: Agency) -> bool:
    """ "Setelah dari Diskominfo X, rombongan …": a place the visitors come from, not one of them."""
    return _LEFT.search(view.text, max(0, agency.span.start - 30), agency.span.start) is not None


def _partner(view: ArticleView, agency: Agency) -> bool:
    """ "X menandatangani nota kesepahaman dengan BSSN saat berkunjung ke Y": the agency after "dengan"
    (not "bersama dengan") is the partner of another act, not the one who visits."""
    if _PARTNER.search(view.low, max(0, agency.span.start - 20), agency.span.start) is not None:
        return True
    # "X yang meraih penghargaan dari Komisi Informasi Y berkunjung ke Z": inside a clause about X
    source = _CLAUSE_SOURCE.search(view.low, max(0, agency.span.start - 15), agency.span.start)
    if source is None:
        return False
    clause = view.low.rfind("yang", max(0, source.start() - 60), source.start())
    return clause >= 0 and not _PUNCTUATION.search(view.low, clause, source.start())


def _in_venue(view: ArticleView, agency: Agency, cues: VisitCues) -> bool:
    """ "Di Gedung Pemko Batam, rombongan diterima …", "di Ruang Rapat Diskominfo Y": the name says where,
    not who (a venue opened by "di" shortly before, with no verb, "oleh" or punctuation between)."""
    if cues.venue_before.search(view.low, max(0, agency.span.start - 30), agency.span.start) is not None:
        return True
    for venue in cues.venue_start.finditer(view.low, max(0, agency.span.start - 40), agency.span.start):
        gap = view.low[venue.end() : agency.span.start]
        if not _VENUE_BREAK.search(gap) and not _VERB.search(gap):
            return True
    return False


def _aside(view: ArticleView, agency: Agency, cues: VisitCues) -> bool:
    """Whether the words before the agency set it aside from a delegation: a place left, a venue, a
    partner, or on whose behalf ("atas undangan X"). Kept in the view's memo: the same agency is
    weighed for every cue of its sentence."""
    key = ("aside", id(cues), agency.span.start)
    if key not in view.memo:
        view.memo[key] = (  # type: ignore[index]
            _left_behind(view, agency)
            or _in_venue(view, agency, cues)
            or _partner(view, agency)
            or _ON_BEHALF.search(view.low, max(0, agency.span.start - 20), agency.span.start) is not None
        )
    return view.memo[key]  # type: ignore[index, return-value]


def _group_before(view: ArticleView, agencies: list[Agency], pos: int, cues: VisitCues) -> list[Agency]:
    """The agencies listed together just before `pos` (the visitors of "X dan Y mengunjungi …"). The
    agency of an official who leads them ("Rombongan Pemkab Boalemo, dipimpin Sekda Boalemo, …") is
    the leader's post, not the delegation, when the delegation is named before it."""
    before = [a for a in agencies if a.span.end <= pos and not _aside(view, a, cues)]
    if not before or pos - before[-1].span.end > _MAX_REACH:
        return []
    if len(before) > 1:
        last = before[-1].span.start
        lead = cues.leader.search(view.low, max(before[-2].span.end, last - 20), last)
        if lead is not None and not view.low[lead.end() : last].strip(" ,"):
            group = _group_before(view, before[:-1], lead.start(), cues)
            if group:
                return group
    group = [before[-1]]
    for agency in reversed(before[:-1]):
        if not _coordinated(view, agency, group[0], cues):
            break
        group.insert(0, agency)
    lead = _led_by(view, group[0], cues)
    if lead is not None:
        sentence = view.sentence(view.sentences.index_of(lead))
        if cues.anaphora.search(view.low, sentence.start, lead):
            return []  # "Rombongan dipimpin Sekda X": the leader's post; the delegation was named before
    return group


def _led_by(view: ArticleView, agency: Agency, cues: VisitCues) -> int | None:
    """Where the leader cue right before the agency starts ("dipimpin Sekretaris Daerah X"), if any."""
    first = agency.span.start
    lead = cues.leader.search(view.low, max(0, first - 25), first)
    if lead is not None and not view.low[lead.end() : first].strip(" ,"):
        return lead.start()
    return None


def _group_after(view: ArticleView, agencies: list[Agency], pos: int, cues: VisitCues) -> list[Agency]:
    """The agencies listed together just after `pos` (the visitors of "… menerima kunjungan X dan Y");
    a name inside a venue that follows ("…, di Ruang Command Center Diskominfo Y") ends the list."""
    after = [a for a in agencies if a.span.start >= pos]
    if not after or after[0].span.start - pos > _MAX_REACH:
        return []
    group = [after[0]]
    for agency in after[1:]:
        if _in_venue(view, agency, cues) or not _coordinated(view, group[-1], agency, cues):
            break
        group.append(agency)
    return group


def _host_after(view: ArticleView, agencies: list[Agency], pos: int) -> Agency | None:
    """The first agency after `pos`; a region's government gives way to a named agency of that region
    that follows it ("ke Provinsi Jawa Timur mengunjungi Diskominfo Provinsi Jatim")."""
    after = [a for a in agencies if a.span.start >= pos]
    if not after or after[0].span.start - pos > _MAX_REACH:
        return None
    first = after[0]
    if first.type_id == "pemda" and first.region is not None:
        for later in after[1:]:
            if later.span.start - first.span.end > _MAX_REACH:
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


def _is_generic(agency: Agency, cues: VisitCues) -> bool:
    """ "Diskominfo kabupaten/kota": a class of agencies, not one agency."""
    return _generic_name(agency.surface, not agency.resolved and agency.region is None, cues.with_subregions)


@lru_cache(maxsize=4096)
def _generic_name(surface: str, unknown: bool, with_subregions: re.Pattern[str]) -> bool:
    """Cached per name: the same agency names recur across the articles of a feed."""
    return bool(with_subregions.search(surface.lower())) or (
        unknown
        and re.search(r"kabupaten|kota|provinsi", surface, re.IGNORECASE) is not None
        and " se" in f" {surface.casefold()}"
    )


def _cue_positions(
    view: ArticleView, span: Span, triggers: list[Mention], cues: VisitCues
) -> list[tuple[int, int, str]]:
    """(start, end, role) of every direction cue in the sentence, in text order."""
    text = view.text
    found: list[tuple[int, int, str]] = []
    low = view.low
    for match in cues.direction.finditer(low, span.start, span.end):
        role = cues.roles[" ".join(match.group().casefold().split())]
        origin = _ORIGIN.match(text, match.end()) if role == "visitor_first" else None
        if origin:  # "datang dari X": X is where the visitors come from
            found.append((match.start(), origin.end(), "origin"))
            continue
        found.append((match.start(), match.end(), role))
    actors = view.actors_in(span.start, span.end)
    for trigger in triggers:
        # "kunjungan kerja ke Y", "studi tiru dan orientasi lapangan ke Y", "kunjungan Diskominfo X ke Y":
        # up to six words between, not counting the words of agency names
        window_end = min(span.end, trigger.span.end + 240)
        for match in cues.destination.finditer(low, trigger.span.end, window_end):
            word = match.group().casefold()
            gap = text[trigger.span.end : match.start()]
            for actor in actors:
                if trigger.span.end <= actor.span.start and actor.span.end <= match.start():
                    gap = gap.replace(actor.surface, " ")
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
    agencies = [a for a in all_agencies if not _is_generic(a, cues)]
    subregions = len(agencies) < len(all_agencies) or bool(
        cues.with_subregions.search(view.low, span.start, span.end)
    )
    kinds = {t.value for t in triggers}
    for start, end, role in _cue_positions(view, span, triggers, cues):
        host: Agency | None = None
        visitors: list[Agency] = []
        if role == "host_first":
            before = _group_before(view, agencies, start, cues)
            host = before[-1] if before else None
            if host is None and cues.received_by.search(view.low, end, span.end):
                continue  # "Kedatangan rombongan disambut Kepala Y": a noun, the passive verb tells
            visitors = _group_after(view, agencies, end, cues)
            confidence = 0.9
        elif role == "received_by":
            visitors = _group_before(view, agencies, start, cues)
            host = _host_after(view, agencies, end)
            confidence = 0.9
        elif role in ("visitor_first", "destination"):
            visitors = _group_before(view, agencies, start, cues)
            host = _host_after(view, agencies, end)
            if host is not None and _WITH.match(view.low, end, host.span.start):
                host = None  # "datang bersama Diskominfo Y": a companion, not the host
            elif host is None and not _ARRIVAL.search(view.low, start, end):
                host = _region_host(view, end, span.end, knowledge, visitors)
            confidence = 0.85 if role == "visitor_first" else 0.8
        elif role == "origin":  # "rombongan datang dari X"
            visitors = _group_after(view, agencies, end, cues)
            confidence = 0.75
        else:  # source: "kunjungan kerja dari X"
            visitors = _group_after(view, agencies, end, cues)
            trigger_start = min(t.span.start for t in triggers)
            before = _group_before(view, agencies, trigger_start, cues)
            host = before[-1] if before else None
            confidence = 0.75
        if not visitors:
            for marker in cues.visitor_marker.finditer(view.low, span.start, span.end):
                marked = _group_after(view, agencies, marker.end(), cues)
                near = (
                    marked
                    and marked[0].span.start - marker.end() < 40
                    and not cues.direction.search(view.low, marker.end(), marked[0].span.start)
                )  # "rombongan juga menyambangi Bappeda X": the host, not the delegation
                if near and _led_by(view, marked[0], cues) is None:
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


def unique(agencies: list[Agency]) -> list[Agency]:
    """The agencies in order, each key once (a sentence may name one agency twice)."""
    seen: set[str] = set()
    out = []
    for agency in agencies:
        if agency.key not in seen:
            seen.add(agency.key)
            out.append(agency)
    return out


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
            reports.append(report)
    return reports


def _resolve_anaphora(view: ArticleView, report: Report, earlier: list[Report], cues: VisitCues) -> None:
    """ "rombongan menyambangi Y", "mereka diterima Kepala Y": the delegation is the one of the visit
    reported before, else the agency the nearest sentence before names first, its subject (two sentences
    back at most)."""
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
        before = view.sentence(index)
        named = view.actors_in(before.start, before.end)
        if named:  # the subject of the nearest sentence naming an agency, not an object of its verb
            subject = not _VERB.search(view.low, before.start, named[0].span.start)
            if subject and named[0].key != report.host.key:
                report.visitors, report.rule, report.confidence = [named[0]], report.rule + "+anaphora", 0.65
            return

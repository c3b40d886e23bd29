"""Visits: who went to whom, read from the sentences around visit triggers.

Direction comes from the sentence's wording, never from the order of names: "X mengunjungi Y",
"X melakukan kunjungan kerja ke Y", "Y menerima kunjungan X", "kunjungan X disambut oleh Y",
"rombongan X diterima langsung oleh Kepala Y". Each sentence with a trigger yields at most one
report (visitors, host, or both); reports of the same host are merged into one visit, host-only
reports ("Studi tiru ke Diskominfo Jatim dipilih …") add evidence, and a planned or cancelled visit,
or a trigger used for something else ("jumlah kunjungan"), yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from kg.events.cues import VisitCues, visit_cues
from kg.events.dates import DateMention, find_dates
from kg.events.places import find_place
from kg.events.related import find_related
from kg.events.view import ArticleView, EventKnowledge
from kg.types import Agency, Mention, Participation, Span, TopicMention, Visit

_VERB = re.compile(r"(?<![\w-])(?:me|ber|di|ter)[a-z]{3,}(?![\w-])")
_COORDINATOR = re.compile(r",|(?<![\w-])(?:dan|bersama|beserta|serta|didampingi|&)(?![\w-])", re.IGNORECASE)
# "akan" shortly before a trigger: "akan menggelar studi tiru", "akan kembali berkunjung".
_WILL = re.compile(r"(?<![\w-])akan\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_LEFT = re.compile(
    r"(?<![\w-])(?:setelah|usai|seusai|sepulang|selepas|sebelumnya)\s+(?:\w+\s+)?dari\s+$", re.IGNORECASE
)
_ORIGIN = re.compile(r"\s+dari\s", re.IGNORECASE)
_MAX_GAP = 90  # characters between two agencies of one group
_MAX_REACH = 160  # characters between a cue and the agency it points at


@dataclass
class _Report:
    """What one sentence says about a visit."""

    sentence: int
    visitors: list[Agency]
    host: Agency | None
    kinds: set[str]
    rule: str
    confidence: float
    with_subregions: bool = False


@dataclass
class _Draft:
    """A visit being assembled from reports."""

    host: Agency
    visitors: list[Agency]
    sentences: list[int]
    kinds: set[str]
    rule: str
    confidence: float
    with_subregions: bool
    first_full: int
    date_hint: date | None = None
    extra: list[int] = field(default_factory=list)


def _coordinated(view: ArticleView, left: Agency, right: Agency, cues: VisitCues) -> bool:
    """Whether two agencies are listed together ("X dan Y", "X bersama Y", "X, Y")."""
    gap = view.low[left.span.end : right.span.start]
    if len(gap) > _MAX_GAP or not _COORDINATOR.search(gap):
        return False
    if _VERB.search(_COORDINATOR.sub(" ", gap)):
        return False
    return not (cues.visitor_first.search(gap) or cues.host_first.search(gap) or cues.received_by.search(gap))


def _left_behind(view: ArticleView, agency: Agency) -> bool:
    """ "Setelah dari Diskominfo X, rombongan …": a place the visitors come from, not one of them."""
    return _LEFT.search(view.text, max(0, agency.span.start - 30), agency.span.start) is not None


def _group_before(view: ArticleView, agencies: list[Agency], pos: int, cues: VisitCues) -> list[Agency]:
    before = [a for a in agencies if a.span.end <= pos and not _left_behind(view, a)]
    if not before or pos - before[-1].span.end > _MAX_REACH:
        return []
    group = [before[-1]]
    for agency in reversed(before[:-1]):
        if not _coordinated(view, agency, group[0], cues):
            break
        group.insert(0, agency)
    return group


def _group_after(view: ArticleView, agencies: list[Agency], pos: int, cues: VisitCues) -> list[Agency]:
    after = [a for a in agencies if a.span.start >= pos]
    if not after or after[0].span.start - pos > _MAX_REACH:
        return []
    group = [after[0]]
    for agency in after[1:]:
        if not _coordinated(view, group[-1], agency, cues):
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
    return bool(cues.with_subregions.search(agency.surface.lower())) or (
        not agency.resolved
        and re.search(r"kabupaten|kota|provinsi", agency.surface, re.IGNORECASE) is not None
        and agency.region is None
        and " se" in f" {agency.surface.casefold()}"
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
            nxt = re.match(r"\s+\w+\s+", text[trigger.span.end : span.end])
            if nxt:
                source = cues.source.match(low, trigger.span.end + nxt.end())
        if source is not None:
            found.append((source.start(), source.end(), "source"))
    return sorted(found)


def _report(view: ArticleView, index: int, triggers: list[Mention], cues: VisitCues) -> _Report | None:
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
            visitors = _group_after(view, agencies, end, cues)
            confidence = 0.9
        elif role == "received_by":
            visitors = _group_before(view, agencies, start, cues)
            host = _host_after(view, agencies, end)
            confidence = 0.9
        elif role in ("visitor_first", "destination"):
            visitors = _group_before(view, agencies, start, cues)
            host = _host_after(view, agencies, end)
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
                if marked and marked[0].span.start - marker.end() < 40:
                    visitors = marked
                    break
        if host is not None:
            visitors = [v for v in visitors if v.key != host.key]
        if host is None and not visitors:
            continue
        return _Report(index, _unique(visitors), host, kinds, f"visit:{role}", confidence, subregions)
    return None


def _unique(agencies: list[Agency]) -> list[Agency]:
    seen: set[str] = set()
    out = []
    for agency in agencies:
        if agency.key not in seen:
            seen.add(agency.key)
            out.append(agency)
    return out


def _live_triggers(view: ArticleView, cues: VisitCues) -> dict[int, list[Mention]]:
    """Trigger mentions that report a visit that happened, by sentence index."""
    by_sentence: dict[int, list[Mention]] = {}
    for trigger in view.mentions_of("trigger"):
        index = view.sentences.index_of(trigger.span.start)
        span = view.sentence(index)
        window = (max(span.start, trigger.span.start - 60), min(span.end, trigger.span.end + 80))
        if cues.planned.search(view.low, *window) or _WILL.search(view.text, window[0], trigger.span.start):
            continue
        blocked = cues.not_visit.search(
            view.low, max(span.start, trigger.span.start - 25), min(span.end, trigger.span.end + 25)
        )
        if blocked and blocked.start() < trigger.span.end and trigger.span.start < blocked.end():
            continue
        by_sentence.setdefault(index, []).append(trigger)
    return by_sentence


def _received(
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


def _reports(view: ArticleView, live: dict[int, list[Mention]], cues: VisitCues) -> list[_Report]:
    reports: list[_Report] = []
    for index in sorted(live):
        report = _report(view, index, live[index], cues)
        if report is not None:
            if report.host is not None and not report.visitors:
                _resolve_anaphora(view, report, reports, cues)
            reports.append(report)
    return reports


def _resolve_anaphora(view: ArticleView, report: _Report, earlier: list[_Report], cues: VisitCues) -> None:
    """ "rombongan menyambangi Y", "mereka diterima Kepala Y": the delegation is the one of the visit
    reported before, else the agency named last before this sentence (two sentences back at most)."""
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
    start = view.sentence(max(0, report.sentence - 2)).start
    named = [a for a in view.actors_in(start, span.start) if a.key != report.host.key]
    if named:
        report.visitors, report.rule, report.confidence = [named[-1]], report.rule + "+anaphora", 0.65


def _merge(view: ArticleView, reports: list[_Report], dates_by_sentence: dict[int, date]) -> list[_Draft]:
    """Join the reports of one visit: same host, shared visitors, no conflicting dates of their own. A
    host known only from an official's title ("diterima oleh Sekda DIY") joins a visit to a named
    agency of that region ("ke Pemda DIY")."""
    drafts: list[_Draft] = []
    for report in (r for r in reports if r.host is not None and r.visitors):
        own = dates_by_sentence.get(report.sentence)
        keys = {v.key for v in report.visitors}
        weak = not view.is_named(report.host)
        match = next(
            (
                d
                for d in drafts
                if (
                    d.host.key == report.host.key
                    or (weak and _region_code(d.host) == _region_code(report.host) is not None)
                )
                and keys & {v.key for v in d.visitors}
                and (own is None or d.date_hint is None or own == d.date_hint)
            ),
            None,
        )
        if match is None:
            drafts.append(
                _Draft(
                    report.host,
                    list(report.visitors),
                    [report.sentence],
                    set(report.kinds),
                    report.rule,
                    report.confidence,
                    report.with_subregions,
                    report.sentence,
                    own,
                )
            )
            continue
        match.visitors = _unique(match.visitors + report.visitors)
        match.sentences.append(report.sentence)
        match.kinds |= report.kinds
        match.with_subregions |= report.with_subregions
        match.date_hint = match.date_hint or own
        if report.confidence > match.confidence:
            match.rule, match.confidence = report.rule, report.confidence
    partial = [r for r in reports if r.host is None or not r.visitors]
    for report in partial:
        keys = {v.key for v in report.visitors}
        if keys:
            targets = [d for d in drafts if keys & {v.key for v in d.visitors}][:1]
        else:  # a host alone ("menerima dua rombongan studi banding"): its wording fits every visit there
            targets = [d for d in drafts if report.host is not None and d.host.key == report.host.key]
        for number, target in enumerate(targets):
            target.kinds |= report.kinds
            if number == 0:
                target.sentences.append(report.sentence)
            target.with_subregions |= report.with_subregions and bool(keys)
    if not drafts:
        drafts = _pair_partials(partial)
    return _absorb_governments(view, drafts)


def _region_code(agency: Agency) -> str | None:
    return agency.region.code if agency.region is not None else None


def _absorb_governments(view: ArticleView, drafts: list[_Draft]) -> list[_Draft]:
    """ "Pemkab Sidoarjo melalui Diskominfo … ke Pemkot Bandung" and "Rombongan Diskominfo Sidoarjo
    disambut Diskominfo Kota Bandung" tell one visit: the region governments give way to the agencies
    of the same regions that another report names."""
    kept = list(drafts)
    for draft in drafts:
        parties = [draft.host, *draft.visitors]
        if not any(p.type_id == "pemda" for p in parties):
            continue
        regions = {_region_code(v) for v in draft.visitors}
        for other in kept:
            if other is draft or (draft.date_hint and other.date_hint and draft.date_hint != other.date_hint):
                continue
            if (
                _region_code(other.host) == _region_code(draft.host) is not None
                and regions <= {_region_code(v) for v in other.visitors}
                and view.is_named(other.host)
                and any(p.type_id != "pemda" for p in (other.host, *other.visitors))
            ):
                other.sentences.extend(draft.sentences)
                other.kinds |= draft.kinds
                other.date_hint = other.date_hint or draft.date_hint
                other.first_full = min(other.first_full, draft.first_full)
                kept.remove(draft)
                break
    return kept


def _pair_partials(partial: list[_Report]) -> list[_Draft]:
    """One sentence names the visitors, another the host: one visit when each side is unambiguous."""
    hosts = {r.host.key: r for r in partial if r.host is not None}
    visitor_reports = [r for r in partial if r.visitors and r.host is None]
    if len(hosts) != 1 or not visitor_reports:
        return []
    host_report = next(iter(hosts.values()))
    host = host_report.host
    assert host is not None
    visitors = _unique([v for r in visitor_reports for v in r.visitors if v.key != host.key])
    if not visitors:
        return []
    sentences = sorted({host_report.sentence, *(r.sentence for r in visitor_reports)})
    kinds = set().union(*(r.kinds for r in (host_report, *visitor_reports)))
    return [
        _Draft(
            host,
            visitors,
            sentences,
            kinds,
            "visit:paired-sentences",
            0.6,
            any(r.with_subregions for r in visitor_reports),
            sentences[0],
        )
    ]


def _with_subregions(view: ArticleView, draft: _Draft) -> None:
    """ "Diskominfo Kaltim bersama Diskominfo kabupaten/kota": the province's regencies named elsewhere
    in the article with the same agency type join the visitors."""
    lead = next((v for v in draft.visitors if v.region is not None and v.region.level == "provinsi"), None)
    if lead is None:
        return
    for agency in view.agencies:
        region = agency.region
        if (
            region is not None
            and region.parent is not None
            and region.parent.code == lead.region.code
            and agency.type_id == lead.type_id
            and agency.key != draft.host.key
        ):
            draft.visitors = _unique([*draft.visitors, agency])


def _visit_date(view: ArticleView, draft: _Draft, dates: list[tuple[int, DateMention]]) -> DateMention | None:
    """The date stated in the visit's sentences, else in a sentence next to one; never a farther one."""
    usable = [
        (i, m)
        for i, m in dates
        if m.date is not None and (view.published is None or m.date <= view.published)
    ]
    order = sorted(set(draft.sentences), key=lambda i: (i != draft.first_full, i))
    for index in order:
        for i, mention in usable:
            if i == index:
                return mention
    for index in order:
        for i, mention in usable:
            if abs(i - index) == 1:
                return mention
    return None


def _participants(
    view: ArticleView, visitors: list[Agency], host: Agency, cues: VisitCues
) -> tuple[Participation, ...]:
    visitor_keys = {v.key for v in visitors}
    out: list[Participation] = []
    seen: set[tuple[str, str, str]] = set()
    for post in view.posts:
        if post.agency is None:
            continue
        key = (post.official.name, post.agency.key, post.role_id)
        if key in seen:
            continue
        if post.agency.key == host.key:
            capacity = "receiver"
        elif post.agency.key in visitor_keys:
            name_at = post.official.span.start
            title_at = view.text.rfind(post.title, max(0, name_at - len(post.title) - 40), name_at)
            start = title_at if title_at >= 0 else name_at
            lead = cues.leader.search(view.low, max(0, start - 40), start)
            capacity = "leader" if lead else "participant"
        else:
            continue
        seen.add(key)
        out.append(Participation(post=post, capacity=capacity))
    return tuple(out)


_SEVERAL = re.compile(
    r"(?<![\w-])(?:dua|tiga|empat|kedua|ketiga|beberapa|sejumlah|para|berbagai)(?![\w-])", re.IGNORECASE
)


def _said_elsewhere(
    view: ArticleView, draft: _Draft, drafts: list[_Draft], quiet: list[int], live: dict[int, list[Mention]]
) -> set[str]:
    """Visit kinds of trigger sentences that name no pair but speak of this visit: the only visit, all
    of them ("menerima dua rombongan studi banding"), or one whose agency they name (a headline)."""
    kinds: set[str] = set()
    parties = {draft.host.key, *(v.key for v in draft.visitors)}
    for index in quiet:
        span = view.sentence(index)
        named = {a.key for a in view.actors_in(span.start, span.end)}
        if (
            len(drafts) == 1
            or _SEVERAL.search(view.text, span.start, span.end)
            or (named & parties and not any(named & {d.host.key} for d in drafts if d is not draft))
        ):
            kinds |= {t.value for t in live[index]}
    return kinds


def _place_context(view: ArticleView, draft: _Draft, quiet: list[int]) -> list[Span]:
    """Sentences that may say where a visit was: next to its own, and trigger sentences naming no pair
    ("Kedua kunjungan berlangsung di ruang rapat … di Tanjung Selor")."""
    own = set(draft.sentences)
    near = {j for i in own for j in (i - 1, i + 1)} - own
    indices = sorted(j for j in near if 0 <= j < len(view.sentences.spans)) + [
        i for i in quiet if i not in own
    ]
    return [view.sentence(i) for i in indices]


def _topics(
    view: ArticleView, draft: _Draft, topics: tuple[TopicMention, ...], others: set[int]
) -> tuple[TopicMention, ...]:
    """With several visits, each takes the topics of its sentences and the sentence after each, unless
    that sentence belongs to another visit."""
    near = {j for i in draft.sentences for j in (i, i + 1)} - (others - set(draft.sentences))
    return tuple(t for t in topics if view.sentences.index_of(t.span.start) in near)


def find_visits(
    view: ArticleView,
    knowledge: EventKnowledge,
    dates: tuple[DateMention, ...] | None = None,
    topics: tuple[TopicMention, ...] = (),
    all_topics: tuple[TopicMention, ...] | None = None,
) -> tuple[Visit, ...]:
    """Every visit the article reports, with its date, place, participants, topics and related events.

    `topics` are the article's topic mentions (one per topic); `all_topics` every topic mention, used
    to give each of several visits the topics near it.
    """
    cues = visit_cues(knowledge.triggers)
    live = _live_triggers(view, cues)
    if live:
        live.update(_received(view, live, cues, knowledge.triggers.kinds[-1]))
    reports = _reports(view, live, cues)
    if not reports:
        return ()
    full = {r.sentence for r in reports if r.host is not None and r.visitors}
    quiet = [i for i in sorted(live) if i not in full]
    if dates is None:  # read dates only where a visit's date can be: its sentences and their neighbours
        near = sorted(
            {
                j
                for r in reports
                for j in (r.sentence - 1, r.sentence, r.sentence + 1)
                if 0 <= j < len(view.sentences.spans)
            }
        )
        dates = find_dates(view.text, view.published, knowledge.calendar, [view.sentence(i) for i in near])
    dated = [(view.sentences.index_of(m.span.start), m) for m in dates]
    own_dates = {}
    for i, mention in dated:
        if mention.date is not None and i not in own_dates:
            own_dates[i] = mention.date
    drafts = _merge(view, reports, own_dates)

    @cache
    def venue_sentences() -> list[Span]:
        return [
            view.sentence(view.sentences.index_of(m.start())) for m in cues.venue_start.finditer(view.low)
        ]

    venue_memo: dict[Span, Span | None] = {}

    visits = []
    for draft in drafts:
        if draft.with_subregions:
            _with_subregions(view, draft)
        if not draft.visitors:
            continue
        spans = [view.sentence(i) for i in sorted(set(draft.sentences))]
        when = _visit_date(view, draft, dated)
        kind = min(draft.kinds, key=knowledge.triggers.precedence)
        if kind == knowledge.triggers.kinds[-1]:  # "kunjungan": another sentence may say more
            kind = min(
                (kind, *_said_elsewhere(view, draft, drafts, quiet, live)), key=knowledge.triggers.precedence
            )
        if len(drafts) == 1:
            near_topics = topics
        else:
            others = {i for d in drafts if d is not draft for i in d.sentences}
            near = _topics(view, draft, all_topics if all_topics is not None else topics, others)
            near_topics = tuple({t.topic_id: t for t in reversed(near)}.values())[::-1]
        visits.append(
            Visit(
                visitors=tuple(draft.visitors),
                host=draft.host,
                kind=kind,
                span=view.sentence(draft.first_full),
                confidence=round(draft.confidence * (1.0 if len(draft.sentences) > 1 else 0.95), 3),
                rule=draft.rule,
                date=when.date if when else None,
                date_span=when.span if when else None,
                place=find_place(
                    view,
                    spans,
                    draft.host,
                    cues,
                    knowledge,
                    _place_context(view, draft, quiet),
                    venue_sentences,
                    venue_memo,
                ),
                participants=_participants(view, draft.visitors, draft.host, cues),
                topics=near_topics,
                related=find_related(view, spans, cues, knowledge, draft.host.region),
            )
        )
    return tuple(visits)

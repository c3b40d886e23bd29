"""Visits: who went to whom, read from the sentences around visit triggers.

Direction comes from the sentence's wording, never from the order of names: "X mengunjungi Y",
"X melakukan kunjungan kerja ke Y", "Y menerima kunjungan X", "kunjungan X disambut oleh Y",
"rombongan X diterima langsung oleh Kepala Y". Each sentence with a trigger yields at most one
report (visitors, host, or both); reports of the same host are merged into one visit, host-only
reports ("Studi tiru ke Diskominfo Jatim dipilih …") add evidence, and a planned or cancelled visit,
or a trigger used for something else ("jumlah kunjungan"), yields nothing.
"""

from __future__ import annotations

from functools import cache

from kg.events.cues import VisitCues, visit_cues
from kg.events.dates import DateMention, find_dates
from kg.events.delegation import WINDOW, composed_governments, joined_visitors
from kg.events.drafts import Draft, add_subregions, merge_reports
from kg.events.places import find_place
from kg.events.related import find_related
from kg.events.reports import live_triggers, read_reports, received_reports, unique
from kg.events.view import ArticleView, EventKnowledge
from kg.types import Agency, Mention, Participation, Span, TopicMention, Visit, VisitCapacity


def _visit_date(view: ArticleView, draft: Draft, dates: list[tuple[int, DateMention]]) -> DateMention | None:
    """The date stated in the visit's sentences, else in a sentence next to one (unless its own sentences
    say it vaguely); never a farther one."""
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
    if any(m.date is None and i in order for i, m in dates):
        return None  # "beberapa waktu lalu": the visit's own words name no day; a nearby date is another's
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
        capacity: VisitCapacity
        if post.agency.key == host.key:
            capacity = "receiver"
        elif post.agency.key in visitor_keys:
            name_at = post.official.span.start
            title_at = view.text.rfind(post.title, max(0, name_at - len(post.title) - 40), name_at)
            start = title_at if title_at >= 0 else name_at
            lead = cues.leader.search(view.low, max(0, start - 40), start) or cues.leader_after.match(
                view.low, post.official.span.end, post.official.span.end + 60
            )
            capacity = "leader" if lead else "participant"
        else:
            continue
        seen.add(key)
        out.append(Participation(post=post, capacity=capacity))
    return tuple(out)


def _said_elsewhere(
    view: ArticleView,
    draft: Draft,
    drafts: list[Draft],
    quiet: list[int],
    live: dict[int, list[Mention]],
    cues: VisitCues,
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
            or cues.several.search(view.low, span.start, span.end)
            or (named & parties and not any(named & {d.host.key} for d in drafts if d is not draft))
        ):
            kinds |= {t.value for t in live[index]}
    return kinds


def _place_context(view: ArticleView, draft: Draft, telling: list[int]) -> list[Span]:
    """Sentences that may say where a visit was: next to its own, and the `telling` trigger sentences
    naming no pair ("Kedua kunjungan berlangsung di ruang rapat … di Tanjung Selor"); a sentence whose
    only visit word is the delegation's is not among them ("Sebelum kembali, rombongan sempat meninjau
    kantor desa di Kecamatan Glagah": a later stop of the delegation, not where the visit was)."""
    own = set(draft.sentences)
    near = {j for i in own for j in (i - 1, i + 1)} - own
    indices = sorted(j for j in near if 0 <= j < len(view.sentences.spans)) + [
        i for i in telling if i not in own
    ]
    return [view.sentence(i) for i in indices]


def _topics(
    view: ArticleView, draft: Draft, topics: tuple[TopicMention, ...], others: set[int]
) -> tuple[TopicMention, ...]:
    """With several visits, each takes the topics of its sentences and the sentence after each, unless
    that sentence belongs to another visit."""
    near = {j for i in draft.sentences for j in (i, i + 1)} - (others - set(draft.sentences))
    return tuple(t for t in topics if view.sentences.index_of(t.span.start) in near)


def _attending_event(view: ArticleView, draft: Draft, cues: VisitCues, generic: str) -> bool:
    """ "Rakor SPBE digelar Diskominfo X. Delegasi Diskominfo Y diterima …": told only with the generic
    words ("delegasi", "datang", "tiba di") next to an event the host holds (workshop, rakor, bimtek), the
    agencies meet at that event; no visit unless the text calls it one (studi tiru, kunjungan kerja…)
    or says it follows the event up."""
    if draft.kinds != {generic}:
        return False
    own = sorted(set(draft.sentences))
    spans = [view.sentence(i) for i in sorted({j for i in own for j in (i - 1, i)} - {-1})]
    if any(cues.follow_up.search(view.low, s.start, s.end) for s in spans):
        return False
    if any(cues.named_visit.search(view.low, view.sentence(i).start, view.sentence(i).end) for i in own):
        return False
    return any(cues.event_words.search(view.low, s.start, s.end) for s in spans)


def _delegation_sentences(view: ArticleView, draft: Draft, drafts: list[Draft]) -> list[int]:
    """A visit's sentences and the two after each, but none of another visit's sentences."""
    last = len(view.sentences.spans) - 1
    near = {j for i in draft.sentences for j in range(i, min(i + WINDOW, last) + 1)}
    if len(drafts) > 1:
        near -= {i for d in drafts if d is not draft for i in d.sentences} - set(draft.sentences)
    return sorted(near)


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
    live = live_triggers(view, cues)
    if live:
        live.update(received_reports(view, live, cues, knowledge.triggers.kinds[-1]))
    reports = read_reports(view, live, cues, knowledge)
    if not reports:
        return ()
    full = {r.sentence for r in reports if r.host is not None and r.visitors}
    quiet = [i for i in sorted(live) if i not in full]
    # quiet sentences that speak of a visit, not only of the delegation ("rombongan sempat meninjau …")
    telling = [i for i in quiet if any(t.text.casefold() not in cues.delegation_words for t in live[i])]
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
    drafts = merge_reports(view, reports, own_dates)

    @cache
    def venue_sentences() -> list[Span]:
        return [
            view.sentence(view.sentences.index_of(m.start())) for m in cues.venue_start.finditer(view.low)
        ]

    venue_memo: dict[int, Span | None] = {}

    visits = []
    # members who joined a delegation, by the delegation's own visitors: "Rombongan …, termasuk dua
    # perwakilan Bappeda" on the first day still travel with it to the next host ("Keesokan harinya,
    # rombongan menyambangi …")
    joined_before: dict[frozenset[str], list[Agency]] = {}
    for draft in drafts:
        if draft.with_subregions:
            add_subregions(view, draft)
        if draft.visitors:  # "Kegiatan ini diikuti pula oleh …", "Ia didampingi pejabat dari …"
            delegation = frozenset(v.key for v in draft.visitors)
            told = _delegation_sentences(view, draft, drafts)
            joined = joined_visitors(view, told, draft.host, draft.visitors, cues)
            earlier = [a for a in joined_before.get(delegation, []) if a.key != draft.host.key]
            draft.visitors = unique([*draft.visitors, *joined, *earlier])
            umbrellas = composed_governments(view, told, draft.host, draft.visitors, cues)
            if umbrellas and any(v.key not in umbrellas for v in draft.visitors):
                draft.visitors = [v for v in draft.visitors if v.key not in umbrellas]
            joined_before.setdefault(delegation, []).extend(joined)
        if not draft.visitors or _attending_event(view, draft, cues, knowledge.triggers.kinds[-1]):
            continue
        spans = [view.sentence(i) for i in sorted(set(draft.sentences))]
        when = _visit_date(view, draft, dated)
        kind = min(draft.kinds, key=knowledge.triggers.precedence)
        if kind == knowledge.triggers.kinds[-1]:  # "kunjungan": another sentence may say more
            kind = min(
                (kind, *_said_elsewhere(view, draft, drafts, quiet, live, cues)),
                key=knowledge.triggers.precedence,
            )
        if len(drafts) == 1:
            near_topics = topics
        else:
            others = {i for d in drafts if d is not draft for i in d.sentences}
            nearby = _topics(view, draft, all_topics if all_topics is not None else topics, others)
            near_topics = tuple({t.topic_id: t for t in reversed(nearby)}.values())[::-1]
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
                    _place_context(view, draft, telling),
                    venue_sentences,
                    venue_memo,
                ),
                participants=_participants(view, draft.visitors, draft.host, cues),
                topics=near_topics,
                related=find_related(view, spans, cues, knowledge, draft.host.region),
            )
        )
    return tuple(visits)

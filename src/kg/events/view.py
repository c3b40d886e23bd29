"""What the event modules read: one article's text, sentences, agencies and mentions, indexed once.

Visits, awards and places all ask the same questions ("which agencies are in this sentence?", "which
region mentions lie in this range?"); answering them from sorted lists keeps the event stage linear in
the article's length. `EventKnowledge` is the slice of kg's knowledge the event stage needs, passed
in explicitly so the stage can be tested with hand-built objects.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from operator import attrgetter

from kg.events.sentences import Sentences, dateline, split_sentences, titled_datelines
from kg.knowledge import Knowledge
from kg.knowledge.awards import AwardLexicon, award_lexicon
from kg.knowledge.calendar import Calendar, calendar, load_calendar
from kg.knowledge.matcher import lower_same_length
from kg.knowledge.regions import bare_name
from kg.knowledge.triggers import TriggerLexicon, trigger_lexicon
from kg.types import Agency, Mention, Post, Region, Resolved, Span


def _no_region(code: str) -> Region | None:
    return None


def _nowhere(name: str, within: Region) -> Region | None:
    return None


def _plain_names(type_id: str, region: Region | None) -> tuple[str, str]:
    label = type_id.replace("-", " ").title()
    return (f"{label} {region.name}", f"{label} {region.name}") if region else (label, label)


@dataclass(frozen=True)
class EventKnowledge:
    """Lexicons and look-ups used by the event stage.

    `region` finds a Region by its Kemendagri code; `agency_names` gives the (canonical, short) names of
    the agency of a type serving a region (None for national), used when an event names a body the
    resolver did not see as an agency ("Kaltara meraih predikat Informatif" credits Pemprov Kaltara).
    """

    triggers: TriggerLexicon = field(default_factory=trigger_lexicon)
    awards: AwardLexicon = field(default_factory=award_lexicon)
    calendar: Calendar = field(default_factory=calendar)
    region: Callable[[str], Region | None] = _no_region
    agency_names: Callable[[str, Region | None], tuple[str, str]] = _plain_names
    place_named: Callable[[str, Region], Region | None] = _nowhere

    @classmethod
    def of(cls, knowledge: Knowledge) -> EventKnowledge:
        """The event stage's slice of a knowledge bundle (the event lexicons of the same folder)."""
        return _from_bundle(knowledge)

    def regions(self, value: str) -> list[Region]:
        """The regions a region mention may name: its value lists codes, likeliest first ("35.79|12.19")."""
        return [r for r in (self.region(code) for code in value.split("|") if code) if r is not None]

    def make_agency(self, type_id: str, region: Region | None, surface: str, span: Span) -> Agency:
        """An Agency for a body an event implies, named canonically."""
        name, short = self.agency_names(type_id, region)
        key = f"{type_id}:{region.code}" if region else type_id
        return Agency(
            key=key,
            name=name,
            surface=surface,
            span=span,
            type_id=type_id,
            region=region,
            resolved=True,
            short_name=short,
        )


@lru_cache(maxsize=8)
def _from_bundle(knowledge: Knowledge) -> EventKnowledge:
    calendar_file = knowledge.lexicon_dir / "calendar.yaml"
    return EventKnowledge(
        triggers=knowledge.triggers or trigger_lexicon(),
        awards=knowledge.awards or award_lexicon(),
        calendar=load_calendar(calendar_file) if calendar_file.is_file() else calendar(),
        region=lru_cache(maxsize=None)(knowledge.region),  # the same codes recur in every article
        agency_names=knowledge.agency_names,
        place_named=_places_by_name(knowledge),
    )


def _places_by_name(knowledge: Knowledge) -> Callable[[str, Region], Region | None]:
    """A look-up of lower regions by bare name, restricted to one enclosing region."""
    index: dict[str, list[Region]] = {}
    for region in knowledge.gazetteer.regions.values():
        if region.level != "provinsi":
            index.setdefault(bare_name(region).casefold(), []).append(region)

    def place_named(name: str, within: Region) -> Region | None:
        inside = [
            r
            for r in index.get(" ".join(name.split()).casefold(), ())
            if r.code.startswith(within.code + ".")
        ]
        return inside[0] if len(inside) == 1 else None

    return place_named


@dataclass(frozen=True)
class ArticleView:
    """One article as the event stage sees it."""

    text: str
    published: date | None
    sentences: Sentences
    agencies: tuple[Agency, ...]  # sorted by start, overlapping mentions removed
    posts: tuple[Post, ...]
    mentions: tuple[Mention, ...]  # sorted by start
    _agency_starts: tuple[int, ...] = ()
    actors: tuple[Agency, ...] = ()  # agencies, plus the agency of each post where its title stands
    _actor_starts: tuple[int, ...] = ()
    _by_kind: dict[str, tuple[tuple[Mention, ...], tuple[int, ...]]] = field(default_factory=dict)
    dateline: Span | None = None  # where the reporter files from: never a fact's place or recipient
    low: str = ""  # the text lower-cased, same length: what the cue patterns scan
    # answers the event modules derive from the text once per article (sentence → names after "di")
    memo: dict[tuple[str, int], object] = field(default_factory=dict, compare=False, repr=False)

    def actors_in(self, start: int, end: int) -> list[Agency]:
        """Agencies acting in [start, end): named ones and those an official stands for ("Bupati Berau
        menerima audiensi …" puts Pemkab Berau there)."""
        return _within(self.actors, self._actor_starts, start, end)

    def actor_at(self, pos: int) -> Agency | None:
        """The actor whose span covers `pos` (actors do not overlap), if any."""
        i = bisect_right(self._actor_starts, pos) - 1
        return self.actors[i] if i >= 0 and self.actors[i].span.end > pos else None

    def is_named(self, agency: Agency) -> bool:
        """Whether the agency is written at its span (not stood for by an official's title)."""
        i = bisect_left(self._agency_starts, agency.span.start)
        return i < len(self.agencies) and self.agencies[i].span == agency.span

    def agencies_in(self, start: int, end: int) -> list[Agency]:
        """Agency mentions lying wholly inside [start, end)."""
        return _within(self.agencies, self._agency_starts, start, end)

    def mentions_of(self, kind: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Mentions of one kind lying wholly inside [start, end)."""
        items, starts = self._by_kind.get(kind, ((), ()))
        stop = len(self.text) if end is None else end
        i = bisect_left(starts, start)
        out = []
        while i < len(items) and items[i].span.start < stop:
            if items[i].span.end <= stop:
                out.append(items[i])
            i += 1
        return out

    def sentence(self, index: int) -> Span:
        return self.sentences.spans[index]

    def answers(self, question: str) -> dict:
        """The article's answers to one question about the text at an offset, by offset: the event
        modules ask the same questions again for each visit, award or group of sentences (plain int keys
        are cheaper to look up than one memo key per question and offset)."""
        key = (question, -1)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = {}
        return found  # type: ignore[return-value]


def _within(items: tuple[Agency, ...], starts: tuple[int, ...], start: int, end: int) -> list[Agency]:
    i = bisect_left(starts, start)
    out = []
    while i < len(items) and items[i].span.start < end:
        if items[i].span.end <= end:
            out.append(items[i])
        i += 1
    return out


def _post_actors(text: str, posts: tuple[Post, ...], agencies: tuple[Agency, ...]) -> list[Agency]:
    """The agency of each post, placed where its title is written, when no agency mention is there."""
    out = []
    for post in posts:
        if post.agency is None:
            continue
        name_at = post.official.span.start
        title_at = (
            text.rfind(post.title, max(0, name_at - len(post.title) - 40), name_at) if post.title else -1
        )
        if title_at < 0:
            after = (
                text.find(post.title, post.official.span.end, post.official.span.end + 40)
                if post.title
                else -1
            )
            if after < 0:
                continue
            title_at = after
        span = Span(title_at, title_at + len(post.title))
        if any(a.span.start < span.end and span.start < a.span.end for a in agencies):
            continue
        out.append(replace(post.agency, span=span, surface=post.title))
    return out


def _without_overlaps(agencies: tuple[Agency, ...]) -> tuple[Agency, ...]:
    """Keep the longest of overlapping agency mentions (a resolver may report nested names)."""
    ordered = sorted(agencies, key=lambda a: (a.span.start, -(a.span.end - a.span.start)))
    kept: list[Agency] = []
    for agency in ordered:
        if kept and agency.span.start < kept[-1].span.end:
            continue
        kept.append(agency)
    return tuple(kept)


_START_END = attrgetter("span.start", "span.end")  # (start, end), computed in C


def _titled_dateline(text: str, resolved: Resolved) -> Span | None:
    """A title-case dateline ("Pontianak – …") when it opens with a region name and names no agency (a
    headline "Diskominfo Berau – Kutim Jalin Kerja Sama" does not)."""
    for found in titled_datelines(text):
        inside = [m for m in resolved.recognised.mentions if found.start <= m.span.start < found.end]
        opens = any(m.kind == "region" and m.span.start == found.start for m in inside)
        if opens and not any(m.kind == "agency" for m in inside):
            return found
    return None


def view_of(resolved: Resolved) -> ArticleView:
    """Index a resolved article for the event modules."""
    clean = resolved.recognised.clean
    agencies = _without_overlaps(resolved.agencies)
    filed = dateline(clean.text) or _titled_dateline(clean.text, resolved)
    actors = _without_overlaps((*agencies, *_post_actors(clean.text, resolved.posts, agencies)))
    if filed is not None:  # the dateline names the outlet and the reporter's town: no party to any fact
        actors = tuple(a for a in actors if not filed.start <= a.span.start < filed.end)
    mentions = tuple(sorted(resolved.recognised.mentions, key=_START_END))
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.kind, []).append(mention)
    return ArticleView(
        text=clean.text,
        published=clean.article.published,
        sentences=split_sentences(clean.text),
        agencies=agencies,
        posts=resolved.posts,
        mentions=mentions,
        _agency_starts=tuple(a.span.start for a in agencies),
        actors=actors,
        _actor_starts=tuple(a.span.start for a in actors),
        _by_kind={k: (tuple(v), tuple(m.span.start for m in v)) for k, v in grouped.items()},
        dateline=filed,
        low=lower_same_length(clean.text),
    )

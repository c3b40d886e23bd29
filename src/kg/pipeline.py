"""The one runner that composes the extractor: clean → recognise → resolve → events.

Stages never import one another; this module is the only place that knows their order. It checks that
each stage returns the type it declares (a stage swapped for a broken one fails here, loudly, naming
the stage) and collects warnings a user should see, such as a visit found with no date.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from kg.clean import clean
from kg.events.awards import find_awards
from kg.events.topics import article_topics, read_topics
from kg.events.view import EventKnowledge, view_of
from kg.events.visits import find_visits
from kg.knowledge import Knowledge, load_knowledge
from kg.recognise import recognise
from kg.resolve import resolve
from kg.types import Agency, Article, Award, CleanArticle, Extraction, Recognised, Resolved, Visit


def _checked(stage: str, value: Any, expected: type) -> Any:
    """The stage's output, or a TypeError naming the stage: a contract break is a bug, not bad input."""
    if not isinstance(value, expected):
        raise TypeError(f"stage {stage} returned {type(value).__name__}, expected {expected.__name__}")
    return value


@lru_cache(maxsize=1)
def _default_knowledge() -> Knowledge:
    """The repository's knowledge, loaded once per process (extract runs per article)."""
    return load_knowledge()


def _with_implied(
    resolved: Resolved, awards: tuple[Award, ...], visits: tuple[Visit, ...] = ()
) -> tuple[Agency, ...]:
    """The resolver's agencies plus the bodies the event stages read where no agency name is written: a
    region written alone ("Provinsi Kaltim mencatat skor 78,45" credits Pemprov Kaltim; "kunjungan kerja
    ke Kabupaten Murung Raya" visits its government), an official's title standing for the agency
    ("diterima Sekda Boalemo")."""
    text = resolved.recognised.clean.text
    parties = [a.recipient for a in awards] + [p for v in visits for p in (*v.visitors, v.host)]
    if not parties:
        return resolved.agencies
    # (key, start, end): plain tuples hash much faster than ones holding a Span
    seen = {(a.key, a.span.start, a.span.end) for a in resolved.agencies}
    implied = []
    for body in parties:
        ident = (body.key, body.span.start, body.span.end)
        if ident not in seen and text[body.span.start : body.span.end] == body.surface:
            seen.add(ident)
            implied.append(body)
    if not implied:
        return resolved.agencies
    return tuple(sorted((*resolved.agencies, *implied), key=lambda a: a.span))


def _warnings(visits: tuple[Visit, ...]) -> list[str]:
    out = []
    for visit in visits:
        pair = f"{', '.join(v.key for v in visit.visitors)} → {visit.host.key}"
        if visit.date is None:
            out.append(f"visit {pair}: no date in the text")
        if visit.place is None:
            out.append(f"visit {pair}: no place (the host has no region and no venue is named)")
        if any(not v.resolved for v in (*visit.visitors, visit.host)):
            out.append(f"visit {pair}: an agency is not in the gazetteer")
    return out


def extract(article: Article, knowledge: Knowledge | None = None) -> Extraction:
    """Everything one article states: agencies, posts, visits, awards and topics, each with evidence."""
    knowledge = knowledge or _default_knowledge()
    stages: list[tuple[str, Callable[[Any, Knowledge], Any], type]] = [
        ("clean", clean, CleanArticle),
        ("recognise", recognise, Recognised),
        ("resolve", resolve, Resolved),
    ]
    value: Any = article
    for name, stage, expected in stages:
        value = _checked(name, stage(value, knowledge), expected)
    resolved: Resolved = value
    events = EventKnowledge.of(knowledge)
    view = view_of(resolved)
    reading = read_topics(view, events)
    topics = article_topics(reading.all)
    visits = find_visits(view, events, None, article_topics(reading.discussed), reading.discussed)
    awards = find_awards(view, events)
    return Extraction(
        article=article,
        agencies=_with_implied(resolved, awards, visits),
        posts=resolved.posts,
        visits=visits,
        awards=awards,
        topics=topics,
        warnings=tuple(_warnings(visits)),
    )

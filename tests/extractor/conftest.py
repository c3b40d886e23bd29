"""Fixtures for the event-stage tests: short texts turned into a `Resolved` by hand.

The event stage is tested apart from the resolver: a test names the agencies of its text (surface →
key) and the helper marks every occurrence, takes the trigger, award, topic and region mentions from
the knowledge automaton, and builds the posts it is given. A failure then points at the event rules,
not at agency resolution.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from kg.events.view import ArticleView, EventKnowledge, view_of
from kg.knowledge import Knowledge, load_knowledge
from kg.types import Agency, Article, CleanArticle, Mention, Official, Post, Recognised, Resolved, Span

_EVENT_KINDS = ("trigger", "award", "topic", "region")


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def events(knowledge: Knowledge) -> EventKnowledge:
    return EventKnowledge.of(knowledge)


def _agency(knowledge: Knowledge, key: str, surface: str, span: Span) -> Agency:
    type_id, _, code = key.partition(":")
    if type_id == "unresolved":
        return Agency(key=key, name=surface, surface=surface, span=span, resolved=False)
    region = knowledge.region(code) if code else None
    assert code == "" or region is not None, f"unknown region code in test key {key}"
    name, short = knowledge.agency_names(type_id, region)
    return Agency(
        key=key, name=name, surface=surface, span=span, type_id=type_id, region=region, short_name=short
    )


Build = Callable[..., ArticleView]


def build_view(
    knowledge: Knowledge,
    text: str,
    agencies: dict[str, str],
    published: date | None = None,
    posts: list[tuple[str, str, str]] = (),
) -> ArticleView:
    """A view of `text` with the named agencies marked (see the module docstring)."""
    found: list[Agency] = []
    taken: list[Span] = []
    for surface in sorted(agencies, key=len, reverse=True):
        for match in re.finditer(re.escape(surface), text):
            span = Span(match.start(), match.end())
            if any(s.start < span.end and span.start < s.end for s in taken):
                continue
            taken.append(span)
            found.append(_agency(knowledge, agencies[surface], surface, span))
    found.sort(key=lambda a: a.span)
    mentions = tuple(
        Mention(h.entry.kind, Span(h.start, h.end), text[h.start : h.end], h.entry.value, h.entry.rule)
        for h in knowledge.find(text)
        if h.entry.kind in _EVENT_KINDS
    )
    built_posts = []
    for name, role_id, surface, *title in posts:
        start = text.index(name)
        agency = next((a for a in found if a.surface == surface), None) if surface else None
        if agency is None and surface:
            agency = _agency(knowledge, agencies[surface], surface, Span(start, start))
        official = Official(name=name, span=Span(start, start + len(name)))
        written = title[0] if title else role_id
        built_posts.append(
            Post(
                official=official,
                role_id=role_id,
                role_label=role_id,
                title=written,
                agency=agency,
                span=Span(start, start + len(name)),
                confidence=0.9,
                rule="test",
            )
        )
    article = Article(id="t", text=text, source="test", published=published)
    resolved = Resolved(Recognised(CleanArticle(article, text), mentions), tuple(found), tuple(built_posts))
    return view_of(resolved)


@pytest.fixture
def build(knowledge: Knowledge) -> Build:
    """build(text, {surface: key}, published=None, posts=[(name, role_id, agency surface[, title])])."""
    return lambda *args, **kwargs: build_view(knowledge, *args, **kwargs)

"""Builders of hand-made Extraction objects, so the scorer and `kg eval` are tested without the extractor.

A plain module (not conftest) so test files can import it by a name no other test folder uses.
"""

from __future__ import annotations

from kg.gold import GoldArticle
from kg.types import Agency, Award, Extraction, Official, Place, Post, Region, Span, TopicMention, Visit

SPAN = Span(0, 1)


def agency(key: str) -> Agency:
    """An agency mention with only what the scorer reads: its key."""
    return Agency(key=key, name=key, surface=key, span=SPAN)


def post(name: str, role: str, agency_key: str | None) -> Post:
    return Post(
        official=Official(name=name, span=SPAN),
        role_id=role,
        role_label=role,
        title=role,
        agency=agency(agency_key) if agency_key else None,
        span=SPAN,
        confidence=1.0,
        rule="test",
    )


def extraction_from_gold(gold: GoldArticle) -> Extraction:
    """What a perfect extractor would return for this gold article."""
    visits = tuple(
        Visit(
            visitors=tuple(agency(k) for k in v.visitors),
            host=agency(v.host),
            kind=v.kind or "kunjungan",
            span=SPAN,
            confidence=1.0,
            rule="test",
            date=v.date,
            place=Place(region=Region(code=v.place, name=v.place, level="provinsi"), venue=None, span=None)
            if v.place
            else None,
            topics=tuple(TopicMention(topic_id=t, span=SPAN, text=t) for t in v.topics),
        )
        for v in gold.visits
    )
    awards = tuple(
        Award(
            name=a.name,
            recipient=agency(a.recipient),
            span=SPAN,
            confidence=1.0,
            rule="test",
            awarder=agency(a.awarder) if a.awarder else None,
            year=a.year,
            predicate=a.predicate,
            category=a.category,
            score=a.score,
            rank=a.rank,
            out_of=a.out_of,
        )
        for a in gold.awards
    )
    return Extraction(
        article=gold.article,
        agencies=tuple(agency(a.key) for a in gold.agencies),
        posts=tuple(post(o.name, o.role, o.agency) for o in gold.officials),
        visits=visits,
        awards=awards,
        topics=tuple(TopicMention(topic_id=t, span=SPAN, text=t) for t in gold.topics),
    )

"""Events a visit refers to: "kunjungan ini agenda lanjutan dari Workshop … di Batu Jawa Timur".

Study visits often follow up a workshop or coordination meeting; linking them lets the graph show
how one event leads to another. The label runs from the event word to the place ("di …") or the end
of the clause.
"""

from __future__ import annotations

import re

from kg.events.cues import VisitCues
from kg.events.view import ArticleView, EventKnowledge
from kg.types import Region, RelatedEvent, Span

_LABEL_END = re.compile(
    r"\s+di\s+|[,.;:()\n]|\s+(?:yang|pada|dimana|di\s+mana|dengan|sebagai)\s+", re.IGNORECASE
)


def find_related(
    view: ArticleView,
    spans: list[Span],
    cues: VisitCues,
    knowledge: EventKnowledge,
    host_region: Region | None,
) -> tuple[RelatedEvent, ...]:
    """Follow-up links stated in a visit's sentences."""
    found: list[RelatedEvent] = []
    for span in spans:
        for cue in cues.follow_up.finditer(view.low, span.start, span.end):
            event = cues.event_words.search(view.low, cue.end(), min(span.end, cue.end() + 12))
            if event is None:
                continue
            end_match = _LABEL_END.search(view.text, event.end(), span.end)
            end = end_match.start() if end_match else span.end
            label = view.text[event.start() : end].strip()
            place = None
            if end_match and end_match.group().strip().casefold() == "di":
                clause_end = re.compile(r"[,.;\n]").search(view.text, end_match.end(), span.end)
                place = _region_after(
                    view,
                    end_match.end(),
                    clause_end.start() if clause_end else span.end,
                    knowledge,
                    host_region,
                )
            found.append(
                RelatedEvent(label=label, relation="follow-up-of", span=Span(cue.start(), end), place=place)
            )
    unique = {event.label.casefold(): event for event in reversed(found)}
    return tuple(sorted(unique.values(), key=lambda e: e.span.start))


def _region_after(
    view: ArticleView, start: int, end: int, knowledge: EventKnowledge, host_region: Region | None
) -> Region | None:
    """The most specific region named in [start, end), preferring one inside the host's province."""
    best: Region | None = None
    province = host_region.code.split(".")[0] if host_region else None
    for region in (r for m in view.mentions_of("region", start, end) for r in knowledge.regions(m.value)):
        fits = province is None or region.code.split(".")[0] == province
        if not fits and best is not None:
            continue
        if (
            best is None
            or len(region.code) > len(best.code)
            or (fits and province and best.code.split(".")[0] != province)
        ):
            best = region
    return best

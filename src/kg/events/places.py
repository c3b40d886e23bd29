"""Where a visit happened: the venue as written and the most specific region that fits the host.

Reporters file from their own city, so the dateline ("TANJUNG REDEB, DIMENSINEWS –") says nothing
about the visit. The place comes from the visit's own sentences: a venue after "di" ("di ruang
pertemuan Lantai IV Kantor …"), a region named inside it or right after "di"/"ke" ("Kecamatan
Gayungan Surabaya", "di Kota Batu"), and, failing those, the host's own region. A region outside the
host's region is not taken: the visit happened at the host.
"""

from __future__ import annotations

import re

from kg.events.cues import VisitCues
from kg.events.view import ArticleView, EventKnowledge
from kg.types import Agency, Mention, Place, Region, Span

_CUT = re.compile(r"[.;\n]|\(\s*\d|\s[-–—]\s")


def find_venue(text: str, start: int, end: int, cues: VisitCues) -> Span | None:
    """The first venue in [start, end): "di Ruang Command Center DKISP Kaltara, Lantai 5 Gedung …"."""
    match = cues.venue_start.search(text, start, end)
    if match is None:
        return None
    begin = match.end()
    cut = _CUT.search(text, begin, end)
    stop = cut.start() if cut else end
    pos = begin
    venue_end = begin
    while pos < stop:
        comma = text.find(",", pos, stop)
        part_end = comma if comma != -1 else stop
        halt = cues.venue_stop.search(text, pos, part_end)
        if halt:
            venue_end = halt.start()
            break
        venue_end = part_end
        if comma == -1 or not cues.continuation.match(text, comma + 1, stop):
            break
        pos = comma + 1
    while venue_end > begin and text[venue_end - 1] in " ,":
        venue_end -= 1
    return Span(begin, venue_end) if venue_end > begin else None


def within(region: Region, outer: Region | None) -> bool:
    """Whether `region` is `outer` or lies inside it (any region fits when there is no outer)."""
    return outer is None or region.code == outer.code or region.code.startswith(outer.code + ".")


def _located(view: ArticleView, mention: Mention) -> bool:
    """A region written right after "di"/"ke" ("di Kota Batu"): a place, not a dateline or an owner."""
    before = view.text[max(0, mention.span.start - 4) : mention.span.start].casefold()
    return bool(re.search(r"(?:^|\s)(?:di|ke)\s+$", before))


def _candidates(view: ArticleView, spans: list[Span], venue: Span | None,
                knowledge: EventKnowledge) -> list[tuple[Region, Span]]:
    found: list[tuple[Region, Span]] = []
    agency_spans = [a.span for a in view.agencies]
    for span in spans:
        for mention in view.mentions_of("region", span.start, span.end):
            inside_venue = venue is not None and venue.start <= mention.span.start < venue.end
            if not inside_venue:
                if not _located(view, mention):
                    continue
                if any(a.start <= mention.span.start < a.end for a in agency_spans):
                    continue  # "ke Diskominfo Jatim": the region names the agency, not a place
            found.extend((region, mention.span) for region in knowledge.regions(mention.value))
    return found


def find_place(view: ArticleView, spans: list[Span], host: Agency, cues: VisitCues,
               knowledge: EventKnowledge) -> Place | None:
    """The place of a visit stated in `spans` (its sentences) whose host is `host`.

    Returns None when neither the text nor the host gives one.
    """
    venue = None
    for span in spans:
        venue = find_venue(view.text, span.start, span.end, cues)
        if venue:
            break
    best: tuple[Region, Span] | None = None
    for region, span in _candidates(view, spans, venue, knowledge):
        if not within(region, host.region):
            continue
        if best is None or len(region.code) > len(best[0].code):
            best = (region, span)
    region = best[0] if best else host.region
    if region is None and venue is None:
        return None
    venue_text = view.text[venue.start : venue.end] if venue else None
    return Place(region=region, venue=venue_text, span=venue or (best[1] if best else None))

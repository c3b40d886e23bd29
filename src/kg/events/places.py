"""Where a visit happened: the venue as written and the most specific region that fits the host.

Reporters file from their own city, so the dateline ("TANJUNG REDEB, DIMENSINEWS –") says nothing
about the visit. The place comes from the visit's own sentences: a venue after "di" ("di ruang
pertemuan Lantai IV Kantor …"), a region named inside it or right after "di"/"ke" ("Kecamatan
Gayungan Surabaya", "di Kota Batu"), and, failing those, the host's own region. A region outside the
host's region is not taken: the visit happened at the host.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.events.cues import VisitCues
from kg.events.view import ArticleView, EventKnowledge
from kg.types import Agency, Mention, Place, Region, Span

_CUT = re.compile(r"[;\n]|\(\s*\d|\s[-–—]\s|\.(?=\s*$)")


def find_venue(text: str, start: int, end: int, cues: VisitCues, names: Sequence[Span] = ()) -> Span | None:
    """The first venue in [start, end): "di Ruang Rapat Diskominfo Sulsel, Lantai 3 Gedung …".

    `text` is lower-cased (`ArticleView.low`). `names` are agency mentions: a comma inside one ("Dinas
    Komunikasi, Informatika …") does not end a part of the venue."""
    match = cues.venue_start.search(text, start, end)
    if match is None:
        return None
    return _venue_from(text, match, end, cues, names)


def _venue_from(
    text: str, match: re.Match[str], end: int, cues: VisitCues, names: Sequence[Span]
) -> Span | None:
    """`find_venue` once its opening ("di ruang …") is found."""
    begin = match.end()
    cut = _CUT.search(text, begin, end)
    stop = cut.start() if cut else end
    pos = begin
    venue_end = begin
    while pos < stop:
        comma = text.find(",", pos, stop)
        while comma != -1 and any(n.start <= comma < n.end for n in names):
            comma = text.find(",", comma + 1, stop)
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


def _names(view: ArticleView, span: Span) -> list[Span]:
    return [a.span for a in view.agencies_in(span.start, span.end)]


def within(region: Region, outer: Region | None) -> bool:
    """Whether `region` is `outer` or lies inside it (any region fits when there is no outer)."""
    return outer is None or region.code == outer.code or region.code.startswith(outer.code + ".")


_AFTER_DI = re.compile(
    r"(?:^|\s)(?:[dD]i|[kK]e)\s+(?:(?:[A-Z][\w'-]*\s*){1,3},\s*)?$"  # "Di Semarang, rombongan …" too
    r"|(?<![\w-])(?:Jalan|Jl\.?|Jln\.?)\s+(?:[A-Z0-9][\w'.-]*\s*){1,4},\s*$"  # "Jalan H.M. Said, Medan"
)


def _located(view: ArticleView, mention: Mention) -> bool:
    """A region written right after "di"/"ke" ("di Kota Batu", "di Sawangan, Kota Depok"): a place, not a
    dateline or an owner."""
    start = mention.span.start
    known = view.answers("located")  # asked again for each visit and each group of sentences
    located = known.get(start)
    if located is None:
        before = view.text[max(0, start - 50) : start]
        # every match ends with "di"/"ke" or a comma, then white space: most text before a name does not
        located = before.rstrip().endswith(_AFTER_DI_ENDS) and _AFTER_DI.search(before) is not None
        known[start] = located
    return located


_AFTER_DI_ENDS = ("di", "ke", ",", "Di", "Ke")


_STREET = re.compile(r"(?<![\w-])(?:jalan|jl|jln)\.?\s+$", re.IGNORECASE)
_VENUE_TAIL = re.compile(r"(?:,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}){1,3}")  # ", Renon, Denpasar"


def _venue_reach(text: str, venue: Span | None) -> Span | None:
    """The venue plus a trailing ", <Town>" ("kantor Diskominfo Kalsel, Banjarbaru")."""
    if venue is None:
        return None
    tail = _VENUE_TAIL.match(text, venue.end)
    return Span(venue.start, tail.end()) if tail else venue


def _candidates(
    view: ArticleView, spans: list[Span], venues: list[Span], host: Region | None, knowledge: EventKnowledge
) -> list[tuple[Region, Span]]:
    """Regions named inside a venue or right after "di"/"ke", each read as its likeliest region that
    fits the host ("Makassar" is the city, not the kecamatan of that name)."""
    found: list[tuple[Region, Span]] = []
    reaches = [r for r in (_venue_reach(view.text, v) for v in venues) if r is not None]
    seen: set[int] = set()  # mention starts (ints hash much faster than Spans)
    streets = view.answers("street")
    for span in [*reaches, *spans]:
        agency_spans: list[Span] | None = None  # read only when a region needs it
        for mention in view.mentions_of("region", span.start, span.end):
            start = mention.span.start
            if start in seen:
                continue
            seen.add(start)
            street = streets.get(start)
            if street is None:
                street = streets[start] = _STREET.search(view.text, max(0, start - 8), start) is not None
            if street:
                continue  # "Jalan Medan Merdeka Barat" names a street, not the city of Medan
            inside_venue = bool(reaches) and any(v.start <= start < v.end for v in reaches)
            if not inside_venue:
                if not _located(view, mention):
                    continue
                if agency_spans is None:
                    agency_spans = [a.span for a in view.agencies_in(max(0, span.start - 200), span.end)]
                if any(a.start <= mention.span.start < a.end for a in agency_spans):
                    continue  # "ke Diskominfo Jatim": the region names the agency, not a place
            fitting = [r for r in knowledge.regions(mention.value) if within(r, host)]
            if fitting:
                found.append((fitting[0], mention.span))
    return found


# run on the lower-cased text; each branch opens with a plain letter, which the engine jumps to
_DI_KE = re.compile(r"(?:d(?<![\w-].)i|k(?<![\w-].)e)\s+(?=\S)")
_CAPITALISED = re.compile(r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")


_STREET_THEN_TOWN = re.compile(
    r"(?:Jalan|Jl\.?|Jln\.?)[ \t]+(?:[A-Z0-9][\w'.-]*[ \t]*){1,4},[ \t]*"
    r"(?P<name>[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})"
)
_VENUE_TAIL_NAME = re.compile(r",\s*(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")


def _plain_names(view: ArticleView, matches: list[re.Match[str]]) -> list[tuple[int, list[str]]]:
    """Capitalised names that may be lower regions: not in the dateline, not a region the recogniser
    already knows (that one is read as such, not as a same-named kecamatan)."""
    filed = view.dateline
    out = []
    for match in matches:
        start, end = match.start("name"), match.end("name")
        if filed is not None and filed.start <= start < filed.end:
            continue
        if view.mentions_of("region", start, end):
            continue
        out.append((start, match.group("name").split()))
    return out


def _named_places(
    view: ArticleView, spans: list[Span], host: Region, knowledge: EventKnowledge, venues: Sequence[Span] = ()
) -> list[tuple[Region, Span]]:
    """Lower regions of the host's region written by bare name after "di"/"ke" ("ke Tanjung Selor")."""
    found = []
    names = _plain_names(view, [m for v in venues if (m := _VENUE_TAIL_NAME.match(view.text, v.end))])
    for span in spans:
        key = ("names-after-di", span.start)
        if key not in view.memo:
            matches = []
            for cue in _DI_KE.finditer(view.low, span.start, span.end):
                if view.text[cue.start() + 1] in "IE":
                    continue  # "DI Yogyakarta" is the province's name, not "di"
                name = _CAPITALISED.match(view.text, cue.end(), span.end)
                if name is not None:
                    matches.append(name)
                    town = _STREET_THEN_TOWN.match(view.text, cue.end(), span.end)
                    if town is not None:  # "di Jalan Jelarai, Tanjung Selor": the town after the street
                        matches.append(town)
            view.memo[key] = _plain_names(view, matches)
        names.extend(view.memo[key])  # type: ignore[arg-type]
    for start, words in names:
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[:size])
            region = knowledge.place_named(phrase, host)
            if region is not None:
                found.append((region, Span(start, start + len(phrase))))
                break
    return found


def _best(
    view: ArticleView, spans: list[Span], venues: list[Span], host: Agency, knowledge: EventKnowledge
) -> tuple[Region, Span] | None:
    best: tuple[Region, Span] | None = None
    candidates = _candidates(view, spans, venues, host.region, knowledge)
    if host.region is not None:
        candidates += _named_places(view, spans, host.region, knowledge, venues)
    for region, span in candidates:
        if not within(region, host.region):
            continue
        if best is None or len(region.code) > len(best[0].code):
            best = (region, span)
    return best


def _refine(
    view: ArticleView, spans: list[Span], best: tuple[Region, Span], knowledge: EventKnowledge
) -> tuple[Region, Span]:
    """A kecamatan written by bare name inside the region found ("di Sawangan, Kota Depok")."""
    if best[0].level == "kecamatan":
        return best
    inner = _named_places(view, spans, best[0], knowledge)
    return max(inner, key=lambda c: len(c[0].code)) if inner else best


def find_place(
    view: ArticleView,
    spans: list[Span],
    host: Agency,
    cues: VisitCues,
    knowledge: EventKnowledge,
    extra: Sequence[Span] = (),
    more: Callable[[], list[Span]] | None = None,
    memo: dict[int, Span | None] | None = None,
) -> Place | None:
    """The place of a visit stated in `spans` (its sentences) whose host is `host`.

    `extra` (sentences next to them, other sentences about the visits) and then `more` (any sentence
    naming a venue) are read only while nothing more precise than the host's region is found.
    Returns None when neither the text nor the host gives a place. `memo` keeps the venue found in
    each sentence across the visits of one article.
    """
    memo = {} if memo is None else memo
    venue = None
    best = None
    seen: set[int] = set()  # sentence starts
    for group in (spans, list(extra), None):
        if group is None:  # only now worth looking through the whole article
            group = more() if more is not None else []
        group = [s for s in group if s.start not in seen]
        seen.update(s.start for s in group)
        for span in group:
            if span.start not in memo:
                # most sentences name no venue: the agency names (for commas inside them) only when one does
                opening = cues.venue_start.search(view.low, span.start, span.end)
                memo[span.start] = None if opening is None else _venue_from(
                    view.low, opening, span.end, cues, _names(view, span))
        venues = [v for v in (memo[s.start] for s in group) if v is not None]
        venue = venue or (venues[0] if venues else None)
        found = _best(view, group, venues, host, knowledge)
        if found is not None:
            found = _refine(view, group, found, knowledge)
        if found is not None and (best is None or len(found[0].code) > len(best[0].code)):
            best = found
        if best is not None and (
            best[0].code != host.region.code if host.region is not None else best[0].level != "provinsi"
        ):
            break  # more precise than the host's own region (a national host: than a province)
    region = best[0] if best else host.region
    if region is None and venue is None:
        return None
    venue_text = view.text[venue.start : venue.end] if venue else None
    return Place(region=region, venue=venue_text, span=venue or (best[1] if best else None))

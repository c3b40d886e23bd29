"""Agencies listed together: which names around a cue form one side of a visit.

"X dan Y", "X bersama Y", "X, Y" are one group; a name in a venue ("di Gedung Pemko Batam"), a place
left ("setelah dari X"), a partner of another act ("dengan BSSN") or the body on whose behalf someone
acts ("atas undangan X") is set aside; the post of an official leading a delegation named before it is
not the delegation. The visit reports and the delegation reader both read groups this way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.events.cues import VisitCues
from kg.events.view import ArticleView
from kg.knowledge.matcher import lower
from kg.types import Agency

_PUNCTUATION = re.compile(r"[,.;:]")

VERB = re.compile(r"(?<![\w-])(?:me|ber|di|ter)[a-z]{3,}(?![\w-])")
_COORDINATOR = re.compile(r",|(?<![\w-])(?:dan|bersama|beserta|serta|didampingi|&)(?![\w-])", re.IGNORECASE)
_LEFT = re.compile(
    r"(?=[suSU])(?<![\w-])(?:setelah|usai|seusai|sepulang|selepas|sebelumnya)\s+(?:\w+\s+)?dari\s+$",
    re.IGNORECASE,
)
_PARTNER = re.compile(r"(?<![\w-])(?<!bersama )dengan\s+$")
_CLAUSE_SOURCE = re.compile(r"(?<![\w-])(?<!terdiri )(?<!berasal )(?:dari|oleh|kepada)\s+$")
_ON_BEHALF = re.compile(r"(?<![\w-])(?:undangan|arahan|instruksi|permintaan|perintah|mandat)\s+$")
_VENUE_BREAK = re.compile(r"[,.;:()]|(?<![\w-])(?:oleh|dan|bersama|yang)(?![\w-])")
_MAX_GAP = 90  # characters between two agencies of one group
MAX_REACH = 160  # characters between a cue and the agency it points at


def coordinated(view: ArticleView, left: Agency, right: Agency, cues: VisitCues) -> bool:
    """Whether two agencies are listed together ("X dan Y", "X bersama Y", "X, Y"); kept in the view's
    memo, as each cue of a sentence asks again."""
    key = ("coordinated", id(cues), left.span.end, right.span.start)
    if key not in view.memo:
        gap = view.low[left.span.end : right.span.start]
        view.memo[key] = (  # type: ignore[index]
            len(gap) <= _MAX_GAP
            and _COORDINATOR.search(gap) is not None
            and not VERB.search(_COORDINATOR.sub(" ", gap))
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


def in_venue(view: ArticleView, agency: Agency, cues: VisitCues) -> bool:
    """ "Di Gedung Pemko Batam, rombongan diterima …", "di Ruang Rapat Diskominfo Y": the name says where,
    not who (a venue opened by "di" shortly before, with no verb, "oleh" or punctuation between)."""
    if cues.venue_before.search(view.low, max(0, agency.span.start - 30), agency.span.start) is not None:
        return True
    for venue in cues.venue_start.finditer(view.low, max(0, agency.span.start - 40), agency.span.start):
        gap = view.low[venue.end() : agency.span.start]
        if not _VENUE_BREAK.search(gap) and not VERB.search(gap):
            return True
    return False


def aside(view: ArticleView, agency: Agency, cues: VisitCues) -> bool:
    """Whether the words before the agency set it aside from a delegation: a place left, a venue, a
    partner, or on whose behalf ("atas undangan X"). Kept in the view's memo: the same agency is
    weighed for every cue of its sentence."""
    key = ("aside", id(cues), agency.span.start)
    if key not in view.memo:
        view.memo[key] = (  # type: ignore[index]
            _left_behind(view, agency)
            or in_venue(view, agency, cues)
            or _partner(view, agency)
            or _ON_BEHALF.search(view.low, max(0, agency.span.start - 20), agency.span.start) is not None
        )
    return view.memo[key]  # type: ignore[index, return-value]


def group_before(view: ArticleView, agencies: list[Agency], pos: int, cues: VisitCues) -> list[Agency]:
    """The agencies listed together just before `pos` (the visitors of "X dan Y mengunjungi …"). The
    agency of an official who leads them ("Rombongan Pemkab Boalemo, dipimpin Sekda Boalemo, …") is
    the leader's post, not the delegation, when the delegation is named before it."""
    before = [a for a in agencies if a.span.end <= pos and not aside(view, a, cues)]
    if not before or pos - before[-1].span.end > MAX_REACH:
        return []
    if len(before) > 1:
        last = before[-1].span.start
        lead = cues.leader.search(view.low, max(before[-2].span.end, last - 20), last)
        if lead is not None and not view.low[lead.end() : last].strip(" ,"):
            group = group_before(view, before[:-1], lead.start(), cues)
            if group:
                return group
    group = [before[-1]]
    for agency in reversed(before[:-1]):
        if not coordinated(view, agency, group[0], cues):
            break
        group.insert(0, agency)
    led_at = led_by(view, group[0], cues)
    if led_at is not None:
        sentence = view.sentence(view.sentences.index_of(led_at))
        if cues.anaphora.search(view.low, sentence.start, led_at):
            return []  # "Rombongan dipimpin Sekda X": the leader's post; the delegation was named before
    return group


def led_by(view: ArticleView, agency: Agency, cues: VisitCues) -> int | None:
    """Where the leader cue right before the agency starts ("dipimpin Sekretaris Daerah X"), if any."""
    first = agency.span.start
    lead = cues.leader.search(view.low, max(0, first - 25), first)
    if lead is not None and not view.low[lead.end() : first].strip(" ,"):
        return lead.start()
    return None


def group_after(view: ArticleView, agencies: list[Agency], pos: int, cues: VisitCues) -> list[Agency]:
    """The agencies listed together just after `pos` (the visitors of "… menerima kunjungan X dan Y");
    a name inside a venue that follows ("…, di Ruang Command Center Diskominfo Y") ends the list."""
    after = [a for a in agencies if a.span.start >= pos]
    if not after or after[0].span.start - pos > MAX_REACH:
        return []
    group = [after[0]]
    for agency in after[1:]:
        if in_venue(view, agency, cues) or not coordinated(view, group[-1], agency, cues):
            break
        group.append(agency)
    return group


def is_generic(agency: Agency, cues: VisitCues) -> bool:
    """ "Diskominfo kabupaten/kota": a class of agencies, not one agency."""
    return _generic_name(agency.surface, not agency.resolved and agency.region is None, cues.with_subregions)


@lru_cache(maxsize=4096)
def _generic_name(surface: str, unknown: bool, with_subregions: re.Pattern[str]) -> bool:
    """Cached per name: the same agency names recur across the articles of a feed."""
    return bool(with_subregions.search(lower(surface))) or (
        unknown
        and re.search(r"kabupaten|kota|provinsi", surface, re.IGNORECASE) is not None
        and " se" in f" {surface.casefold()}"
    )


# a region's government and its secretariat, which acts for it: never a receiving agency of its own
GOVERNMENT_TYPES = ("pemda", "setda")


def unique(agencies: list[Agency]) -> list[Agency]:
    """The agencies in order, each key once (a sentence may name one agency twice)."""
    seen: set[str] = set()
    out = []
    for agency in agencies:
        if agency.key not in seen:
            seen.add(agency.key)
            out.append(agency)
    return out

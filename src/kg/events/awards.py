"""Awards and index results: "Kaltara meraih predikat “Informatif” dalam ajang Anugerah KIP Tahun
2025 … peringkat ke-12 dari 21", "Indeks SPBE Kaltara … skor 3,79", "dinobatkan sebagai media internal
terbaik se-Indonesia dari Kemkominfo".

Each award hit opens a window of its sentence (up to the neighbouring award hits) where its grade,
score, rank and year are read; the recipient is the body nearest to the hit that the text credits:
an agency, or a region written alone ("Kaltara meraih …"), which stands for that region's government.
An agency after "dari"/"oleh" is the awarder, never the recipient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.events.cues import phrase_pattern
from kg.events.view import ArticleView, EventKnowledge
from kg.knowledge.awards import GENERIC_AWARD, GENERIC_TITLE, AwardEntry, AwardLexicon
from kg.types import Agency, Award, Mention, Span

_SCORE = re.compile(
    r"(?<![\w-])(?:skor|nilai|indeks|poin|angka|capaian|score)\s+(?:akhir\s+|total\s+)?"
    r"(?:sebesar\s+|yakni\s+|yaitu\s+|mencapai\s+|di\s+angka\s+|senilai\s+)?"
    r"(?P<value>\d{1,3}(?:[.,]\d{1,4})?)(?![\d/])", re.IGNORECASE)
_RANK = re.compile(
    r"(?<![\w-])(?:peringkat|ranking|rangking|urutan|posisi)\s+(?:ke[-\s]?(?P<n>\d{1,3})|(?P<word>[a-z]+))"
    r"(?:\s+(?:dari|dari\s+total)\s+(?P<of>\d{1,3}))?", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/.-])(?:(?:tahun|TA\.?)\s+)?(?P<year>(?:19|20)\d{2})(?![\d/])", re.IGNORECASE)
_AWARDER_CUE = re.compile(r"(?<![\w-])(?:dari|oleh)\s+(?:pihak\s+)?$", re.IGNORECASE)
_PLACE_CUE = re.compile(r"(?<![\w-])(?:di|ke|dari|oleh|se)[\s-]+$", re.IGNORECASE)
_NAME_END = re.compile(r"[,.;:()“”\"\n]|(?<!\d)(?:19|20)\d{2}(?!\d)")
_SUPERLATIVE = re.compile(r"(?<![\w-])(?:ter\w{3,}|se-\w+|juara|pertama|kedua|ketiga)(?![\w-])", re.IGNORECASE)
_GRADE_CUE = r"(?:predikat|kategori|kriteria|status|sebagai|dengan\s+nilai)\s*[“\"'‘]?\s*"


@dataclass(frozen=True)
class _Grades:
    cued: re.Pattern[str] | None
    bare: re.Pattern[str] | None


@lru_cache(maxsize=64)
def _grades(words: tuple[str, ...]) -> _Grades:
    """Grade words are found after a cue ("predikat", "kategori") or in quotes; long, capitalised ones
    ("Informatif", "Memuaskan") also alone."""
    if not words:
        return _Grades(None, None)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    cued = re.compile(rf"(?:{_GRADE_CUE}|[“\"'‘])(?P<grade>{alternation})(?![\w-])", re.IGNORECASE)
    long_words = [w for w in words if len(w) >= 9]
    bare = None
    if long_words:
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(long_words, key=len, reverse=True))
        bare = re.compile(rf"(?<![\w-])(?P<grade>{alt})(?![\w-])")
    return _Grades(cued, bare)


def _grade(text: str, start: int, end: int, words: tuple[str, ...]) -> str | None:
    grades = _grades(words)
    for pattern in (grades.cued, grades.bare):
        if pattern is None:
            continue
        match = pattern.search(text, start, end)
        if match:
            found = re.sub(r"\s+", " ", match.group("grade")).casefold()
            return next(w for w in words if w.casefold() == found)
    return None


def _nearest(matches: list[re.Match[str]], anchor: Span) -> re.Match[str] | None:
    def distance(m: re.Match[str]) -> int:
        return m.start() - anchor.end if m.start() >= anchor.end else anchor.start - m.end() + 1
    return min(matches, key=distance) if matches else None


def _score(text: str, start: int, end: int, anchor: Span) -> Decimal | None:
    match = _nearest(list(_SCORE.finditer(text, start, end)), anchor)
    if match is None:
        return None
    try:
        return Decimal(match.group("value").replace(",", "."))
    except InvalidOperation:
        return None


def _rank(text: str, start: int, end: int, lexicon: AwardLexicon) -> tuple[int | None, int | None]:
    for match in _RANK.finditer(text, start, end):
        rank = int(match.group("n")) if match.group("n") else lexicon.ordinals.get(match.group("word").casefold())
        if rank is not None:
            return rank, int(match.group("of")) if match.group("of") else None
    return None, None


def _year(text: str, start: int, end: int, anchor: Span) -> int | None:
    match = _nearest(list(_YEAR.finditer(text, start, end)), anchor)
    return int(match.group("year")) if match else None


def _recipients(view: ArticleView, knowledge: EventKnowledge, start: int, end: int) -> list[Agency]:
    """Bodies in [start, end) that can be credited: agencies, and regions written alone."""
    text = view.text
    found: list[Agency] = []
    agencies = view.agencies_in(start, end)
    for agency in agencies:
        if _AWARDER_CUE.search(text[max(0, agency.span.start - 14) : agency.span.start]):
            continue
        if re.search(r"(?<![\w-])(?:ke|di)\s+$", text[max(0, agency.span.start - 4) : agency.span.start], re.I):
            continue
        found.append(agency)
    for mention in view.mentions_of("region", start, end):
        if any(a.span.start <= mention.span.start < a.span.end for a in view.agencies):
            continue
        if _PLACE_CUE.search(text[max(0, mention.span.start - 6) : mention.span.start]):
            continue
        regions = knowledge.regions(mention.value)
        if regions:
            found.append(knowledge.make_agency("pemda", regions[0], mention.text, mention.span))
    return found


def _recipient(view: ArticleView, knowledge: EventKnowledge, window: tuple[int, int], anchor: Span) -> Agency | None:
    """The credited body nearest the award hit: in its window, else its sentence, else the sentence before."""
    index = view.sentences.index_of(anchor.start)
    sentence = view.sentence(index)
    scopes = [window, (sentence.start, sentence.end)]
    if index > 0:
        previous = view.sentence(index - 1)
        scopes.append((previous.start, previous.end))
    for start, end in scopes:
        candidates = _recipients(view, knowledge, start, end)
        if candidates:
            def distance(a: Agency) -> int:
                if a.span.start >= anchor.end:
                    return a.span.start - anchor.end + 5  # "X meraih …" is likelier than "… kepada X"
                return anchor.start - a.span.end
            if start < anchor.start and end <= anchor.start:  # the sentence before: its last body
                return max(candidates, key=lambda a: a.span.start)
            return min(candidates, key=distance)
    return None


def _awarder(view: ArticleView, knowledge: EventKnowledge, start: int, end: int,
             default: str | None, anchor: Span) -> Agency | None:
    for agency in view.agencies_in(start, end):
        if _AWARDER_CUE.search(view.text[max(0, agency.span.start - 14) : agency.span.start]):
            return agency
    if default is None:
        return None
    type_id, _, code = default.partition(":")
    region = knowledge.region(code) if code else None
    name, _ = knowledge.agency_names(type_id, region)
    return knowledge.make_agency(type_id, region, name, anchor)


def _windows(mentions: list[Mention], sentence: Span) -> list[tuple[int, int]]:
    out = []
    for i, mention in enumerate(mentions):
        start = mentions[i - 1].span.end if i > 0 else sentence.start
        end = mentions[i + 1].span.start if i + 1 < len(mentions) else sentence.end
        out.append((start, end))
    return out


def _known(view: ArticleView, knowledge: EventKnowledge, entry: AwardEntry, mention: Mention,
           window: tuple[int, int]) -> Award | None:
    recipient = _recipient(view, knowledge, window, mention.span)
    if recipient is None:
        return None
    text, (start, end) = view.text, window
    rank, out_of = _rank(text, start, end, knowledge.awards)
    return Award(
        name=entry.name, recipient=recipient, span=Span(start, end), confidence=0.85,
        rule=f"award:{entry.id}", awarder=_awarder(view, knowledge, start, end, entry.awarder, mention.span),
        year=_year(text, start, end, mention.span),
        predicate=_grade(text, start, end, entry.predicates),
        category=_grade(text, start, end, entry.categories),
        score=_score(text, start, end, mention.span), rank=rank, out_of=out_of,
    )


def _generic_names(view: ArticleView, mention: Mention, end: int, lexicon: AwardLexicon) -> tuple[list[str], int]:
    """The award names the text gives after a generic phrase, and where they end."""
    text = view.text
    start = mention.span.end if mention.value == GENERIC_TITLE else mention.span.start
    after = re.match(r"\s+(?:sebagai|menjadi)\s+", text[mention.span.end : end], re.IGNORECASE)
    if after:
        start = mention.span.end + after.end()
    stops = phrase_pattern(lexicon.name_stops)
    stop = _NAME_END.search(text, start if start > mention.span.end else mention.span.end, end)
    limit = stop.start() if stop else end
    halt = stops.search(text, start if start > mention.span.end else mention.span.end, limit)
    limit = halt.start() if halt else limit
    phrase = re.sub(r"\s+", " ", text[start:limit]).strip(" -–'\"‘’")
    if len(phrase.split()) < 2 or phrase.casefold() == mention.text.casefold():
        return [], limit
    parts = [p.strip() for p in re.split(r"\s+dan\s+", phrase)]
    if len(parts) > 1 and all(_SUPERLATIVE.search(p) for p in parts):
        return parts, limit
    return [phrase], limit


def _generic(view: ArticleView, knowledge: EventKnowledge, mention: Mention, window: tuple[int, int]) -> list[Award]:
    names, name_end = _generic_names(view, mention, window[1], knowledge.awards)
    if not names:
        return []
    recipient = _recipient(view, knowledge, window, mention.span)
    if recipient is None:
        return []
    awarder = None
    following = re.match(r"\s*(?:dari|oleh)\s+(?:pihak\s+)?", view.text[name_end : window[1]], re.IGNORECASE)
    if following:
        agencies = view.agencies_in(name_end, window[1])
        if agencies and agencies[0].span.start == name_end + following.end():
            awarder = agencies[0]
    start, end = window
    rank, out_of = _rank(view.text, start, end, knowledge.awards)
    return [Award(name=name, recipient=recipient, span=Span(mention.span.start, name_end), confidence=0.7,
                  rule=f"award:{mention.value}", awarder=awarder, year=_year(view.text, start, end, mention.span),
                  rank=rank, out_of=out_of) for name in names]


def _merge(awards: list[Award]) -> tuple[Award, ...]:
    """One award per (name, recipient, year); a repeated mention fills fields the first left empty."""
    merged: dict[tuple[str, str, int | None], Award] = {}
    for award in awards:
        key = (award.name.casefold(), award.recipient.key, award.year)
        if key not in merged:
            loose = next((k for k in merged if k[:2] == key[:2] and (k[2] is None or key[2] is None)), None)
            if loose is None:
                merged[key] = award
                continue
            key = loose
        first = merged[key]
        merged[key] = replace(first, **{f: getattr(award, f) for f in
                                        ("year", "predicate", "category", "score", "rank", "out_of")
                                        if getattr(first, f) is None and getattr(award, f) is not None})
    return tuple(merged.values())


def find_awards(view: ArticleView, knowledge: EventKnowledge) -> tuple[Award, ...]:
    """Every award, predicate and index result the article credits to a body."""
    mentions = view.mentions_of("award")
    if not mentions:
        return ()
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(view.sentences.index_of(mention.span.start), []).append(mention)
    awards: list[Award] = []
    lexicon = knowledge.awards
    for index, found in by_sentence.items():
        known = any(m.value in lexicon.awards for m in found)
        for mention, window in zip(found, _windows(found, view.sentence(index)), strict=True):
            if mention.value in lexicon.awards:
                award = _known(view, knowledge, lexicon.awards[mention.value], mention, window)
                if award is not None:
                    awards.append(award)
            elif mention.value in (GENERIC_TITLE, GENERIC_AWARD) and not known:
                awards.extend(_generic(view, knowledge, mention, window))
    return _merge(awards)

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
from kg.events.places import dateline
from kg.events.view import ArticleView, EventKnowledge
from kg.knowledge.awards import GENERIC_AWARD, GENERIC_TITLE, AwardEntry, AwardLexicon
from kg.types import Agency, Award, Mention, Span

_SCORE = re.compile(
    r"(?:(?<![\w-])(?:skor|nilai|indeks|poin|angka|capaian|score)\s+(?:akhir\s+|total\s+)?"
    r"(?:sebesar\s+|yakni\s+|yaitu\s+|mencapai\s+|di\s+angka\s+|senilai\s+)?"
    r"|(?<![\w-])(?:sebesar|senilai)\s+)"
    r"(?P<value>\d{1,3}(?:[.,]\d{1,4})?)(?![\d/]|[.,]\d|\s*(?:persen|%|orang|kali|hari))", re.IGNORECASE)
_RANK = re.compile(
    r"(?<![\w-])(?:peringkat|ranking|rangking|urutan|posisi)\s+(?:ke[-\s]?(?P<n>\d{1,3})|(?P<word>[a-z]+))"
    r"(?:\s+(?:dari|dari\s+total)\s+(?P<of>\d{1,3}))?", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/.-])(?:(?:tahun|TA\.?)\s+)?(?P<year>(?:19|20)\d{2})(?![\d/])", re.IGNORECASE)
_AWARDER_CUE = re.compile(r"(?<![\w-])(?:dari|oleh|(?:di)?serahkan|diberikan|dianugerahkan|diselenggarakan)"
                          r"(?:\s+(?:oleh|langsung))*\s+(?:pihak\s+)?$", re.IGNORECASE)
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
        if _AWARDER_CUE.search(text[max(0, agency.span.start - 30) : agency.span.start]):
            continue
        if re.search(r"(?<![\w-])(?:ke|di)\s+$", text[max(0, agency.span.start - 4) : agency.span.start], re.I):
            continue
        found.append(agency)
    filed = dateline(text)
    for mention in view.mentions_of("region", start, end):
        if any(a.span.start <= mention.span.start < a.span.end for a in view.agencies):
            continue
        if filed is not None and filed.start <= mention.span.start < filed.end:
            continue
        if _PLACE_CUE.search(text[max(0, mention.span.start - 6) : mention.span.start]):
            continue
        regions = knowledge.regions(mention.value)
        if regions:
            found.append(knowledge.make_agency("pemda", regions[0], mention.text, mention.span))
    return found


def _recipient(view: ArticleView, knowledge: EventKnowledge, window: tuple[int, int], anchor: Span) -> Agency | None:
    """The credited body: the nearest before the award hit ("X meraih …") in its window, else in its
    sentence, else the nearest after it ("… diberikan kepada X", "Indeks SPBE Kaltara"), else the last
    body of the sentence before ("Ia menyebut …" after "capaian Provinsi Kaltara")."""
    index = view.sentences.index_of(anchor.start)
    sentence = view.sentence(index)
    after: list[Agency] = []
    for start, end in (window, (sentence.start, sentence.end)):
        candidates = _recipients(view, knowledge, start, end)
        before = [a for a in candidates if a.span.end <= anchor.start]
        if before:
            return max(before, key=lambda a: a.span.end)
        after = after or [a for a in candidates if a.span.start >= anchor.end]
    if after:
        return min(after, key=lambda a: a.span.start)
    if index > 0:
        previous = view.sentence(index - 1)
        candidates = _recipients(view, knowledge, previous.start, previous.end)
        if candidates:
            return max(candidates, key=lambda a: a.span.start)
    return None


def _awarder(view: ArticleView, knowledge: EventKnowledge, start: int, end: int,
             default: str | None, anchor: Span) -> Agency | None:
    for agency in view.agencies_in(start, end):
        if _AWARDER_CUE.search(view.text[max(0, agency.span.start - 30) : agency.span.start]):
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


def _follow_on(view: ArticleView, knowledge: EventKnowledge, anchor: Span, recipient: Agency) -> Span | None:
    """The next sentence, when it carries on about the same result ("Dengan nilai 92,45, Kaltara
    menempati peringkat ke-7 …"): no award of its own and no other body credited."""
    index = view.sentences.index_of(anchor.start) + 1
    if index >= len(view.sentences.spans):
        return None
    span = view.sentence(index)
    if view.mentions_of("award", span.start, span.end):
        return None
    keys = {a.key for a in _recipients(view, knowledge, span.start, span.end)}
    return span if keys <= {recipient.key} else None


def _known(view: ArticleView, knowledge: EventKnowledge, entry: AwardEntry, mention: Mention,
           window: tuple[int, int]) -> Award | None:
    recipient = _recipient(view, knowledge, window, mention.span)
    if recipient is None:
        return None
    text, (start, end) = view.text, window
    rank, out_of = _rank(text, start, end, knowledge.awards)
    score = _score(text, start, end, mention.span)
    if score is None or rank is None:
        more = _follow_on(view, knowledge, mention.span, recipient)
        if more is not None:
            score = score if score is not None else _score(text, more.start, more.end, mention.span)
            if rank is None:
                rank, out_of = _rank(text, more.start, more.end, knowledge.awards)
    predicate = _grade(text, start, end, entry.predicates)
    category = _grade(text, start, end, entry.categories)
    if (predicate, category, score, rank) == (None, None, None, None) and not _win_verbs(
            knowledge.awards).search(text, start, end):
        return None  # the award is only talked about, nobody is said to have obtained it
    return Award(
        name=entry.name, recipient=recipient, span=Span(start, end), confidence=0.85,
        rule=f"award:{entry.id}", awarder=_awarder(view, knowledge, start, end, entry.awarder, mention.span),
        year=_year(text, start, end, mention.span), predicate=predicate, category=category,
        score=score, rank=rank, out_of=out_of,
    )


@lru_cache(maxsize=4)
def _win_verbs(lexicon: AwardLexicon) -> re.Pattern[str]:
    return phrase_pattern(lexicon.win_verbs)


def _graded(view: ArticleView, knowledge: EventKnowledge, found: list[Award],
            award_sentences: set[int]) -> list[Award]:
    """Grades of an award the article is about, stated in other sentences: "Pemprov Kaltim memperoleh
    predikat Menuju Informatif, sedangkan Pemprov Kalsel berada pada kategori Cukup Informatif"."""
    entries = {}
    for award in found:
        entry = next((e for e in knowledge.awards.awards.values() if e.name == award.name), None)
        if entry is not None and entry.name not in entries:
            entries[entry.name] = (entry, award.year)
    out: list[Award] = []
    for entry, year in entries.values():
        grades = _grades((*entry.predicates, *entry.categories)).cued
        if grades is None:
            continue
        for index, span in enumerate(view.sentences.spans):
            if index in award_sentences:
                continue
            previous_end = span.start
            for match in grades.finditer(view.text, span.start, span.end):
                anchor = Span(match.start(), match.end())
                before = [a for a in _recipients(view, knowledge, previous_end, match.start())]
                previous_end = match.end()
                if not before:
                    continue
                word = re.sub(r"\s+", " ", match.group("grade")).casefold()
                grade = next(g for g in (*entry.predicates, *entry.categories) if g.casefold() == word)
                is_predicate = grade in entry.predicates
                out.append(Award(
                    name=entry.name, recipient=max(before, key=lambda a: a.span.end), span=Span(span.start, match.end()),
                    confidence=0.6, rule=f"award:grade-of-{entry.id}",
                    awarder=_awarder(view, knowledge, anchor.end, anchor.end, entry.awarder, anchor),
                    year=_year(view.text, span.start, span.end, anchor) or year,
                    predicate=grade if is_predicate else None, category=None if is_predicate else grade))
    return out


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
    if not names or any(knowledge.awards.grade_owner(n.split(" ", 1)[0]) or knowledge.awards.grade_owner(n)
                        for n in names if mention.value == GENERIC_TITLE):
        return []  # "meraih predikat Menuju Informatif": a grade, read with its award
    recipient = _recipient(view, knowledge, window, mention.span)
    if recipient is None:
        return []
    awarder = None
    agencies = view.agencies_in(name_end, window[1])
    if agencies and agencies[0].span.start - name_end <= 40 and _AWARDER_CUE.search(
            view.text[name_end : agencies[0].span.start]):
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
    known_sentences = {i for i, found in by_sentence.items() if any(m.value in lexicon.awards for m in found)}
    for index, found in by_sentence.items():
        known = any(m.value in lexicon.awards for m in found)
        for mention, window in zip(found, _windows(found, view.sentence(index)), strict=True):
            if mention.value in lexicon.awards:
                award = _known(view, knowledge, lexicon.awards[mention.value], mention, window)
                if award is not None:
                    awards.append(award)
            elif mention.value in (GENERIC_TITLE, GENERIC_AWARD) and not known:
                awards.extend(_generic(view, knowledge, mention, window))
    awards.extend(_graded(view, knowledge, awards, known_sentences))
    return _merge(awards)

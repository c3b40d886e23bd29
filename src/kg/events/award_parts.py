"""Reading the parts of an award statement: grade, score, rank, year, recipient and awarder.

Shared by the award hits (kg.events.awards) and the result lists that follow them
(kg.events.results). Each reader looks only inside the character range it is given, so the caller
decides which clause a part belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.events.cues import phrase_pattern
from kg.events.view import ArticleView, EventKnowledge
from kg.knowledge.awards import AwardLexicon
from kg.knowledge.matcher import lower
from kg.types import Agency, Mention, Region, Span

_TO_AT = re.compile(r"(?<![\w-])(?:ke|di)\s+$", re.I)

_SCORE = re.compile(
    r"(?:(?<![\w-])(?:skor|nilai|indeks|poin|angka|capaian|score)\s+(?:akhir\s+|total\s+)?"
    r"(?:sebesar\s+|yakni\s+|yaitu\s+|mencapai\s+|di\s+angka\s+|senilai\s+)?"
    r"|(?<![\w-])(?:sebesar|senilai|mencapai|meraih|memperoleh|mencatat|mencatatkan)\s+)"
    # a count of prizes ("meraih 3 kategori") is no score; a decimal before "kategori Sedang" is one
    r"(?P<value>\d{1,3}[.,]\d{1,4}(?![\d/]|[.,]\d|\s*(?:persen|%|orang|kali|hari|tahun))"
    r"|\d{1,3}(?![\d/]|[.,]\d|\s*(?:persen|%|orang|kali|hari|penghargaan|piala|trofi|tahun|kategori)))",
    re.IGNORECASE,
)
_RANK = re.compile(
    r"(?<![\w-])(?:peringkat|ranking|rangking|urutan|posisi|juara)\s+"
    r"(?:(?:ke[-\s]?)?(?P<n>\d{1,3})(?![\d.,]\d|\s*(?:persen|%))|(?P<roman>[IVX]{1,4})(?![\w-])"
    r"|(?P<word>[a-z]+))"
    r"(?:\s+(?:dari|dari\s+total)\s+(?P<of>\d{1,3}))?",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
# A value written right after the index's name, its body between: "nilai Indeks SPBE 3,12",
# "Indeks SPBE Pemkab Kukar 3.45". Only a decimal counts, so a year or a count is never a score.
_SCORE_AFTER_NAME = re.compile(
    r"(?:\s*\([^)]{1,20}\))?\s+(?:(?:[A-Z][\w.-]*|kota|kabupaten|provinsi)\s+){0,4}"
    r"(?:(?:sebesar|senilai|yakni|yaitu|mencapai|hanya|tercatat|di\s+angka)\s+)?"
    r"(?P<value>\d{1,3}[.,]\d{1,4})(?![\d/]|[.,]\d)"
)
_YEAR = re.compile(r"(?<![\d/.-])(?:(?:tahun|TA\.?)\s+)?(?P<year>(?:19|20)\d{2})(?![\d/])", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_YEAR_WORDS = ("tahun", "ta.", "ta")  # the words _YEAR takes before a year, lower-cased


def year_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """`_YEAR.finditer(text, start, end)`, the pattern tried only where it can start. Ignoring case, its
    opening gives the regex engine nothing to jump to, so it would try every character. A match holds
    a year whose digits no digit precedes, so each run of digits is a candidate: the match starts at it
    or at "tahun"/"TA" and the spaces just before it (the pattern then tells whether it matches)."""
    out: list[re.Match[str]] = []
    pos = start
    for run in _DIGITS.finditer(text, start, end):
        digits = run.start()
        if digits < pos:
            continue
        spaces = digits
        while spaces > pos and text[spaces - 1].isspace():
            spaces -= 1
        match = None
        if spaces < digits:
            for word in _YEAR_WORDS:
                at = spaces - len(word)
                if at >= pos and lower(text[at:spaces]) == word:
                    match = _YEAR.match(text, at, end)
                    break
        match = match or _YEAR.match(text, digits, end)
        if match is not None:
            out.append(match)
            pos = match.end()
    return out


AWARDER_CUE = re.compile(
    r"(?<![\w-])(?:dari|oleh|versi|berdasarkan\s+(?:hasil\s+)?(?:pengukuran|penilaian|evaluasi|survei)"
    r"|(?:di)?serahkan|diberikan|dianugerahkan|diselenggarakan|dirilis|diumumkan"
    r"|digelar|diadakan|dihelat"
    r"|dikeluarkan|diterbitkan|ditetapkan)"
    r"(?:\s+(?:oleh|langsung))*\s+(?:pihak\s+)?$",
    re.IGNORECASE,
)
# "di Kaltim", "se-Kaltim", "se-Provinsi Lampung" (the scope of a ranking): a place, no recipient
_PLACE_CUE = re.compile(r"(?<![\w-])(?:(?:di|ke|dari|oleh|se)[\s-]+|se-(?:provinsi|kabupaten|kota)\s+)$",
                        re.IGNORECASE)
GRADE_CUE = (
    r"(?:(?:predikat|kategori|kriteria|status|sebagai|dengan\s+nilai|badan\s+publik"
    r"(?:\s+(?:berkualifikasi|berpredikat|berstatus))?)\s*[“\"'‘]?\s*"
    r"|[–—:]\s*(?=(?-i:[A-Z])))"  # a list item: "Pemerintah Kota Payakumbuh – Informatif"
)


@dataclass(frozen=True)
class Grades:
    cued: re.Pattern[str] | None
    bare: re.Pattern[str] | None


@lru_cache(maxsize=64)
def grade_patterns(words: tuple[str, ...]) -> Grades:
    """Grade words are found after a cue ("predikat", "kategori"), in quotes or alone in parentheses;
    long, capitalised ones ("Informatif", "Memuaskan") also alone."""
    if not words:
        return Grades(None, None)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    # a grade in quotes only when the quotes close right after it (not a quote that opens a speech)
    quoted = rf"[“\"'‘](?=(?:{alternation})[”\"'’])"
    # or alone in parentheses, as a list prints it: "1. Kota Medan – nilai 93,40 (Informatif)"
    bracketed = rf"\((?=(?:{alternation})\))"
    cued = re.compile(
        rf"(?:{GRADE_CUE}|{quoted}|{bracketed})(?P<grade>{alternation})(?![\w-])", re.IGNORECASE
    )
    long_words = [w for w in words if len(w) >= 9]
    bare = None
    if long_words:
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(long_words, key=len, reverse=True))
        bare = re.compile(rf"(?<![\w-])(?P<grade>{alt})(?![\w-])")
    return Grades(cued, bare)


def grade(text: str, start: int, end: int, words: tuple[str, ...]) -> str | None:
    patterns = grade_patterns(words)
    for pattern in (patterns.cued, patterns.bare):
        if pattern is None:
            continue
        match = pattern.search(text, start, end)
        if match:
            found = " ".join(match.group("grade").split()).casefold()
            return next(w for w in words if w.casefold() == found)
    return None


def nearest(matches: list[re.Match[str]], anchor: Span) -> re.Match[str] | None:
    def distance(m: re.Match[str]) -> int:
        return m.start() - anchor.end if m.start() >= anchor.end else anchor.start - m.end() + 1

    return min(matches, key=distance) if matches else None


def score(text: str, start: int, end: int, anchor: Span) -> Decimal | None:
    """The value stated nearest the anchor; one written right after the index's name comes first."""
    match = _SCORE_AFTER_NAME.match(text, anchor.end, end) if start <= anchor.end < end else None
    match = match or nearest(list(_SCORE.finditer(text, start, end)), anchor)
    if match is None:
        return None
    try:
        return Decimal(match.group("value").replace(",", "."))
    except InvalidOperation:
        return None


def rank(text: str, start: int, end: int, lexicon: AwardLexicon) -> tuple[int | None, int | None]:
    """The first rank stated, preferring one that says out of how many ("peringkat ke-1 dari 7")."""
    found: list[tuple[int, int | None]] = []
    for match in _RANK.finditer(text, start, end):
        if match.group("n"):
            place: int | None = int(match.group("n"))
        elif match.group("roman"):
            place = _ROMAN.get(match.group("roman").upper())
        else:
            place = lexicon.ordinals.get(match.group("word").casefold())
        if place is not None:
            found.append((place, int(match.group("of")) if match.group("of") else None))
    with_total = [f for f in found if f[1] is not None]
    return (with_total or found)[0] if found else (None, None)


_DAY_MONTH = re.compile(r"\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s*$")


def year(text: str, start: int, end: int, anchor: Span, outer: tuple[int, int] | None = None) -> int | None:
    """The year nearest the anchor in [start, end), else in `outer` (the sentence around that window),
    not the year of a full date ("18 Feb 2025" is when, not which)."""
    for lo, hi in ((start, end), outer) if outer else ((start, end),):
        candidates = [
            m
            for m in year_matches(text, lo, hi)
            if not _DAY_MONTH.search(text[max(0, m.start() - 14) : m.start()])
        ]
        match = nearest(candidates, anchor)
        if match:
            return int(match.group("year"))
    return None


def announced_year(view: ArticleView, index: int, awarder_type: str | None) -> int | None:
    """A result sentence with no year of its own ("Provinsi Jawa Barat meraih Indeks SPBE 4,12") takes
    the year of the announcement just before it: a sentence naming the award's usual awarder ("Kementerian
    PANRB mengumumkan hasil evaluasi SPBE 2024") or a body that gives or holds an award ("Diskominfo Jatim
    menggelar Anugerah … 2024"), when that sentence gives one year."""
    found = announcement(view, index, awarder_type)
    return found[0] if found else None


def announcement(view: ArticleView, index: int, awarder_type: str | None) -> tuple[int, Agency] | None:
    """(year, announcing body) of the announcement sentence before sentence `index` (see announced_year)."""
    for back in (index - 1, index - 2):
        if back < 0:
            break
        span = view.sentence(back)
        body = next(
            (
                a
                for a in view.agencies_in(span.start, span.end)
                if (awarder_type is not None and a.type_id == awarder_type) or gives(view, a)
            ),
            None,
        )
        if body is None:
            continue
        years = {
            int(m.group("year"))
            for m in year_matches(view.text, span.start, span.end)
            if not _DAY_MONTH.search(view.text[max(0, m.start() - 14) : m.start()])
        }
        return (years.pop(), body) if len(years) == 1 else None
    return None


# A body right before one of these verbs gives the award: "Komisi Informasi … menyerahkan Anugerah …".
# An official's name may stand between ("Gubernur Kaltara, Zainal Arifin, S.Sos., menyerahkan …").
_GIVES = re.compile(
    r"^[\s,]*(?:\([^)]{1,40}\)\s*)?(?:,[^;\n]{2,80}?,\s*)?(?:telah\s+|resmi\s+|kembali\s+)?"
    r"(?:menyerahkan|memberikan|"
    r"menganugerahkan|merilis|mengumumkan|menetapkan|menyelenggarakan|menggelar|mengadakan|memberi)(?![\w-])",
    re.IGNORECASE,
)


def gives(view: ArticleView, agency: Agency) -> bool:
    """Whether the agency is the subject of an awarding verb."""
    return _GIVES.match(view.text[agency.span.end : agency.span.end + 140]) is not None


_GLOSS = re.compile(r"\s*\(\s*$")


def recipients(view: ArticleView, knowledge: EventKnowledge, start: int, end: int) -> list[Agency]:
    """Bodies in [start, end) that can be credited: agencies, and regions written alone.

    The award readers ask this of overlapping ranges many times per article (the window, the sentence,
    the sentence before); what depends only on the body is decided once per article (`_creditable`,
    `_region_body`) and only the range is checked here."""
    found: list[Agency] = []
    creditable = view.answers("creditable-agency")
    for agency in view.actors_in(start, end):
        verdict = creditable.get(agency.span.start)  # actors do not overlap: the start is the actor
        if verdict is None:
            verdict = creditable[agency.span.start] = _creditable(view, knowledge, agency)
        if verdict:
            found.append(agency)
    bodies = view.answers("region-body")
    lowest = max(0, start - 200)
    for mention in view.mentions_of("region", start, end):
        body = bodies.get(mention.span.start)
        if body is None:
            body = bodies[mention.span.start] = _region_body(view, knowledge, mention)
        region, glossing = body
        if region is None:
            continue
        # "Diskominfo Provinsi Jawa Timur (Jatim)": the agency's own region, glossed (an agency of the range
        # widened by 200 characters back ends right before the gloss)
        if any(at >= lowest for at in glossing):
            continue
        found.append(knowledge.make_agency("pemda", region, mention.text, mention.span))
    return found


def _creditable(view: ArticleView, knowledge: EventKnowledge, agency: Agency) -> bool:
    """Whether an agency can be credited: not the awarder, not a place ("ke/di X"), not the host."""
    text = view.text
    return not (
        AWARDER_CUE.search(text[max(0, agency.span.start - 30) : agency.span.start])
        or gives(view, agency)
        or _TO_AT.search(text[max(0, agency.span.start - 4) : agency.span.start])
        or hosts(view, knowledge.awards, agency)
    )


def _region_body(
    view: ArticleView, knowledge: EventKnowledge, mention: Mention
) -> tuple[Region | None, tuple[int, ...]]:
    """The region a region name written alone credits (None: it is part of a name, in the dateline, a
    place, or unknown), and the starts of the agencies it may gloss ("… Jawa Timur (Jatim)")."""
    text = view.text
    at = mention.span.start
    if view.actor_at(at) is not None:
        return None, ()  # part of an agency's name or of an official's title ("Gubernur Kalimantan Utara")
    filed = view.dateline
    if filed is not None and filed.start <= at < filed.end:
        return None, ()
    if _PLACE_CUE.search(text[max(0, at - 16) : at]):
        return None, ()
    glossing: tuple[int, ...] = ()
    if _GLOSS.search(text, max(0, at - 3), at):
        glossing = tuple(a.span.start for a in view.actors_in(0, at) if 0 <= at - a.span.end <= 3)
    regions = knowledge.regions(mention.value)
    return (regions[0] if regions else None), glossing


LISTED: re.Pattern[str] = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|dan\s+|serta\s+|&\s*)$", re.IGNORECASE)


def listed_with(view: ArticleView, knowledge: EventKnowledge, body: Agency) -> list[Agency]:
    """The bodies of the sentence listed together with `body` ("yakni Pemkab Berau, Pemkab Paser dan
    Pemkot Bontang"), in text order: a result stated once for a list belongs to each of them."""
    sentence = view.sentence(view.sentences.index_of(body.span.start))
    candidates = sorted(recipients(view, knowledge, sentence.start, sentence.end), key=lambda a: a.span.start)
    at = next((i for i, a in enumerate(candidates) if a.span == body.span), None)
    if at is None:
        return [body]
    lo = hi = at
    while lo > 0 and LISTED.fullmatch(view.text, candidates[lo - 1].span.end, candidates[lo].span.start):
        lo -= 1
    while hi + 1 < len(candidates) and LISTED.fullmatch(
        view.text, candidates[hi].span.end, candidates[hi + 1].span.start
    ):
        hi += 1
    out: list[Agency] = []
    for agency in candidates[lo : hi + 1]:
        if agency.key not in {a.key for a in out}:
            out.append(agency)
    return out


def recipient(
    view: ArticleView, knowledge: EventKnowledge, window: tuple[int, int], anchor: Span
) -> Agency | None:
    """The credited body: the nearest before the award hit ("X meraih …") in its window, else in its
    sentence, else the nearest after it ("… diberikan kepada X", "Indeks SPBE Kaltara"), else the last
    body of the sentence before ("Ia menyebut …" after "capaian Provinsi Kaltara")."""
    index = view.sentences.index_of(anchor.start)
    sentence = view.sentence(index)
    after: list[Agency] = []
    for start, end in (window, (sentence.start, sentence.end)):
        candidates = recipients(view, knowledge, start, end)
        before = [a for a in candidates if a.span.end <= anchor.start]
        if before:
            return max(before, key=lambda a: a.span.end)
        after = after or [a for a in candidates if a.span.start >= anchor.end]
    if after:
        return min(after, key=lambda a: a.span.start)
    if index > 0:
        previous = view.sentence(index - 1)
        candidates = recipients(view, knowledge, previous.start, previous.end)
        if candidates:
            return max(candidates, key=lambda a: a.span.start)
    return None


def awarder(
    view: ArticleView, knowledge: EventKnowledge, start: int, end: int, default: str | None, anchor: Span
) -> Agency | None:
    for agency in view.agencies_in(start, end):
        if AWARDER_CUE.search(view.text[max(0, agency.span.start - 30) : agency.span.start]) or gives(
            view, agency
        ):
            return agency
    if default is None:
        return None
    type_id, _, code = default.partition(":")
    region = knowledge.region(code) if code else None
    name, _ = knowledge.agency_names(type_id, region)
    return knowledge.make_agency(type_id, region, name, anchor)


# Where a clause ends inside a sentence: a semicolon, a colon, a comma that is not a decimal comma
# ("3,41"), an opening quote or bracket.
_CLAUSE_MARK = re.compile(r"[;:(“\"]|,(?!\d)")


@dataclass(frozen=True)
class ResultCues:
    """The award lexicon's modality, comparison and host lists, compiled once per lexicon."""

    irrealis: re.Pattern[str]
    realis: re.Pattern[str]
    said: re.Pattern[str]  # a win verb or a realis word: someone obtained it
    comparison: re.Pattern[str]
    hosts: re.Pattern[str]
    grades: re.Pattern[str] | None  # every long grade of a known award, alone


@lru_cache(maxsize=4)
def result_cues(lexicon: AwardLexicon) -> ResultCues:
    grades = tuple(g for e in lexicon.awards.values() for g in (*e.predicates, *e.categories))
    return ResultCues(
        irrealis=phrase_pattern(lexicon.irrealis, folded=True),
        realis=phrase_pattern(lexicon.realis, folded=True),
        said=phrase_pattern((*lexicon.win_verbs, *lexicon.realis), folded=True),
        comparison=phrase_pattern(lexicon.comparison, folded=True),
        hosts=phrase_pattern(lexicon.host_cues, folded=True),
        grades=grade_patterns(grades).bare,
    )


def _clause(low: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of [lo, hi) around the hit [start, end)."""
    begin = lo
    for mark in _CLAUSE_MARK.finditer(low, lo, start):
        begin = mark.end()
    stop = _CLAUSE_MARK.search(low, end, hi)
    return begin, stop.start() if stop else hi


def hypothetical(view: ArticleView, lexicon: AwardLexicon, hit: Span, lo: int, hi: int) -> bool:
    """Whether the award phrase at `hit` is a goal, hope, plan or condition rather than a result: an
    irrealis cue before it in its clause ("menargetkan predikat Informatif", "berharap meraih", "syarat
    untuk meraih") with no realis word between ("bertekad dan berhasil meraih"), or a goal word right after
    it when nothing before it says anyone won it ("penilaian Indeks SPBE akan dilakukan", "predikat Sangat
    Baik menjadi target …"). `lo`/`hi` bound the search (the hit's sentence or window)."""
    if not lexicon.irrealis:
        return False
    low = view.low
    cues = result_cues(lexicon)
    begin, stop = _clause(low, hit.start, hit.end, lo, hi)
    cue = None
    for found in cues.irrealis.finditer(low, begin, hit.start):
        cue = found  # the last one: nearest the hit
    if cue is not None:
        return cues.realis.search(low, cue.end(), hit.end) is None
    after = cues.irrealis.search(low, hit.end, min(stop, hit.end + 60))
    if after is None:
        return False
    return cues.said.search(low, begin, after.start()) is None


def compared(view: ArticleView, lexicon: AwardLexicon, body: Agency, lo: int) -> bool:
    """Whether `body` is named after a comparison cue in [lo, body) ("masih di bawah Kota Semarang yang
    mencatat 4,02", "dibanding Kabupaten X"): a figure quoted to compare with, not a result reported."""
    if not lexicon.comparison or lo >= body.span.start:
        return False
    return result_cues(lexicon).comparison.search(view.low, lo, body.span.start) is not None


def hosts(view: ArticleView, lexicon: AwardLexicon, agency: Agency) -> bool:
    """Whether the text calls the body the ceremony's host ("Pemprov Jambi sebagai tuan rumah")."""
    key = ("award-host-cues", 0)
    spans: list[tuple[int, int]] | None = view.memo.get(key)  # type: ignore[assignment]
    if spans is None:  # once per article: most name no host at all
        spans = [m.span() for m in result_cues(lexicon).hosts.finditer(view.low)] if lexicon.host_cues else []
        view.memo[key] = spans
    if not spans or not any(
        agency.span.start - 15 <= lo and hi <= agency.span.end + 25 for lo, hi in spans
    ):
        return False
    cues = result_cues(lexicon).hosts
    after = cues.search(view.low, agency.span.end, agency.span.end + 25)
    before = cues.search(view.low, max(0, agency.span.start - 15), agency.span.start)
    return (after is not None and not view.low[agency.span.end : after.start()].strip(" ,(")) or (
        before is not None and not view.low[before.end() : agency.span.start].strip(" ,:")
    )


def person_prize(view: ArticleView, lexicon: AwardLexicon, body: Agency, hit: Span) -> bool:
    """Whether a named person stands between the credited body and the award ("Pranata Humas Diskominfo
    X, Dewi, meraih juara I lomba …"): the prize is the person's, unless their post represents the body
    (a head receiving an award for the agency: "Kepala Diskominfo X, Budi, menerima penghargaan …")."""
    if body.span.end > hit.start:
        return False
    persons = view.mentions_of("person", body.span.end, hit.start)
    if not persons:
        return False
    representing = set(lexicon.representing_roles)
    for person in persons:
        posts = [
            p
            for p in view.posts
            if p.official.span.start < person.span.end and person.span.start < p.official.span.end
        ]
        if not any(p.role_id in representing for p in posts):
            return True
    return False

"""Dates in news text: "Selasa (9/5/2023)", "(18/12)", "3 Maret 2024", "kemarin", "Senin lalu".

Outlets date an event in the sentence that reports it, often without a year or relative to the day
they publish. A date without a year takes the latest year that does not put it after publication; a
relative word needs the published date. Nothing in the text means no date: the parser never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kg.knowledge.calendar import Calendar, calendar
from kg.types import Span


@dataclass(frozen=True)
class DateMention:
    """A date expression; `date` is None when the words name no day ("pekan lalu")."""

    date: date | None
    span: Span
    rule: str
    confidence: float


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    numeric: re.Pattern[str]  # in brackets: starts with a literal, so it scans fast
    bare: re.Pattern[str]  # "9/5/2023" without brackets; run only where a year follows a slash or dash
    weekday_before: re.Pattern[str]
    textual: re.Pattern[str]
    relative: re.Pattern[str]
    weekday_past: re.Pattern[str]
    vague: re.Pattern[str]
    vague_phrases: tuple[str, ...]  # casefolded, for a quick substring test


@lru_cache(maxsize=4)
def _patterns(cal: Calendar) -> _Patterns:
    weekdays = _alternation(list(cal.weekdays))
    months = _alternation(list(cal.months))
    all_weekdays = _alternation(list(cal.weekdays))
    flags = re.IGNORECASE
    return _Patterns(
        # "(9/5/2023)", "(18/12)", "9/5/2023", "09-05-2023"; a weekday just before it is checked apart.
        numeric=re.compile(
            r"\(\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}|\d{2}))?\s*\)"
        ),
        bare=re.compile(r"(?<![\d/.,-])(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})(?![\d/.-])"),
        # "3 Maret 2024", "3 Mar. 2024", "Senin, 3 Maret"; a range "13-14 Juni 2024" gives its first day
        textual=re.compile(
            rf"(?=\d)(?<![\d.,])\b(?P<d>\d{{1,2}})(?:\s*(?:[-–]|s\.?d\.?|sampai|hingga|dan)\s*\d{{1,2}})?"
            rf"\s+(?P<mon>{months})(?![a-z])\.?(?:\s*,?\s*(?P<y>\d{{4}})\b)?",
            flags,
        ),
        weekday_before=re.compile(rf"(?<![\w-])(?P<wd>{weekdays})(?![\w-])[^\n()/]{{0,25}}$", flags),
        relative=re.compile(rf"\b(?P<word>{_alternation(list(cal.relative))})\b", flags),
        # "Senin lalu", "Kamis kemarin", "Senin pekan lalu"
        weekday_past=re.compile(
            rf"\b(?P<wd>{all_weekdays})\s+(?:(?P<week>pekan|minggu)\s+)?(?:lalu|kemarin)\b", flags
        ),
        vague=re.compile(rf"\b(?:{_alternation(list(cal.vague))})\b", flags),
        vague_phrases=tuple(v.casefold() for v in cal.vague),
    )


_ON_DAY = re.compile(r"(?:pada|hari|,)\s+$", re.IGNORECASE)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_yearless(month: int, day: int, published: date | None) -> date | None:
    """The latest date with this day and month that is not after `published` (None without it)."""
    if published is None:
        return None
    for year in (
        published.year,
        published.year - 1,
        published.year - 2,
        published.year - 3,
        published.year - 4,
    ):
        found = _make(year, month, day)
        if found is not None and found <= published:
            return found
    return None


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _numeric(
    match: re.Match[str], cal: Calendar, published: date | None, patterns: _Patterns
) -> DateMention | None:
    day_text, month_text, year_text = match.group("d"), match.group("m"), match.group("y")
    day, month = int(day_text), int(month_text)
    if year_text:
        found = _make(_full_year(year_text), month, day)
        rule, confidence = "date:numeric", 0.95
    else:
        found = resolve_yearless(month, day, published)
        rule, confidence = "date:numeric-no-year", 0.85
    if found is None:
        return None
    text = match.string
    before = patterns.weekday_before.search(text, max(0, match.start() - 40), match.start())
    start = match.start()
    if before is not None:
        start = before.start("wd")
        if cal.weekdays.get(before.group("wd").casefold()) != found.isoweekday():
            confidence -= 0.2  # the outlet's weekday and date disagree: keep the date, trust it less
    return DateMention(found, Span(start, match.end()), rule, confidence)


def _textual(match: re.Match[str], cal: Calendar, published: date | None) -> DateMention | None:
    day, month = int(match.group("d")), cal.months[" ".join(match.group("mon").split()).casefold()]
    if match.group("y"):
        found = _make(int(match.group("y")), month, day)
        rule, confidence = "date:textual", 0.95
    else:
        found = resolve_yearless(month, day, published)
        rule, confidence = "date:textual-no-year", 0.8
    if found is None:
        return None
    return DateMention(found, Span(match.start(), match.end()), rule, confidence)


def _weekday_past(match: re.Match[str], cal: Calendar, published: date | None) -> DateMention | None:
    if published is None:
        return None
    written = match.group("wd")
    if written.casefold() in cal.ambiguous_weekdays and not (
        written[:1].isupper() and _ON_DAY.search(match.string, max(0, match.start() - 6), match.start())
    ):
        return None  # "minggu lalu" is last week; only "pada Minggu lalu" names the day
    weekday = cal.weekdays[written.casefold()]
    if match.group("week"):  # "Senin pekan lalu": that weekday in the previous week
        monday = published - timedelta(days=published.isoweekday() - 1 + 7)
        found = monday + timedelta(days=weekday - 1)
        rule = "date:weekday-last-week"
    else:  # "Senin lalu": the most recent such weekday strictly before publication
        back = (published.isoweekday() - weekday) % 7 or 7
        found = published - timedelta(days=back)
        rule = "date:weekday-past"
    return DateMention(found, Span(match.start(), match.end()), rule, 0.7)


def find_dates(
    text: str, published: date | None = None, cal: Calendar | None = None, spans: Iterable[Span] | None = None
) -> tuple[DateMention, ...]:
    """Every date expression in `text` (or only inside `spans`), in text order; of overlapping
    expressions the more specific pattern wins."""
    cal = cal or calendar()
    patterns = _patterns(cal)
    ranges: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: s.start) if spans is not None else [Span(0, len(text))]:
        if ranges and not text[ranges[-1][1] : span.start].strip():  # next sentence: one range
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], span.end))
        else:
            ranges.append((span.start, span.end))
    found: list[DateMention] = []
    for start, end in ranges:
        found.extend(_in_range(text, start, end, published, cal, patterns))
    kept: list[DateMention] = []
    for mention in found:  # earlier patterns are the more specific ones
        if not any(m.span.start < mention.span.end and mention.span.start < m.span.end for m in kept) \
                and not _in_dateline(text, mention.span):
            kept.append(mention)
    return tuple(sorted(kept, key=lambda m: m.span.start))


# "Mangupura, 19 Desember 2024 — Dinas …": a date between the place that opens a line and the dash
# after it is when the reporter filed, not when anything happened
_DATELINE_AFTER = re.compile(r"[ \t]*(?:[–—]|-[ \t])")
_DATELINE_BEFORE = re.compile(r"[ \t]*[A-Z][^\n,.]{0,40},[ \t]*(?:[A-Z][a-z]+,?[ \t]+)?")


def _in_dateline(text: str, span: Span) -> bool:
    if not _DATELINE_AFTER.match(text, span.end):
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    return _DATELINE_BEFORE.fullmatch(text, line_start, span.start) is not None


_DIGITS = re.compile(r"\d+")


def _textual_matches(textual: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]]:
    """`textual.finditer(text, start, end)`, tried only where a run of digits starts: the pattern opens
    with a digit not preceded by one ("(?=\\d)(?<![\\d.,])"), and a look-ahead opening leaves the regex
    engine nothing to jump to, so it would try every character."""
    out: list[re.Match[str]] = []
    pos = start
    for run in _DIGITS.finditer(text, start, end):
        if run.start() >= pos and (match := textual.match(text, run.start(), end)) is not None:
            out.append(match)
            pos = match.end()
    return out


def _in_range(
    text: str, start: int, end: int, published: date | None, cal: Calendar, patterns: _Patterns
) -> list[DateMention]:
    """Each pattern runs only when a cheap substring test says it can match: most sentences name no
    date, and scanning them with every alternation is the costly part of date finding."""
    found: list[DateMention] = []
    segment = text[start:end]
    digits: list[re.Match[str]] = []
    folded = segment.casefold()
    if "(" in segment:
        digits.extend(patterns.numeric.finditer(text, start, end))
    for mark in "/-":  # "9/5/2023": try the bare pattern only just before each slash or dash
        at = segment.find(mark)
        while at != -1:
            if at >= 1 and segment[at - 1].isdigit():
                for back in (2, 1):
                    found_bare = patterns.bare.match(text, start + at - back, end)
                    if found_bare:
                        digits.append(found_bare)
                        break
            at = segment.find(mark, at + 1)
    digits.extend(_textual_matches(patterns.textual, text, start, end))
    for match in digits:
        if "mon" in match.re.groupindex:
            mention = _textual(match, cal, published)
        else:
            mention = _numeric(match, cal, published, patterns)
        if mention:
            found.append(mention)
    if published is not None and ("lalu" in folded or "kemarin" in folded):
        for match in patterns.weekday_past.finditer(text, start, end):
            mention = _weekday_past(match, cal, published)
            if mention:
                found.append(mention)
    if published is not None and any(word in folded for word in cal.relative):
        for match in patterns.relative.finditer(text, start, end):
            days = cal.relative[" ".join(match.group("word").split()).casefold()]
            day = published + timedelta(days=days)
            found.append(DateMention(day, Span(match.start(), match.end()), "date:relative", 0.75))
    if any(phrase in folded for phrase in patterns.vague_phrases):
        for match in patterns.vague.finditer(text, start, end):
            found.append(DateMention(None, Span(match.start(), match.end()), "date:vague", 0.0))
    return found


def parse_date(text: str, published: date | None = None) -> date | None:
    """The first day named in `text`, or None: a convenience for short texts and tests."""
    for mention in find_dates(text, published):
        if mention.date is not None:
            return mention.date
    return None

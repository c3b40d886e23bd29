"""Page-junk patterns (data/lexicon/page_junk.yaml), compiled once into three combined regexes.

One combined pattern per scope keeps cleaning to a few regex passes per article, whatever the number
of patterns; each pattern is also compiled alone first so a bad one is reported with its line.

The inline patterns are searched through the whole text. Matched ignoring case, an alternation of
words gives the regex engine no first character to jump to, so it tries every position (most of the
cleaning time). `inline_matches` therefore first finds, in the lower-cased text, the places where the
literal text a pattern opens with ("baca juga", "(") is written, and tries the pattern only there:
the same matches as `finditer`, found once from the parsed pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

try:  # Python's own regex parser, read only to find the literal text patterns open with (for speed)
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # a Python that moved them: every pattern is then tried everywhere (same matches)
    sre = sre_parse = None

from kg.knowledge.datafile import fail, line_of, load_yaml
from kg.knowledge.matcher import lower_same_length, occurrences

SCOPES = ("tail", "lines", "inline")


@dataclass(frozen=True)
class JunkPatterns:
    """`lines`/`tail` are matched against whole stripped lines (fullmatch); `inline` is searched anywhere."""

    lines: re.Pattern[str]
    tail: re.Pattern[str]
    inline: re.Pattern[str]
    names: tuple[str, ...]
    # where an inline match can start, in the lower-cased text; None when the patterns do not say
    inline_starts: re.Pattern[str] | None = None
    # characters that match a letter of those openings ignoring case yet lower-case to another one ("K")
    inline_odd: re.Pattern[str] | None = None
    # those openings as plain lower-case text: found with str.find, faster than the regex on common letters
    inline_openings: tuple[str, ...] = ()
    # `lines` split for speed: the patterns tried on every line, combined, and the patterns that are
    # tried only on a line holding one of a few literal texts (lower-cased) that every line they match
    # holds, with the characters in whose presence lower-casing does not mirror matching ignoring case
    lines_plain: re.Pattern[str] | None = None
    lines_guarded: tuple[tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str] | None], ...] | None = None

    def is_line_junk(self, line: str) -> bool:
        """Whether `lines` matches the whole of `line` (truthiness of `lines.fullmatch(line)`): a line
        matches an alternation when it matches one alternative, so a pattern whose literal texts the
        line does not hold is not tried (a pattern opening with ".{0,200}" costs most of the cleaning)."""
        if self.lines_guarded is None:
            return self.lines.fullmatch(line) is not None
        if self.lines_plain is not None and self.lines_plain.fullmatch(line) is not None:
            return True
        low = line.lower()
        for needles, pattern, odd in self.lines_guarded:
            for needle in needles:
                if needle in low:
                    break
            else:
                if odd is None or odd.search(line) is None:
                    continue
            if pattern.fullmatch(line) is not None:
                return True
        return False

    def inline_matches(self, text: str, end: int) -> Iterator[tuple[int, int]]:
        """(start, end) of the non-empty inline matches in text[:end], as `inline.finditer(text, 0, end)`
        gives them, trying the pattern only where the lower-cased text has the opening of one."""
        odd = self.inline_odd
        if self.inline_starts is None or (odd is not None and odd.search(text, 0, end)):
            for match in self.inline.finditer(text, 0, end):
                if match.end() > match.start():
                    yield match.start(), match.end()
            return
        # (a character that lower-cases to two is kept as it is: were it a case partner of an opening's
        # letter, it would be odd; the recogniser lower-cases the cleaned text, often this same text)
        low = lower_same_length(text)
        try_at = self.inline.match
        if self.inline_openings:  # every place an opening is written (overlapping ones too), in order
            pos = 0
            for at in occurrences(low, self.inline_openings, 0, end):
                if at >= pos and (match := try_at(text, at, end)) is not None:
                    yield at, match.end()  # a match starts with its opening, so it is never empty
                    pos = match.end()
            return
        seek = self.inline_starts.search
        pos = 0
        while (candidate := seek(low, pos, end)) is not None:
            at = candidate.start()
            match = try_at(text, at, end)
            if match is None:
                pos = at + 1
            else:  # a match starts with its opening, so it is never empty
                yield at, match.end()
                pos = match.end()


_NEVER = "(?!x)x"


def load_junk(path: Path) -> JunkPatterns:
    """The junk patterns, each checked alone (so a bad one names its line), then combined per scope."""
    data = load_yaml(path)
    names: dict[str, int | None] = {}
    combined: dict[str, str] = {}
    scoped: dict[str, list[str]] = {}
    for scope in SCOPES:
        entries = data.get(scope) or []
        if not isinstance(entries, list):
            raise fail(path, None, f"{scope!r} must be a list of {{name, pattern}}")
        parts = []
        for entry in entries:
            line = line_of(entry)
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) \
                    or not isinstance(entry.get("pattern"), str):
                raise fail(path, line, "each entry needs a 'name' and a 'pattern' (strings)")
            name = entry["name"]
            if name in names:
                raise fail(path, line, f"duplicate pattern name {name!r} (first on line {names[name]})")
            names[name] = line
            try:
                re.compile(entry["pattern"], re.IGNORECASE | re.MULTILINE)
            except re.error as exc:
                raise fail(path, line, f"pattern {name!r} does not compile: {exc}") from None
            parts.append(f"(?:{entry['pattern']})")
        combined[scope] = "|".join(parts) or _NEVER
        scoped[scope] = parts
    flags = re.IGNORECASE | re.MULTILINE
    return JunkPatterns(
        lines=re.compile(f"(?:{combined['lines']})", flags),
        tail=re.compile(f"(?:{combined['tail']})", flags),
        inline=re.compile(combined["inline"], flags),
        names=tuple(names),
        **_openings(combined["inline"], flags),
        **_split_lines(scoped["lines"], flags),
    )


def _split_lines(parts: list[str], flags: int) -> dict[str, object]:
    """`lines_plain` and `lines_guarded` (see `JunkPatterns`): the patterns that open with literal text
    stay combined (the engine rejects a line at its first character); each pattern that does not, but
    must contain one of some literal texts, is tried only on lines that contain one."""
    plain, guarded = [], []
    if sre_parse is None:
        return {"lines_plain": None, "lines_guarded": None}
    for part in parts:
        try:
            items = list(sre_parse.parse(part, flags))
            opens = _openings_of(items)
            # only a pattern opening with a repeat (".{0,200}") is slow enough to be worth a test first
            needles = None if opens or not _opens_with_repeat(items) else _required(items)
        except (re.error, TypeError, IndexError, AttributeError):
            opens, needles = None, None
        if opens or not needles or not all(n.isascii() for n in needles):
            plain.append(part)
            continue
        fewest = _fewest({n.lower() for n in needles})
        if len(fewest) > _MAX_NEEDLES:
            plain.append(part)  # testing many texts costs more than the pattern
            continue
        guarded.append((fewest, re.compile(part, flags), _odd_characters(set(fewest))))
    if not guarded:
        return {"lines_plain": None, "lines_guarded": None}
    return {"lines_plain": re.compile("|".join(plain), flags) if plain else None,
            "lines_guarded": tuple(guarded)}


_MAX_NEEDLES = 3


def _opens_with_repeat(items: list) -> bool:
    """Whether the parsed sequence opens with a part repeated more than once at most (".{0,200}",
    "(…)+"): the engine tries every length of it on every line."""
    if not items:
        return False
    op, av = items[0]
    if op is sre.SUBPATTERN:
        return _opens_with_repeat(list(av[3]))
    return op in _REPEATS and av[1] > 1


def _fewest(texts: set[str]) -> tuple[str, ...]:
    """The texts less those holding another one ("dokumentasi" holds "dok"): the same lines hold one."""
    return tuple(sorted(t for t in texts if not any(o != t and o in t for o in texts)))


_REPEATS = (
    (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)) if sre else ()
)


def _required(items: list) -> list[str] | None:
    """Literal texts one of which every match of the parsed sequence contains, or None when none is
    found: the openings of some rest of the sequence, or of a part that must be matched at least once."""
    for i, (op, av) in enumerate(items):
        found = _openings_of(items[i:])
        if found and all(found):
            return found
        if op is sre.SUBPATTERN:
            found = _required(list(av[3]))
        elif op in _REPEATS and av[0] >= 1:
            found = _required(list(av[2]))
        else:
            continue
        if found and all(found):
            return found
    return None


def _literal_start(items: list) -> tuple[str, bool]:
    """The literal text the parsed sequence opens with, and whether that is the whole sequence."""
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
            continue
        if op is sre.SUBPATTERN:
            inner, whole = _literal_start(list(av[3]))
            out.append(inner)
            if whole:
                continue
        return "".join(out), False
    return "".join(out), True


def _openings_of(items: list) -> list[str] | None:
    """The literal openings of a parsed pattern, one per alternative where it starts with a choice
    ("(komentar|comments?)"); None when some way to match it opens with no literal text."""
    opening, _ = _literal_start(items)
    if opening:
        return [opening]
    if not items:
        return None
    op, av = items[0]
    if op is sre.SUBPATTERN:
        return _openings_of(list(av[3]))
    if op is not sre.BRANCH:
        return None
    found: list[str] = []
    for branch in av[1]:
        inner = _openings_of(list(branch))
        if inner is None:
            return None
        found.extend(inner)
    return found


@lru_cache(maxsize=1)
def _all_characters(limit: int) -> str:
    return "".join(map(chr, range(limit)))


def _openings(pattern: str, flags: int) -> dict[str, re.Pattern[str] | None]:
    """`inline_starts`: a regex for the lower-cased text matching the first character of each place an
    opening is written ("b(?=aca juga)|\\("; one character, so overlapping places are all found), and
    `inline_odd`: the characters for which lower-casing does not give what the pattern compares with
    ignoring case (the Kelvin sign matches "k"), in whose presence the plain scan is used."""
    if sre_parse is None:
        return {"inline_starts": None, "inline_odd": None}
    try:
        openings = _openings_of(list(sre_parse.parse(pattern, flags)))
    except (re.error, TypeError, IndexError, AttributeError):
        openings = None
    if not openings or not all(o.isascii() for o in openings):
        return {"inline_starts": None, "inline_odd": None}  # (lower-casing beyond ASCII depends on context)
    lowered = {o.lower() for o in openings}
    groups: dict[str, list[str]] = {}
    for opening in sorted(lowered, key=len, reverse=True):
        groups.setdefault(opening[0], []).append(re.escape(opening[1:]))
    starts = re.compile("|".join(re.escape(first) + (f"(?={'|'.join(rests)})" if all(rests) else "")
                                 for first, rests in groups.items()))
    return {"inline_starts": starts, "inline_odd": _odd_characters(lowered),
            "inline_openings": tuple(sorted(o for o in lowered  # "(foto" starts where "(" does
                                            if not any(p != o and o.startswith(p) for p in lowered)))}


def _odd_characters(texts: set[str]) -> re.Pattern[str] | None:
    """The characters that match a character of the (ASCII, lower-case) texts ignoring case but lower-
    case to something else: where they occur, lower-casing does not mirror matching ignoring case."""
    letters = {c for text in texts for c in text}
    if not letters:
        return None
    alike = re.compile("[" + "".join(re.escape(c) for c in sorted(letters)) + "]", re.IGNORECASE)
    # the case partners of ASCII characters (K: the Kelvin sign, s: the long s) all lie in the first plane
    odd = sorted(c for c in alike.findall(_all_characters(0x10000)) if c.lower() not in letters)
    return re.compile("[" + "".join(re.escape(c) for c in odd) + "]") if odd else None


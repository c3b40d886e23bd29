"""Agencies the lexicon names only by pattern: fused local names and bodies it does not know.

"Diskominfosantik" is a Diskominfo by its prefix (agency_types.yaml `prefixes`). A run of capitalised
words opened by a head word ("Lembaga Penyiaran Publik Lokal Radio Benuo Taka", heads in
agency_types.yaml `unknown_agency_heads`) that no lexicon form covers is an unresolved agency, value
"unresolved:<slug>"; the acronym forms the article also uses ("LPPL Radio Benuo Taka", "FK-KIM Kaltim")
get the same value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.knowledge import Knowledge
from kg.knowledge.agencies import slug
from kg.recognise.scan import overlaps, skip_space
from kg.types import Mention, Span

_WORD = re.compile(r"\S+")


@lru_cache(maxsize=8)
def _prefix_pattern(prefixes: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    words = "|".join(re.escape(p) for p, _ in sorted(prefixes, key=lambda x: len(x[0]), reverse=True))
    return re.compile(rf"(?<![\w-])({words})[a-z]{{2,14}}(?![\w-])")


def prefixed_agencies(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[Mention]:
    """Words that start with a type's prefix ("Diskominfotiksan") and no lexicon form covers."""
    pattern = _prefix_pattern(knowledge.agencies.prefixes)
    if pattern is None:
        return []
    types = dict(knowledge.agencies.prefixes)
    taken = {m.span.start for m in mentions if m.kind == "agency"}
    return [Mention("agency", Span(m.start(), m.end()), m.group(), types[m.group(1)],
                    "agency_types.yaml:prefixes")
            for m in anchored_matches(text, tuple(types), pattern) if m.start() not in taken]


def anchored_matches(text: str, words: tuple[str, ...], pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that can only start at one of `words`: the places where a
    word starts are found first (one regex that jumps between their first letters, C speed), and the
    pattern is tried only there instead of at every character of the article."""
    if not words:
        return []
    if all(words):
        starts = [m.start() for m in _word_starts(words).finditer(text)]
    else:  # an empty word starts everywhere
        starts = list(range(len(text) + 1))
    out = []
    last_end = -1
    for pos in starts:
        if pos < last_end:
            continue
        match = pattern.match(text, pos)
        if match is not None:
            out.append(match)
            last_end = match.end()
    return out


@lru_cache(maxsize=16)
def _word_starts(words: tuple[str, ...]) -> re.Pattern[str]:
    """A regex matching the first character of every occurrence of each word, overlapping ones too:
    "D(?=inas|ewan)|B(?=adan)". Each branch opens with a plain character, which the engine jumps to."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile(
        "|".join(re.escape(first) + (f"(?={'|'.join(rests)})" if all(rests) else "")
                 for first, rests in groups.items())
    )


@lru_cache(maxsize=8)
def _head_pattern(heads: tuple[str, ...]) -> re.Pattern[str] | None:
    if not heads:
        return None
    words = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?:[ \t]+(?:[A-Z][\w'\-]*|dan|&|serta))+")


_CONNECTORS = ("dan", "&", "serta")
_UNKNOWN_BLOCKERS = frozenset({"agency", "trigger", "award", "other", "honorific"})


def unknown_agencies(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[Mention]:
    """Bodies opened by a head word that no lexicon form covers, and the acronym forms of their names."""
    heads = knowledge.agencies.unknown_heads
    pattern = _head_pattern(tuple(heads))
    if pattern is None:
        return []
    matches = anchored_matches(text, tuple(heads), pattern)
    if not matches:
        return []
    blockers, agency_spans, regions, topics = _positions(mentions)
    out: list[Mention] = []
    for match in matches:
        start = match.start()
        if overlaps(blockers, start, start + 1):
            continue
        blocker = next((b for b in blockers if start < b[0] < match.end()), None)  # sorted by start
        stop = blocker[0] if blocker is not None else match.end()
        words = [w for w in _WORD.finditer(match.group()) if start + w.end() <= stop]
        while words and words[-1].group() in _CONNECTORS:
            words.pop()
        if blocker is not None and words and not text[start + words[-1].end():blocker[0]].strip() \
                and blocker in agency_spans:
            continue  # "UPTD Command Center Diskominfo Samarinda": a unit of a known agency
        if len(words) < 2:
            continue
        end = start + words[-1].end()
        if _only_topics(text, start + words[0].end(), end, topics):
            continue  # "Forum Satu Data dan Kehumasan": a programme about topics, not a body
        region = next((r for r in regions if start < r[0] <= end + 1), None)
        if region is not None:
            end = region[1]
            body = [w.group() for w in words if start + w.start() < region[0]]
            if len(body) < 2:
                continue  # "Balai Kota Semarang": a head word and a region name a building, not a body
        else:
            body = [w.group() for w in words]
            head = max((h for h in heads if _opens_with(match.group(), h)), key=len, default=body[0])
            rest = match.group()[len(head):].split()[: len(body) - len(head.split())]
            if sum(1 for w in rest if w[:1].isupper()) < heads.get(head, 2):
                continue  # "Dinas Terkait", "Forum Satu Data": too little to name a body
        name = " ".join(text[start:end].split())
        value = f"unresolved:{slug(name)}"
        out.append(Mention("agency", Span(start, end), text[start:end], value, "recognise:unknown-agency"))
        codes = set(region[2].split("|")) if region is not None else set()
        out.extend(_acronym_forms(text, body, codes, value, blockers, regions))
        if codes:
            out.extend(_syllable_forms(text, body, codes, value, blockers, regions, start))
    return out


def _opens_with(name: str, head: str) -> bool:
    """Whether the name opens with the whole head word(s): "Badan Publik" opens "Badan Publik X", not
    "Badan Publikasi X"."""
    return name.startswith(head) and (len(name) == len(head) or not name[len(head)].isalnum())


def _positions(mentions: list[Mention]) -> tuple[list, set, list, list]:
    """Sorted (start, end) of the blocking mentions, agency spans, sorted (start, end, value) of regions
    and sorted (start, end) of topics, in one pass over the mentions."""
    blockers, regions, topics = [], [], []
    agency_spans = set()
    for m in mentions:
        kind, span = m.kind, m.span
        if kind in _UNKNOWN_BLOCKERS:
            blockers.append((span.start, span.end))
            if kind == "agency":
                agency_spans.add((span.start, span.end))
        elif kind == "region":
            regions.append((span.start, span.end, m.value))
        elif kind == "topic":
            topics.append((span.start, span.end))
    blockers.sort()
    regions.sort()
    topics.sort()
    return blockers, agency_spans, regions, topics


_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{3,14})[ \t]+$")  # acronyms in capitals: _acronym_forms


def _syllable_forms(text: str, words: list[str], codes: set[str], value: str, blockers: list, regions: list,
                    name_start: int) -> list[Mention]:
    """"Balmon Banjarmasin" for "Balai Monitor … Banjarmasin": a word made of the first letters of the
    name's first words ("Bal" + "mon"), written before the same region, names the same body."""
    out = []
    for region_start, region_end, region_codes in regions:
        if region_start == name_start or not codes & set(region_codes.split("|")):
            continue
        word = _WORD_BEFORE.search(text, max(0, region_start - 20), region_start)
        if word is None or word.group(1) in words or word.group(1).isupper() \
                or overlaps(blockers, word.start(1), word.end(1)):
            continue
        if _syllables_of(word.group(1).casefold(), [w.casefold() for w in words if w not in _CONNECTORS]):
            span = Span(word.start(1), region_end)
            out.append(Mention("agency", span, text[span.start:span.end], value,
                               "recognise:unknown-agency-acronym"))
    return out


def _syllables_of(word: str, name: list[str], used: int = 0) -> bool:
    """Whether `word` is prefixes of successive name words, from the first, over at least two words."""
    if not word:
        return used >= 2
    if used >= len(name):
        return False
    part = name[used]
    return any(part.startswith(word[:k]) and _syllables_of(word[k:], name, used + 1)
               for k in range(min(len(part), len(word)), 0, -1))


def _only_topics(text: str, start: int, end: int, topics: list[tuple[int, int]]) -> bool:
    """Whether [start, end) holds nothing but topic labels and connectors."""
    rest = list(text[start:end])
    for topic_start, topic_end in topics:
        if topic_start >= end:
            break
        for i in range(max(topic_start, start), min(topic_end, end)):
            rest[i - start] = " "
    return all(word in _CONNECTORS for word in "".join(rest).split())


def _acronym_forms(text: str, words: list[str], codes: set[str], value: str, blockers: list,
                   regions: list) -> list[Mention]:
    """"LPPL Radio Benuo Taka" for "Lembaga Penyiaran Publik Lokal Radio Benuo Taka", "FK-KIM Kaltim" for
    "Forum Komunikasi Kelompok Informasi Masyarakat Kalimantan Timur", wherever the article writes them."""
    out = []
    region_at = {r[0]: r for r in regions}
    for k in range(2, len(words) + 1):
        head = [w for w in words[:k] if w not in _CONNECTORS]
        if not all(w[:1].isupper() for w in head):
            break
        if len(head) < 3:
            continue
        first, *others = [re.escape(w[0]) for w in head]
        # the first letter, then no word character before it: a literal opening the engine jumps to
        letters = first + r"(?<![\w-].)" + "".join(f"-?{letter}" for letter in others)
        rest = "".join(rf"\s+{re.escape(w)}" for w in words[k:])
        for found in re.finditer(rf"{letters}{rest}(?![\w-])", text):
            end = found.end()
            after = region_at.get(skip_space(text, end))
            if codes:
                if after is None or not codes & set(after[2].split("|")):
                    continue  # the acronym of a regional body is written with its region
                end = after[1]
            if not overlaps(blockers, found.start(), end):
                out.append(Mention("agency", Span(found.start(), end), text[found.start():end], value,
                                   "recognise:unknown-agency-acronym"))
    return out


_DEFINED = re.compile(r"[ \t]*\(([A-Z][^()\n]{1,38})\)")
_ALIAS_KINDS = frozenset({"agency", "role", "other"})


def article_abbreviations(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[Mention]:
    """Mentions of the short name an article defines in parentheses after a full name.

    "Dinas Komunikasi, Informatika, Persandian dan Statistik (Diskominfo Santik) Kota Palu" makes every
    later "Diskominfo Santik" (and "Diskominsa", "Diskominfostandi") a mention of that agency type, even
    when the lexicon does not know the short name or knows only its first word. Returns the new
    mentions; the caller drops the shorter hits they cover.
    """
    aliases: dict[str, str] = {}
    for mention in mentions:
        if mention.kind != "agency" or mention.value.startswith("unresolved:"):
            continue
        defined = _DEFINED.match(text, mention.span.end)
        if defined is None:
            continue
        inner = " ".join(defined.group(1).split())
        inside = [m for m in mentions if defined.start(1) <= m.span.start < defined.end(1)]
        if len(inner.split()) > 3 or any(m.kind in ("region", "person") for m in inside) \
                or any(m.kind == "agency" and m.span.start == defined.start(1)
                       and m.span.end >= defined.end(1) for m in inside):
            continue  # a region, or a short name the lexicon reads already
        aliases.setdefault(inner, mention.value)
    out: list[Mention] = []
    for alias, type_id in aliases.items():
        pos = text.find(alias)
        while pos >= 0:
            end = pos + len(alias)
            if (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not (
                    text[end].isalnum() or text[end] == "-")):
                out.append(Mention("agency", Span(pos, end), alias, type_id,
                                   "recognise:article-abbreviation"))
            pos = text.find(alias, end)
    return out


def without_covered(mentions: list[Mention], spans: list[Mention]) -> list[Mention]:
    """`mentions` less the agency, role and title hits lying inside one of `spans` (longest reading wins)."""
    if not spans:
        return mentions
    return [m for m in mentions if m.kind not in _ALIAS_KINDS or m in spans or not any(
        s.span.start <= m.span.start and m.span.end <= s.span.end for s in spans)]


_PLACE_WORDS = re.compile(r"[ \t]+([A-Z][\w'\-]*)")
_OFFICE_BEFORE = re.compile(r"(?<![\w-])Kantor[ \t]+$")
_MAX_PLACE_WORDS = 3


def local_offices(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[Mention]:
    """The office a local head's title names: "Camat Dolo" → Kecamatan Dolo, "Kantor Lurah Ubud" →
    Kelurahan Ubud, kept as unresolved agencies (the lexicon has no type for them)."""
    offices = knowledge.roles.offices
    if not offices:
        return []
    out = []
    for mention in mentions:
        if mention.kind != "role":
            continue
        office = offices.get(mention.text.casefold())
        if office is None:
            continue
        end = mention.span.end
        place: list[str] = []
        while len(place) < _MAX_PLACE_WORDS:
            word = _PLACE_WORDS.match(text, end)
            if word is None or word.group(1) in knowledge.titles.not_names \
                    or word.group(1) in knowledge.titles.honorifics or word.group(1).endswith("."):
                break
            place.append(word.group(1))
            end = word.end()
            if text[end:end + 1] != " ":
                break
        if not place:
            continue
        before = _OFFICE_BEFORE.search(text, max(0, mention.span.start - 10), mention.span.start)
        start = before.start() if before is not None else mention.span.start
        name = " ".join([office, *place])
        out.append(Mention("agency", Span(start, end), text[start:end], f"unresolved:{slug(name)}",
                           "recognise:local-office"))
    return out

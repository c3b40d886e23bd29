"""Recognition: every candidate mention of the cleaned text, with the lexicon value and the rule.

One automaton pass (kg.knowledge) finds agencies, regions, roles, honorifics, degrees, triggers,
topics and awards. Two anchored regexes add agencies the lexicon lists only by pattern: fused names
("Diskominfosantik", from the types' word prefixes) and bodies it does not know, opened by a head word
("Lembaga Penyiaran Publik Lokal Radio Benuo Taka", value "unresolved:<slug>", with the acronym forms
the article also uses: "LPPL Radio Benuo Taka"). Cheap scans then run only around role and honorific
hits: the extent
of each post title ("Kepala Bidang IKP dan Kehumasan Diskominfo Kaltim", mention kind "other", value
"title:<role id>") and the person names next to it (kind "person", value = the name without
honorifics and degrees). Deciding what the mentions mean is left to kg.resolve.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from kg.knowledge import Knowledge
from kg.knowledge.agencies import slug
from kg.types import CleanArticle, Mention, Recognised, Span

_TOKEN = re.compile(r"[^\s,;:()“”\"!?]+")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-]*\.?$")
_INITIAL = re.compile(r"[A-Z]\.$")
_GAP_TITLE = re.compile(r"[ \t()]*$")  # what may separate two words of one title
_GAP_NAME = re.compile(r"[ \t]*$")
_GAP_COMMA = re.compile(r"[ \t]*,[ \t]*$")
_GAP_HONORIFIC = re.compile(r"[ \t()]*")
_GAP_DEGREE = re.compile(r"[ \t]*,?[ \t]*$")
_LEFT_LINK = re.compile(r"(?:,[ \t]*|[ \t]+(?:selaku|sebagai|yang juga|yang merupakan|yang menjabat)[ \t]+)$")
# Mention kinds a post title may run over ("Kepala Bidang IKP Diskominfo Kaltim").
_TITLE_KINDS = frozenset({"agency", "region", "role", "topic"})
_MAX_NAME_WORDS = 5
_PLURAL = re.compile(r"(?i)\b(?:para|seluruh|sejumlah|beberapa|segenap|semua)[ \t]+$")  # "para kepala OPD"


@dataclass(frozen=True)
class Person:
    """A person's name as written: its span (titles included), bare name, honorifics and degrees."""

    span: Span
    name: str
    name_span: Span
    honorifics: tuple[str, ...]
    degrees: tuple[str, ...]


def recognise(clean: CleanArticle, knowledge: Knowledge) -> Recognised:
    """All mentions of the cleaned article, in text order."""
    text = clean.text
    mentions = [Mention(h.entry.kind, Span(h.start, h.end), text[h.start:h.end], h.entry.value, h.entry.rule)
                for h in knowledge.find(text)]
    mentions.extend(_prefixed_agencies(text, mentions, knowledge))
    mentions.extend(unknown_agencies(text, mentions, knowledge))
    index = _Index(mentions)
    extra: list[Mention] = []
    covered_until = -1
    for mention in mentions:
        if mention.kind != "role" or mention.span.start < covered_until \
                or knowledge.roles.is_place(text, mention.span.start) \
                or _PLURAL.search(text, max(0, mention.span.start - 12), mention.span.start) \
                or _inside_agency(index, mention):  # "Ikatan Pranata Humas Indonesia": a body's name
            continue
        title_end = title_extent(text, mention.span.end, index, knowledge)
        covered_until = title_end
        title = Span(mention.span.start, title_end)
        extra.append(Mention("other", title, text[title.start:title.end], f"title:{mention.value}",
                             "recognise:title-extent"))
        person = name_after(text, title_end, index, knowledge)
        rule = "recognise:name-after-title"
        if person is None:
            person = name_before(text, mention.span.start, index, knowledge)
            rule = "recognise:name-before-title"
        if person is not None:
            extra.append(Mention("person", person.span, text[person.span.start:person.span.end],
                                 person.name, rule))
    for mention in mentions:
        if mention.kind == "honorific" and not any(m.kind == "person" and m.span.start <= mention.span.start
                                                   < m.span.end for m in extra):
            person = name_after(text, mention.span.start, index, knowledge, require_comma=False)
            if person is not None and person.honorifics:
                extra.append(Mention("person", person.span, text[person.span.start:person.span.end],
                                     person.name, "recognise:name-after-honorific"))
    mentions.extend(extra)
    mentions.sort(key=lambda m: (m.span.start, -m.span.end))
    return Recognised(clean, tuple(mentions))


@lru_cache(maxsize=8)
def _prefix_pattern(prefixes: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    words = "|".join(re.escape(p) for p, _ in sorted(prefixes, key=lambda x: len(x[0]), reverse=True))
    return re.compile(rf"(?<![\w-])({words})[a-z]{{2,14}}(?![\w-])")


def _prefixed_agencies(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[Mention]:
    pattern = _prefix_pattern(knowledge.agencies.prefixes)
    if pattern is None:
        return []
    types = dict(knowledge.agencies.prefixes)
    taken = {m.span.start for m in mentions if m.kind == "agency"}
    return [Mention("agency", Span(m.start(), m.end()), m.group(), types[m.group(1)],
                    "agency_types.yaml:prefixes")
            for m in pattern.finditer(text) if m.start() not in taken]


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
    pattern = _head_pattern(knowledge.agencies.unknown_heads)
    if pattern is None:
        return []
    blockers = sorted((m.span.start, m.span.end) for m in mentions if m.kind in _UNKNOWN_BLOCKERS)
    agency_spans = {(m.span.start, m.span.end) for m in mentions if m.kind == "agency"}
    regions = sorted((m.span.start, m.span.end, m.value) for m in mentions if m.kind == "region")
    out: list[Mention] = []
    for match in pattern.finditer(text):
        start = match.start()
        if _overlaps(blockers, start, start + 1):
            continue
        blocker = next((b for b in blockers if start < b[0] < match.end()), None)  # sorted by start
        stop = blocker[0] if blocker is not None else match.end()
        words = [w for w in re.finditer(r"\S+", match.group()) if start + w.end() <= stop]
        while words and words[-1].group() in _CONNECTORS:
            words.pop()
        if blocker is not None and words and not text[start + words[-1].end():blocker[0]].strip() \
                and blocker in agency_spans:
            continue  # "UPTD Command Center Diskominfo Samarinda": a unit of a known agency
        if len(words) < 2:
            continue
        end = start + words[-1].end()
        region = next((r for r in regions if start < r[0] <= end + 1), None)
        if region is not None:
            end = region[1]
            body = [w.group() for w in words if start + w.start() < region[0]]
        else:
            body = [w.group() for w in words]
            if sum(1 for w in body[1:] if w[:1].isupper()) < 2:
                continue  # "Dinas Terkait": too little to name a body
        name = " ".join(text[start:end].split())
        value = f"unresolved:{slug(name)}"
        out.append(Mention("agency", Span(start, end), text[start:end], value, "recognise:unknown-agency"))
        codes = set(region[2].split("|")) if region is not None else set()
        out.extend(_acronym_forms(text, body, codes, value, blockers, regions))
    return out


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
        letters = "-?".join(re.escape(w[0]) for w in head)
        rest = "".join(rf"\s+{re.escape(w)}" for w in words[k:])
        for found in re.finditer(rf"(?<![\w-]){letters}{rest}(?![\w-])", text):
            end = found.end()
            after = region_at.get(_skip_space(text, end))
            if codes:
                if after is None or not codes & set(after[2].split("|")):
                    continue  # the acronym of a regional body is written with its region
                end = after[1]
            if not _overlaps(blockers, found.start(), end):
                out.append(Mention("agency", Span(found.start(), end), text[found.start():end], value,
                                   "recognise:unknown-agency-acronym"))
    return out


def _overlaps(spans: list, start: int, end: int) -> bool:
    i = bisect_right(spans, (end,))
    return any(s[0] < end and start < s[1] for s in spans[max(0, i - 8):i])


def _inside_agency(index: _Index, mention: Mention) -> bool:
    covering = index.covering(mention.span.start, frozenset({"agency"}))
    return covering is not None and covering.span.start < mention.span.start \
        and mention.span.end <= covering.span.end


class _Index:
    """Mentions by position: which mention covers an offset (the longest one starting earliest)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, -m.span.end))
        self.starts = [m.span.start for m in self.mentions]

    def covering(self, pos: int, kinds: frozenset[str] | None = None) -> Mention | None:
        i = bisect_right(self.starts, pos) - 1
        best = None
        # mentions never nest (the matcher drops contained hits), so a few steps back suffice
        for j in range(i, max(i - 4, -1), -1):
            m = self.mentions[j]
            if m.span.start <= pos < m.span.end and (kinds is None or m.kind in kinds) \
                    and (best is None or m.span.end > best.span.end):
                best = m
        return best

    def blocked(self, start: int, end: int) -> bool:
        """Whether a lexicon mention (other than honorifics/degrees) overlaps [start, end)."""
        i = bisect_right(self.starts, end - 1) - 1
        for j in range(i, max(i - 6, -1), -1):
            m = self.mentions[j]
            if m.span.start < end and start < m.span.end and m.kind not in ("honorific", "degree"):
                return True
        return False


def title_extent(text: str, pos: int, index: _Index, knowledge: Knowledge) -> int:
    """Where a post title that reaches `pos` ends: over title words and agency/region mentions.

    Unit names the lexicon does not know ("Kasi Pemanfaatan Data dan Inovasi Pelayanan Disdukcapil
    Balikpapan") are crossed when an agency mention follows them before any punctuation.
    """
    end = pos
    words = knowledge.roles.title_words
    has_agency = False
    while True:
        match = _TOKEN.search(text, end)
        if match is None or "\n" in text[end:match.start()]:
            break
        if not _GAP_TITLE.match(text, end, match.start()):
            # "Direktur Perencanaan, Evaluasi dan Informasi … Kemendagri": a comma inside a unit name
            if has_agency or not _GAP_COMMA.match(text, end, match.start()):
                break
            reach = _agency_ahead(text, match.start(), index, knowledge, allow_comma=True)
            if reach is None:
                break
            end, has_agency = reach, True
            continue
        covering = index.covering(match.start(), _TITLE_KINDS)
        if covering is not None:
            end = max(covering.span.end, match.start() + 1)
            has_agency = has_agency or covering.kind == "agency"
            continue
        if match.group().casefold() in words:
            end = match.end()
            continue
        reach = _agency_ahead(text, match.start(), index, knowledge)
        if reach is not None:
            end, has_agency = reach, True
            continue
        joined = _joined_unit_word(text, match, words)
        if joined is not None:
            end = joined  # "Kabid Aptika dan Statistik": an unknown unit word joined to a known one
            continue
        break
    if end < len(text) and text[end] == ")" and "(" in text[pos:end]:
        end += 1
    return end


_AHEAD_WORDS = 8
_JOIN = re.compile(r"[ \t]+(?:dan|serta|&)[ \t]+([^\s,;:()“”\"!?]+)")


def _joined_unit_word(text: str, match: re.Match[str], words: frozenset[str]) -> int | None:
    """The end of "<Word> dan <title word>" when the word right after the connector continues a title."""
    token = match.group()
    if not token[:1].isupper() or token.endswith("."):
        return None
    joined = _JOIN.match(text, match.end())
    if joined is None or joined.group(1).casefold() not in words:
        return None
    return joined.end()


def _agency_ahead(text: str, pos: int, index: _Index, knowledge: Knowledge,
                  allow_comma: bool = False) -> int | None:
    """The end of an agency mention reached from `pos` over capitalised words only, or None."""
    cur = pos
    for _ in range(_AHEAD_WORDS):
        match = _TOKEN.match(text, cur)
        if match is None:
            return None
        covering = index.covering(match.start(), _TITLE_KINDS)
        if covering is not None and covering.kind == "agency":
            return covering.span.end
        if covering is not None:  # a topic or region inside a unit name: "UPTD Command Center"
            cur = _skip_space(text, covering.span.end)
            if cur == covering.span.end:
                return None
            continue
        token = match.group()
        if not (token[:1].isupper() or token.casefold() in knowledge.roles.title_words) \
                or token.endswith(".") or token in knowledge.titles.honorifics:
            return None
        nxt = _skip_space(text, match.end())
        if allow_comma and nxt < len(text) and text[nxt] == ",":
            nxt = _skip_space(text, nxt + 1)
        if nxt == match.end() or not _GAP_TITLE.match(text, match.end(), nxt) and not (
                allow_comma and _GAP_COMMA.match(text, match.end(), nxt)):
            return None
        cur = nxt
    return None


def _is_name_word(token: str, knowledge: Knowledge, first: bool = True) -> bool:
    """A capitalised word that may be part of a name; `first`: also not a word that never opens one."""
    titles = knowledge.titles
    if not _NAME_WORD.match(token) or token in titles.honorifics or token in titles.degrees:
        return False
    if len(token) > 1 and token.isupper() and token not in titles.name_openers:
        return False  # an acronym ("OPD", "DKISP"), not a name
    core = token.rstrip(".") if not _INITIAL.match(token) else token
    if first and (core in titles.not_names or token in titles.not_names):
        return False
    return token in titles.name_openers or core.casefold() not in knowledge.roles.title_words


def name_after(text: str, pos: int, index: _Index, knowledge: Knowledge,
               require_comma: bool = False) -> Person | None:
    """A name starting right after `pos` (", H. Iskandar Alwi, S.Sos."), or None."""
    titles = knowledge.titles
    gap = re.compile(r"[ \t]*,?[ \t]*").match(text, pos)
    cur = gap.end() if gap else pos
    if require_comma and "," not in text[pos:cur]:
        return None
    start = None
    honorifics: list[str] = []
    words: list[tuple[int, int, str]] = []
    end_sentence = False
    while len(words) < _MAX_NAME_WORDS and not end_sentence:
        match = _TOKEN.match(text, cur)
        if match is None:
            break
        token = match.group()
        if not words and token in titles.address_forms:
            cur = _skip_space(text, match.end())
            continue
        if not words and token in titles.honorifics:
            start = match.start() if start is None else start
            honorifics.append(titles.honorifics[token])
            cur = _GAP_HONORIFIC.match(text, match.end()).end()  # type: ignore[union-attr]
            continue
        if words and token in titles.particles:
            nxt = _TOKEN.match(text, _skip_space(text, match.end()))
            if nxt and _is_name_word(nxt.group(), knowledge):
                cur = _skip_space(text, match.end())
                continue
        if not _is_name_word(token, knowledge, first=not words) or index.blocked(match.start(), match.end()):
            break
        word_end = match.end()
        if token.endswith(".") and not _INITIAL.match(token) \
                and not _abbreviated_name(text, token, match.end()):
            word_end -= 1  # "Alwi." ends the sentence
            end_sentence = True
        words.append((match.start(), word_end, text[match.start():word_end]))
        start = match.start() if start is None else start
        nxt = _skip_space(text, match.end())
        if nxt == match.end() and not end_sentence:
            break
        if not _GAP_NAME.match(text, match.end(), nxt):
            break
        cur = nxt
    if not words:
        return None
    # a lone initial or a trailing initial is not a name ("A." at a sentence end)
    while words and _INITIAL.match(words[-1][2]):
        words.pop()
    if not words:
        return None
    name_end = words[-1][1]
    degrees, end = _degrees_after(text, name_end, knowledge)
    name = " ".join(w[2] for w in words)
    return Person(Span(start if start is not None else words[0][0], end), name,
                  Span(words[0][0], name_end), tuple(honorifics), tuple(degrees))


def _abbreviated_name(text: str, token: str, end: int) -> bool:
    """"Ign." or "Moh." followed by more of the name: an abbreviated given name, not a sentence end."""
    if len(token) > 4 or not token[:-1].isalpha():
        return False
    nxt = _TOKEN.match(text, _skip_space(text, end))
    return nxt is not None and _skip_space(text, end) > end and bool(_NAME_WORD.match(nxt.group())) \
        and nxt.group() not in ("Ia", "Dia")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _degrees_after(text: str, pos: int, knowledge: Knowledge) -> tuple[list[str], int]:
    degrees: list[str] = []
    end = pos
    cur = pos
    while True:
        gap = re.compile(r"[ \t]*,?[ \t]*").match(text, cur)
        start = gap.end() if gap else cur
        match = _TOKEN.match(text, start)
        if match is None:
            break
        token = match.group()
        form = knowledge.titles.degrees.get(token) or knowledge.titles.degrees.get(token.rstrip("."))
        if form is None:
            break
        degrees.append(form)
        end = cur = match.end()
    return degrees, end


_LEFT_WINDOW = 160


def name_before(text: str, pos: int, index: _Index, knowledge: Knowledge) -> Person | None:
    """A name just before a title it is in apposition with ("Hj. Euis Kartika Sari, S.E., Sekretaris …")."""
    titles = knowledge.titles
    window_start = max(0, pos - _LEFT_WINDOW)
    link = _LEFT_LINK.search(text, window_start, pos)
    if link is None:
        return None
    tokens = list(_TOKEN.finditer(text, window_start, link.start()))
    degrees: list[str] = []
    later = link.start()
    while tokens and tokens[-1].group() in titles.degrees \
            and re.fullmatch(r"[ \t,]*", text[tokens[-1].end():later]):
        degrees.insert(0, titles.degrees[tokens[-1].group()])
        later = tokens[-1].start()
        tokens.pop()
    words: list[re.Match[str]] = []
    while tokens:
        match = tokens[-1]
        between = text[match.end():later]
        if not (re.fullmatch(r"[ \t,]*", between) if not words else _GAP_NAME.fullmatch(between)):
            break
        token = match.group()
        if not _is_name_word(token, knowledge, first=False) \
                or (token.endswith(".") and not _INITIAL.match(token) and len(token) > 4) \
                or index.blocked(match.start(), match.end()) or len(words) == _MAX_NAME_WORDS:
            break
        words.insert(0, match)
        later = match.start()
        tokens.pop()
    while words and words[-1].group().endswith("."):
        words.pop()
    while words and not _is_name_word(words[0].group(), knowledge, first=True):
        words.pop(0)  # "Sebelumnya Juli Aswinsyah, …": the opener is not part of the name
    if len(words) < 2:
        return None
    honorifics: list[str] = []
    start = words[0].start()
    while tokens and tokens[-1].group() in titles.honorifics \
            and _GAP_NAME.fullmatch(text[tokens[-1].end():start]):
        honorifics.insert(0, titles.honorifics[tokens[-1].group()])
        start = tokens[-1].start()
        tokens.pop()
    if not honorifics and tokens:
        prev = tokens[-1]
        if _GAP_NAME.fullmatch(text[prev.end():start]) and prev.group()[:1].isupper() \
                and prev.group() not in titles.not_names:
            return None  # a longer capitalised run: a heading or an organisation, not a name
    name = " ".join(w.group() for w in words)
    end = words[-1].end()
    return Person(Span(start, end), name, Span(words[0].start(), end), tuple(honorifics), tuple(degrees))

"""Recognition: every candidate mention of the cleaned text, with the lexicon value and the rule.

One automaton pass (kg.knowledge) finds agencies, regions, roles, honorifics, degrees, triggers,
topics and awards. Two cheap anchored scans then run only around role and honorific hits: the extent
of each post title ("Kepala Bidang IKP dan Kehumasan Diskominfo Kaltim", mention kind "other", value
"title:<role id>") and the person names next to it (kind "person", value = the name without
honorifics and degrees). Deciding what the mentions mean is left to kg.resolve.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kg.knowledge import Knowledge
from kg.types import CleanArticle, Mention, Recognised, Span

_TOKEN = re.compile(r"[^\s,;:()“”\"!?]+")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-]*\.?$")
_INITIAL = re.compile(r"[A-Z]\.$")
_GAP_TITLE = re.compile(r"[ \t()]*$")  # what may separate two words of one title
_GAP_NAME = re.compile(r"[ \t]*$")
_GAP_DEGREE = re.compile(r"[ \t]*,?[ \t]*$")
_LEFT_LINK = re.compile(r"(?:,[ \t]*|[ \t]+(?:selaku|sebagai|yang juga|yang merupakan|yang menjabat)[ \t]+)$")
# Mention kinds a post title may run over ("Kepala Bidang IKP Diskominfo Kaltim").
_TITLE_KINDS = frozenset({"agency", "region", "role", "topic"})
_MAX_NAME_WORDS = 5


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
    index = _Index(mentions)
    extra: list[Mention] = []
    covered_until = -1
    for mention in mentions:
        if mention.kind != "role" or mention.span.start < covered_until:
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
    """Where a post title that reaches `pos` ends: over title words and agency/region mentions."""
    end = pos
    words = knowledge.roles.title_words
    while True:
        match = _TOKEN.search(text, end)
        if match is None or not _GAP_TITLE.match(text, end, match.start()) \
                or "\n" in text[end:match.start()]:
            break
        covering = index.covering(match.start(), _TITLE_KINDS)
        if covering is not None:
            end = max(covering.span.end, match.start() + 1)
            continue
        if match.group().casefold() in words:
            end = match.end()
            continue
        break
    if end < len(text) and text[end] == ")" and "(" in text[pos:end]:
        end += 1
    return end


def _is_name_word(token: str, knowledge: Knowledge) -> bool:
    titles = knowledge.titles
    core = token.rstrip(".") if not _INITIAL.match(token) else token
    return bool(_NAME_WORD.match(token)) and core not in titles.not_names and token not in titles.not_names \
        and token not in titles.degrees and core.casefold() not in knowledge.roles.title_words


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
            cur = _skip_space(text, match.end())
            continue
        if words and token in titles.particles:
            nxt = _TOKEN.match(text, _skip_space(text, match.end()))
            if nxt and _is_name_word(nxt.group(), knowledge):
                cur = _skip_space(text, match.end())
                continue
        if not _is_name_word(token, knowledge) or index.blocked(match.start(), match.end()):
            break
        word_end = match.end()
        if token.endswith(".") and not _INITIAL.match(token):
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
    """A name just before a title it is in apposition with ("Juli Aswinsyah, Pranata Humas …")."""
    window_start = max(0, pos - _LEFT_WINDOW)
    link = _LEFT_LINK.search(text, window_start, pos)
    if link is None:
        return None
    tokens = list(_TOKEN.finditer(text, window_start, link.start()))
    degrees: list[str] = []
    # trailing degrees: "Juli Aswinsyah, S.Sos., Pranata …"
    while tokens and (tokens[-1].group() in knowledge.titles.degrees):
        degrees.insert(0, knowledge.titles.degrees[tokens[-1].group()])
        tokens.pop()
    words: list[re.Match[str]] = []
    for match in reversed(tokens):
        later = words[0].start() if words else link.start()
        between = text[match.end():later]
        if words and not _GAP_NAME.match(between):
            break
        if words == [] and not re.fullmatch(r"[ \t,]*", between):
            break
        token = match.group()
        if not _is_name_word(token, knowledge) or token.endswith(".") and not _INITIAL.match(token) \
                or index.blocked(match.start(), match.end()):
            break
        words.insert(0, match)
        if len(words) == _MAX_NAME_WORDS:
            break
    if len(words) < 2:
        return None
    first = words[0]
    before = text[max(0, first.start() - 2):first.start()]
    prev = tokens[tokens.index(first) - 1] if tokens.index(first) > 0 else None
    if prev is not None and prev.group() in knowledge.titles.honorifics and _GAP_NAME.match(
            text[prev.end():first.start()]):
        honorifics = (knowledge.titles.honorifics[prev.group()],)
        start = prev.start()
    else:
        honorifics = ()
        start = first.start()
        if prev is not None and _NAME_WORD.match(prev.group()) and not before.strip(" \t") \
                and prev.group() not in knowledge.titles.not_names and not index.blocked(prev.start(), prev.end()):
            return None  # a longer capitalised run: a heading or an organisation, not a name
    name = " ".join(w.group() for w in words)
    end = words[-1].end()
    return Person(Span(start, end), name, Span(first.start(), end), honorifics, tuple(degrees))

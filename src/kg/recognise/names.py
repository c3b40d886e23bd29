"""Person names beside a post title or after an honorific, with honorifics and degrees set apart.

"Kepala DKISP Kaltara, H. Iskandar Alwi, S.Sos." and "Juli Aswinsyah, Pranata Humas Ahli Muda …" give
the name with its titles; the lexicon's lists of honorifics, degrees, forms of address and words that
never open a name (person_titles.yaml) keep sentence openers, days and acronyms out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.knowledge import Knowledge
from kg.recognise.scan import TOKEN, MentionIndex, skip_space
from kg.types import Span

_GAP_COMMA = re.compile(r"[ \t,]*")

_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-]*\.?$")
_INITIAL = re.compile(r"[A-Z]\.$")
_GAP_NAME = re.compile(r"[ \t]*$")
_GAP_HONORIFIC = re.compile(r"[ \t()]*")
_LEFT_LINK = re.compile(r"(?:,[ \t]*|[ \t]*\([ \t]*|[ \t]+(?:selaku|sebagai|yang juga|yang merupakan|"
                        r"yang menjabat)[ \t]+)$")
_LINK_ENDS = (",", "(", "selaku", "sebagai", "yang juga", "yang merupakan", "yang menjabat")  # _LEFT_LINK's
_LINK_REACH = max(len(e) for e in _LINK_ENDS)
_MAX_NAME_WORDS = 5
_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari", "menuju", "tiba", "setibanya"})
_GAP_DEGREE = re.compile(r"[ \t]*,?[ \t]*")


@dataclass(frozen=True)
class Person:
    """A person's name as written: its span (titles included), bare name, honorifics and degrees."""

    span: Span
    name: str
    name_span: Span
    honorifics: tuple[str, ...]
    degrees: tuple[str, ...]


def _is_name_word(token: str, knowledge: Knowledge, first: bool = True) -> bool:
    """A capitalised word that may be part of a name; `first`: also not a word that never opens one."""
    titles = knowledge.titles
    if not _NAME_WORD.match(token) or token in titles.honorifics or token in titles.degrees:
        return False
    bare = token.rstrip(".")
    if len(bare) > 1 and bare.isalpha() and bare.isupper() and token not in titles.name_openers:
        return False  # an acronym ("OPD", "DKISP"), not a name
    core = token.rstrip(".") if not _INITIAL.match(token) else token
    if first and (core in titles.not_names or token in titles.not_names):
        return False
    return token in titles.name_openers or core.casefold() not in knowledge.roles.title_words


def name_after(text: str, pos: int, index: MentionIndex, knowledge: Knowledge,
               require_comma: bool = False) -> Person | None:
    """A name starting right after `pos` (", H. Iskandar Alwi, S.Sos."), or None."""
    titles = knowledge.titles
    gap = titles.title_to_name.match(text, pos)
    cur = gap.end() if gap else pos
    if require_comma and "," not in text[pos:cur]:
        return None
    opened = "," in text[pos:cur]  # ", Yohanes Lingga,": the name stands between commas
    start: int | None = None
    honorifics: list[str] = []
    words: list[tuple[int, int, str]] = []
    end_sentence = False
    while len(words) < _MAX_NAME_WORDS and not end_sentence:
        match = TOKEN.match(text, cur)
        if match is None:
            break
        token = match.group()
        if not words and token in titles.address_forms:
            cur = skip_space(text, match.end())
            continue
        if not words and token in titles.honorifics:
            start = match.start() if start is None else start
            honorifics.append(titles.honorifics[token])
            cur = _GAP_HONORIFIC.match(text, match.end()).end()  # type: ignore[union-attr]
            continue
        if words and token in titles.particles:
            following = TOKEN.match(text, skip_space(text, match.end()))
            if following and _is_name_word(following.group(), knowledge):
                words.append((match.start(), match.end(), token))  # "Moa da Gama": the particle is named
                cur = skip_space(text, match.end())
                continue
        initial = bool(words) and len(token) == 1 and token.isupper() \
            and _name_word_follows(text, match.end(), knowledge)  # "Sarkowi V Zahry": an undotted initial
        # "H. Muda Prasetyo", "Iskandar Muda Tanjung": a word that also continues titles, inside a name
        # (after an honorific or a name word, with a name word after it)
        initial = initial or (bool(honorifics) or bool(words)) and _titled_name_word(text, match, knowledge)
        if not initial and (not _is_name_word(token, knowledge, first=not words)
                            or index.blocked(match.start(), match.end()) and not _last_before_degrees(
                                text, match, words, knowledge)
                            and not _place_closing_apposition(text, match, words, index, opened)):
            break
        word_end = match.end()
        if token.endswith(".") and not _INITIAL.match(token) \
                and not _abbreviated_name(text, token, match.end(), knowledge):
            word_end -= 1  # "Alwi." ends the sentence
            end_sentence = True
        words.append((match.start(), word_end, text[match.start():word_end]))
        start = match.start() if start is None else start
        nxt = skip_space(text, match.end())
        if nxt == match.end() and not end_sentence:
            break
        if not _GAP_NAME.match(text, match.end(), nxt):
            break
        cur = nxt
    if not words:
        return None
    # a lone initial or a trailing initial is not a name ("A." at a sentence end), nor a particle whose
    # name word turned out not to follow
    while words and (_INITIAL.match(words[-1][2]) or words[-1][2] in titles.particles):
        words.pop()
    if not words:
        return None
    name_end = words[-1][1]
    degrees, end = _degrees_after(text, name_end, knowledge)
    name = " ".join(w[2] for w in words)
    return Person(Span(start if start is not None else words[0][0], end), name,
                  Span(words[0][0], name_end), tuple(honorifics), tuple(degrees))


def _titled_name_word(text: str, match: re.Match[str], knowledge: Knowledge) -> bool:
    """A capitalised title word ("Muda", "Utama") that a name word follows: a given name."""
    token = match.group()
    return bool(_NAME_WORD.match(token)) and not token.endswith(".") and token[1:].islower() \
        and token.casefold() in knowledge.roles.title_words \
        and _name_word_follows(text, match.end(), knowledge)


def _name_word_follows(text: str, pos: int, knowledge: Knowledge) -> bool:
    nxt_start = skip_space(text, pos)
    nxt = TOKEN.match(text, nxt_start) if nxt_start > pos else None
    return nxt is not None and len(nxt.group()) > 1 and _is_name_word(nxt.group(), knowledge, first=False)


def _abbreviated_name(text: str, token: str, end: int, knowledge: Knowledge) -> bool:
    """"Ign.", "Moh." or a listed longer one ("Moch.") followed by more of the name: an abbreviated given
    name, not a sentence end."""
    if (len(token) > 4 and token not in knowledge.titles.abbreviated_names) or not token[:-1].isalpha():
        return False
    nxt = TOKEN.match(text, skip_space(text, end))
    return nxt is not None and skip_space(text, end) > end and bool(_NAME_WORD.match(nxt.group())) \
        and nxt.group() not in ("Ia", "Dia")


def _last_before_degrees(text: str, match: re.Match[str], words: list, knowledge: Knowledge) -> bool:
    """A word a lexicon also knows (a town: "I Gusti Ngurah Bagus Mataram, S.Sos.") that ends a name
    already begun and is followed at once by a degree belongs to the name: a place is not written between
    a name and its degrees."""
    return len(words) >= 2 and text[match.end():match.end() + 1] == "," \
        and bool(_degrees_after(text, match.end(), knowledge)[0])


def _place_closing_apposition(text: str, match: re.Match[str], words: list, index: MentionIndex,
                              opened: bool) -> bool:
    """A town's name that ends a name set off by commas ("Kepala DKISP Kaltara, Yohanes Lingga, menyambut
    …") belongs to the name: no place is written between a person's name and the comma closing it. Only
    a region's name, only one word, and only after a word of the name."""
    if not opened or not words or text[match.end():match.end() + 1] != ",":
        return False
    region = index.covering(match.start(), _REGION)
    return region is not None and region.span.start == match.start() and region.span.end == match.end() \
        and index.covering(match.start(), None) is region


_REGION = frozenset({"region"})


def _degrees_after(text: str, pos: int, knowledge: Knowledge) -> tuple[list[str], int]:
    degrees: list[str] = []
    end = pos
    cur = pos
    while True:
        gap = _GAP_DEGREE.match(text, cur)
        start = gap.end() if gap else cur
        match = TOKEN.match(text, start)
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


def _link_from(text: str, start: int, end: int) -> int | None:
    """Where in text[start:end] a `_LEFT_LINK` match can begin, or None when none can: a match is a
    mark or cue word (at most `_LINK_REACH` characters) with spaces around it, ending at `end` (or
    before a final line break). The pattern searched over the whole window is tried at every character,
    so the search starts here instead; it finds the same leftmost match."""
    ends = [end]
    if end - 1 >= start and text[end - 1] == "\n":  # `$` also matches before a final line break
        ends.append(end - 1)
    first = None
    for stop in ends:
        content = text[start:stop].rstrip(" \t")
        if not content.endswith(_LINK_ENDS):
            continue
        from_ = max(start, start + len(content) - _LINK_REACH)
        while from_ > start and text[from_ - 1] in " \t":
            from_ -= 1
        first = from_ if first is None else min(first, from_)
    return first


def name_before(text: str, pos: int, index: MentionIndex, knowledge: Knowledge) -> Person | None:
    """A name just before a title it is in apposition with ("Hj. Euis Kartika Sari, S.E., Sekretaris …")."""
    titles = knowledge.titles
    window_start = max(0, pos - _LEFT_WINDOW)
    link_from = _link_from(text, window_start, pos)
    if link_from is None:
        return None
    link = _LEFT_LINK.search(text, link_from, pos)
    if link is None:
        return None
    tokens = list(TOKEN.finditer(text, window_start, link.start()))
    degrees: list[str] = []
    later = link.start()
    while tokens and tokens[-1].group() in titles.degrees \
            and _GAP_COMMA.fullmatch(text, tokens[-1].end(), later):
        degrees.insert(0, titles.degrees[tokens[-1].group()])
        later = tokens[-1].start()
        tokens.pop()
    words: list[re.Match[str]] = []
    while tokens:
        match = tokens[-1]
        between = text[match.end():later]
        if not (_GAP_COMMA.fullmatch(between) if not words else _GAP_NAME.fullmatch(between)):
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
    if words and tokens and tokens[-1].group() in _PLACE_PREPOSITIONS \
            and _GAP_NAME.fullmatch(text[tokens[-1].end():words[0].start()]):
        return None  # "Setibanya di Pelabuhan Tanjung Emas, Gubernur …": a place, not a person
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

"""How far a post title runs: "Kepala Bidang IKP dan Kehumasan Diskominfo Kaltim", then the name."""

from __future__ import annotations

import re

from kg.knowledge import Knowledge
from kg.recognise.scan import TOKEN, MentionIndex, skip_space

_GAP_TITLE = re.compile(r"[ \t()]*$")  # what may separate two words of one title
_GAP_COMMA = re.compile(r"[ \t]*,[ \t]*$")
# Mention kinds a post title may run over ("Kepala Bidang IKP Diskominfo Kaltim").
_TITLE_KINDS = frozenset({"agency", "region", "role", "topic"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-]{1,7}")


def title_extent(text: str, pos: int, index: MentionIndex, knowledge: Knowledge,
                 in_parentheses: bool = False) -> int:
    """Where a post title that reaches `pos` ends: over title words and agency/region mentions.

    Unit names the lexicon does not know ("Kasi Pemanfaatan Data dan Inovasi Pelayanan Disdukcapil
    Balikpapan") are crossed when an agency mention follows them before any punctuation. A title opened
    by a parenthesis ("Rahmat Hidayat (Kepala Bidang Persandian) serta …") ends at the closing one.
    """
    end = pos
    words = knowledge.roles.title_words
    has_agency = False
    previous = ""
    while True:
        match = TOKEN.search(text, end)
        if match is None or "\n" in text[end:match.start()]:
            break
        if in_parentheses and ")" in text[end:match.start()]:
            break
        if not _GAP_TITLE.match(text, end, match.start()):
            # "Direktur Perencanaan, Evaluasi dan Informasi … Kemendagri": a comma inside a unit name
            if has_agency or not _GAP_COMMA.match(text, end, match.start()):
                break
            if index.covering(match.start(), _ROLE) is not None:
                break  # "Sekda, Kabag Prokopim …": a second title, not a unit name with a comma
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
        word = match.group()
        if word in _LINKS and _unit_ahead(text, match.end(), index, words):
            end = match.end()  # "Pranata Humas Ahli Muda pada Diskominfo Berau", "… dari Fraksi Golkar"
            previous = ""
            continue
        if word.casefold() in words or _ACRONYM.fullmatch(word) \
                or len(word) == 1 and word.isupper() and previous:
            end = match.end()  # a title word, a unit's acronym ("Kepala Bidang PIK") or letter ("Komisi A")
            previous = word.casefold() if word[:1].isupper() else ""  # "anggota komisi Dewi": a name
            continue
        if previous in knowledge.roles.unit_words and word[:1].isupper() and not word.endswith(".") \
                and word not in knowledge.titles.honorifics:
            end = match.end()  # the faction's or commission's own name: "Fraksi Golkar", "Fraksi Partai X"
            previous = previous if word.casefold() == "partai" else ""
            continue
        if word.endswith(".") and _ACRONYM.fullmatch(word[:-1]):
            end = match.end() - 1  # "… Kepala Bidang PIK." ends the sentence
            break
        reach = _agency_ahead(text, match.start(), index, knowledge)
        if reach is not None:
            end, has_agency = reach, True
            continue
        joined = _joined_unit_word(text, match, words)
        if joined is not None:
            end = joined  # "Kabid Aptika dan Statistik": an unknown unit word joined to a known one
            continue
        if _unit_word_before_title_word(text, match, index, knowledge):
            end = match.end()  # "… dan Saluran Komunikasi Publik", "Kasi Tata Kelola dan Audit TIK"
            continue
        break
    if end < len(text) and text[end] == ")" and "(" in text[pos:end]:
        end += 1
    return end


_ROLE = frozenset({"role"})


def _unit_word_before_title_word(text: str, match: re.Match[str], index: MentionIndex,
                                 knowledge: Knowledge) -> bool:
    """An unknown capitalised word inside a unit name: the next word is a title word or a topic ("Saluran
    Komunikasi", "Audit TIK", "Sinkronisasi Urusan"). A person's name is not followed by one."""
    token = match.group()
    if not token[:1].isupper() or token.endswith(".") or token in knowledge.titles.name_openers \
            or token in knowledge.titles.honorifics:
        return False
    nxt_start = skip_space(text, match.end())
    if nxt_start == match.end() or nxt_start >= len(text):
        return False
    nxt = TOKEN.match(text, nxt_start)
    if nxt is None:
        return False
    word = nxt.group().rstrip(".")
    if word in knowledge.titles.name_openers or word.casefold() in _CONNECTOR_WORDS:
        return False
    if word.casefold() in knowledge.roles.title_words:
        return True
    covering = index.covering(nxt_start, frozenset({"topic"}))
    return covering is not None


_LINKS = frozenset({"pada", "dari", "di"})
_UNIT_KINDS = frozenset({"agency", "role"})


def _unit_ahead(text: str, pos: int, index: MentionIndex, words: frozenset[str]) -> bool:
    """Whether a unit title word in capitals ("Bidang", "Fraksi"), an agency or a unit headed by a post
    ("Analis Kebijakan pada Asisten Deputi Tata Kelola SPBE") follows `pos`."""
    nxt = TOKEN.match(text, skip_space(text, pos))
    if nxt is None or nxt.start() == pos:
        return False
    covering = index.covering(nxt.start(), _UNIT_KINDS)
    return covering is not None or nxt.group()[:1].isupper() and nxt.group().casefold() in words


_CONNECTOR_WORDS = frozenset({"dan", "serta", "&", "i", "ii", "iii", "iv", "v"})
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


def _agency_ahead(text: str, pos: int, index: MentionIndex, knowledge: Knowledge,
                  allow_comma: bool = False) -> int | None:
    """The end of an agency mention reached from `pos` over capitalised words only, or None."""
    cur = pos
    for _ in range(_AHEAD_WORDS):
        match = TOKEN.match(text, cur)
        if match is None:
            return None
        covering = index.covering(match.start(), _TITLE_KINDS)
        if covering is not None and covering.kind == "agency":
            return covering.span.end
        if covering is not None:  # a topic or region inside a unit name: "UPTD Command Center"
            cur = skip_space(text, covering.span.end)
            if cur == covering.span.end:
                return None
            continue
        token = match.group()
        if not (token[:1].isupper() or token.casefold() in knowledge.roles.title_words) \
                or token.endswith(".") or token in knowledge.titles.honorifics:
            return None
        nxt = skip_space(text, match.end())
        if allow_comma and nxt < len(text) and text[nxt] == ",":
            nxt = skip_space(text, nxt + 1)
        if nxt == match.end() or not _GAP_TITLE.match(text, match.end(), nxt) and not (
                allow_comma and _GAP_COMMA.match(text, match.end(), nxt)):
            return None
        cur = nxt
    return None

"""Recognition: every candidate mention of the cleaned text, with the lexicon value and the rule.

One automaton pass (kg.knowledge) finds agencies, regions, roles, honorifics, degrees, triggers,
topics and awards. Two anchored regexes add the agencies the lexicon names only by pattern
(`bodies`). Cheap scans then run only around role and honorific hits: the extent of each post title
(`titles`; mention kind "other", value "title:<role id>") and the person names next to it (`names`;
kind "person", value = the name without honorifics and degrees). Deciding what the mentions mean is
left to kg.resolve.
"""

from __future__ import annotations

import re

from kg.knowledge import Knowledge
from kg.recognise.bodies import (
    article_abbreviations,
    local_offices,
    prefixed_agencies,
    unknown_agencies,
    without_covered,
)
from kg.recognise.names import name_after, name_before
from kg.recognise.places import kecamatan_before_parent
from kg.recognise.scan import MentionIndex, skip_space
from kg.recognise.titles import title_extent
from kg.types import CleanArticle, Mention, Recognised, Span

__all__ = ["recognise"]

_PLURAL = re.compile(r"(?i)\b(?:para|seluruh|sejumlah|beberapa|segenap|semua)[ \t]+$")  # "para kepala OPD"


def recognise(clean: CleanArticle, knowledge: Knowledge) -> Recognised:
    """All mentions of the cleaned article, in text order."""
    text = clean.text
    mentions = _lexicon_mentions(text, knowledge)
    mentions.extend(kecamatan_before_parent(text, mentions, knowledge))
    mentions = _with_local_word(text, mentions, knowledge)
    mentions.extend(prefixed_agencies(text, mentions, knowledge))
    mentions.extend(unknown_agencies(text, mentions, knowledge))
    mentions.extend(local_offices(text, mentions, knowledge))
    defined = article_abbreviations(text, mentions, knowledge)
    if defined:
        mentions = without_covered(mentions, defined) + defined
        mentions.sort(key=lambda m: (m.span.start, -m.span.end))
    index = MentionIndex(mentions)
    extra: list[Mention] = []
    covered_until = -1
    for mention in mentions:
        if mention.kind != "role" or mention.span.start < covered_until \
                or knowledge.roles.is_place(text, mention.span.start) \
                or _PLURAL.search(text, max(0, mention.span.start - 12), mention.span.start) \
                or _inside_agency(index, mention) \
                or not _may_be_title(text, mention, knowledge):
            continue
        opened = text[:mention.span.start].rstrip(" \t").endswith("(")
        title_end = title_extent(text, mention.span.end, index, knowledge, in_parentheses=opened)
        covered_until = title_end
        title = Span(mention.span.start, title_end)
        extra.append(Mention("other", title, text[title.start:title.end], f"title:{mention.value}",
                             "recognise:title-extent"))
        if is_headline(text, mention.span.start):
            continue  # "Plt Kadiskominfo Tabalong Boyong Tim …": every word is capitalised, no name is sure
        person = name_after(text, title_end, index, knowledge)
        rule = "recognise:name-after-title"
        if person is None:
            person = name_before(text, mention.span.start, index, knowledge)
            rule = "recognise:name-before-title"
        if person is not None:
            extra.append(Mention("person", person.span, text[person.span.start:person.span.end],
                                 person.name, rule))
            if rule == "recognise:name-after-title" and mention.value in knowledge.roles.list_roles:
                extra.extend(_listed_names(text, person.span.end, index, knowledge))
    for mention in mentions:
        if mention.kind == "honorific" and not any(m.kind == "person" and m.span.start <= mention.span.start
                                                   < m.span.end for m in extra) \
                and not is_headline(text, mention.span.start):
            person = name_after(text, mention.span.start, index, knowledge, require_comma=False)
            if person is not None and person.honorifics:
                extra.append(Mention("person", person.span, text[person.span.start:person.span.end],
                                     person.name, "recognise:name-after-honorific"))
    mentions.extend(extra)
    mentions.sort(key=lambda m: (m.span.start, -m.span.end))
    return Recognised(clean, tuple(mentions))


_STREET = re.compile(r"(?<![\w-])(?:Jalan|Jl\.?|Jln\.?)[ \t]+$")  # "Jalan Medan Merdeka": a street
_SUFFIX = re.compile(r"-[A-Z][A-Za-z]{0,9}(?![\w-])")


def _lexicon_mentions(text: str, knowledge: Knowledge) -> list[Mention]:
    """The automaton's hits as mentions, less region names that are street names ("Jalan Medan
    Merdeka"); an agency takes in a local suffix joined by a hyphen ("Diskominfo-SP", "Diskominfo-Staper").
    One loop over plain tuples: this runs for every hit of every article."""
    street = _STREET.search
    suffix = _SUFFIX.match
    out = []
    for start, end, entry in knowledge.find_spans(text):
        kind = entry.kind
        if kind == "region":
            if street(text, max(0, start - 8), start):
                continue
        elif kind == "agency":
            joined = suffix(text, end)
            if joined is not None:
                end = joined.end()
        out.append(Mention(kind, Span(start, end), text[start:end], entry.value, entry.rule))
    return out


_LOCAL_WORD = re.compile(r"[ \t]+([A-Z][a-z]{2,11})[ \t]+")


def _with_local_word(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[Mention]:
    """"Diskominfo Santik Kota Palu", "Bappeda Litbang Kaltim": one unknown word between an agency and a
    region is the agency's local name, not a person; the agency mention takes it in."""
    region_starts = {m.span.start for m in mentions if m.kind == "region"}
    starts = {m.span.start for m in mentions}
    out = []
    for mention in mentions:
        if mention.kind == "agency" and not mention.value.startswith("unresolved:"):
            word = _LOCAL_WORD.match(text, mention.span.end)
            if word is not None and word.end() in region_starts and word.start(1) not in starts \
                    and word.group(1) not in knowledge.titles.not_names \
                    and word.group(1).casefold() not in knowledge.roles.title_words:
                span = Span(mention.span.start, word.end(1))
                mention = Mention(mention.kind, span, text[span.start:span.end], mention.value, mention.rule)
        out.append(mention)
    return out


_HEADLINE_MAX_WORDS = 18
_SENTENCE_CLOSE = ".!?\"”)'"


def is_headline(text: str, pos: int) -> bool:
    """Whether `pos` is on a headline-like line: short, not closed like a sentence, and (almost) every
    word capitalised, so capitals cannot tell a name from a headline verb ("… Boyong Tim ke Semarang")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)].strip()
    if not line or line[-1] in _SENTENCE_CLOSE:
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or len(words) > _HEADLINE_MAX_WORDS:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower <= max(1, len(words) // 4)


_FOLLOWING_CONNECTOR = re.compile(r"(?:dan|serta|&|pada|dari)[ \t]+[A-Z]")
_LEFT_CUE = re.compile(r"(?:,|selaku|sebagai|juga|merupakan|menjabat)[ \t]*$")


def _may_be_title(text: str, role: Mention, knowledge: Knowledge) -> bool:
    """Cheap test before scanning: a title goes on in capitals ("Kepala Bidang IKP …", "Kepala, Budi"),
    runs over unit words in lower case to a name ("anggota komisi Dewi …") or stands after a name ("Budi,
    kepala …"); "pegawai negeri" or "anggota keluarga" do none of these."""
    after = skip_space(text, role.span.end)
    following = text[after:after + 1]
    return following.isupper() or following in (",", "(") or role.text[:1].isupper() and following == "" \
        or role.text[:1].isupper() and _FOLLOWING_CONNECTOR.match(text, after) is not None \
        or _LEFT_CUE.search(text, max(0, role.span.start - 12), role.span.start) is not None \
        or _lower_unit_then_capital(text, after, knowledge) \
        or _POSSESSIVE_THEN_NAME.match(text, after) is not None


# "dipimpin langsung kepala dinasnya, Hj. Nurlela": the title's unit as a possessive, then the name
_POSSESSIVE_THEN_NAME = re.compile(r"[a-z]+nya[ \t]*,[ \t]*[A-Z]")


_LOWER_WORD = re.compile(r"([a-z]+)[ \t]+")


def _lower_unit_then_capital(text: str, pos: int, knowledge: Knowledge) -> bool:
    """"anggota komisi Dewi …": one or two lower-case unit words, then a capitalised word."""
    for _ in range(2):
        word = _LOWER_WORD.match(text, pos)
        if word is None or word.group(1) not in knowledge.roles.title_words or word.group(1) in _JOINERS:
            return False
        pos = word.end()
        if text[pos:pos + 1].isupper():
            return True
    return False


_JOINERS = frozenset({"dan", "serta"})
_LIST_LINK = re.compile(r"[ \t]*(?:,[ \t]*)?(?:dan|serta)[ \t]+|[ \t]*,[ \t]*")
_MAX_LISTED = 6


def _listed_names(text: str, pos: int, index: MentionIndex, knowledge: Knowledge) -> list[Mention]:
    """"anggota komisi Dewi Anggraini Siregar dan Ferry Tambunan": further full names listed after the
    first one share its title (only for roles that name groups, `list_roles` in roles.yaml)."""
    out: list[Mention] = []
    while len(out) < _MAX_LISTED:
        link = _LIST_LINK.match(text, pos)
        if link is None:
            break
        person = name_after(text, link.end(), index, knowledge)
        if person is None or person.span.start != link.end() or len(person.name.split()) < 2:
            break
        out.append(Mention("person", person.span, text[person.span.start:person.span.end], person.name,
                           "recognise:name-in-list"))
        pos = person.span.end
    return out


def _inside_agency(index: MentionIndex, mention: Mention) -> bool:
    covering = index.covering(mention.span.start, frozenset({"agency"}))
    return covering is not None and covering.span.start < mention.span.start \
        and mention.span.end <= covering.span.end

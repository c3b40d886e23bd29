"""Kecamatan named without their prefix, where the text itself says which regency or city they are in.

The gazetteer matches a kecamatan only after "Kecamatan"/"Kec.": thousands share names with ordinary
words and people. "Gambir, Jakarta Pusat" or "Ubud, Gianyar" is safe, though: the name stands right
before its own parent region, so it is read as the kecamatan of that parent (one dictionary look-up per
regency or city mention, no scan of the text).
"""

from __future__ import annotations

import re

from kg.knowledge import Knowledge
from kg.knowledge.matcher import fold_form
from kg.types import Mention, Span

_NAME_BEFORE_COMMA = re.compile(r"(?<![\w-])([A-Z][\w'\-]*(?:[ \t]+[A-Z][\w'\-]*){0,2})[ \t]*,[ \t]*$")
_WINDOW = 48


def kecamatan_before_parent(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[Mention]:
    """Region mentions for "<kecamatan>, <its regency or city>" (value: the kecamatan code)."""
    out: list[Mention] = []
    taken: set[int] | None = None  # the starts of all mentions, gathered only if a kecamatan is found
    for mention in mentions:
        if mention.kind != "region":
            continue
        if text[max(0, mention.span.start - 3):mention.span.start].rstrip(" \t")[-1:] != ",":
            continue  # only "<name>, <region>" can hold a kecamatan
        for code in mention.value.split("|"):
            if code.count(".") != 1:
                continue  # only a regency or a city has kecamatan
            before = _NAME_BEFORE_COMMA.search(text, max(0, mention.span.start - _WINDOW), mention.span.start)
            if before is None:
                break
            words = list(re.finditer(r"\S+", before.group(1)))
            end = before.end(1)
            for word in words:  # the longest name that ends at the comma
                start = before.start(1) + word.start()
                kecamatan = knowledge.kecamatan_in.get((code, fold_form(text[start:end])))
                if kecamatan is not None:
                    if taken is None:
                        taken = {m.span.start for m in mentions}
                    if start not in taken:
                        out.append(Mention("region", Span(start, end), text[start:end], kecamatan,
                                           "recognise:kecamatan-before-parent"))
                        taken.add(start)
                    break
            break
    return out

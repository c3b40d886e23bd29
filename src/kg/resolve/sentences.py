"""Sentence bounds for the resolver's context rules; "Kab." or "S.Kom." inside a sentence do not end it."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?](?=[\s”\"]+[A-Z“\"])|\n")
# "Kab", "H", "S.Kom": a period after these does not end a sentence
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:[A-Z][a-z]{0,2}|[A-Za-z]+\.[A-Za-z.]+)$")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts; "Kab." or "S.Kom." inside it do not end it."""
    start = 0
    for match in SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        if match.group() == "." and _ABBREVIATION_END.search(text, max(0, match.start() - 8), match.start()):
            continue
        start = match.end()
    return start

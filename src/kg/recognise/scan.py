"""What the recognisers share: the word tokens they step over and an index of mentions by position."""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.types import Mention

TOKEN = re.compile(r"[^\s,;:()“”\"!?]+")  # a word with its inner punctuation ("S.Kom.", "Sa'duddin")


def skip_space(text: str, pos: int) -> int:
    """The first position at or after `pos` that is not a space or tab."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def overlaps(spans: list, start: int, end: int) -> bool:
    """Whether any (start, end, …) tuple of the sorted `spans` overlaps [start, end)."""
    i = bisect_right(spans, (end,))
    return any(s[0] < end and start < s[1] for s in spans[max(0, i - 8):i])


class MentionIndex:
    """Mentions by position: which mention covers an offset (the longest one starting earliest)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, -m.span.end))
        self.starts = [m.span.start for m in self.mentions]

    def covering(self, pos: int, kinds: frozenset[str] | None = None) -> Mention | None:
        """The longest mention (of `kinds`) that covers the offset `pos`."""
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

"""Page-junk patterns (data/lexicon/page_junk.yaml), compiled once into three combined regexes.

One combined pattern per scope keeps cleaning to a few regex passes per article, whatever the number
of patterns; each pattern is also compiled alone first so a bad one is reported with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.knowledge.datafile import fail, line_of, load_yaml

SCOPES = ("tail", "lines", "inline")


@dataclass(frozen=True)
class JunkPatterns:
    """`lines`/`tail` are matched against whole stripped lines (fullmatch); `inline` is searched anywhere."""

    lines: re.Pattern[str]
    tail: re.Pattern[str]
    inline: re.Pattern[str]
    names: tuple[str, ...]


_NEVER = "(?!x)x"


def load_junk(path: Path) -> JunkPatterns:
    """The junk patterns, each checked alone (so a bad one names its line), then combined per scope."""
    data = load_yaml(path)
    names: dict[str, int | None] = {}
    combined: dict[str, str] = {}
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
    flags = re.IGNORECASE | re.MULTILINE
    return JunkPatterns(
        lines=re.compile(f"(?:{combined['lines']})", flags),
        tail=re.compile(f"(?:{combined['tail']})", flags),
        inline=re.compile(combined["inline"], flags),
        names=tuple(names),
    )

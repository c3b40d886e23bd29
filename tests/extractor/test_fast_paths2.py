"""More fast paths, each compared with the plain computation it replaces on many random strings.

The whole-line junk patterns are tried only on lines holding the literal text they need; the
automaton's hits are ordered by position alone, their readings having been ordered when it was
built; sentence ends after a word no abbreviation ends with skip the abbreviation check. Odd
characters (the Kelvin sign, the long s, the dotless i) are mixed in where case matters.
"""

from __future__ import annotations

import random
import re

from kg.clean import clean
from kg.events.places import _AFTER_DI, _AFTER_DI_ENDS
from kg.events.sentences import (
    _ABBREVIATIONS,
    _BOUNDARY_RUN,
    _LAST_CUT,
    _NEXT_WORD,
    _boundaries,
    split_sentences,
)
from kg.knowledge import Knowledge
from kg.knowledge.junk import _split_lines, load_junk
from kg.knowledge.matcher import Entry, SurfaceMatcher, fold, lower_same_length
from kg.types import Article, Span

_ODD = ["\u212a", "\u017f", "\u0131", "\u0130", "\u00df"]  # Kelvin sign, long s, dotless i, İ, ß


def _strings(pieces: list[str], count: int, seed: int, longest: int = 10) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(longest))) for _ in range(count)]


def test_line_junk_is_the_full_match_of_the_combined_pattern(knowledge: Knowledge) -> None:
    junk = knowledge.junk
    assert junk.lines_guarded  # the lexicon has line patterns opening with a repeat (".{0,200}")
    pieces = ["Kepala Dinas ", "(Foto: Humas)", "FOTO", "Dok.", "dok ", "photo", " \u212aominfo", "Berita",
              " | ", "Home | ", "Beranda > ", "facebook ", "twitter, ", "123", "views", "oleh ", ".", ":",
              "Sumber Foto: ", "(ist)", "a", " ", "\t", *_ODD]
    for line in _strings(pieces, 4000, 3, longest=12):
        line = line.strip()
        assert junk.is_line_junk(line) == (junk.lines.fullmatch(line) is not None), line


def test_a_pattern_is_guarded_only_by_text_every_match_holds() -> None:
    parts = ["(?:.{0,50}[ .](?:foto|dok\\.?)[ \\t]*:.*)", "(?:(?:ab|cd)[ \\t]*)+", "(?:x[0-9]+)",
             "(?:.{0,9}(?-i:Q)z)", "(?:.*)"]
    flags = re.IGNORECASE | re.MULTILINE
    split = _split_lines(parts, flags)
    guarded = {needles for needles, _, _ in split["lines_guarded"]}
    assert guarded == {("dok", "foto"), ("ab", "cd"), ("qz",)}  # ".*" and "x…" stay in the plain pattern
    assert split["lines_plain"].pattern == "(?:x[0-9]+)|(?:.*)"


def test_hits_keep_the_order_and_readings_of_a_full_sort() -> None:
    forms = ["Kota Batu", "Batu", "Dinas Kominfo", "Kominfo", "Dinas  Kominfo", "DKISP", "Kota"]
    entries = []
    for i, form in enumerate(forms):
        for kind, value in (("agency", f"a{i % 3}"), ("region", f"r{i % 2}"), ("agency", "a0")):
            entries.append(Entry(kind, value, f"t:{i}", form, "any" if i % 2 else "cap"))
    matcher = SurfaceMatcher(entries)
    pieces = ["Kota ", "Batu ", "kota ", "Dinas ", "Kominfo ", "DKISP ", "dkisp ", "di ", ", ", "(", "\n"]
    for text in _strings(pieces, 1500, 5, longest=14):
        low = " " + fold(text) + " "
        raw = []
        for last, (length, open_end, checks) in matcher._automaton.iter(low):
            if open_end and low[last + 1].isalnum():
                continue
            start = last - length + 1
            for case, surface, kind, value, entry in checks:
                if (case == 2 and " ".join(text[start:last].split()) != surface) or (
                        case == 1 and not text[start].isupper()):
                    continue
                raw.append((start, -last, kind, value, len(raw), entry))
        expected, previous, max_end, max_start = [], None, -1, -1
        for start, neg_end, kind, value, _, entry in sorted(raw):
            end = -neg_end
            if (start, end, kind, value) == previous:
                continue
            previous = (start, end, kind, value)
            if end <= max_end and (start, end) != (max_start, max_end):
                continue
            expected.append((start, end, entry))
            if end > max_end:
                max_end, max_start = end, start
        assert matcher.spans(text) == expected, text


def _plain_abbreviation(text: str, dot: int) -> bool:
    """The abbreviation test with no shortcut: the word before the period, looked up."""
    if dot == 0 or not (text[dot - 1].isalnum() or text[dot - 1] == "."):
        return False
    low = max(0, dot - 13)
    cut = _LAST_CUT.match(text, low, dot)
    if cut is None and dot >= 13:
        return False
    word = text[cut.end() if cut else low : dot].strip(".\"'“‘")
    if not word:
        return False
    if "." in word:
        return _NEXT_WORD.match(text, dot + 1) is None
    return (len(word) == 1 and word.isalpha()) or word.casefold() in _ABBREVIATIONS


# the plain boundary a sentence split needs: end punctuation then space, or line breaks
_PLAIN_BOUNDARY = re.compile(r"(?=[.!?\n])(?:[.!?]+[\"'”’)\]]*(?=\s)|\n+)")


def _plain_split(text: str) -> list[Span]:
    spans, start = [], 0
    for match in _PLAIN_BOUNDARY.finditer(text):
        dot, end = match.span()
        if text[dot] != "\n" and _plain_abbreviation(text, dot):
            continue
        piece = text[start:end]
        if piece.strip():
            begin = start + len(piece) - len(piece.lstrip())
            spans.append(Span(begin, begin + len(piece.strip())))
        start = end
    if text[start:].strip():
        begin = start + len(text[start:]) - len(text[start:].lstrip())
        spans.append(Span(begin, begin + len(text[start:].strip())))
    return spans


def test_sentences_split_as_with_the_plain_abbreviation_test() -> None:
    pieces = ["Pemprov. ", "PEMPROV. ", "Prof. ", "pemkab. ", "S.Sos. ", "M.Si. ", "Budi ", "informasi. ",
              "Kaltim. ", "2025. ", "H. ", "Jl. ", "Kota ", "Mereka ", "“Dia”. ", "(ab). ", "\n", "\n\n",
              "Sekretariat. ", "Kab. ", "x", ". ", "?", "! ", "\u212aab. ", "Pro\u017f. ", ".\t\n",
              ". \n", "Jl. \n", "\t", *_ODD]
    for text in _strings(pieces, 3000, 7, longest=16):
        assert list(split_sentences(text).spans) == _plain_split(text), text
    sentences = split_sentences("Rombongan Pemprov. Kaltim tiba. Prof. Budi membuka acara.")
    assert len(sentences.spans) == 2
    assert sentences.starts == tuple(s.start for s in sentences.spans)


def test_inline_openings_inside_others_still_find_every_match(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "page_junk.yaml"
    path.write_text("inline:\n  - {name: a, pattern: 'baca x'}\n  - {name: b, pattern: 'ac[0-9]'}\n"
                    "  - {name: c, pattern: '\\(foto\\)'}\n  - {name: d, pattern: '\\((ist|dok)\\)'}\n",
                    encoding="utf-8")
    junk = load_junk(path)
    assert junk.inline_openings == ("(", "ac", "baca x")
    pieces = ["baca x", "BACA X", "ac1", "AC9", "(foto)", "(FOTO)", "(ist)", "(dok)", "b", "a", "c", " ", "(",
              *_ODD]
    for text in _strings(pieces, 3000, 11):
        for end in (len(text), len(text) // 2):
            plain = [(m.start(), m.end()) for m in junk.inline.finditer(text, 0, end) if m.end() > m.start()]
            assert list(junk.inline_matches(text, end)) == plain, text


def _lower_from_scratch(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def test_the_cleaner_leaves_the_true_lower_case_of_the_cleaned_text(knowledge: Knowledge) -> None:
    pieces = ["Kepala DISKOMINFO ", "\n(Foto: Humas Kaltim)\n", "\nBaca juga: Rapat\n", "Baca juga: x",
              "\nShare\n",
              "ΣΟΦΙΑ ", "ΟΔΟΣ. ", "Σ", "\u0130stanbul ", "\u212a ", "x", "\n", " ", *_ODD]
    for i, text in enumerate(_strings(pieces, 600, 13, longest=14)):
        cleaned = clean(Article(id=str(i), text=text, source="test"), knowledge).text
        assert lower_same_length(cleaned) == _lower_from_scratch(cleaned), text


def test_boundaries_found_by_their_opening_character_are_those_of_finditer() -> None:
    pieces = [".", "!", "?", "\n", " ", '"', "”", "’", ")", "]", "a", "\t", ". \n", "..", "\u201c", *_ODD]
    for text in _strings(pieces, 5000, 13, 30):
        assert _spans(_boundaries(text)) == _spans(_BOUNDARY_RUN.finditer(text)), text


def test_junk_patterns_clean_the_same_without_the_regex_parser(knowledge: Knowledge, monkeypatch) -> None:  # noqa: ANN001
    """On a Python that moves re._parser the speed-ups are left out, never the patterns."""
    import kg.knowledge.junk as junk_module

    monkeypatch.setattr(junk_module, "sre_parse", None)
    plain = load_junk(knowledge.lexicon_dir / "page_junk.yaml")
    assert plain.lines_guarded is None and plain.inline_starts is None
    fast = knowledge.junk
    pieces = ["Kepala Dinas ", "(Foto: Humas)", "Baca juga: x", "Dok.", "photo", "Beranda > ", "facebook ",
              "123", "views", "oleh ", ".", ":", "Komentar (3) |", "-12 views", " ", "\n", *_ODD]
    for text in _strings(pieces, 3000, 17, longest=12):
        line = text.strip()
        assert plain.is_line_junk(line) == fast.is_line_junk(line), line
        assert list(plain.inline_matches(text, len(text))) == list(fast.inline_matches(text, len(text))), text


def _spans(matches) -> list[tuple[int, int]]:  # noqa: ANN001
    return [m.span() for m in matches]


def test_a_place_after_di_is_only_searched_where_the_text_before_can_end_so() -> None:
    pieces = ["di ", "ke ", "di", "ke", "Di ", "Kota ", "Batu", ", ", ",", " ", "\n", "\t", "\xa0", "x",
              "Sawangan ",
              "kedi", "-"]
    for text in _strings(pieces, 5000, 19, longest=12):
        found = _AFTER_DI.search(text) is not None
        assert found == (text.rstrip().endswith(_AFTER_DI_ENDS) and found), text

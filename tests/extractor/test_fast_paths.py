"""The extractor's fast paths give exactly what the plain regex scans they replace give.

Several scans try a pattern only where it can start (a literal opening, a run of digits, a word
start) or rule a window out with a cheap test first. Each is compared here with the plain scan on
many random strings built from the words the patterns care about, including characters whose lower
case differs from matching ignoring case (the Kelvin sign, the long s, the dotless i).
"""

from __future__ import annotations

import random
import re

import pytest

from kg.events.award_parts import _YEAR, year_matches
from kg.events.cues import phrase_pattern
from kg.events.dates import _patterns, _textual_matches
from kg.events.reports import _WILL, _WILL_OR_WISH_HINT, _WISH
from kg.events.sentences import _BOUNDARY_RUN
from kg.events.topics import _UNIT, _unit_before
from kg.knowledge import Knowledge
from kg.knowledge.calendar import calendar
from kg.knowledge.junk import JunkPatterns
from kg.knowledge.matcher import lower_same_length
from kg.recognise.bodies import _word_starts
from kg.resolve.posts import _word_start

_ODD = ["\u212a", "\u017f", "\u0131", "\u0130", "\u00df"]  # Kelvin sign, long s, dotless i, İ, ß


def _strings(pieces: list[str], count: int, seed: int, longest: int = 10) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(longest))) for _ in range(count)]


def _spans(matches) -> list[tuple[int, int]]:  # noqa: ANN001
    return [m.span() for m in matches]


def test_inline_junk_matches_are_those_of_finditer(knowledge: Knowledge) -> None:
    junk: JunkPatterns = knowledge.junk
    assert junk.inline_starts is not None  # the lexicon's inline patterns all open with literal text
    pieces = ["(foto: Humas)", "(Foto.", "(ist)", "Baca juga: x", "BACA JUGA : y", "-12 views",
              "Komentar (3) |", "comments (12)", ". (ab/cd)", ".(xy)\n", "\u212aomentar (2)", " ", "kata",
              "(", "b", "\n", *_ODD]
    for text in _strings(pieces, 3000, 1):
        for end in (len(text), len(text) // 2):
            plain = [(m.start(), m.end()) for m in junk.inline.finditer(text, 0, end) if m.end() > m.start()]
            assert list(junk.inline_matches(text, end)) == plain, text


def test_phrases_grouped_by_first_letter_match_as_one_alternation() -> None:
    phrases = ["datang ke", "berkunjung ke", "berkunjung", "menyambangi", "di", "dari", "studi  tiru"]
    grouped = phrase_pattern(phrases, folded=True)
    escaped = [re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True)]
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(escaped)})(?![\w-])")
    assert grouped.pattern != plain.pattern
    pieces = ["datang", "ke", "berkunjung", "menyambangi", "di", "dari", "studi", "tiru", " ", "  ", "-", "x",
              "\n"]
    for text in _strings(pieces, 3000, 2):
        assert _spans(grouped.finditer(text)) == _spans(plain.finditer(text)), text
        for start in range(0, len(text), 5):
            found, expected = grouped.match(text, start), plain.match(text, start)
            assert (found and found.span()) == (expected and expected.span())


def test_sentence_boundaries_jump_to_their_first_character() -> None:
    plain = re.compile(r"(?=[.!?\n])(?:[.!?]+[\"'”’)\]]*(?=\s)(?:[ \t]*\n+)?|\n+)")
    for text in _strings([".", "!", "?", "\n", " ", '"', "'", "”", "’", ")", "]", "a", "\t"], 5000, 3, 30):
        assert _spans(_BOUNDARY_RUN.finditer(text)) == _spans(plain.finditer(text)), text


def test_years_are_found_from_runs_of_digits() -> None:
    pieces = ["tahun", "Tahun", "TAHUN", "ta", "TA", "Ta.", " ", "\t", "\xa0", "2024", "1999", "20241", "19",
              "-", "/", ".", "ko", "x", "0", "2023/2024", *_ODD]
    for text in _strings(pieces, 5000, 4, 14):
        for start in (0, len(text) // 3):
            expected = _spans(_YEAR.finditer(text, start, len(text)))
            assert _spans(year_matches(text, start, len(text))) == expected, text


def test_textual_dates_are_tried_only_at_runs_of_digits() -> None:
    textual = _patterns(calendar()).textual
    pieces = ["1", "12", "2024", " ", "Maret", "mar.", ",", ".", "-", "s.d.", "hingga", "\u0661", "Juni", "x"]
    for text in _strings(pieces, 5000, 5, 12):
        for start in (0, len(text) // 3):
            expected = _spans(textual.finditer(text, start, len(text)))
            assert _spans(_textual_matches(textual, text, start, len(text))) == expected, text


def test_word_starts_are_every_occurrence() -> None:
    words = ("Dinas", "Dewan", "UPT", "UPTD", "Badan", "Biro")
    for text in _strings([*words, "D", "U", "PT", " ", "x", "ina"], 2000, 6):
        expected = sorted({i for w in words for i in range(len(text)) if text.startswith(w, i)})
        assert [m.start() for m in _word_starts(words).finditer(text)] == expected, text


@pytest.mark.parametrize("word", ["Budi", "i", "B"])
def test_a_name_is_found_where_no_word_character_or_dot_precedes_it(word: str) -> None:
    for text in _strings(["Budi", "H.", "Budi.", " ", "_", "x", "é", "i", ".", "\n", "1"], 2000, 7):
        expected = re.search(rf"(?<![\w.]){re.escape(word)}", text)
        assert _word_start(text, word) == (expected.start() if expected else -1), text


def test_cheap_tests_before_window_searches_change_no_answer(knowledge: Knowledge) -> None:
    roles = knowledge.roles
    assert roles.place_ends and roles.place_before is not None
    places = [p + s for p in ["Rumah Jabatan", "RUMAH DINAS", "kantor", "Aula"]
              for s in (" ", "\n", " \n", "\t")]
    for text in _strings([*places, "x ", "di ", ".", "\u017f", "Bupati "], 3000, 8, 6):
        text += "Bupati"
        at = len(text) - len("Bupati")
        assert roles.is_place(text, at) == (roles.place_before.search(text, max(0, at - 40), at) is not None)
    units = ["Bidang ", "KABID ", "Seksi ", "Sub Bagian ", "UPTD ", "IKP ", "dan ", "Kehumasan ",
             "\u017feksi ", "\u212aabid ", "b\u0131dang "]
    for text in _strings(units, 3000, 9, 8):
        expected = _UNIT.search(text)
        found = _unit_before(text)
        assert (found and found.span()) == (expected and expected.span()), text
    wishes = ["akan ", "AKAN ", "berharap ", "semoga ", "Mudah-mudahan ", "hendak ", "x ", "a\u212aan ",
              "\u017femoga ", "studi "]
    for text in _strings(wishes, 3000, 10, 8):
        low = lower_same_length(text)
        hinted = not text.isascii() or _WILL_OR_WISH_HINT.search(low) is not None
        for pattern in (_WILL, _WISH):
            assert (hinted and pattern.search(text) is not None) == (pattern.search(text) is not None), text

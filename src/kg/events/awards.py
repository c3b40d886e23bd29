"""Awards and index results: "Kaltara meraih predikat “Informatif” dalam ajang Anugerah KIP Tahun
2025 … peringkat ke-12 dari 21", "Indeks SPBE Kaltara … skor 3,79", "dinobatkan sebagai media internal
terbaik se-Indonesia dari Kemkominfo".

Each award hit opens a window of its sentence (up to the neighbouring award hits) where its grade,
score, rank and year are read; the recipient is the body nearest to the hit that the text credits:
an agency, or a region written alone ("Kaltara meraih …"), which stands for that region's government.
An agency after "dari"/"oleh" is the awarder, never the recipient.

An award phrase states a result only when the text says someone obtained it: a goal, hope, plan or
condition ("menargetkan predikat Informatif tahun depan", "berharap meraih", "syarat untuk meraih",
"penilaian Indeks SPBE akan dilakukan"), a person's prize ("Pranata Humas X, Dewi, meraih juara I lomba")
and a body quoted for comparison ("masih di bawah Kota Semarang yang mencatat 4,02") give none; the cue
lists are data (awards.yaml: irrealis, realis, comparison, host_cues, representing_roles). A result
restated (same score, or a generic name ending in a known award's grade) is one award.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.events import award_parts as parts
from kg.events.changes import CHANGE_FROM as _CHANGE_FROM
from kg.events.changes import change_in, with_changes
from kg.events.cues import phrase_pattern
from kg.events.results import award_contexts, result_lists
from kg.events.standings import prose_standings
from kg.events.view import ArticleView, EventKnowledge
from kg.knowledge.awards import GENERIC_AWARD, GENERIC_POSTFIX, GENERIC_TITLE, AwardEntry, AwardLexicon
from kg.knowledge.matcher import lower
from kg.types import Agency, Award, Mention, Span

_SUPERLATIVE = re.compile(
    r"(?<![\w-])(?:ter\w{3,}|se-\w+|juara|pertama|kedua|ketiga)(?![\w-])", re.IGNORECASE
)

# "Juara II Lomba Website …", "juara pertama lomba …": the place is the rank, not part of the name
_LEADING_PLACE = re.compile(
    r"^(?:ke[-\s]?\d{1,2}|\d{1,2}|[IVX]{1,4}|pertama|kedua|ketiga|harapan\s+[IVX\d]+|umum)\s+(?=\S)",
    re.IGNORECASE,
)
_NAME_END = re.compile(r"[,.;:()“”\"\n]|(?<!\d)(?:19|20)\d{2}(?!\d)")


def _sentence_of(view: ArticleView, mention: Mention) -> tuple[int, int]:
    span = view.sentence(view.sentences.index_of(mention.span.start))
    return span.start, span.end


def _windows(mentions: list[Mention], sentence: Span) -> list[tuple[int, int]]:
    out = []
    for i in range(len(mentions)):
        start = mentions[i - 1].span.end if i > 0 else sentence.start
        end = mentions[i + 1].span.start if i + 1 < len(mentions) else sentence.end
        out.append((start, end))
    return out


_EACH = re.compile(r"(?<![\w-])masing-masing(?![\w-])", re.IGNORECASE)


def _each_grade(text: str, start: int, end: int, words: tuple[str, ...], count: int) -> list[str] | None:
    """ "A dan B masing-masing meraih predikat Informatif dan Menuju Informatif": one grade per body, in
    order, when the text says "masing-masing" and names as many grades as bodies."""
    if count < 2 or not _EACH.search(text, start, end):
        return None
    patterns = [p for p in (parts.grade_patterns(words).cued, parts.grade_patterns(words).bare) if p]
    hits = sorted((m.start("grade"), m.end("grade")) for p in patterns for m in p.finditer(text, start, end))
    found: list[str] = []
    last_end = -1
    for lo, hi in hits:
        if lo < last_end:
            continue
        grade = parts.grade(text, lo, hi, words)
        if grade is not None:
            found.append(grade)
            last_end = hi
    return found if len(found) == count else None


_GENITIVE_GAP = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?")


def _named_after(
    view: ArticleView, knowledge: EventKnowledge, entry: AwardEntry, mention: Mention, window: tuple[int, int]
) -> Agency | None:
    """The body written right after the award's name and then its value ("nilai Indeks SPBE Kota
    Cimahi sebesar 3,85"): the index is that body's, whoever speaks before it ("Kepala Diskominfo Cimahi
    mengatakan …"). Without a value the body may name the ceremony instead ("Anugerah KI Sumsel 2025")."""
    gap = _GENITIVE_GAP.match(view.text, mention.span.end, window[1])
    at = gap.end() if gap else mention.span.end
    if not view.text[at : at + 1].isupper():
        return None  # every body's name is capitalised
    actor = view.actor_at(at)
    region = next(iter(view.mentions_of("region", at, min(window[1], at + 60))), None)
    if actor is not None and actor.span.start == at:
        end = actor.span.end
    elif region is not None and region.span.start == at:
        end = region.span.end
    else:
        return None
    awarder_type = (entry.awarder or "").partition(":")[0]
    for body in parts.recipients(view, knowledge, at, end):
        if body.span.start == at and body.type_id != awarder_type:
            valued = parts.score(view.text, body.span.end, window[1], body.span) is not None
            return body if valued else None
    return None


def _not_a_result(
    view: ArticleView, knowledge: EventKnowledge, recipient: Agency, hit: Span, window: tuple[int, int]
) -> bool:
    """An award phrase that states no result: a goal or plan ("menargetkan predikat Informatif"), or a
    person's prize ("Pranata Humas X, Dewi, meraih juara I lomba …")."""
    sentence = view.sentence(view.sentences.index_of(hit.start))
    return parts.hypothetical(
        view, knowledge.awards, hit, sentence.start, sentence.end
    ) or parts.person_prize(view, knowledge.awards, recipient, hit)


def _known(
    view: ArticleView, knowledge: EventKnowledge, entry: AwardEntry, mention: Mention, window: tuple[int, int]
) -> list[Award]:
    recipient = _named_after(view, knowledge, entry, mention, window) or parts.recipient(
        view, knowledge, window, mention.span
    )
    if recipient is None or _not_a_result(view, knowledge, recipient, mention.span, window):
        return []
    text, (start, end) = view.text, window
    rank, out_of = parts.rank(text, start, end, knowledge.awards)
    score = parts.score(text, start, end, mention.span)
    if score is None:  # "naik dari 2,87 pada 2023 menjadi 3,12 pada 2024": the value the index changed to
        change = change_in(view, knowledge.awards, start, end)
        score = change.after if change is not None else None
    predicate = parts.grade(text, start, end, entry.predicates)
    category = parts.grade(text, start, end, entry.categories)
    if (predicate, category, score, rank) == (None, None, None, None) and not _win_verbs(
        knowledge.awards
    ).search(text, start, end):
        return []  # the award is only talked about, nobody is said to have obtained it
    bodies = parts.listed_with(view, knowledge, recipient)
    sentence = _sentence_of(view, mention)
    year = parts.year(text, start, end, mention.span, sentence) or parts.announced_year(
        view, view.sentences.index_of(mention.span.start), (entry.awarder or "").partition(":")[0] or None
    )
    reach = (min(start, bodies[0].span.start), max(end, bodies[-1].span.end))
    each = _each_grade(text, *reach, entry.predicates, len(bodies)) if predicate else None
    return [
        Award(
            name=entry.name,
            recipient=body,
            span=Span(start, end),
            confidence=0.85 if body.span == recipient.span else 0.75,
            rule=f"award:{entry.id}",
            awarder=parts.awarder(view, knowledge, start, end, entry.awarder, mention.span),
            year=year,
            predicate=each[i] if each else predicate,
            category=category,
            score=score if body.span == recipient.span else None,  # stated once: the nearest body
            rank=rank if body.span == recipient.span else None,
            out_of=out_of if body.span == recipient.span else None,
        )
        for i, body in enumerate(bodies)
    ]


def _obtained(view: ArticleView, knowledge: EventKnowledge, mention: Mention) -> bool:
    """Whether the sentence of a generic award phrase says someone obtained or was given it."""
    sentence = view.sentence(view.sentences.index_of(mention.span.start))
    return parts.result_cues(knowledge.awards).said.search(view.low, sentence.start, sentence.end) is not None


@lru_cache(maxsize=4)
def _win_verbs(lexicon: AwardLexicon) -> re.Pattern[str]:
    return phrase_pattern(lexicon.win_verbs)


_COUNTED = re.compile(
    r"(?<![\w-])(?:dua|tiga|empat|lima|sejumlah|beberapa|berbagai|banyak|deretan|\d+)\s+$", re.IGNORECASE
)
_CAPITALISED = re.compile(r"(?:[A-Z][\w&-]*\s+){1,6}$")
_CATEGORY = re.compile(r"(?<![\w-])kategori\s+[“\"']?(?P<words>[^,.;:()“”\"\n]+)", re.IGNORECASE)


def _headline(view: ArticleView, mention: Mention) -> bool:
    """A title-case line ("Kalsel Borong Penghargaan Akhir Tahun"): its capitals say nothing."""
    line_start = view.text.rfind("\n", 0, mention.span.start) + 1
    line_end = view.text.find("\n", mention.span.end)
    words = view.text[line_start : line_end if line_end >= 0 else len(view.text)].split()
    return (
        len(words) >= 3
        and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)
        and not view.text[line_start : line_end if line_end >= 0 else len(view.text)].rstrip().endswith(".")
    )


_AS = re.compile(r"\s+(?:sebagai|menjadi)\s+", re.IGNORECASE)


def _generic_names(
    view: ArticleView, mention: Mention, end: int, lexicon: AwardLexicon
) -> tuple[list[str], int]:
    """The award names the text gives around a generic phrase, and where they end."""
    text = view.text
    if mention.value == GENERIC_POSTFIX:  # "Innovative Government Award"
        before = _CAPITALISED.search(text, max(0, mention.span.start - 80), mention.span.start)
        if before is None:
            return [], mention.span.end
        return [f"{before.group().strip()} {mention.text}"], mention.span.end
    start = mention.span.end if mention.value == GENERIC_TITLE else mention.span.start
    after = _AS.match(text[mention.span.end : end])
    if after:
        start = mention.span.end + after.end()
    stops = phrase_pattern(lexicon.name_stops)
    stop = _NAME_END.search(text, start if start > mention.span.end else mention.span.end, end)
    limit = stop.start() if stop else end
    halt = stops.search(text, start if start > mention.span.end else mention.span.end, limit)
    limit = halt.start() if halt else limit
    phrase = _LEADING_PLACE.sub("", " ".join(text[start:limit].split()).strip(" -–'\"‘’"))
    if len(phrase.split()) < 2 and mention.value == GENERIC_TITLE:
        return _contest_named(view, mention, end, lexicon)
    if len(phrase.split()) < 2 or phrase.casefold() == mention.text.casefold():
        return [], limit
    names = [p.strip() for p in re.split(r"\s+dan\s+", phrase)]
    if len(names) > 1 and all(_SUPERLATIVE.search(p) for p in names):
        return names, limit
    return [phrase], limit


# "juara II kategori Video dalam Lomba Konten Kreatif 2024": the contest named after the place
_CONTEST = re.compile(
    r"(?<![\w-])(?:dalam|pada|di)\s+(?:ajang\s+|gelaran\s+|kompetisi\s+|event\s+)?(?=[A-Z])"
)


def _contest_named(
    view: ArticleView, mention: Mention, end: int, lexicon: AwardLexicon
) -> tuple[list[str], int]:
    """The contest a place ("juara II") was won in, named later in its clause with "dalam"/"pada"."""
    text = view.text
    opened = _CONTEST.search(text, mention.span.end, min(end, mention.span.end + 120))
    if opened is None:
        return [], mention.span.end
    start = opened.end()
    stop = _NAME_END.search(text, start, end)
    limit = stop.start() if stop else end
    halt = phrase_pattern(lexicon.name_stops).search(text, start, limit)
    limit = halt.start() if halt else limit
    phrase = " ".join(text[start:limit].split()).strip(" -–'\"‘’")
    return ([phrase], limit) if len(phrase.split()) >= 2 else ([], mention.span.end)


def _graded_name(lexicon: AwardLexicon, name: str) -> bool:
    """Whether a name ends with a long grade of a known award ("Badan Publik Informatif")."""
    grades = parts.result_cues(lexicon).grades
    return grades is not None and any(m.end() == len(name.rstrip()) for m in grades.finditer(name))


def _generic(
    view: ArticleView, knowledge: EventKnowledge, mention: Mention, window: tuple[int, int]
) -> list[Award]:
    if _COUNTED.search(view.text[max(0, mention.span.start - 12) : mention.span.start]) or _headline(
        view, mention
    ):
        return []  # "dua penghargaan", a headline: no one award is named
    if mention.value != GENERIC_TITLE and not _obtained(view, knowledge, mention):
        return []  # "Anugerah KIP adalah penghargaan tahunan …": nobody is said to obtain it
    names, name_end = _generic_names(view, mention, window[1], knowledge.awards)
    if not names or any(
        knowledge.awards.grade_owner(n.split(" ", 1)[0]) or knowledge.awards.grade_owner(n)
        for n in names
        if mention.value == GENERIC_TITLE
    ):
        return []  # "meraih predikat Menuju Informatif": a grade, read with its award
    start, end = window
    name_start = mention.span.start
    if mention.value == GENERIC_POSTFIX:
        name_start = max(start, mention.span.end - len(names[0]))
    recipient = parts.recipient(view, knowledge, (start, end), Span(name_start, name_end))
    if recipient is None or _not_a_result(view, knowledge, recipient, mention.span, window):
        return []
    if any(parts.result_cues(knowledge.awards).irrealis.search(lower(n)) for n in names):
        return []  # "penghargaan sebagai tujuan akhir": a goal word named, no award
    if any(_graded_name(knowledge.awards, n) for n in names):
        return []  # "penghargaan sebagai Badan Publik Informatif": a known award's grade, read with it
    awarder = None
    for agency in view.agencies_in(name_end, min(end, name_end + 120)):
        if parts.AWARDER_CUE.search(view.text[max(name_end, agency.span.start - 30) : agency.span.start]):
            awarder = agency
            break
    category = None
    kind = _CATEGORY.search(view.text, name_end, end)
    if kind is None and recipient.span.end <= name_start:  # "meraih juara II kategori X dalam Lomba Y"
        kind = _CATEGORY.search(view.text, recipient.span.end, name_end)
    if kind:
        words = kind.group("words")
        halt = phrase_pattern(knowledge.awards.name_stops).search(words)
        category = (words[: halt.start()] if halt else words).strip(" -–'\"‘’") or None
    followed = _FOLLOWED.search(view.text, name_end, end)
    rank, out_of = parts.rank(view.text, start, followed.start() if followed else end, knowledge.awards)
    if rank is None and recipient.span.end <= name_start:  # "X meraih juara II … dalam Anugerah Y"
        rank, out_of = parts.rank(view.text, recipient.span.end, name_start, knowledge.awards)
    year = parts.year(view.text, start, end, mention.span, _sentence_of(view, mention))
    if year is None:
        announced = parts.announcement(view, view.sentences.index_of(mention.span.start), None)
        if announced is not None:
            year, awarder = announced[0], awarder or announced[1]
    runners = _runners_up(view, knowledge, followed.end(), end) if followed else []
    if runners and rank is None:
        rank = 1  # "X dinobatkan sebagai … terbaik, disusul Y di peringkat kedua": X is first
    return [
        Award(
            name=name,
            recipient=body,
            span=Span(name_start, name_end),
            confidence=0.7 if body is recipient else 0.6,
            rule=f"award:{mention.value}",
            awarder=awarder,
            year=year,
            category=category,
            rank=place,
            out_of=out_of if body is recipient else None,
        )
        for name in names
        for body, place in [(recipient, rank), *runners]
    ]


_FOLLOWED = re.compile(r"(?<![\w-])(?:disusul|diikuti)(?![\w-])", re.IGNORECASE)


def _runners_up(
    view: ArticleView, knowledge: EventKnowledge, start: int, end: int
) -> list[tuple[Agency, int]]:
    """ "…, disusul Diskominfo B di peringkat kedua dan Diskominfo C di peringkat ketiga": each body after
    the cue with the rank stated in its own clause (bodies with no rank are left out)."""
    bodies = sorted(parts.recipients(view, knowledge, start, end), key=lambda a: a.span.start)
    out = []
    for i, body in enumerate(bodies):
        stop = bodies[i + 1].span.start if i + 1 < len(bodies) else end
        place, _ = parts.rank(view.text, body.span.end, stop, knowledge.awards)
        if place is not None:
            out.append((body, place))
    return out


def _merge(awards: list[Award]) -> tuple[Award, ...]:
    """One award per (name, recipient, year); a repeated mention fills fields the first left empty. A
    mention with no year joins one with the same name and recipient; once it takes a year it is that
    year's award, so a second year's result ("naik dibanding 2022, ketika …") stays apart."""
    merged: list[Award] = []
    for award in awards:
        name = award.name.casefold()
        same = [m for m in merged if m.name.casefold() == name and m.recipient.key == award.recipient.key]
        # the same score restated in a later sentence ("Dengan nilai 78,50, Cilacap …") is the same
        # result, whatever year that sentence would take from the award named before it
        restated = award.score is not None and award.rule.startswith("award:result-of-")
        at = next(
            (i for i, m in enumerate(merged) if restated and m in same and m.score == award.score), None
        )
        if at is None:
            at = next((i for i, m in enumerate(merged) if m in same and m.year == award.year), None)
        if at is None:  # (an earlier value a change states is another year's result, never this one's)
            at = next(
                (
                    i
                    for i, m in enumerate(merged)
                    if m in same
                    and (m.year is None or award.year is None)
                    and _CHANGE_FROM not in (m.rule, award.rule)
                ),
                None,
            )
        if at is None:
            merged.append(award)
            continue
        first = merged[at]
        merged[at] = replace(
            first,
            awarder=_closer_awarder(first.awarder, award.awarder),
            **{
                f: getattr(award, f)
                for f in ("year", "predicate", "category", "score", "rank", "out_of")
                if getattr(first, f) is None and getattr(award, f) is not None
            },
        )
    return tuple(merged)


def _closer_awarder(first: Agency | None, other: Agency | None) -> Agency | None:
    """The awarder a restatement names when the first mention only had the lexicon's default: the
    regional body of the same type ("Komisi Informasi Provinsi Jawa Tengah" over "Komisi Informasi")."""
    if first is None:
        return other
    if other is not None and first.type_id == other.type_id and first.region is None and other.region:
        return other
    return first


def _graded_only(view: ArticleView, knowledge: EventKnowledge, mentions: list[Mention]) -> list[Award]:
    """ "PPID Gunungkidul yang meraih predikat Informatif dari Komisi Informasi DIY": an article that names
    no award but a grade only one known award gives credits that award."""
    out: list[Award] = []
    for mention in mentions:
        if mention.value != GENERIC_TITLE:
            continue
        sentence = view.sentence(view.sentences.index_of(mention.span.start))
        owners = []
        for entry in knowledge.awards.awards.values():
            cued = parts.grade_patterns(entry.predicates).cued
            reach = min(sentence.end, mention.span.end + 40)
            hit = cued.search(view.text, mention.span.start, reach) if cued else None
            # the grade written right after the cue, capitalised as a title ("predikat Informatif"), not
            # a loose "meraih predikat informatif beberapa tahun terakhir"
            if hit is not None and hit.start() < mention.span.end and hit.group("grade")[:1].isupper():
                owners.append(entry)
        if len(owners) == 1:
            out.extend(_known(view, knowledge, owners[0], mention, (sentence.start, sentence.end)))
    return out


def find_awards(view: ArticleView, knowledge: EventKnowledge) -> tuple[Award, ...]:
    """Every award, predicate and index result the article credits to a body."""
    mentions = view.mentions_of("award")
    if not mentions:
        return ()
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(view.sentences.index_of(mention.span.start), []).append(mention)
    awards: list[Award] = []
    lexicon = knowledge.awards
    for index, found in by_sentence.items():
        known = [m for m in found if m.value in lexicon.awards]
        sentence = view.sentence(index)
        if known:  # beside a known award, "meraih predikat" is that award's grade
            for mention, window in zip(known, _windows(known, sentence), strict=True):
                awards.extend(_known(view, knowledge, lexicon.awards[mention.value], mention, window))
        for mention, window in zip(found, _windows(found, sentence), strict=True):
            if mention.value in (GENERIC_AWARD, GENERIC_POSTFIX) or (
                mention.value == GENERIC_TITLE and not known
            ):
                awards.extend(
                    a
                    for a in _generic(view, knowledge, mention, window)
                    # "penghargaan Anugerah KIP": the known award itself, read above
                    if not any(k.span.start < a.span.end and a.span.start < k.span.end for k in known)
                )
    if not any(m.value in lexicon.awards for m in mentions):
        awards.extend(_graded_only(view, knowledge, mentions))
    others = [a.span for a in awards if a.rule.startswith("award:generic")]
    credited = frozenset(a.recipient.key for a in awards)
    awards.extend(result_lists(view, knowledge, award_contexts(view, knowledge), others, credited))
    awards = prose_standings(view, lexicon, _numbered_ranks(view, _not_to_the_giver(lexicon, awards)))
    return _merge(_years_from_neighbours(view, with_changes(view, knowledge, awards)))


def _not_to_the_giver(lexicon: AwardLexicon, awards: list[Award]) -> list[Award]:
    """Results credited to a body of the type that gives the award are misreadings: the Komisi Informasi
    that measures the IKIP is not its recipient, however close its chair's comment stands to the score."""
    out = []
    for award in awards:
        entry = lexicon.entry_named(award.name) if award.recipient.type_id is not None else None
        if entry is None or entry.awarder is None or entry.awarder.split(":")[0] != award.recipient.type_id:
            out.append(award)
    return out


_BULLET = re.compile(r"\s*(?:[•▪◦*-]|\d{1,2}[.)])\s")
_NUMBERED = re.compile(r"\s*(?P<n>\d{1,2})[.)]\s")
# "dari 35 daerah yang dinilai": how many were ranked, said before a ranked list
_RANKED_OUT_OF = re.compile(r"(?<![\w-])dari\s+(?P<of>\d{1,3})\s+(?:[\w/-]+\s+){0,2}?(?:yang\s+)?dinilai",
                            re.IGNORECASE)


def _numbered_ranks(view: ArticleView, awards: list[Award]) -> list[Award]:
    """A numbered list of results is a ranking when its scores fall as the numbers rise ("1. Kabupaten
    Boyolali — nilai 98,10 … 2. Kota Salatiga — nilai 97,45 …"): each result takes its item's number as
    its rank, and the count the sentence before the list gives ("dari 35 daerah yang dinilai")."""
    items: list[tuple[int, int]] = []  # (number, index in awards): one result per numbered line
    for i, award in enumerate(awards):
        if award.rank is not None or award.score is None:
            continue
        numbered = _NUMBERED.match(view.text, view.text.rfind("\n", 0, award.recipient.span.start) + 1)
        if numbered is not None and not any(i2 == i or n == int(numbered.group("n")) for n, i2 in items):
            items.append((int(numbered.group("n")), i))
    items.sort()
    if len(items) < 2 or [n for n, _ in items] != list(range(1, len(items) + 1)):
        return awards
    scores = [awards[i].score for _, i in items]
    if any(a <= b for a, b in zip(scores, scores[1:], strict=False)):  # type: ignore[operator]
        return awards  # not ordered by score: a list, not a ranking
    line = view.text.rfind("\n", 0, awards[items[0][1]].recipient.span.start) + 1
    first = view.sentences.index_of(line)
    before = view.sentence(first - 1) if first > 0 else None
    counted = _RANKED_OUT_OF.search(view.text, before.start, before.end) if before is not None else None
    out = list(awards)
    for n, i in items:
        out[i] = replace(out[i], rank=n, out_of=int(counted.group("of")) if counted else out[i].out_of)
    return out


def _years_from_neighbours(view: ArticleView, awards: list[Award]) -> list[Award]:
    """An award stated without a year takes the year of the award stated just before it, in the same
    or the previous sentence, when it is another prize of the same ceremony ("Adapun Diskominfo
    dinobatkan sebagai PPID Pelaksana Terbaik" after the ceremony's results: a prize with a name of its
    own) or the next item of a bulleted list. A known index after another award is a result of its own
    ("Selain itu, berdasarkan IKIP, …"): it keeps no year."""
    out: list[Award] = []
    last: tuple[int, int, bool] | None = None  # (sentence index, year, a list item)
    for award in sorted(awards, key=lambda a: a.span.start):
        index = view.sentences.index_of(award.span.start)
        item = _BULLET.match(view.text, view.sentence(index).start) is not None
        generic = award.rule.startswith("award:generic")
        if award.year is None and last is not None and index - last[0] <= 1 and (generic or item and last[2]):
            award = replace(award, year=last[1])
        if award.year is not None:
            last = (index, award.year, item)
        out.append(award)
    return out

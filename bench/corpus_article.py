"""From a story's facts to an article in the genre: title, dateline, paragraphs and page junk.

The sentence patterns vary the things an extractor must get right: the direction of a visit ("X
mengunjungi Y", "Y menerima kunjungan X", "kunjungan X disambut oleh Kepala Y"), the trigger, the date
form, the order of person and post, and junk lines (share buttons, "Baca Juga", comment forms) whose
agency names are not part of the article. All wording is this generator's own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from corpus_facts import (
    AWARD_AKIP,
    AWARD_IKIP,
    AgencyRef,
    AwardFact,
    Story,
    VisitFact,
    sample_region,
)
from corpus_tables import (
    BACKGROUND,
    CLOSINGS,
    FOCUS_SENTENCES,
    GENERIC_SENTENCES,
    HOST_QUOTES,
    JUNK_LINES,
    OUTLETS,
    PURPOSES,
    SPEECH_VERBS,
    VENUES,
    VISITOR_QUOTES,
)
from corpus_text import Page, date_phrase, listing, person_text, region_short

PLAIN_VERBS = ("menyambangi {H}{D}", "bertandang ke {H}{D}", "berkunjung ke {H}{D}", "mengunjungi {H}{D}")
TITLE_TRIGGERS = {
    "studi-tiru": ("Studi Tiru",),
    "studi-banding": ("Studi Banding",),
    "kunjungan-kerja": ("Kunker", "Kunjungan Kerja"),
    "kunjungan-kehormatan": ("Kunjungan Kehormatan",),
    "audiensi": ("Audiensi",),
    "kunjungan": ("Kunjungan",),
}


@dataclass(frozen=True)
class Written:
    title: str
    text: str
    publisher: str
    url_host: str
    aliases: dict[str, list[str]]


def _sp(phrase: str) -> str:
    return f" {phrase}" if phrase else ""


def _visitors(page: Page, visit: VisitFact) -> str:
    names = [page.agency(v) for v in visit.visitors]
    if len(names) > 1 and page.rng.random() < 0.5:
        return f"{names[0]} bersama {listing(names[1:], page.rng)}"
    return listing(names, page.rng)


def _lead(page: Page, visit: VisitFact) -> str:
    """The sentence that states the visit, its direction and (maybe) its date."""
    rng = page.rng
    when = _sp(date_phrase(rng, visit.date, visit.date_form))
    topics = page.topics(visit.topics)
    purpose = rng.choice(PURPOSES).format(T=topics)
    focus = rng.choice(FOCUS_SENTENCES).format(T=topics)
    if visit.kind == "kunjungan":
        verb = rng.choice(PLAIN_VERBS)
        if rng.random() < 0.2:
            v, h = _visitors(page, visit), page.agency(visit.host)
            return f"Dalam lawatan ke {h}{when}, rombongan {v} mempelajari {topics}."
        v = _visitors(page, visit)
        return f"{v} {verb.format(H=page.agency(visit.host), D=when)} {purpose}."
    trig = visit.trigger
    form = rng.randrange(7)
    if form == 0:
        v = _visitors(page, visit)
        return f"{v} melakukan {trig} ke {page.agency(visit.host)}{when}. {focus}"
    if form == 1:
        v = _visitors(page, visit)
        return f"{v} melaksanakan {trig} ke {page.agency(visit.host)}{when} {purpose}."
    if form == 2:
        h = page.agency(visit.host)
        return f"{h} menerima {trig} dari {_visitors(page, visit)}{when}. {focus}"
    if form == 3:
        v = _visitors(page, visit)
        h = page.agency(visit.host)
        return (
            f"{trig[0].upper()}{trig[1:]} {v} ke {h}{when} disambut hangat oleh jajaran tuan rumah. {focus}"
        )
    if form == 4:
        v = _visitors(page, visit)
        h = page.agency(visit.host)
        return f"Rombongan {v} tiba di kantor {h}{when} untuk melaksanakan {trig} {purpose}."
    if form == 5:
        v = _visitors(page, visit)
        return f"{v} mengunjungi {page.agency(visit.host)}{when} dalam rangka {trig}. {focus}"
    h = page.agency(visit.host)
    return f"Bertempat di kantornya, {h} menjadi tuan rumah {trig} {_visitors(page, visit)}{when}. {focus}"


def _venue(page: Page, visit: VisitFact) -> str:
    rng = page.rng
    venue = rng.choice(VENUES).format(S=page.agency(visit.host), n=rng.randint(2, 6))
    if visit.kecamatan:
        venue += f", Kecamatan {visit.kecamatan[1]}"
    return venue


def _meeting(page: Page, visit: VisitFact) -> str:
    """Who led the delegation and who received it, where."""
    rng = page.rng
    leader = receiver = ""
    if visit.leader:
        leader = page.official(visit.leader, by_context=rng.random() < 0.4)
    if visit.receiver:
        receiver = page.official(visit.receiver)
    delegation = page.agency(visit.visitors[0]) if leader else ""  # gives a title without agency its context
    if leader and receiver:
        if rng.random() < 0.5:
            return (
                f"Rombongan {delegation} yang dipimpin {leader} diterima langsung oleh {receiver} "
                f"di {_venue(page, visit)}."
            )
        venue = _venue(page, visit)
        return f"{receiver} menyambut rombongan di {venue}. Rombongan {delegation} dipimpin {leader}."
    if leader:
        return (
            f"Rombongan {delegation} dipimpin oleh {leader}. Pertemuan berlangsung di {_venue(page, visit)}."
        )
    if receiver:
        return f"Kedatangan rombongan diterima oleh {receiver} di {_venue(page, visit)}."
    return f"Pertemuan berlangsung di {_venue(page, visit)}."


def _quotes(page: Page, visit: VisitFact) -> list[str]:
    rng = page.rng
    paragraphs = []
    if visit.leader:
        quote = rng.choice(VISITOR_QUOTES)
        paragraphs.append(f"“{quote},” {rng.choice(SPEECH_VERBS)} {visit.leader.person.name}.")
    if visit.receiver:
        quote = rng.choice(HOST_QUOTES)
        paragraphs.append(
            f"Dalam sambutannya, {visit.receiver.person.name} menyampaikan apresiasi atas kunjungan "
            f"tersebut. “{quote},” {rng.choice(SPEECH_VERBS)}nya."
        )
    if paragraphs and rng.random() < 0.5:
        paragraphs[-1] += " " + rng.choice(GENERIC_SENTENCES)
    return paragraphs


def _award(page: Page, award: AwardFact) -> str:
    rng = page.rng
    recipient = page.agency(award.recipient)
    year = ""
    if award.year is not None:
        year = rng.choice((f" tahun {award.year}", f" Tahun {award.year}", f" {award.year}"))
    score = f"{award.score:.2f}".replace(".", ",") if award.score is not None else ""
    if award.name == AWARD_AKIP:
        if rng.random() < 0.5:
            text = (
                f"{recipient} meraih predikat “{award.predicate}” pada Anugerah Keterbukaan Informasi "
                f"Publik{year}"
            )
        else:
            text = (
                f"Pada ajang Anugerah Keterbukaan Informasi Publik (KIP){year}, {recipient} memperoleh "
                f"predikat {award.predicate}"
            )
        if award.rank is not None:
            unit = (
                "provinsi"
                if award.recipient.region and award.recipient.region.level == "provinsi"
                else "kabupaten/kota"
            )
            text += f", menempati peringkat ke-{award.rank} dari {award.out_of} {unit} se-Indonesia"
        if rng.random() < 0.3:
            text += f" yang diumumkan {page.agency(AgencyRef('komisi-informasi', None))}"
        return text + "."
    if award.name == AWARD_IKIP:
        if rng.random() < 0.5:
            return (
                f"Dalam Indeks Keterbukaan Informasi Publik (IKIP){year}, {recipient} mencatat skor {score} "
                f"dan masuk kategori “{award.category}”."
            )
        return (
            f"Skor Indeks Keterbukaan Informasi Publik {recipient}{year} mencapai {score} dengan kategori "
            f"{award.category}."
        )
    if rng.random() < 0.5:
        return f"Indeks SPBE {recipient}{year} mencapai {score} dengan predikat “{award.predicate}”."
    by = f" yang dirilis {page.agency(AgencyRef('kemenpan-rb', None))}" if rng.random() < 0.3 else ""
    return f"Untuk Indeks SPBE{year}{by}, {recipient} meraih nilai {score} dengan predikat {award.predicate}."


def _visit_title(page: Page, story: Story) -> str:
    rng, visit = page.rng, story.visits[0]
    trig = rng.choice(TITLE_TRIGGERS[visit.kind])
    v = visit.visitors[0]
    vs = (
        f"Diskominfo {region_short(rng, v.region)}" if v.region and v.type_id == "diskominfo" else "Rombongan"
    )
    h = visit.host
    hs = region_short(rng, h.region) if h.region else "Pusat"
    if visit.kind == "kunjungan":
        return rng.choice((f"{vs} Sambangi {hs}", f"Belajar ke {hs}, {vs} Datang Membawa Banyak Pertanyaan"))
    return rng.choice(
        (
            f"{vs} {trig} ke {hs}",
            f"Perkuat Layanan Informasi, {vs} {trig} ke {hs}",
            f"{hs} Terima {trig} {vs}",
        )
    )


def _junk_line(rng: random.Random) -> str:
    return rng.choice(JUNK_LINES).format(n=rng.randint(12, 4800))


def _read_also(page: Page) -> str:
    """A "Baca Juga" link: names an agency that is not part of this article (so not in the gold)."""
    other = sample_region(page.rng)
    what = page.rng.choice(("Gelar Pelatihan Jurnalistik", "Luncurkan Aplikasi Baru", "Raih Penghargaan"))
    return f"Baca Juga: Diskominfo {other.full()} {what}"


def _visit_body(page: Page, story: Story) -> list[str]:
    rng = page.rng
    first = story.visits[0]
    paragraphs = [_lead(page, first), _meeting(page, first), *_quotes(page, first)]
    if len(story.visits) > 1:
        second = story.visits[1]
        when = _sp(date_phrase(rng, second.date, second.date_form))
        paragraphs.append(
            f"Setelah dari {page.agency(first.host)}, {_visitors(page, second)} juga "
            f"menyambangi {page.agency(second.host)}{when} untuk membahas {page.topics(second.topics)}."
        )
        if second.receiver:
            paragraphs.append(f"Di sana rombongan diterima {page.official(second.receiver)}.")
    if story.awards:
        intro = f"{page.agency(first.host)} dipilih sebagai tujuan karena sejumlah capaian."
        paragraphs.append(" ".join([intro, *(_award(page, a) for a in story.awards)]))
    paragraphs.append(rng.choice(CLOSINGS))
    return paragraphs


def _award_body(page: Page, story: Story) -> tuple[str, list[str]]:
    rng = page.rng
    speaker = story.other_posts[0]
    first, *rest = story.awards
    lead = _award(page, first)
    where = (
        f" Penghargaan diserahkan dalam acara di Jakarta{_sp(date_phrase(rng, story.published, 'day-dmy'))}."
    )
    quote = rng.choice(HOST_QUOTES)
    paragraphs = [
        lead + where,
        f"{page.official(speaker)} mengatakan capaian itu menjadi pemacu. “{quote},” "
        f"{rng.choice(SPEECH_VERBS)}nya.",
    ]
    if rest:
        paragraphs.append(" ".join(_award(page, a) for a in rest))
    region = story.subject.region if story.subject else None
    name = region_short(rng, region) if region else "Daerah"
    return f"{name} Kembali Raih Capaian Keterbukaan Informasi", paragraphs


def _other_body(page: Page, story: Story) -> tuple[str, list[str]]:
    """A workshop or a planned visit: agencies and officials, but no visit happened."""
    rng = page.rng
    assert story.subject and story.counterpart
    subject = page.agency(story.subject)
    topics = page.topics(story.topics)
    speaker = page.official(story.other_posts[0])
    when = _sp(date_phrase(rng, story.published, rng.choice(("day-dmy", "long", "none"))))
    if story.kind == "workshop":
        event = rng.choice(("bimbingan teknis", "workshop", "pelatihan", "sosialisasi"))
        paragraphs = [
            f"{subject} menggelar {event} {topics} bagi pengelola informasi perangkat daerah{when}.",
            f"Kegiatan itu dibuka oleh {speaker}.",
        ]
        if len(story.other_posts) > 1:
            paragraphs.append(f"Materi disampaikan secara daring oleh {page.official(story.other_posts[1])}.")
        name = region_short(rng, story.subject.region)
        title = f"Tingkatkan Kapasitas Pengelola Informasi, {name} Gelar Pelatihan"
    else:
        counterpart = page.agency(story.counterpart)
        plan = rng.choice(
            (
                f"berencana melakukan studi tiru ke {counterpart} pada bulan depan",
                f"akan berkunjung ke {counterpart} dalam waktu dekat",
                f"menjadwalkan rencana kunjungan kerja ke {counterpart} tahun depan",
            )
        )
        paragraphs = [
            f"{subject} {plan} untuk mempelajari {topics}.",
            f"Rencana itu dibahas dalam rapat persiapan{when} yang dipimpin {speaker}.",
        ]
        title = f"{region_short(rng, story.subject.region)} Siapkan Agenda Belajar ke Daerah Lain"
    paragraphs.append(rng.choice(GENERIC_SENTENCES))
    return title, paragraphs


def _background(rng: random.Random) -> str:
    return " ".join(rng.sample(BACKGROUND, rng.randint(4, 7)))


def write_article(story: Story, rng: random.Random) -> Written:
    """Render a story as an article with dateline, byline and page junk."""
    page = Page(rng)
    if story.visits:
        title = _visit_title(page, story)
        paragraphs = _visit_body(page, story)
        home = story.visits[0].visitors[0].region
    elif story.kind == "award":
        title, paragraphs = _award_body(page, story)
        home = story.subject.region if story.subject else None
    else:
        title, paragraphs = _other_body(page, story)
        home = story.subject.region if story.subject else None
    for _ in range(rng.choice((1, 2, 3, 3))):  # fact-free context, as in real articles
        paragraphs.insert(rng.randint(2, max(2, len(paragraphs) - 1)), _background(rng))
    publisher, host = rng.choice(OUTLETS)
    city = (
        home.bare if home and home.level != "provinsi" else sample_region(rng, province_share=0).bare
    ).upper()
    paragraphs[0] = f"{city}, {publisher.upper()} {rng.choice(('–', '-', '—'))} {paragraphs[0]}"
    if len(paragraphs) > 2 and rng.random() < 0.3:
        paragraphs.insert(rng.randint(1, len(paragraphs) - 1), _read_also(page))
    head: list[str] = []
    if rng.random() < 0.3:
        head = [title, _junk_line(rng), f"Foto: Dok. Humas {city.title()}"]
    tail = [
        f"({rng.choice('abcdefghkmnrstw')}{rng.choice('abcdefghkmnrstw')}/{rng.choice('aehrstz')}"
        f"{rng.choice('aehrstz')})"
    ]
    tail += [_junk_line(rng) for _ in range(rng.randint(0, 4))]
    sep = rng.choice(("\n\n", "\n"))
    text = sep.join([*head, *paragraphs, *tail])
    return Written(title, text, publisher, host, page.aliases)


def person_mentions(story: Story) -> list[str]:
    """Names as printed, for checking that every gold official's name is in the text."""
    return [person_text(p.person) for p in story.posts]

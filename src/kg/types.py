"""The plain typed objects that flow between the stages of kg.

Every stage (read → clean → recognise → resolve → events → RDF → validate → store) takes and returns
objects from this module and nothing else, so a stage can be tested, replaced or benchmarked on its own.
They are frozen: a later stage builds new objects instead of editing an earlier stage's output, which is
what keeps the data flow one-directional.

Character offsets (`Span`) always index `Article.text`, the text as read. Cleaning blanks junk out with
spaces instead of cutting it, so offsets found in the cleaned text are valid in the original: that is
what lets every fact point back at the exact characters that support it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal


@dataclass(frozen=True, slots=True, order=True, init=False)
class Span:
    """Half-open character range [start, end) in `Article.text`."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        _SET_START(self, start)
        _SET_END(self, end)

    def text(self, source: str) -> str:
        return source[self.start : self.end]


_SET_START = Span.start.__set__  # type: ignore[attr-defined]
_SET_END = Span.end.__set__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, before any interpretation."""

    id: str
    text: str
    source: str  # where it was read from: a path, or "path:line" for .jsonl
    url: str | None = None
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    byline: str | None = None

    @property
    def content_hash(self) -> str:
        """Hash of everything extraction depends on: an unchanged article can be skipped on re-ingest."""
        published = self.published.isoformat() if self.published else ""
        parts = [self.id, self.text, self.url or "", self.title or "", published,
                 self.publisher or "", self.byline or ""]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article whose page junk (comment forms, share buttons, captions…) is blanked with spaces."""

    article: Article
    text: str  # same length as article.text
    removed: tuple[Span, ...] = ()


MentionKind = Literal[
    "agency",  # an agency-type name or abbreviation: "Diskominfo", "Dinas Komunikasi dan Informatika"
    "region",  # a region name or press abbreviation: "Kaltim", "Kabupaten Berau"
    "role",  # a post title: "Kepala Bidang", "Pranata Humas Ahli Muda"
    "honorific",  # "H.", "Dr."
    "degree",  # "S.Sos.", "M.Si."
    "trigger",  # a visit trigger: "studi tiru", "kunjungan kerja"
    "topic",  # a topic label: "PPID", "keterbukaan informasi publik"
    "award",  # an award or index name: "Anugerah Keterbukaan Informasi Publik", "Indeks SPBE"
    "date",  # a date expression
    "person",  # a person's name
    "other",
]


@dataclass(frozen=True, slots=True, init=False)
class Mention:
    """A piece of text a recogniser matched, with the lexicon entry and the rule that fired."""

    kind: MentionKind
    span: Span
    text: str
    value: str  # the lexicon id it matched: agency type id, region code, role id, topic id…
    rule: str  # which lexicon file/pattern produced it, for provenance and debugging

    def __init__(self, kind: MentionKind, span: Span, text: str, value: str, rule: str) -> None:
        _MENTION_SET[0](self, kind)
        _MENTION_SET[1](self, span)
        _MENTION_SET[2](self, text)
        _MENTION_SET[3](self, value)
        _MENTION_SET[4](self, rule)


_MENTION_SET = tuple(getattr(Mention, f).__set__ for f in ("kind", "span", "text", "value", "rule"))


@dataclass(frozen=True, slots=True)
class Recognised:
    """Output of the recognise stage: the cleaned article and every candidate mention in text order."""

    clean: CleanArticle
    mentions: tuple[Mention, ...]


RegionLevel = Literal["provinsi", "kabupaten", "kota", "kecamatan"]


@dataclass(frozen=True, slots=True)
class Region:
    """A Kemendagri region. `code` is the dotted Kemendagri code: "64", "64.03", "35.78.22"."""

    code: str
    name: str  # official name: "Kalimantan Timur", "Kabupaten Berau", "Kota Surabaya", "Gayungan"
    level: RegionLevel
    parent: Region | None = None


@dataclass(frozen=True, slots=True, init=False)
class Agency:
    """An agency as mentioned in one place of an article, resolved to its key where possible.

    `key` is the identity: "<agency type id>:<region code>" for regional agencies ("diskominfo:64"),
    "<agency type id>" for national ones ("kemkominfo"), "unresolved:<slug of the name>" when the
    gazetteer does not know it. Two mentions with the same key are the same agency.
    """

    key: str
    name: str  # canonical full name, or the name as written when unresolved
    surface: str  # the words used at this mention: "Diskominfo Kaltim"
    span: Span
    type_id: str | None = None
    region: Region | None = None
    resolved: bool = True
    short_name: str | None = None  # canonical short form: "Diskominfo Kaltim", "DKISP Kaltara"

    def __init__(
        self,
        key: str,
        name: str,
        surface: str,
        span: Span,
        type_id: str | None = None,
        region: Region | None = None,
        resolved: bool = True,
        short_name: str | None = None,
    ) -> None:
        _AGENCY_SET[0](self, key)
        _AGENCY_SET[1](self, name)
        _AGENCY_SET[2](self, surface)
        _AGENCY_SET[3](self, span)
        _AGENCY_SET[4](self, type_id)
        _AGENCY_SET[5](self, region)
        _AGENCY_SET[6](self, resolved)
        _AGENCY_SET[7](self, short_name)


_AGENCY_SET = tuple(
    getattr(Agency, f).__set__
    for f in ("key", "name", "surface", "span", "type_id", "region", "resolved", "short_name")
)


@dataclass(frozen=True, slots=True)
class Official:
    """A person as named in the text, with honorifics and degrees separated from the name."""

    name: str  # "Iskandar Alwi" (no "H.", no "S.Sos.")
    span: Span
    honorifics: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Post:
    """A post an article attests: this person held this role at this agency (on the article's date)."""

    official: Official
    role_id: str  # role lexicon id: "kepala-dinas", "kepala-bidang", "pranata-humas-ahli-muda"
    role_label: str  # the lexicon's label: "Kepala Bidang"
    title: str  # the full title as written: "Kepala Bidang IKP dan Kehumasan"
    agency: Agency | None
    span: Span  # the evidence: the apposition or sentence that ties person, role and agency
    confidence: float
    rule: str


VisitCapacity = Literal["leader", "receiver", "participant"]


@dataclass(frozen=True, slots=True)
class Resolved:
    """Output of the resolve stage: agency mentions resolved to keys, and the posts the text attests."""

    recognised: Recognised
    agencies: tuple[Agency, ...]
    posts: tuple[Post, ...]


@dataclass(frozen=True, slots=True)
class Participation:
    """The part a person played in a visit."""

    post: Post
    capacity: VisitCapacity


@dataclass(frozen=True, slots=True)
class Place:
    """Where a visit happened: the region (most specific known) and the venue as written."""

    region: Region | None
    venue: str | None
    span: Span | None


@dataclass(frozen=True, slots=True)
class TopicMention:
    """A topic of the SKOS scheme (ontology/topics.ttl) found in the text."""

    topic_id: str  # local name of the skos:Concept: "ppid", "spbe", "kim"
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class RelatedEvent:
    """An event a visit refers to, e.g. the workshop it follows up."""

    label: str
    relation: Literal["follow-up-of", "related"]
    span: Span
    place: Region | None = None


@dataclass(frozen=True, slots=True)
class Visit:
    """A visit: one or more visiting agencies went to exactly one host agency."""

    visitors: tuple[Agency, ...]
    host: Agency
    kind: str  # visit-kind lexicon id: "studi-tiru", "kunjungan-kerja", "audiensi"…
    span: Span  # the sentence(s) that state the visit
    confidence: float
    rule: str
    date: date | None = None
    date_span: Span | None = None
    place: Place | None = None
    participants: tuple[Participation, ...] = ()
    topics: tuple[TopicMention, ...] = ()
    related: tuple[RelatedEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class Award:
    """An award, predicate or index result credited to a body."""

    name: str  # "Anugerah Keterbukaan Informasi Publik", "Indeks SPBE", "Indeks Keterbukaan Informasi Publik"
    recipient: Agency
    span: Span
    confidence: float
    rule: str
    awarder: Agency | None = None
    year: int | None = None
    predicate: str | None = None  # "Informatif", "Baik"
    category: str | None = None  # "Sedang"; or the award category: "media internal terbaik se-Indonesia"
    score: Decimal | None = None
    rank: int | None = None
    out_of: int | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article: the input of the RDF mapping stage."""

    article: Article
    agencies: tuple[Agency, ...] = ()  # every agency mention (the same key may occur many times)
    posts: tuple[Post, ...] = ()
    visits: tuple[Visit, ...] = ()
    awards: tuple[Award, ...] = ()
    topics: tuple[TopicMention, ...] = ()  # topics of the article as a whole
    warnings: tuple[str, ...] = field(default=())

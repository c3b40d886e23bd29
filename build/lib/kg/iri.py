"""Deterministic IRIs for everything kg describes, minted from normalised keys (see ARCHITECTURE.md).

Identity comes from keys, never from counters or blank nodes: the same agency named three ways in two
articles has one key and therefore one IRI, and a re-run on the same input mints identical IRIs, which is
what lets the store replace an article's facts without duplicating shared nodes. Every free-text part is
normalised (NFKC, case folded, white space collapsed) and percent-encoded segment by segment, so two
different keys can never produce the same IRI path. Article ids are *not* normalised: they are the
user's identifiers and two ids that differ only in case are two articles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from urllib.parse import quote

from rdflib import URIRef

from kg.vocab import KGG, KGI, KGT

_SPACE = re.compile(r"\s+")
_HASH_CHARS = 20  # 80 bits: collisions are negligible for any corpus kg will see


def normalise(text: str) -> str:
    """Unicode NFKC, case folded, white space collapsed and trimmed: the comparable form of a name."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def slug(text: str) -> str:
    """A readable IRI segment for a name: normalised, spaces as '-', unsafe characters percent-encoded."""
    return _segment(normalise(text).replace(" ", "-"))


def _segment(text: str) -> str:
    """Percent-encode everything but RFC 3986 unreserved characters ('/' included), keeping it injective."""
    return quote(text, safe="")


def _digest(*parts: str) -> str:
    """Stable short hash of parts; the unit separator keeps ("ab", "c") apart from ("a", "bc")."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:_HASH_CHARS]


def normalise_key(key: str) -> str:
    """Agency keys compared the way identity needs: NFKC, case folded, no surrounding or inner spaces."""
    return normalise(key).replace(" ", "-")


def agency(key: str) -> URIRef:
    """kgi:agency/{type}/{region code} for "type:code", kgi:agency/{type} for a national key."""
    parts = normalise_key(key).split(":", 1)
    return KGI["agency/" + "/".join(_segment(part) for part in parts)]


def region(code: str) -> URIRef:
    """kgi:region/{dotted Kemendagri code}."""
    return KGI["region/" + _segment(code.strip())]


def agency_type(type_id: str) -> URIRef:
    return KGI["agency-type/" + _segment(normalise_key(type_id))]


def role(role_id: str) -> URIRef:
    return KGI["role/" + _segment(normalise_key(role_id))]


def visit_kind(kind_id: str) -> URIRef:
    return KGI["visit-kind/" + _segment(normalise_key(kind_id))]


def topic(topic_id: str) -> URIRef:
    """kgt:{id}, a concept of ontology/topics.ttl."""
    return KGT[_segment(normalise_key(topic_id))]


def person(name: str, agency_key: str | None) -> URIRef:
    """kgi:person/{slug of name}/{agency key with ':' → '/'}, or .../unknown without an agency.

    A person is identified by name *and* agency: two officials with one name at different agencies stay
    apart until a resolution joins them.
    """
    if agency_key:
        where = "/".join(_segment(part) for part in normalise_key(agency_key).split(":", 1))
    else:
        where = "unknown"
    return KGI[f"person/{slug(name)}/{where}"]


def membership(person_iri: URIRef, agency_key: str | None, role_id: str) -> URIRef:
    parts = [str(person_iri), normalise_key(agency_key or ""), normalise_key(role_id)]
    return KGI["membership/" + _digest(*parts)]


def visit(visitor_keys: Iterable[str], host_key: str, on: date | None, article_id: str) -> URIRef:
    """A dated visit is identified by who visited whom when, so two articles about it share one node;
    an undated one cannot be matched safely across articles, so its article joins the hash."""
    visitors = ",".join(sorted({normalise_key(k) for k in visitor_keys}))
    when = on.isoformat() if on else ""
    parts = [visitors, normalise_key(host_key), when]
    if on is None:
        parts.append(article_id)
    return KGI["visit/" + _digest(*parts)]


def decimal_text(value: Decimal) -> str:
    """Canonical text of a decimal: 68.810 and 68.81 are the same score; no exponent notation."""
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


def award(name: str, recipient_key: str, year: int | None, predicate: str | None, category: str | None,
          score: Decimal | None) -> URIRef:
    parts = [normalise(name), normalise_key(recipient_key), "" if year is None else str(year),
             normalise(predicate or ""), normalise(category or ""),
             "" if score is None else decimal_text(score)]
    return KGI["award/" + _digest(*parts)]


def event(article_id: str, label: str, place_code: str | None) -> URIRef:
    """An event a visit refers to is known only by the article's words for it, so it is per article."""
    return KGI["event/" + _digest(article_id, normalise(label), place_code or "")]


def evidence(article_id: str, start: int, end: int, rule: str) -> URIRef:
    return KGI["evidence/" + _digest(article_id, str(start), str(end), rule)]


def article(article_id: str) -> URIRef:
    """kgi:article/{id}, the id exactly as the input gave it (percent-encoded)."""
    return KGI["article/" + _segment(article_id)]


def article_graph(article_id: str) -> URIRef:
    """kgg:article/{id}: the named graph holding everything extracted from that article."""
    return KGG["article/" + _segment(article_id)]


ENTITIES_GRAPH = KGG["entities"]
SUMMARY_GRAPH = KGG["summary"]

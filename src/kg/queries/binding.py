"""Binding parameter values into a canned query without ever pasting user text into SPARQL.

Why this is safe: a value never reaches the query as text. It is first parsed into a Python value of
the parameter's declared type (an IRI checked against a strict character set, a `datetime.date`, an
`int`, or a plain string) and turned into one rdflib term; the query then receives that term's own
serialisation (`Node.n3()`), placed as a single cell of a `VALUES` block at the query's `#@values` line.
rdflib escapes quotes, backslashes and line breaks inside literals, dates and integers are re-written
in their canonical form, and an IRI that contains any of `<>"{}|^`\\` or white space is refused before it
is written between angle brackets. So whatever a user types can only ever be one RDF term in one cell:
it cannot close a string, open a new pattern or change the query's shape. Parameters the caller leaves
out are `UNDEF` in the block, which the queries read as "no restriction".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError

if TYPE_CHECKING:
    from kg.queries.catalog import CannedQuery, Parameter

BASE = "https://w3id.org/kgid/"
PREFIXES = {
    "kg": BASE + "ontology#",
    "kgi": BASE + "id/",
    "kgt": BASE + "topic/",
    "kgg": BASE + "graph/",
}

#: The declared types a parameter may have, with what a user writes for each.
PARAMETER_TYPES = {
    "iri": "an absolute IRI (https://…) or a prefixed name (kgi:…, kgt:…, kg:…, kgg:…)",
    "agency": "an agency key (diskominfo:64, kemkominfo, unresolved:slug) or its IRI",
    "region": "a Kemendagri region code (64, 64.03, 35.78.22) or its IRI",
    "agency-or-region": "an agency key (diskominfo:64) or a region code (64.03), or the IRI of either",
    "topic": "a topic id (ppid, spbe, kim…) or its IRI",
    "string": "any text",
    "date": "a date written YYYY-MM-DD",
    "integer": "a whole number",
}

_IRI = re.compile(r"^(?:https?|urn):[^\s<>\"{}|\\^`]+$")
_PREFIXED = re.compile(r"^(?P<prefix>kg|kgi|kgt|kgg):(?P<local>[^\s<>\"{}|\\^`]*)$")
_AGENCY_KEY = re.compile(r"^(?P<type>[a-z][a-z0-9-]*)(?::(?P<rest>[A-Za-z0-9._-]+))?$")
_REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2})?)?$")
_TOPIC_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_INTEGER = re.compile(r"^[+-]?\d+$")

#: The parameter a `#@limit` line takes its value from.
LIMIT_PARAMETER = "limit"


def to_term(parameter: Parameter, value: str) -> Node:
    """Parse `value` as the parameter's declared type into one rdflib term; QueryError if it is not one."""
    kind = parameter.kind
    if parameter.choices:
        if value not in parameter.choices:
            raise QueryError(f"parameter '{parameter.name}' must be one of {', '.join(parameter.choices)}, "
                             f"not {value!r}")
        return Literal(value)
    if kind == "string":
        return Literal(value)
    if kind == "integer":
        if not _INTEGER.match(value.strip()):
            raise QueryError(f"parameter '{parameter.name}' needs a whole number, not {value!r}")
        return Literal(int(value), datatype=XSD.integer)
    if kind == "date":
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise QueryError(f"parameter '{parameter.name}' needs a date written YYYY-MM-DD, "
                             f"not {value!r}") from None
        return Literal(day.isoformat(), datatype=XSD.date)
    iri = _as_iri(value.strip())
    if iri is not None:
        return iri
    if kind in ("agency", "agency-or-region") and (key := _AGENCY_KEY.match(value.strip())):
        path = key.group("type") + ("/" + quote(key.group("rest"), safe="._-") if key.group("rest") else "")
        return URIRef(f"{BASE}id/agency/{path}")
    if kind in ("region", "agency-or-region") and _REGION_CODE.match(value.strip()):
        return URIRef(f"{BASE}id/region/{value.strip()}")
    if kind == "topic" and _TOPIC_ID.match(value.strip()):
        return URIRef(f"{BASE}topic/{value.strip()}")
    raise QueryError(f"parameter '{parameter.name}' needs {PARAMETER_TYPES[kind]}, not {value!r}")


def _as_iri(value: str) -> URIRef | None:
    if prefixed := _PREFIXED.match(value):
        return URIRef(PREFIXES[prefixed.group("prefix")] + prefixed.group("local"))
    if _IRI.match(value):
        return URIRef(value)
    return None


def values_block(query: CannedQuery, params: Mapping[str, str] | None) -> str:
    """The `VALUES (?p …) { (term …) }` block for `params`, checked against the query's declarations."""
    given = dict(params or {})
    unknown = sorted(set(given) - {p.name for p in query.parameters})
    if unknown:
        declared = ", ".join(p.name for p in query.parameters) or "none"
        raise QueryError(f"query '{query.name}' has no parameter {', '.join(map(repr, unknown))} "
                         f"(its parameters: {declared})")
    if not query.parameters:
        return ""
    cells: list[str] = []
    for parameter in query.parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None or value == "":
            if parameter.required:
                raise QueryError(f"query '{query.name}' needs --param {parameter.name}=… "
                                 f"({parameter.describe()})")
            cells.append("UNDEF")
        else:
            cells.append(to_term(parameter, value).n3())
    names = " ".join(f"?{p.name}" for p in query.parameters)
    return f"VALUES ({names}) {{ ({' '.join(cells)}) }}"


def limit_clause(query: CannedQuery, params: Mapping[str, str] | None) -> str:
    """`LIMIT n` for the query's `limit` parameter, or "" when it is unbound (every row).

    A LIMIT cannot be bound through VALUES, so a query whose answer can be too long to read declares an
    integer parameter `limit` and a `#@limit` line after its ORDER BY; the value is parsed as a whole
    number like any parameter, so only digits ever reach the query.
    """
    parameter = query.parameter(LIMIT_PARAMETER)
    if parameter is None:
        return ""
    value = dict(params or {}).get(parameter.name, parameter.default)
    if value is None or value == "":
        return ""
    term = to_term(parameter, value)
    if int(term) < 0:
        raise QueryError(f"parameter '{parameter.name}' must be 0 or more, not {value!r}")
    return f"LIMIT {int(term)}"


def bind(query: CannedQuery, params: Mapping[str, str] | None = None) -> str:
    """The query text with its `#@values` lines replaced by the VALUES block for `params` (and its
    `#@limit` line by the LIMIT of its `limit` parameter)."""
    from kg.queries.catalog import LIMIT_MARKER, VALUES_MARKER

    block = values_block(query, params)
    if not block:
        return query.sparql
    limit = limit_clause(query, params)
    lines = query.sparql.splitlines()
    replaced = {VALUES_MARKER: block, LIMIT_MARKER: limit or LIMIT_MARKER}
    return "\n".join(replaced.get(line.strip(), line) for line in lines)

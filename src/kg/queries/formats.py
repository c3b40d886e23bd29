"""Render a `SelectResult` as the W3C SPARQL 1.1 result formats (JSON, CSV) or a terminal table.

JSON and CSV follow the W3C recommendations so the output feeds any SPARQL-aware tool; the table is for
people, so it shortens kg's IRIs to prefixed names (kgi:agency/diskominfo/64).
"""

from __future__ import annotations

import csv
import io
import json

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node
from rich.console import Console
from rich.table import Table

from kg.queries.binding import PREFIXES
from kg.store.base import SelectResult


def term_to_json(term: Node) -> dict[str, str]:
    """One RDF term as a SPARQL 1.1 Query Results JSON binding object."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        cell = {"type": "literal", "value": str(term)}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            cell["datatype"] = str(term.datatype)
        return cell
    raise TypeError(f"not an RDF term: {term!r}")


def to_json(result: SelectResult) -> str:
    """The result as W3C SPARQL 1.1 Query Results JSON (application/sparql-results+json)."""
    document = {
        "head": {"vars": list(result.variables)},
        "results": {
            "bindings": [
                {name: term_to_json(term) for name, term in row.items() if term is not None}
                for row in result.rows
            ]
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def to_csv(result: SelectResult) -> str:
    """The result as W3C SPARQL 1.1 CSV: a header of variable names, lexical values, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_cell(row.get(name)) for name in result.variables])
    return buffer.getvalue()


def _csv_cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def compact(term: Node | None) -> str:
    """A short readable form of a term: kg IRIs as prefixed names, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if term.startswith(namespace):
                return f"{prefix}:{term[len(namespace):]}"
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


#: A column a person reads instead of the IRI column it names ("host" → "hostLabel", "article" →
#: "articleId").
_READABLE_SUFFIXES = ("Label", "Id")


def table_columns(variables: tuple[str, ...] | list[str]) -> list[str]:
    """The columns a terminal table shows: an IRI column is left out when the result also has its label
    or id ("hostLabel", "articleId"), which say the same thing in words people read. The CSV and JSON
    formats keep every column, IRIs included, for programs."""
    present = set(variables)
    return [name for name in variables
            if not any(name + suffix in present for suffix in _READABLE_SUFFIXES)]


def to_table(result: SelectResult, title: str | None = None) -> Table:
    """A rich table of the result for the terminal (see `table_columns` for which columns)."""
    columns = table_columns(result.variables)
    hidden = len(result.variables) - len(columns)
    caption = f"{hidden} IRI column(s) shown by --format csv or json" if hidden else None
    table = Table(title=title, caption=caption, show_lines=False, header_style="bold")
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in result.rows:
        table.add_row(*(compact(row.get(name)) for name in columns))
    return table


def render_table(result: SelectResult, title: str | None = None, width: int | None = None) -> str:
    """The table as text, for printing or for tests; wide enough that IRIs stay on one line."""
    console = Console(file=io.StringIO(), width=width or 200, color_system=None, soft_wrap=False,
                      force_jupyter=False)  # in a notebook rich would otherwise bypass the file
    console.print(to_table(result, title))
    return console.file.getvalue()  # type: ignore[attr-defined]

"""Canned SPARQL questions: a checked catalogue of queries/*.rq, safe parameter binding, result formats.

The library API that `kg query`, `kg.analysis` and the notebooks use:

    from kg import queries
    queries.catalog()                                   # {name: CannedQuery}
    result = queries.run(store, "visits-between", {"a": "diskominfo:64", "b": "35"})
    print(queries.to_csv(result))

`store` is anything with `select(sparql) -> SelectResult` (the embedded store, a remote endpoint).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path

from kg.errors import KgError, QueryError
from kg.queries.binding import PARAMETER_TYPES, bind, to_term
from kg.queries.catalog import CannedQuery, Parameter, catalog, load_query
from kg.queries.formats import compact, render_table, table_columns, term_to_json, to_csv, to_json, to_table
from kg.store.base import SelectResult, Store

__all__ = [
    "PARAMETER_TYPES",
    "CannedQuery",
    "Parameter",
    "SelectResult",
    "bind",
    "catalog",
    "compact",
    "find",
    "load_query",
    "missing_subjects",
    "render_table",
    "table_columns",
    "run",
    "term_to_json",
    "to_csv",
    "to_json",
    "to_table",
    "to_term",
]


def find(name_or_path: str | Path, directory: Path | None = None) -> CannedQuery:
    """The canned query called `name_or_path`, or the .rq file at that path; QueryError if neither."""
    text = str(name_or_path)
    if text.endswith(".rq") or "/" in text or isinstance(name_or_path, Path):
        path = Path(text)
        if not path.is_file():
            raise QueryError("no such query file", source=text)
        return load_query(path, require_header=False)
    known = catalog(directory)
    if text not in known:
        close = difflib.get_close_matches(text, known, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"unknown query '{text}'.{hint} `kg query --list` shows them all.")
    return known[text]


def run(store: Store, name_or_path: str | Path, params: Mapping[str, str] | None = None) -> SelectResult:
    """Run a canned query (by name or .rq path) with its parameters bound safely; rows as the store gives."""
    query = find(name_or_path)
    sparql = bind(query, params)
    try:
        return store.select(sparql)
    except QueryError as error:
        if error.source is None:  # the store does not know which file the text came from; say it
            raise QueryError(str(error), source=str(query.path)) from None
        raise
    except KgError:
        raise
    except Exception as error:  # a store's parser/evaluator error is the query's fault, not a bug in kg
        raise QueryError(f"the query failed to run: {error}", source=str(query.path)) from error


#: What a parameter of each kind must name in the store to be known, as an ASK pattern on `?x`.
_KNOWN_AS = {
    "agency": "?x a <https://w3id.org/kgid/ontology#Agency>",
    "region": "?x a <https://w3id.org/kgid/ontology#Region>",
    "agency-or-region": "{ ?x a <https://w3id.org/kgid/ontology#Agency> } UNION "
                        "{ ?x a <https://w3id.org/kgid/ontology#Region> }",
    "topic": "?x a <http://www.w3.org/2004/02/skos/core#Concept>",
    "iri": "?x ?p ?o",
}
_KIND_WORDS = {"agency": "agency", "region": "region", "agency-or-region": "agency or region",
               "topic": "topic", "iri": "node"}
_KIND_HINTS = {"agency": "; `kg query agencies` lists them",
               "agency-or-region": "; `kg query agencies` lists them",
               "topic": "; `kg query topics` lists them", "region": "", "iri": ""}


def missing_subjects(store: Store, query: CannedQuery, params: Mapping[str, str] | None) -> list[str]:
    """One sentence per parameter that names an agency, region, topic or node the store does not hold.

    A query about an unknown agency would answer "no rows", which reads like "this agency had no visits";
    `kg query` turns these sentences into an error instead (a typo such as `diskominfo:46` or `ppdi`).
    """
    problems = []
    for name, value in (params or {}).items():
        parameter = query.parameter(name)
        if parameter is None or parameter.kind not in _KNOWN_AS or not value:
            continue
        term = to_term(parameter, value)
        pattern = _KNOWN_AS[parameter.kind].replace("?x", term.n3())
        if not store.ask(f"ASK {{ {pattern} }}"):
            words = _KIND_WORDS[parameter.kind]
            problems.append(f"unknown {words} {value!r} (parameter '{name}'): the store holds no such "
                            f"{words}{_KIND_HINTS[parameter.kind]}")
    return problems

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
from kg.queries.formats import compact, render_table, term_to_json, to_csv, to_json, to_table
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
    "render_table",
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
        return load_query(path)
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
    except KgError:
        raise
    except Exception as error:  # a store's parser/evaluator error is the query's fault, not a bug in kg
        raise QueryError(f"the query failed to run: {error}", source=str(query.path)) from error

"""What every store offers readers: SELECT/ASK/CONSTRUCT over the union of all graphs.

The embedded Oxigraph store and a remote SPARQL endpoint both implement `Store`, and the same tests run
against both, so a user's queries do not change when the graph moves to a server.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from rdflib.term import Node


@dataclass(frozen=True)
class SelectResult:
    """Rows of a SELECT: variable names in query order, each row maps a bound variable to an rdflib term."""

    variables: tuple[str, ...]
    rows: tuple[dict[str, Node], ...] = field(default=())

    def __iter__(self) -> Iterator[dict[str, Node]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


class Store(Protocol):
    """The reading interface shared by the embedded store and remote endpoints."""

    def select(self, sparql: str) -> SelectResult: ...

    def ask(self, sparql: str) -> bool: ...

"""kg's exceptions: one small tree, so the CLI can turn any of them into one clear line and an exit code.

Messages say what happened, to which input, and what to do. Only bugs raise anything else.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to a user. `exit_code` is what the CLI exits with."""

    exit_code = 2

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(KgError):
    """An input file, article, parameter or argument is missing or malformed."""


class DataFileError(KgError):
    """A knowledge file (gazetteer, lexicon, ontology, shapes, query) is malformed; names file and line."""


class StoreError(KgError):
    """The store cannot be opened, is locked by another process, or cannot be written."""


class EndpointError(KgError):
    """A remote SPARQL endpoint is down, refuses the credentials, or answers with an error."""


class QueryError(KgError):
    """A canned query is unknown, lacks a parameter, or fails to run."""

"""A remote SPARQL 1.1 endpoint (Oxigraph server, Virtuoso, …) behind the same `Store` interface.

Readers do not change a line when the graph moves to a server: `select` returns the `SelectResult` rows of
rdflib terms the embedded store returns, built from the W3C JSON results that SPARQLWrapper fetches.
The canned queries assume the default graph is the union of all named graphs, as in the embedded store:
start an Oxigraph server with `--union-default-graph`; Virtuoso queries every graph when a query names
none. Every failure (server down, refused credentials, an HTTP error) becomes an `EndpointError`, and a
query the server cannot parse a `QueryError`, so the CLI prints one line and exits 2.
"""

from __future__ import annotations

import ast
import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any, TypeVar

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node
from SPARQLWrapper import DIGEST, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from kg.errors import EndpointError, QueryError
from kg.store.base import SelectResult
from kg.store.names import KGG

DEFAULT_TIMEOUT = 60.0
#: Seconds to wait before each retry of a transient failure (502/503/504, reset connection).
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)
TRANSIENT_STATUS = frozenset({429, 502, 503, 504})
#: Rows per request when reading whole graphs back: below Virtuoso's default ResultSetMaxRows (10,000),
#: which truncates larger answers without saying so.
PAGE_ROWS = 5000

T = TypeVar("T")


class RemoteStore:
    """A SPARQL endpoint read through the `kg.store.base.Store` interface (plus `union_graph` for validate).

    `user`/`password` are sent with HTTP Basic, or Digest when the server asks for it (Virtuoso's
    `/sparql-auth`). For Digest, SPARQLWrapper installs its opener as urllib's process-wide default.
    """

    def __init__(self, endpoint: str, *, user: str | None = None, password: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        check_url(endpoint, "--endpoint")
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.timeout = timeout
        self._retry_delays = retry_delays
        self._sleep = sleep
        self._digest = False

    # -- kg.store.base.Store ------------------------------------------------------------------------
    def select(self, sparql: str) -> SelectResult:
        """Run a SELECT; rows map variable names to rdflib terms, as the embedded store's do."""
        document = self._run(sparql, JSON)
        if not isinstance(document, dict) or "results" not in document:
            raise QueryError(f"{self.endpoint} did not answer with SELECT results (was it a SELECT query?)")
        variables = tuple(document.get("head", {}).get("vars", ()))
        rows = tuple({name: term_from_json(cell) for name, cell in binding.items()}
                     for binding in document["results"].get("bindings", ()))
        return SelectResult(variables=variables, rows=rows)

    def ask(self, sparql: str) -> bool:
        """Run an ASK."""
        document = self._run(sparql, JSON)
        if not isinstance(document, dict) or "boolean" not in document:
            raise QueryError(f"{self.endpoint} did not answer with a boolean (was it an ASK query?)")
        return bool(document["boolean"])

    def construct(self, sparql: str) -> Graph:
        """Run a CONSTRUCT/DESCRIBE and return the triples as an rdflib graph."""
        data = self._run(sparql, TURTLE)
        graph = Graph()
        if data:
            try:
                graph.parse(data=data.decode("utf-8") if isinstance(data, bytes) else str(data),
                            format="turtle")
            except Exception as error:  # rdflib raises several unrelated types for bad input
                raise EndpointError(f"answered a CONSTRUCT with unreadable Turtle ({error})",
                                    source=self.endpoint) from None
        return graph

    # -- what `kg validate --endpoint` needs ---------------------------------------------------------
    def graph_names(self) -> list[str]:
        """kg's named graphs on the server (kgg:…); a server's own system graphs are left out."""
        result = self.select(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KGG}")) }}'
        )
        return sorted(str(row["g"]) for row in result if "g" in row)

    def union_graph(self) -> Graph:
        """Every triple of kg's graphs on the server, read graph by graph in pages (see PAGE_ROWS)."""
        graph = Graph()
        for name in self.graph_names():
            offset = 0
            while True:
                page = self.select(
                    f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }} "
                    f"ORDER BY ?s ?p ?o LIMIT {PAGE_ROWS} OFFSET {offset}"
                )
                for row in page:
                    graph.add((row["s"], row["p"], row["o"]))
                if len(page) < PAGE_ROWS:
                    break
                offset += PAGE_ROWS
        return graph

    def close(self) -> None:
        """Nothing to release (each request opens its own connection); here so stores are interchangeable."""

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- transport ------------------------------------------------------------------------------------
    def _run(self, sparql: str, return_format: str) -> Any:
        return with_retries(lambda: self._request(sparql, return_format), self._retry_delays, self._sleep)

    def _request(self, sparql: str, return_format: str) -> Any:
        wrapper = SPARQLWrapper(self.endpoint, agent="kg (https://w3id.org/kgid/)")
        wrapper.setMethod(POST)  # canned queries with VALUES blocks can outgrow a URL
        wrapper.setOnlyConneg(True)
        wrapper.setReturnFormat(return_format)
        wrapper.setTimeout(max(1, int(self.timeout)))
        if self.user is not None:
            wrapper.setCredentials(self.user, self.password or "")
            if self._digest:
                wrapper.setHTTPAuth(DIGEST)
        wrapper.setQuery(sparql)
        try:
            return wrapper.query().convert()
        except Unauthorized:
            if self.user is not None and not self._digest:
                self._digest = True  # the server may want Digest (Virtuoso): try once more with it
                return self._request(sparql, return_format)
            raise EndpointError(credentials_message(401, self.user), source=self.endpoint) from None
        except QueryBadFormed as error:
            raise QueryError(f"{self.endpoint} cannot parse the query: {server_text(error)}") from None
        except EndPointNotFound:
            raise EndpointError("no SPARQL endpoint at this URL (HTTP 404); check --endpoint "
                                "(Oxigraph: http://HOST:7878/query, Virtuoso: http://HOST:8890/sparql)",
                                source=self.endpoint) from None
        except URITooLong:
            raise EndpointError("refused the request as too long (HTTP 414)", source=self.endpoint) from None
        except EndPointInternalError as error:
            raise EndpointError(f"failed with HTTP 500: {server_text(error)}", source=self.endpoint) from None
        except SPARQLWrapperException as error:
            raise EndpointError(f"failed: {server_text(error)}", source=self.endpoint) from None
        except urllib.error.HTTPError as error:
            if error.code in TRANSIENT_STATUS:
                raise TransientFailure(error) from None
            if error.code in (401, 403):
                message = credentials_message(error.code, self.user)
            else:
                message = f"answered HTTP {error.code}: {body_text(error)}"
            raise EndpointError(message, source=self.endpoint) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise connection_failure(error, self.endpoint) from None


class TransientFailure(Exception):
    """A failure worth retrying: 502/503/504/429 or a connection dropped mid-request."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


def with_retries(action: Callable[[], T], delays: tuple[float, ...] = RETRY_DELAYS,
                 sleep: Callable[[float], None] = time.sleep) -> T:
    """Run `action`, retrying a `TransientFailure` after each of `delays`; then give up with EndpointError."""
    for delay in (*delays, None):
        try:
            return action()
        except TransientFailure as failure:
            if delay is None:
                raise EndpointError(f"still failing after {len(delays) + 1} attempts: "
                                    f"{describe(failure.cause)}") from None
            sleep(delay)
    raise AssertionError("unreachable")


def connection_failure(error: BaseException, url: str) -> Exception:
    """A network-level error as an EndpointError, or a TransientFailure when a retry may help."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, ConnectionRefusedError):
        return EndpointError("connection refused: is the server running, and is the port right?", source=url)
    if isinstance(reason, socket.gaierror):
        return EndpointError(f"unknown host ({reason.strerror})", source=url)
    if isinstance(reason, TimeoutError | socket.timeout):
        return EndpointError("the server did not answer in time (raise --timeout, or check the server)",
                             source=url)
    if isinstance(reason, ConnectionResetError | ConnectionAbortedError | BrokenPipeError
                  | http.client.RemoteDisconnected | http.client.IncompleteRead):
        return TransientFailure(reason)
    return EndpointError(f"cannot reach the server: {describe(reason)}", source=url)


def credentials_message(status: int, user: str | None) -> str:
    """What to tell a user whose request was refused with 401/403."""
    if user is None:
        return f"the server wants credentials (HTTP {status}); pass --user and --password"
    if status == 403:
        return f"user {user!r} is not allowed to do this (HTTP 403); check the account's rights"
    return f"the server refused the credentials of user {user!r} (HTTP 401); check --user and --password"


def term_from_json(cell: dict[str, str]) -> Node:
    """An rdflib term from a SPARQL JSON results binding, equal to what the embedded store returns."""
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if cell.get("xml:lang"):
            return Literal(value, lang=cell["xml:lang"])
        datatype = cell.get("datatype")
        if datatype and datatype != str(XSD.string):
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    raise EndpointError(f"unexpected term in SPARQL results: {cell!r}")


def check_url(url: str, option: str) -> None:
    """Refuse anything but an http(s) URL before any request is made."""
    if not url.startswith(("http://", "https://")):
        from kg.errors import InputError

        raise InputError(f"{option} must be an http:// or https:// URL, not {url!r}")


def server_text(error: SPARQLWrapperException) -> str:
    """The server's own words from a SPARQLWrapper exception (which keeps only their repr), on one line."""
    text = str(error)
    _, marker, response = text.partition("Response:\n")
    if marker:
        try:
            value = ast.literal_eval(response.strip())
        except (ValueError, SyntaxError):
            value = response
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return one_line(text)


def body_text(error: urllib.error.HTTPError) -> str:
    """The body of an HTTP error response, shortened to one line (what the server said)."""
    try:
        text = error.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        text = ""
    return one_line(text) or error.reason or "no message"


def describe(error: BaseException) -> str:
    """A short human description of a transport error."""
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    return one_line(str(error)) or type(error).__name__


def one_line(text: str, limit: int = 300) -> str:
    """Collapse white space and cut long server messages so an error stays one readable line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

"""Copy the store into a SPARQL 1.1 server, graph by graph (`kg push`).

Each named graph (one per article, plus `kgg:entities` and `kgg:summary`) is *replaced* on the server,
so pushing twice leaves the server as pushing once. The Graph Store Protocol is used when the server has
it: the graph's N-Triples go in chunks of ~66k lines (measured fastest on both Oxigraph and Virtuoso),
the first chunk PUT (replace) and the rest POSTed (append) to the same graph. Without it, SPARQL 1.1
Update does the same with DROP SILENT GRAPH and INSERT DATA of at most 1,000 triples per request
(Virtuoso refuses larger INSERT DATA). Transient failures (502/503/504, dropped connections) are retried
with a bounded backoff; anything else stops the push with the graph it was writing and what the server
said. A graph pushed in several chunks is briefly incomplete on the server while it is being written.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from kg.errors import EndpointError
from kg.store.names import ARTICLE_GRAPH_PREFIX
from kg.store.remote import (
    DEFAULT_TIMEOUT,
    RETRY_DELAYS,
    TRANSIENT_STATUS,
    RemoteStore,
    TransientFailure,
    body_text,
    check_url,
    connection_failure,
    credentials_message,
    with_retries,
)

GSP_CHUNK_LINES = 66_000
UPDATE_CHUNK_TRIPLES = 1_000
#: HTTP statuses meaning "no Graph Store here" on a guessed URL (then SPARQL Update is used instead).
NO_GRAPH_STORE = frozenset({404, 405, 501})

PushProtocol = Literal["auto", "graph-store", "update"]


class GraphSource(Protocol):
    """What a push reads: `kg.store.embedded.EmbeddedStore.iter_article_graphs`."""

    def iter_article_graphs(self) -> Iterator[tuple[str | None, bytes]]: ...


@dataclass(frozen=True)
class PushTarget:
    """Where to push: the SPARQL endpoint and, when they differ from the guesses, GSP and update URLs."""

    endpoint: str
    graph_store: str | None = None
    update: str | None = None
    user: str | None = None
    password: str | None = None
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class PushProgress:
    """After each request: the graph being written and how many triples have gone so far."""

    graph: str | None
    graphs_done: int
    triples_sent: int


@dataclass(frozen=True)
class PushSummary:
    """What a push did: graphs replaced, triples sent, which protocol, the URL written to, graphs pruned."""

    graphs: int
    triples: int
    protocol: str
    url: str
    removed: int = 0


class _NoGraphStore(Exception):
    """The guessed Graph Store URL does not exist on this server."""


def guess_graph_store(endpoint: str, *, with_credentials: bool) -> str | None:
    """The Graph Store URL that goes with a query endpoint on the servers kg documents, if recognisable.

    Oxigraph serves queries at /query and graphs at /store; Virtuoso queries at /sparql (anonymous) or
    /sparql-auth, graphs at /sparql-graph-crud or /sparql-graph-crud-auth (the latter with credentials).
    """
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        new = path[: -len("query")] + "store"
    elif path.endswith(("/sparql", "/sparql-auth")):
        crud = "/sparql-graph-crud-auth" if with_credentials else "/sparql-graph-crud"
        new = path.rsplit("/", 1)[0] + crud
    else:
        return None
    return urllib.parse.urlunsplit(parts._replace(path=new, query=""))


def guess_update(endpoint: str, *, with_credentials: bool) -> str:
    """The SPARQL Update URL for a query endpoint: Oxigraph's /update, Virtuoso's /sparql(-auth), or itself.
    """
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        return urllib.parse.urlunsplit(parts._replace(path=path[: -len("query")] + "update", query=""))
    if path.endswith("/sparql") and with_credentials:
        return urllib.parse.urlunsplit(parts._replace(path=path + "-auth", query=""))
    return endpoint


def push_store(source: GraphSource, target: PushTarget, *, protocol: PushProtocol = "auto",
               gsp_chunk_lines: int = GSP_CHUNK_LINES, update_chunk_triples: int = UPDATE_CHUNK_TRIPLES,
               progress: Callable[[PushProgress], None] | None = None,
               retry_delays: tuple[float, ...] = RETRY_DELAYS,
               sleep: Callable[[float], None] = time.sleep, prune: bool = False) -> PushSummary:
    """Replace every graph of `source` on the server; see the module docstring for the guarantees.

    With `prune`, article graphs the server holds but `source` does not (articles dropped from the
    store since the last push) are deleted afterwards; other graphs on the server are never touched.
    """
    check_url(target.endpoint, "--endpoint")
    credentials = target.user is not None
    graph_store = target.graph_store or guess_graph_store(target.endpoint, with_credentials=credentials)
    update_url = target.update or guess_update(target.endpoint, with_credentials=credentials)
    for url, option in ((target.graph_store, "--graph-store"), (target.update, "--update-endpoint")):
        if url:
            check_url(url, option)
    if protocol == "graph-store" and graph_store is None:
        raise EndpointError("no Graph Store URL is known for this endpoint; pass --graph-store",
                            source=target.endpoint)
    use_gsp = protocol == "graph-store" or (protocol == "auto" and graph_store is not None)
    client = _Client(target, retry_delays, sleep)
    graphs = triples = 0
    pushed: set[str | None] = set()
    for graph, data in source.iter_article_graphs():
        pushed.add(graph)
        lines = [line for line in data.split(b"\n") if line.strip()]
        if use_gsp and graph_store is not None:
            try:
                client.put_graph(graph_store, graph, lines, gsp_chunk_lines,
                                 may_fall_back=graphs == 0 and protocol == "auto" and not target.graph_store)
            except _NoGraphStore:
                use_gsp = False
        if not use_gsp:
            client.update_graph(update_url, graph, lines, update_chunk_triples)
        graphs += 1
        triples += len(lines)
        if progress:
            progress(PushProgress(graph=graph, graphs_done=graphs, triples_sent=triples))
    removed = 0
    if prune:
        server = RemoteStore(target.endpoint, user=target.user, password=target.password,
                             timeout=target.timeout, retry_delays=retry_delays, sleep=sleep)
        for name in server.graph_names():
            if name.startswith(ARTICLE_GRAPH_PREFIX) and name not in pushed:
                client.drop_graph(graph_store if use_gsp and graph_store else update_url, name,
                                  by_graph_store=use_gsp)
                removed += 1
    return PushSummary(graphs=graphs, triples=triples,
                       protocol="graph-store" if use_gsp else "update",
                       url=(graph_store or "") if use_gsp else update_url, removed=removed)


class _Client:
    """HTTP requests with credentials (Basic or Digest, as the server asks), retries and clear errors."""

    def __init__(self, target: PushTarget, retry_delays: tuple[float, ...],
                 sleep: Callable[[float], None]) -> None:
        self.target = target
        self.retry_delays = retry_delays
        self.sleep = sleep
        handlers: list[urllib.request.BaseHandler] = []
        if target.user is not None:
            # Prior-auth: once a request succeeded, Basic credentials go with the next ones unasked, so a
            # 66k-line body is not uploaded twice (once to be refused, once with the credentials).
            passwords = _OriginPasswords()
            # The guessed GSP and update URLs share the endpoint's origin: one entry covers them all.
            for url in (target.endpoint, target.graph_store, target.update):
                if url:
                    parts = urllib.parse.urlsplit(url)
                    passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", target.user,
                                           target.password or "")
            # Digest before Basic: each declines the other's challenge (urllib orders them this way too).
            handlers += [_PreemptiveDigestHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
        self.opener = urllib.request.build_opener(*handlers)

    def put_graph(self, url: str, graph: str | None, lines: list[bytes], chunk: int, *,
                  may_fall_back: bool) -> None:
        """PUT the first chunk (replacing the graph), POST the rest; the default graph is only added to."""
        target = _with_graph_parameter(url, graph)
        for number, start in enumerate(range(0, max(len(lines), 1), chunk)):
            body = b"\n".join(lines[start:start + chunk]) + b"\n"
            method = "PUT" if number == 0 and graph is not None else "POST"
            try:
                self.send(method, target, body, "application/n-triples", graph)
            except _HttpFailure as failure:
                if may_fall_back and number == 0 and failure.status in NO_GRAPH_STORE:
                    raise _NoGraphStore from None
                raise failure.error from None

    def update_graph(self, url: str, graph: str | None, lines: list[bytes], chunk: int) -> None:
        """DROP SILENT GRAPH then INSERT DATA in chunks (the default graph is only added to)."""
        for number, start in enumerate(range(0, max(len(lines), 1), chunk)):
            body = b"\n".join(lines[start:start + chunk]).decode("utf-8")
            if graph is None:
                operation = f"INSERT DATA {{\n{body}\n}}"
            else:
                operation = f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"
                if number == 0:
                    operation = f"DROP SILENT GRAPH <{graph}> ;\n{operation}"
            try:
                self.send("POST", url, operation.encode("utf-8"), "application/sparql-update", graph)
            except _HttpFailure as failure:
                raise failure.error from None

    def drop_graph(self, url: str, graph: str, *, by_graph_store: bool) -> None:
        """Delete one graph from the server (a graph already gone is fine)."""
        try:
            if by_graph_store:
                self.send("DELETE", _with_graph_parameter(url, graph), None, "application/n-triples", graph)
            else:
                self.send("POST", url, f"DROP SILENT GRAPH <{graph}>".encode(), "application/sparql-update",
                          graph)
        except _HttpFailure as failure:
            if failure.status != 404:
                raise failure.error from None

    def send(self, method: str, url: str, body: bytes | None, content_type: str, graph: str | None) -> None:
        """One request, retried while the failure is transient."""
        def attempt() -> None:
            request = urllib.request.Request(url, data=body, method=method,
                                             headers={"Content-Type": f"{content_type}; charset=utf-8"})
            try:
                with self.opener.open(request, timeout=self.target.timeout) as response:
                    response.read()
            except urllib.error.HTTPError as error:
                if error.code in TRANSIENT_STATUS:
                    raise TransientFailure(error) from None
                raise _HttpFailure(error.code, self._failure(error, url, graph)) from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
                failure = connection_failure(error, _base(url))
                if isinstance(failure, TransientFailure):
                    raise failure from None
                raise _HttpFailure(None, failure) from None

        try:
            with_retries(attempt, self.retry_delays, self.sleep)
        except EndpointError as error:  # retries exhausted: say which graph
            raise EndpointError(f"{error} while writing {describe_graph(graph)}", source=_base(url)) from None

    def _failure(self, error: urllib.error.HTTPError, url: str, graph: str | None) -> EndpointError:
        if error.code in (401, 403):
            return EndpointError(credentials_message(error.code, self.target.user), source=_base(url))
        return EndpointError(f"refused {describe_graph(graph)} with HTTP {error.code}: {body_text(error)}",
                             source=_base(url))


class _OriginPasswords(urllib.request.HTTPPasswordMgrWithPriorAuth):
    """Prior-auth kept per server rather than per path: a success on /store lets /update go pre-authorised."""

    def update_authenticated(self, uri: str, is_authenticated: bool = False) -> None:  # type: ignore[override]
        parts = urllib.parse.urlsplit(uri)
        super().update_authenticated(f"{parts.scheme}://{parts.netloc}/", is_authenticated)


class _PreemptiveDigestHandler(urllib.request.HTTPDigestAuthHandler):
    """Digest auth answering the server's last challenge up front (next nonce count), like Basic prior-auth.

    urllib's handler waits to be refused every time; Virtuoso's Graph Store wants Digest, and each refusal
    would cost a whole chunk's upload. A stale nonce is simply refused and answered the usual way.
    """

    def __init__(self, passwords: urllib.request.HTTPPasswordMgr) -> None:
        super().__init__(passwords)
        self._challenge: dict[str, str] | None = None

    def http_request(self, request: urllib.request.Request) -> urllib.request.Request:
        if self._challenge is not None and not request.has_header("Authorization"):
            answer = self.get_authorization(request, self._challenge)
            if answer:
                request.add_unredirected_header("Authorization", f"Digest {answer}")
        return request

    https_request = http_request

    def retry_http_digest_auth(self, req: urllib.request.Request, auth: str):  # type: ignore[no-untyped-def]
        _, challenge = auth.split(" ", 1)
        fields = filter(None, urllib.request.parse_http_list(challenge))
        self._challenge = urllib.request.parse_keqv_list(fields)
        return super().retry_http_digest_auth(req, auth)


class _HttpFailure(Exception):
    """A permanent failure of one request, with its status so the caller may fall back to Update."""

    def __init__(self, status: int | None, error: EndpointError) -> None:
        super().__init__(str(error))
        self.status = status
        self.error = error


def describe_graph(graph: str | None) -> str:
    """How a user recognises a graph in a message: the article id for article graphs."""
    if graph is None:
        return "the default graph"
    if graph.startswith(ARTICLE_GRAPH_PREFIX):
        return f"article {graph[len(ARTICLE_GRAPH_PREFIX):]!r} (graph <{graph}>)"
    return f"graph <{graph}>"


def _with_graph_parameter(url: str, graph: str | None) -> str:
    parameter = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    return f"{url}{'&' if '?' in url else '?'}{parameter}"


def _base(url: str) -> str:
    """A request URL without its query string (the graph parameter), for messages."""
    return url.split("?", 1)[0]

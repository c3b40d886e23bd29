"""`kg serve`: the embedded store as a read-only SPARQL 1.1 Protocol endpoint on localhost, with a query page.

So that any SPARQL tool (and `kg query --endpoint`) can read a local graph without installing a server:
GET or POST a query at /sparql, results come back as JSON, CSV, TSV or XML as the Accept header (or a
`format` parameter) asks; CONSTRUCT/DESCRIBE answer in Turtle, N-Triples or RDF/XML. / is a page that
works offline (no CDN: plain HTML and JavaScript shipped in kg/static/) listing the canned queries.
Updates are refused: the store is opened read-only, and `kg build` writes it.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from xml.etree import ElementTree

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg import queries
from kg.errors import KgError, QueryError
from kg.store.base import SelectResult
from kg.store.embedded import EmbeddedStore

MAX_BODY = 1_000_000
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
FORMAT_NAMES = {"json": "application/sparql-results+json", "csv": "text/csv",
                "tsv": "text/tab-separated-values", "xml": "application/sparql-results+xml",
                "turtle": "text/turtle", "nt": "application/n-triples", "rdfxml": "application/rdf+xml"}
_PROLOGUE = re.compile(r"^\s*(?:(?:#[^\n]*\n)|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>)|\s+)*",
                       re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    """One HTTP response: status, content type and body."""

    status: int
    content_type: str
    body: bytes


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue (QueryError otherwise)."""
    rest = sparql[_PROLOGUE.match(sparql).end():]  # type: ignore[union-attr]
    if form := _FORM.match(rest):
        return form.group(1).upper()
    if _UPDATE.match(rest):
        raise QueryError("this endpoint is read-only: updates are refused (`kg build` writes the store)")
    raise QueryError("expected a SELECT, ASK, CONSTRUCT or DESCRIBE query")


def negotiate(accept: str, offered: dict[str, str], default: str) -> str | None:
    """The offered media type the Accept header prefers (q-values honoured), `default` for */*."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        media = media.lower()
        if quality <= 0:
            continue
        if media in offered:
            choices.append((-quality, position, media))
        elif media in ("*/*", "application/*", "text/*", ""):
            choices.append((-quality, position, default))
    return min(choices)[2] if choices else None


class SparqlService:
    """Answers SPARQL Protocol requests from a store; kept apart from HTTP so it is easy to test."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store

    def answer(self, sparql: str, accept: str = "*/*", format_name: str | None = None) -> Answer:
        """Run a query and serialise its result as the client asked."""
        try:
            form = query_form(sparql)
        except QueryError as error:
            status = HTTPStatus.FORBIDDEN if "read-only" in str(error) else HTTPStatus.BAD_REQUEST
            return _text(status, str(error))
        if format_name:
            if format_name not in FORMAT_NAMES:
                return _text(HTTPStatus.BAD_REQUEST, f"unknown format {format_name!r}; use one of "
                                                     f"{', '.join(FORMAT_NAMES)}")
            accept = FORMAT_NAMES[format_name]
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        offered = GRAPH_TYPES if graph_form else RESULT_TYPES
        media = negotiate(accept or "*/*", offered,
                          "text/turtle" if graph_form else "application/sparql-results+json")
        if media is None:
            return _text(HTTPStatus.NOT_ACCEPTABLE, f"this endpoint answers {form} with {', '.join(offered)}")
        try:
            if graph_form:
                graph = self.store.construct(sparql)
                text = graph.serialize(format=GRAPH_TYPES[media])
                return Answer(HTTPStatus.OK, f"{media}; charset=utf-8", _bytes(text))
            if form == "ASK":
                return _boolean(self.store.ask(sparql), RESULT_TYPES[media])
            return _rows(self.store.select(sparql), RESULT_TYPES[media], media)
        except QueryError as error:
            return _text(HTTPStatus.BAD_REQUEST, str(error))
        except KgError as error:
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, str(error))

    def catalog(self) -> Answer:
        """The canned queries for the page's list: name, title, description and SPARQL text."""
        listing = [{"name": q.name, "title": q.title, "description": q.description, "sparql": q.sparql}
                   for q in queries.catalog().values()]
        return Answer(HTTPStatus.OK, "application/json", json.dumps(listing, ensure_ascii=False).encode())


def page() -> bytes:
    """The offline query page (kg/static/query.html)."""
    return resources.files("kg").joinpath("static/query.html").read_bytes()


def make_server(store: EmbeddedStore, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server bound to host:port (0 picks a free port: see `server.server_address`)."""
    service = SparqlService(store)
    handler = type("KgSparqlHandler", (_Handler,), {"service": service})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve(store: EmbeddedStore, host: str, port: int, ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted; `ready` receives the base URL once the socket listens."""
    server = make_server(store, host, port)
    bound_host, bound_port = server.server_address[:2]
    if ready:
        ready(f"http://{bound_host}:{bound_port}/")
    try:
        server.serve_forever()
    finally:
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    service: SparqlService
    server_version = "kg-serve"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(Answer(HTTPStatus.OK, "text/html; charset=utf-8", page()))
        elif url.path == "/queries":
            self._send(self.service.catalog())
        elif url.path == "/sparql":
            params = urllib.parse.parse_qs(url.query)
            self._query(params)
        else:
            self._send(_text(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql, the page is /"))

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            self._send(_text(HTTPStatus.NOT_FOUND, "not found: POST queries to /sparql"))
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"queries are limited to {MAX_BODY} bytes"))
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query)
        if kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/sparql-update":
            params["update"] = [body]
        else:
            params.update(urllib.parse.parse_qs(body))
        self._query(params)

    def _query(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._send(_text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused"))
            return
        if len(params.get("query", [])) != 1:
            self._send(_text(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter"))
            return
        fmt = params.get("format", [None])[0]
        self._send(self.service.answer(params["query"][0], self.headers.get("Accept") or "*/*", fmt))

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        """Quiet: requests are not news on a local endpoint."""


def _rows(result: SelectResult, kind: str, media: str) -> Answer:
    if kind == "json":
        text = queries.to_json(result)
    elif kind == "csv":
        text = queries.to_csv(result)
    elif kind == "tsv":
        lines = ["\t".join(f"?{name}" for name in result.variables)]
        lines += ["\t".join(row[name].n3() if name in row else "" for name in result.variables)
                  for row in result.rows]
        text = "\n".join(lines) + "\n"
    else:
        text = _xml_rows(result)
    return Answer(HTTPStatus.OK, f"{media}; charset=utf-8", _bytes(text))


def _boolean(value: bool, kind: str) -> Answer:
    if kind == "xml":
        root = ElementTree.Element("sparql", xmlns="http://www.w3.org/2005/sparql-results#")
        ElementTree.SubElement(root, "head")
        ElementTree.SubElement(root, "boolean").text = "true" if value else "false"
        return Answer(HTTPStatus.OK, "application/sparql-results+xml; charset=utf-8",
                      ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))
    # CSV/TSV have no boolean form: JSON is the answer every client reads
    return Answer(HTTPStatus.OK, "application/sparql-results+json",
                  json.dumps({"head": {}, "boolean": value}).encode())


def _xml_rows(result: SelectResult) -> str:
    root = ElementTree.Element("sparql", xmlns="http://www.w3.org/2005/sparql-results#")
    head = ElementTree.SubElement(root, "head")
    for name in result.variables:
        ElementTree.SubElement(head, "variable", name=name)
    results = ElementTree.SubElement(root, "results")
    for row in result.rows:
        element = ElementTree.SubElement(results, "result")
        for name, term in row.items():
            binding = ElementTree.SubElement(element, "binding", name=name)
            if isinstance(term, URIRef):
                ElementTree.SubElement(binding, "uri").text = str(term)
            elif isinstance(term, BNode):
                ElementTree.SubElement(binding, "bnode").text = str(term)
            elif isinstance(term, Literal):
                attributes = {}
                if term.language:
                    attributes["xml:lang"] = term.language
                elif term.datatype is not None and term.datatype != XSD.string:
                    attributes["datatype"] = str(term.datatype)
                ElementTree.SubElement(binding, "literal", attributes).text = str(term)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def _bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")

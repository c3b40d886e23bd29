"""Real SPARQL servers for the remote tests: an Oxigraph server, Virtuoso, and a scripted stub.

Each server listens on 127.0.0.1 on a free port, is waited for by polling its port in a bounded loop
(no fixed sleeps), and is stopped by its PID.
"""

from __future__ import annotations

import ctypes
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rdflib.term import Node

from kg.paths import QUERIES_DIR
from kg.store.base import SelectResult, Store

PR_SET_PDEATHSIG = 1  # linux/prctl.h
# Looked up here, not between fork and exec, where loading a library could deadlock on another thread's lock.
_prctl = ctypes.CDLL(None).prctl if sys.platform.startswith("linux") else None
VIRTUOSO_USER = ("dba", "dba")  # the dba account of a new Virtuoso database
VIRTUOSO_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "virtuoso.sh"
QUADS = ('SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } '
         'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kgid/graph/")) }')


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port: int, process: subprocess.Popen, log: Path, limit_s: float = 60) -> None:
    """Poll the port until it accepts a connection; fail with the server's log if it dies or never does."""
    for _ in range(int(limit_s * 10)):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            pass
        try:
            process.wait(timeout=0.1)  # returns at once if the server died
        except subprocess.TimeoutExpired:
            continue
        raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text(errors='replace')}")
    raise RuntimeError(f"the server did not listen on port {port} within {limit_s}s")


def die_with_parent() -> None:
    """In the child before exec: ask Linux to TERM it when the test process dies, even by kill -9.

    Without this a pytest killed mid-session (a CI timeout) would leave its servers running.
    """
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_server(command: list[str], log: Path) -> subprocess.Popen:
    """Start a server process whose output goes to `log` and that dies with this process."""
    with log.open("wb") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, preexec_fn=die_with_parent)


def stop(process: subprocess.Popen) -> None:
    """Stop a server we started, by its PID: TERM, then KILL if it lingers."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


def oxigraph_binary() -> str | None:
    """The `oxigraph` CLI of this venv (the `oxigraph` package on PyPI), or one on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@dataclass
class OxigraphServer:
    """`oxigraph serve` with the union default graph, in a folder of its own."""

    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def start(self) -> OxigraphServer:
        binary = oxigraph_binary()
        assert binary, "oxigraph is not installed"
        log = self.folder / "oxigraph.log"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = start_server([binary, "serve", "--location", str(self.folder / "data"),
                                     "--bind", f"127.0.0.1:{self.port}", "--union-default-graph"], log)
        try:
            wait_until_listening(self.port, self.process, log)
        except RuntimeError:
            stop(self.process)
            raise
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None


@dataclass
class VirtuosoServer:
    """A throw-away Virtuoso (`scripts/virtuoso.sh run`: fresh database, dba/dba, anonymous read-only)."""

    folder: Path
    http_port: int = field(default_factory=free_port)
    sql_port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def start(self) -> VirtuosoServer:
        log = self.folder / "run.log"
        self.process = start_server(["bash", str(VIRTUOSO_SCRIPT), "run", str(self.folder),
                                     str(self.http_port), str(self.sql_port)], log)
        try:
            wait_until_listening(self.http_port, self.process, log, limit_s=120)
            self._wait_for_sparql(log)
        except RuntimeError:
            self.stop()
            raise
        return self

    def _wait_for_sparql(self, log: Path) -> None:
        """The HTTP port opens a little before /sparql answers: poll it (bounded) until it does."""
        url = self.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        for _ in range(600):
            try:
                with urllib.request.urlopen(url, timeout=1) as response:
                    if response.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            assert self.process is not None
            try:
                self.process.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"virtuoso-t exited:\n{log.read_text(errors='replace')}")
        raise RuntimeError(f"{self.query_url} did not answer within a minute")

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None


def virtuoso_missing() -> str | None:
    """Why the Virtuoso tests cannot run here, or None when they can."""
    if not shutil.which("virtuoso-t"):
        return "virtuoso-t is not installed (Debian: scripts/virtuoso.sh install)"
    return None


# -- comparing answers ------------------------------------------------------------------------------
_GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\((?P<body>(?:[^()]|\([^()]*\))*)\)\s*AS\s+\?(?P<name>\w+)", re.IGNORECASE
)
_SEPARATOR = re.compile(r"separator\s*=\s*(['\"])(?P<sep>.*?)\1", re.IGNORECASE)


def unordered_columns(sparql: str) -> dict[str, str]:
    """Variables bound by GROUP_CONCAT, with their separator: SPARQL leaves the order of the parts open."""
    columns = {}
    for match in _GROUP_CONCAT.finditer(sparql):
        separator = _SEPARATOR.search(match.group("body"))
        columns[match.group("name")] = separator.group("sep") if separator else " "
    return columns


def row_bag(result: SelectResult, sparql: str) -> Counter:
    """The rows as a multiset of tuples of rdflib terms; GROUP_CONCAT cells as sorted tuples of parts.

    SPARQL leaves the order of GROUP_CONCAT's parts open, and servers differ on an empty group (Virtuoso
    gives "", Oxigraph leaves the variable unbound), so those cells compare as their sets of parts.
    """
    unordered = unordered_columns(sparql)

    def cell(name: str, term: Node | None) -> object:
        if name in unordered:  # an empty group: "" on Virtuoso, unbound on Oxigraph; no parts either way
            return tuple(sorted(part for part in str(term or "").split(unordered[name]) if part))
        return term

    return Counter(tuple(cell(name, row.get(name)) for name in result.variables) for row in result)


def quads(store: Store) -> set[tuple[Node, ...]]:
    """Every (graph, s, p, o) of kg's named graphs in a store."""
    return {(row["g"], row["s"], row["p"], row["o"]) for row in store.select(QUADS)}


# -- a scripted stand-in for a misbehaving endpoint -------------------------------------------------
@dataclass
class StubEndpoint:
    """An HTTP server on 127.0.0.1 answering from a script of (status, headers, body), then the last one."""

    script: list[tuple[int, dict[str, str], bytes]]
    requests: list[tuple[str, str, str | None]] = field(default_factory=list)  # method, path, Authorization
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> StubEndpoint:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                stub.requests.append((self.command, self.path, self.headers.get("Authorization")))
                index = min(len(stub.requests), len(stub.script)) - 1
                status, headers, body = stub.script[index]
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = _answer  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()


def canned_query_names() -> list[str]:
    """The canned queries' names, from the file names (cheap enough for collection)."""
    return sorted(path.stem for path in QUERIES_DIR.glob("*.rq"))

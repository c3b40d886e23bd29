"""A throw-away Oxigraph server for the benchmark, and a minimal SPARQL client that reads its answers.

The server is started on 127.0.0.1 on a free port with the default graph as the union of all graphs (as
kg's canned queries expect) and stopped by its PID. The client turns SPARQL JSON results into the same
`SelectResult` the embedded store returns, so `kg.queries.run` runs unchanged against either; the time
it measures is what a user sees: the HTTP round trip, the server's evaluation and the JSON decoding.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.store.base import SelectResult

JSON_RESULTS = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _term(cell: dict[str, str]) -> Node:
    kind = cell["type"]
    if kind == "uri":
        return URIRef(cell["value"])
    if kind == "bnode":
        return BNode(cell["value"])
    datatype = cell.get("datatype")
    return Literal(cell["value"], lang=cell.get("xml:lang"), datatype=URIRef(datatype) if datatype else None)


class HttpSparqlStore:
    """`select()` over the SPARQL 1.1 protocol (POST, JSON results)."""

    def __init__(self, endpoint: str, timeout: float = 600) -> None:
        self.endpoint = endpoint
        self.timeout = timeout

    def select(self, sparql: str) -> SelectResult:
        body = urllib.parse.urlencode({"query": sparql}).encode()
        request = urllib.request.Request(
            self.endpoint,
            data=body,
            headers={"Accept": JSON_RESULTS, "Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            try:
                data = json.load(response)
            except json.JSONDecodeError as error:  # Oxigraph cuts a streamed answer at its --timeout-s
                raise TimeoutError(f"the server cut its answer off (timed out?): {error}") from error
        variables = tuple(data["head"]["vars"])
        rows = tuple({k: _term(v) for k, v in binding.items()} for binding in data["results"]["bindings"])
        return SelectResult(variables=variables, rows=rows)

    def ask(self, sparql: str) -> bool:
        raise NotImplementedError("the benchmark only runs SELECT queries")


class OxigraphServer:
    """`oxigraph serve` on a free loopback port, as a context manager that stops it by PID."""

    def __init__(self, binary: Path, location: Path, query_timeout_s: int = 600) -> None:
        self.port = free_port()
        self.command = [
            str(binary),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--union-default-graph",
            "--timeout-s",
            str(query_timeout_s),
        ]
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def __enter__(self) -> OxigraphServer:
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {self.process.stderr.read().decode()[-500:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph serve did not start listening within 60 s")

    def peak_rss_mb(self) -> float | None:
        """The server's peak resident memory so far (VmHWM), read while it still runs."""
        if self.process is None:
            return None
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
        except OSError:
            return None
        return None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __exit__(self, *exc: object) -> None:
        self.stop()

"""The canned questions give the same rows from a live Oxigraph server as from the embedded store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kg import queries
from kg.cli import main

pytestmark = pytest.mark.server

WORLD = Path(__file__).parent / "fixtures" / "world.trig"
REQUIRED = {"a": "diskominfo:64", "b": "35", "agency": "diskominfo:64", "fact": "kgi:visit/v1"}


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("the `oxigraph` server (PyPI package oxigraph, a dev dependency) is not installed")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """An Oxigraph server on 127.0.0.1 holding the world, with the union default graph kg queries assume."""
    binary = _oxigraph()
    location = tmp_path_factory.mktemp("oxigraph")
    subprocess.run([binary, "load", "--location", str(location), "--file", str(WORLD)], check=True,
                   capture_output=True, timeout=60)
    port = _free_port()
    server = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_listening(server, port)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_until_listening(server: subprocess.Popen, port: int, attempts: int = 400) -> None:
    """Connect until the server accepts; between tries, wait on the process so a crash shows at once."""
    for _ in range(attempts):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            try:
                server.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            pytest.fail(f"oxigraph serve exited: {server.stderr.read().decode(errors='replace')}")
    pytest.fail(f"oxigraph serve did not listen on port {port}")


LISTS = {"topics", "articleIds"}  # GROUP_CONCAT gives its items in no fixed order


def _rows(result):
    def value(name, term):
        return " ".join(sorted(str(term).split())) if name in LISTS else str(term)

    return sorted(tuple(sorted((k, value(k, v)) for k, v in row.items())) for row in result)


def test_every_canned_query_gives_the_same_rows_on_the_server(endpoint, world):
    from kg.store.remote import RemoteStore

    remote = RemoteStore(endpoint)
    for name, query in queries.catalog().items():
        params = {p.name: REQUIRED[p.name] for p in query.parameters if p.required}
        ours, theirs = queries.run(world, name, params), queries.run(remote, name, params)
        assert theirs.variables == ours.variables, name
        assert _rows(theirs) == _rows(ours), name


def test_kg_query_endpoint_option(endpoint, world_store, capsys):
    assert main(["query", "top-hosts", "--endpoint", endpoint, "-f", "csv"]) == 0
    from_server = capsys.readouterr().out
    assert main(["query", "top-hosts", "--store", str(world_store), "-f", "csv"]) == 0
    assert from_server == capsys.readouterr().out
    assert "diskominfo/35" in from_server

"""Fixtures of the remote tests: the sample store, real Oxigraph and Virtuoso servers holding it.

The servers are session-scoped (started once, stopped by PID at the end); tests that change what a
server holds get a fresh Oxigraph of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from remote_servers import VIRTUOSO_USER, OxigraphServer, VirtuosoServer, oxigraph_binary, virtuoso_missing

from kg import queries
from kg.ingest import ingest
from kg.paths import SAMPLES_DIR
from kg.store.base import SelectResult
from kg.store.embedded import EmbeddedStore, open_store
from kg.store.push import PushTarget, push_store
from kg.store.remote import RemoteStore


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store built from data/samples by the real pipeline (the folder; open it read-only to use it)."""
    folder = tmp_path_factory.mktemp("remote") / "store"
    with open_store(folder, create=True) as store:
        summary = ingest([SAMPLES_DIR], store)
    assert summary.counts.articles > 0, summary.problems
    return folder


@pytest.fixture(scope="session")
def local_store(sample_store) -> Iterator[EmbeddedStore]:
    """The sample store, open read-only for the whole session (other read-only opens may join)."""
    with open_store(sample_store, readonly=True) as store:
        yield store


@pytest.fixture(scope="session")
def canned_params(local_store) -> dict[str, dict[str, str]]:
    """Values for the canned queries' required parameters, taken from the sample graph itself."""
    row = local_store.select(
        "SELECT ?visit ?visitor ?host WHERE { ?visit a <https://w3id.org/kgid/ontology#Visit> ; "
        "<https://w3id.org/kgid/ontology#visitor> ?visitor ; <https://w3id.org/kgid/ontology#host> ?host } "
        "ORDER BY ?visit ?visitor LIMIT 1"
    ).rows[0]
    return {
        "agency-timeline": {"agency": str(row["host"])},
        "provenance": {"fact": str(row["visit"])},
        "visits-between": {"a": str(row["visitor"]), "b": str(row["host"])},
    }


@pytest.fixture(scope="session")
def canned(local_store, canned_params) -> Callable[[str], tuple[str, dict[str, str], SelectResult]]:
    """name → (bound SPARQL, parameters, the embedded store's answer), each computed once per session."""
    answers: dict[str, tuple[str, dict[str, str], SelectResult]] = {}

    def answer(name: str) -> tuple[str, dict[str, str], SelectResult]:
        if name not in answers:
            params = canned_params.get(name, {})
            answers[name] = (queries.bind(queries.find(name), params), params,
                             queries.run(local_store, name, params))
        return answers[name]

    return answer


def _oxigraph(folder: Path) -> OxigraphServer:
    if oxigraph_binary() is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph, in the dev extras)")
    return OxigraphServer(folder).start()


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory) -> Iterator[OxigraphServer]:
    """An `oxigraph serve --union-default-graph` on a free port, for the whole session."""
    server = _oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture
def fresh_oxigraph(tmp_path) -> Iterator[OxigraphServer]:
    """An empty Oxigraph server for one test that changes what the server holds."""
    server = _oxigraph(tmp_path / "oxigraph")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pushed_oxigraph(oxigraph, local_store) -> RemoteStore:
    """The session Oxigraph holding the sample store, read through `RemoteStore`."""
    push_store(local_store, PushTarget(endpoint=oxigraph.query_url))
    return RemoteStore(oxigraph.query_url)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Iterator[VirtuosoServer]:
    """A fresh Virtuoso (scripts/virtuoso.sh) on free ports, where it is installed."""
    reason = virtuoso_missing()
    if reason:
        pytest.skip(reason)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pushed_virtuoso(virtuoso, local_store) -> RemoteStore:
    """Virtuoso holding the sample store (pushed as dba), read anonymously through `RemoteStore`."""
    user, password = VIRTUOSO_USER
    push_store(local_store, PushTarget(endpoint=virtuoso.query_url, user=user, password=password))
    return RemoteStore(virtuoso.query_url)

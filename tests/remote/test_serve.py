"""`kg serve`: the embedded store as a SPARQL endpoint on localhost, and its offline query page."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from xml.etree import ElementTree

import pytest
from remote_servers import canned_query_names, row_bag, stop

from kg import queries
from kg.serve import make_server, negotiate, query_form
from kg.store.remote import RemoteStore

pytestmark = pytest.mark.server

AGENCIES = ("SELECT ?a ?label WHERE { ?a a <https://w3id.org/kgid/ontology#Agency> ; "
            "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?a")


@pytest.fixture(scope="module")
def served(local_store) -> Iterator[str]:
    """The sample store served in-process on a free port; yields the base URL."""
    server = make_server(local_store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode("utf-8")


@pytest.mark.parametrize("name", canned_query_names())
def test_every_canned_query_gives_the_same_rows_through_kg_serve(name, served, canned):
    sparql, params, local = canned(name)
    remote = queries.run(RemoteStore(served + "sparql"), name, params)
    assert remote.variables == local.variables
    assert row_bag(remote, sparql) == row_bag(local, sparql)


def test_results_come_in_the_format_the_client_accepts(served, local_store):
    expected = [str(row["a"]) for row in local_store.select(AGENCIES)]
    url = served + "sparql?" + urllib.parse.urlencode({"query": AGENCIES})
    status, kind, text = fetch(url, headers={"Accept": "text/csv"})
    assert (status, kind.split(";")[0]) == (200, "text/csv")
    assert [row["a"] for row in csv.DictReader(io.StringIO(text))] == expected
    status, kind, text = fetch(url, headers={"Accept": "application/sparql-results+xml"})
    assert kind.startswith("application/sparql-results+xml")
    space = "{http://www.w3.org/2005/sparql-results#}"
    uris = [b.find(f"{space}uri").text for b in ElementTree.fromstring(text).iter(f"{space}binding")
            if b.get("name") == "a"]
    assert uris == expected
    status, kind, text = fetch(url, headers={"Accept": "text/tab-separated-values"})
    assert text.splitlines()[0] == "?a\t?label"
    assert [line.split("\t")[0] for line in text.splitlines()[1:]] == [f"<{iri}>" for iri in expected]
    status, kind, text = fetch(served + "sparql", data=AGENCIES.encode(),
                               headers={"Content-Type": "application/sparql-query"})
    assert [b["a"]["value"] for b in json.loads(text)["results"]["bindings"]] == expected


def test_construct_answers_in_turtle(served, local_store):
    query = ("CONSTRUCT { ?a <urn:kg:name> ?l } "
             "WHERE { ?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")
    status, kind, text = fetch(served + "sparql?" + urllib.parse.urlencode({"query": query}))
    assert (status, kind.split(";")[0]) == (200, "text/turtle")
    graph = RemoteStore(served + "sparql").construct(query)
    assert len(graph) > 0 and set(graph) == set(local_store.construct(query))


def test_updates_and_broken_queries_are_refused_with_a_reason(served, local_store):
    before = len(local_store.select(AGENCIES))
    status, _, text = fetch(served + "sparql", data=urllib.parse.urlencode({"update": "DROP ALL"}).encode())
    assert status == 403 and "read-only" in text
    status, _, text = fetch(served + "sparql", data=b"DROP ALL",
                            headers={"Content-Type": "application/sparql-query"})
    assert status == 403 and "read-only" in text
    status, _, text = fetch(served + "sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE {"}))
    assert status == 400 and "parse" in text
    assert len(local_store.select(AGENCIES)) == before


def test_query_form_and_content_negotiation():
    assert query_form("# c\nPREFIX a: <urn:a#>\nBASE <urn:b>\n  select * {}") == "SELECT"
    assert query_form("PREFIX x: <urn:x>\nASK {}") == "ASK"
    offered = {"text/csv": "csv", "application/sparql-results+json": "json"}
    assert negotiate("text/csv;q=0.5, application/sparql-results+json", offered, "x") == \
        "application/sparql-results+json"
    assert negotiate("text/html, */*;q=0.1", offered, "application/sparql-results+json") == \
        "application/sparql-results+json"
    assert negotiate("image/png", offered, "x") is None


def test_the_query_page_works_offline(served):
    status, kind, page = fetch(served)
    assert status == 200 and kind.startswith("text/html")
    assert "<script>" in page and "fetch(\"sparql\"" in page
    linked = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)["']""", page, flags=re.IGNORECASE)
    assert not [url for url in linked if re.match(r"(?:https?:)?//", url)]
    assert not re.search(r"""@import|url\(\s*["']?(?:https?:)?//""", page)
    status, _, listing = fetch(served + "queries")
    names = [entry["name"] for entry in json.loads(listing)]
    assert sorted(names) == canned_query_names()


def test_kg_serve_command_answers_queries_until_stopped(sample_store, local_store):
    command = [sys.executable, "-c", "from kg.cli import run; run()", "serve", "--store", str(sample_store),
               "--port", "0"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stderr.readline()  # printed once the socket listens; EOF if the command failed
        match = re.search(r"http://127\.0\.0\.1:\d+/", banner)
        assert match, banner + process.stderr.read()
        result = RemoteStore(match.group(0) + "sparql").select(AGENCIES)
        assert len(result) > 0
        assert row_bag(result, AGENCIES) == row_bag(local_store.select(AGENCIES), AGENCIES)
    finally:
        stop(process)
        process.stderr.close()


def test_kg_serve_on_a_busy_port_is_one_clear_message(sample_store, served, capsys):
    from kg.cli import main

    port = urllib.parse.urlsplit(served).port
    assert main(["serve", "--store", str(sample_store), "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err

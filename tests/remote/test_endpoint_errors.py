"""Endpoints that are down, broken or locked: one clear message, exit 2, retries only where they help."""

from __future__ import annotations

import pytest
from remote_servers import StubEndpoint, free_port

from kg.cli import main
from kg.errors import EndpointError, InputError, QueryError
from kg.store.push import PushTarget, guess_graph_store, guess_update, push_store
from kg.store.remote import RemoteStore

pytestmark = pytest.mark.server

NO_WAIT: tuple[float, ...] = (0.0, 0.0, 0.0)
OK_JSON = (200, {"Content-Type": "application/sparql-results+json"},
           b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "1"}}]}}')
BASIC_CHALLENGE = {"WWW-Authenticate": 'Basic realm="kg-test"'}


class GraphSource:
    """Two small graphs, as `EmbeddedStore.iter_article_graphs` yields them."""

    def iter_article_graphs(self):
        yield "https://w3id.org/kgid/graph/entities", b"<urn:a> <urn:p> <urn:b> .\n"
        yield ("https://w3id.org/kgid/graph/article/s01_test",
               b'<urn:v> <urn:p> "x" .\n<urn:v> <urn:q> "y" .\n')


def test_an_endpoint_that_is_down_is_named_and_exits_2(sample_store, capsys):
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(EndpointError, match="connection refused"):
        RemoteStore(url).select("SELECT * WHERE { ?s ?p ?o }")
    assert main(["query", "visits", "--endpoint", url]) == 2
    assert main(["push", "--store", str(sample_store), "--endpoint", url]) == 2
    err = capsys.readouterr().err
    assert err.count("connection refused") == 2 and "Traceback" not in err


def test_a_server_error_names_the_article_and_what_the_server_said(capsys, sample_store):
    script = [(204, {}, b""), (500, {}, b"Disk quota exceeded on volume 3")]
    with StubEndpoint(script) as stub:
        with pytest.raises(EndpointError) as caught:
            push_store(GraphSource(), PushTarget(endpoint=stub.url + "/query"), retry_delays=NO_WAIT)
        message = str(caught.value)
        assert "article 's01_test'" in message and "HTTP 500" in message and "Disk quota exceeded" in message
        assert [method for method, _, _ in stub.requests] == ["PUT", "PUT"]  # a 500 is not retried
    with StubEndpoint([(500, {}, b"out of memory")]) as stub:
        assert main(["query", "visits", "--endpoint", stub.url + "/query"]) == 2
        assert main(["push", "--store", str(sample_store), "--endpoint", stub.url + "/query"]) == 2
    err = capsys.readouterr().err
    assert err.count("out of memory") == 2 and "Traceback" not in err


def test_transient_failures_are_retried_then_the_push_goes_on():
    script = [(503, {}, b"busy"), (502, {}, b"proxy"), (201, {}, b""), (204, {}, b"")]
    waits = []
    with StubEndpoint(script) as stub:
        summary = push_store(GraphSource(), PushTarget(endpoint=stub.url + "/query"),
                             retry_delays=(0.5, 1.0, 2.0), sleep=waits.append)
        assert [method for method, _, _ in stub.requests] == ["PUT", "PUT", "PUT", "PUT"]
    assert waits == [0.5, 1.0]
    assert (summary.graphs, summary.triples, summary.protocol) == (2, 3, "graph-store")


def test_a_failure_that_stays_transient_gives_up_after_the_last_retry():
    with StubEndpoint([(503, {}, b"maintenance")]) as stub:
        with pytest.raises(EndpointError, match=r"still failing after 4 attempts.*503.*graph <https://w3id"):
            push_store(GraphSource(), PushTarget(endpoint=stub.url + "/query"), retry_delays=NO_WAIT)
        assert len(stub.requests) == 4
    with StubEndpoint([(504, {}, b""), OK_JSON]) as stub:
        assert len(RemoteStore(stub.url + "/query", retry_delays=NO_WAIT).select("SELECT ?n {}")) == 1


def test_wrong_or_missing_credentials_are_a_clear_message(capsys, sample_store):
    refused = (401, BASIC_CHALLENGE, b"Unauthorized")
    with StubEndpoint([refused]) as stub:
        with pytest.raises(EndpointError, match="refused the credentials of user 'kg'"):
            RemoteStore(stub.url + "/query", user="kg", password="wrong").select("SELECT ?n {}")
        with pytest.raises(EndpointError, match="wants credentials"):
            push_store(GraphSource(), PushTarget(endpoint=stub.url + "/query"), retry_delays=NO_WAIT)
        assert main(["push", "--store", str(sample_store), "--endpoint", stub.url + "/query",
                     "--user", "kg", "--password", "wrong"]) == 2
    with StubEndpoint([(403, {}, b"Forbidden")]) as stub:
        assert main(["query", "visits", "--endpoint", stub.url + "/query", "--user", "kg",
                     "--password", "x"]) == 2
    err = capsys.readouterr().err
    assert "refused the credentials of user 'kg'" in err and "not allowed" in err and "Traceback" not in err


def test_credentials_are_sent_when_the_server_asks():
    with StubEndpoint([(401, BASIC_CHALLENGE, b""), (204, {}, b"")]) as stub:
        push_store(GraphSource(), PushTarget(endpoint=stub.url + "/query", user="kg", password="pw"),
                   retry_delays=NO_WAIT)
        first, retried, second = stub.requests  # challenged once, then sent with the credentials
    assert first[2] is None and retried[2] == second[2] == "Basic a2c6cHc="  # base64 of kg:pw


def test_a_query_the_server_cannot_parse_is_a_query_error():
    with (StubEndpoint([(400, {}, b"Parse error: unexpected token at line 3")]) as stub,
          pytest.raises(QueryError, match="unexpected token at line 3")):
        RemoteStore(stub.url + "/query").select("SELECT ?x WHERE { ?x }")


def test_a_url_that_is_not_http_is_refused_before_any_request(capsys):
    with pytest.raises(InputError, match="http"):
        RemoteStore("ftp://example.org/sparql")
    assert main(["query", "visits", "--endpoint", "localhost:7878/query"]) == 2
    assert "must be an http:// or https:// URL" in capsys.readouterr().err


def test_graph_store_and_update_urls_are_guessed_for_oxigraph_and_virtuoso():
    assert guess_graph_store("http://h:7878/query", with_credentials=False) == "http://h:7878/store"
    assert guess_update("http://h:7878/query", with_credentials=False) == "http://h:7878/update"
    assert guess_graph_store("http://h:8890/sparql", with_credentials=False) == "http://h:8890/sparql-graph-crud"
    assert guess_graph_store("http://h:8890/sparql", with_credentials=True) == \
        "http://h:8890/sparql-graph-crud-auth"
    assert guess_update("http://h:8890/sparql", with_credentials=True) == "http://h:8890/sparql-auth"
    assert guess_graph_store("http://h/ds", with_credentials=False) is None
    assert guess_update("http://h/ds", with_credentials=False) == "http://h/ds"

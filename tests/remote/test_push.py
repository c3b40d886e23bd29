"""`kg push` into a real Oxigraph server, and the same answers from it as from the embedded store."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from remote_servers import canned_query_names, quads, row_bag

from kg import queries
from kg.cli import main
from kg.store.embedded import open_store
from kg.store.names import ARTICLE_GRAPH_PREFIX
from kg.store.push import PushTarget, push_store
from kg.store.remote import RemoteStore
from kg.store.transfer import export_store, import_file
from kg.validate import validate

pytestmark = pytest.mark.server

COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@pytest.mark.parametrize("name", canned_query_names())
def test_every_canned_query_gives_the_same_rows_on_oxigraph(name, canned, pushed_oxigraph):
    sparql, params, local = canned(name)
    remote = queries.run(pushed_oxigraph, name, params)
    assert remote.variables == local.variables
    assert row_bag(remote, sparql) == row_bag(local, sparql)


def test_the_server_holds_exactly_the_stored_graphs(local_store, pushed_oxigraph):
    stored = quads(local_store)
    assert stored
    assert quads(pushed_oxigraph) == stored


def test_ask_and_construct_agree_with_the_embedded_store(local_store, pushed_oxigraph):
    ask = "ASK { ?v a <https://w3id.org/kgid/ontology#Visit> }"
    assert pushed_oxigraph.ask(ask) is local_store.ask(ask) is True
    construct = ("CONSTRUCT { ?a <urn:kg:label> ?l } WHERE { ?a a <https://w3id.org/kgid/ontology#Agency> ; "
                 "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")
    remote, local = pushed_oxigraph.construct(construct), local_store.construct(construct)
    assert len(local) > 0
    assert set(remote) == set(local)


def test_a_second_push_replaces_each_graph_instead_of_adding(local_store, tmp_path, fresh_oxigraph):
    target = PushTarget(endpoint=fresh_oxigraph.query_url)
    server = RemoteStore(fresh_oxigraph.query_url)
    first = push_store(local_store, target)
    before = quads(server)
    assert push_store(local_store, target).graphs == first.graphs
    assert quads(server) == before
    assert int(server.select(COUNT_QUADS).rows[0]["n"]) == len(before)

    # an article edited locally: its old facts leave the server with the next push
    with open_store(copy_of(local_store, tmp_path / "edited")) as edited:
        article = next(g for g in edited.graph_names() if g.startswith(ARTICLE_GRAPH_PREFIX))
        edited.update(f"DELETE WHERE {{ GRAPH <{article}> {{ ?s <{RDFS_LABEL}> ?o }} }} ;\n"
                      f"INSERT DATA {{ GRAPH <{article}> {{ <urn:kg:test> <{RDFS_LABEL}> \"edited\" }} }}")
        push_store(edited, target)
        assert quads(server) == quads(edited) != before


def test_prune_deletes_the_articles_the_store_no_longer_has(local_store, tmp_path, fresh_oxigraph, capsys):
    push_store(local_store, PushTarget(endpoint=fresh_oxigraph.query_url))
    folder = copy_of(local_store, tmp_path / "smaller")
    with open_store(folder) as smaller:
        gone = [g for g in smaller.graph_names() if g.startswith(ARTICLE_GRAPH_PREFIX)][:2]
        smaller.update(" ;\n".join(f"DROP GRAPH <{g}>" for g in gone))
        expected = quads(smaller)
    server = RemoteStore(fresh_oxigraph.query_url)
    arguments = ["push", "--store", str(folder), "--endpoint", fresh_oxigraph.query_url]
    assert main(arguments) == 0
    assert {q[0] for q in quads(server)} >= {URIRef(g) for g in gone}  # a plain push deletes nothing
    assert main([*arguments, "--prune"]) == 0
    assert "deleted 2 article graphs" in capsys.readouterr().err
    assert quads(server) == expected


def copy_of(store, folder):
    """A new store folder holding what `store` holds (through an N-Quads export and import)."""
    folder.mkdir(parents=True)
    dump = folder.parent / f"{folder.name}.nq"
    dump.write_bytes(export_store(store, "nquads"))
    with open_store(folder / "store", create=True) as copy:
        import_file(copy, dump)
    return folder / "store"


def test_sparql_update_gives_the_same_graphs_as_the_graph_store(local_store, fresh_oxigraph):
    summary = push_store(local_store, PushTarget(endpoint=fresh_oxigraph.query_url), protocol="update",
                         update_chunk_triples=50)  # small chunks: most graphs take several requests
    assert summary.protocol == "update"
    assert quads(RemoteStore(fresh_oxigraph.query_url)) == quads(local_store)


def test_a_server_without_the_guessed_graph_store_is_written_by_sparql_update(local_store, fresh_oxigraph):
    base = fresh_oxigraph.query_url.rsplit("/", 1)[0]
    target = PushTarget(endpoint=f"{base}/no-such/query", update=f"{base}/update")  # guess: /no-such/store
    summary = push_store(local_store, target)
    assert summary.protocol == "update"
    assert quads(RemoteStore(fresh_oxigraph.query_url)) == quads(local_store)


def test_progress_reports_every_graph_and_every_triple(local_store, fresh_oxigraph):
    seen = []
    summary = push_store(local_store, PushTarget(endpoint=fresh_oxigraph.query_url), progress=seen.append,
                         gsp_chunk_lines=100)
    assert [step.graphs_done for step in seen] == list(range(1, summary.graphs + 1))
    assert seen[-1].triples_sent == summary.triples == local_store.counts().triples


def test_kg_push_command(sample_store, fresh_oxigraph, capsys):
    assert main(["push", "--store", str(sample_store), "--endpoint", fresh_oxigraph.query_url]) == 0
    message = capsys.readouterr().err
    assert "Graph Store Protocol" in message and f"127.0.0.1:{fresh_oxigraph.port}/store" in message
    with open_store(sample_store, readonly=True) as store:
        assert quads(RemoteStore(fresh_oxigraph.query_url)) == quads(store)


def test_kg_query_endpoint_prints_the_same_rows(sample_store, pushed_oxigraph, capsys):
    assert main(["query", "visits", "--store", str(sample_store), "--format", "csv"]) == 0
    local = capsys.readouterr().out
    assert main(["query", "visits", "--endpoint", pushed_oxigraph.endpoint, "--format", "csv"]) == 0
    remote = capsys.readouterr().out
    assert len(local.splitlines()) > 1
    assert sorted(remote.splitlines()) == sorted(local.splitlines())


def test_validate_gives_the_same_verdict_on_the_server(sample_store, local_store, pushed_oxigraph, capsys):
    local_graph, remote_graph = local_store.union_graph(), pushed_oxigraph.union_graph()
    assert set(remote_graph) == set(local_graph)
    local, remote = validate(local_graph), validate(remote_graph)
    assert (remote.conforms, len(remote.violations)) == (local.conforms, len(local.violations))
    local_exit = main(["validate", "--store", str(sample_store)])
    local_out = capsys.readouterr().out
    assert main(["validate", "--endpoint", pushed_oxigraph.endpoint]) == local_exit
    assert capsys.readouterr().out == local_out

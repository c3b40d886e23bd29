"""`kg query` end to end on a real store folder: results on stdout in the W3C formats, errors as exit 2."""

from __future__ import annotations

import csv
import io
import json

from kg.cli import main


def run_cli(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_is_sparql_results_json(capsys, world_store):
    code, out, _ = run_cli(capsys, "query", "visits-between", "--store", str(world_store),
                           "--param", "a=diskominfo:64", "--param", "b=diskominfo:35", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["head"]["vars"] == ["visit", "date", "direction", "visitor", "visitorLabel", "host",
                                        "hostLabel"]
    first = document["results"]["bindings"][0]
    assert first["visit"] == {"type": "uri", "value": "https://w3id.org/kgid/id/visit/v1"}
    assert first["date"] == {"type": "literal", "value": "2023-05-09",
                             "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert first["direction"] == {"type": "literal", "value": "a-to-b"}
    assert len(document["results"]["bindings"]) == 2


def test_csv_is_sparql_csv(capsys, world_store):
    code, out, _ = run_cli(capsys, "query", "reciprocal-pairs", "--store", str(world_store), "-f", "csv")
    assert code == 0
    assert out.endswith("\r\n")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["a", "aLabel", "b", "bLabel", "aToB", "firstAToB", "bToA", "firstBToA"]
    assert table[1][0] == "https://w3id.org/kgid/id/agency/diskominfo/35"
    assert table[1][5:] == ["2024-02-20", "1", "2023-05-09"]


def test_table_is_readable(capsys, world_store):
    code, out, _ = run_cli(capsys, "query", "official-posts", "--store", str(world_store), "-p", "who=rina")
    assert code == 0
    assert "Rina Kartika" in out and "Kepala Bidang" in out and "2024-06-12" in out
    # the role's label stands for its IRI in the table; csv keeps the IRI
    assert "kgi:role/kepala-bidang" not in out


def test_list_shows_every_question_and_its_parameters(capsys):
    code, out, _ = run_cli(capsys, "query", "--list")
    assert code == 0
    assert "visits-between" in out and "--param a (agency-or-region, required)" in out
    assert "--param level (region|province, default region)" in out


def test_empty_result_says_so_on_stderr(capsys, world_store):
    code, out, err = run_cli(capsys, "query", "topic-visits", "--store", str(world_store),
                             "-p", "topic=satu-data", "-f", "csv")
    assert code == 0
    assert out.startswith("topic,topicLabel") and out.count("\r\n") == 1
    assert "no rows" in err


def test_usage_errors_exit_2_with_one_line(capsys, world_store):
    for args, words in [
        (["query", "nope"], "unknown query 'nope'"),
        (["query", "visits", "--param", "since=2024-01-01"], "has no parameter 'since'"),
        (["query", "top-hosts", "--param", "since=yesterday"], "needs a date"),
        (["query", "agency-timeline"], "needs --param agency="),
        (["query", "top-hosts", "--param", "since"], "NAME=VALUE"),
        (["query"], "give a query NAME"),
    ]:
        code, out, err = run_cli(capsys, *args, "--store", str(world_store))
        assert code == 2, args
        assert words in err and "Traceback" not in err and out == ""


def test_missing_store_is_a_clear_error(capsys, tmp_path):
    code, out, err = run_cli(capsys, "query", "visits", "--store", str(tmp_path / "none"))
    assert code == 2 and "kg build" in err and out == ""


def test_a_broken_query_file_names_its_line(capsys, world_store, tmp_path):
    broken = tmp_path / "broken.rq"
    broken.write_text("# title: t\n# nonsense here\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "query", str(broken), "--store", str(world_store))
    assert code == 2 and f"{broken}:2" in err and out == ""


def test_a_query_file_runs(capsys, world_store, tmp_path):
    mine = tmp_path / "mine.rq"
    mine.write_text("# title: Hosts\n# description: hosts\nPREFIX kg: <https://w3id.org/kgid/ontology#>\n"
                    "SELECT DISTINCT ?host WHERE { ?v kg:host ?host } ORDER BY ?host\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "query", str(mine), "--store", str(world_store), "-f", "csv")
    assert code == 0 and out.count("\r\n") == 5


def test_unknown_agency_topic_or_fact_is_an_error_not_an_empty_answer(capsys, world_store):
    for args, words in [
        (["agency-timeline", "-p", "agency=diskominfo:46"],
         "unknown agency 'diskominfo:46' (parameter 'agency')"),
        (["visits-between", "-p", "a=64", "-p", "b=99"], "unknown agency or region '99' (parameter 'b')"),
        (["topic-visits", "-p", "topic=ppdi"], "unknown topic 'ppdi' (parameter 'topic')"),
        (["provenance", "-p", "fact=kgi:visit/nope"], "unknown node 'kgi:visit/nope'"),
    ]:
        code, out, err = run_cli(capsys, "query", *args, "--store", str(world_store))
        assert code == 2, args
        assert words in err and out == "" and "Traceback" not in err


def test_a_date_range_with_no_visits_is_an_empty_valid_answer(capsys, world_store):
    code, out, err = run_cli(capsys, "query", "visits-between", "-p", "a=64", "-p", "b=35",
                             "-p", "since=2030-01-01", "-f", "json", "--store", str(world_store))
    assert code == 0
    assert json.loads(out)["results"]["bindings"] == [] and "no rows" in err


def test_a_plain_sparql_file_without_header_runs_and_a_broken_one_is_named(capsys, world_store, tmp_path):
    plain = tmp_path / "plain.rq"
    plain.write_text("# my hosts\nPREFIX kg: <https://w3id.org/kgid/ontology#>\n"
                     "SELECT DISTINCT ?host WHERE { ?v kg:host ?host } ORDER BY ?host\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "query", str(plain), "--store", str(world_store), "-f", "csv")
    assert code == 0 and out.splitlines()[0] == "host" and out.count("\r\n") == 5
    plain.write_text("SELECT ?s WHERE { ?s ?p \n", encoding="utf-8")
    code, out, err = run_cli(capsys, "query", str(plain), "--store", str(world_store))
    assert code == 2 and f"{plain}: the query does not parse" in err and out == ""

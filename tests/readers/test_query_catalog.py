"""The .rq header loader checks its files and names the file and line of a mistake."""

from __future__ import annotations

import pytest

from kg import queries
from kg.errors import DataFileError, QueryError

GOOD = """\
# title: Visits of one agency
# description: What one agency did,
#   continued on a second line.
# param agency (agency, required): the agency
# param since (date, optional): first day
# param level (region|province, default region): how to group
SELECT ?visit WHERE {
  #@values
  ?visit ?p ?agency .
}
"""


def write(tmp_path, text, name="q.rq"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_header_is_parsed(tmp_path):
    query = queries.load_query(write(tmp_path, GOOD))
    assert query.name == "q"
    assert query.title == "Visits of one agency"
    assert query.description == "What one agency did, continued on a second line."
    assert [(p.name, p.kind, p.required, p.default) for p in query.parameters] == [
        ("agency", "agency", True, None), ("since", "date", False, None), ("level", "region|province", False,
                                                                          "region")]
    assert query.parameters[2].choices == ("region", "province")
    assert query.sparql.startswith("SELECT")


@pytest.mark.parametrize(("text", "line", "words"), [
    ("# description: x\nSELECT * WHERE {}\n", 1, "lacks '# title"),
    ("# title: x\n# description: y\n# param n (colour, optional): z\nSELECT * WHERE {\n#@values\n}\n", 3,
     "unknown type 'colour'"),
    ("# title: x\n# description: y\n# wrong line\nSELECT * WHERE {}\n", 3, "header lines must be"),
    ("# title: x\n# title: again\n# description: y\nSELECT * WHERE {}\n", 2, "given twice"),
    ("# title: x\n# description: y\n# param n (integer, default ten): z\nSELECT * WHERE {\n#@values\n}\n", 3,
     "default of 'n' is not valid"),
    ("# title: x\n# description: y\n# param n (date, optional): z\nSELECT * WHERE { ?s ?p ?o }\n", 4,
     "needs a '#@values' line"),
    ("# title: x\n# description: y\nASK { ?s ?p ?o }\n", 3, "no SELECT"),
])
def test_malformed_headers_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        queries.load_query(path)
    assert f"{path}:{line}" in str(caught.value)
    assert words in str(caught.value)


def test_the_repository_catalogue_loads_with_the_issue_questions():
    names = set(queries.catalog())
    assert {"visits", "officials", "awards", "visits-between", "top-hosts", "top-visitors",
            "reciprocal-pairs", "region-flows", "topic-visits", "topic-first-visit", "topic-spread",
            "agency-timeline",
            "official-posts", "official-visits", "awards-by-region", "award-hosts", "learning-chains",
            "provenance"} <= names


def test_unknown_query_suggests_close_names():
    with pytest.raises(QueryError, match="unknown query 'visit'.*Did you mean visits"):
        queries.find("visit")


def test_missing_query_file(tmp_path):
    with pytest.raises(QueryError, match="no such query file"):
        queries.find(str(tmp_path / "nope.rq"))


def test_a_query_file_runs_from_its_path(world, tmp_path):
    path = write(tmp_path, "# title: t\n# description: d\n# param topic (topic, required): t\n"
                           "PREFIX kg: <https://w3id.org/kgid/ontology#>\n"
                           "SELECT DISTINCT ?visit WHERE {\n#@values\n?visit kg:topic ?topic }\n"
                           "ORDER BY ?visit\n")
    result = queries.run(world, str(path), {"topic": "spbe"})
    assert [queries.compact(r["visit"]) for r in result] == ["kgi:visit/v2", "kgi:visit/v3"]


def test_every_canned_query_is_sent_to_servers_as_a_query():
    """SPARQLWrapper (kg query --endpoint) picks query or update from the first keyword it finds, even in
    a comment: a word such as "copy" or "drop" there would send a canned SELECT as an update."""
    sparqlwrapper = pytest.importorskip("SPARQLWrapper", reason="SPARQLWrapper is a dependency of --endpoint")
    for name, query in queries.catalog().items():
        wrapper = sparqlwrapper.SPARQLWrapper("http://127.0.0.1:9/query")
        wrapper.setQuery(query.sparql)
        assert wrapper.queryType == "SELECT", name


LIMITED = ("# title: t\n# description: d\n# param limit (integer, default 2): at most this many\n"
           "SELECT ?s WHERE {\n#@values\n?s ?p ?o }\nORDER BY ?s\n#@limit\n")


def test_a_limit_parameter_becomes_the_limit_clause(tmp_path):
    query = queries.load_query(write(tmp_path, LIMITED))
    assert queries.bind(query).splitlines()[-1] == "LIMIT 2"
    assert queries.bind(query, {"limit": "7"}).splitlines()[-1] == "LIMIT 7"
    assert queries.bind(query, {"limit": ""}).splitlines()[-1] == "#@limit"  # unbound: every row
    with pytest.raises(QueryError, match="parameter 'limit'"):
        queries.bind(query, {"limit": "7 } DROP ALL"})
    with pytest.raises(QueryError, match="0 or more"):
        queries.bind(query, {"limit": "-1"})


@pytest.mark.parametrize(("text", "words"), [
    ("# title: t\n# description: d\nSELECT ?s WHERE { ?s ?p ?o }\n#@limit\n", "needs a parameter 'limit"),
    ("# title: t\n# description: d\n# param limit (date, optional): x\n"
     "SELECT ?s WHERE {\n#@values\n}\n#@limit\n", "needs a parameter 'limit"),
    ("# title: t\n# description: d\n# param limit (integer, default 5): x\n"
     "SELECT ?s WHERE {\n#@values\n}\n", "exactly one '#@limit'"),
])
def test_limit_marker_and_parameter_go_together(tmp_path, text, words):
    with pytest.raises(DataFileError, match=words):
        queries.load_query(write(tmp_path, text))


def test_limit_keeps_the_first_rows_of_the_order(world, tmp_path):
    query = write(tmp_path, LIMITED.replace("?s ?p ?o", "?s a <https://w3id.org/kgid/ontology#Visit>"))
    every = [row["s"] for row in queries.run(world, query, {"limit": ""})]
    assert len(every) > 2
    assert [row["s"] for row in queries.run(world, query)] == every[:2]

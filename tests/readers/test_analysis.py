"""kg.analysis on the known world: the network, its measures, and what `kg analyze` writes."""

from __future__ import annotations

import csv

import networkx as nx
import pytest

from kg import analysis
from kg.cli import main
from kg.errors import InputError, QueryError

ID = "https://w3id.org/kgid/id/agency/"
KALTIM, JATIM, KALTARA, BERAU = ID + "diskominfo/64", ID + "diskominfo/35", ID + "diskominfo/65", \
    ID + "diskominfo/64.03"
KUTIM, SURABAYA, KOMDIGI = ID + "diskominfo/64.08", ID + "diskominfo/35.78", ID + "komdigi"


def test_visit_graph_nodes_and_edges(world):
    graph = analysis.visit_graph(world)
    assert set(graph) == {KALTIM, JATIM, KALTARA, BERAU, KUTIM, SURABAYA, KOMDIGI}
    assert graph.number_of_edges() == 7
    edge = graph.edges[KALTIM, JATIM]
    assert edge["weight"] == 1
    assert edge["dates"] == ["2023-05-09"]
    assert edge["topics"] == ["kim", "pengelolaan-media", "ppid"]
    assert edge["articles"] == ["art-01", "art-05"]
    assert edge["kinds"] == ["studi-banding"]
    assert graph.edges[KALTIM, KOMDIGI]["dates"] == [""]
    assert graph.nodes[KALTARA]["label"] == "DKISP Kaltara"
    assert graph.nodes[BERAU]["province"] == "Kalimantan Timur"
    assert "message" not in graph.graph


def test_visit_graph_filters(world):
    since = analysis.visit_graph(world, since="2024-01-01")
    assert set(since.edges) == {(JATIM, KALTIM), (KALTARA, KALTIM), (BERAU, KALTARA)}
    window = analysis.visit_graph(world, since="2023-01-01", until="2023-12-31")
    assert set(window.edges) == {(KALTIM, JATIM), (KUTIM, JATIM), (SURABAYA, JATIM)}
    spbe = analysis.visit_graph(world, topic="spbe")
    assert set(spbe.edges) == {(JATIM, KALTIM), (BERAU, KALTARA)}


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"topic": "blockchain"}, "unknown topic 'blockchain'"),
    ({"since": "2030-01-01"}, "no visits match since 2030-01-01"),
    ({"topic": "satu-data"}, "no visits match with topic satu-data"),
])
def test_empty_selection_is_an_empty_graph_with_a_message(world, kwargs, words):
    graph = analysis.visit_graph(world, **kwargs)
    assert graph.number_of_nodes() == 0
    assert words in graph.graph["message"]


def test_empty_store(empty_store):
    graph = analysis.visit_graph(empty_store, include_isolated=True)
    assert len(graph) == 0 and "holds no visits" in graph.graph["message"]
    assert analysis.agency_table(graph) == [] and analysis.weighted_pagerank(graph) == {}


def test_bad_dates_are_query_errors(world):
    with pytest.raises(QueryError, match="needs a date"):
        analysis.visit_graph(world, since="last year")


def test_isolated_agencies(world):
    graph = analysis.visit_graph(world, include_isolated=True)
    assert analysis.isolated_agencies(graph) == sorted(
        ID + k for k in ("bappeda/64", "kemenpan-rb", "kemkominfo", "komisi-informasi", "pemda/65"))


def test_region_flow_graph_levels(world):
    regions = analysis.region_flow_graph(world)
    region = "https://w3id.org/kgid/id/region/"
    assert regions.nodes[region + "64.03"] == {"label": "Kabupaten Berau", "level": "kabupaten"}
    assert regions.has_edge(region + "64.03", region + "65")
    provinces = analysis.region_flow_graph(world, level="province")
    assert set(provinces.edges) == {(region + a, region + b) for a, b in
                                    [("35", "35"), ("35", "64"), ("64", "35"), ("64", "65"), ("65", "64")]}
    with pytest.raises(QueryError, match="level must be one of"):
        analysis.region_flow_graph(world, level="village")


def test_measures(world):
    graph = analysis.visit_graph(world)
    table = {row["agency"]: row for row in analysis.agency_table(graph)}
    assert table[JATIM]["visits_received"] == 2  # one visit by two agencies together counts once
    assert table[JATIM]["distinct_visitors"] == 3
    assert table[KALTIM]["visits_made"] == 2 and table[KALTIM]["reciprocated_links"] == 1
    assert table[KALTIM]["betweenness"] > table[BERAU]["betweenness"] == 0
    assert analysis.reciprocity(graph) == pytest.approx(2 / 7)
    sources = analysis.knowledge_sources(graph)
    assert [(s["agency"], s["visitor_regions"]) for s in sources[:2]] == [(JATIM, 3), (KALTIM, 2)]
    assert analysis.communities(graph) == analysis.communities(graph)
    assert {n for c in analysis.communities(graph) for n in c} == set(graph)
    months, undated = analysis.monthly_visits(graph)
    assert undated == 1 and months[0] == ("2023-05", 1) and months[-1] == ("2025-12", 1)
    assert sum(count for _, count in months) == 5


def test_weighted_pagerank_follows_the_weight_of_visits():
    graph = nx.DiGraph()
    graph.add_weighted_edges_from([("a", "b", 3), ("a", "c", 1), ("d", "b", 1), ("d", "c", 1)])
    graph.add_node("e")
    rank = analysis.weighted_pagerank(graph)
    assert sum(rank.values()) == pytest.approx(1.0)
    # b and c are each visited by the same agencies, but b three times as often by a.
    assert rank["b"] > rank["c"] > rank["a"] == pytest.approx(rank["d"])
    assert rank["e"] == pytest.approx(rank["a"])  # neither visited: both get only the teleport share


@pytest.mark.parametrize(("name", "written", "region", "key", "expected"), [
    ("Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur", ["Diskominfo Kaltim", "Dinas Kominfo"],
     "Kalimantan Timur", "diskominfo:64", "Dinas Kominfo"),
    ("Dinas Komunikasi, Informatika, Statistik dan Persandian Provinsi Kalimantan Utara", ["DKISP"],
     "Kalimantan Utara", "diskominfo:65", "DKISP Kalimantan Utara"),
    ("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", [], "", "kemenpan-rb",
     "kemenpan-rb"),
    ("Komisi Informasi Pusat", [], "", "komisi-informasi", "Komisi Informasi Pusat"),
])
def test_short_labels(name, written, region, key, expected):
    assert analysis.short_label(name, written, region, key) == expected


def read_csv(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_write_report(world, tmp_path):
    report = analysis.write_report(world, tmp_path / "out")
    names = {p.name for p in report.files}
    assert {"agencies.csv", "visit-links.csv", "knowledge-sources.csv", "communities.csv",
            "province-flows.csv", "summary.csv", "network.png", "matrix.png", "visits-per-month.png",
            "network.html", "visits.graphml", "visits.gexf"} == names
    for picture in ("network.png", "matrix.png", "visits-per-month.png"):
        assert (tmp_path / "out" / picture).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    agencies = read_csv(tmp_path / "out" / "agencies.csv")
    assert agencies[0]["label"] in {"Diskominfo Kaltim", "Diskominfo Jatim"} and len(agencies) == 12
    assert {r["label"] for r in agencies if r["isolated"] == "True"} == {
        "Bappeda Kaltim", "kemenpan-rb", "Kemkominfo", "Komisi Informasi Pusat", "Pemprov Kaltara"}
    summary = {r["measure"]: r["value"] for r in read_csv(tmp_path / "out" / "summary.csv")}
    assert summary["visits"] == "6" and summary["visit_links"] == "7"
    back = nx.read_graphml(tmp_path / "out" / "visits.graphml")
    assert back.number_of_edges() == 7 and back.edges[KALTIM, JATIM]["articles"] == "art-01;art-05"
    assert nx.read_gexf(tmp_path / "out" / "visits.gexf").number_of_edges() == 7
    page = (tmp_path / "out" / "network.html").read_text(encoding="utf-8")
    assert "vis.Network" in page and "Diskominfo Kaltim" in page
    assert not analysis.interactive.REMOTE_REFERENCE.search(page)
    assert "cdn.jsdelivr" not in page and "node_modules" not in page


def test_write_report_of_an_empty_selection(world, tmp_path):
    report = analysis.write_report(world, tmp_path / "empty", since="2030-01-01")
    assert "no visits match" in report.message
    assert read_csv(tmp_path / "empty" / "visit-links.csv") == []
    assert (tmp_path / "empty" / "network.png").stat().st_size > 0
    assert nx.read_graphml(tmp_path / "empty" / "visits.graphml").number_of_nodes() == 0


def test_unwritable_output_folder(world, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="is a file"):
        analysis.write_report(world, blocker)
    with pytest.raises(InputError, match="cannot write the analysis here"):
        analysis.write_report(world, blocker / "sub")


def test_kg_analyze_command(capsys, world_store, tmp_path):
    code = main(["analyze", "--store", str(world_store), "--out", str(tmp_path / "a"), "--topic", "ppid"])
    out, err = capsys.readouterr()
    assert code == 0
    assert str(tmp_path / "a" / "network.png") in out.splitlines()
    assert "visits 3" in err
    code = main(["analyze", "--store", str(world_store), "--out", str(tmp_path / "b"), "--topic", "nope"])
    out, err = capsys.readouterr()
    assert code == 2 and "'nope': unknown topic" in err and "ppid" in err
    assert out == "" and not (tmp_path / "b").exists()


@pytest.mark.parametrize(("args", "words"), [
    (["--since", "2024-13-01"], "--since needs a date"),
    (["--since", "2025-01-01", "--until", "2024-01-01"], "is after --until"),
])
def test_kg_analyze_usage_errors(capsys, world_store, tmp_path, args, words):
    code = main(["analyze", "--store", str(world_store), "--out", str(tmp_path / "x"), *args])
    _, err = capsys.readouterr()
    assert code == 2 and words in err and "Traceback" not in err


def test_kg_analyze_unwritable_out(capsys, world_store, tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code = main(["analyze", "--store", str(world_store), "--out", str(tmp_path / "f" / "sub")])
    _, err = capsys.readouterr()
    assert code == 2 and "cannot write the analysis here" in err


def test_write_report_on_an_empty_store(empty_store, tmp_path):
    report = analysis.write_report(empty_store, tmp_path / "none")
    assert "holds no visits" in report.message
    assert report.summary["visits"] == 0
    assert read_csv(tmp_path / "none" / "agencies.csv") == []

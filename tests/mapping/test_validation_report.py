"""kg.validate: findings are data with readable labels and their article; render gives plain lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from mapping_examples import build_extraction
from rdflib import Dataset, Literal

from kg import iri
from kg.errors import DataFileError
from kg.rdfmap import map_extraction, merged
from kg.validate import render, validate
from kg.vocab import KG, PROV, RDF


def mapped(article_id: str = "004_test"):
    graphs = map_extraction(build_extraction(article_id))
    return graphs, merged([graphs.facts, graphs.entities])


def test_missing_host_renders_as_one_plain_line() -> None:
    _, data = mapped()
    (visit,) = data.subjects(RDF.type, KG.Visit)
    data.remove((visit, KG.host, None))
    report = validate(data)
    assert not report.conforms
    (finding,) = report.findings
    assert finding.focus == str(visit)
    assert finding.kind == "Visit"
    assert finding.path == "kg:host"
    assert finding.article_id == "004_test"
    assert render(report) == [
        'Visit "Diskominfo Berau → DKISP Kaltara (studi tiru, 2025-12-18)" (article 004_test): '
        "A visit needs exactly one host agency."
    ]


def test_article_found_through_evidence_when_provenance_link_is_missing() -> None:
    _, data = mapped("005_other")
    for award in list(data.subjects(RDF.type, KG.Award)):
        data.remove((award, PROV.wasDerivedFrom, None))
    report = validate(data)
    assert {f.article_id for f in report.findings} == {"005_other"}
    assert all("prov:wasDerivedFrom is missing" in f.message for f in report.findings)
    assert len(report.findings) == 2


def test_entity_findings_have_no_article_and_show_the_value() -> None:
    _, data = mapped()
    region = iri.region("64.03")
    data.remove((region, KG.regionCode, None))
    data.add((region, KG.regionCode, Literal("64/03")))
    lines = render(validate(data))
    assert lines and all(line.startswith('Regency "Kabupaten Berau": ') for line in lines)
    assert any('(found: "64/03")' in line for line in lines)


def test_a_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    graphs, _ = mapped()
    dataset = Dataset()
    for triple in graphs.facts:
        dataset.graph(graphs.graph_iri).add(triple)
    for triple in graphs.entities:
        dataset.graph(iri.ENTITIES_GRAPH).add(triple)
    assert validate(dataset).conforms


def test_broken_shapes_file_raises_naming_the_file(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n[] a sh:NodeShape ;\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="shapes.ttl"):
        validate(mapped()[1], shapes=shapes)

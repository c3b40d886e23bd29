"""`kg validate`: exit 0 when the store conforms, 1 with readable lines when it does not, 2 when unusable."""

from __future__ import annotations

from kg.cli import main
from kg.store.embedded import open_store

BROKEN_VISIT = """\
@prefix kg: <https://w3id.org/kgid/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/kgid/id/visit/nohost> a kg:Visit ;
    rdfs:label "Diskominfo Berau → ? (kunjungan kerja)" ;
    kg:visitor <https://w3id.org/kgid/id/agency/diskominfo/64.03> .
<https://w3id.org/kgid/id/agency/diskominfo/64.03> a kg:Agency ;
    skos:prefLabel "Dinas Komunikasi dan Informatika Kabupaten Berau" ;
    kg:key "diskominfo:64.03" ; kg:resolved true .
"""


def test_empty_store_conforms(store_dir, capsys):
    open_store(store_dir, create=True).close()
    assert main(["validate", "--store", str(store_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "conforms" in captured.err


def test_visit_without_host_is_a_readable_violation(store_dir, tmp_path, capsys):
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN_VISIT, encoding="utf-8")
    assert main(["import", str(path), "--store", str(store_dir)]) == 0
    capsys.readouterr()
    assert main(["validate", "--store", str(store_dir)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert any(line.startswith('Visit "Diskominfo Berau → ? (kunjungan kerja)"') and "host" in line
               for line in lines)
    assert "sh:" not in captured.out and "violation" in captured.err


def test_missing_store_is_a_usage_error(store_dir, capsys):
    assert main(["validate", "--store", str(store_dir)]) == 2
    assert "no kg store" in capsys.readouterr().err

"""`kg export` / `kg import` through the CLI: every format round-trips; a broken file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_pipeline import stored_quads
from rdflib import Dataset
from rdflib.compare import isomorphic

from kg.cli import main

RDFLIB = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt", "jsonld": "json-ld"}
SUFFIX = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "ntriples": ".nt", "jsonld": ".jsonld"}


def graphs_of(data: bytes, format_name: str) -> dict[str, object]:
    dataset = Dataset()
    dataset.parse(data=data, format=RDFLIB[format_name])
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


@pytest.mark.parametrize("format_name", list(RDFLIB))
def test_export_import_export_round_trip(fake_pipeline, articles, store_dir, tmp_path, capsys, format_name):
    main(["build", str(articles), "--store", str(store_dir)])
    capsys.readouterr()
    assert main(["export", "--store", str(store_dir), "--format", format_name]) == 0
    first = capsys.readouterr().out.encode()
    path = tmp_path / f"out{SUFFIX[format_name]}"
    assert main(["export", "--store", str(store_dir), "--format", format_name, "-o", str(path)]) == 0
    assert path.read_bytes() == first and f"wrote {path}" in capsys.readouterr().err
    copy = tmp_path / "copy"
    assert main(["import", str(path), "--store", str(copy)]) == 0
    assert "imported" in capsys.readouterr().out
    main(["export", "--store", str(copy), "--format", format_name])
    second = capsys.readouterr().out.encode()
    a, b = graphs_of(first, format_name), graphs_of(second, format_name)
    assert a and a.keys() == b.keys()
    assert all(isomorphic(a[name], b[name]) for name in a)


def test_import_of_a_broken_file_is_one_message_and_changes_nothing(fake_pipeline, articles, store_dir,
                                                                    tmp_path, capsys):
    main(["build", str(articles), "--store", str(store_dir)])
    before = stored_quads(store_dir)
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix kg: <https://w3id.org/kgid/ontology#> .\nkg:a kg:b \"open\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(broken), "--store", str(store_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg: error: {broken}: does not parse as turtle") and err.count("\n") == 1
    assert stored_quads(store_dir) == before


def test_import_of_a_missing_file(store_dir, tmp_path, capsys):
    assert main(["import", str(tmp_path / "none.ttl"), "--store", str(store_dir)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert not store_dir.exists()


def test_export_of_a_missing_store(store_dir, capsys):
    assert main(["export", "--store", str(store_dir), "--format", "turtle"]) == 2
    assert "no kg store here yet" in capsys.readouterr().err


def test_import_of_a_broken_file_into_a_new_store_leaves_no_store_behind(store_dir, tmp_path, capsys):
    broken = tmp_path / "broken.nq"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    assert main(["import", str(broken), "--store", str(store_dir)]) == 2
    assert f"{broken}: does not parse as nquads" in capsys.readouterr().err
    assert not store_dir.exists()


def test_export_that_cannot_be_written_leaves_no_partial_file(fake_pipeline, articles, store_dir, tmp_path,
                                                              capsys, monkeypatch):
    main(["build", str(articles), "--store", str(store_dir)])
    target = tmp_path / "graph.ttl"
    target.write_text("the previous export\n", encoding="utf-8")
    real_write = Path.write_bytes

    def full_disk(path: Path, data: bytes) -> int:
        real_write(path, data[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    capsys.readouterr()
    assert main(["export", "--store", str(store_dir), "--format", "turtle", "-o", str(target)]) == 2
    assert f"{target}: cannot write: No space left on device" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("graph")] == ["graph.ttl"]

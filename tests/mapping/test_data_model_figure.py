"""docs/make_data_model.py reads the model from the ontology files and draws it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location("make_data_model", ROOT / "docs" / "make_data_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_model_read_from_the_ontology_has_the_core_relations() -> None:
    script = load_script()
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    classes, supers, literals, edges = script.read_model(onto, shapes)
    assert {
        ("Visit", "host", "Agency"),
        ("Visit", "visitor", "Agency"),
        ("Membership", "org:member", "Official"),
        ("Evidence", "inArticle", "Article"),
        ("Region", "partOf", "Region"),
    } <= edges
    assert "org:Organization" in supers["Agency"]
    assert "regionCode" in literals["Region"]


def test_figure_is_drawn(tmp_path: Path) -> None:
    out = tmp_path / "model.png"
    load_script().draw(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 50_000

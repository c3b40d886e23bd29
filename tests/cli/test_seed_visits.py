"""Issue 2's "done when": `kg build` on the two seed articles, then `kg query visits --format json`."""

from __future__ import annotations

import json

from kg.cli import main


def test_build_the_seeds_then_query_the_two_visits_as_json(seeds_dir, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", str(seeds_dir), "--store", str(store)]) == 0
    capsys.readouterr()
    assert main(["query", "visits", "--store", str(store), "--format", "json"]) == 0
    out = capsys.readouterr().out
    bindings = json.loads(out)["results"]["bindings"]
    visits = {}
    for row in bindings:
        visits.setdefault(row["visit"]["value"], (row["date"]["value"], row["host"]["value"], set()))[2].add(
            row["visitor"]["value"])
    agency = "https://w3id.org/kgid/id/agency/"
    assert sorted(visits.values(), key=lambda v: v[0]) == [
        ("2023-05-09", agency + "diskominfo/35", {agency + "diskominfo/64", agency + "diskominfo/64.08"}),
        ("2025-12-18", agency + "diskominfo/65", {agency + "diskominfo/64.03"}),
    ]
    assert {row["articleId"]["value"] for row in bindings} == {"000_33874867e7bfd315", "004_1da2ec86899a6cda"}
    assert main(["validate", "--store", str(store)]) == 0

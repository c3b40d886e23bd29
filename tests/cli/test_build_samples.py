"""`kg build` on the sample articles with the real extractor: idempotent, one IRI per agency, clean edits."""

from __future__ import annotations

import shutil

import pytest
from fake_pipeline import stored_quads

from kg.cli import main
from kg.iri import agency
from kg.paths import SAMPLES_DIR
from kg.store.embedded import open_store

KG = "https://w3id.org/kgid/ontology#"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"


@pytest.fixture(scope="module")
def samples():
    if not any(SAMPLES_DIR.glob("*.txt")):
        pytest.skip(f"no sample articles in {SAMPLES_DIR} yet")
    return SAMPLES_DIR


@pytest.fixture(scope="module")
def built(samples, tmp_path_factory):
    """The samples built once, plus what a second build printed and changed."""
    store = tmp_path_factory.mktemp("samples") / "store"
    assert main(["build", str(samples), "--store", str(store)]) == 0
    once = stored_quads(store)
    return store, once


def test_building_twice_gives_the_same_triples(built, samples, capsys):
    store, once = built
    capsys.readouterr()
    assert main(["build", str(samples), "--store", str(store)]) == 0
    assert " 0 new, 0 changed, " in capsys.readouterr().out
    assert stored_quads(store) == once


def test_same_agency_from_different_articles_and_spellings_is_one_iri(built):
    store, _ = built
    with open_store(store, readonly=True) as kg_store:
        shared = kg_store.select(f"""SELECT ?key (COUNT(DISTINCT ?g) AS ?articles)
            (COUNT(DISTINCT ?alias) AS ?spellings) WHERE {{
              ?a <{KG}key> ?key . GRAPH ?g {{ ?a <{ALT_LABEL}> ?alias }} }}
            GROUP BY ?key HAVING (COUNT(DISTINCT ?g) > 1 && COUNT(DISTINCT ?alias) > 1)""").rows
        keys = kg_store.select(f"SELECT ?a ?key WHERE {{ ?a a <{KG}Agency> ; <{KG}key> ?key }}").rows
    assert shared, "no agency is named in several articles in several ways"
    by_key: dict[str, set[str]] = {}
    for row in keys:
        by_key.setdefault(str(row["key"]), set()).add(str(row["a"]))
    assert all(nodes == {str(agency(key))} for key, nodes in by_key.items())


def test_edited_article_leaves_no_trace_of_its_old_facts(samples, tmp_path, capsys):
    folder = tmp_path / "articles"
    shutil.copytree(samples, folder)
    store, fresh = tmp_path / "store", tmp_path / "fresh"
    assert main(["build", str(folder), "--store", str(store)]) == 0
    edited = sorted(folder.glob("*.txt"))[0]
    edited.write_text(
        "Bappeda Kabupaten Berau menerima kunjungan kerja Diskominfo Kota Batu, Kamis (4/7/2024). "
        "Pertemuan membahas satu data dan statistik sektoral.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(folder), "--store", str(store)]) == 0
    assert " 0 new, 1 changed, " in capsys.readouterr().out
    assert main(["build", str(folder), "--store", str(fresh)]) == 0
    assert stored_quads(store) == stored_quads(fresh)

"""Export → import → export gives the same graph, in every format; a broken file changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from fake_graphs import KGG, make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.store.embedded import open_store
from kg.store.transfer import EXTENSIONS, FORMATS, export_store, import_file

SUFFIX = {name: ext for ext, name in EXTENSIONS.items() if ext != ".json"}
RDFLIB_FORMAT = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt",
                 "jsonld": "json-ld"}


def parsed(data: bytes, format_name: str) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMAT[format_name])
    return dataset


def same_dataset(a: Dataset, b: Dataset) -> bool:
    names_a = {g.identifier for g in a.graphs() if len(g)}
    names_b = {g.identifier for g in b.graphs() if len(g)}
    assert names_a, "nothing to compare"
    return names_a == names_b and all(
        isomorphic(a.graph(n), b.graph(n)) for n in names_a)


def sample_articles():
    return [
        make_article("a1", visitor="diskominfo:64", host="diskominfo:35", day=date(2023, 5, 9),
                     official="Sri Rahayu", alias='DKISP "Kaltara"\nbaru'),
        make_article("a2", visitor="diskominfo:64.03", host="diskominfo:65", day=None),
    ]


def round_trip(tmp_path, source, format_name: str) -> tuple[bytes, bytes]:
    first = export_store(source, format_name)
    path = tmp_path / f"export{SUFFIX[format_name]}"
    path.write_bytes(first)
    with open_store(tmp_path / f"copy-{format_name}", create=True) as copy:
        import_file(copy, path)
        return first, export_store(copy, format_name)


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_export_import_export_is_isomorphic(tmp_path, format_name):
    with open_store(tmp_path / "store", create=True) as store:
        store.replace_articles(sample_articles())
        total = len(store.union_graph())
        first, second = round_trip(tmp_path, store, format_name)
    assert same_dataset(parsed(first, format_name), parsed(second, format_name))
    merged = Graph()
    for s, p, o, _ in parsed(first, format_name).quads((None, None, None, None)):
        merged.add((s, p, o))
    assert len(merged) == total  # nothing lost on the way out


def test_trig_keeps_one_graph_per_article(tmp_path):
    with open_store(tmp_path / "store", create=True) as store:
        store.replace_articles(sample_articles())
        names = {str(g.identifier) for g in parsed(export_store(store, "trig"), "trig").graphs() if len(g)}
    assert {str(KGG["article/a1"]), str(KGG["article/a2"]), str(KGG.entities), str(KGG.summary)} <= names


def test_import_replaces_article_graphs_and_keeps_summary_consistent(tmp_path):
    with open_store(tmp_path / "store", create=True) as store:
        store.replace_articles(sample_articles())
        path = tmp_path / "all.nq"
        path.write_bytes(export_store(store, "nquads"))
        before = {tuple(map(str, q)) for q in store._ox}
        import_file(store, path)  # importing what is already there changes nothing
        assert {tuple(map(str, q)) for q in store._ox} == before


@pytest.mark.parametrize("format_name", ["turtle", "trig", "jsonld", "ntriples"])
def test_file_that_does_not_parse_changes_nothing(tmp_path, format_name):
    with open_store(tmp_path / "store", create=True) as store:
        store.replace_articles(sample_articles())
        before = {tuple(map(str, q)) for q in store._ox}
        broken = tmp_path / f"broken{SUFFIX[format_name]}"
        broken.write_bytes(export_store(store, format_name)[:-40] + b"{ <not closed")
        with pytest.raises(InputError, match="does not parse") as caught:
            import_file(store, broken)
        assert str(broken) in str(caught.value)
        assert {tuple(map(str, q)) for q in store._ox} == before


def test_unknown_extension_asks_for_a_format(tmp_path):
    path = tmp_path / "data.rdfx"
    path.write_text("")
    with open_store(tmp_path / "store", create=True) as store, pytest.raises(InputError, match="--format"):
        import_file(store, path)


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\"\\'"), max_size=30)
literals = st.one_of(
    texts.map(Literal),
    st.tuples(texts, st.sampled_from(["id", "en", "ms"])).map(lambda t: Literal(t[0], lang=t[1])),
    st.integers(-10**6, 10**6).map(Literal),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(
        lambda d: Literal(str(d), datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))),
    st.dates().map(lambda d: Literal(d.isoformat(),
                                     datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))),
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(literals, min_size=1, max_size=5), format_name=st.sampled_from(list(FORMATS)))
def test_any_literal_survives_the_round_trip(tmp_path_factory, values, format_name):
    tmp_path = tmp_path_factory.mktemp("rt")
    article = make_article("x", visitor="diskominfo:64", host="diskominfo:35", day=None)
    for i, value in enumerate(values):
        article.facts.add((URIRef(f"https://w3id.org/kgid/id/thing/{i}"),
                           URIRef("https://w3id.org/kgid/ontology#note"), value))
    with open_store(tmp_path / "store", create=True) as store:
        store.replace_article(article)
        first, second = round_trip(tmp_path, store, format_name)
    assert same_dataset(parsed(first, format_name), parsed(second, format_name))
    exported = {o for _, _, o, _ in parsed(first, format_name).quads((None, None, None, None))}
    assert all(any(value.eq(o) if hasattr(value, "eq") else value == o for o in exported) for value in values)


def test_merged_import_lands_in_the_default_graph_and_is_pushed_as_such(tmp_path):
    with open_store(tmp_path / "store", create=True) as store:
        store.replace_articles(sample_articles())
        path = tmp_path / "all.ttl"
        path.write_bytes(export_store(store, "turtle"))
    with open_store(tmp_path / "copy", create=True) as copy:
        import_file(copy, path)
        graphs = list(copy.iter_article_graphs())
        assert [name for name, _ in graphs] == [None]
        assert copy.counts().articles == 2
        assert len(Graph().parse(data=graphs[0][1].decode(), format="nt")) == len(copy.union_graph())

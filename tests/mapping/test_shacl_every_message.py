"""Every constraint of ontology/shapes.ttl that the small valid graph can break is broken, one at a time,
and must come back with its own message.

The hand-picked cases in test_shacl_shapes.py show the typical mistakes; this test walks the shapes file
itself, so a constraint added later is checked too: for each property shape on a class the valid graph
has, it removes the values (sh:minCount), adds a second one (sh:maxCount 1), puts in a value of another
datatype (sh:datatype), a node of another class (sh:class) or text that does not fit (sh:pattern).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import SH
from rdflib.term import Node
from test_shacl_shapes import graph

from kg.validate import shapes_graph, validate

ARTICLE = URIRef("https://w3id.org/kgid/id/article/a1")
REGION = URIRef("https://w3id.org/kgid/id/region/65")
KG_ARTICLE = URIRef("https://w3id.org/kgid/ontology#Article")


def _targets(shapes: Graph, property_shape: Node) -> list[Node]:
    return [cls for node in shapes.subjects(SH.property, property_shape)
            for cls in shapes.objects(node, SH.targetClass)]


def _focus(data: Graph, classes: list[Node], path: Node, needs_value: bool) -> Node | None:
    for cls in classes:
        for node in sorted(data.subjects(RDF.type, cls)):
            if not needs_value or (node, path, None) in data:
                return node
    return None


def _second_value(data: Graph, value: Node) -> Node | None:
    if isinstance(value, Literal):
        if value.datatype in (ns.XSD.integer, ns.XSD.decimal):
            return Literal(int(float(value)) + 1, datatype=value.datatype)
        if value.datatype == ns.XSD.date:
            return Literal("2001-01-01", datatype=ns.XSD.date)
        if value.datatype == ns.XSD.boolean:
            return Literal(not value.toPython())
        return Literal(str(value) + " (lain)", datatype=value.datatype, lang=value.language)
    kinds = set(data.objects(value, RDF.type))
    others = sorted(n for k in kinds for n in data.subjects(RDF.type, k) if n != value)
    return others[0] if others else None


def mistakes() -> Iterator[tuple[str, str, Graph]]:
    """(id, expected message, broken graph) for every constraint the valid graph lets us break."""
    shapes = shapes_graph()
    for shape in sorted(set(shapes.objects(None, SH.property))):
        path, message = shapes.value(shape, SH.path), shapes.value(shape, SH.message)
        classes = _targets(shapes, shape)
        if not isinstance(path, URIRef) or message is None or not classes:
            continue
        name = path.n3(shapes.namespace_manager)
        min_count = shapes.value(shape, SH.minCount)
        if min_count is not None and int(min_count) >= 1:
            data = graph()
            node = _focus(data, classes, path, needs_value=True)
            if node is not None:
                data.remove((node, path, None))
                yield f"{name} missing", str(message), data
        max_count = shapes.value(shape, SH.maxCount)
        if max_count is not None and int(max_count) == 1:
            data = graph()
            node = _focus(data, classes, path, needs_value=True)
            extra = _second_value(data, data.value(node, path)) if node is not None else None
            if extra is not None:
                data.add((node, path, extra))
                yield f"{name} twice", str(message), data
        datatype = shapes.value(shape, SH.datatype)
        if datatype is not None:
            data = graph()
            node = _focus(data, classes, path, needs_value=False)
            if node is not None:
                data.remove((node, path, None))
                wrong = Literal("x") if datatype != ns.XSD.string else Literal("12", datatype=ns.XSD.integer)
                data.add((node, path, wrong))
                yield f"{name} of datatype {wrong.datatype or 'string'}", str(message), data
        cls = shapes.value(shape, SH["class"])
        if cls is not None:
            data = graph()
            node = _focus(data, classes, path, needs_value=False)
            if node is not None:
                data.remove((node, path, None))
                data.add((node, path, REGION if cls == KG_ARTICLE else ARTICLE))
                yield f"{name} not a {cls.n3(shapes.namespace_manager)}", str(message), data
        pattern = shapes.value(shape, SH.pattern)
        if pattern is not None:
            data = graph()
            node = _focus(data, classes, path, needs_value=True)
            if node is not None:
                data.remove((node, path, None))
                data.add((node, path, Literal("?? tidak cocok ??")))
                yield f"{name} against its pattern", str(message), data


CASES = list(mistakes())


def test_the_walk_reaches_most_constraints() -> None:
    assert len(CASES) >= 60, len(CASES)  # the valid graph covers agencies, regions, visits, awards, posts…


@pytest.mark.parametrize(("message", "data"), [(m, d) for _, m, d in CASES], ids=[c[0] for c in CASES])
def test_each_broken_constraint_reports_its_own_message(message: str, data: Graph) -> None:
    report = validate(data)
    assert message in {f.message for f in report.findings}

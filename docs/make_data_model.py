"""Draw docs/data-model.png from ontology/kg.ttl and ontology/shapes.ttl (matplotlib + networkx only).

Classes are boxes listing their standard super classes and their literal properties; object properties
are labelled arrows. Arrows come from the ontology's rdfs:domain/rdfs:range and, for reused standard
properties (org:member, schema:location, …), from the shapes' sh:class constraints, so the picture is
regenerated, never hand-edited:  .venv/bin/python docs/make_data_model.py [OUT.png]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402
from rdflib import Graph, URIRef  # noqa: E402
from rdflib.namespace import OWL, RDF, RDFS, SH  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PREFIXES = {
    "https://w3id.org/kgid/ontology#": "", "http://www.w3.org/ns/org#": "org:",
    "http://www.w3.org/ns/prov#": "prov:", "http://www.w3.org/2004/02/skos/core#": "skos:",
    "https://schema.org/": "schema:", "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://www.w3.org/ns/oa#": "oa:",
    "http://purl.org/dc/terms/": "dcterms:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
}
# Hand-placed so arrows stay short and labels readable; a class added later falls back to a spring layout.
POSITIONS = {
    "Article": (0.0, 9.5), "Evidence": (0.0, 5.8), "skos:Concept": (9.0, 9.8), "Visit": (9.0, 5.8),
    "VisitKind": (13.5, 8.6), "Event": (18.0, 7.0), "Official": (4.0, 2.6), "Award": (14.0, 3.6),
    "Membership": (0.0, -0.3), "Role": (0.0, -3.6), "Agency": (9.0, -0.8), "AgencyType": (13.5, -3.6),
    "Region": (18.0, -2.4), "VisitPair": (4.5, -3.8),
}
EXTERNAL_NOTE = {"skos:Concept": "topics: ontology/topics.ttl"}
FACTS = {"Visit", "Award", "Membership", "Event"}
FACT_LINKS = {"prov:wasDerivedFrom", "evidence"}


def short(node: URIRef) -> str:
    for iri, prefix in PREFIXES.items():
        if str(node).startswith(iri):
            return prefix + str(node)[len(iri):]
    return str(node)


def read_model(onto: Graph, shapes: Graph):
    """Classes with their standard supers and literal properties, and the object-property edges."""
    classes = {short(c) for c in onto.subjects(RDF.type, OWL.Class)}
    supers = {short(c): sorted(short(s) for s in onto.objects(c, RDFS.subClassOf))
              for c in onto.subjects(RDF.type, OWL.Class)}
    literals: dict[str, set[str]] = defaultdict(set)
    edges: set[tuple[str, str, str]] = set()
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        for domain in onto.objects(prop, RDFS.domain):
            literals[short(domain)].add(short(prop))
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        for domain in onto.objects(prop, RDFS.domain):
            for range_ in onto.objects(prop, RDFS.range):
                edges.add((short(domain), short(prop), short(range_)))
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        for target in shapes.objects(shape, SH.targetClass):
            for prop_shape in shapes.objects(shape, SH.property):
                path = shapes.value(prop_shape, SH.path)
                if shapes.value(prop_shape, SH.datatype) is not None and not short(path).startswith("rdfs:"):
                    literals[short(target)].add(short(path))
                cls = shapes.value(prop_shape, SH["class"])
                if cls is not None:
                    edges.add((short(target), short(path), short(cls)))
    for domain, _, _ in list(edges):
        classes.add(domain)
    classes |= {r for _, _, r in edges}
    # Every fact links to its article and evidence; draw that once (from Visit) and note it in the boxes.
    edges = {e for e in edges if not (e[1] in FACT_LINKS and e[0] in FACTS and e[0] != "Visit")}
    return classes, supers, literals, edges


Box = tuple[float, float, float, float]


def edge_point(extent: Box, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box's centre towards `towards` leaves the box, so arrowheads stay visible."""
    x0, y0, x1, y1 = extent
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    scales = [abs((x1 - cx) / dx) if dx else float("inf"), abs((y1 - cy) / dy) if dy else float("inf")]
    scale = min(scales)
    return cx + dx * scale, cy + dy * scale


def box_text(name: str, supers: dict[str, list[str]], literals: dict[str, set[str]]) -> str:
    lines = [name + (f"  ({EXTERNAL_NOTE[name]})" if name in EXTERNAL_NOTE else "")]
    standard = [s for s in supers.get(name, []) if ":" in s]
    if standard:
        lines.append("⊑ " + ", ".join(standard))
    props = sorted(p for p in literals.get(name, ()) if p not in {"kg:key"})
    for i in range(0, len(props), 3):
        lines.append(", ".join(props[i:i + 3]))
    if name == "Region":
        lines.append("subclasses: Province, Regency, City, District")
    if name in FACTS:
        lines.append("+ label, wasDerivedFrom, evidence")
    return "\n".join(lines)


def draw(out: Path) -> None:
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    classes, supers, literals, edges = read_model(onto, shapes)
    sub_regions = {"Province", "Regency", "City", "District"}
    classes -= sub_regions
    edges = {e for e in edges if e[0] not in sub_regions and e[2] not in sub_regions}

    graph = nx.MultiDiGraph()
    graph.add_nodes_from(sorted(classes))
    for domain, prop, range_ in sorted(edges):
        graph.add_edge(domain, range_, label=prop)
    fallback = nx.spring_layout(graph, seed=7, scale=8)
    pos = {n: POSITIONS.get(n, tuple(fallback[n])) for n in graph.nodes}

    fig, ax = plt.subplots(figsize=(22, 15), dpi=100)
    ax.set_axis_off()
    ax.set_title("kg data model — generated from ontology/kg.ttl and ontology/shapes.ttl\n"
                 "boxes: classes (⊑ standard super classes; literal properties)   arrows: object properties",
                 fontsize=14)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 3.2, max(xs) + 4.6)
    ax.set_ylim(min(ys) - 1.6, max(ys) + 1.4)
    fig.tight_layout()
    boxes = {}
    for node, (x, y) in pos.items():
        external = ":" in node
        style = dict(boxstyle="round,pad=0.5", fc="#eeeeee" if external else "#fff6d5",
                     ec="#888888" if external else "#b8860b", lw=1.4)
        boxes[node] = ax.text(x, y, box_text(node, supers, literals), fontsize=10, ha="center", va="center",
                              zorder=5, bbox=style)
    fig.canvas.draw()
    to_data = ax.transData.inverted()
    extents = {}
    for node, text in boxes.items():
        (x0, y0), (x1, y1) = to_data.transform(text.get_bbox_patch().get_window_extent().get_points())
        extents[node] = (x0, y0, x1, y1)

    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for domain, range_, data in graph.edges(data=True):
        pairs[(domain, range_)].append(data["label"])
    for (domain, range_), labels in sorted(pairs.items()):
        label = "\n".join(sorted(labels))
        if domain == range_:
            x0, y0, x1, y1 = extents[domain]
            ym = (y0 + y1) / 2
            ax.add_patch(FancyArrowPatch((x1, ym - 0.3), (x1, ym + 0.3), connectionstyle="arc3,rad=1.6",
                                         arrowstyle="-|>", mutation_scale=14, color="#555", lw=1.2))
            ax.text(x1 + 0.75, ym, label, fontsize=9, color="#1f4e79", va="center")
            continue
        start, end = edge_point(extents[domain], pos[range_]), edge_point(extents[range_], pos[domain])
        ax.annotate("", xy=end, xytext=start,
                    arrowprops=dict(arrowstyle="-|>", color="#555", lw=1.2, shrinkA=2, shrinkB=2))
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        ax.text(*middle, label, fontsize=9, color="#1f4e79", ha="center", va="center",
                bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.9))
    fig.savefig(out)
    plt.close(fig)


if __name__ == "__main__":
    draw(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "data-model.png")

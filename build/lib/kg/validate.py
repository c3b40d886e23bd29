"""Checking a kg graph against ontology/shapes.ttl, with results as data and in plain words.

A graph that breaks a shape is not an error: `validate` returns a `Report` listing each finding with the
node's readable label and the article it came from, and `render` turns it into lines such as
`Visit "Diskominfo Berau → ?" (article 004_…): A visit needs exactly one host agency.` Only a broken
validator (a shapes file that does not parse or load) raises, as a `DataFileError` naming the file.
Validation runs without inference because kg.rdfmap states every rdf:type explicitly; that keeps it fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph, Dataset
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from kg.errors import DataFileError
from kg.paths import ONTOLOGY_DIR
from kg.vocab import FOAF, KG, KGI, PROV, RDF, RDFS, SCHEMA, SKOS, bind_prefixes

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
_LABELS = (RDFS.label, SKOS.prefLabel, FOAF.name, SCHEMA.name, SCHEMA.headline, KG.articleId)
_ARTICLE_PREFIX = str(KGI["article/"])
_KG_NS = str(KG.Agency)[: -len("Agency")]
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Finding:
    """One thing wrong (or worth a look) in the graph, described for people rather than for SHACL tools."""

    focus: str  # IRI of the node the problem is about
    label: str  # its rdfs:label / skos:prefLabel / foaf:name, else its IRI
    kind: str  # its kg class, e.g. "Visit", "Agency"; "Node" when it has none
    message: str  # the shape's sh:message, written for non-experts
    severity: str  # "Violation", "Warning" or "Info"
    path: str | None = None  # the property concerned, prefixed: "kg:host"
    value: str | None = None  # the offending value, readable
    article_ids: tuple[str, ...] = ()  # the articles the node came from (sorted)

    @property
    def article_id(self) -> str | None:
        """The (first) article the node came from, or None for shared entities such as agencies."""
        return self.article_ids[0] if self.article_ids else None


@dataclass(frozen=True)
class Report:
    """The outcome of validation: `conforms` is False when any finding is a Violation."""

    conforms: bool
    findings: tuple[Finding, ...] = ()

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "Violation")


@cache
def shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    """The shapes, parsed once per process (validation is called per article during ingest)."""
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise DataFileError("shapes file not found; kg cannot validate without it", source=str(path)) from exc
    except Exception as exc:  # rdflib raises several unrelated types for syntax errors
        raise DataFileError(f"not valid Turtle: {exc}", source=str(path)) from exc


def validate(data: Graph, *, shapes: Path = SHAPES_FILE) -> Report:
    """Validate `data` (one graph: an article's facts plus entities, or the union of a whole store)."""
    graph = _single_graph(data)
    try:
        conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes_graph(shapes), inference="none",
                                                allow_warnings=True, allow_infos=True)
    except DataFileError:
        raise
    except Exception as exc:  # pySHACL could not load or run a shape: the shapes file is broken
        raise DataFileError(f"the SHACL validator failed: {exc}", source=str(shapes)) from exc
    found = (_finding(graph, results, r) for r in results.subjects(RDF.type, SH.ValidationResult))
    findings = sorted(found, key=lambda f: (f.article_id or "", f.kind, f.label, f.path or "", f.message,
                                            f.value or ""))
    return Report(conforms=bool(conforms), findings=tuple(_unique(findings)))


def render(report: Report) -> list[str]:
    """Plain lines for people: `Visit "X → Y" (article 004_…): A visit needs exactly one host agency.`"""
    lines = []
    for f in report.findings:
        where = f" (article {', '.join(f.article_ids)})" if f.article_ids else ""
        value = f" (found: {f.value})" if f.value else ""
        prefix = "" if f.severity == "Violation" else f"{f.severity.lower()}: "
        lines.append(f'{prefix}{f.kind} "{f.label}"{where}: {f.message}{value}')
    return lines


# ---------------------------------------------------------------------------------------------------


def _single_graph(data: Graph) -> Graph:
    """A Dataset is validated as the union of its graphs: facts and the entities they point to together."""
    if isinstance(data, Dataset | ConjunctiveGraph):
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        data = union
    return data


def _finding(data: Graph, results: Graph, result: Node) -> Finding:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = results.value(result, SH.resultMessage)
    severity = results.value(result, SH.resultSeverity)
    names = bind_prefixes(Graph()).namespace_manager
    return Finding(
        focus=str(focus),
        label=_label(data, focus),
        kind=_kind(data, focus),
        message=str(message) if message is not None else "This node breaks a rule of ontology/shapes.ttl.",
        severity=_SEVERITY.get(severity, "Violation"),
        path=_short(names, path) if isinstance(path, URIRef) else None,
        value=_show(data, names, value) if value is not None else None,
        article_ids=_articles(data, focus),
    )


def _label(data: Graph, node: Node | None) -> str:
    for predicate in _LABELS:
        text = data.value(node, predicate)
        if text is not None:
            return str(text)
    return str(node)


def _kind(data: Graph, node: Node | None) -> str:
    """The most specific kg class of the node (Province rather than Region), else Topic or Node."""
    types = {t for t in data.objects(node, RDF.type) if str(t).startswith(_KG_NS)}
    if len(types) > 1:
        types.discard(KG.Region)
    if types:
        return min(str(t)[len(_KG_NS):] for t in types)
    if (node, RDF.type, SKOS.Concept) in data or str(node).startswith("https://w3id.org/kgid/topic/"):
        return "Topic"
    return "Node"


def _articles(data: Graph, node: Node | None) -> tuple[str, ...]:
    """The articles a node came from: itself if an article, via prov:wasDerivedFrom, or via its evidence."""
    sources: set[Node] = set()
    if (node, RDF.type, KG.Article) in data or (node, KG.articleId, None) in data:
        sources.add(node)
    sources.update(data.objects(node, PROV.wasDerivedFrom))
    sources.update(data.objects(node, KG.inArticle))
    for evidence in data.objects(node, KG.evidence):
        sources.update(data.objects(evidence, KG.inArticle))
    ids = set()
    for source in sources:
        article_id = data.value(source, KG.articleId)
        if article_id is not None:
            ids.add(str(article_id))
        elif str(source).startswith(_ARTICLE_PREFIX):
            ids.add(unquote(str(source)[len(_ARTICLE_PREFIX):]))
    return tuple(sorted(ids))


def _short(names: NamespaceManager, node: URIRef) -> str:
    try:
        return names.normalizeUri(node)
    except Exception:  # an IRI that cannot be prefixed is shown whole
        return f"<{node}>"


def _show(data: Graph, names: NamespaceManager, value: Node) -> str:
    if isinstance(value, Literal):
        return f'"{value}"' + (f" ({_short(names, value.datatype)})" if value.datatype else "")
    if isinstance(value, BNode):
        return "a blank node"
    label = _label(data, value)
    return f'"{label}"' if label != str(value) else _short(names, value)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for finding in findings:
        if finding not in seen:
            seen.add(finding)
            out.append(finding)
    return out

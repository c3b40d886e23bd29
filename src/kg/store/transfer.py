"""Export the store to standard RDF files and import them back (`kg export`, `kg import`).

Formats with named graphs (TriG, N-Quads) keep one graph per article, so an exported store can be loaded
into any SPARQL server or back into kg without losing provenance. Turtle, N-Triples and JSON-LD carry all
facts merged into one graph, the form most tools read; JSON-LD is compacted with the curated context
(ontology/context.jsonld) so it reads like ordinary JSON.

An import is parsed completely before anything is written, then applied as one transaction: a file that
does not parse leaves the store exactly as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import DataFileError, InputError
from kg.paths import ONTOLOGY_DIR
from kg.store import summary
from kg.store.embedded import EmbeddedStore
from kg.store.names import ENTITIES_GRAPH, PREFIXES, SUMMARY_GRAPH

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
EXTENSIONS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "ntriples",
              ".jsonld": "jsonld", ".json": "jsonld"}
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"


def export_store(store: EmbeddedStore, format_name: str) -> bytes:
    """The whole store serialised as `format_name` (one of FORMATS)."""
    rdf_format = _format(format_name)
    if rdf_format.supports_datasets and rdf_format is not ox.RdfFormat.JSON_LD:
        return store.dump_dataset(rdf_format, prefixes=PREFIXES if rdf_format is ox.RdfFormat.TRIG else None)
    if rdf_format is ox.RdfFormat.JSON_LD:
        graph = Graph()
        graph.parse(data=ox.serialize(store.merged_triples(), format=ox.RdfFormat.N_TRIPLES) or b"",
                    format="nt")
        text = graph.serialize(format="json-ld", context=json_ld_context(), auto_compact=True)
        return text.encode("utf-8")
    prefixes = PREFIXES if rdf_format is ox.RdfFormat.TURTLE else None
    return ox.serialize(store.merged_triples(), format=rdf_format, prefixes=prefixes) or b""


@dataclass(frozen=True)
class ImportSummary:
    graphs: int
    triples: int


def import_file(store: EmbeddedStore, path: Path, format_name: str | None = None) -> ImportSummary:
    """Load an RDF file into the store in one transaction; named graphs in it replace the stored ones.

    `kgg:entities` is merged rather than replaced (it is shared by every article), and `kgg:summary` is
    recomputed from the facts, so the store stays consistent whatever the file held.
    """
    return load_parsed(store, parse_file(path, format_name))


def parse_file(path: Path, format_name: str | None = None) -> ox.Store:
    """Parse an RDF file completely into memory, or raise InputError naming it (nothing is written).

    `kg import` parses before it opens (or creates) the store, so a file that does not parse leaves no
    trace, not even an empty store folder.
    """
    name = format_name or EXTENSIONS.get(path.suffix.lower())
    if name is None:
        raise InputError(f"cannot tell the RDF format from the extension {path.suffix!r}; pass --format "
                         f"({', '.join(FORMATS)})", source=str(path))
    staging = ox.Store()
    try:
        staging.load(path=str(path), format=_format(name))
    except SyntaxError as error:
        raise InputError(f"does not parse as {name}: {error}; nothing was imported",
                         source=str(path)) from None
    except (OSError, ValueError) as error:
        raise InputError(f"cannot be read: {error}; nothing was imported", source=str(path)) from None
    return staging


def load_parsed(store: EmbeddedStore, staging: ox.Store) -> ImportSummary:
    """Write a parsed file (`parse_file`) into the store in one transaction; see `import_file`."""
    operations: list[str] = []
    graphs = 0
    for graph in sorted(g.value for g in staging.named_graphs() if isinstance(g, ox.NamedNode)):
        body = staging.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)).decode("utf-8")
        if graph == SUMMARY_GRAPH:
            continue  # recomputed below
        if graph != ENTITIES_GRAPH:
            operations.append(f"DROP SILENT GRAPH <{graph}>")
        operations.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}}} }}")
        graphs += 1
    default = staging.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
    if default:
        operations.append(f"INSERT DATA {{\n{default}}}")
    operations.append(f"DROP SILENT GRAPH <{SUMMARY_GRAPH}>")
    operations += summary.visit_pair_updates(None) + summary.membership_updates(None)
    store.update(" ;\n".join(operations))
    store.optimize()  # fold the import's log into the database (see EmbeddedStore.optimize)
    return ImportSummary(graphs=graphs, triples=len(staging))


def json_ld_context() -> dict[str, Any]:
    """The curated @context (ontology/context.jsonld), or plain prefixes if the file is absent."""
    if not CONTEXT_FILE.is_file():
        return dict(PREFIXES)
    try:
        document = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"the JSON-LD context is unreadable: {error}", source=str(CONTEXT_FILE)) from None
    context = document.get("@context") if isinstance(document, dict) else None
    if not isinstance(context, dict):
        raise DataFileError("expected an object with an \"@context\" object", source=str(CONTEXT_FILE))
    return context


def _format(name: str) -> ox.RdfFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(f"unknown RDF format {name!r}; use one of {', '.join(FORMATS)}") from None

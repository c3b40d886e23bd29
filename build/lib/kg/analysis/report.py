"""`kg analyze` as a library call: measure the visit network and write tables, pictures and exports.

One function, `write_report`, so the CLI stays thin and a notebook or a script can produce the same
folder. Every file is written even when nothing matches (empty tables keep their header, pictures say
"no visits"), so tools downstream never trip over a missing file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx

from kg.analysis import figures, interactive, metrics, network
from kg.errors import InputError
from kg.store.base import Store

AGENCY_COLUMNS = ("agency", "label", "name", "region", "province", "visits_received", "visits_made",
                  "distinct_visitors", "distinct_hosts", "visitor_regions", "reciprocated_links", "pagerank",
                  "betweenness", "community", "isolated")
LINK_COLUMNS = ("visitor", "visitor_label", "host", "host_label", "visits", "dates", "topics", "articles")
SOURCE_COLUMNS = ("agency", "label", "visitor_regions", "visits_received")
FLOW_COLUMNS = ("from", "from_label", "from_level", "to", "to_label", "to_level", "visits")


@dataclass(frozen=True)
class AnalysisReport:
    """What `write_report` wrote, the headline numbers, and why it is empty when it is."""

    folder: Path
    files: tuple[Path, ...]
    summary: dict[str, object] = field(default_factory=dict)
    message: str | None = None


def prepare_folder(folder: Path) -> Path:
    """Create the output folder and prove it is writable, or raise one clear InputError naming it."""
    if folder.exists() and not folder.is_dir():
        raise InputError("is a file; give a folder for the analysis output", source=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".kg-write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as error:
        raise InputError(f"cannot write the analysis here ({error.strerror or error})",
                         source=str(folder)) from None
    return folder


def _write_csv(path: Path, columns: Iterable[str], rows: Iterable[dict[str, object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _flow_rows(flows: nx.DiGraph) -> list[dict[str, object]]:
    rows = [{"from": s, "from_label": flows.nodes[s]["label"], "from_level": flows.nodes[s]["level"],
             "to": t, "to_label": flows.nodes[t]["label"], "to_level": flows.nodes[t]["level"],
             "visits": d["weight"]} for s, t, d in flows.edges(data=True)]
    return sorted(rows, key=lambda r: (-r["visits"], r["from_label"], r["to_label"]))


def exportable(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy whose attributes GraphML/GEXF can hold: lists become ';'-joined strings."""
    def flat(attrs: dict[str, object]) -> dict[str, object]:
        return {k: ";".join(map(str, v)) if isinstance(v, list | tuple | set) else v
                for k, v in attrs.items() if v is not None}

    copy = nx.DiGraph(**flat(dict(graph.graph)))
    copy.add_nodes_from((n, flat(d)) for n, d in graph.nodes(data=True))
    copy.add_edges_from((s, t, flat(d)) for s, t, d in graph.edges(data=True))
    return copy


def summary(graph: nx.DiGraph) -> dict[str, object]:
    """Headline numbers of a visit graph."""
    groups = [c for c in metrics.communities(graph) if len(c) > 1]
    return {
        "agencies": sum(1 for n in graph if graph.degree(n) > 0),
        "visits": len(metrics.visit_dates(graph)),
        "visit_links": graph.number_of_edges(),
        "reciprocity": round(metrics.reciprocity(graph), 4),
        "communities": len(groups),
        "isolated_agencies": len(metrics.isolated_agencies(graph)),
    }


def write_report(store: Store, folder: Path, since: date | str | None = None, until: date | str | None = None,
                 topic: str | None = None) -> AnalysisReport:
    """Measure the visit network (optionally restricted) and write every table, picture and export."""
    folder = prepare_folder(Path(folder))
    filtered = bool(since or until or topic)
    graph = network.visit_graph(store, since=since, until=until, topic=topic, include_isolated=not filtered)
    message = graph.graph.get("message")
    unknown_topic = bool(message and message.startswith("unknown topic"))
    flows = (nx.DiGraph() if unknown_topic or topic else
             network.region_flow_graph(store, level="province", since=since, until=until))
    headline = summary(graph)
    files = [
        _write_csv(folder / "agencies.csv", AGENCY_COLUMNS, metrics.agency_table(graph)),
        _write_csv(folder / "visit-links.csv", LINK_COLUMNS, metrics.edge_table(graph)),
        _write_csv(folder / "knowledge-sources.csv", SOURCE_COLUMNS, metrics.knowledge_sources(graph)),
        _write_csv(folder / "communities.csv", ("community", "agency", "label"), (
            {"community": i + 1, "agency": n, "label": graph.nodes[n].get("label", n)}
            for i, group in enumerate(c for c in metrics.communities(graph) if len(c) > 1)
            for n in sorted(group))),
        _write_csv(folder / "province-flows.csv", FLOW_COLUMNS, _flow_rows(flows)),
        _write_csv(folder / "summary.csv", ("measure", "value"),
                   ({"measure": k, "value": v} for k, v in headline.items())),
        figures.save(figures.network_figure(graph), folder / "network.png"),
        figures.save(figures.matrix_figure(graph), folder / "matrix.png"),
        figures.save(figures.monthly_figure(graph), folder / "visits-per-month.png"),
    ]
    page = folder / "network.html"
    page.write_text(interactive.network_html(graph), encoding="utf-8")
    files.append(page)
    export = exportable(graph)
    nx.write_graphml(export, folder / "visits.graphml")
    nx.write_gexf(export, folder / "visits.gexf")
    files += [folder / "visits.graphml", folder / "visits.gexf"]
    return AnalysisReport(folder=folder, files=tuple(files), summary=headline, message=message)


__all__ = ["AnalysisReport", "exportable", "prepare_folder", "summary", "write_report"]

"""Network analysis of the knowledge graph: who visits whom, who is learned from, where practices go.

The API notebooks use (everything reads the store through the canned queries of `kg.queries`):

    from kg import analysis
    graph = analysis.visit_graph(store, since="2024-01-01", topic="ppid")   # nx.DiGraph, visitor → host
    analysis.agency_table(graph)          # per agency: visits, PageRank, betweenness, community…
    analysis.knowledge_sources(graph)     # hosts visited from the most distinct regions
    flows = analysis.region_flow_graph(store, level="province")
    analysis.network_figure(graph)        # matplotlib figures; matrix_figure, monthly_figure
    analysis.write_report(store, Path("out"))   # what `kg analyze` writes

Edges carry `weight` (number of visits) and the visits' `dates`, `topics`, `kinds` and `articles`; nodes
carry a short `label`, the full `name`, `region` and `province`. An empty selection is an empty graph
with `graph.graph["message"]` saying why, never an error.
"""

from __future__ import annotations

from kg.analysis.figures import matrix_figure, monthly_figure, network_figure, save
from kg.analysis.interactive import network_html
from kg.analysis.metrics import (
    agency_table,
    communities,
    edge_table,
    isolated_agencies,
    knowledge_sources,
    monthly_visits,
    reciprocity,
    visit_dates,
    visits_made,
    visits_received,
    weighted_pagerank,
)
from kg.analysis.network import (
    AgencyInfo,
    agencies,
    known_topics,
    region_flow_graph,
    short_label,
    visit_graph,
)
from kg.analysis.report import AnalysisReport, exportable, summary, write_report

__all__ = [
    "AgencyInfo",
    "AnalysisReport",
    "agencies",
    "agency_table",
    "communities",
    "edge_table",
    "exportable",
    "isolated_agencies",
    "known_topics",
    "knowledge_sources",
    "matrix_figure",
    "monthly_figure",
    "monthly_visits",
    "network_figure",
    "network_html",
    "reciprocity",
    "region_flow_graph",
    "save",
    "short_label",
    "summary",
    "visit_dates",
    "visit_graph",
    "visits_made",
    "visits_received",
    "weighted_pagerank",
    "write_report",
]

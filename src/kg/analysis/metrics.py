"""Network measures of the visit graph: who is visited, who travels, who bridges, who learns from whom.

Each measure is a plain function of a `visit_graph` so notebooks can pick what they need;
`agency_table` puts them side by side, one row per agency, for CSV output.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

COMMUNITY_SEED = 42


def weighted_pagerank(graph: nx.DiGraph, alpha: float = 0.85, weight: str = "weight") -> dict[str, float]:
    """PageRank where a visit passes rank from visitor to host in proportion to the number of visits.

    A host visited by well-visited agencies ranks high: "the place the leaders go to learn".
    Agencies that visit nobody spread their rank evenly, as in the standard definition.
    """
    if graph.number_of_nodes() == 0:
        return {}
    return nx.pagerank(graph, alpha=alpha, weight=weight)


def communities(graph: nx.DiGraph) -> list[set[str]]:
    """Groups of agencies that visit each other more than chance (Louvain, seeded so runs agree)."""
    if graph.number_of_edges() == 0:
        return [{n} for n in sorted(graph)]
    undirected = nx.Graph()
    undirected.add_nodes_from(graph)
    for source, target, data in graph.edges(data=True):
        previous = undirected.get_edge_data(source, target, {"weight": 0})["weight"]
        undirected.add_edge(source, target, weight=previous + data.get("weight", 1))
    found = nx.community.louvain_communities(undirected, weight="weight", seed=COMMUNITY_SEED)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), sorted(c)))


def reciprocity(graph: nx.DiGraph) -> float:
    """Share of visit links that are returned (A→B with B→A); 0 for a graph without links."""
    return nx.reciprocity(graph) if graph.number_of_edges() else 0.0


def visits_received(graph: nx.DiGraph, node: str) -> int:
    """Distinct visits an agency hosted (a visit by two agencies together counts once)."""
    return len({v for _, _, d in graph.in_edges(node, data=True) for v in d.get("visits", [])})


def visits_made(graph: nx.DiGraph, node: str) -> int:
    """Distinct visits an agency took part in as a visitor."""
    return len({v for _, _, d in graph.out_edges(node, data=True) for v in d.get("visits", [])})


def knowledge_sources(graph: nx.DiGraph) -> list[dict[str, object]]:
    """Hosts ranked by how many distinct regions their visitors came from (then by visits received).

    A host that draws visitors from many regions is where a practice is learned by the country.
    """
    regions: dict[str, set[str]] = defaultdict(set)
    for visitor, host in graph.edges():
        regions[host].add(graph.nodes[visitor].get("region") or visitor)
    received = {host: visits_received(graph, host) for host in regions}
    ranked = sorted(regions, key=lambda h: (-len(regions[h]), -received[h], graph.nodes[h].get("label", h)))
    return [{"agency": h, "label": graph.nodes[h].get("label", h), "visitor_regions": len(regions[h]),
             "visits_received": received[h]} for h in ranked]


def isolated_agencies(graph: nx.DiGraph) -> list[str]:
    """Agencies in the graph with no visit made or received (build it with include_isolated=True)."""
    return sorted(n for n in graph if graph.degree(n) == 0)


def agency_table(graph: nx.DiGraph) -> list[dict[str, object]]:
    """One row per agency with every measure, most visited first (the `agencies.csv` of `kg analyze`)."""
    pagerank = weighted_pagerank(graph)
    betweenness = nx.betweenness_centrality(graph) if len(graph) > 2 else dict.fromkeys(graph, 0.0)
    community_of = {n: i + 1 for i, group in enumerate(communities(graph)) for n in group}
    sources = {row["agency"]: row["visitor_regions"] for row in knowledge_sources(graph)}
    rows = []
    for node, data in graph.nodes(data=True):
        returned = sum(1 for s in graph.successors(node) if graph.has_edge(s, node))
        rows.append({
            "agency": node,
            "label": data.get("label", node),
            "name": data.get("name", ""),
            "region": data.get("region", ""),
            "province": data.get("province", ""),
            "visits_received": visits_received(graph, node),
            "visits_made": visits_made(graph, node),
            "distinct_visitors": graph.in_degree(node),
            "distinct_hosts": graph.out_degree(node),
            "visitor_regions": sources.get(node, 0),
            "reciprocated_links": returned,
            "pagerank": round(pagerank.get(node, 0.0), 6),
            "betweenness": round(betweenness.get(node, 0.0), 6),
            "community": community_of.get(node, 0),
            "isolated": graph.degree(node) == 0,
        })
    rows.sort(key=lambda r: (-r["visits_received"], -r["visits_made"], r["label"]))
    return rows


def edge_table(graph: nx.DiGraph) -> list[dict[str, object]]:
    """One row per visitor → host link with its visits, dates, topics and articles (`visits.csv`)."""
    rows = []
    for source, target, data in graph.edges(data=True):
        rows.append({
            "visitor": source, "visitor_label": graph.nodes[source].get("label", source),
            "host": target, "host_label": graph.nodes[target].get("label", target),
            "visits": data.get("weight", 1), "dates": " ".join(data.get("dates", [])),
            "topics": " ".join(data.get("topics", [])), "articles": " ".join(data.get("articles", [])),
        })
    rows.sort(key=lambda r: (-r["visits"], r["visitor_label"], r["host_label"]))
    return rows


def visit_dates(graph: nx.DiGraph) -> dict[str, str]:
    """Every visit in the graph with its ISO date ("" when undated); a visit with two visitors counts once."""
    dates: dict[str, str] = {}
    for _, _, data in graph.edges(data=True):
        dates.update(zip(data.get("visits", []), data.get("dates", []), strict=True))
    return dates


def monthly_visits(graph: nx.DiGraph) -> tuple[list[tuple[str, int]], int]:
    """Distinct dated visits per month (YYYY-MM, every month of the span) and how many are undated."""
    counts: dict[str, int] = defaultdict(int)
    undated = 0
    for visit_date in visit_dates(graph).values():
        if visit_date:
            counts[visit_date[:7]] += 1
        else:
            undated += 1
    return _fill_months(counts), undated


def _fill_months(counts: dict[str, int]) -> list[tuple[str, int]]:
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    filled = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        filled.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return filled

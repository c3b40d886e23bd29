"""The pictures of `kg analyze`: the visit network, the who-visited-whom matrix, visits per month.

matplotlib with the Agg backend (no display needed, same output on a laptop and in CI). Figures are
made without pyplot's global state, so a notebook shows each returned figure once and nothing leaks.
Agencies are named by their short labels; large graphs keep the most visited agencies readable
rather than all.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

# Agg draws without a display (servers, CI); a Jupyter kernel keeps its inline backend so figures show.
if not os.environ.get("MPLBACKEND", "").endswith("backend_inline"):
    matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from kg.analysis.metrics import monthly_visits, visits_made, visits_received  # noqa: E402

MAX_LABELLED_NODES = 40
MAX_MATRIX_SIDE = 30
LAYOUT_SEED = 7
DPI = 150


def _empty(figure: Figure, message: str) -> Figure:
    axes = figure.add_subplot()
    axes.axis("off")
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color="#555555")
    return figure


def network_figure(graph: nx.DiGraph, title: str = "Who visited whom") -> Figure:
    """Agencies as circles sized by visits received, coloured by province; arrows run visitor → host."""
    figure = Figure(figsize=(11, 8.5), dpi=DPI)
    active = graph.subgraph([n for n in graph if graph.degree(n) > 0]).copy()
    if active.number_of_nodes() == 0:
        return _empty(figure, graph.graph.get("message", "No visits to draw"))
    axes = figure.add_subplot()
    axes.axis("off")
    layout = nx.spring_layout(active, seed=LAYOUT_SEED, weight="weight",
                              k=2.2 / max(active.number_of_nodes(), 1) ** 0.5)
    provinces = sorted({active.nodes[n].get("province") or "national" for n in active})
    palette = matplotlib.colormaps["tab20"]
    colour = {p: palette(i % 20) for i, p in enumerate(provinces)}
    received = {n: visits_received(active, n) for n in active}
    sizes = [350 + 650 * received[n] for n in active]
    widths = [0.8 + 1.2 * d.get("weight", 1) for _, _, d in active.edges(data=True)]
    nx.draw_networkx_edges(active, layout, ax=axes, width=widths, edge_color="#7a7a7a", alpha=0.8,
                           arrows=True, arrowstyle="-|>", arrowsize=16, node_size=sizes,
                           connectionstyle="arc3,rad=0.12")
    nx.draw_networkx_nodes(active, layout, ax=axes, node_size=sizes, linewidths=1.0, edgecolors="white",
                           node_color=[colour[active.nodes[n].get("province") or "national"] for n in active])
    ranked = sorted(active, key=lambda n: (-received[n] - visits_made(active, n), n))
    labelled = {n: active.nodes[n].get("label", n) for n in ranked[:MAX_LABELLED_NODES]}
    spread = max((abs(c) for xy in layout.values() for c in xy), default=1.0) or 1.0
    below = {n: (x, y - 0.06 * spread - 0.012 * spread * received[n] ** 0.5) for n, (x, y) in layout.items()}
    nx.draw_networkx_labels(active, below, labels=labelled, ax=axes, font_size=9, verticalalignment="top",
                            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8})
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, color=colour[p], label=p)
               for p in provinces]
    axes.legend(handles=handles, title="Province", loc="lower left", fontsize=8, title_fontsize=9,
                frameon=False)
    axes.set_title(f"{title}\ncircle size: visits received · arrow: visitor → host · "
                   f"thicker line: more visits", fontsize=11)
    axes.margins(0.12)
    figure.tight_layout()
    return figure


def matrix_figure(graph: nx.DiGraph, title: str = "Who visited whom (number of visits)") -> Figure:
    """A heat map: one row per visiting agency, one column per host, the cell counts visits."""
    def label(node: str) -> str:
        return graph.nodes[node].get("label", node)

    visitors = sorted((n for n in graph if graph.out_degree(n) > 0),
                      key=lambda n: (-visits_made(graph, n), label(n)))[:MAX_MATRIX_SIDE]
    hosts = sorted((n for n in graph if graph.in_degree(n) > 0),
                   key=lambda n: (-visits_received(graph, n), label(n)))[:MAX_MATRIX_SIDE]
    width = max(6.0, 2.5 + 0.55 * len(hosts))
    height = max(4.5, 2.5 + 0.45 * len(visitors))
    figure = Figure(figsize=(width, height), dpi=DPI)
    if not visitors:
        return _empty(figure, graph.graph.get("message", "No visits to count"))
    cells = [[graph.get_edge_data(v, h, {}).get("weight", 0) for h in hosts] for v in visitors]
    axes = figure.add_subplot()
    top = max(max(max(row) for row in cells), 2)
    image = axes.imshow(cells, cmap="Blues", vmin=0, vmax=top, aspect="auto")
    axes.set_xticks(range(len(hosts)), [label(h) for h in hosts], rotation=40,
                    ha="right", fontsize=9)
    axes.set_yticks(range(len(visitors)), [label(v) for v in visitors], fontsize=9)
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            if value:
                axes.text(j, i, str(value), ha="center", va="center", fontsize=9,
                          color="white" if value > top * 0.6 else "black")
    axes.set_xlabel("host (visited)")
    axes.set_ylabel("visitor")
    axes.set_title(title, fontsize=11)
    colourbar = figure.colorbar(image, ax=axes, fraction=0.04, pad=0.02, ticks=MaxNLocator(integer=True))
    colourbar.set_label("visits")
    figure.tight_layout()
    return figure


def monthly_figure(graph: nx.DiGraph, title: str = "Visits per month") -> Figure:
    """Bars of dated visits per month; undated visits are counted in the caption."""
    months, undated = monthly_visits(graph)
    figure = Figure(figsize=(max(7.0, 1.5 + 0.28 * len(months)), 4.5), dpi=DPI)
    if not months:
        note = f" ({undated} undated)" if undated else ""
        return _empty(figure, graph.graph.get("message", "No dated visits") + note)
    axes = figure.add_subplot()
    axes.bar(range(len(months)), [count for _, count in months], color="#3b75af")
    step = max(1, len(months) // 24)
    axes.set_xticks(range(0, len(months), step), [m for m, _ in months][::step], rotation=60, ha="right",
                    fontsize=8)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_ylabel("visits")
    caption = f" — {undated} undated visit(s) not shown" if undated else ""
    axes.set_title(title + caption, fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def save(figure: Figure, path: Path) -> Path:
    """Write a figure as PNG and free its memory (figures pile up in long notebook sessions)."""
    figure.savefig(path, format="png")
    plt.close(figure)
    return path

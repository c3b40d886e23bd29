"""An interactive HTML network that works offline: pyvis with the vis-network script inlined.

pyvis's `cdn_resources="in_line"` inlines vis-network but its page template still links Bootstrap from a
CDN (used only for a card style); those links are removed so the page opens with no network at all.
"""

from __future__ import annotations

import html
import re

import networkx as nx
from pyvis.network import Network

from kg.analysis.metrics import visits_received

_REMOTE_ASSET = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']https?://[^>]*>|<script\b[^>]*\bsrc\s*=\s*[\"']https?://[^>]*>\s*</script>",
    flags=re.IGNORECASE | re.DOTALL,
)
_COMMENTED_ASSETS = re.compile(r"<!--\s*<link.*?-->", flags=re.DOTALL)
REMOTE_REFERENCE = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"'](?:https?:)?//",
                              flags=re.IGNORECASE)


def network_html(graph: nx.DiGraph, title: str = "Who visited whom") -> str:
    """The page as a string: hover a circle for the agency, an arrow for the visits' dates and topics."""
    net = Network(height="760px", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.barnes_hut(gravity=-6000, spring_length=160)
    for node, data in graph.nodes(data=True):
        received = visits_received(graph, node)
        tooltip = "\n".join(part for part in (
            data.get("name", node), data.get("province", ""), f"visits received: {received}") if part)
        net.add_node(node, label=data.get("label", node), title=tooltip, value=1 + received,
                     group=data.get("province") or "national")
    for source, target, data in graph.edges(data=True):
        dates = ", ".join(d for d in data.get("dates", []) if d) or "undated"
        names = f"{graph.nodes[source].get('label', source)} → {graph.nodes[target].get('label', target)}"
        tooltip = (f"{names}\n"
                   f"visits: {data.get('weight', 1)} ({dates})\ntopics: {', '.join(data.get('topics', []))}")
        net.add_edge(source, target, value=data.get("weight", 1), title=tooltip, arrows="to")
    page = net.generate_html(notebook=False)
    page = _COMMENTED_ASSETS.sub("", page)
    page = _REMOTE_ASSET.sub("", page)
    heading = f"<h2 style=\"font-family:sans-serif\">{html.escape(title)}</h2>"
    page = page.replace("<body>", "<body>\n" + heading, 1)
    if REMOTE_REFERENCE.search(page):  # a pyvis upgrade brought a new remote asset: fail loudly, not silently
        raise RuntimeError("the interactive network page still refers to a remote script or style")
    return page

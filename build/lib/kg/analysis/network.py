"""The agency visit network and the region flow network, built from canned-query rows only.

Everything here reads the store through `kg.queries.run`, so the analysis sees exactly what a user of
`kg query` sees, works the same on the embedded store and on a SPARQL server, and never depends on how
the store keeps its triples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import networkx as nx

from kg import queries
from kg.errors import QueryError
from kg.store.base import Store

TOPIC_NS = "https://w3id.org/kgid/topic/"
KIND_NS = "https://w3id.org/kgid/id/visit-kind/"
SHORT_LABEL_MAX = 28
REGION_LEVELS = ("region", "province")


@dataclass(frozen=True)
class AgencyInfo:
    """What the pictures and tables say about an agency: its names and where it is."""

    iri: str
    name: str  # canonical full name (skos:prefLabel)
    label: str  # a short name for pictures ("Diskominfo Kaltim")
    key: str = ""
    type: str = ""
    region: str = ""  # region code the agency serves, "" for national agencies
    region_label: str = ""
    province: str = ""  # province name, "" for national agencies


def _text(value: object) -> str:
    return "" if value is None else str(value)


def short_label(name: str, written: Iterable[str], region_label: str = "", key: str = "") -> str:
    """A short, readable name: the shortest name an article wrote (two words or more preferred).

    A one-word abbreviation ("DKISP") gets its region so two regions' agencies stay apart; with no short
    written name the canonical name is cut to fit.
    """
    candidates = sorted({w.strip() for w in written if w and len(w.strip()) <= SHORT_LABEL_MAX},
                        key=lambda w: (len(w), w))
    multi = [w for w in candidates if " " in w]
    if multi:
        return multi[0]
    if candidates:
        return f"{candidates[0]} {region_label}".strip() if region_label else candidates[0]
    if len(name) <= SHORT_LABEL_MAX or not key:
        return name if len(name) <= SHORT_LABEL_MAX else name[: SHORT_LABEL_MAX - 1].rstrip() + "…"
    return key


def agencies(store: Store) -> dict[str, AgencyInfo]:
    """Every agency in the store by IRI, with a unique short label for pictures."""
    rows: dict[str, dict[str, object]] = {}
    written: dict[str, list[str]] = defaultdict(list)
    for row in queries.run(store, "agencies"):
        iri = str(row["agency"])
        rows.setdefault(iri, row)
        if "altLabel" in row:
            written[iri].append(str(row["altLabel"]))
    infos: dict[str, AgencyInfo] = {}
    for iri, row in rows.items():
        region_label = _text(row.get("regionLabel"))
        infos[iri] = AgencyInfo(
            iri=iri, name=_text(row.get("label")),
            label=short_label(_text(row.get("label")), written[iri], region_label, _text(row.get("key"))),
            key=_text(row.get("key")), type=_text(row.get("type")).rsplit("/", 1)[-1],
            region=_text(row.get("regionCode")), region_label=region_label,
            province=_text(row.get("provinceLabel")),
        )
    seen: dict[str, int] = defaultdict(int)
    for info in infos.values():
        seen[info.label] += 1
    for iri, info in list(infos.items()):
        if seen[info.label] > 1:  # two agencies with one short name: keep them apart by key
            infos[iri] = AgencyInfo(**{**info.__dict__, "label": f"{info.label} ({info.key or iri})"})
    return infos


def known_topics(store: Store) -> dict[str, str]:
    """Topic id → label for every topic of the scheme."""
    rows = queries.run(store, "topics")
    return {str(r["topic"]).removeprefix(TOPIC_NS): str(r["topicLabel"]) for r in rows}


def _params(since: date | str | None, until: date | str | None, topic: str | None) -> dict[str, str]:
    params = {}
    if since:
        params["since"] = str(since)
    if until:
        params["until"] = str(until)
    if topic:
        params["topic"] = topic
    return params


def visit_graph(store: Store, since: date | str | None = None, until: date | str | None = None,
                topic: str | None = None, include_isolated: bool = False) -> nx.DiGraph:
    """The directed agency network: an edge visitor → host weighted by the number of visits.

    Nodes carry `label` (short name), `name`, `key`, `region`, `region_label`, `province`. Edges carry
    `weight` (visits), `visits` (visit IRIs, by date) with `dates` aligned to them (ISO date, "" when
    undated), and sorted lists of `topics` (topic ids), `kinds` and `articles` (article ids).
    `since`/`until` keep dated visits in the range; `topic` keeps visits that carried it. An unknown
    topic or a range with no visits gives an empty graph whose `graph["message"]` says why.
    `include_isolated` adds the agencies that have no visit (for the isolated-agency measure).
    """
    graph = nx.DiGraph(since=str(since or ""), until=str(until or ""), topic=topic or "")
    if topic:
        topics = known_topics(store)
        if topic.removeprefix(TOPIC_NS) not in topics:
            graph.graph["message"] = f"unknown topic '{topic}' (known: {', '.join(sorted(topics)) or 'none'})"
            return graph
    info = agencies(store)
    edges: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    visit_dates: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for row in queries.run(store, "visit-edges", _params(since, until, topic)):
        pair = (str(row["visitor"]), str(row["host"]))
        attrs = edges[pair]
        visit_dates[pair][str(row["visit"])] = _text(row.get("date"))
        attrs["topics"].update(t.removeprefix(TOPIC_NS) for t in _text(row.get("topics")).split())
        attrs["kinds"].update(k.removeprefix(KIND_NS) for k in _text(row.get("kind")).split())
        attrs["articles"].update(_text(row.get("articleIds")).split())
    nodes = set(info) if include_isolated else {n for pair in edges for n in pair}
    for iri in sorted(nodes):
        graph.add_node(iri, **_node_attributes(info.get(iri), iri))
    for (visitor, host), attrs in sorted(edges.items()):
        dated = sorted(visit_dates[(visitor, host)].items(), key=lambda v: (v[1] == "", v[1], v[0]))
        graph.add_edge(visitor, host, weight=len(dated), visits=[v for v, _ in dated],
                       dates=[d for _, d in dated],
                       **{name: sorted(values) for name, values in attrs.items()})
    if not edges:
        graph.graph["message"] = "no visits match" + _range_words(since, until, topic)
    return graph


def _range_words(since: object, until: object, topic: str | None) -> str:
    words = []
    if since:
        words.append(f"since {since}")
    if until:
        words.append(f"until {until}")
    if topic:
        words.append(f"with topic {topic}")
    return (" " + " ".join(words)) if words else " (the store holds no visits)"


def _node_attributes(info: AgencyInfo | None, iri: str) -> dict[str, str]:
    if info is None:
        tail = iri.rsplit("/", 1)[-1]
        return {"label": tail, "name": tail, "key": "", "region": "", "region_label": "", "province": ""}
    return {"label": info.label, "name": info.name, "key": info.key, "region": info.region,
            "region_label": info.region_label, "province": info.province}


def region_flow_graph(store: Store, level: str = "region", since: date | str | None = None,
                      until: date | str | None = None) -> nx.DiGraph:
    """Regions as nodes, an edge from the visitors' region to the hosts' weighted by visits.

    `level="region"` keeps each agency's own region (kabupaten → province flows show as such);
    `level="province"` rolls both ends up to their province. National agencies have no region.
    """
    if level not in REGION_LEVELS:
        raise QueryError(f"level must be one of {', '.join(REGION_LEVELS)}, not {level!r}")
    params = {"level": level, **_params(since, until, None)}
    graph = nx.DiGraph(level=level)
    for row in queries.run(store, "region-flows", params):
        source, target = str(row["from"]), str(row["to"])
        graph.add_node(source, label=str(row["fromLabel"]), level=str(row["fromLevel"]))
        graph.add_node(target, label=str(row["toLabel"]), level=str(row["toLevel"]))
        graph.add_edge(source, target, weight=int(row["visits"]))
    if graph.number_of_edges() == 0:
        graph.graph["message"] = "no visits between regions" + _range_words(since, until, None)
    return graph

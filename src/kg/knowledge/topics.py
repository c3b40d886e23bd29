"""Topic labels read from the SKOS scheme (ontology/topics.ttl): prefLabel and altLabels per concept.

The scheme is the single source of topics: the recogniser finds a topic by the same labels a user sees
in the graph, so adding an altLabel to the Turtle file teaches the extractor a new wording. A
skos:hiddenLabel is a search label too general to name the topic on one mention ("aplikasi"): the
event stage counts it only where the article uses the topic's labels at least twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.knowledge.datafile import fail

TOPIC_NS = "https://w3id.org/kgid/topic/"
HIDDEN_LABEL = ":hidden"  # ends the rule of a mention found by a hidden label


@dataclass(frozen=True)
class Topic:
    """A concept of the topic scheme with the labels the recogniser matches."""

    id: str  # local name of the concept: "ppid"
    label: str  # skos:prefLabel
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...] = ()  # skos:hiddenLabel: counted only when the topic recurs


def load_topics(path: Path) -> dict[str, Topic]:
    """Every skos:Concept of the kgt: namespace with its labels; a concept without prefLabel is an error."""
    import rdflib
    from rdflib.namespace import RDF, SKOS

    if not path.is_file():
        raise fail(path, None, "topic scheme is missing")
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser-specific types
        raise fail(path, getattr(exc, "lines", None), f"not valid Turtle: {exc}") from None
    topics: dict[str, Topic] = {}
    for concept in sorted(graph.subjects(RDF.type, SKOS.Concept)):
        iri = str(concept)
        if not iri.startswith(TOPIC_NS):
            continue
        topic_id = iri[len(TOPIC_NS):]
        prefs = sorted(str(v) for v in graph.objects(concept, SKOS.prefLabel))
        if not prefs:
            raise fail(path, None, f"topic {topic_id!r} has no skos:prefLabel")
        alts = tuple(sorted({str(v) for v in graph.objects(concept, SKOS.altLabel)} - set(prefs[:1])))
        hidden = tuple(sorted({str(v) for v in graph.objects(concept, SKOS.hiddenLabel)} - {prefs[0], *alts}))
        topics[topic_id] = Topic(topic_id, prefs[0], alts, hidden)
    return topics

"""The `kgg:summary` graph: per visitor→host pair counts and membership first/last attestation.

"Who visited whom, how often, since when" is the question users ask most. Answering it from the article
graphs means grouping every visit of every article on each query; keeping one `kg:VisitPair` per pair,
recomputed at ingest for just the pairs a batch touched, keeps it a lookup however large the graph grows.
The updates below run inside the batch's transaction, so the summary never disagrees with the facts.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.store.names import ENTITIES_GRAPH, KG, KGI, SUMMARY_GRAPH, VISIT_PAIR_PREFIX

_SCHEMA_START = "https://schema.org/startDate"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


def _iri(value: str) -> str:
    if any(c in value for c in '<>"{}|^`\\ \n'):
        raise ValueError(f"not an IRI the store can write: {value!r}")
    return f"<{value}>"


def visit_pair_updates(pairs: Iterable[tuple[str, str]] | None) -> list[str]:
    """SPARQL Update operations that recompute the VisitPair nodes of these (visitor, host) IRIs.

    `None` means every pair (after an import; the caller has dropped the summary graph first).
    """
    summary = _iri(SUMMARY_GRAPH)
    if pairs is None:
        restrict, delete = "", None
    else:
        values = " ".join(f"({_iri(v)} {_iri(h)})" for v, h in sorted(set(pairs)))
        if not values:
            return []
        restrict = f"VALUES (?v ?h) {{ {values} }} "
        delete = (
            f"DELETE {{ GRAPH {summary} {{ ?pair ?p ?o }} }} WHERE {{ {restrict}"
            f"GRAPH {summary} {{ ?pair <{KG}pairVisitor> ?v ; <{KG}pairHost> ?h ; ?p ?o }} }}"
        )
    insert = (
        f"INSERT {{ GRAPH {summary} {{ ?pair <{_RDF_TYPE}> <{KG}VisitPair> ; <{KG}pairVisitor> ?v ; "
        f"<{KG}pairHost> ?h ; <{KG}visitCount> ?n ; <{KG}firstVisit> ?first ; <{KG}lastVisit> ?last }} }} "
        f"WHERE {{ {{ SELECT ?v ?h (COUNT(DISTINCT ?visit) AS ?n) (MIN(?d) AS ?first) (MAX(?d) AS ?last) "
        f"WHERE {{ {restrict}"
        f"GRAPH ?g {{ ?visit <{KG}visitor> ?v ; <{KG}host> ?h }} FILTER(?g != {summary}) "
        f"OPTIONAL {{ GRAPH ?g {{ ?visit <{_SCHEMA_START}> ?d }} }} }} GROUP BY ?v ?h }} "
        f'BIND(IRI(CONCAT("{VISIT_PAIR_PREFIX}", SUBSTR(SHA256(CONCAT(STR(?v), " ", STR(?h))), 1, 24))) '
        f"AS ?pair) }}"
    )
    return [insert] if delete is None else [delete, insert]


def membership_updates(memberships: Iterable[str] | None) -> list[str]:
    """SPARQL Update operations that recompute kg:firstAttested/kg:lastAttested of these memberships.

    `None` means every membership (the caller has dropped the summary graph first).
    """
    summary = _iri(SUMMARY_GRAPH)
    if memberships is None:
        restrict, delete = "", None
    else:
        values = " ".join(_iri(m) for m in sorted(set(memberships)))
        if not values:
            return []
        restrict = f"VALUES ?m {{ {values} }} "
        delete = (
            f"DELETE {{ GRAPH {summary} {{ ?m ?p ?o }} }} WHERE {{ {restrict}"
            f"GRAPH {summary} {{ ?m ?p ?o }} }}"
        )
    insert = (
        f"INSERT {{ GRAPH {summary} {{ ?m <{KG}firstAttested> ?first ; <{KG}lastAttested> ?last }} }} "
        f"WHERE {{ {{ SELECT ?m (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{ {restrict}"
        f"GRAPH ?g {{ ?m <{KG}attestedOn> ?d }} FILTER(?g != {summary}) }} GROUP BY ?m }} }}"
    )
    return [insert] if delete is None else [delete, insert]


def orphan_cleanup(candidates: Iterable[str], *, passes: int = 4) -> list[str]:
    """Drop the shared description of nodes that nothing refers to any more.

    Candidates are the individuals an overwritten article version referred to, and what their shared
    descriptions refer to in turn (an agency's region, the region's parents). Without this an edited
    article would leave its old agency's name or its old venue's district behind in `kgg:entities`. Each
    pass removes one level (a district, then its now unused regency…). An `owl:sameAs` from a merge does
    not keep a node alive: the merged node is then known only as the canonical one's alias.
    """
    values = " ".join(_iri(c) for c in sorted(set(candidates)))
    if not values:
        return []
    entities = _iri(ENTITIES_GRAPH)
    operation = (
        f"DELETE {{ GRAPH {entities} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
        f"GRAPH {entities} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p2 ?o2 }} FILTER(?g != {entities}) }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g3 {{ ?x ?q ?s }} FILTER(?x != ?s && ?q != <{_SAME_AS}>) }} }}"
    )
    return [operation] * passes


def touched_query(graphs: Iterable[str]) -> tuple[str, str, str]:
    """SELECTs for what the stored versions of these graphs refer to: pairs, memberships, entities.

    Entities are individuals (`kgi:`) within three steps in `kgg:entities` of what the graphs mention;
    topics and ontology terms are shared vocabulary, never collected.
    """
    values = " ".join(_iri(g) for g in sorted(set(graphs)))
    pairs = (
        f"SELECT DISTINCT ?v ?h WHERE {{ VALUES ?g {{ {values} }} "
        f"GRAPH ?g {{ ?visit <{KG}visitor> ?v ; <{KG}host> ?h }} }}"
    )
    memberships = (
        f"SELECT DISTINCT ?m WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?m <{KG}attestedOn> ?d }} }}"
    )
    any_step = "(!<urn:kg:no-such-property>)?"
    entities = (
        f"SELECT DISTINCT ?n WHERE {{ VALUES ?g {{ {values} }} "
        f"GRAPH ?g {{ {{ ?m ?p ?o }} UNION {{ ?s ?p ?m }} }} FILTER(isIRI(?m)) "
        f"GRAPH <{ENTITIES_GRAPH}> {{ ?m {any_step}/{any_step}/{any_step} ?n }} "
        f'FILTER(isIRI(?n) && STRSTARTS(STR(?n), "{KGI}")) }}'
    )
    return pairs, memberships, entities

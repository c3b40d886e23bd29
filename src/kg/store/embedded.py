"""The embedded on-disk store: an Oxigraph (pyoxigraph) database in a `.kg/` folder.

Oxigraph was measured against rdflib's in-memory graph on 100k articles (issue 4, bench/): it loads in
14 s instead of 108 s and answers the canned queries one to two orders of magnitude faster, on disk
instead of in 5 GB of RAM. rdflib stays the library for per-article graphs, JSON-LD and pySHACL; the
store converts at its edge so readers only ever see rdflib terms.

The folder layout (marker, database, lock, resolutions, progress) is described in `kg.store.folder`.

Writes happen in one SPARQL Update request per batch, which Oxigraph applies as one transaction: a build
killed at any moment leaves the store as it was after the last whole batch.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.store import summary
from kg.store.base import SelectResult
from kg.store.folder import (
    DATA_DIR,
    RESOLUTIONS_NAME,
    is_store,
    prepare_folder,
    read_marker,
    read_progress,
    update_marker,
    write_progress,
)
from kg.store.lock import StoreLock
from kg.store.names import ENTITIES_GRAPH, KG, SUMMARY_GRAPH, is_article_graph
from kg.store.terms import to_ntriples, to_rdflib

Triple = tuple[Node, Node, Node]
_VISITOR, _HOST, _ATTESTED_ON = URIRef(KG + "visitor"), URIRef(KG + "host"), URIRef(KG + "attestedOn")

# Oxigraph opens RocksDB with 128 MB write buffers, up to six per column family (it has eleven), flushed to
# disk only when two are full, so a long build kept its recent writes in RAM: ~90 KB per article, 3.3 GB
# at 100k articles (issue 4). Flushing after this much update text (about 500 articles; the buffers hold
# about seven times the text) keeps a build's memory flat whatever its length, and lets RocksDB drop the
# write-ahead log as it goes instead of at the next opening.
FLUSH_AFTER_BYTES = 8 * 2**20


class ArticleGraphsLike(Protocol):
    """What the store needs from `kg.rdfmap.ArticleGraphs`: an article's own graph and its entity triples.

    When the object also has `fact_triples`/`entity_triples` (as `ArticleGraphs` does), the store reads
    those instead, so no rdflib Graph has to be filled just to be written out again.
    """

    @property
    def article_id(self) -> str: ...

    @property
    def graph_iri(self) -> str | URIRef: ...

    @property
    def facts(self) -> Graph: ...

    @property
    def entities(self) -> Graph: ...


@dataclass(frozen=True)
class StoreCounts:
    """How much the store holds, for the build summary and `kg` status lines."""

    articles: int
    visits: int
    agencies: int
    officials: int
    awards: int
    triples: int


class EmbeddedStore:
    """An open kg store folder. Use `open_store()`; close it (or use `with`) to release the lock."""

    def __init__(self, folder: Path, oxstore: ox.Store, lock: StoreLock, *, readonly: bool) -> None:
        self.folder = folder
        self.readonly = readonly
        self._ox = oxstore
        self._lock = lock
        self._unflushed = 0  # bytes of update text written since the database last flushed its buffers

    # -- life cycle ---------------------------------------------------------------------------------
    def close(self) -> None:
        """Flush and release the lock; the store object is unusable afterwards."""
        if self._ox is None:
            return
        if not self.readonly:
            with contextlib.suppress(OSError):
                self._ox.flush()
        self._ox = None  # type: ignore[assignment]
        self._lock.release()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- reading (kg.store.base.Store) --------------------------------------------------------------
    def select(self, sparql: str) -> SelectResult:
        """Run a SELECT over the union of all graphs; rows map variable names to rdflib terms."""
        result = self._query(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = tuple(v.value for v in result.variables)
        rows = []
        for solution in result:
            row = {}
            for name in variables:
                term = solution[name]
                if term is not None:
                    row[name] = to_rdflib(term)
            rows.append(row)
        return SelectResult(variables=variables, rows=tuple(rows))

    def ask(self, sparql: str) -> bool:
        """Run an ASK over the union of all graphs."""
        result = self._query(sparql)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, sparql: str) -> Graph:
        """Run a CONSTRUCT/DESCRIBE over the union of all graphs and return an rdflib graph."""
        result = self._query(sparql)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in result:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return graph

    def _query(self, sparql: str) -> Any:
        try:
            return self._ox.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as error:
            raise QueryError(f"the query does not parse: {error}") from None
        except (OSError, RuntimeError) as error:
            raise QueryError(f"the query failed: {error}") from None

    # -- what is stored -------------------------------------------------------------------------------
    def graph_names(self) -> list[str]:
        """Every named graph IRI, sorted."""
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def article_hashes(self) -> dict[str, str]:
        """Article id → stored kg:contentHash, read once per build to skip unchanged articles cheaply."""
        rows = self._query(
            f"SELECT ?id ?hash WHERE {{ GRAPH ?g {{ ?a <{KG}articleId> ?id ; <{KG}contentHash> ?hash }} }}"
        )
        return {row["id"].value: row["hash"].value for row in rows}

    def article_urls(self) -> dict[str, str]:
        """Article URL → stored article id, so an article re-sent under another id replaces the old one."""
        rows = self._query(f"SELECT ?url ?id WHERE {{ GRAPH ?g {{ ?a <{KG}articleId> ?id ; "
                           "<https://schema.org/url> ?url } }")
        return {row["url"].value: row["id"].value for row in rows}

    def counts(self) -> StoreCounts:
        """Distinct articles, visits, agencies, officials, awards, and stored quads."""
        def count(cls: str) -> int:
            rows = list(self._query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{KG}{cls}> }}"))
            return int(rows[0]["n"].value) if rows else 0

        return StoreCounts(
            articles=count("Article"), visits=count("Visit"), agencies=count("Agency"),
            officials=count("Official"), awards=count("Award"), triples=len(self._ox),
        )

    def iter_article_graphs(self) -> Iterator[tuple[str | None, bytes]]:
        """Yield (graph IRI, N-Triples bytes) for every graph: the shared graphs, then each article's.

        Stable API for `kg push` and exports: one item per named graph (so a re-push replaces graph by
        graph), `kgg:entities` first and `kgg:summary` last so a reader never sees facts before the
        entities they use; `None` stands for the default graph, yielded only when `kg import` put triples
        there.
        """
        names = self.graph_names()
        shared_first = [g for g in names if g == ENTITIES_GRAPH]
        middle = [g for g in names if g not in (ENTITIES_GRAPH, SUMMARY_GRAPH)]
        last = [g for g in names if g == SUMMARY_GRAPH]
        for name in shared_first + middle + last:
            yield name, self._ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        default = self._ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        if default:
            yield None, default

    def dump_dataset(self, rdf_format: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
        """Every graph, for TriG/N-Quads export."""
        return self._ox.dump(format=rdf_format, prefixes=prefixes)

    def merged_triples(self) -> ox.QueryTriples:
        """All facts of all graphs as one set of triples (for Turtle, N-Triples and JSON-LD export)."""
        return self._query("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")

    def union_graph(self) -> Graph:
        """Every triple of every graph in one rdflib graph (what `kg validate` checks)."""
        graph = Graph()
        data = ox.serialize(self.merged_triples(), format=ox.RdfFormat.N_TRIPLES)
        if data:
            graph.parse(data=data.decode("utf-8"), format="nt")
        return graph

    # -- writing ------------------------------------------------------------------------------------
    def replace_article(self, article: ArticleGraphsLike) -> None:
        """Replace one article's named graph (see `replace_articles`)."""
        self.replace_articles([article])

    def replace_articles(self, batch: Sequence[ArticleGraphsLike], *, shared: Graph | None = None,
                         retired: Sequence[str] = ()) -> None:
        """Replace each article's named graph and merge its entities, as ONE transaction.

        Also recomputes the summary for every visitor→host pair and membership the old or new versions
        mention, and drops entity descriptions the old versions alone used, so an edited article leaves
        no trace of its previous facts. `shared` adds key-derived triples (e.g. the topic scheme) to
        `kgg:entities`. `retired` names article graphs to drop in the same transaction (an article that
        came back under another id, same URL).
        """
        self._check_writable()
        if not batch and shared is None and not retired:
            return
        replaced = [str(a.graph_iri) for a in batch
                    if self._ox.contains_named_graph(ox.NamedNode(str(a.graph_iri)))]
        replaced += [g for g in retired if self._ox.contains_named_graph(ox.NamedNode(g))]
        pairs: set[tuple[str, str]] = set()
        memberships: set[str] = set()
        candidates: set[str] = set()
        if replaced:
            pairs_q, memberships_q, entities_q = summary.touched_query(replaced)
            pairs |= {(r["v"].value, r["h"].value) for r in self._ox.query(pairs_q)}
            memberships |= {r["m"].value for r in self._ox.query(memberships_q)}
            candidates |= {r["n"].value for r in self._ox.query(entities_q)}
        entities: set[Triple] = set()  # every article repeats the concepts it uses: written once
        operations: list[str] = [f"DROP SILENT GRAPH {_iri(g)}" for g in retired]
        for article in batch:
            graph = _iri(str(article.graph_iri))
            facts = _triples(article, "fact_triples", "facts")
            operations.append(f"DROP SILENT GRAPH {graph}")
            operations.append(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(facts)}}} }}")
            found_pairs, attested = _summary_keys(facts)
            pairs |= found_pairs
            memberships |= attested
            entities.update(_triples(article, "entity_triples", "entities"))
        if shared is not None:
            entities.update(shared)
        if entities:
            operations.append(f"INSERT DATA {{ GRAPH {_iri(ENTITIES_GRAPH)} {{\n{_ntriples(entities)}}} }}")
        operations += summary.visit_pair_updates(pairs)
        operations += summary.membership_updates(memberships)
        operations += summary.orphan_cleanup(candidates)
        self.update(" ;\n".join(operations))

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update as one transaction; an I/O failure (full disk…) leaves the store unchanged."""
        self._check_writable()
        try:
            self._ox.update(sparql)
        except SyntaxError as error:  # our own update text is wrong: a bug, but say where
            raise StoreError(f"internal update does not parse: {error}", source=str(self.folder)) from None
        except (OSError, RuntimeError) as error:
            raise StoreError(f"cannot write the store ({error}); nothing from this batch was stored",
                             source=str(self.folder)) from None
        self._unflushed += len(sparql)
        if self._unflushed >= FLUSH_AFTER_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write RocksDB's in-memory buffers to disk, so memory stays bounded (see FLUSH_AFTER_BYTES).

        What is committed is already safe in the write-ahead log, so a failed flush (full disk) loses
        nothing: memory is only freed later.
        """
        self._check_writable()
        with contextlib.suppress(OSError):
            self._ox.flush()
            self._unflushed = 0

    def optimize(self) -> None:
        """Compact the database after a build or an import, and drop its now redundant write-ahead log.

        Oxigraph keeps every committed transaction in its log as well as in the database until its
        buffers are flushed (see FLUSH_AFTER_BYTES) or it is next opened, so a small write can leave the
        folder several times the size of its data (109 MB instead of 35 MB for 1,000 articles before
        builds flushed as they went). Flushing, optimising and reopening the database frees that at once.
        The triples are unchanged whatever happens here.
        """
        self._check_writable()
        try:
            self._ox.flush()
            self._ox.optimize()
        except OSError:
            return  # only disk space is lost; the data is committed
        self._ox = None  # type: ignore[assignment]  # the last reference: the database closes here
        try:
            self._ox = _open_database(self.folder / DATA_DIR, readonly=False)
        except OSError as error:
            raise StoreError(f"cannot reopen the database after compacting it ({error}); everything "
                             "written is kept, run the command again", source=str(self.folder)) from None

    def recompute_summary(self) -> None:
        """Rebuild `kgg:summary` from every graph (to repair a store, or after editing graphs by hand)."""
        operations = [f"DROP SILENT GRAPH {_iri(SUMMARY_GRAPH)}"]
        operations += summary.visit_pair_updates(None) + summary.membership_updates(None)
        self.update(" ;\n".join(operations))
        self.flush()  # a short text that rewrites a whole graph: its buffers are not counted in bytes

    def clear(self) -> None:
        """Remove every graph (for `kg build --rebuild`); the marker and resolutions stay."""
        self.update("DROP SILENT ALL")
        self.flush()  # deleting every quad fills the buffers as much as writing them did

    # -- metadata -----------------------------------------------------------------------------------
    @property
    def metadata(self) -> dict[str, Any]:
        """The marker's contents (format version, creation time, last build fingerprint…)."""
        return read_marker(self.folder)

    def set_metadata(self, **values: Any) -> None:
        """Merge values into the marker, atomically (a kill leaves the old or the new marker)."""
        self._check_writable()
        update_marker(self.folder, **values)

    def note_progress(self, **values: Any) -> None:
        """Record how far the running build got (after each committed batch), for tools watching it."""
        write_progress(self.folder, **values)

    @property
    def resolutions_path(self) -> Path:
        """Where `kg resolve` keeps this store's identity judgements."""
        return self.folder / RESOLUTIONS_NAME

    def _check_writable(self) -> None:
        if self.readonly:
            raise StoreError("the store was opened read-only", source=str(self.folder))


def open_store(path: Path | str, *, create: bool = False, readonly: bool = False) -> EmbeddedStore:
    """Open (or, with `create`, make) the kg store in folder `path`, taking its lock.

    Refuses, with a StoreError naming the folder: a missing folder (unless `create`), a folder that is
    not a kg store (no marker; never writes into someone else's folder), a store written by a newer kg,
    and a store another kg process holds.
    """
    folder = prepare_folder(Path(path), create=create)
    lock = StoreLock(folder, shared=readonly)
    try:
        oxstore = _open_database(folder / DATA_DIR, readonly=readonly)
    except OSError as error:
        lock.release()
        raise StoreError(f"cannot open the database: {error}", source=str(folder)) from None
    except BaseException:
        lock.release()
        raise
    return EmbeddedStore(folder, oxstore, lock, readonly=readonly)


def _open_database(data: Path, *, readonly: bool) -> ox.Store:
    if readonly and not data.exists():
        return ox.Store()  # an empty store that was never written
    if readonly:
        return ox.Store.read_only(str(data))
    return ox.Store(str(data))


def _iri(value: str) -> str:
    if any(c in value for c in '<>"{}|^`\\ \n'):
        raise StoreError(f"not an IRI the store can write: {value!r}")
    return f"<{value}>"


def _ntriples(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples, which is also valid inside SPARQL `INSERT DATA`."""
    try:
        return to_ntriples(triples)
    except (TypeError, ValueError) as error:
        raise StoreError(str(error)) from None


def _triples(article: ArticleGraphsLike, fast: str, graph: str) -> Iterable[Triple]:
    """An article's triples as `kg.rdfmap.ArticleGraphs` keeps them (no Graph is built), else its Graph."""
    triples = getattr(article, fast, None)
    return triples if triples is not None else getattr(article, graph)


def _summary_keys(facts: Iterable[Triple]) -> tuple[set[tuple[str, str]], set[str]]:
    """The visitor→host pairs and the attested memberships an article's facts touch (for kgg:summary)."""
    visitors: dict[Node, list[Node]] = {}
    hosts: list[tuple[Node, Node]] = []
    memberships: set[str] = set()
    for s, p, o in facts:
        if p == _VISITOR:
            visitors.setdefault(s, []).append(o)
        elif p == _HOST:
            hosts.append((s, o))
        elif p == _ATTESTED_ON:
            memberships.add(str(s))
    pairs = {(str(v), str(h)) for visit, h in hosts for v in visitors.get(visit, ())}
    return pairs, memberships


__all__ = ["EmbeddedStore", "StoreCounts", "is_article_graph", "is_store", "open_store", "read_marker",
           "read_progress"]

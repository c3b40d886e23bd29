"""From files to the store: read → extract → map to RDF → apply resolutions → store, in batches.

`kg.pipeline` turns one article into an `Extraction`; this module adds what only makes sense for many
articles at once: skipping those whose content is unchanged since they were stored (content hash), one
transaction per batch (a killed build loses at most the batch in flight, never half an article), the
shared entities and topic scheme, and the store's summary graph (kept by `replace_articles`).

A bad input file or article is a *problem*: it is reported with its file and what is wrong, the rest
of the build goes on, and nothing already stored is lost. Notes the extractor makes about an article it
could read (an agency it could not resolve…) are *warnings*.

Memory stays flat over a long build (issue 4): a batch is dropped once committed, the store flushes its
write buffers as it goes (`kg.store.embedded.FLUSH_AFTER_BYTES`), and per article only its id and source
(to name a duplicate) and any warning are kept, a few hundred bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

import kg
from kg.errors import InputError, KgError
from kg.iri import article_graph as graph_iri
from kg.resolutions import Resolutions
from kg.store.embedded import EmbeddedStore, StoreCounts
from kg.types import Article

DEFAULT_BATCH_SIZE = 100


@dataclass(frozen=True)
class IngestProgress:
    """Where a running ingest is: articles seen so far, of how many (None while still counting)."""

    seen: int
    committed: int
    total: int | None = None


@dataclass(frozen=True)
class IngestSummary:
    """What a build did, and what the store holds afterwards."""

    read: int
    new: int
    changed: int
    skipped: int
    counts: StoreCounts
    warnings: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def stored(self) -> int:
        return self.new + self.changed


@dataclass(frozen=True)
class Stages:
    """The per-article functions ingest composes; tests swap them to exercise the store on its own."""

    read: Callable[[Sequence[Path], Callable[[KgError], None]], Iterable[Article]]
    extract: Callable[[Article], Any]  # -> kg.types.Extraction
    to_rdf: Callable[[Any], Any]  # Extraction -> kg.rdfmap.ArticleGraphs
    shared: Callable[[], Graph | None] = lambda: None  # key-only triples every build merges (topic scheme)


def default_stages() -> Stages:
    """The real pipeline (imported here so the store package never depends on the extractor room)."""
    from kg.pipeline import extract
    from kg.rdfmap import map_extraction, topic_scheme

    return Stages(read=_read_files, extract=extract, to_rdf=map_extraction, shared=topic_scheme)


def ingest(paths: Sequence[Path], store: EmbeddedStore, *, batch_size: int = DEFAULT_BATCH_SIZE,
           resolutions: Resolutions | None = None, rebuild: bool = False,
           progress: Callable[[IngestProgress], None] | None = None,
           stages: Stages | None = None) -> IngestSummary:
    """Ingest articles from files and folders into `store`; see the module docstring for the guarantees.

    `rebuild` first empties the store (resolutions and the marker stay), for a build from scratch.
    """
    check_paths(paths)
    if batch_size < 1:
        raise InputError(f"batch size must be at least 1, not {batch_size}")
    stages = stages or default_stages()
    resolutions = resolutions or Resolutions()
    fingerprint = _build_fingerprint(resolutions)
    if rebuild:
        store.clear()
    stored_hashes = store.article_hashes()
    if not stored_hashes:  # nothing stored under other rules: a killed build can resume by skipping
        store.set_metadata(build_fingerprint=fingerprint)
    # Stored articles made under other resolutions (or another kg) must be redone even if unchanged;
    # the fingerprint is only recorded once a whole build has applied the new rules.
    may_skip = store.metadata.get("build_fingerprint") == fingerprint
    problems: list[str] = []
    warnings: list[str] = []
    new = changed = skipped = read = committed = 0
    seen_ids: dict[str, str] = {}
    stored_urls = store.article_urls()
    batch: list[Any] = []
    retired: list[str] = []
    shared: Graph | None = stages.shared()

    def commit() -> None:
        nonlocal batch, shared, committed, retired
        if batch or shared is not None or retired:
            store.replace_articles(batch, shared=shared, retired=retired)
        committed += len(batch)
        batch, shared, retired = [], None, []
        store.note_progress(committed_articles=committed, state="running")

    def report(progress_total: int | None = None) -> None:
        if progress:
            progress(IngestProgress(seen=read, committed=committed, total=progress_total))

    for article in stages.read(list(paths), lambda error: problems.append(str(error))):
        read += 1
        if article.id in seen_ids:
            warnings.append(f"{article.source}: article id {article.id!r} also in {seen_ids[article.id]}; "
                            "the later one is kept")
        seen_ids[article.id] = article.source
        previous = stored_hashes.get(article.id)
        if may_skip and previous == article.content_hash:
            skipped += 1
            report()
            continue
        try:
            extraction = stages.extract(article)
            graphs = resolutions.apply(stages.to_rdf(extraction))
        except KgError as error:
            problems.append(f"{article.source}: {error}")
            report()
            continue
        except Exception as error:  # an extractor bug must not cost the user the rest of the build
            problems.append(f"{article.source}: could not extract ({type(error).__name__}: {error})")
            report()
            continue
        warnings.extend(f"{article.source}: {w}" for w in getattr(extraction, "warnings", ()))
        earlier_id = stored_urls.get(article.url) if article.url else None
        if earlier_id is not None and earlier_id != article.id:  # same page, new id: replace, never duplicate
            retired.append(str(graph_iri(earlier_id)))
            warnings.append(f"{article.source}: same URL as stored article {earlier_id!r}, which it replaces")
            del stored_urls[article.url]
        if previous is None and earlier_id in (None, article.id):
            new += 1
        else:
            changed += 1
        batch.append(graphs)
        if len(batch) >= batch_size:
            commit()
        report()
    commit()
    if committed:  # compact what the batches wrote, so the folder is not several times its data
        store.optimize()
    store.set_metadata(build_fingerprint=fingerprint)
    store.note_progress(committed_articles=committed, state="done")
    return IngestSummary(read=read, new=new, changed=changed, skipped=skipped, counts=store.counts(),
                         warnings=tuple(warnings), problems=tuple(problems))


def check_paths(paths: Sequence[Path]) -> None:
    """Refuse a missing input before anything (even a new store folder) is created."""
    for path in paths:
        if not Path(path).exists():
            raise InputError("no such file or folder", source=str(path))


def _build_fingerprint(resolutions: Resolutions) -> str:
    """What, besides an article's content, decides its graph: kg's version and the resolutions."""
    text = f"kg {kg.__version__}\nresolutions {resolutions.fingerprint}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _read_files(paths: Sequence[Path], on_problem: Callable[[KgError], None]) -> Iterator[Article]:
    """Articles of every file under `paths`; a file that cannot be read is reported, not fatal."""
    from kg import read as reader

    yield from reader.read_paths(paths, on_error=on_problem)

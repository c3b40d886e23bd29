"""`kg resolve merge|split A B`: record identity judgements that every later build applies."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.build_cmd import resolutions_option
from kg.cli.common import store_option
from kg.errors import InputError
from kg.resolutions import expand_iri, load_resolutions, record_merge, record_split
from kg.store.embedded import EmbeddedStore, open_store


def register(app: click.Group) -> None:
    """Add the command group to the `kg` application."""

    @app.group("resolve")
    def resolve() -> None:
        """Correct identity: say that two nodes are the same thing, or that they are different.

        Judgements are kept as data (resolutions.yaml in the store folder, or --resolutions FILE) and
        applied by every later `kg build`; run `kg build` again to apply a new one.
        """

    @resolve.command("merge")
    @click.argument("keep")
    @click.argument("drop")
    @store_option
    @resolutions_option
    def merge(keep: str, drop: str, store: Path, resolutions: Path | None) -> None:
        """DROP is the same as KEEP: every build writes KEEP instead of DROP (IRIs or kgi: names).

        The merged node stays reachable: KEEP owl:sameAs DROP.
        """
        keep_iri, drop_iri = expand_iri(keep), expand_iri(drop)
        with open_store(store, create=True) as kg_store:
            path = resolutions or kg_store.resolutions_path
            _warn_unknown(kg_store, (keep_iri, drop_iri))
            _check_same_kind(kg_store, keep_iri, drop_iri)
            earlier = {m.drop: m.keep for m in load_resolutions(path).merges}.get(drop_iri)
            record_merge(path, keep_iri, drop_iri)
            if earlier and earlier != keep_iri:
                click.echo(f"note: this replaces the earlier judgement that {drop_iri} is {earlier}",
                           err=True)
        click.echo(f"merge recorded in {path}: {drop_iri} → {keep_iri}; run `kg build` to apply it")

    @resolve.command("split")
    @click.argument("a")
    @click.argument("b")
    @store_option
    @resolutions_option
    def split(a: str, b: str, store: Path, resolutions: Path | None) -> None:
        """A and B are different: cancel a merge between them, and refuse later merges (of other nodes)
        that would make them one. A later `kg resolve merge A B` replaces this judgement.
        """
        a_iri, b_iri = expand_iri(a), expand_iri(b)
        with open_store(store, create=True) as kg_store:
            path = resolutions or kg_store.resolutions_path
            record_split(path, a_iri, b_iri)
        click.echo(f"split recorded in {path}: {a_iri} ≠ {b_iri}; run `kg build` to apply it")

    @resolve.command("list")
    @store_option
    @resolutions_option
    def list_judgements(store: Path, resolutions: Path | None) -> None:
        """Show the recorded judgements."""
        if resolutions is None:
            with open_store(store, readonly=True) as kg_store:
                resolutions = kg_store.resolutions_path
        judgements = load_resolutions(resolutions)
        for m in judgements.merges:
            click.echo(f"merge\t{m.drop}\t→ {m.keep}")
        for s in judgements.splits:
            click.echo(f"split\t{s.a}\t≠ {s.b}")


def _warn_unknown(store: EmbeddedStore, iris: tuple[str, ...]) -> None:
    """A typo in an IRI would silently merge nothing: say so when the store has never seen one."""
    for iri in iris:
        if not store.ask(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}"):
            click.echo(f"note: {iri} is not in the store (yet); the judgement applies once it appears",
                       err=True)


def _check_same_kind(store: EmbeddedStore, keep: str, drop: str) -> None:
    """Merging an official into an agency (say) would corrupt both: refuse nodes of different classes."""
    def classes(iri: str) -> set[str]:
        rows = store.select(f"SELECT DISTINCT ?c WHERE {{ <{iri}> a ?c }}")
        return {str(row["c"]) for row in rows}

    keep_classes, drop_classes = classes(keep), classes(drop)
    if keep_classes and drop_classes and not keep_classes & drop_classes:
        def names(found: set[str]) -> str:
            return ", ".join(sorted(c.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for c in found))

        raise InputError(f"cannot merge this node (class {names(drop_classes)}) into {keep} (class "
                         f"{names(keep_classes)}); only nodes of the same kind can be one thing", source=drop)

"""`kg validate`: check the store against the SHACL shapes and list what is wrong in plain words."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import store_option
from kg.cli.query_cmd import endpoint_options, reading_store
from kg.errors import KgError
from kg.validate import render, validate


class ViolationsFound(KgError):
    """The graph breaks the shapes: a finding (exit 1), not a usage error."""

    exit_code = 1


def register(app: click.Group) -> None:
    """Add the command to the `kg` application."""

    @app.command("validate")
    @store_option
    @endpoint_options
    def validate_command(store: Path, endpoint: str | None, user: str | None, password: str | None) -> None:
        """Check every graph in the store (or on --endpoint) against ontology/shapes.ttl.

        Prints one line per finding (what, which article, what is wrong). Exit 0 when the graph
        conforms, 1 when it has violations, 2 when the store cannot be read.
        """
        with reading_store(store, endpoint, user, password) as source:
            graph = source.union_graph()  # type: ignore[attr-defined]
        report = validate(graph)
        for line in render(report):
            click.echo(line)
        where = endpoint or str(store)
        if not report.conforms:
            raise ViolationsFound(f"{len(report.violations)} violation(s) listed above", source=where)
        click.echo(f"{where}: conforms ({len(graph)} triples checked)", err=True)

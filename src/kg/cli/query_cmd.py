"""`kg query`: run a canned question (or any .rq file) against the store and print the rows."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console

from kg import queries
from kg.cli.common import err, store_option
from kg.errors import InputError, StoreError
from kg.store.base import Store


def endpoint_options(command: Callable[..., None]) -> Callable[..., None]:
    """--endpoint/--user/--password: read a SPARQL server instead of the embedded store."""
    command = click.option("--password", envvar="KG_PASSWORD", metavar="SECRET",
                           help="Password for --user (or set KG_PASSWORD).")(command)
    command = click.option("--user", metavar="NAME", help="User name for a protected --endpoint.")(command)
    return click.option("--endpoint", metavar="URL",
                        help="Query this SPARQL endpoint (e.g. an Oxigraph server started with "
                             "--union-default-graph) instead of the embedded --store.")(command)


@contextmanager
def reading_store(folder: Path, endpoint: str | None = None, user: str | None = None,
                  password: str | None = None) -> Iterator[Store]:
    """Open the embedded store read-only (or the endpoint) for the duration of a command, then release it."""
    try:
        if endpoint:
            from kg.store.remote import RemoteStore

            store = RemoteStore(endpoint, user=user, password=password)
        else:
            from kg.store.embedded import open_store

            store = open_store(folder, readonly=True)
    except ImportError as error:  # the store package is optional only while it is being written
        raise StoreError(f"the store is not available ({error})", source=endpoint or str(folder)) from error
    try:
        yield store
    finally:
        store.close()


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """`name=value` pairs from --param into a dict; a pair without '=' is a usage error."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param needs NAME=VALUE, not {pair!r}")
        if name.strip() in params:
            raise InputError(f"--param {name.strip()} is given twice")
        params[name.strip()] = value
    return params


def print_catalog() -> None:
    """Every canned question with its title, description and parameters, on stdout."""
    for name, query in queries.catalog().items():
        click.echo(f"{click.style(name, bold=True)}  {query.title}")
        click.echo(textwrap.fill(query.description, width=100, initial_indent="    ",
                                 subsequent_indent="    "))
        for parameter in query.parameters:
            click.echo(textwrap.fill(f"--param {parameter.describe()}", width=100, initial_indent="    ",
                                     subsequent_indent="        "))
        click.echo()
    click.echo("Parameter types:")
    for kind, meaning in queries.PARAMETER_TYPES.items():
        click.echo(f"    {kind}: {meaning}")
    click.echo("    a|b: one of the listed words")


def register(app: click.Group) -> None:
    """Add the command to the `kg` application."""

    @app.command("query")
    @click.argument("name", required=False, metavar="NAME|FILE.rq")
    @store_option
    @click.option("--param", "-p", "param_pairs", multiple=True, metavar="NAME=VALUE",
                  help="A parameter of the query (repeatable); `kg query --list` shows each query's.")
    @click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                  show_default=True,
                  help="table for reading (labels and ids in place of the IRIs they name); csv and json "
                       "are the W3C SPARQL 1.1 result formats, every column.")
    @click.option("--list", "list_only", is_flag=True, help="List the canned questions and their parameters.")
    @endpoint_options
    def query(name: str | None, store: Path, param_pairs: tuple[str, ...], fmt: str, list_only: bool,
              endpoint: str | None, user: str | None, password: str | None) -> None:
        """Answer a canned question (e.g. `visits`, `top-hosts`, `agency-timeline`) or run a .rq file.

        Rows go to stdout, so `--format csv|json` pipes cleanly; messages go to stderr.
        Example: kg query visits-between --param a=diskominfo:64 --param b=35 --format csv
        """
        if list_only:
            print_catalog()
            return
        if not name:
            raise InputError("give a query NAME or FILE.rq, or --list to see them")
        params = parse_params(param_pairs)
        canned = queries.find(name)
        queries.bind(canned, params)  # check parameters before touching the store
        with reading_store(store, endpoint, user, password) as reader:
            unknown = queries.missing_subjects(reader, canned, params)
            if unknown:
                raise InputError("; ".join(unknown))
            result = queries.run(reader, name, params)
        if fmt == "json":
            click.echo(queries.to_json(result))
        elif fmt == "csv":
            click.echo(queries.to_csv(result), nl=False)
        else:
            width = None if sys.stdout.isatty() else 200
            Console(width=width, soft_wrap=False).print(queries.to_table(result, title=canned.title))
        if not result.rows:
            err.print(f"{canned.name}: no rows (the store holds nothing that matches)")

"""`kg export` and `kg import`: the store as standard RDF files, and such files back into a store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import store_option
from kg.errors import InputError
from kg.store.embedded import open_store
from kg.store.transfer import FORMATS, export_store, load_parsed, parse_file

_FORMAT_HELP = ("turtle and ntriples: all facts merged into one graph; trig and nquads: one named graph "
                "per article (provenance kept); jsonld: compact JSON-LD with kg's context.")


def register(app: click.Group) -> None:
    """Add the commands to the `kg` application."""

    @app.command("export")
    @store_option
    @click.option("--format", "format_name", type=click.Choice(list(FORMATS)), required=True,
                  help=_FORMAT_HELP)
    @click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
                  help="File to write (default: standard output).")
    def export_command(store: Path, format_name: str, output: Path | None) -> None:
        """Write the whole graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD."""
        with open_store(store, readonly=True) as kg_store:
            data = export_store(kg_store, format_name)
        if output is None:
            click.echo(data, nl=False)  # bytes go to the binary stream untouched
            return
        partial = output.with_name(output.name + ".part")  # a failed write (full disk) leaves no half file
        try:
            partial.write_bytes(data)
            partial.replace(output)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise InputError(f"cannot write: {error.strerror}", source=str(output)) from None
        click.echo(f"wrote {output} ({format_name}, {len(data)} bytes)", err=True)

    @app.command("import")
    @click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
    @store_option
    @click.option("--format", "format_name", type=click.Choice(list(FORMATS)), default=None,
                  help="Format of FILE (default: from its extension: .ttl .trig .nq .nt .jsonld).")
    def import_command(file: Path, store: Path, format_name: str | None) -> None:
        """Load an RDF file (any format `kg export` writes) into the store.

        Named graphs in the file replace the store's graphs of the same name; triples outside named
        graphs are added. A file that does not parse changes nothing.
        """
        if not file.is_file():
            raise InputError("no such file", source=str(file))
        staged = parse_file(file, format_name)  # a file that does not parse leaves no store behind
        with open_store(store, create=True) as kg_store:
            result = load_parsed(kg_store, staged)
            counts = kg_store.counts()
        click.echo(f"imported {result.triples} triples ({result.graphs} named graphs) from {file}; "
                   f"the store holds {counts.articles} articles, {counts.triples} triples")

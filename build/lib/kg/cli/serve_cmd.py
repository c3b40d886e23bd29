"""`kg serve`: answer SPARQL over the store on localhost, with a query page that works offline."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import err, store_option
from kg.errors import InputError
from kg.store.embedded import open_store

DEFAULT_PORT = 7879


def register(app: click.Group) -> None:
    """Add the command to the `kg` application."""

    @app.command("serve")
    @store_option
    @click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
                  help="TCP port (0 picks a free one and prints it).")
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to listen on; keep the loopback address unless others should read the graph.")
    def serve_command(store: Path, port: int, host: str) -> None:
        """Serve the store read-only as a SPARQL 1.1 endpoint (/sparql) with a query page (/).

        Results come as JSON, CSV, TSV or XML by the Accept header, so any SPARQL client (and
        `kg query NAME --endpoint http://127.0.0.1:7879/sparql`) can read it. Ctrl+C stops it.
        While it runs the store is open read-only: stop it before `kg build` writes the store.
        """
        from kg.serve import serve

        with open_store(store, readonly=True) as reader:
            def ready(url: str) -> None:
                err.print(f"serving {store} read-only: page {url} · SPARQL endpoint {url}sparql "
                          "(Ctrl+C stops)", soft_wrap=True, highlight=False)

            try:
                serve(reader, host, port, ready)
            except OSError as error:
                raise InputError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
            except KeyboardInterrupt:
                err.print("stopped")

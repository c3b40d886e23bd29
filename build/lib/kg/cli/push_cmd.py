"""`kg push`: copy the store into a SPARQL 1.1 server, replacing each article's graph there."""

from __future__ import annotations

from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.cli.common import err, store_option
from kg.store.embedded import open_store
from kg.store.push import PushProgress, PushTarget, push_store
from kg.store.remote import DEFAULT_TIMEOUT

endpoint_option = click.option(
    "--endpoint", required=True, metavar="URL",
    help="The server's SPARQL query endpoint, e.g. http://127.0.0.1:7878/query (Oxigraph) or "
         "http://127.0.0.1:8890/sparql (Virtuoso).",
)
user_option = click.option("--user", default=None,
                           help="User name, if the server wants one (Basic or Digest).")
password_option = click.option("--password", default=None, envvar="KG_PASSWORD",
                               help="Password for --user (or set KG_PASSWORD).")
timeout_option = click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT,
                              show_default=True, help="Seconds to wait for each answer.")


def register(app: click.Group) -> None:
    """Add the command to the `kg` application."""

    @app.command("push")
    @store_option
    @endpoint_option
    @click.option("--graph-store", default=None, metavar="URL",
                  help="Graph Store Protocol URL (default: guessed from --endpoint: Oxigraph /store, "
                       "Virtuoso /sparql-graph-crud[-auth]).")
    @click.option("--update-endpoint", default=None, metavar="URL",
                  help="SPARQL Update URL, used when there is no Graph Store (default: guessed).")
    @user_option
    @password_option
    @click.option("--protocol", type=click.Choice(["auto", "graph-store", "update"]), default="auto",
                  show_default=True,
                  help="auto: the Graph Store when the server has one, else SPARQL Update.")
    @timeout_option
    def push(store: Path, endpoint: str, graph_store: str | None, update_endpoint: str | None,
             user: str | None, password: str | None, protocol: str, timeout: float) -> None:
        """Load the store into a SPARQL 1.1 server, one named graph per article.

        Each graph is replaced on the server, so pushing again updates rather than duplicates.
        Example: kg push --endpoint http://127.0.0.1:7878/query
        """
        target = PushTarget(endpoint=endpoint, graph_store=graph_store, update=update_endpoint,
                            user=user, password=password, timeout=timeout)
        with open_store(store, readonly=True) as source:
            total = source.counts().triples
            columns = (TextColumn("pushing"), BarColumn(), MofNCompleteColumn(), TextColumn("triples"),
                       TimeElapsedColumn())
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("push", total=total)

                def advance(step: PushProgress) -> None:
                    bar.update(task, completed=step.triples_sent)

                summary = push_store(source, target, protocol=protocol,  # type: ignore[arg-type]
                                     progress=advance)
        how = "Graph Store Protocol" if summary.protocol == "graph-store" else "SPARQL Update"
        err.print(f"pushed {summary.graphs} graphs ({summary.triples} triples) to {summary.url} by {how}",
                  soft_wrap=True)

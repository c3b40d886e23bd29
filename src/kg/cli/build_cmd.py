"""`kg build PATH...`: ingest articles into the embedded store, with progress and a summary."""

from __future__ import annotations

from pathlib import Path

import click
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from kg.cli.common import err, store_option
from kg.errors import InputError
from kg.ingest import DEFAULT_BATCH_SIZE, IngestProgress, IngestSummary, check_paths, ingest
from kg.resolutions import load_resolutions
from kg.store.embedded import open_store

resolutions_option = click.option(
    "--resolutions",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Identity judgements to apply (default: resolutions.yaml in the store folder, written by "
         "`kg resolve`).",
)


def register(app: click.Group) -> None:
    """Add the command to the `kg` application."""

    @app.command("build")
    @click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
    @store_option
    @resolutions_option
    @click.option("--rebuild", is_flag=True,
                  help="Empty the store first and build from scratch (resolutions are kept).")
    @click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
                  help="Articles stored per transaction; a killed build loses at most one batch.")
    @click.option("-v", "--verbose", is_flag=True, help="List every extraction warning, not just the count.")
    def build(paths: tuple[Path, ...], store: Path, resolutions: Path | None, rebuild: bool,
              batch_size: int, verbose: bool) -> None:
        """Read articles (.txt, .jsonl, .html files or folders of them), extract agencies, officials,
        visits and awards, and store them as RDF in the embedded store.

        Re-running is safe: unchanged articles are skipped, edited ones replace their old facts, and
        an interrupted build keeps every whole batch it stored. Files that cannot be read are reported
        and the build goes on; the exit code is then 2.
        """
        check_paths(paths)
        if resolutions is not None and not resolutions.is_file():
            raise InputError("no such resolutions file", source=str(resolutions))
        with open_store(store, create=True) as kg_store:
            judgements = load_resolutions(resolutions or kg_store.resolutions_path)
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                          console=err, transient=True, disable=not err.is_terminal) as bar:
                task = bar.add_task("reading articles…", total=None)

                def show(step: IngestProgress) -> None:
                    bar.update(task, description=f"{step.seen} articles read, {step.committed} stored")

                summary = ingest(list(paths), kg_store, batch_size=batch_size, resolutions=judgements,
                                 rebuild=rebuild, progress=show)
        if summary.read == 0 and not summary.problems:
            click.echo(f"note: no articles found in {', '.join(map(str, paths))} (kg reads .txt, .jsonl and "
                       ".html files)", err=True)
        _report(summary, store, verbose)


def _report(summary: IngestSummary, store: Path, verbose: bool) -> None:
    """Problems and warnings on stderr; the summary (the command's result) on stdout."""
    for problem in summary.problems:
        click.echo(f"problem: {problem}", err=True)
    if verbose:
        for warning in summary.warnings:
            click.echo(f"warning: {warning}", err=True)
    counts = summary.counts
    lines = [
        f"store       {store}",
        f"articles    {summary.read} read: {summary.new} new, {summary.changed} changed, "
        f"{summary.skipped} unchanged (skipped), {len(summary.problems)} with problems",
        f"in store    {counts.articles} articles, {counts.visits} visits, {counts.agencies} agencies, "
        f"{counts.officials} officials, {counts.awards} awards, {counts.triples} triples",
        f"warnings    {len(summary.warnings)}"
        + ("" if verbose or not summary.warnings else " (-v lists them)"),
    ]
    click.echo("\n".join(lines))
    if summary.problems:
        raise InputError(f"{len(summary.problems)} input(s) could not be ingested (listed above); "
                         "everything else was stored")

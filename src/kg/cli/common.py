"""Options and helpers shared by the commands: the store option and the stderr console."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

# Messages and progress go to stderr so stdout carries only results (pipes stay clean).
# soft_wrap: a message is one line however narrow the terminal (or 80 columns when stderr is a file), so
# tools that grep stderr see whole sentences; highlight off: file names and numbers are printed as given.
err = Console(stderr=True, soft_wrap=True, highlight=False)

DEFAULT_STORE = Path(".kg")

store_option = click.option(
    "--store",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_STORE,
    show_default=True,
    help="Folder of the embedded store (created by `kg build`).",
)

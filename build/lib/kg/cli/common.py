"""Options and helpers shared by the commands: the store option and the stderr console."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

# Messages and progress go to stderr so stdout carries only results (pipes stay clean).
err = Console(stderr=True)

DEFAULT_STORE = Path(".kg")

store_option = click.option(
    "--store",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_STORE,
    show_default=True,
    help="Folder of the embedded store (created by `kg build`).",
)

"""`kg eval` (placeholder until its owner writes it)."""

from __future__ import annotations

import click


def register(app: click.Group) -> None:
    """Add the command to the `kg` application."""

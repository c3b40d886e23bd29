"""`kg analyze`: measure the visit network and write tables, pictures, an HTML network and Gephi files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from kg.cli.common import err, store_option
from kg.cli.query_cmd import endpoint_options, reading_store
from kg.errors import InputError
from kg.store.base import Store

TOPIC_NS = "https://w3id.org/kgid/topic/"


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} needs a date written YYYY-MM-DD, not {value!r}") from None


def _check_topic(reader: Store, topic: str) -> None:
    """An unknown topic is a typo to report, not an empty analysis to write (nothing is written)."""
    from kg.analysis import known_topics

    topics = known_topics(reader)
    if topic.removeprefix(TOPIC_NS) not in topics:
        known = ", ".join(sorted(topics)) or "none"
        raise InputError(f"--topic {topic!r}: unknown topic; the store knows {known}")


def register(app: click.Group) -> None:
    """Add the command to the `kg` application."""

    @app.command("analyze")
    @store_option
    @click.option("--out", "-o", "out", type=click.Path(path_type=Path), default=Path("analysis"),
                  show_default=True, help="Folder for the tables, pictures and exports (created if needed).")
    @click.option("--since", metavar="YYYY-MM-DD", help="Only visits on or after this day.")
    @click.option("--until", metavar="YYYY-MM-DD", help="Only visits on or before this day.")
    @click.option("--topic", metavar="ID", help="Only visits that carried this topic (ppid, spbe, kim…).")
    @endpoint_options
    def analyze(store: Path, out: Path, since: str | None, until: str | None, topic: str | None,
                endpoint: str | None, user: str | None, password: str | None) -> None:
        """Analyse who visits whom: CSV tables of network measures (visits, PageRank, betweenness,
        communities, knowledge sources, isolated agencies), PNG pictures (network, who-visited-whom
        matrix, visits per month), an offline interactive network.html, and GraphML/GEXF for Gephi.

        The list of files goes to stdout; progress and notes to stderr.
        """
        from kg.analysis import write_report  # matplotlib loads only when analysing

        first, last = _day(since, "--since"), _day(until, "--until")
        if first and last and first > last:
            raise InputError(f"--since {first} is after --until {last}")
        with reading_store(store, endpoint, user, password) as reader:
            if topic:
                _check_topic(reader, topic)
            report = write_report(reader, out, since=first, until=last, topic=topic)
        for path in report.files:
            click.echo(str(path))
        if report.message:
            err.print(f"kg analyze: {report.message}; the files are written but empty")
        else:
            numbers = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in report.summary.items())
            err.print(f"kg analyze: {numbers}")

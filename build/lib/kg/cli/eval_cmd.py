"""`kg eval GOLD_DIR`: score the extractor against a gold folder; exit 1 when a threshold is not met."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kg.errors import InputError, KgError
from kg.evaluate import ACCURACIES, SCORED, EvalReport, evaluate


class BelowThreshold(KgError):
    """The scores are below a `--fail-under` minimum: a finding (exit 1), not a usage error."""

    exit_code = 1


def parse_thresholds(spec: str | None) -> dict[str, float]:
    """Parse "visits=0.90,officials=0.85" into {metric: minimum}; unknown metrics are a usage error."""
    thresholds: dict[str, float] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or name not in (*SCORED, *ACCURACIES):
            raise InputError(f"--fail-under: {part.strip()!r} is not METRIC=VALUE with a metric among "
                             f"{', '.join((*SCORED, *ACCURACIES))}")
        try:
            minimum = float(value)
        except ValueError:
            raise InputError(f"--fail-under: {value.strip()!r} is not a number (use 0.90)") from None
        if not 0.0 <= minimum <= 1.0:
            raise InputError(f"--fail-under: {name} threshold {minimum} is not between 0 and 1")
        thresholds[name] = minimum
    return thresholds


def failed_thresholds(report: EvalReport, thresholds: dict[str, float]) -> list[str]:
    """One line per metric below its threshold."""
    return [f"{name} {report.metric(name):.3f} < {minimum:.2f}"
            for name, minimum in thresholds.items() if report.metric(name) < minimum]


def render_table(report: EvalReport, console: Console) -> None:
    """P/R/F1 per fact type, accuracies on matched facts, then every miss, spurious and wrong fact."""
    scores = Table(title=f"kg eval: {report.gold_dir} ({report.articles} articles)", title_justify="left")
    for column in ("fact", "precision", "recall", "F1", "tp", "fp", "fn"):
        scores.add_column(column, justify="left" if column == "fact" else "right")
    for name, s in report.scores.items():
        scores.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                       str(s.tp), str(s.fp), str(s.fn))
    console.print(scores)
    accuracies = Table(title="on matched facts", title_justify="left")
    for column in ("attribute", "accuracy", "correct", "judged"):
        accuracies.add_column(column, justify="left" if column == "attribute" else "right")
    for name, a in report.accuracies.items():
        accuracies.add_row(name, f"{a.value:.3f}" if a.total else "n/a", str(a.correct), str(a.total))
    console.print(accuracies)
    if report.findings:
        findings = Table(title="misses, spurious and wrong facts", title_justify="left")
        for column in ("article", "fact", "status", "detail"):
            findings.add_column(column, overflow="fold")
        for f in sorted(report.findings, key=lambda f: (f.article_id, f.fact, f.status, f.detail)):
            findings.add_row(f.article_id, f.fact, f.status, f.detail)
        console.print(findings)


def register(app: click.Group) -> None:
    """Add the command to the `kg` application."""

    @app.command("eval")
    @click.argument("gold_dir", type=click.Path(path_type=Path))
    @click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
                  show_default=True, help="A readable table, or JSON for scripts.")
    @click.option("--fail-under", "fail_under", metavar="METRIC=VALUE,...",
                  help="Exit 1 when a metric is below its value, e.g. visits=0.90,officials=0.85,dates=0.90 "
                       "(F1 for fact types, accuracy for dates/places/award attributes).")
    def eval_command(gold_dir: Path, output_format: str, fail_under: str | None) -> None:
        """Score the extractor against the gold annotations in GOLD_DIR (<id>.yaml beside each article).

        Prints precision, recall and F1 per fact type and lists every miss and spurious fact with its
        article. Exit codes: 0 ok, 1 a --fail-under threshold not met, 2 missing folder or bad gold.
        """
        thresholds = parse_thresholds(fail_under)
        report = evaluate(gold_dir)
        if output_format == "json":
            click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            console = Console()
            # Piped output gets no terminal width; keep the findings readable in files and CI logs.
            render_table(report, console if console.is_terminal else Console(width=140))
        failures = failed_thresholds(report, thresholds)
        if failures:
            raise BelowThreshold(f"below threshold: {'; '.join(failures)}", source=str(gold_dir))

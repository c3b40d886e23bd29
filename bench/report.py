"""Markdown tables from the raw results in bench/results/, for bench/README.md.

    python bench/report.py [RESULTS_DIR]          # print the tables
    python bench/report.py --update-readme        # rewrite them in bench/README.md between the markers

Keeping the tables generated from the JSON means the README can never disagree with the raw figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _s(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def _machine(report: dict) -> str:
    m = report["machine"]
    packages = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    when = f"{m['date']} → {m['finished']}" if m.get("finished") else m["date"]
    load = (
        f"start {m['load_average']}, end {m['load_average_end']}"
        if m.get("load_average_end")
        else f"{m['load_average']}"
    )
    return (
        f"*{when} · {m['nproc']} cores ({m['cpu']}), {m['memory']} · load average (1/5/15 min) {load} · "
        f"Python {m['python']} · {packages}*\n\n`{m['command']}`\n\n"
    )


def _query_time(q: dict | None) -> str:
    if not q:
        return "–"
    if q.get("timeout_s"):
        return f"> {q['timeout_s']:.0f}"
    if "error" in q:
        # a server that stops a query at its --timeout-s cuts the JSON it was streaming
        cut = any(sign in str(q["error"]) for sign in ("timed out", "Expecting value"))
        return "timed out" if cut else "error"
    if "skipped" in q:
        return "skipped"
    return _s(q["best_s"])


def store_choice(report: dict) -> str:
    lines = [_machine(report)]
    if report.get("note"):
        lines.append(f"{report['note']}\n")
    names = [
        "who-visited-whom",
        "who-visited-whom-summary",
        "chain-naive",
        "chain-distinct",
        "chain-summary",
        "chain-to-hub-naive",
        "chain-to-hub-distinct",
        "chain-to-hub-summary",
    ]
    lines.append(
        "| articles | quads | engine | load s | peak RSS MB | on disk MB | "
        + " | ".join(f"{n} s" for n in names)
        + " | chains agree |"
    )
    lines.append("|" + "---|" * (7 + len(names)))
    for run in report["runs"]:
        if "error" in run:
            lines.append(f"| {run['articles']} | {run['quads']} | {run['engine']} | {run['error']} |")
            continue
        disk = f"{run['store_bytes'] / 1e6:.0f}" if run.get("store_bytes") else "(memory)"
        times = " | ".join(_query_time(run["queries"].get(n)) for n in names)
        lines.append(
            f"| {run['articles']} | {run['quads']} | {run['engine']} | {_s(run['load_s'])} | "
            f"{_s(run['peak_rss_mb'])} | {disk} | {times} | {run['chains_agree']} |"
        )
    return "\n".join(lines) + "\n"


def extract_speed(report: dict) -> str:
    e, a = report["extract"], report["automaton"]
    return (
        _machine(report)
        + "\n".join(
            [
                f"{report['articles']} generated articles, {report['mean_characters']} characters on "
                f"average, one core (CPU {report['pinned_cpu']}); lexicon load {e['startup_s']} s (once). "
                f"Build: {_build(report.get('build'))}.",
                "",
                "| measure | articles/s |",
                "|---|---|",
                f"| `kg.pipeline.extract`, best of {len(e['runs_s'])} | {_s(e['best_articles_per_s'])} |",
                f"| `kg.pipeline.extract`, median | {_s(e['median_articles_per_s'])} |",
                f"| `kg.pipeline.extract`, per CPU-second (best) | {_s(e.get('best_articles_per_cpu_s'))} |",
                *_pure_rows(report.get("pure_extract")),
                f"| lexicon automaton with hit checks (`Knowledge.find`, {a['surface_forms']} forms) | "
                f"{_s(a['find_articles_per_s'])} (per CPU-second {_s(a.get('find_articles_per_cpu_s'))}) |",
                f"| raw Aho-Corasick pass only | {_s(a.get('raw_scan_articles_per_s'))} "
                f"(per CPU-second {_s(a.get('raw_scan_articles_per_cpu_s'))}) |",
                "",
                f"Per-article latency (ms): p50 {e['latency_ms']['p50']}, p95 {e['latency_ms']['p95']}, "
                f"p99 {e['latency_ms']['p99']}, max {e['latency_ms']['max']}. Target 1,000 articles/s "
                f"at the median repetition: {'met' if e['median_articles_per_s'] >= 1000 else 'not met'}.",
                *_by_kind(e.get("by_kind")),
            ]
        )
        + "\n"
    )


def _build(build: dict | None) -> str:
    if build is None:
        return "Python source (recorded before the compiled build existed)"
    return f"compiled ({build['reason']})" if build["compiled"] else f"Python source ({build['reason']})"


def _pure_rows(pure: dict | None) -> list[str]:
    """The Python source's figures over the same articles (`--pure-too`), beside the compiled ones."""
    if not pure:
        return []
    return [f"| the same, Python source (KG_PURE=1), best | {_s(pure['best_articles_per_s'])} |",
            f"| the same, Python source (KG_PURE=1), median | {_s(pure['median_articles_per_s'])} |"]


def _by_kind(kinds: dict | None) -> list[str]:
    """Articles/s by what the article yields, in the least disturbed repetition."""
    if not kinds:
        return []
    rows = [f"| {kind} | {v['articles']} | {_s(v['articles_per_s'])} |" for kind, v in kinds.items()]
    return ["", "By what the article yields (same repetition):", "",
            "| articles yielding | count | articles/s |", "|---|---|---|", *rows]


def _mb(embedded: dict) -> str:
    size = f"{embedded['store_bytes'] / 1e6:.0f}"
    if embedded.get("store_bytes_optimized"):
        size += f" ({embedded['store_bytes_optimized'] / 1e6:.0f})"
    return size


def _peak(embedded: dict) -> str:
    """Peak RSS, with its anonymous part (what the process allocated) when the run recorded it."""
    peak = _s(embedded["peak_rss_mb"])
    anon = embedded.get("peak_rss_anon_mb")
    return f"{peak} ({anon:.0f})" if anon is not None else peak


def store_bench(report: dict) -> str:
    lines = [
        _machine(report),
        "| articles | stored | ingest s | articles/s | articles/CPU-s | triples | store MB (optimized) | "
        "peak RSS MB (anon) | server bulk load s | server MB | server peak RSS MB | rows agree |",
        "|" + "---|" * 12,
    ]
    names: list[str] = []
    for run in report["runs"]:
        if "error" in run:
            lines.append(f"| {run['articles']} | {run['error']} |")
            continue
        e, s = run["embedded"], run.get("server", {})
        names = sorted(set(names) | set(e.get("queries", {})))
        stored = f"{e['articles_stored']}" + (" (time budget)" if e["stopped_by_time_budget"] else "")
        server_mb = f"{s['store_bytes'] / 1e6:.0f}" if s.get("store_bytes") else "–"
        lines.append(
            f"| {run['articles']} | {stored} | {_s(e['ingest_s'])} | {_s(e['articles_per_s'])} | "
            f"{_s(e.get('articles_per_cpu_s'))} | {e['counts']['triples']} | {_mb(e)} | "
            f"{_peak(e)} | "
            f"{_s(s.get('bulk_load_s'))} | {server_mb} | {_s(s.get('server_peak_rss_mb'))} | "
            f"{_s(run.get('rows_agree'))} |"
        )
    sizes = [r for r in report["runs"] if "error" not in r]
    lines += [
        "",
        "Canned-query latency, best of up to 3 runs, seconds (embedded / server):",
        "",
        "| query | " + " | ".join(f"{r['embedded']['articles_stored']} articles" for r in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    for name in names:
        cells = [
            f"{_query_time(r['embedded']['queries'].get(name))} / "
            f"{_query_time(r.get('server', {}).get('queries', {}).get(name))}"
            for r in sizes
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


RENDERERS = {"store_choice": store_choice, "extract_speed": extract_speed, "store_bench": store_bench}


def tables(folder: Path) -> dict[str, str]:
    """Rendered tables by benchmark name, for every results file the folder holds."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        renderer = RENDERERS.get(report.get("benchmark", ""))
        if renderer:
            out[report["benchmark"]] = f"Raw results: `bench/results/{path.name}`.\n\n{renderer(report)}"
    return out


def update_readme(readme: Path, rendered: dict[str, str]) -> None:
    """Replace the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` with NAME's tables."""
    text = readme.read_text(encoding="utf-8")
    for name, body in rendered.items():
        start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
        if start in text and end in text:
            head, rest = text.split(start, 1)
            text = f"{head}{start}\n{body}{end}{rest.split(end, 1)[1]}"
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    write = "--update-readme" in args
    args = [a for a in args if a != "--update-readme"]
    rendered = tables(Path(args[0]) if args else HERE / "results")
    if write:
        update_readme(HERE / "README.md", rendered)
    else:
        for name, body in rendered.items():
            print(f"### {name}\n\n{body}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

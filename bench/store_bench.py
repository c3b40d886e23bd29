"""Ingest rate, store size, peak memory and canned-query latency, embedded store vs Oxigraph server.

    nice -n 10 python bench/store_bench.py --articles 1000 10000 100000 [--seed 1] [--batch-size 500]
        [--max-ingest-seconds 900] [--query-timeout 45] [--work DIR] [--profile N] [--no-server]
        [--out bench/results/store_bench.json]

The canned queries are copied once at the start (queries/ may be edited while the benchmark runs). For
each size a corpus is generated (generate.py), then a subprocess (so its peak memory is its own) ingests
it with `kg.ingest.ingest` into a new embedded store (the full pipeline: read, extract, map, store with
summaries), recording wall and CPU time and resident memory (peak, its anonymous and file-backed parts,
and after each batch); the store's size is taken as the build leaves it and again
after reopening and compacting it. Each canned query then runs in its own process on the store opened
read-only (`kg.queries.run`, default parameters, required ones filled from the data: the busiest
visitor→host pair, a visit), stopped at --query-timeout. Then the store is exported as N-Quads,
bulk-loaded with `oxigraph load` into a server folder, served by `oxigraph serve --union-default-graph`
on a free loopback port, and the same queries are timed over HTTP; the server is stopped by its PID.
Row counts of both sides are compared. Results are written after every step, so a later failure loses
nothing already measured.

If an ingest runs past --max-ingest-seconds it is stopped after the last committed batch and the
figures are for the articles stored by then (reported as `articles_stored`), so a size that does not
fit in the time still yields an honest rate.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import MemoryPeaks, describe, memory_status, peak_rss_mb

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAIR_QUERY = """PREFIX kg: <https://w3id.org/kgid/ontology#>
SELECT ?v ?h WHERE { ?p a kg:VisitPair ; kg:pairVisitor ?v ; kg:pairHost ?h ; kg:visitCount ?n }
ORDER BY DESC(?n) ?v ?h LIMIT 1"""
VISIT_QUERY = "PREFIX kg: <https://w3id.org/kgid/ontology#> SELECT ?visit WHERE { ?visit a kg:Visit } LIMIT 1"


class IngestBudgetSpent(Exception):
    """Raised from the progress callback to stop an ingest after its last committed batch."""


def _folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def snapshot_queries(work: Path, attempts: int = 12) -> Path:
    """A copy of queries/*.rq taken once, so a query edited while the benchmark runs cannot break it.

    A copy caught half-way through someone's edit fails to load; it is taken again a little later.
    """
    from kg.errors import KgError
    from kg.paths import QUERIES_DIR
    from kg.queries import catalog

    folder = work / "queries"
    for attempt in range(attempts):
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(QUERIES_DIR, folder)
        try:
            catalog(folder)
            return folder
        except KgError:
            if attempt == attempts - 1:
                raise
            time.sleep(10)
    return folder


# Optional parameters a user sets on a large graph: every chain through the busy hubs of 100k articles is
# millions of rows, so the benchmark asks, as the query's header advises, for steps made at least twice.
AT_SCALE: dict[str, dict[str, str]] = {"learning-chains": {"minVisits": "2"}}


def choose_parameters(store, queries: Path) -> dict[str, dict[str, str]]:
    """Values for every required parameter of every canned query, taken from what the store holds."""
    from kg.queries import catalog

    pair = store.select(PAIR_QUERY).rows
    visit = store.select(VISIT_QUERY).rows
    by_kind = {
        "a": str(pair[0]["h"]) if pair else None,
        "b": str(pair[0]["v"]) if pair else None,
        "agency": str(pair[0]["h"]) if pair else None,
        "fact": str(visit[0]["visit"]) if visit else None,
    }
    chosen: dict[str, dict[str, str]] = {}
    for name, query in catalog(queries).items():
        values = {p.name: by_kind.get(p.name) for p in query.parameters if p.required}
        if all(values.values()):
            chosen[name] = {k: v for k, v in values.items() if v} | AT_SCALE.get(name, {})
    return chosen


def time_query(store, path: Path, parameters: dict[str, str], repeat: int = 3) -> dict[str, object]:
    """First and best time of one canned query; a query slower than 5 s is run once."""
    from kg.queries import run

    times, rows = [], 0
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            rows = len(run(store, path, parameters))
            times.append(time.perf_counter() - started)
            if times[-1] > 5:
                break
    except Exception as error:  # one failing query must not lose the others' figures
        if "timed out" in str(error):  # the server's --timeout-s or the client's socket timeout
            return {"timeout_s": getattr(store, "timeout", None), "error": str(error)[:300]}
        return {"error": f"{type(error).__name__}: {error}"[:300]}
    return {"first_s": round(times[0], 4), "best_s": round(min(times), 4), "rows": rows}


def time_embedded_queries(
    location: Path, parameters: dict[str, dict[str, str]], timeout: float, queries: Path
) -> dict[str, dict]:
    """Each canned query in its own process on the store opened read-only, so a runaway one is stopped."""
    from kg.queries import catalog

    results: dict[str, dict] = {}
    for name in sorted(catalog(queries)):
        if name not in parameters:
            results[name] = {"skipped": "a required parameter has no value in this store"}
            continue
        command = [
            sys.executable,
            str(Path(__file__)),
            "--query-child",
            str(queries / f"{name}.rq"),
            "--store",
            str(location),
            "--params",
            json.dumps(parameters[name]),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False, cwd=ROOT
            )
        except subprocess.TimeoutExpired:
            results[name] = {"timeout_s": timeout}
            continue
        if done.returncode != 0:
            results[name] = {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:300]}
            continue
        results[name] = json.loads(done.stdout)
    return results


def time_server_queries(store, parameters: dict[str, dict[str, str]], queries: Path) -> dict[str, dict]:
    """Each canned query over HTTP; the server's own --timeout-s stops a runaway one."""
    from kg.queries import catalog

    results: dict[str, dict] = {}
    for name in sorted(catalog(queries)):
        if name not in parameters:
            results[name] = {"skipped": "a required parameter has no value in this store"}
            continue
        results[name] = time_query(store, queries / f"{name}.rq", parameters[name])
    return results


def _profile_top(profiler, count: int) -> list[dict[str, object]]:
    """The `count` functions with the most cumulative time, where they live relative to the repository."""
    import pstats

    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    top = sorted(stats.items(), key=lambda item: item[1][3], reverse=True)[:count]
    out = []
    for (filename, line, function), (_, calls, own, cumulative, _) in top:
        where = filename.replace(str(ROOT) + "/", "")
        out.append(
            {
                "function": f"{where}:{line}({function})",
                "calls": calls,
                "own_s": round(own, 2),
                "cumulative_s": round(cumulative, 2),
            }
        )
    return out


def _optimize(location: Path) -> dict[str, object]:
    """Reopen the database and compact it: the size a store settles at once its log is folded in."""
    import pyoxigraph as ox

    data = location / "oxigraph"  # kg.store.folder.DATA_DIR
    if not data.is_dir():
        return {}
    started = time.perf_counter()
    store = ox.Store(str(data))
    store.optimize()
    store.flush()
    del store
    return {
        "optimize_s": round(time.perf_counter() - started, 2),
        "store_bytes_optimized": _folder_bytes(location),
    }


def child(
    corpus: Path, location: Path, batch_size: int, max_seconds: float, queries: Path, profile: int = 0
) -> dict[str, object]:
    """Ingest the corpus into a new embedded store, then time the canned queries on it."""
    import resource

    from kg.ingest import ingest
    from kg.store.embedded import open_store

    def cpu_seconds() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    baseline = peak_rss_mb()
    committed = 0
    by_batch: list[dict[str, float]] = []  # memory after each committed batch: flat, or growing?
    started, cpu_started = time.perf_counter(), cpu_seconds()
    last_report = started

    def progress(state) -> None:
        nonlocal committed, last_report
        if state.committed != committed:
            by_batch.append({"committed": state.committed, **memory_status()})
        committed = state.committed
        now = time.perf_counter()
        if now - last_report > 30:
            last_report = now
            print(f"  {state.committed} committed, {state.seen} read, {now - started:.0f} s", file=sys.stderr)
        if now - started > max_seconds and state.committed and state.committed == state.seen:
            raise IngestBudgetSpent

    stopped = False
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    with open_store(location, create=True) as store, MemoryPeaks() as memory:
        try:
            if profiler is not None:
                profiler.enable()
            summary = ingest([corpus], store, batch_size=batch_size, progress=progress)
            stored, problems, warnings = summary.stored, len(summary.problems), len(summary.warnings)
            counts = summary.counts
        except IngestBudgetSpent:
            stopped, stored, problems, warnings = True, committed, None, None
            counts = store.counts()
        ingest_s = time.perf_counter() - started
        ingest_cpu_s = cpu_seconds() - cpu_started
        if profiler is not None:
            profiler.disable()
        parameters = choose_parameters(store, queries)
    store_bytes = _folder_bytes(location)
    optimized = _optimize(location)
    return {
        "articles_stored": stored,
        "stopped_by_time_budget": stopped,
        "ingest_s": round(ingest_s, 2),
        "articles_per_s": round(stored / ingest_s, 1) if ingest_s else None,
        "ingest_cpu_s": round(ingest_cpu_s, 2),
        "articles_per_cpu_s": round(stored / ingest_cpu_s, 1) if ingest_cpu_s else None,
        "problems": problems,
        "warnings": warnings,
        "counts": {
            k: getattr(counts, k)
            for k in ("articles", "visits", "agencies", "officials", "awards", "triples")
        },
        "store_bytes": store_bytes,  # as the build leaves it (the database's write-ahead log included)
        **optimized,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": peak_rss_mb(),
        # sampled every 0.1 s during the ingest: RssAnon is what the process allocated, RssFile mapped files
        "peak_rss_anon_mb": memory.peaks.get("rss_anon_mb"),
        "peak_rss_file_mb": memory.peaks.get("rss_file_mb"),
        "memory_by_batch": by_batch,
        "parameters": parameters,
        "profile": _profile_top(profiler, profile) if profiler is not None else None,
    }


def server_phase(
    location: Path, work: Path, parameters: dict[str, dict[str, str]], timeout: float, queries: Path
) -> dict[str, object]:
    """Export the store, bulk-load it into an Oxigraph server folder, serve it and time the queries."""
    from sparql_http import HttpSparqlStore, OxigraphServer

    from kg.store.embedded import open_store
    from kg.store.transfer import export_store

    binary = Path(sys.executable).parent / "oxigraph"
    dump, folder = work / "dump.nq", work / "server-data"
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    with open_store(location, readonly=True) as store:
        dump.write_bytes(export_store(store, "nquads"))
    export_s = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run(
        [str(binary), "load", "--location", str(folder), "--file", str(dump)], check=True, capture_output=True
    )
    load_s = time.perf_counter() - started
    result: dict[str, object] = {
        "export_s": round(export_s, 2),
        "bulk_load_s": round(load_s, 2),
        "dump_bytes": dump.stat().st_size,
    }
    dump.unlink()
    try:
        with OxigraphServer(binary, folder, query_timeout_s=int(timeout)) as server:
            result["queries"] = time_server_queries(
                HttpSparqlStore(server.endpoint, timeout), parameters, queries
            )
            result["server_peak_rss_mb"] = server.peak_rss_mb()
        result["store_bytes"] = _folder_bytes(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _corpus(work: Path, articles: int, seed: int) -> Path:
    from generate import main as generate_main

    folder = work / f"corpus-{seed}-{articles}"
    if not (folder / "manifest.json").is_file():
        generate_main(["--articles", str(articles), "--seed", str(seed), "--out", str(folder)])
    return folder / "articles.jsonl"


def _rows_agree(embedded: dict, server: dict) -> bool | None:
    """Whether every query that finished on both sides returned as many rows on each."""
    pairs = [
        (e["rows"], server[name]["rows"])
        for name, e in embedded.items()
        if "rows" in e and "rows" in server.get(name, {})
    ]
    return all(a == b for a, b in pairs) if pairs else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--max-ingest-seconds", type=float, default=1500)
    parser.add_argument("--no-server", action="store_true", help="skip the Oxigraph server half")
    parser.add_argument(
        "--profile", type=int, default=0, help="record the N costliest functions of the ingest"
    )
    parser.add_argument("--query-timeout", type=float, default=300, help="seconds before a query is given up")
    parser.add_argument("--work", type=Path, help="scratch folder, kept (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "store_bench.json")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--query-child", help=argparse.SUPPRESS)
    parser.add_argument("--params", default="{}", help=argparse.SUPPRESS)
    parser.add_argument("--queries", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.query_child:
        from kg.store.embedded import open_store

        with open_store(args.store, readonly=True) as store:
            print(json.dumps(time_query(store, Path(args.query_child), json.loads(args.params))))
        return 0
    if args.child:
        result = child(
            args.corpus, args.store, args.batch_size, args.max_ingest_seconds, args.queries, args.profile
        )
        print(json.dumps(result))
        return 0

    machine = describe()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-store-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    queries = snapshot_queries(work)
    runs: list[dict[str, object]] = []

    def write_report() -> None:
        """Written after every size, so a later failure never loses the figures already taken."""
        report = {
            "benchmark": "store_bench",
            "machine": {
                **machine,
                "finished": describe()["date"],
                "load_average_end": describe()["load_average"],
            },
            "seed": args.seed,
            "batch_size": args.batch_size,
            "max_ingest_seconds": args.max_ingest_seconds,
            "query_timeout": args.query_timeout,
            "queries": sorted(p.stem for p in queries.glob("*.rq")),
            "runs": runs,
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    try:
        for articles in args.articles:
            corpus = _corpus(work, articles, args.seed)
            location = work / f"store-{articles}"
            shutil.rmtree(location, ignore_errors=True)
            command = [
                sys.executable,
                str(Path(__file__)),
                "--child",
                "--corpus",
                str(corpus),
                "--store",
                str(location),
                "--batch-size",
                str(args.batch_size),
                "--max-ingest-seconds",
                str(args.max_ingest_seconds),
                "--queries",
                str(queries),
                "--profile",
                str(args.profile),
            ]
            print(f"{articles} articles: ingesting", file=sys.stderr)
            done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False, cwd=ROOT)
            if done.returncode != 0:
                runs.append({"articles": articles, "error": f"ingest child exited {done.returncode}"})
                write_report()
                continue
            run: dict = {"articles": articles, "embedded": json.loads(done.stdout)}
            runs.append(run)
            parameters = run["embedded"]["parameters"]
            run["embedded"]["queries"] = time_embedded_queries(
                location, parameters, args.query_timeout, queries
            )
            write_report()
            if not args.no_server:
                try:
                    run["server"] = server_phase(location, work, parameters, args.query_timeout, queries)
                    run["rows_agree"] = _rows_agree(run["embedded"]["queries"], run["server"]["queries"])
                except Exception as error:  # keep the embedded figures whatever the server half does
                    run["server"] = {"error": f"{type(error).__name__}: {error}"[:300]}
                write_report()
            print(json.dumps(run)[:1000], file=sys.stderr)
            shutil.rmtree(location, ignore_errors=True)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The measurement that chose kg's embedded store: rdflib's in-memory Dataset vs an on-disk Oxigraph store.

    nice -n 10 python bench/store_choice.py --articles 1000 10000 [--oxigraph-only 100000]
        [--rdflib-max 10000] [--out bench/results/store_choice.json]

For each size a synthetic graph in kg's RDF model (synthetic_graph.py) is written as N-Quads once, then
each engine runs in its own subprocess (so peak memory, read from getrusage, is that engine's alone):
load time, peak resident memory, store size on disk, and the time of each query below. Oxigraph's
queries run each in its own process on the store opened read-only and are stopped at --query-timeout
(a stopped query is reported as such); rdflib loads and queries in one process (--timeout).

Queries:

- `who-visited-whom`: top-20 visitor→host pairs grouped from every Visit;
- `who-visited-whom-summary`: the same from the kgg:summary VisitPair nodes;
- `chain-naive`: two-step chains A→B→C joining every visit with every visit (grows with the square);
- `chain-distinct`: the same with DISTINCT sub-selects of the pairs first;
- `chain-summary`: the same over the VisitPair nodes;
- `chain-to-hub-*`: the same three forms for the interactive question "who learned, through one
  intermediary, from Diskominfo Jawa Timur" (chains ending at one busy host).

The three chain forms must count the same chains; the result records whether they do. Both engines
query with the default graph as the union of all graphs, as kg's canned queries expect.
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

from machine import describe, peak_rss_mb

HERE = Path(__file__).resolve().parent
PREFIX = "PREFIX kg: <https://w3id.org/kgid/ontology#>\n"
HUB = "<https://w3id.org/kgid/id/agency/diskominfo/35>"  # Diskominfo Jawa Timur, the busiest host
QUERIES = {
    "who-visited-whom": PREFIX
    + """
SELECT ?v ?h (COUNT(DISTINCT ?visit) AS ?n) WHERE { ?visit a kg:Visit ; kg:visitor ?v ; kg:host ?h }
GROUP BY ?v ?h ORDER BY DESC(?n) ?v ?h LIMIT 20""",
    "who-visited-whom-summary": PREFIX
    + """
SELECT ?v ?h ?n WHERE { ?p a kg:VisitPair ; kg:pairVisitor ?v ; kg:pairHost ?h ; kg:visitCount ?n }
ORDER BY DESC(?n) ?v ?h LIMIT 20""",
    "chain-naive": PREFIX
    + """
SELECT (COUNT(*) AS ?chains) WHERE { SELECT DISTINCT ?a ?b ?c WHERE {
  ?x kg:visitor ?a ; kg:host ?b . ?y kg:visitor ?b ; kg:host ?c . FILTER(?a != ?c) } }""",
    "chain-distinct": PREFIX
    + """
SELECT (COUNT(*) AS ?chains) WHERE {
  { SELECT DISTINCT ?a ?b WHERE { ?x kg:visitor ?a ; kg:host ?b } }
  { SELECT DISTINCT ?b ?c WHERE { ?y kg:visitor ?b ; kg:host ?c } }
  FILTER(?a != ?c) }""",
    "chain-summary": PREFIX
    + """
SELECT (COUNT(*) AS ?chains) WHERE {
  ?p kg:pairVisitor ?a ; kg:pairHost ?b . ?q kg:pairVisitor ?b ; kg:pairHost ?c . FILTER(?a != ?c) }""",
    "chain-to-hub-naive": PREFIX
    + """
SELECT (COUNT(*) AS ?chains) WHERE { SELECT DISTINCT ?a ?b WHERE {
  ?x kg:visitor ?a ; kg:host ?b . ?y kg:visitor ?b ; kg:host <HUB> . FILTER(?a != <HUB>) } }""",
    "chain-to-hub-distinct": PREFIX
    + """
SELECT (COUNT(*) AS ?chains) WHERE {
  { SELECT DISTINCT ?a ?b WHERE { ?x kg:visitor ?a ; kg:host ?b } }
  { SELECT DISTINCT ?b WHERE { ?y kg:visitor ?b ; kg:host <HUB> } }
  FILTER(?a != <HUB>) }""",
    "chain-to-hub-summary": PREFIX
    + """
SELECT (COUNT(*) AS ?chains) WHERE {
  ?p kg:pairVisitor ?a ; kg:pairHost ?b . ?q kg:pairVisitor ?b ; kg:pairHost <HUB> . FILTER(?a != <HUB>) }""",
}
QUERIES = {name: sparql.replace("<HUB>", HUB) for name, sparql in QUERIES.items()}


def _folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _time(run_query, name: str) -> dict[str, object]:
    """First and (for a fast query, re-run with warm caches) best time of one query, and its answer."""
    sparql = QUERIES[name]
    started = time.perf_counter()
    rows = run_query(sparql)
    first = best = time.perf_counter() - started
    if first < 30:
        started = time.perf_counter()
        run_query(sparql)
        best = min(best, time.perf_counter() - started)
    answer = rows[0][-1] if name.startswith("chain") else len(rows)
    return {"first_s": round(first, 4), "best_s": round(best, 4), "answer": answer}


def child_rdflib(data: Path) -> dict[str, object]:
    """Load into rdflib's in-memory Dataset and run every query in this process."""
    from rdflib import Dataset

    baseline = peak_rss_mb()
    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    load = time.perf_counter() - started

    def run(sparql: str) -> list[list[object]]:
        return [[str(term) if term is not None else None for term in row] for row in dataset.query(sparql)]

    queries = {name: _time(run, name) for name in QUERIES}
    return {
        "load_s": round(load, 2),
        "baseline_rss_mb": baseline,
        "peak_rss_mb": peak_rss_mb(),
        "store_bytes": None,
        "queries": queries,
    }


def child_oxigraph_load(data: Path, location: Path) -> dict[str, object]:
    """Bulk-load into a new on-disk Oxigraph store; queries then run in their own processes."""
    from pyoxigraph import RdfFormat, Store

    baseline = peak_rss_mb()
    started = time.perf_counter()
    store = Store(str(location))
    store.bulk_load(path=str(data), format=RdfFormat.N_QUADS)
    store.flush()
    load = time.perf_counter() - started
    return {
        "load_s": round(load, 2),
        "baseline_rss_mb": baseline,
        "peak_rss_mb": peak_rss_mb(),
        "store_bytes": _folder_bytes(location),
    }


def child_oxigraph_query(location: Path, name: str) -> dict[str, object]:
    from pyoxigraph import Store

    store = Store.read_only(str(location))

    def run(sparql: str) -> list[list[object]]:
        solutions = store.query(sparql, use_default_graph_as_union=True)
        return [[term.value if term is not None else None for term in row] for row in solutions]

    return {**_time(run, name), "peak_rss_mb": peak_rss_mb()}


def _child(arguments: list[str], timeout: float) -> dict[str, object]:
    command = [sys.executable, str(Path(__file__)), "--child", *arguments]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"timeout_s": timeout}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:300]}
    return json.loads(done.stdout)


def _measure(engine: str, data: Path, work: Path, timeout: float, query_timeout: float) -> dict[str, object]:
    """One engine at one size. Oxigraph queries each get a process of their own, stopped at the timeout."""
    if engine == "rdflib":
        return _child(["rdflib", "--data", str(data)], timeout)
    location = work / f"oxigraph-{data.stem}"
    shutil.rmtree(location, ignore_errors=True)
    try:
        result = _child(["oxigraph-load", "--data", str(data), "--location", str(location)], timeout)
        if "load_s" not in result:
            return result
        queries = {}
        for name in QUERIES:
            queries[name] = _child(
                ["oxigraph-query", "--location", str(location), "--query", name], query_timeout
            )
            print(f"  {name}: {queries[name]}", file=sys.stderr)
        peaks = [q.get("peak_rss_mb") for q in queries.values()] + [result["peak_rss_mb"]]
        result["peak_rss_mb"] = max(p for p in peaks if isinstance(p, int | float))
        result["queries"] = queries
        return result
    finally:
        shutil.rmtree(location, ignore_errors=True)


def _chains_agree(result: dict[str, object]) -> bool | None:
    """Whether the forms of each chain question that finished gave the same count."""
    queries = result.get("queries")
    if not isinstance(queries, dict):
        return None
    groups: dict[str, set[object]] = {}
    for name, q in queries.items():
        if name.startswith("chain") and "answer" in q:
            groups.setdefault(name.rsplit("-", 1)[0], set()).add(q["answer"])
    return all(len(answers) == 1 for answers in groups.values()) if groups else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--oxigraph-only", type=int, nargs="*", default=[], help="sizes run on Oxigraph only")
    parser.add_argument("--rdflib-max", type=int, default=10000, help="largest size rdflib is run at")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds for a load (rdflib: load+queries)"
    )
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "store_choice.json")
    parser.add_argument("--query-timeout", type=float, default=240, help="seconds per Oxigraph query")
    parser.add_argument(
        "--child", choices=["rdflib", "oxigraph-load", "oxigraph-query"], help=argparse.SUPPRESS
    )
    parser.add_argument("--query", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--location", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "rdflib":
        print(json.dumps(child_rdflib(args.data)))
        return 0
    if args.child == "oxigraph-load":
        print(json.dumps(child_oxigraph_load(args.data, args.location)))
        return 0
    if args.child == "oxigraph-query":
        print(json.dumps(child_oxigraph_query(args.location, args.query)))
        return 0

    from synthetic_graph import write_nquads

    machine = describe()

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-store-choice-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = []
    sizes = [(n, ("rdflib", "oxigraph") if n <= args.rdflib_max else ("oxigraph",)) for n in args.articles]
    sizes += [(n, ("oxigraph",)) for n in args.oxigraph_only]
    try:
        for articles, engines in sizes:
            data = work / f"graph-{articles}.nq"
            started = time.perf_counter()
            quads = write_nquads(data, articles, args.seed)
            print(
                f"{articles} articles: {quads} quads written in {time.perf_counter() - started:.1f} s",
                file=sys.stderr,
            )
            for engine in engines:
                result = _measure(engine, data, work, args.timeout, args.query_timeout)
                result["chains_agree"] = _chains_agree(result)
                runs.append({"articles": articles, "quads": quads, "engine": engine, **result})
                print(json.dumps(runs[-1]), file=sys.stderr)
            data.unlink()
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    skipped = [n for n, engines in sizes if "rdflib" not in engines]
    report = {
        "benchmark": "store_choice",
        "machine": {
            **machine,
            "finished": describe()["date"],
            "load_average_end": describe()["load_average"],
        },
        "seed": args.seed,
        "note": f"rdflib not run at {skipped} (capped at --rdflib-max {args.rdflib_max})" if skipped else "",
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

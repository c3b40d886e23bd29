"""A `kg build` killed with SIGKILL mid-run leaves a store that opens, validates, holds only whole
articles, and a second run completes the job (issue 4)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.ingest import ingest
from kg.store.embedded import open_store, read_progress
from kg.store.names import ARTICLE_GRAPH_PREFIX, SUMMARY_GRAPH
from kg.validate import render, validate

ARTICLES = 200
BATCH = 10
VISITORS = ["Diskominfo Kabupaten Berau", "Diskominfo Kota Samarinda", "Diskominfo Kabupaten Kutai Timur",
            "Bappeda Provinsi Kalimantan Timur", "Diskominfo Kota Surabaya"]
HOSTS = ["Diskominfo Provinsi Kalimantan Utara", "Diskominfo Provinsi Jawa Timur",
         "Diskominfo Provinsi Kalimantan Timur"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]


def write_corpus(folder: Path, count: int) -> None:
    """Short, varied study-visit reports (written for this test), one per file."""
    folder.mkdir()
    for i in range(count):
        visitor, host = VISITORS[i % len(VISITORS)], HOSTS[(i // 5) % len(HOSTS)]
        day, month = 1 + i % 28, 1 + (i // 28) % 12
        text = (f"Rombongan {visitor} melakukan studi tiru ke {host}, {DAYS[i % 5]} ({day}/{month}/2024). "
                f"Pertemuan ke-{i} itu membahas pengelolaan PPID dan keterbukaan informasi publik.\n")
        (folder / f"g{i:04d}.txt").write_text(text, encoding="utf-8")


def graphs(store_dir: Path) -> dict[str, set[bytes]]:
    with open_store(store_dir, readonly=True) as store:
        return {name: set(body.splitlines()) for name, body in store.iter_article_graphs()}


def wait_for_first_batch(process: subprocess.Popen, store_dir: Path) -> None:
    """Poll the build's progress file (bounded) until one batch is committed."""
    deadline = time.monotonic() + 180
    while True:
        progress = read_progress(store_dir)
        if progress and progress.get("pid") == process.pid and progress["committed_articles"] >= BATCH:
            return
        if process.poll() is not None:
            pytest.fail(f"the build ended (exit {process.returncode}) before it could be killed")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("no batch was committed within 180 s")
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.02)  # returns early if the build ends


@pytest.mark.slow
def test_build_killed_mid_run_keeps_whole_articles_and_resumes(tmp_path, capsys):
    corpus, killed, reference = tmp_path / "corpus", tmp_path / "killed", tmp_path / "reference"
    write_corpus(corpus, ARTICLES)
    with (tmp_path / "build.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", "from kg.cli import run; run()", "build", str(corpus),
             "--store", str(killed), "--batch-size", str(BATCH)],
            stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
        wait_for_first_batch(process, killed)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait() == -signal.SIGKILL

    with open_store(reference, create=True) as store:
        ingest([corpus], store, batch_size=BATCH)
    expected = graphs(reference)

    # The killed store opens (lock released by the kernel) and holds only whole articles.
    with open_store(killed) as store:
        stored = store.counts().articles
        summary_before = set(store.dump_dataset(ox.RdfFormat.N_QUADS).splitlines())
        store.recompute_summary()  # the summary agrees with the facts that made it in
        assert set(store.dump_dataset(ox.RdfFormat.N_QUADS).splitlines()) == summary_before
        union = store.union_graph()
    assert BATCH <= stored < ARTICLES
    found = graphs(killed)
    articles = [name for name in found if name and name.startswith(ARTICLE_GRAPH_PREFIX)]
    assert len(articles) == stored
    for name in articles:
        assert found[name] == expected[name], f"{name} is not whole"
    assert found[SUMMARY_GRAPH]  # summaries were committed with the facts

    # It validates no worse than a clean build of the same articles.
    killed_lines = set(render(validate(union)))
    with open_store(reference, readonly=True) as store:
        reference_lines = set(render(validate(store.union_graph())))
    assert killed_lines <= reference_lines
    assert main(["validate", "--store", str(killed)]) == (0 if not reference_lines else 1)

    # Running the command again completes the job, skipping what was stored.
    capsys.readouterr()
    assert main(["build", str(corpus), "--store", str(killed), "--batch-size", str(BATCH)]) == 0
    out = capsys.readouterr().out
    assert f"{ARTICLES} read: {ARTICLES - stored} new, 0 changed, {stored} unchanged" in out
    assert graphs(killed) == expected

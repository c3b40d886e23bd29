"""The compiled build (kg.native): when it runs, that it gives the Python source's output, and the one
mypyc difference the code has to step around."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES, SourceFileLoader
from pathlib import Path

import pytest

from kg import native
from kg.native import BUILD_RECORD, Build, compiled_files, decide, module_name, source_hashes

SRC = Path(native.__file__).resolve().parent.parent
SO = EXTENSION_SUFFIXES[0]


def _fake_build(root: Path) -> Path:
    """A `src` directory with a few compiled-module sources, their 'extensions' and a build record."""
    for rel in ("kg/clean.py", "kg/knowledge/matcher.py", "kg/events/__init__.py", "kg/events/visits.py",
                "kg/recognise/__init__.py", "kg/resolve/__init__.py"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"NAME = {rel!r}\n", encoding="utf-8")
        path.with_name(path.stem + SO).write_bytes(b"")
    (root / "kg" / BUILD_RECORD).write_text(json.dumps(source_hashes(root)), encoding="utf-8")
    return root


def test_module_names_follow_the_files() -> None:
    assert module_name(Path("kg/events/reports.py")) == "kg.events.reports"
    assert module_name(Path("kg/events/__init__.py")) == "kg.events"
    names = {module_name(f) for f in compiled_files(SRC)}
    assert {"kg.clean", "kg.knowledge.matcher", "kg.events.visits", "kg.recognise",
            "kg.resolve.agencies"} <= names
    assert "kg.pipeline" not in names and "kg.types" not in names  # tests replace the pipeline's stages


def test_a_complete_matching_build_is_used(tmp_path: Path) -> None:
    build = decide(_fake_build(tmp_path), {})
    assert build.compiled, build.reason
    assert decide(tmp_path, {"KG_PURE": "0"}).compiled


def test_the_source_is_used_when_asked_for_or_when_the_build_does_not_match(tmp_path: Path) -> None:
    src = _fake_build(tmp_path)
    assert decide(src, {"KG_PURE": "1"}) == Build(False, "KG_PURE is set")

    edited = src / "kg" / "events" / "visits.py"
    edited.write_text("NAME = 'edited'\n", encoding="utf-8")
    build = decide(src, {})
    assert not build.compiled and build.changed == str(edited)
    edited.write_text("NAME = 'kg/events/visits.py'\n", encoding="utf-8")
    assert decide(src, {}).compiled

    added = src / "kg" / "events" / "standings.py"  # a module the build has not seen
    added.write_text("NAME = 'new'\n", encoding="utf-8")
    build = decide(src, {})
    assert not build.compiled and build.changed == str(added)
    added.unlink()

    (src / "kg" / "recognise" / f"__init__{SO}").unlink()
    build = decide(src, {})
    assert not build.compiled and "kg.recognise is missing" in build.reason

    (src / "kg" / BUILD_RECORD).write_text("[]", encoding="utf-8")
    assert not decide(src, {}).compiled
    (src / "kg" / BUILD_RECORD).unlink()
    assert decide(src, {}) == Build(False, "this install was built without compiling")


def test_a_stale_build_loads_every_listed_module_from_source_and_says_which_file_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _fake_build(tmp_path)
    (src / "kg" / "clean.py").write_text("NAME = 'edited'\n", encoding="utf-8")
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))  # activate's finder goes with the test
    monkeypatch.setattr(native, "BUILD", native.BUILD)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build = native.activate(src, {})
    assert not build.compiled
    assert [str(w.message) for w in caught if "changed since the compiled build" in str(w.message)]
    finder = sys.meta_path[0]
    for name, rel in (("kg.events", "kg/events/__init__.py"), ("kg.events.visits", "kg/events/visits.py"),
                      ("kg.clean", "kg/clean.py")):
        spec = finder.find_spec(name, None)
        assert spec is not None and spec.origin == str(src / rel)
        assert isinstance(spec.loader, SourceFileLoader)
    assert finder.find_spec("kg.pipeline", None) is None  # not compiled: the usual finders decide
    assert finder.find_spec("kg.events", None).submodule_search_locations == [str(src / "kg" / "events")]


def test_no_finder_is_added_where_nothing_is_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _fake_build(tmp_path)
    for so in src.rglob(f"*{SO}"):
        so.unlink()
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.setattr(native, "BUILD", native.BUILD)
    before = list(sys.meta_path)
    assert not native.activate(src, {"KG_PURE": "1"}).compiled
    assert sys.meta_path == before


def test_compiled_modules_call_python_lower_by_name() -> None:
    """mypyc compiles `s.lower()` to a primitive that ignores the final-sigma rule ("ΟΔΟΣ" → "οδοσ";
    Python gives "οδος"), so the compiled modules call `kg.knowledge.matcher.lower` instead."""
    offenders = []
    for rel in compiled_files(SRC):
        tree = ast.parse((SRC / rel).read_text(encoding="utf-8"))
        offenders += [f"{rel}:{node.lineno}" for node in ast.walk(tree)
                      if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                      and node.func.attr == "lower"]
    assert offenders == []
    from kg.knowledge.matcher import lower, lower_same_length

    assert lower("ΟΔΟΣ.") == "οδος." == lower_same_length("ΟΔΟΣ.")


_HASH_EXTRACTION = """
import hashlib, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from extract_speed import corpus_articles
import kg.native, kg.events.reports
from kg.pipeline import extract
from kg.read import read_paths
data = Path(sys.argv[2])
articles = corpus_articles(300, 3) + list(read_paths(sorted(data.glob("gold/*")) + [data / "samples"]))
digest = hashlib.sha256()
for article in articles:
    digest.update(repr(extract(article)).encode())
print(len(articles), digest.hexdigest(), kg.native.BUILD.compiled, Path(kg.events.reports.__file__).suffix)
"""


@pytest.mark.slow
def test_the_compiled_build_gives_the_output_of_the_python_source() -> None:
    if not native.BUILD.compiled:
        pytest.skip(f"this install runs the Python source only ({native.BUILD.reason})")
    root = SRC.parent
    args = [sys.executable, "-c", _HASH_EXTRACTION, str(root / "bench"), str(root / "data")]
    runs = {}
    for pure in ("0", "1"):
        env = {"KG_PURE": pure, "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"}
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=False, timeout=600)
        assert done.returncode == 0, done.stderr
        runs[pure] = done.stdout.split()
    count, compiled_digest, compiled, suffix = runs["0"]
    assert (compiled, suffix) == ("True", SO[SO.rfind("."):])
    assert runs["1"][2:] == ["False", ".py"]
    assert int(count) > 600
    assert compiled_digest == runs["1"][1]  # SHA-256 of every extraction's repr, in order


def test_the_version_says_which_extractor_runs() -> None:
    from click.testing import CliRunner

    from kg.cli import app

    shown = CliRunner().invoke(app, ["--version"]).output
    which = "compiled" if native.BUILD.compiled else "Python source"
    assert f"extractor: {which}; {native.BUILD.reason}" in shown
    kg = Path(sys.executable).parent / "kg"  # the installed command, as a user runs it
    done = subprocess.run([str(kg), "--version"], capture_output=True, text=True,
                          env={"KG_PURE": "1", "PATH": "/usr/bin:/bin"}, check=False, timeout=120)
    assert "extractor: Python source; KG_PURE is set" in done.stdout, done.stderr

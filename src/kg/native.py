"""The compiled build of the extractor: which modules mypyc compiles, and whether this process uses them.

Why: extraction has to keep up with a national feed (1,000 articles/s on one core). The hot modules —
the cleaner, the matcher, the recogniser, the resolver and the event stage — are plain typed Python;
`setup.py` compiles them with mypyc when the package is built, and the Python files stay beside the
compiled ones. Both give the same output (tests/extractor/test_native.py compares them); only the speed
differs, by 14–31 %.

A compiled module that no longer matches its source would quietly run old code: an edited file in an
editable install, a checkout of another commit without a rebuild. So the build records the SHA-256 of
every source it compiled (`_native_build.json` beside this file) and `activate` (run by `import kg`,
before any of these modules is imported) compares them. If a source changed, a compiled module is
missing, or `KG_PURE=1` is set, every listed module is loaded from its Python source instead, never a
mix: compiled modules call one another directly, so one stale module would still be reached from the
others. A changed source also gives one warning naming it and the command that rebuilds.

Standard library only: `setup.py` loads this file on its own, before any dependency is installed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType

# What is compiled: every module of these packages, and these single modules (paths under src/).
COMPILED_PACKAGES = ("kg/events", "kg/recognise", "kg/resolve")
COMPILED_MODULES = ("kg/clean.py", "kg/knowledge/matcher.py")
BUILD_RECORD = "_native_build.json"
PURE_VARIABLE = "KG_PURE"
REBUILD = "make install (or pip install -e .)"


@dataclass(frozen=True)
class Build:
    """Which extractor this process runs and why: `compiled` is True only when every compiled module
    is present and matches the source it was built from."""

    compiled: bool
    reason: str
    changed: str | None = None  # a source edited since the build, when that is the reason


def compiled_files(src: Path) -> list[Path]:
    """The Python files the build compiles, relative to `src`, in a stable order."""
    files = [Path(m) for m in COMPILED_MODULES]
    for package in COMPILED_PACKAGES:
        files.extend(p.relative_to(src) for p in sorted((src / package).glob("*.py")))
    return sorted(files)


def module_name(relative: Path) -> str:
    """"kg/events/reports.py" → "kg.events.reports"; a package's __init__.py names the package."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_hashes(src: Path) -> dict[str, str]:
    """Module name → SHA-256 of its source, for every compiled module: what the build record holds."""
    return {module_name(f): hashlib.sha256((src / f).read_bytes()).hexdigest() for f in compiled_files(src)}


def _source_path(src: Path, name: str) -> Path:
    path = src.joinpath(*name.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _has_extension(src: Path, name: str) -> bool:
    source = _source_path(src, name)
    stem = source.stem
    return any((source.parent / f"{stem}{suffix}").exists() for suffix in EXTENSION_SUFFIXES)


def decide(src: Path, environ: Mapping[str, str]) -> Build:
    """Whether the compiled modules under `src` (the directory that holds the `kg` package) may run."""
    if environ.get(PURE_VARIABLE, "") not in ("", "0"):
        return Build(False, f"{PURE_VARIABLE} is set")
    record_path = src / "kg" / BUILD_RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Build(False, "this install was built without compiling")
    if not isinstance(record, dict) or not record:
        return Build(False, f"{record_path} is not a build record")
    added = sorted({module_name(f) for f in compiled_files(src)} - set(record))
    if added:
        return Build(False, f"{_source_path(src, added[0])} is newer than the compiled build",
                     changed=str(_source_path(src, added[0])))
    for name, digest in sorted(record.items()):
        source = _source_path(src, name)
        try:
            now = hashlib.sha256(source.read_bytes()).hexdigest()
        except OSError:
            return Build(False, f"{source} is missing")
        if now != digest:
            return Build(False, f"{source} changed since the compiled build", changed=str(source))
        if not _has_extension(src, name):
            return Build(False, f"the compiled {name} is missing")
    return Build(True, f"mypyc build of {len(record)} modules")


class _FromSource:
    """A meta-path finder that loads the listed modules from their .py files, ahead of the compiled
    ones that the default finder would pick (extension modules come first in its search order)."""

    def __init__(self, src: Path, names: Sequence[str]) -> None:
        self._paths = {name: _source_path(src, name) for name in names}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        source = self._paths.get(fullname)
        if source is None:
            return None
        locations = [str(source.parent)] if source.name == "__init__.py" else None
        return importlib.util.spec_from_file_location(fullname, source, submodule_search_locations=locations)


BUILD = Build(False, "not decided yet")


def activate(src: Path | None = None, environ: Mapping[str, str] | None = None) -> Build:
    """Decide once, at `import kg`, and make the import system follow the decision."""
    global BUILD
    src = src if src is not None else Path(__file__).resolve().parent.parent
    BUILD = decide(src, os.environ if environ is None else environ)
    if not BUILD.compiled:
        names = [module_name(f) for f in compiled_files(src)]
        if any(_has_extension(src, name) for name in names):
            sys.meta_path.insert(0, _FromSource(src, names))  # type: ignore[arg-type]
        if BUILD.changed is not None:
            warnings.warn(
                f"kg: {BUILD.changed} changed since the compiled build; running the Python source of the "
                f"extractor (slower). Rebuild with: {REBUILD}",
                stacklevel=2,
            )
    return BUILD

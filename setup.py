"""Build hook: compile the extractor's hot modules with mypyc (src/kg/native.py says which and why).

Everything else about the package is in pyproject.toml. `KG_PURE=1 pip install .` builds without
compiling, for a machine with no C compiler: the Python modules give the same output, only slower. The
build records a hash of each compiled source so that `import kg` can tell a stale compiled module.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src"


def _native():  # type: ignore[no-untyped-def]
    """kg/native.py loaded on its own: the package's dependencies are not installed yet."""
    spec = importlib.util.spec_from_file_location("_kg_native", SRC / "kg" / "native.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


def _extensions() -> list:
    native = _native()
    record = SRC / "kg" / native.BUILD_RECORD
    record.unlink(missing_ok=True)  # no record, no compiled modules used: a pure build stays pure
    if os.environ.get(native.PURE_VARIABLE, "") not in ("", "0"):
        return []
    from mypyc.build import mypycify

    os.chdir(ROOT)  # mypy reads its settings ([tool.mypy] in pyproject.toml) from here
    files = [str(Path("src") / f) for f in native.compiled_files(SRC)]
    extensions = mypycify(files, opt_level="3", debug_level="0")
    hashes = native.source_hashes(SRC)
    record.write_text(json.dumps(hashes, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return extensions


# the C files compile one per core (about a minute on one core)
setup(ext_modules=_extensions(), options={"build_ext": {"parallel": os.cpu_count() or 1}})

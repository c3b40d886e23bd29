"""A kg store folder on disk: what marks it as one, and the small files beside the database.

Layout:
- `kg-store.json`  the marker: says "this folder is a kg store", its format version and build metadata;
- `oxigraph/`      the database (RocksDB files);
- `lock`           the lock file (see `kg.store.lock`);
- `resolutions.yaml` the user's identity judgements (see `kg.resolutions`);
- `build-progress.json` how many articles the running build has committed (watched by tests and tools).

The marker is what lets kg refuse a folder that is not its own: `--store ~/Documents` must never be
written into. JSON files are replaced atomically, so a kill leaves the old or the new version.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kg.errors import StoreError

MARKER_NAME = "kg-store.json"
MARKER_KIND = "kg-store"
FORMAT_VERSION = 1
DATA_DIR = "oxigraph"
PROGRESS_NAME = "build-progress.json"
RESOLUTIONS_NAME = "resolutions.yaml"


def prepare_folder(folder: Path, *, create: bool) -> Path:
    """Check that `folder` is a kg store (or, with `create`, make an empty or new folder one)."""
    if folder.exists() and not folder.is_dir():
        raise StoreError("is a file, not a store folder; pass another --store", source=str(folder))
    if not is_store(folder):
        occupied = folder.is_dir() and any(folder.iterdir())
        if not create:
            if occupied:
                raise StoreError(f"is not a kg store (no {MARKER_NAME}); pass the folder `kg build` "
                                 "created, or a new one", source=str(folder))
            raise StoreError("no kg store here yet; create one with `kg build PATH`", source=str(folder))
        if occupied:
            raise StoreError(f"exists and is not a kg store (no {MARKER_NAME}); refusing to write into it. "
                             "Pass an empty or new folder with --store", source=str(folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the store folder: {error.strerror}",
                             source=str(folder)) from None
        _write_json(folder / MARKER_NAME, {
            "kind": MARKER_KIND, "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
        })
    read_marker(folder)  # checks kind and version
    return folder


def is_store(folder: Path) -> bool:
    """True when `folder` carries a kg store marker."""
    return (folder / MARKER_NAME).is_file()


def read_marker(folder: Path) -> dict[str, Any]:
    """The marker of a store folder, checked: it must say kg-store and a format this kg reads."""
    marker_path = folder / MARKER_NAME
    try:
        marker = json.loads(marker_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(f"the store marker is unreadable ({error}); is this a kg store?",
                         source=str(marker_path)) from None
    if not isinstance(marker, dict) or marker.get("kind") != MARKER_KIND:
        raise StoreError("is not a kg store marker", source=str(marker_path))
    version = marker.get("format")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise StoreError(f"store format {version!r} is newer than this kg reads ({FORMAT_VERSION}); "
                         "upgrade kg", source=str(marker_path))
    return marker


def update_marker(folder: Path, **values: Any) -> None:
    """Merge values (e.g. the last build's fingerprint) into the marker."""
    marker = read_marker(folder)
    marker.update(values)
    _write_json(folder / MARKER_NAME, marker)


def write_progress(folder: Path, **values: Any) -> None:
    """Record how far the running build got, with its PID."""
    _write_json(folder / PROGRESS_NAME, {"pid": os.getpid(), **values})


def read_progress(folder: Path) -> dict[str, Any] | None:
    """What a running (or killed) build last recorded, or None."""
    try:
        return json.loads((folder / PROGRESS_NAME).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def _write_json(path: Path, value: dict[str, Any]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(json.dumps(value, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        raise StoreError(f"cannot write {path.name}: {error.strerror}", source=str(path.parent)) from None

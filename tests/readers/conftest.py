"""Readers' fixtures: the hand-written world.trig loaded into a real embedded store (kg.store.embedded).

The world's answers are known by construction (see the header of fixtures/world.trig), so the canned
queries and the analysis are checked against the same store a user's `kg query` opens. The file goes in
through the store's own import (`kg.store.transfer.import_file`, what `kg import` runs), which recomputes
the `kgg:summary` graph the way an ingest does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.store.embedded import EmbeddedStore, open_store
from kg.store.transfer import import_file

FIXTURES = Path(__file__).parent / "fixtures"
WORLD = FIXTURES / "world.trig"


def build_store_folder(folder: Path, trig: Path = WORLD) -> Path:
    """A store folder holding the world, as `kg import world.trig --store FOLDER` would leave it."""
    with open_store(folder, create=True) as store:
        import_file(store, trig)
    return folder


@pytest.fixture
def make_world_store() -> Callable[[Path], Path]:
    """`build_store_folder`, for a test that needs its own writable copy of the world."""
    return build_store_folder


@pytest.fixture(scope="session")
def world_store(tmp_path_factory) -> Path:
    """The world in an on-disk embedded store folder (what `--store` points at)."""
    return build_store_folder(tmp_path_factory.mktemp("world") / "store")


@pytest.fixture(scope="session")
def world(world_store: Path) -> Iterator[EmbeddedStore]:
    """The known small world, opened read-only (a shared lock, so CLI tests can open it too)."""
    store = open_store(world_store, readonly=True)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """A store that was created and never written."""
    with open_store(tmp_path / "empty", create=True):
        pass
    store = open_store(tmp_path / "empty", readonly=True)
    yield store
    store.close()

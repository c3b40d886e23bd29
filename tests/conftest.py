"""Shared test fixtures: where the seed articles are, and the repository's data folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.paths import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The two real articles kept outside the repo; tests that need them skip when they are absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (they live beside the repository, not in it)")
    return SEEDS

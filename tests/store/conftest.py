"""Fixtures of the store tests (the hand-built graphs themselves are in fake_graphs.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def store_dir(tmp_path):
    """A store folder that does not exist yet."""
    return tmp_path / "store"

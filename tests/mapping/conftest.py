"""Fixtures of the mapping tests: a hand-built extraction (see mapping_examples.py)."""

from __future__ import annotations

import pytest
from mapping_examples import build_extraction

from kg.types import Extraction


@pytest.fixture
def extraction() -> Extraction:
    return build_extraction()

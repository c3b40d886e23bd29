"""Fixtures of the store commands' tests: a stand-in extractor and small article folders."""

from __future__ import annotations

import pytest
from fake_pipeline import FAKE_STAGES

import kg.ingest


@pytest.fixture
def fake_pipeline(monkeypatch):
    """Make `kg build` use the stand-in extractor (tests of storage, not of extraction)."""
    monkeypatch.setattr(kg.ingest, "default_stages", lambda: FAKE_STAGES)


@pytest.fixture
def articles(tmp_path):
    """Three fake articles in a folder."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a1.txt").write_text("diskominfo:64 diskominfo:35 2023-05-16\nprose", encoding="utf-8")
    (folder / "a2.txt").write_text("diskominfo:64.03 diskominfo:65 2025-12-18", encoding="utf-8")
    (folder / "a3.txt").write_text("bappeda:64 diskominfo:35 none", encoding="utf-8")
    return folder


@pytest.fixture
def store_dir(tmp_path):
    """A store folder that does not exist yet."""
    return tmp_path / "kgstore"


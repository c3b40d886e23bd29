"""Fixtures of the eval tests: a temporary gold folder to write small gold files into."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def write_gold(tmp_path: Path) -> Callable[..., Path]:
    """Write `<id>.yaml` (and `<id>.txt`) into a temporary gold folder and return the yaml path."""

    def write(article_id: str, yaml_text: str, text: str = "Teks berita.") -> Path:
        (tmp_path / f"{article_id}.txt").write_text(text, encoding="utf-8")
        path = tmp_path / f"{article_id}.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        return path

    return write

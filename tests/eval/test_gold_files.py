"""Every gold file shipped with kg loads: samples, the development part and the test part."""

from __future__ import annotations

import pytest

from kg.gold import load_gold_dir
from kg.paths import GOLD_DIR, SAMPLES_DIR

FOLDERS = (
    [SAMPLES_DIR, *sorted(p for p in GOLD_DIR.glob("*") if p.is_dir())]
    if GOLD_DIR.is_dir()
    else [SAMPLES_DIR]
)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_gold_folder_loads(folder):
    if not any(folder.glob("*.yaml")):
        pytest.skip(f"{folder} has no gold files yet")
    golds = load_gold_dir(folder)
    assert all(gold.article.text.strip() for gold in golds), "every gold file pairs with a non-empty article"


def test_samples_are_a_connected_world():
    """The samples feed `make demo` and the query tests, so they must keep the cases those rely on."""
    golds = load_gold_dir(SAMPLES_DIR)
    assert len(golds) >= 12
    visits = [(gold.id, v) for gold in golds for v in gold.visits]
    pairs = {(visitor, v.host) for _, v in visits for visitor in v.visitors}
    assert any((host, visitor) in pairs for visitor, host in pairs), "a reciprocal pair"
    dates = [v.date for _, v in visits]
    assert all(dates) and len(set(dates)) == len(dates), "every sample visit dated, on distinct days"
    assert any(len(gold.visits) == 2 for gold in golds) and any(not gold.visits for gold in golds)
    hosts = {}
    for _, v in visits:
        hosts.setdefault(v.host, set()).update(v.visitors)
    assert max(len(visitors) for visitors in hosts.values()) >= 3, "a host visited by several agencies"
    assert any(gold.article.source.endswith((".html", ".htm")) for gold in golds)
    assert sum(gold.article.source.rsplit(":", 1)[0].endswith(".jsonl") for gold in golds) >= 2

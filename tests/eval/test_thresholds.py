"""The extractor on the held-out test part must meet the thresholds of issue 3.

data/gold/test is written blind by someone who does not see the rules; the extractor's authors must not
read it. Below visits F1 0.90, officials F1 0.85, awards F1 0.80 or 90% of dates right on matched visits,
this test fails, and its message lists the metrics that fell short.
"""

from __future__ import annotations

import pytest

from kg.evaluate import evaluate
from kg.paths import GOLD_DIR

TEST_PART = GOLD_DIR / "test"
THRESHOLDS = {"visits": 0.90, "officials": 0.85, "awards": 0.80, "dates": 0.90}


def test_test_part_meets_thresholds():
    if not TEST_PART.is_dir() or not any(TEST_PART.glob("*.yaml")):
        pytest.skip(f"no gold in {TEST_PART} yet (written blind by another helper)")
    pytest.importorskip("kg.pipeline", reason="the extractor (kg.pipeline) is not in this tree yet")
    report = evaluate(TEST_PART)
    short = {
        name: round(report.metric(name), 3)
        for name, minimum in THRESHOLDS.items()
        if report.metric(name) < minimum
    }
    assert not short, f"below threshold on {TEST_PART}: {short} (minimums {THRESHOLDS})"

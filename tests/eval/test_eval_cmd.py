"""`kg eval` in-process: table and JSON output, thresholds and exit codes (the extractor is stubbed)."""

from __future__ import annotations

import json

import pytest
from gold_builders import extraction_from_gold

import kg.evaluate
from kg.cli import main
from kg.gold import load_gold_dir
from kg.types import Extraction

GOLD = """\
published: 2024-05-16
visits:
  - visitors: [diskominfo:65.01]
    host: diskominfo:65
    date: 2024-05-15
    place: "65.01.05"
    kind: kunjungan-kerja
officials:
  - name: Agustina Tandi Lolo
    role: kepala
    agency: diskominfo:65.01
agencies:
  - key: diskominfo:65.01
  - key: diskominfo:65
"""


@pytest.fixture
def gold_dir(write_gold, tmp_path):
    write_gold("bulungan", GOLD)
    return tmp_path


def use_extractor(monkeypatch, extractor):
    monkeypatch.setattr(kg.evaluate, "_pipeline_extract", lambda: extractor)


def perfect_extractor(folder):
    by_id = {gold.id: extraction_from_gold(gold) for gold in load_gold_dir(folder)}
    return lambda article: by_id[article.id]


def test_table_shows_scores_and_exits_zero(monkeypatch, capsys, gold_dir):
    use_extractor(monkeypatch, perfect_extractor(gold_dir))
    assert main(["eval", str(gold_dir), "--fail-under", "visits=0.9,officials=0.85,dates=0.9"]) == 0
    out = capsys.readouterr().out
    assert "visits" in out and "officials" in out and "1.000" in out
    assert "misses" not in out  # nothing missed, so no findings table


def test_table_lists_each_miss_with_its_article(monkeypatch, capsys, gold_dir):
    use_extractor(monkeypatch, lambda article: Extraction(article=article))
    assert main(["eval", str(gold_dir)]) == 0  # no threshold asked: findings alone are not a failure
    out = capsys.readouterr().out
    assert "bulungan" in out and "miss" in out and "diskominfo:65.01 → diskominfo:65" in out


def test_json_is_machine_readable(monkeypatch, capsys, gold_dir):
    use_extractor(monkeypatch, lambda article: Extraction(article=article))
    assert main(["eval", str(gold_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 1
    assert data["scores"]["visits"]["fn"] == 1 and data["scores"]["visits"]["f1"] == 0.0
    assert {
        "fact": "officials",
        "article": "bulungan",
        "status": "miss",
        "detail": "agustina tandi lolo (diskominfo:65.01)",
    } in data["findings"]


def test_below_threshold_exits_one_and_says_which(monkeypatch, capsys, gold_dir):
    use_extractor(monkeypatch, lambda article: Extraction(article=article))
    assert main(["eval", str(gold_dir), "--fail-under", "visits=0.90"]) == 1
    assert "visits 0.000 < 0.90" in capsys.readouterr().err


@pytest.mark.parametrize("spec", ["visits", "vibes=0.5", "visits=high", "visits=1.5"])
def test_bad_threshold_is_a_usage_error(monkeypatch, capsys, gold_dir, spec):
    use_extractor(monkeypatch, lambda article: Extraction(article=article))
    assert main(["eval", str(gold_dir), "--fail-under", spec]) == 2
    assert "--fail-under" in capsys.readouterr().err


def test_missing_folder_and_malformed_gold_exit_two(monkeypatch, capsys, write_gold, tmp_path):
    use_extractor(monkeypatch, lambda article: Extraction(article=article))
    assert main(["eval", str(tmp_path / "absent")]) == 2
    assert "gold folder not found" in capsys.readouterr().err
    write_gold("bad", "visits:\n  - visitors: [diskominfo:64]\n    host: diskominfo:64\n")
    assert main(["eval", str(tmp_path)]) == 2
    assert "bad.yaml: line 3" in capsys.readouterr().err

"""The gold loader: a valid file gives checked values; each kind of mistake names file, line and field."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from kg.errors import DataFileError, InputError
from kg.gold import load_gold_dir, load_gold_file

VALID = """\
published: 2025-12-19
visits:
  - visitors: [diskominfo:64.03]
    host: diskominfo:65
    date: 2025-12-18
    place: "65"
    kind: kunjungan-kerja
    topics: [ppid, spbe]
officials:
  - name: Bonifasius Lawing
    role: kepala
    agency: diskominfo:65
  - name: Tanpa Instansi
    role: staf
    agency: null
awards:
  - name: Indeks Keterbukaan Informasi Publik
    recipient: pemda:65
    year: 2025
    awarder: komisi-informasi
    category: Sedang
    score: 68.81
    rank: 12
    out_of: 21
agencies:
  - key: diskominfo:64.03
    aliases: ["Diskominfo Berau"]
  - key: diskominfo:65
    aliases: ["DKISP Kaltara"]
  - key: unresolved:upt-radio-suara-benua
    aliases: ["UPT Radio Suara Benua"]
topics: [ppid, spbe]
"""


def test_valid_gold_loads_every_field(write_gold):
    gold = load_gold_file(write_gold("a1", VALID))
    assert gold.id == "a1"
    assert gold.published == date(2025, 12, 19)
    (visit,) = gold.visits
    assert visit.visitors == ("diskominfo:64.03",) and visit.host == "diskominfo:65"
    assert (visit.date, visit.place, visit.kind, visit.topics) == (
        date(2025, 12, 18),
        "65",
        "kunjungan-kerja",
        ("ppid", "spbe"),
    )
    assert [(o.name, o.role, o.agency) for o in gold.officials] == [
        ("Bonifasius Lawing", "kepala", "diskominfo:65"),
        ("Tanpa Instansi", "staf", None),
    ]
    (award,) = gold.awards
    assert award.score == Decimal("68.81") and (award.rank, award.out_of) == (12, 21)
    assert award.predicate is None and award.category == "Sedang"
    assert [a.key for a in gold.agencies][-1] == "unresolved:upt-radio-suara-benua"


def test_folder_pairs_gold_with_txt_and_gives_the_article_the_published_date(write_gold, tmp_path):
    write_gold("a1", VALID, text="Isi berita pertama.")
    (gold,) = load_gold_dir(tmp_path)
    assert gold.article.text == "Isi berita pertama."
    assert gold.article.published == date(2025, 12, 19)


def test_missing_lists_mean_empty_and_empty_file_is_an_article_with_no_facts(write_gold):
    gold = load_gold_file(write_gold("a2", "published: 2024-01-02\n"))
    assert (gold.visits, gold.officials, gold.awards, gold.agencies, gold.topics) == ((), (), (), (), ())
    assert load_gold_file(write_gold("a3", "")).visits == ()


def test_gold_pairs_with_an_article_inside_a_jsonl_file(tmp_path):
    record = {
        "id": "feed-1",
        "text": "Isi dari umpan.",
        "published": "2024-03-05",
        "url": "https://x.example/1",
    }
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "feed-1.yaml").write_text("topics: [kim]\n", encoding="utf-8")
    (gold,) = load_gold_dir(tmp_path)
    assert gold.article.id == "feed-1" and "umpan" in gold.article.text
    assert gold.topics == ("kim",)


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("topics: [ppid, spbe]\n", "topic: [ppid]\n", 32, "unknown key 'topic'"),
        ("    date: 2025-12-18", "    date: 2025-13-18", 5, "is not a date"),
        ("    date: 2025-12-18", "    date: 18/12/2025", 5, "is not a date"),
        ('    place: "65"', '    place: "99"', 6, "no region with code '99'"),
        ('    place: "65"', "    place: 65", 6, "must be quoted"),
        ("    host: diskominfo:65", "    host: Diskominfo Kaltara", 4, "not an agency key"),
        ("    host: diskominfo:65", "    host: diskominfo:64.99", 4, "no region with code '64.99'"),
        ("    host: diskominfo:65", "    host: diskominfo", 4, "needs :<region code>"),
        ("    host: diskominfo:65", "    host: kemkominfo:65", 4, "not a known regional agency type"),
        ("    role: kepala\n", "    role: kepala-dinas\n", 11, "unknown role id 'kepala-dinas'"),
        ("    kind: kunjungan-kerja", "    kind: jalan-jalan", 7, "unknown visit kind"),
        ("topics: [ppid, spbe]\n", "topics: [ppid, sosial]\n", 8, "unknown topic id 'sosial'"),
        ("    score: 68.81", '    score: "68,81"', 22, "decimal comma"),
        ("    year: 2025", "    year: dua ribu", 19, "not a whole number"),
        ("  - key: unresolved:upt-radio-suara-benua", "  - key: unresolved:UPT Radio", 30, "slug"),
        ("  - visitors: [diskominfo:64.03]", "  - visitors: [diskominfo:65]", 4, "also a visitor"),
        (
            "  - visitors: [diskominfo:64.03]",
            "  - visitors: [diskominfo:64.08]",
            3,
            "not listed under agencies",
        ),
        (
            "  - name: Bonifasius Lawing\n",
            "  - name: Bonifasius Lawing\n    jabatan: kepala\n",
            11,
            "unknown key 'jabatan'",
        ),
    ],
)
def test_each_mistake_names_file_line_and_field(write_gold, old, new, line, message):
    assert old in VALID
    path = write_gold("bad", VALID.replace(old, new))
    with pytest.raises(DataFileError) as caught:
        load_gold_file(path)
    text = str(caught.value)
    assert str(path) in text
    assert f"line {line}:" in text
    assert message in text


def test_broken_yaml_is_reported_with_its_line(write_gold):
    path = write_gold("broken", "visits:\n  - visitors: [diskominfo:64\n")
    with pytest.raises(DataFileError, match=r"line \d+: not valid YAML"):
        load_gold_file(path)


def test_a_gold_file_without_its_article_is_an_error(tmp_path):
    (tmp_path / "lonely.yaml").write_text("topics: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no article for this gold file"):
        load_gold_dir(tmp_path)


def test_missing_or_empty_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="gold folder not found"):
        load_gold_dir(tmp_path / "nope")
    with pytest.raises(InputError, match="no gold files"):
        load_gold_dir(tmp_path)

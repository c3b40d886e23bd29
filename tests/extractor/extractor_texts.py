"""Short texts through the whole extractor: the one helper the pipeline-level tests share."""

from __future__ import annotations

from datetime import date

from kg.knowledge import Knowledge
from kg.pipeline import extract
from kg.types import Article, Extraction, Visit


def extract_text(text: str, published: date | None = None, knowledge: Knowledge | None = None) -> Extraction:
    """`text` as an article (id "t", source "test") through `kg.pipeline.extract`."""
    return extract(Article(id="t", text=text, source="test", published=published), knowledge)


def visit_pairs(visits: tuple[Visit, ...]) -> set[tuple[tuple[str, ...], str]]:
    """Each visit as (sorted visitor keys, host key)."""
    return {(tuple(sorted(v.key for v in visit.visitors)), visit.host.key) for visit in visits}

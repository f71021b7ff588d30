"""Syndication: fold copies of one story (other site furniture, headline, cuts, light edits) into one story id.

    articles = group_stories(articles)           # story_id set on each; the origin's id is the story id
    index = StoryIndex.load(rows_from_store)     # or keep an index across ingests
    articles = group_stories(new_articles, index=index)
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from armswatch.dedup.index import (
    DEFAULT_NUM_PERM,
    DEFAULT_THRESHOLD,
    Signature,
    StoryIndex,
    containment,
    shingles,
)
from armswatch.types import Article

__all__ = ["DEFAULT_THRESHOLD", "Signature", "StoryIndex", "containment", "group_stories", "origin_order", "shingles"]

_LAST = "9999-12-31"


def origin_order(articles: list[Article]) -> list[int]:
    """Indexes in the order stories are founded: wire-credited copies first, then by publication date, then input."""
    return sorted(range(len(articles)), key=lambda i: (articles[i].wire is None, articles[i].published or _LAST, i))


def group_stories(
    articles: Iterable[Article],
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = DEFAULT_NUM_PERM,
    index: StoryIndex | None = None,
) -> list[Article]:
    """Copies of `articles` (input order) with `story_id` set; new stories are added to `index` when given.

    A story's id is the id of its origin: the wire-credited copy, else the earliest published, else the first
    read. An article matching a story already in `index` takes that story's id, so ids stay stable across ingests.
    """
    articles = list(articles)
    index = index if index is not None else StoryIndex(threshold, num_perm)
    story: dict[int, str] = {}
    for i in origin_order(articles):
        article = articles[i]
        sig = index.signature(article)
        story_id = index.match(sig) or article.id
        index.add(article.id, sig, story_id)
        story[i] = story_id
    return [replace(a, story_id=story[i]) for i, a in enumerate(articles)]

"""armswatch: an evidence-backed map of who supplies weapons to whom, who says so, and who denies it.

Library API (works without the CLI):
    armswatch.extract(text, published=None) -> list[Mention]
    armswatch.read(sources) -> Iterator[Article | Skipped]
    armswatch.group_stories(articles) -> list[Article] with story_id set
"""
from __future__ import annotations

from armswatch.types import Article, Claim, ClaimFilter, Mention, Skipped, TimeRange
from armswatch.version import __version__

__all__ = [
    "Article", "Claim", "ClaimFilter", "Mention", "Skipped", "TimeRange", "__version__", "extract", "group_stories",
    "read",
]


def extract(text: str, published: str | None = None) -> list[Mention]:
    """Every arms-supply mention stated in `text` (a passage or a whole article)."""
    from armswatch.extraction.engine import extract as _extract

    return _extract(text, published=published)


def read(sources, **options):
    """Articles (and Skipped records for bad inputs) from files, folders, URLs, feeds or '-' for stdin, lazily."""
    from armswatch.ingest import read as _read

    return _read(sources, **options)


def group_stories(articles, **options):
    """Set `story_id` on each article so syndicated copies of one story share it."""
    from armswatch.dedup import group_stories as _group

    return _group(articles, **options)

"""The ingest's steps as plain functions over one batch, so the local loop and a Dask executor share them.

    read (armswatch.ingest) -> batched -> drop_stored -> sign (armswatch.dedup) -> extract_mentions
    (armswatch.extract) -> store.add_batch(..., index) (one transaction: stories assigned, claims recomputed)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from armswatch.types import Article, Mention


def batched(items: Iterable, size: int) -> Iterator[list]:
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def drop_stored(articles: Sequence[Article], store, seen: set[str]) -> tuple[list[Article], list[Article]]:
    """(new, already): articles whose id is in the store or earlier in this run are not extracted again."""
    stored = store.known_articles([a.id for a in articles])
    new, already = [], []
    for a in articles:
        if a.id in stored or a.id in seen:
            already.append(a)
        else:
            seen.add(a.id)
            new.append(a)
    return new, already


def load_story_index(store):
    """The dedup index of every stored article, so copies of stored stories are recognised (see store.stories)."""
    return store.story_index()


def sign(articles: Sequence[Article], index) -> list[bytes]:
    """MinHash signature bytes of each article (a worker can compute these; the store assigns the stories)."""
    return [index.signature(a) for a in articles]


def extract_mentions(articles: Sequence[Article], *, n_process: int = 1, batch_size: int = 8) -> list[list[Mention]]:
    from armswatch.extract import extract_many

    rows = ((a.text, a.published) for a in articles)
    return [list(found) for found in extract_many(rows, n_process=n_process, batch_size=batch_size)]

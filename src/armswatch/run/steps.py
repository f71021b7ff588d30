"""The ingest's steps as plain functions over one batch, so the local loop and a Dask executor share them.

    read (armswatch.ingest) -> batched -> drop_stored -> sign (armswatch.dedup) -> extract_mentions
    (armswatch.extraction) -> store.add_batch(..., index) (one transaction: stories assigned, claims recomputed)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from armswatch.errors import ArmswatchError
from armswatch.nlp import NLP_BATCH_SIZE
from armswatch.types import Article, Mention, Skipped


def keep_unskipped(items: Iterable, summary, progress=None) -> Iterator:
    """Everything but the Skipped records, which are counted in `summary` (and reported to `progress`)."""
    for item in items:
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            if progress:
                progress(summary)
        else:
            yield item


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


def prepare_store(store):
    """The writer's start-up, once before the first batch: the actor lexicon that names new actors in the store,
    and the returned dedup index of every stored article, so copies of stored stories are recognised."""
    from armswatch.lexicons.actors import load_actors

    load_actors()
    return store.story_index()


def sign(articles: Sequence[Article], index) -> list[bytes]:
    """MinHash signature bytes of each article (a worker can compute these; the store assigns the stories)."""
    return [index.signature(a) for a in articles]


def extract_mentions(articles: Sequence[Article], *, n_process: int = 1, batch_size: int = NLP_BATCH_SIZE,
                     prefilter: bool | None = None) -> list[list[Mention]]:
    from armswatch.extraction.engine import extract_many

    rows = ((a.text, a.published) for a in articles)
    return [list(found) for found in extract_many(rows, n_process=n_process, batch_size=batch_size,
                                                  prefilter=prefilter)]


def extract_or_skip(articles: Sequence[Article], *, n_process: int = 1, batch_size: int = NLP_BATCH_SIZE,
                    prefilter: bool | None = None) -> tuple[list[Article], list[list[Mention]], list[Skipped]]:
    """(articles, their mentions, skipped): an article the extractor fails on is reported, the rest go on.

    A skipped article is not stored, so a later run (with a fixed extractor) tries it again.
    """
    try:
        return list(articles), extract_mentions(articles, n_process=n_process, batch_size=batch_size,
                                                prefilter=prefilter), []
    except ArmswatchError:
        raise  # a broken lexicon or a missing model fails every article: stop, do not skip them all
    except Exception:  # noqa: BLE001  one bad article must not cost the batch: find it one by one below
        kept, found, skipped = [], [], []
    for a in articles:
        try:
            found.append(extract_mentions([a], batch_size=1, prefilter=prefilter)[0])
            kept.append(a)
        except ArmswatchError:
            raise
        except Exception as exc:  # noqa: BLE001
            skipped.append(Skipped(a.source or a.id, f"cannot extract: {exc.__class__.__name__}: {exc}"[:300]))
    return kept, found, skipped

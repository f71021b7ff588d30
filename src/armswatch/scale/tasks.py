"""The worker side: one window of raw documents -> cleaned articles with their dedup signatures and mentions.

Runs in a Dask worker or a local worker process. Everything here is per-document work (cleaning, MinHash,
spaCy); what needs the whole corpus (the story index, the store) stays with the client.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from armswatch.scale.config import PipelineConfig
from armswatch.types import Article, Mention, Skipped


@dataclass
class Processed:
    """One article as a worker returns it: ready for the client's dedup and store steps."""

    article: Article
    signature: bytes
    mentions: list[Mention] = field(default_factory=list)


def process_window(items: list, config: PipelineConfig) -> list[Processed | Skipped]:
    """Clean a window of RawDoc/Skipped items as the local reader does, then sign and extract each article."""
    from armswatch.ingest import clean_window

    cleaned = list(clean_window(items, config.parse_timeout, config.learn))
    done = iter(process_articles([c for c in cleaned if isinstance(c, Article)], config))
    return [item if isinstance(item, Skipped) else next(done) for item in cleaned]


def process_articles(articles: list[Article], config: PipelineConfig) -> list[Processed | Skipped]:
    """Sign and extract cleaned articles, in order; one the extractor fails on comes back as Skipped."""
    from armswatch.dedup.index import sign
    from armswatch.run.steps import extract_or_skip

    config.nlp()
    kept, found, failed = extract_or_skip(articles, batch_size=config.nlp_batch_size, prefilter=config.prefilter)
    done = {id(a): Processed(a, sign(a.body), m) for a, m in zip(kept, found)}  # StoryIndex's default num_perm
    skipped = iter(failed)
    return [done.get(id(a)) or next(skipped) for a in articles]


def warm_up(config: PipelineConfig) -> str:
    """Build everything a task needs (model, rules, lexicons, prefilter terms) before the first window arrives,
    so start-up is not billed to a task; returns the worker's pid."""
    import os

    process_articles([Article(id="warm-up", text="Iran sent drones to Russia, officials said.")], config)
    return str(os.getpid())

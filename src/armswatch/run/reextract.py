"""Re-extract a store: run the current rules over every stored article and replace its mentions and claims.

Rules and the confidence model improve between releases; the stored articles need not be read again to profit.
Articles stored before ingest kept the headline (clean/headline.py) get it back first, so the headline is read
and shown like a newly ingested article's. Ids, stories and signatures do not change (they come from the body).
Each batch is one transaction: an interrupted run keeps what it committed, and a rerun gives the same store.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from armswatch.clean.headline import SEPARATOR, headline_of, with_headline
from armswatch.nlp import NLP_BATCH_SIZE
from armswatch.run.local import DEFAULT_BATCH_SIZE
from armswatch.run.steps import extract_or_skip
from armswatch.types import Article, Skipped


@dataclass
class ReextractSummary:
    articles: int = 0  # articles re-extracted and committed
    headlines_added: int = 0  # of them, stored without their headline before
    mentions: int = 0  # their mentions now
    claims_updated: int = 0
    skipped: list[Skipped] = field(default_factory=list)  # articles the extractor failed on (left as they were)
    interrupted: bool = False
    seconds: float = 0.0
    totals: dict = field(default_factory=dict)  # store.stats() at the end


def restore_headline(article: Article) -> Article:
    """The article's text as ingest makes it today: headline paragraph, blank line, body.

    `body_start` None means the store did not record where the body starts: either the text already begins with
    the headline (stored by a release that kept it) or it is the body alone (stored by an older one).
    """
    if article.body_start is not None:
        return article
    title = article.title
    if title and article.text.startswith(title + SEPARATOR):
        return replace(article, body_start=len(title) + len(SEPARATOR))
    sites = [article.site] if article.site else []
    headline, _agency = headline_of(title, article.text.split(SEPARATOR), sites=sites)
    text, body_start = with_headline(headline, article.text)
    return replace(article, text=text, body_start=body_start)


def reextract(store, *, batch_size: int = DEFAULT_BATCH_SIZE, n_process: int = 1,
              nlp_batch_size: int = NLP_BATCH_SIZE,
              progress: Callable[[ReextractSummary], None] | None = None) -> ReextractSummary:
    """Replace every stored article's mentions with what the current extractor finds, batch by batch."""
    summary = ReextractSummary()
    started = time.monotonic()
    try:
        for stored in store.stored_articles(batch_size):
            before = {a.id: a.text for a in stored}
            kept, found, failed = extract_or_skip([restore_headline(a) for a in stored], n_process=n_process,
                                                  batch_size=nlp_batch_size)
            summary.claims_updated += store.replace_mentions(kept, found)
            summary.articles += len(kept)
            summary.headlines_added += sum(a.text != before[a.id] for a in kept)
            summary.mentions += sum(map(len, found))
            summary.skipped.extend(failed)
            if progress:
                progress(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
    summary.seconds = time.monotonic() - started
    summary.totals = store.stats()
    return summary

"""Story ids that do not depend on ingest order: a story is named after its best origin, whoever stored it first.

The dedup index only says which stored (or earlier) article a new one copies; the story that article belongs to
now is read from the database inside the writer's transaction, so concurrent or resumed ingests agree. The origin
of a story is its member with the lowest `origin_rank` (wire-credited, then earliest published, then smallest id:
dedup.origin_order's rule with the id for the input position); when a new copy outranks it, the story is renamed.
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, func, insert, select, update

from armswatch.store import schema as t
from armswatch.store.derive import chunks
from armswatch.types import Article

_LAST = "9999-12-31"


def origin_rank(article_id: str, wire: str | None, published: str | None) -> tuple:
    return (wire is None, published or _LAST, article_id)


def assign_stories(conn: Connection, articles: Sequence[Article], signatures: Sequence[bytes], index) -> int:
    """Set story_id on each of `articles` (not yet stored) and rename stored stories they outrank.

    `index` is a dedup.StoryIndex whose entries are keyed article id -> article id; it gains these articles.
    Returns the number of new stories.
    """
    refresh_index(conn, index)
    batch = {a.id: a for a in articles}
    order = sorted(range(len(articles)), key=lambda i: origin_rank(articles[i].id, articles[i].wire,
                                                                   articles[i].published))
    matches: dict[int, str | None] = {}  # what each copies: a stored article or an earlier one of the batch
    for i in order:
        matches[i] = index.match(signatures[i])
        index.add(articles[i].id, signatures[i], articles[i].id)
    stored_story = _stories_of(conn, {m for m in matches.values() if m is not None and m not in batch})
    label: dict[str, str] = {}  # batch article id -> its story
    ranks: dict[str, tuple] = {}  # story -> rank of its origin, read once per batch
    new_stories = 0
    for i in order:
        article, matched = articles[i], matches[i]
        story = None
        if matched is not None:
            story = label.get(matched) or stored_story.get(matched)
        if story is None:
            story = article.id
            new_stories += 1
        else:
            if story not in ranks:
                ranks[story] = _rank_of(conn, story, batch)
            if origin_rank(article.id, article.wire, article.published) < ranks[story]:
                _rename(conn, story, article.id, article.wire)
                label = {k: (article.id if v == story else v) for k, v in label.items()}
                stored_story = {k: (article.id if v == story else v) for k, v in stored_story.items()}
                ranks.pop(story)
                story = article.id
        label[article.id] = story
    for article in articles:
        article.story_id = label[article.id]
    return new_stories


def refresh_index(conn: Connection, index) -> None:
    """Add the signatures other writers stored since the index was loaded (one count query when there are none)."""
    if conn.execute(select(func.count()).select_from(t.signatures)).scalar() == len(index):
        return
    missing = [i for i in conn.execute(select(t.signatures.c.article_id)).scalars() if i not in index]
    for part in chunks(missing):
        for row in conn.execute(select(t.signatures.c.article_id, t.signatures.c.signature)
                                .where(t.signatures.c.article_id.in_(part))):
            index.add(row.article_id, bytes(row.signature), row.article_id)


def _stories_of(conn: Connection, article_ids: set[str]) -> dict[str, str]:
    """The story each stored article belongs to now."""
    out: dict[str, str] = {}
    for part in chunks(sorted(article_ids)):
        out.update(conn.execute(select(t.articles.c.id, t.articles.c.story_id).where(t.articles.c.id.in_(part))).all())
    return out


def _rank_of(conn: Connection, story: str, batch: dict[str, Article]) -> tuple:
    """Rank of a story's origin: the member whose id names the story."""
    if story in batch:
        a = batch[story]
        return origin_rank(a.id, a.wire, a.published)
    row = conn.execute(select(t.articles.c.wire, t.articles.c.published).where(t.articles.c.id == story)).first()
    return origin_rank(story, row.wire, row.published) if row else origin_rank(story, None, None)


def _rename(conn: Connection, old: str, new: str, wire: str | None) -> None:
    conn.execute(update(t.articles).where(t.articles.c.story_id == old).values(story_id=new))
    conn.execute(update(t.signatures).where(t.signatures.c.story_id == old).values(story_id=new))
    conn.execute(delete(t.stories).where(t.stories.c.id == old))
    conn.execute(insert(t.stories).values(id=new, origin_article=new, wire=wire))

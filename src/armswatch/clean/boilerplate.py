"""Removes site furniture from article text: known patterns (boilerplate.yaml) and lines learned per site."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from armswatch.clean.rules import Boilerplate, default_boilerplate
from armswatch.clean.text import paragraphs_of

TAIL = 8  # footers, comment forms and related-post lists live in the last paragraphs
MIN_DOCS = 3  # a line in 3+ distinct articles of one site is furniture, not news
MAX_LEARNED_WORDS = 60  # longer paragraphs are story text even when repeated (e.g. a standing disclaimer is shorter)
COPY_CONTAINMENT = 0.5  # articles sharing half their paragraphs are copies of one story, counted once


def line_key(line: str) -> str:
    return " ".join(line.split()).casefold()


def site_keys(sites: Iterable[str]) -> set[str]:
    """The line keys a site goes by: its names and host, with and without "www." and the domain suffix."""
    keys = set()
    for site in sites:
        if not site:
            continue
        key = line_key(site)
        keys.add(key)
        bare = re.sub(r"^www\.", "", key)
        keys.add(bare)
        keys.add(bare.rsplit(".", 1)[0] if "." in bare else bare)
    return {k for k in keys if k}


HEADLINE_MAX_WORDS = 20  # a related-post link is a headline: short, and not a sentence of the story
_SENTENCE_END = re.compile(r"[.!]\W{0,2}$")


def _is_headline(text: str) -> bool:
    """A line of a related-posts list: a short title, not a full stop-terminated sentence of the story."""
    return 0 < len(text.split()) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(text)


def _match(rules: Boilerplate, paragraphs: list[str], index: int):
    """The first rule matching paragraph `index` where it stands (and, for `next` rules, the paragraph after)."""
    count = len(paragraphs)
    text = paragraphs[index].strip()
    for rule in rules.paragraphs:
        if rule.where == "tail" and index < max(count - TAIL, 1):
            continue
        if rule.where == "head" and index >= TAIL:
            continue
        if rule.where == "body" and index == 0:
            continue
        m = rule.regex.fullmatch(text)
        if m and rule.next is not None and (
                index + 1 >= count or not rule.next.fullmatch(paragraphs[index + 1].strip())):
            continue
        if m:
            return rule, m
    return None


def strip_boilerplate(
    paragraphs: list[str], learned: Iterable[str] = (), sites: Iterable[str] = (), rules: Boilerplate | None = None
) -> tuple[list[str], list[str]]:
    """Paragraphs without boilerplate, and the site names the boilerplate revealed ("Welcome to X").

    A `headlines` rule ("Related posts:") also drops the list of headlines after it, up to the first paragraph
    that is story text or furniture of its own; a `cut_rest` rule (a comment section, a reply form) drops
    everything after it.
    """
    rules = rules or default_boilerplate()
    learned_keys = {line_key(x) for x in learned}
    found_sites: list[str] = []
    kept: list[str] = []
    count = len(paragraphs)
    index = 0
    while index < count:
        para = paragraphs[index]
        index += 1
        if line_key(para) in learned_keys:
            continue
        hit = _match(rules, paragraphs, index - 1)
        if hit is None:
            kept.append(para)
            continue
        rule, m = hit
        site = m.groupdict().get("site")
        if site and site.strip():
            found_sites.append(site.strip())
        if rule.cut_rest:
            break
        if rule.headlines:
            while index < count and _is_headline(paragraphs[index].strip()) \
                    and _match(rules, paragraphs, index) is None:
                index += 1
    names = site_keys([*sites, *found_sites])
    kept = [p for p in kept if line_key(p) not in names]
    return kept, found_sites


def learn_boilerplate(texts: Iterable[str], min_docs: int = MIN_DOCS) -> set[str]:
    """Lines that recur in `min_docs`+ distinct articles of one site or folder (copies of one story count once)."""
    docs = [{line_key(p): p.strip() for p in paragraphs_of(t)} for t in texts]
    if len(docs) < min_docs:
        return set()
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for key in doc:
            holders[key].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for key, ids in holders.items():
        if len(ids) > 1:
            for a_pos, a in enumerate(ids):
                for b in ids[a_pos + 1:]:
                    shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if n / max(1, min(len(docs[a]), len(docs[b]))) >= COPY_CONTAINMENT:
            parent[find(a)] = find(b)
    learned = set()
    for key, ids in holders.items():
        if len({find(i) for i in ids}) >= min_docs:
            line = docs[ids[0]][key]
            if line and len(line.split()) <= MAX_LEARNED_WORDS:
                learned.add(" ".join(line.split()))
    return learned

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


def _site_keys(sites: Iterable[str]) -> set[str]:
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


def strip_boilerplate(
    paragraphs: list[str], learned: Iterable[str] = (), sites: Iterable[str] = (), rules: Boilerplate | None = None
) -> tuple[list[str], list[str]]:
    """Paragraphs without boilerplate, and the site names the boilerplate revealed ("Welcome to X")."""
    rules = rules or default_boilerplate()
    learned_keys = {line_key(x) for x in learned}
    found_sites: list[str] = []
    kept: list[str] = []
    count = len(paragraphs)
    for index, para in enumerate(paragraphs):
        text = para.strip()
        if line_key(text) in learned_keys:
            continue
        hit = None
        for rule in rules.paragraphs:
            if rule.where == "tail" and index < max(count - TAIL, 1):
                continue
            if rule.where == "head" and index >= TAIL:
                continue
            m = rule.regex.fullmatch(text)
            if m:
                hit = (rule, m)
                break
        if hit is None:
            kept.append(para)
            continue
        rule, m = hit
        site = m.groupdict().get("site")
        if site and site.strip():
            found_sites.append(site.strip())
        if rule.cut_rest:
            break
    site_keys = _site_keys([*sites, *found_sites])
    kept = [p for p in kept if line_key(p) not in site_keys]
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

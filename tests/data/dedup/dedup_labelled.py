"""Builds labelled.jsonl, the syndication test set: each invented story in stories.yaml as 7 copies.

Copies: the original (wire credit, site A furniture), other site furniture, other headline, truncated to ~60%,
light edits and typos, a machine-translation-like paraphrase of two sentences, and all of these mixed.
Every line of labelled.jsonl is {"id", "story", "variant", "text"}; `story` is the gold label.
Run: .venv/bin/python tests/data/dedup/dedup_labelled.py   (deterministic; rewrites labelled.jsonl)
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import yaml

HERE = Path(__file__).parent

SITES = [
    {"header": ["Welcome to Harbor Daily News, your trusted source for world headlines.", "Home » World » Europe"],
     "footer": ["Share this:", "Facebook", "Twitter", "Related posts", "{related1}", "{related2}",
                "Copyright © 2024 Harbor Daily News. All rights reserved."]},
    {"header": ["THE MORNING LEDGER", "Subscribe to our newsletter for the day's top stories"],
     "footer": ["We use cookies to improve your experience on our website. By continuing to browse you agree to our cookie policy and privacy notice.",
                "Leave a Reply", "You must be logged in to post a comment."]},
    {"header": ["Skip to content", "Menu"],
     "footer": ["Follow us on Twitter and Telegram for live updates from the front.",
                "Tags: war, defence, Europe, diplomacy", "You may also like", "{related1}"]},
    {"header": ["Posted by newsdesk | 4 min read"],
     "footer": ["FOUNTAIN: news agencies", "Pacific Wire Today",
                "Welcome to Pacific Wire Today, your number one source for Breaking News from the World. We're dedicated to giving you the very best of News.",
                "Leave a Reply"]},
]


def typos(text: str, rng: random.Random, rate: float = 0.04) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) >= 5 and word.isalpha() and rng.random() < rate:
            j = rng.randrange(1, len(word) - 2)
            kind = rng.choice(("swap", "drop", "double"))
            if kind == "swap":
                word = word[:j] + word[j + 1] + word[j] + word[j + 2:]
            elif kind == "drop":
                word = word[:j] + word[j + 1:]
            else:
                word = word[:j] + word[j] + word[j:]
            words[i] = word
    return " ".join(words)


def light_edits(paragraphs: list[str]) -> list[str]:
    """What a copy desk does: drop the credit from the dateline, swap a few words."""
    out = []
    for p in paragraphs:
        p = p.replace(" (AP) —", " —").replace(" (Reuters) -", " -").replace(" (AFP) —", " —")
        p = p.replace(" said on ", " stated on ").replace("told reporters", "told journalists")
        out.append(p)
    return out


def truncate(paragraphs: list[str], share: float) -> list[str]:
    words = sum(len(p.split()) for p in paragraphs)
    budget, out = int(words * share), []
    for p in paragraphs:
        w = p.split()
        if budget <= 0:
            break
        out.append(" ".join(w[:budget]) + ("" if len(w) <= budget else " ..."))
        budget -= len(w)
    return out


def paraphrase(paragraphs: list[str], table: dict[str, str]) -> list[str]:
    out = []
    for p in paragraphs:
        for src, dst in table.items():
            p = p.replace(src, dst)
        out.append(p)
    return out


def render(headline: str, paragraphs: list[str], site: dict, related: list[str]) -> str:
    fill = {"related1": related[0], "related2": related[1]}
    lines = [headline, *site["header"], *paragraphs, *(f.format(**fill) for f in site["footer"])]
    return "\n\n".join(lines) + "\n"


def build() -> list[dict]:
    stories = yaml.safe_load((HERE / "stories.yaml").read_text(encoding="utf-8"))["stories"]
    rng = random.Random(20240601)
    rows = []
    for n, story in enumerate(stories):
        for src in story["paraphrase"]:
            assert any(src in p for p in story["paragraphs"]), f"{story['id']}: paraphrase source not in text: {src[:40]}"
        others = [s["headline"] for s in stories if s["id"] != story["id"]]
        related = rng.sample(others, 2)
        paras = story["paragraphs"]
        site = lambda k, n=n: SITES[(n + k) % len(SITES)]
        variants = {
            "original": render(story["headline"], paras, site(0), related),
            "boilerplate": render(story["headline"], paras, site(1), related),
            "headline": render(story["alt_headline"], paras, site(2), related),
            "truncated": render(story["headline"], truncate(paras, 0.6), site(3), related),
            "edited": render(story["headline"], [typos(p, rng) for p in light_edits(paras)], site(0), related),
            "paraphrase": render(story["headline"], paraphrase(paras, story["paraphrase"]), site(1), related),
            "mixed": render(story["alt_headline"],
                            [typos(p, rng, 0.02) for p in truncate(paraphrase(light_edits(paras), story["paraphrase"]), 0.7)],
                            site(2), related),
        }
        for variant, text in variants.items():
            rows.append({"id": f"{story['id']}/{variant}", "story": story["id"], "variant": variant, "text": text})
    return rows


def load() -> list[dict]:
    """The labelled rows as committed (used by the test and bench/dedup_eval.py)."""
    with (HERE / "labelled.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


if __name__ == "__main__":
    rows = build()
    with (HERE / "labelled.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} copies of {len({r['story'] for r in rows})} stories")

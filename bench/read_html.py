"""Benchmark: read and clean 1,000 generated HTML news pages (invented text, varied templates); prints articles/s.

    .venv/bin/python bench/read_html.py [--pages 1000] [--keep DIR]
Target: 1,000 pages in under a minute on the project machine (2 shared cores).
"""
from __future__ import annotations

import argparse
import html
import random
import tempfile
import time
from pathlib import Path

from armswatch.ingest import read
from armswatch.types import Article

COUNTRIES = ["Norway", "Poland", "Germany", "Ukraine", "Russia", "Iran", "North Korea", "South Korea", "Turkey",
             "France", "Japan", "Brazil", "Egypt", "India", "Israel", "Finland"]
ITEMS = ["artillery shells", "air defence systems", "attack drones", "armoured vehicles", "anti-tank missiles",
         "patrol boats", "howitzers", "rifles and ammunition", "radar components", "training aircraft"]
VERBS = ["will send", "has delivered", "is considering selling", "pledged", "denied supplying", "signed a deal for"]
OFFICIALS = ["the defence minister", "a government spokesperson", "the foreign ministry", "a senior official",
             "military analysts", "the prime minister's office"]
FILLER = ["The announcement came after weeks of talks between the two governments.",
          "Officials declined to give the value of the package.", "Deliveries are expected to begin next year.",
          "Parliament must still approve the spending.", "Critics said the decision came too late.",
          "The ministry said training of crews would start within weeks.",
          "Analysts said the move would strain relations with neighbouring states."]

TEMPLATES = [
    # a WordPress-like page with comments and related posts
    """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"><meta property="article:published_time" content="{date}T08:00:00Z">
<meta name="author" content="{author}"></head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>{title}</h1><div class="entry-content">{body}<p>Share this:</p></div></article>
<section class="related"><h3>Related posts</h3><ul><li><a href="/x">Another story</a></li></ul></section>
<div id="comments"><h3>Leave a Reply</h3><p>Great article!</p></div></main>
<footer>© 2023 {site}. All rights reserved.</footer></body></html>""",
    # a news-site page with JSON-LD metadata
    """<html lang="en"><head><title>{title}</title><script type="application/ld+json">{{"@type": "NewsArticle",
"headline": "{title}", "datePublished": "{date}", "author": {{"@type": "Person", "name": "{author}"}}}}</script>
</head><body><div class="cookie">We use cookies to improve your experience.</div><div class="story"><h1>{title}</h1>
<p class="byline">By {author}</p>{body}</div><aside>Most read</aside><footer>{site}</footer></body></html>""",
    # a minimal page with no metadata and div paragraphs
    """<html><body><div id="top">Subscribe to our newsletter</div><div class="post"><h2>{title}</h2>{divbody}</div>
<div class="footer">Follow us on Twitter</div></body></html>""",
]


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    return f"{a} {rng.choice(VERBS)} {rng.choice(ITEMS)} to {b}, {rng.choice(OFFICIALS)} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])}."


def page(rng: random.Random, n: int) -> str:
    paras = [" ".join([sentence(rng), *rng.sample(FILLER, 2), sentence(rng)]) for _ in range(rng.randint(4, 9))]
    title = sentence(rng).rstrip(".").split(",")[0]
    fill = {
        "title": html.escape(title), "site": f"Daily Report {n % 17}", "author": f"Reporter {n % 31}",
        "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "body": "".join(f"<p>{html.escape(p)}</p>" for p in paras),
        "divbody": "".join(f"<div>{html.escape(p)}</div>" for p in paras),
    }
    return rng.choice(TEMPLATES).format(**fill)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="write the pages here instead of a temporary folder")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for n in range(args.pages):
            folder = root / f"site{n % 10}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"page{n:05d}.html").write_text(page(rng, n), encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        items = list(read([root]))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    articles = [x for x in items if isinstance(x, Article)]
    # CPU time too: on a shared machine the wall clock mostly measures the neighbours
    print(f"{len(articles)} articles, {len(items) - len(articles)} skipped, in {elapsed:.1f}s wall "
          f"({cpu:.1f}s CPU): {len(articles) / elapsed:.1f} articles/s ({len(articles) / cpu:.1f} per CPU-second)")


if __name__ == "__main__":
    main()

"""Store fixtures shared by the store, claims, export, ingest-pipeline and CLI tests: one store per backend.

`store_url` is parametrised over `sqlite` (a tmp file) and `postgres` (its own schema in the server named by
ARMSWATCH_TEST_PG_URL, dropped after the test). PostgreSQL is skipped only when that variable is absent and CI is
unset; under CI a missing server is a failure.
"""
from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from armswatch.store import open_store
from armswatch.types import Article, Mention

PG_ENV = "ARMSWATCH_TEST_PG_URL"


def pg_base_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: under CI the PostgreSQL tests must run")
        pytest.skip(f"{PG_ENV} is not set")
    return url


class PgSchemas:
    """Fresh schemas in the test server, each reached through a URL whose search_path points at it."""

    def __init__(self, base: str):
        self.base, self.names = base, []
        self.admin = sa.create_engine(base)

    def new_url(self) -> str:
        schema = "t_" + uuid.uuid4().hex[:12]
        with self.admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        self.names.append(schema)
        url = make_url(self.base).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.begin() as conn:
            for schema in self.names:
                conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        self.admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def new_store_url(request, tmp_path):
    """A factory of empty databases of one backend: call it for each database a test needs."""
    if request.param == "sqlite":
        counter = iter(range(1000))
        yield lambda: str(tmp_path / f"armswatch-{next(counter)}.db")
        return
    schemas = PgSchemas(pg_base_url())
    try:
        yield schemas.new_url
    finally:
        schemas.drop_all()


@pytest.fixture
def store_url(new_store_url):
    return new_store_url()


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def article(text: str, *, id: str | None = None, published: str | None = "2024-03-01", story_id: str | None = None,
            title: str | None = None, site: str = "example.org", wire: str | None = None) -> Article:
    import hashlib

    aid = id or hashlib.sha1(text.encode()).hexdigest()
    return Article(id=aid, text=text, source=f"test:{aid[:8]}", url=f"https://{site}/{aid[:8]}", site=site,
                   title=title or text[:40], published=published, story_id=story_id, wire=wire)


def mention(type_: str = "TRANSFER", supplier: str | None = "PRK", recipient: str | None = "RUS", *,
            item: str | None = "ammunition", polarity: str = "affirmed", claimant: str = "author",
            actors: list[str] | None = None, evidence: str = "", start: int = 0) -> Mention:
    return Mention(type=type_, supplier=supplier, recipient=recipient, item_category=item, item_text=item,
                   polarity=polarity, claimant=claimant, actors=actors or [], evidence=evidence,
                   evidence_start=start, evidence_end=start + len(evidence), rule="test.v1", trigger="supplied")


TEXT_A = ("Seoul, March 4 - North Korea shipped millions of artillery shells to Russia last autumn, "
          "South Korean intelligence officials told lawmakers on Monday.")
TEXT_B = ("Kyiv, March 9 - Ukraine's military intelligence said Russia received more North Korean shells "
          "by rail in February. Pyongyang denied supplying any weapons to Moscow.")
TEXT_C = ("Washington, April 2 - Officials said they do not believe China has supplied lethal weapons to Russia, "
          "while Iran delivered Shahed drones to Moscow over the winter.")


def sentence(text: str, needle: str) -> tuple[str, int]:
    start = text.index(needle)
    return needle, start


def corpus():
    """Three articles (B is also syndicated as B2), mentions as the extractor would give them."""
    a = article(TEXT_A, published="2024-03-04", title="Shells sent by rail", site="news-a.example")
    b = article(TEXT_B, published="2024-03-09", title="Kyiv tracks shell trains", site="news-b.example")
    b2 = article(TEXT_B + " Copyright 2024 Wire Service.", published="2024-03-10", story_id=b.id,
                 site="mirror.example")
    c = article(TEXT_C, published="2024-04-02", title="No Chinese weapons seen", site="news-c.example")
    ev_a, s_a = sentence(TEXT_A, "North Korea shipped millions of artillery shells to Russia last autumn")
    ev_b, s_b = sentence(TEXT_B, "Russia received more North Korean shells by rail in February.")
    ev_d, s_d = sentence(TEXT_B, "Pyongyang denied supplying any weapons to Moscow.")
    ev_c, s_c = sentence(TEXT_C, "they do not believe China has supplied lethal weapons to Russia")
    ev_i, s_i = sentence(TEXT_C, "Iran delivered Shahed drones to Moscow over the winter.")
    ma = [mention(evidence=ev_a, start=s_a, claimant="KOR")]
    mb = [mention(evidence=ev_b, start=s_b, claimant="UKR"),
          mention("DENIAL", item="weapons", claimant="PRK", actors=["PRK"], evidence=ev_d, start=s_d)]
    mc = [mention("TRANSFER", "CHN", "RUS", item="weapons", polarity="negated", claimant="USA",
                  evidence=ev_c, start=s_c),
          mention("TRANSFER", "IRN", "RUS", item="drones", claimant="author", evidence=ev_i, start=s_i)]
    return [a, b, b2, c], [ma, mb, list(mb), mc]


# --- invented article files for ingest tests ---------------------------------------------------------------------
# Every 3-word shingle of the filler holds a randomly drawn word, so generated articles are distinct stories
# for the dedup stage, while the lead sentence states one supply event the extractor can find.
EVENTS = [
    ("North Korea", "shipped", "artillery shells", "Russia", "South Korea's defence ministry"),
    ("Iran", "delivered", "attack drones", "Russia", "Ukrainian military intelligence"),
    ("Germany", "delivered", "air defence systems", "Ukraine", "the German government"),
    ("The United States", "supplied", "artillery shells", "Ukraine", "the Pentagon"),
    ("Iran", "supplied", "ballistic missiles", "Russia", "European officials"),
    ("France", "delivered", "howitzers", "Ukraine", "the French defence ministry"),
    ("Turkey", "sold", "armed drones", "Ukraine", "the Turkish manufacturer"),
    ("Belarus", "transferred", "tanks", "Russia", "Ukrainian officials"),
]
TOWNS = ["Aldmoor", "Brenwick", "Calderby", "Dunhollow", "Eskerton", "Fallowmere", "Glenbarrow", "Harrowgate",
         "Ivybridge", "Juniper Falls", "Kestrel Bay", "Larkspur", "Millbrook", "Norwood Vale", "Oakhurst",
         "Pinecrest", "Quarry Hill", "Rookwood", "Stonemere", "Thistledown"]
OFFICES = ["harbour board", "school council", "water authority", "library trust", "farmers' union",
           "rail operator", "chamber of commerce", "youth orchestra", "hospital board", "cycling club",
           "tourism office", "museum committee", "fire brigade", "weather service", "bus company"]
VERBS = ["approved", "postponed", "debated", "announced", "criticised", "welcomed", "reviewed", "delayed",
         "celebrated", "questioned", "funded", "cancelled"]
THINGS = ["a footbridge", "new timetables", "a parking plan", "the autumn fair", "a recycling scheme",
          "longer opening hours", "a flood barrier", "a mural project", "street lighting", "a winter market",
          "a bakery licence", "a tree survey", "the marathon route", "a solar roof", "a ferry timetable"]
WHEN = ["on Tuesday", "last month", "this spring", "after a long meeting", "before the holidays", "at dawn",
        "in a short statement", "without a vote", "late on Friday", "during a public hearing"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def filler(rng, n: int = 6) -> str:
    out = []
    for _ in range(n):
        out.append(f"In {rng.choice(TOWNS)}, the {rng.choice(OFFICES)} {rng.choice(VERBS)} {rng.choice(THINGS)} "
                   f"{rng.choice(WHEN)}, and {rng.randint(2, 950)} {rng.choice(['residents', 'members', 'visitors', 'pupils'])} "
                   f"{rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(WHEN)}.")
    return " ".join(out)


def write_articles(folder, n: int, seed: int = 7) -> list:
    """n invented news articles as .txt files (headline, date line, body); returns their paths in name order."""
    import random

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        rng = random.Random(seed * 1000 + i)
        supplier, verb, item, recipient, source = EVENTS[i % len(EVENTS)]
        day = 1 + i % 27
        month = MONTHS[(i // 27) % len(MONTHS)]
        lead = (f"{supplier} has {verb} {item} to {recipient} in recent weeks, {source} said on "
                f"{month} {day}.")
        body = f"{lead}\n\n{filler(rng)}\n\n{filler(rng, 4)}\n"
        path = folder / f"article-{i:03d}.txt"
        path.write_text(f"{supplier} sends {item} to {recipient}\n\nPublished: 2024-{(i // 27) % 10 + 1:02d}-{day:02d}"
                        f"\n\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


STORY = [
    ("North Korea has delivered more than a million artillery shells to Russia since last summer, South Korea's "
     "defence minister said on Thursday, as the two countries deepened military ties."),
    ("The minister told a parliamentary committee in Seoul that the shells had crossed the border by rail and by "
     "sea, and that satellite images showed a steady stream of freight wagons at the Tumangang station."),
    ("Officials in Pyongyang have denied supplying any weapons to Moscow, and the Kremlin has called the reports "
     "baseless. Analysts say the rounds are old but still useful for Russian guns along a long front line."),
    ("The committee also heard that the pace of the shipments had slowed in the spring, possibly because stocks "
     "in the North were running low, before picking up again in the autumn months."),
]
BOILERPLATE = [
    ("The Morning Ledger | World | Politics | Sign in", "Subscribe to the Morning Ledger newsletter for daily updates."),
    ("Home > News > Asia", "(c) 2024 Harbour Post Media. All rights reserved. Terms | Privacy"),
    ("BREAKING: follow our live coverage", "Share this story: Facebook, X, Email. Read more: Markets open lower."),
    ("Valley Gazette - independent local news since 1921", "Comments are closed. Advertise with us."),
    ("Northern Courier", "Reporting by staff; editing by the night desk. Contact: news@courier.example"),
]


def write_syndicated(folder, copies: int = 5) -> list:
    """One story as `copies` files, each with another site's header and footer and a slightly different title."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(copies):
        header, footer = BOILERPLATE[i % len(BOILERPLATE)]
        title = ["North Korea sent Russia a million shells, Seoul says", "Seoul: Pyongyang shipped shells to Moscow",
                 "Million North Korean shells reached Russia", "South Korea says shells went to Russia by rail",
                 "Shell shipments from North Korea to Russia continue"][i % 5]
        paras = STORY if i != 3 else STORY[:3]  # one copy cut short, as syndication often does
        text = f"{header}\n\n{title}\n\nPublished: 2024-05-{16 + i:02d}\n\n" + "\n\n".join(paras) + f"\n\n{footer}\n"
        path = folder / f"copy-{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths

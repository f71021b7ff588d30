"""`armswatch watch`: a live feed on 127.0.0.1 that changes between cycles, a restart that keeps the state, a source
that fails and backs off, Ctrl-C / SIGTERM, and `ingest --fetch-delay`. Both backends where the store matters."""
from __future__ import annotations

import itertools
import random
import re
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from conftest_cli import SCRIPT, invoke, run_script
from conftest_watch import STORIES, NewsSite

from armswatch.store import open_store

SLUGS = ["belarus-vehicles", "serbia-shells", "iran-drones", "korea-missiles"]
FAST = ("--allow-private", "--fetch-delay", "0")


def cycle_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("cycle ")]


def counts(line: str) -> tuple[int, int, int]:
    m = re.search(r": (\d+) new, (\d+) skipped, (\d+) errors?;", line)
    assert m, line
    return int(m[1]), int(m[2]), int(m[3])


def stored_articles(url: str) -> int:
    with open_store(url) as s:
        return s.stats()["articles"]


def test_watch_ingests_only_the_new_items_of_a_feed_that_changes_between_cycles(store_url):
    with NewsSite() as site:
        site.feed = [SLUGS[:1], SLUGS[:2], SLUGS[:3]]  # one more story on each request of the feed
        ran = invoke("watch", site.url("/feed.xml"), "--every", "0.3s", "--cycles", "3", "--db", store_url, *FAST)
        assert ran.code == 0, ran.stdout + ran.stderr
        lines = cycle_lines(ran.stdout)
        assert [counts(line) for line in lines] == [(1, 0, 0), (1, 1, 0), (1, 2, 0)], ran.stdout
        assert all("next poll" in line and "1 source polled" in line for line in lines)
        assert site.hits("/feed.xml") == 3
        # a story read in an earlier cycle is neither fetched nor extracted again
        assert site.article_hits() == {f"/news/{slug}.html": 1 for slug in SLUGS[:3]}
    assert stored_articles(store_url) == 3
    table = invoke("claims", "--db", store_url).stdout
    for pair in ("Belarus → Myanmar", "Serbia → Ukraine", "Iran → Russia"):
        assert pair in table


def test_watch_restart_keeps_read_items_and_the_back_off_of_a_failing_source(store_url):
    with NewsSite() as site:
        site.feed, site.broken = SLUGS[:2], {"/down.xml"}
        feed, down = site.url("/feed.xml"), site.url("/down.xml")
        args = ("watch", feed, down, "--once", "--every", "10m", "--max-backoff", "1h", "--db", store_url, *FAST)
        first = run_script(*args)
        assert first.code == 1, first.stderr  # one source failed; the other was ingested
        assert counts(cycle_lines(first.stdout)[0]) == (2, 0, 1)
        assert f"armswatch: {down}: HTTP 503 Service Unavailable (failed 1× in a row; next try in 20m)" in first.stderr
        site.feed = SLUGS[:3]
        second = run_script(*args)  # a new process: everything it knows comes from the database
        assert second.code == 0, second.stderr
        line = cycle_lines(second.stdout)[0]
        assert counts(line) == (1, 2, 0) and "1 source polled, 1 waiting" in line, line
        assert site.hits("/down.xml") == 1  # still backing off after the restart: not asked again
        assert site.article_hits() == {f"/news/{slug}.html": 1 for slug in SLUGS[:3]}
    assert stored_articles(store_url) == 3


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_watch_stops_cleanly_on_ctrl_c_and_sigterm_and_a_restart_duplicates_nothing(tmp_path, sig):
    db = str(tmp_path / "watch.db")
    with NewsSite() as site:
        site.feed = SLUGS[:2]
        proc = subprocess.Popen([str(SCRIPT), "watch", site.url("/feed.xml"), "--every", "1h", "--db", db, *FAST],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            lines = []
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                lines.append(line)
                if line.startswith("cycle 1"):
                    break
            assert lines[-1].startswith("cycle 1"), "".join(lines) + proc.stderr.read()
            proc.send_signal(sig)  # while it sleeps until the next poll
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == 0, err
        assert "stopped after 1 cycle: 2 new articles" in out
        again = run_script("watch", site.url("/feed.xml"), "--once", "--db", db, *FAST)
        assert counts(cycle_lines(again.stdout)[0]) == (0, 2, 0)
    assert stored_articles(db) == 2


class FakeClock:
    """Time for the back-off test: `sleep` moves it on at once, so hours of schedule take milliseconds."""

    def __init__(self):
        self.now = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
        self.start = self.now

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def minutes(self) -> float:
        return round((self.now - self.start).total_seconds() / 60, 1)


def test_watch_backs_off_a_failing_source_exponentially_capped_and_on_its_own(store_url):
    from armswatch.run import watch

    clock = FakeClock()
    with NewsSite() as good, NewsSite() as bad, open_store(store_url) as store:
        good.feed, bad.broken = SLUGS[:1], {"/feed.xml"}
        sources = [good.url("/feed.xml"), bad.url("/feed.xml")]
        failed_at, errors = [], []

        def on_cycle(cycle):
            if cycle.errors:
                failed_at.append(clock.minutes())
                errors.extend(e.reason for e in cycle.errors)

        summary = watch(sources, store, every=60, max_backoff=300, cycles=12, fetch_delay=0, allow_private=True,
                        on_cycle=on_cycle, sleep=clock.sleep, clock=clock)
        # waits of 2, 4, 5 (the cap), 5 minutes after failures 1-4, while the good feed is polled every minute
        assert failed_at == [0, 2, 6, 11], failed_at
        assert good.hits("/feed.xml") == 12 and bad.hits("/feed.xml") == 4
        assert errors[2] == "HTTP 503 Service Unavailable (failed 3× in a row; next try in 5m)"
        assert summary.new == 1 and not summary.interrupted

        bad.broken.clear()
        bad.feed = SLUGS[3:]
        clock.sleep(60)  # restarted a minute later
        restarted = []
        watch(sources, store, every=60, max_backoff=300, cycles=6, fetch_delay=0, allow_private=True,
              on_cycle=lambda c: restarted.append((clock.minutes(), c.polled, c.new)), sleep=clock.sleep, clock=clock)
        # the back-off survives the restart: the healed source is tried again only at minute 16, then every minute
        assert [p for _, p, _ in restarted] == [1, 1, 1, 1, 2, 2], restarted
        assert restarted[4][0] == 16.0 and restarted[4][2] == 1
        assert bad.hits("/feed.xml") == 6
    assert stored_articles(store_url) == 2


def test_watch_retries_an_entry_whose_page_failed_without_refetching_the_others(store_url):
    with NewsSite() as site:
        site.feed, site.broken = SLUGS[:2], {"/news/serbia-shells.html"}
        args = ("watch", site.url("/feed.xml"), "--once", "--db", store_url, *FAST)
        first = invoke(*args)
        assert first.code == 1
        assert counts(cycle_lines(first.stdout)[0]) == (1, 0, 1)
        assert f"armswatch: {site.url('/news/serbia-shells.html')}: HTTP 503 Service Unavailable" in first.stderr
        site.broken.clear()
        second = invoke(*args)
        assert second.code == 0 and counts(cycle_lines(second.stdout)[0]) == (1, 1, 0)
        assert site.article_hits() == {"/news/belarus-vehicles.html": 1, "/news/serbia-shells.html": 2}
    assert stored_articles(store_url) == 2


def test_watch_creates_its_tables_in_a_database_from_before_it_existed(store_url):
    open_store(store_url).close()
    engine = sa.create_engine(open_store(store_url).engine.url)
    with engine.begin() as conn:  # what a database made by an armswatch without `watch` looks like
        conn.execute(sa.text("DROP TABLE watch_items"))
        conn.execute(sa.text("DROP TABLE watch_sources"))
    engine.dispose()
    with NewsSite() as site:
        site.feed = SLUGS[:1]
        ran = invoke("watch", site.url("/feed.xml"), "--once", "--db", store_url, *FAST)
        assert ran.code == 0, ran.stderr
        assert counts(cycle_lines(ran.stdout)[0]) == (1, 0, 0)
        again = invoke("watch", site.url("/feed.xml"), "--once", "--db", store_url, *FAST)
        assert counts(cycle_lines(again.stdout)[0]) == (0, 1, 0)


def test_watch_a_page_url_is_stored_once_and_not_fetched_again(tmp_path):
    db = str(tmp_path / "pages.db")
    with NewsSite() as site:
        page = site.url("/news/iran-drones.html")
        for expected in ((1, 0, 0), (0, 1, 0)):
            ran = invoke("watch", page, "--once", "--db", db, *FAST)
            assert counts(cycle_lines(ran.stdout)[0]) == expected, ran.stdout
        assert site.hits("/news/iran-drones.html") == 1


@pytest.mark.parametrize("args, message", [
    (("--every", "15x"), "--every: bad duration '15x'"),
    (("--every", "0s"), "--every: bad duration '0s': must be more than zero"),
    (("--max-backoff", "soon"), "--max-backoff: bad duration 'soon'"),
])
def test_watch_bad_interval_is_a_one_line_usage_error(tmp_path, args, message):
    ran = invoke("watch", "http://127.0.0.1:9/feed.xml", *args, "--db", str(tmp_path / "x.db"))
    assert ran.code == 2 and message in ran.stderr and len(ran.stderr.strip().splitlines()) == 1


def test_watch_missing_file_is_named_and_backs_off(tmp_path):
    missing = tmp_path / "gone.xml"
    ran = invoke("watch", str(missing), "--once", "--every", "1m", "--db", str(tmp_path / "x.db"))
    assert ran.code == 1
    assert f"armswatch: {missing}: no such file or directory (failed 1× in a row; next try in 2m)" in ran.stderr


def test_ingest_fetch_delay_spaces_requests_to_one_host(tmp_path):
    with NewsSite() as site:
        urls = [site.url(f"/news/{slug}.html") for slug in SLUGS[:3]]
        ran = invoke("ingest", *urls, "--allow-private", "--fetch-delay", "0.6", "--db", str(tmp_path / "d.db"))
        assert ran.code == 0, ran.stderr
        times = sorted(t for path, ts in site.times.items() for t in ts)
        assert len(times) == 3 and min(b - a for a, b in itertools.pairwise(times)) >= 0.55
    assert stored_articles(str(tmp_path / "d.db")) == 3


def test_watch_does_not_refetch_entries_an_earlier_ingest_stored(tmp_path):
    db = str(tmp_path / "mixed.db")
    with NewsSite() as site:
        site.feed = SLUGS[1:3]
        assert invoke("ingest", site.url("/feed.xml"), "--db", db, *FAST).code == 0
        site.feed = SLUGS[1:4]
        ran = invoke("watch", site.url("/feed.xml"), "--once", "--db", db, *FAST)
        assert counts(cycle_lines(ran.stdout)[0]) == (1, 2, 0)
        assert site.article_hits() == {f"/news/{slug}.html": 1 for slug in SLUGS[1:4]}
    assert stored_articles(db) == 3


def test_watch_a_garbled_feed_is_named_backs_off_and_the_other_feed_goes_on(tmp_path):
    db = str(tmp_path / "garbled.db")
    with NewsSite() as site:
        site.feed = SLUGS[:1]
        ran = invoke("watch", site.url("/garbled.xml"), site.url("/feed.xml"), "--once", "--every", "5m", "--db", db,
                     *FAST)
        assert ran.code == 1 and counts(cycle_lines(ran.stdout)[0]) == (1, 0, 1)
        error = next(line for line in ran.stderr.splitlines() if "garbled" in line)
        assert error.startswith(f"armswatch: {site.url('/garbled.xml')}: not an RSS/Atom feed")
        assert error.endswith("(failed 1× in a row; next try in 10m)")


def test_watch_killed_mid_feed_keeps_the_committed_batch_and_a_restart_finishes_without_duplicates(store_url):
    with NewsSite() as site:
        site.feed, site.hold = SLUGS, {"/news/korea-missiles.html"}
        proc = subprocess.Popen([str(SCRIPT), "watch", site.url("/feed.xml"), "--once", "--batch-size", "2",
                                 "--db", store_url, *FAST], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert site.held.wait(120), "the watcher never reached the fourth entry"
            proc.kill()  # SIGKILL to the process we started: no clean-up runs
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert stored_articles(store_url) == 2  # the first batch was committed before the second was fetched
        site.hold.clear()
        site.release.set()
        ran = invoke("watch", site.url("/feed.xml"), "--once", "--batch-size", "2", "--db", store_url, *FAST)
        assert counts(cycle_lines(ran.stdout)[0]) == (2, 2, 0), ran.stdout
        hits = site.article_hits()
        assert hits["/news/belarus-vehicles.html"] == hits["/news/serbia-shells.html"] == 1  # read: not refetched
    assert stored_articles(store_url) == 4


def test_watch_remembers_entries_with_very_long_links(store_url):
    with NewsSite() as site:
        noise = random.Random(7).randbytes(2500).hex()  # 5 kB that do not compress: over PostgreSQL's index limit
        site.feed, site.link_suffix = SLUGS[:2], "?utm_source=rss&ref=" + noise
        for expected in ((2, 0, 0), (0, 2, 0)):
            ran = invoke("watch", site.url("/feed.xml"), "--once", "--db", store_url, *FAST)
            assert ran.code == 0 and counts(cycle_lines(ran.stdout)[0]) == expected, ran.stdout + ran.stderr
        assert site.article_hits() == {f"/news/{slug}.html": 1 for slug in SLUGS[:2]}


def test_watch_a_feed_file_with_content_only_entries_and_a_hostile_title(tmp_path):
    feed = tmp_path / "bulletin.xml"
    body = "".join(f"&lt;p&gt;{sentence}.&lt;/p&gt;" for sentence in STORIES[2][3].rstrip(".").split(". "))
    feed.write_text("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Bulletin</title>"
                    "<item><guid isPermaLink='false'>bulletin-17</guid><title>Drones \x1b[31mfor\x07 Russia</title>"
                    f"<pubDate>Mon, 09 Nov 2026 10:00:00 GMT</pubDate><description>{body}</description></item>"
                    "</channel></rss>", encoding="utf-8")
    db = str(tmp_path / "bulletin.db")
    for expected in ((1, 0, 0), (0, 1, 0)):
        ran = invoke("watch", str(feed), "--once", "--db", db)
        assert counts(cycle_lines(ran.stdout)[0]) == expected, ran.stdout + ran.stderr
    with open_store(db) as s:
        (row,) = s.claims()
        title = s.claim(row.id)["mentions"][0]["title"]
    assert title == "Drones for Russia"  # the terminal escapes of the feed's title are gone

"""What the CLI tells a new user: `claims` says how many claims it left out and how to see them, `ingest` shows the
total and the time left when the inputs can be counted, and `make demo` ends by saying how to open the page."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest_cli import REPO, SCRIPT, invoke
from conftest_watch import STORIES

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def news(tmp_path) -> Path:
    """Four invented stories as text files and three more as JSON lines: seven documents."""
    folder = tmp_path / "news"
    folder.mkdir()
    for slug, title, day, body in STORIES:
        (folder / f"{slug}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    rows = [
        {"title": "Drones for Sudan", "published": "2026-10-01", "url": "https://example.org/sudan",
         "text": "The United Arab Emirates supplied armed drones to Sudan's army, a UN panel of experts said. "
                 "The panel said the aircraft were flown in on cargo planes that listed medical goods."},
        {"title": "Rifles for Haiti", "published": "2026-10-03", "url": "https://example.org/haiti",
         "text": "Brazil delivered assault rifles to Haiti's police last week, the Brazilian defence ministry said. "
                 "The shipment also carried helmets and radios, according to a port official."},
        {"title": "Air defence for Armenia", "published": "2026-10-07", "url": "https://example.org/armenia",
         "text": "France has sent air defence radars to Armenia, the French armed forces ministry said on Monday. "
                 "Baku protested and summoned the French ambassador the same afternoon."},
    ]
    (folder / "wires.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return folder


def test_ingest_progress_shows_the_total_and_the_time_left_for_local_files(news, tmp_path):
    for i in range(33):  # 40 documents in all, committed two at a time: many progress updates to catch on screen
        _slug, title, _day, body = STORIES[i % len(STORIES)]
        (news / f"desk-{i:02d}.txt").write_text(f"{title} ({i})\n\n{body} The desk revised it at {i} o'clock.\n",
                                                encoding="utf-8")
    env = {**os.environ, "TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1", "COLUMNS": "200"}  # as on a terminal
    proc = subprocess.run([str(SCRIPT), "ingest", str(news), "--batch-size", "2", "--db", str(tmp_path / "p.db")],
                          capture_output=True, env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    screen = ANSI.sub("", proc.stderr.decode("utf-8")).replace("\r", "\n")
    assert re.search(r" 0/40 ETA -:--:--", screen), screen[-2000:]
    # an estimate of the time left while batches are still to come
    assert re.search(r" ([2-9]|[1-3]\d)/40 ETA \d+:\d\d:\d\d ", screen), screen[-2000:]
    assert "40 read, 40 new" in screen


def test_ingest_progress_has_no_total_when_it_cannot_be_known(tmp_path):
    env = {**os.environ, "TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1", "COLUMNS": "200"}
    proc = subprocess.run([str(SCRIPT), "ingest", "-", "--db", str(tmp_path / "s.db")], input=STORIES[0][3].encode(),
                          capture_output=True, env=env, timeout=300, check=False)
    screen = ANSI.sub("", proc.stderr.decode("utf-8"))
    assert proc.returncode == 0 and "1 read, 1 new" in screen
    assert "ETA" not in screen and "/1 " not in screen


def test_claims_says_how_many_are_not_shown_and_how_to_see_them(news, tmp_path):
    db = str(tmp_path / "c.db")
    assert invoke("ingest", str(news), "--db", db).code == 0
    everything = invoke("claims", "--limit", "0", "--db", db)
    total = int(re.search(r"(\d+) of (\d+) claims", everything.stdout)[2])
    assert total >= 6 and f"{total} of {total} claims" in everything.stdout
    assert "shown;" not in everything.stdout
    for pair in ("Belarus → Myanmar", "Brazil → Haiti", "France → Armenia"):
        assert pair in everything.stdout
    some = invoke("claims", "--limit", "2", "--db", db)
    assert some.code == 0
    assert some.stdout.rstrip().endswith(f"2 of {total} claims shown; --limit 0 for all")
    assert "shown;" not in invoke("claims", "--db", db).stdout  # the default 50 shows them all here
    assert invoke("claims", "--limit", "-1", "--db", db).code == 2
    searched = invoke("claims", "--text", "Russia", "--limit", "1", "--db", db)  # under a search too
    found = int(re.search(r"1 of (\d+) claims", searched.stdout)[1])
    assert found >= 2 and searched.stdout.rstrip().endswith(f"1 of {found} claims shown; --limit 0 for all")


@pytest.mark.skipif(shutil.which("make") is None or not (REPO / ".venv/bin/armswatch").exists(),
                    reason="needs make and the repository's .venv")
def test_make_demo_ends_by_saying_how_to_open_the_page(tmp_path):
    db = tmp_path / "demo.db"
    proc = subprocess.run(["make", "-s", "-C", str(REPO), "demo", f"DB={db}"], capture_output=True, timeout=600, check=False)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert re.search(r"\d+ of \d+ claims shown; --limit 0 for all", out)
    assert out.rstrip().splitlines()[-1] == (f"Open the page: .venv/bin/armswatch serve --db {db}   "
                                             "then go to http://127.0.0.1:8000/")

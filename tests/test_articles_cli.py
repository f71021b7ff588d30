"""`armswatch articles`: the table, JSON lines, and exit codes for partial failures."""
from __future__ import annotations

import json
import shutil

from conftest_ingest import DATA, STORY_A, article_html
from typer.testing import CliRunner

from armswatch.cli import app

KEYS = {"id", "source", "url", "site", "title", "published", "author", "wire", "lang", "story_id", "text"}


def run(*args, input=None):
    return CliRunner().invoke(app, ["articles", *map(str, args)], input=input)


def test_articles_cli_json_lists_articles_and_skipped_and_exits_1(tmp_path):
    shutil.copy(DATA / "wire-ap.txt", tmp_path / "a.txt")
    (tmp_path / "copy.txt").write_text((DATA / "wire-ap.txt").read_text().replace("Share this:", "Tweet"))
    (tmp_path / "empty.html").write_text("")
    result = run(tmp_path, "--json")
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    arts = [x for x in lines if "skipped" not in x]
    assert [set(x) for x in arts] == [KEYS, KEYS]
    assert arts[0]["wire"] == "Associated Press" and arts[0]["published"] == "2024-03-05"
    assert arts[0]["story_id"] == arts[1]["story_id"]  # two copies of one story
    assert {"source": str(tmp_path / "empty.html"), "skipped": "empty file"} in lines


def test_articles_cli_table_exit_0_when_all_read():
    result = run(DATA / "reuters.html", DATA / "tass.txt")
    assert result.exit_code == 0, result.output
    assert "Iberia Today" in result.stdout and "2023-02-07" in result.stdout and "TASS" in result.stdout
    assert "2 articles in 2 stories, 0 inputs skipped" in result.stdout


def test_articles_cli_table_shows_skipped_reason(tmp_path):
    (tmp_path / "x.html").write_bytes(bytes(range(256)) * 4)
    result = run(tmp_path / "x.html", DATA / "tass.txt")
    assert result.exit_code == 1
    assert "Skipped inputs" in result.stdout and "binary content" in result.stdout


def test_articles_cli_stdin_and_allow_private(site):
    url = site.add("/italy", article_html("Italy sends missiles", STORY_A))
    refused = run(url, "--json")
    assert refused.exit_code == 1 and "non-public address" in refused.stdout
    result = run(url, "-", "--allow-private", "--fetch-delay", "0", "--json",
                 input=(DATA / "tass.txt").read_text())
    assert result.exit_code == 0, result.output
    titles = [json.loads(line)["title"] for line in result.stdout.splitlines()]
    assert titles == ["Italy sends missiles", "Moscow says it has received no requests for arms from Pyongyang"]

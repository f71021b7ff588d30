"""Every CLI error is one line with the README's exit codes (0 ok, 1 some inputs bad, 2 usage error), and bad
inputs are summarised by reason. Usage errors are checked through the installed `armswatch` command, whose
`main()` turns them into one line; the rest through Typer's CliRunner."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_store import corpus
from typer.testing import CliRunner

from armswatch.cli import app
from armswatch.store import open_store

ARMSWATCH = Path(sys.executable).with_name("armswatch")
GOOD = ("Iceland will send two patrol boats to Latvia before the summer, the coast guard said on Friday. "
        "The boats were built in Akureyri and have been in reserve since last year.")


def cli(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(ARMSWATCH), *map(str, args)], capture_output=True, text=True, timeout=300,
                          check=False, **kw)


def run(*args, input=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line, got {len(lines)}:\n{stderr}"
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def filled_db(tmp_path) -> Path:
    path = tmp_path / "claims.db"
    store = open_store(path)
    store.add_batch(*corpus())
    store.close()
    return path


def test_cli_errors_export_to_a_missing_folder_or_a_folder(filled_db, tmp_path):
    result = run("export", "-f", "csv", "-o", tmp_path / "no" / "such" / "dir" / "x.csv", "--db", filled_db)
    assert result.exit_code == 2
    assert one_line(result.stderr).endswith("folder " + str(tmp_path / "no" / "such" / "dir") + " does not exist")
    result = run("export", "-f", "json", "-o", tmp_path, "--db", filled_db)
    assert result.exit_code == 2 and "is a folder" in one_line(result.stderr)
    result = run("export", "-f", "csv", "-o", tmp_path / "claims.csv", "--db", filled_db)
    assert result.exit_code == 0 and (tmp_path / "claims.csv").read_text().startswith("id,type")


def test_cli_errors_extract_batch_to_a_missing_folder(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n")
    result = run("extract", "--jsonl", rows, "-o", tmp_path / "missing" / "out.jsonl")
    assert result.exit_code == 2 and "does not exist" in one_line(result.stderr)


@pytest.mark.parametrize("args, message", [
    (("extract", "{text}", "--published", "2024-99-01"), "'2024-99-01' is not a calendar date"),
    (("claims", "--since", "2024-13-40", "--db", "{db}"), "--since: '2024-13-40' is not a date"),
    (("export", "--until", "01/02/2024", "--db", "{db}"), "--until: '01/02/2024' is not a date"),
    (("claims", "--no-such-option"), "No such option: --no-such-option"),
])
def test_cli_errors_usage_errors_are_one_line_exit_2(tmp_path, filled_db, args, message):
    text = tmp_path / "story.txt"
    text.write_text(GOOD)
    result = cli(*(a.format(text=text, db=filled_db) for a in args))
    assert result.returncode == 2, result.stderr
    line = one_line(result.stderr)
    assert line.startswith("armswatch: ") and message in line


def test_cli_errors_jsonl_row_with_an_impossible_date_is_a_bad_row(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": GOOD, "published": "2024-99-01"}) + "\n"
                    + json.dumps({"id": "b", "text": GOOD, "published": "2024-03-01"}) + "\n")
    result = run("extract", "--jsonl", rows)
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["b"]
    assert "rows.jsonl:1: published '2024-99-01' is not a calendar date" in one_line(result.stderr)


@pytest.mark.parametrize("command", [("claims",), ("show", "c0ffee"), ("export", "-f", "json")])
def test_cli_errors_read_only_commands_never_create_a_database(tmp_path, command):
    typo = tmp_path / "typo.db"
    result = run(*command, "--db", typo)
    assert result.exit_code == 2
    assert f"no database at {typo}" in one_line(result.stderr)
    assert not typo.exists()


def test_cli_errors_ingest_into_a_missing_folder_is_a_usage_error(tmp_path):
    (tmp_path / "story.txt").write_text("Patrol boats for Latvia\n\n" + GOOD)
    result = run("ingest", tmp_path / "story.txt", "--db", tmp_path / "nowhere" / "x.db")
    assert result.exit_code == 2 and "folder" in one_line(result.stderr)


def test_cli_errors_serve_refuses_a_typo_and_a_busy_port(tmp_path, filled_db):
    pytest.importorskip("uvicorn")
    result = cli("serve", "--db", tmp_path / "typo.db")
    assert result.returncode == 2 and "no database at" in one_line(result.stderr)
    assert not (tmp_path / "typo.db").exists()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = cli("serve", "--db", filled_db, "--port", port)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert f"cannot listen on 127.0.0.1:{port}" in line and "serving on" not in result.stderr


def test_cli_errors_boolean_options_have_a_no_form(tmp_path):
    (tmp_path / "story.txt").write_text("Patrol boats for Latvia\n\n" + GOOD)
    help_text = run("articles", "--help").stdout
    assert "--no-allow-private" in help_text and "--no-json" in help_text
    result = run("articles", tmp_path / "story.txt", "--no-allow-private", "--json", "--fetch-delay", "0")
    assert result.exit_code == 0 and json.loads(result.stdout)["title"] == "Patrol boats for Latvia"


def test_cli_errors_hundred_bad_jsonl_lines_are_summarised_by_reason(tmp_path):
    lines = ['{"id": "x", "text": "unclosed'] * 97 + ['{"id": "y"}'] * 2 + ['[1, 2]']
    lines.insert(50, json.dumps({"id": "good", "text": GOOD}))
    rows = tmp_path / "batch.jsonl"
    rows.write_text("\n".join(lines) + "\n")
    result = run("extract", "--jsonl", rows)
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["good"]
    problems = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(problems) == 3, result.stderr
    assert problems[0] == f"armswatch: 97 × malformed JSON: {rows}:1, {rows}:2, {rows}:3 and 94 more"
    assert problems[1] == f"armswatch: 2 × row has no 'text': {rows}:99, {rows}:100"
    assert problems[2].startswith(f"armswatch: {rows}:101: expected a JSON object")


def test_cli_errors_ingest_summary_groups_bad_records(tmp_path):
    rows = tmp_path / "feed-dump.jsonl"
    rows.write_text("\n".join(['{"text": "unclosed'] * 40 + [json.dumps({"text": "Patrol boats\n\n" + GOOD})]) + "\n")
    result = run("ingest", rows, "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    grouped = [ln for ln in result.stderr.splitlines() if "skipped 40 ×" in ln]
    assert len(grouped) == 1 and "and 37 more" in grouped[0]
    assert sum("invalid JSON" in ln for ln in result.stderr.splitlines()) == 1


def test_cli_errors_read_only_commands_leave_an_empty_database_empty(store_url):
    """Both backends: `claims` on a database without armswatch tables says so and creates none; ingest does."""
    import sqlalchemy as sa

    from armswatch.store.engine import make_engine

    result = run("claims", "--db", store_url)
    assert result.exit_code == 2 and "no " in one_line(result.stderr) and "database" in result.stderr
    if "://" in store_url:  # PostgreSQL: the schema exists, and must still hold no table
        engine = make_engine(store_url)
        assert sa.inspect(engine).get_table_names() == []
        engine.dispose()
    open_store(store_url).close()  # what ingest does first
    assert run("claims", "--db", store_url).exit_code == 0

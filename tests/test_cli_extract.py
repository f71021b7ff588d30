"""`armswatch extract`: JSON for one text, --explain, JSONL batches, one-line errors and exit codes."""

from __future__ import annotations

import json

import pytest
from conftest_cli import invoke, run_script, write_jsonl

SUPPLY = "Iran has supplied hundreds of attack drones to Russia, U.S. officials said on Monday.\n"
DEAL = "Poland signed a contract on Friday to buy 96 Apache attack helicopters from the United States.\n"
NOTHING = "The city council voted to repair the old bridge before winter.\n"


def keys(mentions: list[dict]) -> set[tuple]:
    return {(m["type"], m["supplier"], m["recipient"], m["polarity"]) for m in mentions}


@pytest.fixture
def supply_file(tmp_path):
    path = tmp_path / "supply.txt"
    path.write_text(SUPPLY, encoding="utf-8")
    return path


def test_cli_extract_prints_json_array_of_mentions(supply_file):
    ran = invoke("extract", str(supply_file))
    assert ran.code == 0, ran.stderr
    mentions = json.loads(ran.stdout)
    assert ("TRANSFER", "IRN", "RUS", "affirmed") in keys(mentions)
    m = next(m for m in mentions if m["type"] == "TRANSFER")
    assert m["item_category"] == "drones" and SUPPLY[m["evidence_start"] : m["evidence_end"]] == m["evidence"]


def test_cli_extract_reads_stdin_and_prints_empty_array_for_no_event():
    ran = invoke("extract", "-", input=NOTHING)
    assert ran.code == 0 and json.loads(ran.stdout) == []
    ran = invoke("extract", "-", input=SUPPLY)
    assert ("TRANSFER", "IRN", "RUS", "affirmed") in keys(json.loads(ran.stdout))


def test_cli_extract_published_resolves_relative_time(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("North Korea delivered artillery shells to Russia last month, the White House said.\n")
    ran = invoke("extract", str(path), "--published", "2024-03-14")
    assert ran.code == 0, ran.stderr
    (m,) = [m for m in json.loads(ran.stdout) if m["type"] == "TRANSFER"]
    assert m["time"] and m["time"]["start"] == "2024-02-01" and m["time"]["end"] == "2024-02-29"


def test_cli_extract_explain_shows_rule_trigger_and_path(supply_file):
    ran = invoke("extract", str(supply_file), "--explain")
    assert ran.code == 0, ran.stderr
    assert "TRANSFER IRN -> RUS" in ran.stdout
    assert "rule: " in ran.stdout and "trigger: 'supplied'" in ran.stdout
    path = next(line for line in ran.stdout.splitlines() if line.strip().startswith("path: "))
    assert (
        path.strip().startswith("path: supplied/") and "/ROOT" in path
    )  # trigger up to the root of its sentence


def test_cli_extract_jsonl_writes_rows_in_input_order(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "b", "text": DEAL, "published": "2024-05-01"}),
            json.dumps({"id": "a", "text": NOTHING}),
            json.dumps({"id": 7, "text": SUPPLY, "url": "ignored"}),
        ],
    )
    out = tmp_path / "out.jsonl"
    ran = invoke("extract", "--jsonl", str(src), "-o", str(out))
    assert ran.code == 0, ran.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["b", "a", 7]
    assert ("DEAL", "USA", "POL", "affirmed") in keys(rows[0]["mentions"])
    assert rows[1]["mentions"] == []
    assert ("TRANSFER", "IRN", "RUS", "affirmed") in keys(rows[2]["mentions"])


def test_cli_extract_jsonl_bad_rows_reported_rest_written(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "ok1", "text": SUPPLY}),
            '{"id": "broken", "text": ',
            json.dumps({"id": "notext", "body": SUPPLY}),
            json.dumps({"id": "empty", "text": "   "}),
            json.dumps({"id": "baddate", "text": SUPPLY, "published": "14/03/2024"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "ok2", "text": DEAL}),
        ],
    )
    ran = invoke("extract", "--jsonl", str(src))
    assert ran.code == 1
    assert [json.loads(line)["id"] for line in ran.stdout.splitlines()] == ["ok1", "ok2"]
    errors = ran.stderr.splitlines()
    assert len(errors) == 5
    assert errors[0].startswith(f"armswatch: {src}:2: malformed JSON")
    assert errors[1] == f"armswatch: {src}:3: row has no 'text'"
    assert errors[2] == f"armswatch: {src}:4: empty text"
    assert errors[3].startswith(f"armswatch: {src}:5: published must be YYYY-MM-DD")
    assert errors[4] == f"armswatch: {src}:6: expected a JSON object, got list"


@pytest.mark.parametrize(
    "args",
    [
        [],  # neither FILE nor --jsonl
        ["a.txt", "--jsonl", "b.jsonl"],  # both
        ["a.txt", "-o", "out.jsonl"],  # -o without --jsonl
        ["a.txt", "--published", "March 3"],  # bad date
        ["--jsonl", "b.jsonl", "--explain"],  # --explain is for one text
    ],
)
def test_cli_extract_usage_errors_exit_2(args):
    assert invoke("extract", *args).code == 2


def test_cli_extract_missing_file_is_one_line_error(tmp_path):
    missing = tmp_path / "nope.txt"
    ran = invoke("extract", str(missing))
    assert ran.code == 1
    assert ran.stderr == f"armswatch: {missing}: no such file\n" and ran.stdout == ""


def test_cli_extract_binary_and_empty_files_are_one_line_errors(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Der Panzer wurde geliefert: Gr\xfc\xdfe".encode("latin-1"))
    assert invoke("extract", str(binary)).stderr == f"armswatch: {binary}: binary file, expected UTF-8 text\n"
    assert invoke("extract", str(empty)).stderr == f"armswatch: {empty}: empty text\n"
    ran = invoke("extract", str(latin))
    assert ran.code == 1 and ran.stderr.startswith(f"armswatch: {latin}: not UTF-8 text")


def test_cli_extract_script_exit_codes(tmp_path, supply_file):
    """The installed console script: 0 ok, 1 bad input (one stderr line), 2 usage."""
    ok = run_script("extract", str(supply_file))
    assert ok.code == 0 and ("TRANSFER", "IRN", "RUS", "affirmed") in keys(json.loads(ok.stdout))

    missing = run_script("extract", str(tmp_path / "gone.txt"))
    assert missing.code == 1 and missing.stderr == f"armswatch: {tmp_path / 'gone.txt'}: no such file\n"

    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    ran = run_script("extract", str(binary))
    assert ran.code == 1 and ran.stderr.count("\n") == 1 and "binary file" in ran.stderr

    assert run_script("extract", "-", input=b"   \n").code == 1
    assert run_script("extract").code == 2
    assert run_script("extract", str(supply_file), "--published", "yesterday").code == 2


def test_cli_extract_script_batch_partial_failure(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "x", "text": SUPPLY}),
            "not json at all",
            json.dumps({"id": "y"}),
            json.dumps({"id": "z", "text": NOTHING}),
        ],
    )
    out = tmp_path / "out.jsonl"
    ran = run_script("extract", "--jsonl", str(src), "-o", str(out))
    assert ran.code == 1
    assert ran.stderr.splitlines()[0].startswith(f"armswatch: {src}:2: malformed JSON")
    assert ran.stderr.splitlines()[1] == f"armswatch: {src}:3: row has no 'text'"
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["x", "z"]


def test_cli_extract_script_batch_from_stdin(tmp_path):
    data = (
        json.dumps({"id": "s1", "text": SUPPLY}) + "\n" + json.dumps({"id": "s2", "text": NOTHING}) + "\n"
    ).encode()
    ran = run_script("extract", "--jsonl", "-", input=data)
    assert ran.code == 0, ran.stderr
    rows = [json.loads(line) for line in ran.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["s1", "s2"] and rows[1]["mentions"] == []

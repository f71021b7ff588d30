"""`armswatch eval`: the per-type table, the four-line summary, --json, --errors, and bad gold files."""

from __future__ import annotations

import json
import re

import pytest
from conftest_cli import invoke, run_script, write_jsonl

SUMMARY = [
    r"P=\d\.\d\d R=\d\.\d\d F1=\d\.\d\d",
    r"claimant accuracy=(\d\.\d\d|n/a) \(n=\d+\)",
    r"item-category accuracy=(\d\.\d\d|n/a) \(n=\d+\)",
    r"negatives with predictions=\d+/\d+",
]


def gold_mention(type_, supplier, recipient, text, evidence, **kw) -> dict:
    start = text.index(evidence)
    m = {
        "type": type_,
        "supplier": supplier,
        "recipient": recipient,
        "polarity": "affirmed",
        "item_text": None,
        "item_category": "drones",
        "item_categories": ["drones"],
        "claimant": "author",
        "claimant_text": None,
        "evidence": evidence,
        "evidence_start": start,
        "evidence_end": start + len(evidence),
    }
    m.update(kw)
    return m


SUPPLY = "Iran has supplied hundreds of attack drones to Russia, U.S. officials said on Monday."
# Gold that no extractor can find in this text: a guaranteed false negative.
WEATHER = "The weather in Oslo stayed mild for most of the week."
NEGATIVE = "The company's new factory will produce 90,000 shells a year for the national army."


@pytest.fixture
def gold_file(tmp_path):
    return write_jsonl(
        tmp_path / "gold.jsonl",
        [
            json.dumps(
                {
                    "id": "g1",
                    "text": SUPPLY,
                    "published": "2024-01-08",
                    "mentions": [gold_mention("TRANSFER", "IRN", "RUS", SUPPLY, SUPPLY, claimant="USA")],
                }
            ),
            json.dumps(
                {
                    "id": "g2",
                    "text": WEATHER,
                    "published": None,
                    "mentions": [gold_mention("PLEDGE", "NOR", "SWE", WEATHER, WEATHER)],
                }
            ),
            json.dumps({"id": "g3", "text": NEGATIVE, "mentions": []}),
        ],
    )


def test_evaluate_cli_plain_output_ends_with_four_line_summary(gold_file):
    ran = invoke("eval", str(gold_file))
    assert ran.code == 0, ran.stderr
    lines = ran.stdout.rstrip("\n").splitlines()
    for pattern, line in zip(SUMMARY, lines[-4:], strict=True):
        assert re.fullmatch(pattern, line), line
    assert lines[-1] == "negatives with predictions=0/1"
    for name in ("TRANSFER", "PLEDGE", "DENIAL", "SANCTION", "tp", "fp", "fn", "F1"):
        assert name in ran.stdout
    # the PLEDGE the weather text cannot state is a false negative in the PLEDGE row
    pledge_row = next(line for line in lines if "PLEDGE" in line)
    assert re.search(r"PLEDGE\W+\d+\W+\d+\W+1\W", pledge_row)


def test_evaluate_cli_json_report(gold_file):
    ran = invoke("eval", str(gold_file), "--json")
    assert ran.code == 0, ran.stderr
    report = json.loads(ran.stdout)
    assert report["passages"] == 3 and report["negatives_total"] == 1
    assert report["per_type"]["PLEDGE"]["fn"] == 1
    assert report["overall"]["fn"] >= 1 and "errors" not in report


def test_evaluate_cli_errors_lists_misses_with_text(gold_file):
    ran = invoke("eval", str(gold_file), "--errors")
    assert ran.code == 0, ran.stderr
    assert "[fn] g2" in ran.stdout
    assert "gold:      PLEDGE NOR -> SWE affirmed" in ran.stdout
    assert "text: The weather in Oslo stayed mild" in ran.stdout
    assert re.fullmatch(SUMMARY[0], ran.stdout.splitlines()[-4])
    as_json = json.loads(invoke("eval", str(gold_file), "--json", "--errors").stdout)
    fn = [e for e in as_json["errors"] if e["kind"] == "fn"]
    assert any(e["id"] == "g2" and e["gold"]["supplier"] == "NOR" for e in fn)


def test_evaluate_cli_bad_gold_rows_reported_rest_scored(tmp_path):
    path = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            json.dumps(
                {
                    "id": "g1",
                    "text": WEATHER,
                    "mentions": [gold_mention("DEAL", "NOR", "SWE", WEATHER, WEATHER)],
                }
            ),
            '{"id": "g2", "text": "unterminated',
            json.dumps({"id": "g3", "text": WEATHER}),
        ],
    )
    ran = invoke("eval", str(path), "--json")
    assert ran.code == 1
    assert ran.stderr.splitlines() == [
        f"armswatch: {path}:2: malformed JSON: Unterminated string starting at (column 22)",
        f"armswatch: {path}:3: gold row has no 'mentions' (passage) or 'claims' (article) list",
    ]
    report = json.loads(ran.stdout)
    assert report["passages"] == 1 and report["per_type"]["DEAL"]["fn"] == 1


def test_evaluate_cli_missing_gold_file(tmp_path):
    ran = invoke("eval", str(tmp_path / "none.jsonl"))
    assert ran.code == 1 and ran.stderr == f"armswatch: {tmp_path / 'none.jsonl'}: no such file\n"


def test_evaluate_cli_script_exit_codes(tmp_path, gold_file):
    ok = run_script("eval", str(gold_file))
    assert ok.code == 0, ok.stderr
    assert re.fullmatch(SUMMARY[3], ok.stdout.splitlines()[-1])
    assert run_script("eval").code == 2
    assert run_script("eval", str(gold_file), "--no-such-option").code == 2
    missing = run_script("eval", str(tmp_path / "x.jsonl"))
    assert missing.code == 1 and missing.stderr.count("\n") == 1
    binary = tmp_path / "gold.bin"
    binary.write_bytes(b"\x00\xff" * 64)
    ran = run_script("eval", str(binary))
    assert ran.code == 1 and ran.stderr == f"armswatch: {binary}: binary file, expected JSON lines\n"


def test_evaluate_cli_script_missing_model_is_one_line_error(gold_file):
    ran = run_script("eval", str(gold_file), "--model", "no_such_model_xx")
    assert ran.code == 1 and ran.stdout == ""
    assert ran.stderr.count("\n") == 1 and ran.stderr.startswith("armswatch: no spaCy English model could be loaded")

"""Reading passage files and JSONL rows: each bad file or line gives one clear problem naming FILE[:LINE]."""

from __future__ import annotations

import json

import pytest

from armswatch.errors import InputError
from armswatch.evaluate import read_rows, read_text
from armswatch.types import Skipped


def test_evaluate_rows_read_text_strips_bom_and_keeps_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffKyiv received shells.\n".encode("utf-8"))
    assert read_text(path) == "Kyiv received shells.\n"


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty text"),
        (b" \n\t\n", "empty text"),
        (b"GIF89a\x00\x00\x01", "binary file, expected UTF-8 text"),
        (b"caf\xe9 au lait", "not UTF-8 text (byte 3)"),
    ],
)
def test_evaluate_rows_read_text_problems(tmp_path, data, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_text(path)
    assert str(err.value) == f"{path}: {problem}"


def test_evaluate_rows_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_rows(tmp_path)


def test_evaluate_rows_jsonl_keeps_order_and_reports_bad_lines(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                json.dumps({"id": "a", "text": "one", "published": "2024-02-29"}).encode(),
                b"",  # blank lines are skipped silently
                b'{"id": "b", "text": 5}',
                '{"id": "c", "text": "caf\xe9"}'.encode("latin-1"),
                json.dumps({"text": "no id here"}).encode(),
            ]
        )
        + b"\n"
    )
    items = list(read_rows(path))
    assert items[0] == {"id": "a", "text": "one", "published": "2024-02-29"}
    assert items[1] == Skipped(f"{path}:3", "'text' must be a string, got int")
    assert items[2] == Skipped(f"{path}:4", "not UTF-8 text (byte 24)")
    assert items[3] == {"text": "no id here", "published": None, "id": 5}  # named by its line number
    assert len(items) == 4


def test_evaluate_rows_gold_rows_need_mentions(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps({"id": "x", "text": "t", "mentions": []})
        + "\n"
        + json.dumps({"id": "y", "text": "t"})
        + "\n"
    )
    items = list(read_rows(path, require_mentions=True))
    assert items[0]["mentions"] == [] and items[1] == Skipped(f"{path}:2", "gold row has no 'mentions' (passage) or 'claims' (article) list")

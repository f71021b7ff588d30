"""What `armswatch extract --jsonl` prints stays what the snapshot says (scripts/extract_snapshot.py).

A refactor of the engine must leave every prediction byte-identical; a change meant to alter predictions saves a
new snapshot and lists the changed rows in its note.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from conftest import shared_file

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "extract_snapshot.py"


def _snapshot_module():
    spec = importlib.util.spec_from_file_location("extract_snapshot", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_snapshot"] = module
    spec.loader.exec_module(module)
    return module


def test_extract_snapshot_output_is_unchanged():
    for name in ("dev", "passages-2", "articles"):
        shared_file(f"eval/{name}.jsonl")
    snap = _snapshot_module()
    saved = json.loads(snap.SNAPSHOT.read_text(encoding="utf-8"))
    problems = snap.changed_rows(saved, snap.snapshot(snap.outputs()))
    assert not problems, ("extract output differs from tests/data/snapshots/extract.json (if meant, run "
                          "`python scripts/extract_snapshot.py save` and list the changes):\n" + "\n".join(problems))


def test_extract_snapshot_notices_a_changed_row():
    snap = _snapshot_module()
    saved = {"dev": ["a1", "b2"], "samples": ['{"id": "x", "mentions": []}']}
    now = {"dev": ["a1", "c3"], "samples": ['{"id": "x", "mentions": [1]}']}
    assert snap.changed_rows(saved, now) == ["dev: row 1 changed", "samples: row 0 changed"]
    assert snap.changed_rows(saved, {"dev": ["a1"], "samples": saved["samples"]}) == ["dev: 1 rows, snapshot has 2"]

"""Saves, or checks, what `armswatch extract --jsonl` prints for the shared eval sets and the bundled samples.

Why: a refactor of the extraction engine must not change a single prediction. The shared sets are real news and
stay out of the repository, so for them only a SHA-256 of each output row is kept; the samples are our own text,
so their output is kept whole and a difference can be read.

    python scripts/extract_snapshot.py save     # writes tests/data/snapshots/extract.json
    python scripts/extract_snapshot.py check    # exit 1 and list the rows whose output changed
    python scripts/extract_snapshot.py dump DIR # the full outputs, to diff by hand
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
SNAPSHOT = ROOT / "tests" / "data" / "snapshots" / "extract.json"
SETS = ("dev", "passages-2", "articles")


def sample_rows() -> list[dict]:
    """The bundled sample articles as `extract --jsonl` rows, read the way `run` reads them."""
    import armswatch
    from armswatch import samples
    from armswatch.types import Article

    rows = []
    for art in armswatch.read([str(samples.path())]):
        if isinstance(art, Article):
            rows.append({"id": Path(art.source).name, "text": art.text, "published": art.published})
    return sorted(rows, key=lambda r: r["id"])


def shared_rows(name: str) -> list[dict]:
    with open(SHARED / f"{name}.jsonl", encoding="utf-8") as fh:
        return [{"id": r["id"], "text": r["text"], "published": r.get("published")}
                for r in (json.loads(line) for line in fh if line.strip())]


def run_extract(rows: list[dict]) -> list[str]:
    """The output lines of `armswatch extract --jsonl` on `rows`, in order."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        exe = Path(sys.executable).with_name("armswatch")
        out = subprocess.run([str(exe), "extract", "--jsonl", str(src)], capture_output=True, text=True,
                             check=True)
    return out.stdout.splitlines()


def outputs() -> dict[str, list[str]]:
    found = {name: run_extract(shared_rows(name)) for name in SETS}
    found["samples"] = run_extract(sample_rows())
    return found


def digest(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]


def snapshot(found: dict[str, list[str]]) -> dict:
    snap = {name: [digest(line) for line in lines] for name, lines in found.items() if name != "samples"}
    snap["samples"] = found["samples"]
    return snap


def changed_rows(saved: dict, now: dict) -> list[str]:
    problems = []
    for name, lines in saved.items():
        new = now.get(name, [])
        if len(new) != len(lines):
            problems.append(f"{name}: {len(new)} rows, snapshot has {len(lines)}")
        problems += [f"{name}: row {n} changed" for n, (old, line) in enumerate(zip(lines, new)) if old != line]
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    found = outputs()
    if command == "save":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(snapshot(found), indent=0) + "\n", encoding="utf-8")
        print(f"saved {SNAPSHOT}: " + ", ".join(f"{k} {len(v)} rows" for k, v in found.items()))
        return 0
    if command == "dump":
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        for name, lines in found.items():
            (out / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return 0
    problems = changed_rows(json.loads(SNAPSHOT.read_text(encoding="utf-8")), snapshot(found))
    print("\n".join(problems) or "extract output identical to the snapshot")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

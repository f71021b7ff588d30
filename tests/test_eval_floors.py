"""Eval gates on the shared real-news sets at the default confidence, and the rule that floors only go up.

Every gate's floors are in tests/data/eval/floors.yaml; the rules-alone gates on the dev and invented sets are
tests/test_eval_gate.py and tests/test_eval_invented.py.
"""
from __future__ import annotations

import subprocess

import pytest
from conftest import REPO, shared_file
from eval_floors import FLOORS_FILE, HIGHER_IS_BETTER, LOWER_IS_BETTER, floors, parse_floors

from armswatch.evaluate import evaluate_file

DEFAULT_GATES = ("dev", "passages-2", "articles")


def _path(spec: str):
    where, relative = spec.split(":", 1)
    return shared_file(relative) if where == "shared" else REPO / relative


@pytest.fixture(scope="module", params=DEFAULT_GATES)
def gate(request):
    f = floors(request.param)
    threshold = None if f["min_confidence"] == "default" else float(f["min_confidence"])
    return request.param, f, evaluate_file(_path(f["file"]), min_confidence=threshold)


def test_gate_overall(gate):
    name, f, report = gate
    o = report.overall
    summary = f"{name}: P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f} at confidence {report.min_confidence}"
    assert not report.skipped
    assert o.f1 >= f["f1"], summary
    assert o.precision >= f.get("precision", 0.0), summary
    assert o.recall >= f.get("recall", 0.0), summary


def test_gate_claimant_and_negatives(gate):
    name, f, report = gate
    assert (report.claimant_accuracy or 0.0) >= f["claimant_accuracy"], f"{name}: {report.claimant_accuracy}"
    hits = report.negatives_with_predictions
    assert len(hits) <= f["max_negatives_with_predictions"], f"{name}: negatives with predictions {hits}"


def _previous_floors() -> dict | None:
    """floors.yaml on the commit before the working tree's (HEAD, or HEAD~1 when the tree is clean)."""
    rel = FLOORS_FILE.relative_to(REPO).as_posix()
    try:
        dirty = subprocess.run(["git", "status", "--porcelain", "--", rel], cwd=REPO, capture_output=True,
                               text=True, check=True).stdout.strip()
        rev = "HEAD" if dirty else "HEAD~1"
        shown = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=REPO, capture_output=True, text=True,
                               check=False)
    except (OSError, subprocess.CalledProcessError):
        return None
    return parse_floors(shown.stdout) if shown.returncode == 0 else None


def test_floors_only_go_up():
    before = _previous_floors()
    if before is None:
        pytest.skip("no git history with a floors file to compare with")
    now = parse_floors(FLOORS_FILE.read_text(encoding="utf-8"))
    if now.get("lowered_on_purpose", 0) > before.get("lowered_on_purpose", 0):
        return  # a commit of its own that says which floor fell and why
    fell = []
    for gate, old in before["gates"].items():
        new = now["gates"].get(gate)
        if new is None:
            fell.append(f"{gate}: gate removed")
            continue
        fell += [f"{gate}.{k}: {old[k]} -> {new.get(k)}" for k in HIGHER_IS_BETTER
                 if k in old and (new.get(k) is None or new[k] < old[k])]
        fell += [f"{gate}.{k}: {old[k]} -> {new.get(k)}" for k in LOWER_IS_BETTER
                 if k in old and (new.get(k) is None or new[k] > old[k])]
    assert not fell, f"floors fell: {fell}"

"""Scoring extraction against gold passages with the rule of shared/schema.md (the eval gate's measure).

score(gold_rows, predictions) -> Report        predictions: {passage id: [Mention or mention dict]}
evaluate_file(path, model=None) -> Report      extract from every gold passage, then score
read_rows(path) -> Iterator[dict | Skipped]    JSONL rows {"id", "text", "published"}, bad lines as Skipped
report_table(report) -> rich.table.Table
"""

from __future__ import annotations

from armswatch.evaluate.render import report_table
from armswatch.evaluate.report import Counts, Report, ScoreError
from armswatch.evaluate.rows import decode_text, read_rows, read_text
from armswatch.evaluate.run import evaluate_file, evaluate_rows, predict
from armswatch.evaluate.score import dedupe, match_weight, score

__all__ = [
    "Counts",
    "Report",
    "ScoreError",
    "decode_text",
    "dedupe",
    "evaluate_file",
    "evaluate_rows",
    "match_weight",
    "predict",
    "read_rows",
    "read_text",
    "report_table",
    "score",
]

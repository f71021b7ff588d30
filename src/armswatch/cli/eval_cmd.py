"""`armswatch eval`: score the extractor on a gold JSONL file; the last four lines are a compact summary."""

from __future__ import annotations

import json

import typer

from armswatch.cli.extract_cmd import echo_problem, echo_summary
from armswatch.errors import ArmswatchError
from armswatch.event_types import ACTOR_TYPES


def _brief(m: dict | None) -> str:
    if not m:
        return "none"
    actors = f" actors={','.join(m.get('actors') or [])}" if m.get("type") in ACTOR_TYPES else ""
    return (
        f"{m.get('type')} {m.get('supplier')} -> {m.get('recipient')} {m.get('polarity')}{actors} "
        f"item={m.get('item_category')} claimant={m.get('claimant')}"
    )


def error_lines(report) -> list[str]:
    """Each miss: kind, passage id, predicted and gold records, the rule that fired, and the passage text."""
    lines = []
    for e in report.errors:
        lines.append(f"[{e.kind}] {e.id}")
        if e.predicted is not None:
            lines.append(f"  predicted: {_brief(e.predicted)}  (rule={e.rule} trigger={e.trigger!r})")
        if e.gold is not None:
            lines.append(f"  gold:      {_brief(e.gold)}")
        if e.kind == "fp":
            lines.extend(f"  gold here: {_brief(g)}" for g in e.passage_gold or [None])
        elif e.kind == "fn":
            lines.extend(f"  predicted here: {_brief(p)}" for p in e.passage_predicted)
        lines.append("  text: " + " ".join(e.text.split()))
    return lines


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        gold: str = typer.Argument(
            ..., metavar="GOLD.jsonl", help="Gold passages or whole articles (shared/schema.md, ARTICLES.md)."
        ),
        as_json: bool = typer.Option(False, "--json/--no-json", help="Print the report as JSON."),
        errors: bool = typer.Option(
            False, "--errors/--no-errors", help="List every false positive and negative (and wrong claimant/item)."
        ),
        model: str | None = typer.Option(
            None, "--model", help="spaCy model name (default: en_core_web_sm, then its PyPI twin)."
        ),
        processes: int = typer.Option(1, "--processes", "-j", min=1, help="Worker processes for extraction."),
        min_confidence: float | None = typer.Option(
            None, "--min-confidence", min=0.0, max=1.0,
            help="Score only mentions at or above this confidence (default: the model's threshold; 0: all).",
        ),
    ) -> None:
        """Score extraction on GOLD.jsonl (passages or whole articles): P/R/F1 per type, claimant and item
        accuracy, quiet negatives."""
        from armswatch.evaluate import evaluate_file, report_table

        try:
            report = evaluate_file(gold, model=model, n_process=processes, min_confidence=min_confidence)
        except ArmswatchError as exc:
            echo_problem(str(exc))
            raise typer.Exit(1) from None
        echo_summary(report.skipped)  # grouped by reason: a count and the first few rows
        if as_json:
            typer.echo(json.dumps(report.to_dict(errors=errors), ensure_ascii=False, indent=2))
        else:
            from rich.console import Console

            Console(highlight=False).print(report_table(
                report, title=f"{gold}: {report.passages} {report.unit}, confidence ≥ {report.min_confidence:.2f}"))
            if errors:
                for line in error_lines(report):
                    typer.echo(line)
            for line in report.summary_lines():
                typer.echo(line)
        raise typer.Exit(1 if report.skipped else 0)

"""`armswatch train`: fit the confidence model on gold files, with figures cross-validated by text."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from armswatch.cli.extract_cmd import echo_problem
from armswatch.errors import ArmswatchError


def register(app: typer.Typer) -> None:
    @app.command("train")
    def train_command(
        gold: Annotated[list[str], typer.Argument(metavar="GOLD.jsonl...", help="Gold passage or article files.")],
        output: str = typer.Option(..., "--output", "-o", help="Where to write the model (JSON)."),
        seed: int = typer.Option(13, "--seed", help="Random seed of the solver."),
        folds: int = typer.Option(5, "--folds", min=2, help="Cross-validation folds, split by text."),
        plot: str | None = typer.Option(None, "--plot", help="Also draw the precision-recall curve (PNG)."),
        table: str | None = typer.Option(None, "--table", help="Also write the whole curve as JSON."),
    ) -> None:
        """Train the confidence model on GOLD files and print its cross-validated precision and recall.

        Folds split by article or passage, never by mention. The default threshold is the highest one whose
        cross-validated F1, averaged over the files, is within 0.005 of the best (see docs/confidence.md).
        """
        from armswatch.confidence import train as training

        out = Path(output)
        if out.is_dir() or not out.parent.exists():
            echo_problem(output, "cannot write here (a directory, or its folder does not exist)")
            raise typer.Exit(2)
        try:
            model, curve = training.train(gold, folds=folds, seed=seed)
            if plot:
                training.plot(curve, plot, model.threshold)
        except ArmswatchError as exc:
            echo_problem(str(exc))
            raise typer.Exit(1) from None
        out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        if table:
            Path(table).write_text(json.dumps(curve, indent=1) + "\n", encoding="utf-8")
        typer.echo("threshold  file                P     R     F1    claimant  negatives")
        for r in curve:
            mark = "*" if r["threshold"] == model.threshold else " "
            typer.echo(f"{r['threshold']:.2f}{mark}     {r['file'][:18]:18}  {r['precision']:.2f}  {r['recall']:.2f}  "
                       f"{r['f1']:.2f}  {r['claimant']:.2f}      {r['negatives_with_predictions']}/{r['negatives']}")
        typer.echo(f"wrote {output}: {len(model.weights)} weights, default threshold {model.threshold:.2f} "
                   f"(* rows: cross-validated by text)")

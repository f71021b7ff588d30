"""Rich rendering of a Report: the per-type table `armswatch eval` shows (built here, printed by the CLI)."""

from __future__ import annotations

from rich.table import Table

from armswatch.evaluate.report import Report


def report_table(report: Report, title: str | None = None) -> Table:
    """Per-type tp/fp/fn/P/R/F1 rows and an overall row."""
    table = Table(title=title, title_justify="left")
    table.add_column("type")
    for name in ("tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(name, justify="right")

    def cells(c) -> list[str]:
        return [str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}"]

    for name, counts in report.per_type.items():
        table.add_row(name, *cells(counts))
    table.add_section()
    table.add_row("all", *cells(report.overall), style="bold")
    return table

"""``rich``: the terminal report, a table a fact-checker reads line by line.

Columns: verdict, claim id, quote, claimed vs actual, the rule and tolerance applied,
and the source; then the totals line and the coverage line. Verdicts are marked by a
word and a symbol, not colour alone.
"""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from checker.evaluation.results import Report, Result
from checker.reports.marks import SYMBOL, comparison

NAME = "rich"
#: Width when the report goes to a file or pipe, where no terminal says how wide to be.
_PIPED_WIDTH = 160

_COLOUR = {"supported": "green", "imprecise": "yellow", "refuted": "red", "unverifiable": "blue", "error": "magenta"}


def render(report: Report, stream: TextIO) -> None:
    console = Console(file=stream, soft_wrap=False, width=None if stream.isatty() else _PIPED_WIDTH)
    table = Table(show_lines=True, expand=True)
    for column, ratio in (("verdict", 2), ("claim", 3), ("quote", 5), ("claimed → actual", 4),
                          ("rule", 4), ("source", 4)):
        table.add_column(column, ratio=ratio, overflow="fold")
    for result in report.results:
        table.add_row(*_row(result))
    console.print(table)
    console.print(report.totals_line())
    console.print(report.coverage.line())


def _row(result: Result) -> list[str]:
    verdict = f"[{_COLOUR[result.verdict]}]{SYMBOL[result.verdict]} {result.verdict}[/]"
    if result.by_rounding:
        verdict += "\n(by rounding)"
    if result.expected is not None and result.expected != result.verdict:
        verdict += f"\n[bold red]expected {result.expected}[/]"
    where = f"{result.id}\n[dim]{result.file}:{result.line}[/]"
    claimed_actual = comparison(result).replace(" → ", "\n→ ")
    return [verdict, where, _escape(result.quote or ""), _escape(claimed_actual), _escape(result.rule or result.explanation),
            _escape("\n".join(result.sources))]


def _escape(text: str) -> str:
    return text.replace("[", r"\[")

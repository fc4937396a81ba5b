"""``rich``: the terminal report, a table a fact-checker reads line by line.

Columns: verdict, claim id, quote, claimed vs actual (marked ⚠ when a failing verdict
rests on figures published after the article or at an unknown date, the whole sentence
on a line of its own below the table), the rule and tolerance applied, and the source (on a terminal narrower than :data:`WIDE`, rule and source share one
column); then the totals line and the coverage line. Verdicts are marked by a word and
a symbol, not colour alone, and a verdict word is never broken: its column is as wide
as the longest one, and the quote is what wraps, so the table fits 80 columns.

Everything from input reaches the terminal as plain text (``rich.text.Text``, never
console markup, so ``[link=…]`` or ``\\[/]`` in a quote is just text), with control
characters shown escaped (``checker.errors.printable``), so no ESC sequence gets through.
"""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.errors import printable
from checker.evaluation.results import VERDICTS, Report, Result
from checker.evaluation.timing import mark
from checker.messages import say, verdict_name
from checker.reports.marks import LATE, SYMBOL, comparison

#: Width when the report goes to a file or pipe, where no terminal says how wide to be.
_PIPED_WIDTH = 160
#: From this width on, rule and source get a column each.
WIDE = 120

_COLOUR = {"supported": "green", "imprecise": "yellow", "refuted": "red", "unverifiable": "blue", "error": "magenta"}
_VERDICT_WIDTH = max(len(f"{SYMBOL[verdict]} {verdict}") for verdict in VERDICTS)


def render(report: Report, stream: TextIO) -> None:
    console = Console(file=stream, soft_wrap=False, width=None if stream.isatty() else _PIPED_WIDTH,
                      markup=False, emoji=False, highlight=False)
    wide = console.width >= WIDE
    table = Table(show_lines=True, expand=True)
    language = report.language
    table.add_column(say(language, "col.verdict"), no_wrap=True, min_width=_VERDICT_WIDTH)
    table.add_column(say(language, "col.claim"), ratio=3, overflow="fold")
    table.add_column(say(language, "col.quote"), ratio=5, overflow="fold")
    table.add_column(say(language, "col.claimed_actual"), ratio=4, overflow="fold")
    for column in ("col.rule", "col.source") if wide else ("col.rule_source",):
        table.add_column(say(language, column), ratio=4, overflow="fold")
    for result in report.results:
        table.add_row(*_row(result, wide))
    console.print(table)
    for result in report.results:
        if result.timing_warning:
            console.print(Text(printable(f"{LATE} {result.id}: {result.timing_warning}"), style="yellow"))
    console.print(Text(printable(report.totals_line())))
    console.print(Text(printable(report.coverage.line(report.language))))


def _row(result: Result, wide: bool) -> list[Text]:
    language = result.language
    verdict = Text(f"{SYMBOL[result.verdict]} {verdict_name(result.verdict, language)}", style=_COLOUR[result.verdict])
    if result.by_rounding:
        verdict.append("\n" + say(language, "by_rounding").strip())
    if result.expected is not None and result.expected != result.verdict:
        verdict.append("\n" + say(language, "expected_line", verdict=verdict_name(result.expected, language)),
                       style="bold red")
    where = _text(result.id)
    where.append("\n" + printable(f"{result.file}:{result.line}"), style="dim")
    claimed_actual = Text("\n→ ".join(printable(part) for part in comparison(result).split(" → ", 1)))
    if result.timing_warning:
        claimed_actual.append("\n" + printable(f"{LATE} {mark(result.timing, language)}"), style="bold yellow")
    rule, sources = _text(result.rule or result.explanation), _text(*result.sources)
    evidence = [rule, sources] if wide else [_text(result.rule or result.explanation, *result.sources)]
    return [verdict, where, _text(" ".join((result.quote or "").split())), claimed_actual, *evidence]


def _text(*lines: str) -> Text:
    """Input shown as plain text, one line per piece, control characters escaped."""
    return Text("\n".join(printable(line) for line in lines))

"""``markdown``: a summary fit for a pull-request comment or a GitHub step summary.

Counts by verdict, the coverage line, then a table of the claims that need a look
(anything not plainly supported, and every ruling that no longer matches) with the
supported ones folded away below. Text from claim files is escaped for Markdown and
for the HTML that GitHub's Markdown allows, so a quote cannot break the table or
inject markup.
"""
from __future__ import annotations

import html
from typing import TextIO

from checker.errors import printable
from checker.evaluation.results import VERDICTS, Report, Result
from checker.messages import say, verdict_name
from checker.reports.links import is_web, markdown_destination
from checker.reports.marks import LATE, SYMBOL, comparison, label



def render(report: Report, stream: TextIO) -> None:
    language = report.language
    stream.write(say(language, "md.title", count=len(report.results)) + "\n\n")
    stream.write(f"| {say(language, 'col.verdict')} | {say(language, 'col.claims')} |\n|---|---:|\n")
    for verdict, count in report.summary().items():
        stream.write(f"| {SYMBOL[verdict]} {verdict_name(verdict, language)} | {count} |\n")
    stream.write(f"\n{report.totals_line()}  \n{report.coverage.line(report.language)}\n")
    if report.errors:
        stream.write(f"\n{say(language, 'md.input_errors')}\n\n")
        for error in report.errors:
            stream.write(f"- {cell(str(error.location))}: {cell(error.message)}\n")
    attention = [result for result in report.results if _needs_a_look(result)]
    settled = [result for result in report.results if not _needs_a_look(result)]
    if attention:
        stream.write(f"\n{say(language, 'md.to_look_at')}\n\n")
        _table(attention, stream, language)
    if settled:
        stream.write(f"\n<details><summary>{say(language, 'md.supported_folded', count=len(settled))}</summary>\n\n")
        _table(settled, stream, language)
        stream.write("\n</details>\n")


def _needs_a_look(result: Result) -> bool:
    mismatch = result.expected is not None and result.expected != result.verdict
    return mismatch or result.verdict != "supported" or result.by_rounding


def _table(results: list[Result], stream: TextIO, language: str) -> None:
    columns = (say(language, f"col.{name}") for name in ("verdict", "claim", "where", "claimed_actual", "explanation"))
    stream.write(f"| {' | '.join(columns)} |\n|---|---|---|---|---|\n")
    for result in sorted(results, key=lambda r: VERDICTS.index(r.verdict)):
        cells = (label(result), result.id, f"{result.file}:{result.line}", comparison(result),
                 result.explanation)
        late = f"<br>{LATE} {cell(result.timing_warning)}" if result.timing_warning else ""
        stream.write("| " + " | ".join(cell(text) for text in cells) + f"{late}{_tables(result)} |\n")


def _tables(result: Result) -> str:
    """The provider pages of the result's tables, each a link named by its series (http/https only)."""
    return "".join(f"<br>[{cell(name)}]({markdown_destination(url)})" for name, url in result.links if is_web(url))


def cell(text: str) -> str:
    r"""``text`` safe inside a Markdown table cell: one line, control characters shown, markup escaped.

    Every character CommonMark or GitHub gives a meaning inline (emphasis, code spans,
    links and images, math, mentions, strikethrough, the table's pipe) is backslash
    escaped, and ``<``/``&``/``>`` become entities, so an unknown key written as
    ``![pixel](https://…)`` shows as those characters and loads nothing.

    >>> cell("a | <b>\nc")
    'a \\| &lt;b&gt; c'
    >>> cell("![x](https://e.com) *b* `c` $d$ @e")
    '\\!\\[x\\]\\(https://e.com\\) \\*b\\* \\`c\\` \\$d\\$ \\@e'
    """
    escaped = printable(" ".join(text.split())).translate(_MARKUP)
    return html.escape(escaped, quote=False)


_MARKUP = {ord(char): "\\" + char for char in "\\`*_[]()!|~$@#{}^"}
"""Characters with an inline meaning in CommonMark or GitHub Markdown, escaped with a backslash."""

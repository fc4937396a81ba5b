"""``parsable``: one line per claim, ``path:line:col: verdict claim-id: message``.

The form compilers and linters use, so editors and CI log parsers jump to the claim.
Ends with the totals line and the coverage line. Control characters from input (a
line break in a path, ESC in an id) are shown escaped, so a line is always one line.
"""
from __future__ import annotations

from typing import TextIO

from checker.errors import printable
from checker.evaluation.results import Report, Result



def render(report: Report, stream: TextIO) -> None:
    for result in report.results:
        stream.write(line(result) + "\n")
    stream.write(report.totals_line() + "\n")
    stream.write(report.coverage.line(report.language) + "\n")


def line(result: Result) -> str:
    """One result as a single line; a recorded ruling that differs is named in it."""
    ruling = ""
    if result.expected is not None and result.expected != result.verdict:
        ruling = f" (expected {result.expected})"
    rounding = " (by rounding)" if result.by_rounding else ""
    message = " ".join(result.explanation.split())
    if result.timing_warning:
        message += f" [{result.timing_warning}]"
    return printable(f"{result.file}:{result.line}:{result.column}: {result.verdict}{rounding}{ruling} {result.id}: "
                     f"{message}")

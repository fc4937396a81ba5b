"""``github``: workflow-command annotations on the claim lines, and a step summary.

``::error file=…,line=…,col=…,title=…::message`` for refuted claims, invalid claims and
input errors, ``::warning`` for imprecise ones, ``::notice`` for unverifiable ones; a
ruling (``expect:``) that no longer matches is an error whatever the verdict. GitHub
shows only a few annotations per step, so when ``GITHUB_STEP_SUMMARY`` names a file the
Markdown report is appended to it as well. Values are escaped per GitHub's rules for
workflow commands (``%``, CR, LF everywhere; ``:`` and ``,`` too inside properties),
other control characters are shown escaped, and ``##[`` is neutralised (see
``checker.reports.workflow``): an annotation cannot carry a second command.
"""
from __future__ import annotations

import os
from typing import TextIO

from checker.errors import printable
from checker.evaluation.results import Report, Result
from checker.messages import say, verdict_name
from checker.reports import markdown
from checker.reports.workflow import commands, neutral

_LEVEL = {"refuted": "error", "error": "error", "imprecise": "warning", "unverifiable": "notice"}


def render(report: Report, stream: TextIO) -> None:
    annotations = commands(stream)
    for error in report.errors:
        where = error.location
        annotations.write(command("error", error.message, file=where.path, line=where.line, col=where.column,
                                  title=say(report.language, "annotation.invalid_input")) + "\n")
    for result in report.results:
        annotation = _annotation(result)
        if annotation is not None:
            annotations.write(annotation + "\n")
    stream.write(report.totals_line() + "\n")
    stream.write(report.coverage.line(report.language) + "\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            markdown.render(report, handle)


def _annotation(result: Result) -> str | None:
    mismatch = result.expected is not None and result.expected != result.verdict
    level = "error" if mismatch else _LEVEL.get(result.verdict)
    if level is None:
        return None
    language = result.language
    title = say(language, "annotation.title", verdict=verdict_name(result.verdict, language), id=result.id)
    if mismatch:
        title += say(language, "expected", verdict=verdict_name(result.expected, language))
    late = "\n" + say(language, "note", text=result.timing_warning) if result.timing_warning else ""
    message = result.explanation + late
    return command(level, message, file=result.file, line=result.line, col=result.column, title=title)


def command(level: str, message: str, **properties: object) -> str:
    """One workflow command, e.g. ``::warning file=a.yaml,line=3,col=5,title=t::message``.

    >>> command("error", "50% off\\nnow", file="a,b.yaml", line=3, title="x: y")
    '::error file=a%2Cb.yaml,line=3,title=x%3A y::50%25 off%0Anow'
    """
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """GitHub's escapes for a command's message; other control characters shown escaped, ``##[`` broken."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return neutral(printable(escaped))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")

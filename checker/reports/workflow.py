"""Every line claimcheck prints in a GitHub Actions log, made unable to act as a workflow command.

The runner reads its log line by line and obeys ``::command …::`` at the start of a
line (after leading spaces) and ``##[command]`` anywhere in it. A claim file, article
or reference file names paths, keys, quotes and cells that end up in reports and
error lines; one holding ``::stop-commands::x`` or ``##[error]…`` would forge or
silence annotations. So, in Actions, standard output and standard error pass through
:class:`Guard`, which neutralises both forms in every line; the ``github`` report's
own annotations, built by :func:`checker.reports.github.command` with every value
escaped, are the only lines written past it (:func:`commands`).

Neutralising inserts a zero-width space (U+200B): the reader sees the text as written,
the runner no longer matches it.
"""
from __future__ import annotations

import io
import os
import stat
from collections.abc import Mapping
from typing import TextIO

from checker.lazy_regex import compile_lazily

_BREAK = "\u200b"
_COMMAND_START = compile_lazily(r"^(\s*):(?=:)")
"""``::`` at a line's start, after the spaces the runner trims."""


def neutral(line: str) -> str:
    """One line that the runner cannot read as a command.

    >>> neutral("::error file=x::forged"), neutral("a ##[warning]b")
    (':\\u200b:error file=x::forged', 'a #\\u200b#[warning]b')
    """
    return _COMMAND_START.sub(r"\1:" + _BREAK, line).replace("##[", "#" + _BREAK + "#[")


class Guard(io.TextIOBase):
    """A text stream that neutralises every complete line before passing it on."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            self.stream.write(neutral(_no_carriage_return(line)) + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self.stream.write(neutral(_no_carriage_return(self._pending)))
            self._pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")

    def writable(self) -> bool:
        return True


def _no_carriage_return(line: str) -> str:
    """A bare CR also ends a line for the runner: shown escaped, as the workflow rules do (``%0D``)."""
    return line.replace("\r", "%0D")


def guarded(stream: TextIO, environ: Mapping[str, str] = os.environ) -> TextIO:
    """``stream`` wrapped in a :class:`Guard` when the runner reads it: in Actions, and not a file."""
    if not environ.get("GITHUB_ACTIONS") or isinstance(stream, Guard) or _is_regular_file(stream):
        return stream
    return Guard(stream)


def commands(stream: TextIO) -> TextIO:
    """Where the ``github`` report writes its own, already escaped, workflow commands."""
    if isinstance(stream, Guard):
        stream.flush()
        return stream.stream
    return stream


def _is_regular_file(stream: TextIO) -> bool:
    """A redirect to a file (``> report.txt``) never reaches the log."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation, AttributeError):
        return False

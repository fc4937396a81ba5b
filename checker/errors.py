"""Positions and input errors shared by every layer.

Every problem a user can fix is reported as one line, ``path:line:col: message``,
so editors and CI systems can jump to it. Lines and columns are 1-based.
"""
from __future__ import annotations

from dataclasses import dataclass


_LINE_BREAKS = {ord(char): repr(char)[1:-1] for char in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
"""Characters that would end the line, shown escaped: a message may echo what the user
wrote (a path with a line break in it) and must stay one line."""


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: a file and a 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class InputError(Exception):
    """A problem with something the user wrote; never a bug in claimcheck."""

    def __init__(self, location: Location, message: str) -> None:
        message = message.translate(_LINE_BREAKS)
        super().__init__(message)
        self.location = location
        self.message = message

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def to_dict(self) -> dict:
        return {
            "file": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message,
        }

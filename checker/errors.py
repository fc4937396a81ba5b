"""Positions and input errors shared by every layer.

Every problem a user can fix is reported as one line, ``path:line:col: message``,
so editors and CI systems can jump to it. Lines and columns are 1-based.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.messages import ENGLISH, say
from checker.quick_init import quick_init

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSHOWABLE = {
    code: repr(chr(code))[1:-1]
    for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFFFE, 0xFFFF, *map(ord, _BIDI))
}
"""Characters that must never reach a terminal, log or one-line message as themselves:
C0 and C1 controls (line breaks, ESC starting a terminal sequence, NUL), DEL, the
Unicode line and paragraph separators, the bidirectional overrides that reorder
what a reader sees, and the noncharacters U+FFFE/U+FFFF (no XML may hold them).
Each is shown as its Python escape (``\\x1b``, ``\\n``, ``\\u202e``)."""


def printable(text: str) -> str:
    r"""``text`` with every unshowable character written as its escape, so it stays one visible line.

    A message, a quote or a path from input may carry what a terminal or a CI log would
    act on (ESC sequences, a line break starting a workflow command); shown escaped,
    the reader sees what was written and nothing acts on it.

    >>> printable("a\nb\x1b[31mc\u202ed")
    'a\\nb\\x1b[31mc\\u202ed'
    """
    if text.isprintable():
        return text
    return text.translate(_UNSHOWABLE)


#: The most characters of a message one line shows: a message quotes what the user wrote, and a
#: 200,000-character value made a 200,000-character line in a CI log.
MESSAGE_LIMIT = 1000


def one_line(message: str) -> str:
    """``message`` as :func:`printable` shows it, cut after ``MESSAGE_LIMIT`` characters with a count of the rest.

    >>> one_line("x" * 1003)[-30:]
    'xxxxxxxxx… (3 more characters)'
    """
    shown = printable(message)
    if len(shown) <= MESSAGE_LIMIT:
        return shown
    return f"{shown[:MESSAGE_LIMIT]}… ({len(shown) - MESSAGE_LIMIT:,} more characters)"


_LINES_KEPT = {code: shown for code, shown in _UNSHOWABLE.items() if code not in (0x09, 0x0A, 0x0D)}


def printable_lines(text: str) -> str:
    r"""``text`` as :func:`printable` shows it, its tabs and line breaks (``\n``, ``\r``) kept.

    For a page that shows an article's or a message's lines as lines (HTML): what would
    act on a terminal or reorder what a reader sees is escaped all the same.

    >>> printable_lines("a\r\nb\x1bc\u202ed")
    'a\r\nb\\x1bc\\u202ed'
    """
    if text.isprintable():
        return text
    return text.translate(_LINES_KEPT)


@quick_init  # one a row of a reference file, one a YAML node: see checker.quick_init
@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: a file and a 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.column}"


class InputError(Exception):
    """A problem with something the user wrote; never a bug in claimcheck.

    Most are diagnostics about the YAML, in English like a compiler's. The few a claim's
    report row shows a journalist (a quote not in the article, a value the quote does not
    state) are made by :meth:`said` from the message catalogue, so :meth:`text` gives them
    in the report's language; ``str()`` and ``message`` stay English for stderr.
    """

    def __init__(self, location: Location, message: str, words: tuple[str, dict[str, str]] | None = None) -> None:
        message = one_line(message)
        super().__init__(message)
        self.location = location
        self.message = message
        self.words = words

    @classmethod
    def said(cls, location: Location, key: str, **fields: str) -> InputError:
        """The catalogue's ``key`` as an error at ``location``, English until a report asks for its language."""
        return cls(location, say(ENGLISH, key, **fields), (key, fields))

    def text(self, language: str) -> str:
        """The message as a report in ``language`` shows it (English when it is not a catalogue message)."""
        if self.words is None:
            return self.message
        key, fields = self.words
        return one_line(say(language, key, **fields))

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def __reduce__(self) -> tuple:
        """Pickled with every argument, so errors found in a worker process reach the report in their words."""
        return type(self), (self.location, self.message, self.words)

    def to_dict(self) -> dict:
        return {
            "file": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message,
        }

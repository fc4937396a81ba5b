"""Reading one reference file's text safely, and what loading one file yields.

Reference files come from spreadsheets and downloads: BOMs, CRLF line ends and the
odd UTF-16 export are normal. Text is accepted as UTF-8 (BOM or not, any line ends);
anything else is refused with a message that says how to fix it, never a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker import textfiles
from checker.errors import InputError, Location
from checker.reference.model import Event, Observation, SeriesStart

#: Files larger than this are refused by default (``check --max-bytes`` sets the limit
#: of a run): reference data this big belongs in a database.
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class FileData:
    """Everything one file gave: good rows, events, aliases, and the problems found.

    ``starts``: by metric, the day a series began, when the file or its entry says so.
    """

    path: str
    observations: list[Observation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    starts: dict[str, SeriesStart] = field(default_factory=dict)


def read_text(path: Path, shown: str, max_bytes: int = MAX_BYTES) -> str:
    """The file's text with ``\\n`` line ends, or an InputError saying why it cannot be read."""
    text = textfiles.read_text(path, Location(shown, 1, 1), max_bytes, what="reference file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(Location(shown, 1, 1), "reference file is empty")
    return text

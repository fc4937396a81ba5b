"""Reading one reference file's text safely, and what loading one file yields.

Reference files come from spreadsheets and downloads: BOMs, CRLF line ends and the
odd UTF-16 export are normal. Text is accepted as UTF-8 (BOM or not, any line ends);
anything else is refused with a message that says how to fix it, never a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import InputError, Location
from checker.reference.model import Event, Observation

#: Files larger than this are refused: reference data this big belongs in a database.
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class FileData:
    """Everything one file gave: good rows, events, aliases, and the problems found."""

    path: str
    observations: list[Observation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)


def read_text(path: Path, shown: str) -> str:
    """The file's text with ``\\n`` line ends, or an InputError at the first bad byte."""
    here = Location(shown, 1, 1)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(here, f"file is too large ({size} bytes; the limit is {MAX_BYTES})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(here, "reference file not found") from None
    except IsADirectoryError:
        raise InputError(here, "reference path is a directory, not a file") from None
    except OSError as error:
        raise InputError(here, f"cannot read reference file: {error.strerror or error}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(here, "file is UTF-16; save it as UTF-8")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(Location(shown, line, 1), "file contains NUL bytes (binary or UTF-16?); save it as UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise InputError(Location(shown, line, column), f"byte 0x{byte:02x} is not UTF-8; save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(here, "reference file is empty")
    return text

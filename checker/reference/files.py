"""Reading one reference file's text safely, and what loading one file yields.

Reference files come from spreadsheets and downloads: BOMs, CRLF line ends and the
odd UTF-16 export are normal. Text is accepted as UTF-8 (BOM or not, any line ends);
anything else is refused with a message that says how to fix it, never a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker import textfiles
from checker.errors import InputError, Location
from checker.reference.model import Event, Observation, SeriesStart

if TYPE_CHECKING:
    from checker.reference.groups import Group

#: Reference files larger than this are refused by default (``check --max-reference-bytes``
#: sets the limit of a run): sized to whole provider downloads (a large company's EDGAR
#: companyfacts, a full FRED or KOSIS table), not to the 10 MB of articles and claim files.
MAX_BYTES = 1_000_000_000
#: The option of ``claimcheck check`` that sets :data:`MAX_BYTES`, named in the refusal.
FLAG = "--max-reference-bytes"


@dataclass
class FileData:
    """Everything one file gave: good rows, events, aliases, and the problems found.

    ``starts``: by metric, the day a series began, when the file or its entry says so;
    ``groups``: by name, the groups of entities a YAML/JSON file defines.
    """

    path: str
    observations: list[Observation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    starts: dict[str, SeriesStart] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)


def read_text(path: Path, shown: str, max_bytes: int = MAX_BYTES) -> str:
    """The file's text with ``\\n`` line ends, or an InputError saying why it cannot be read."""
    text = textfiles.read_text(path, Location(shown, 1, 1), max_bytes, what="reference file", flag=FLAG)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(Location(shown, 1, 1), "reference file is empty")
    return text

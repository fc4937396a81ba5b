"""``scan --manifest FILE``: each article's publication date and language, from a CSV.

An archive's own records (a CMS export) know when each article appeared better than
its text does. The CSV has a header with the columns ``file,published,language``
(``file`` relative to the manifest's folder, or absolute; ``published`` YYYY-MM-DD;
``language`` ko, en or empty for detection). A bad row is one ``manifest:line:col:``
error and that row is left out (so is a second row for an article, by any path to it);
every article is still scanned.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from checker.errors import InputError, Location
from checker.textfiles import read_text

COLUMNS = ("file", "published", "language")
LANGUAGES = ("ko", "en")


@dataclass(frozen=True)
class Entry:
    """What the manifest says of one article (None where its cell is empty), and where it says so."""

    published: date | None
    language: str | None
    where: Location | None = None
    file: str = ""


def read_manifest(path: Path) -> tuple[dict[Path, Entry], list[InputError]]:
    """The entries by resolved article path, and an error for each row that cannot be read.

    A manifest that cannot be read at all (missing, not UTF-8, no ``file`` column) is one
    error and no entries.
    """
    try:
        text = read_text(path, Location(str(path), 1, 1), what="manifest")
    except InputError as problem:
        return {}, [problem]
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(rows, [])]
    except csv.Error as problem:
        return {}, [InputError(Location(str(path), 1, 1), f"the manifest's header cannot be read ({problem})")]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        return {}, [InputError(Location(str(path), 1, 1),
                               f"the manifest's header needs the columns {','.join(COLUMNS)} (missing: "
                               f"{', '.join(missing)})")]
    entries: dict[Path, Entry] = {}
    errors: list[InputError] = []
    for line, row in _records(rows, path):
        if isinstance(row, InputError):
            errors.append(row)
            continue
        if not any(cell.strip() for cell in row):
            continue
        try:
            name, entry = _entry(row, header, Location(str(path), line, 1))
        except InputError as problem:
            errors.append(problem)
            continue
        article = (path.parent / name).resolve()
        if article in entries:  # two dates for one article: which is right is the user's to say, never last-wins
            first = entries[article].where
            errors.append(InputError(Location(str(path), line, 1), f"{name} is in the manifest already (line "
                                                                   f"{first.line if first else '?'}); this row is left out"))
            continue
        entries[article] = entry
    return entries, errors


def _records(rows: Iterator[list[str]], path: Path) -> Iterator[tuple[int, list[str] | InputError]]:
    """Each row after the header with its line; one the csv module refuses (a cell over its field limit,
    131,072 characters) as the error saying it is left out, and reading goes on at the next line."""
    line = 1
    while True:
        line += 1
        try:
            yield line, next(rows)
        except StopIteration:
            return
        except csv.Error as problem:
            yield line, InputError(Location(str(path), line, 1), f"this row cannot be read ({problem}); it is left out")


def _entry(row: list[str], header: list[str], where: Location) -> tuple[str, Entry]:
    """One row read, or an InputError at the cell that is wrong (its column as written, unquoted)."""
    cells = dict(zip(header, row))

    def at(column: str) -> Location:
        return Location(where.path, where.line, sum(len(cell) + 1 for cell in row[:header.index(column)]) + 1)
    name = cells.get("file", "").strip()
    if not name:
        raise InputError(at("file"), "the file cell is empty")
    published = cells.get("published", "").strip()
    try:
        day = date.fromisoformat(published) if published else None
    except ValueError:
        raise InputError(at("published"), f"published {published!r} is not a date (YYYY-MM-DD)") from None
    language = cells.get("language", "").strip().lower() or None
    if language is not None and language not in LANGUAGES:
        raise InputError(at("language"), f"language {language!r} is not one of {', '.join(LANGUAGES)} (or empty)")
    return name, Entry(day, language, where, name)

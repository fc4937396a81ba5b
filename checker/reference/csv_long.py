"""Long CSV: one observation per line, ``entity,metric,period,value,unit,source``.

The shape for mixed facts (quarterly results, yearly counts) where each row names its
own metric and period. Optional ``vintage`` column; any other column is kept as a note
on the row. ``# source: …`` (and ``# entity:``, ``# unit:``, ``# vintage:``) lines
before the header give defaults for rows that leave the cell empty.
"""
from __future__ import annotations

from checker.errors import InputError
from checker.suggest import did_you_mean
from checker.reference.cells import Cell, RowDefaults, build_observation
from checker.reference.csv_text import CsvText, fit_to_header
from checker.reference.files import FileData

NAME = "long CSV"
COLUMNS = ("entity", "metric", "period", "value", "unit", "source", "vintage")
REQUIRED = ("metric", "period", "value")
DEFAULT_KEYS = ("entity", "unit", "source", "vintage")


def matches(header: list[str]) -> bool:
    """A long CSV names at least its metric, period and value columns."""
    names = {name.lower() for name in header}
    return all(column in names for column in REQUIRED)


def defaults_from(parts: CsvText) -> tuple[RowDefaults, dict[str, str]]:
    """Header-comment defaults, and the other ``# key: value`` lines as notes."""
    comments = {key: cell.text for key, cell in parts.comments.items()}
    defaults = RowDefaults(**{key: comments.pop(key, "") for key in DEFAULT_KEYS})
    return defaults, comments


def load(parts: CsvText, shown: str) -> FileData:
    data = FileData(shown)
    names = [cell.text.lower() for cell in parts.header]
    for index, cell in enumerate(parts.header):
        if names.index(cell.text.lower()) != index:
            data.errors.append(InputError(cell.location, f"column {cell.text!r} appears twice"))
            return data
        if cell.text.lower() not in COLUMNS and not cell.text.lower().startswith("note"):
            hint = did_you_mean(cell.text.lower(), COLUMNS, cutoff=70)
            if hint and len(cell.text) > 2:
                data.errors.append(InputError(cell.location, f"unknown column {cell.text!r}{hint}"))
                return data
    defaults, file_notes = defaults_from(parts)
    for row, cells in parts.rows:
        try:
            fitted = fit_to_header(cells, parts.header, row)
            named: dict[str, Cell] = {}
            notes = dict(file_notes)
            for name, cell in zip(names, fitted):
                if name in COLUMNS:
                    named[name] = cell
                elif cell.text.strip():
                    notes[parts.header[names.index(name)].text] = cell.text.strip()
            data.observations.append(build_observation(named, row, defaults, notes))
        except InputError as error:
            data.errors.append(error)
    return data

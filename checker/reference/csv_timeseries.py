"""Time-series CSV: ``# entity:``/``# unit:``/``# source:`` lines, then ``date,<metric>,…``.

The shape of a price or rate download: one row per day, one column per metric of one
entity (``date,open,high,low,close``). ``# unit.<metric>: X`` sets one column's unit,
``# vintage: YYYY-MM-DD`` dates the whole download, other ``# key: value`` lines and
free comments are kept as notes. An empty cell or FRED's ``.`` means no value that day.
The ``date`` column takes any period form, so a quarterly series may write ``2018-Q1``.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import PurePath

from checker.errors import InputError, Location
from checker.reference.cells import Cell, RowDefaults, build_observation, parse_value, read_period
from checker.reference.csv_text import CsvText, fit_to_header
from checker.reference.files import FileData
from checker.reference.model import Observation

NAME = "time-series CSV"
DEFAULT_KEYS = ("entity", "unit", "source", "vintage")
#: Cells that mean "no observation that day" rather than a bad number.
MISSING = ("", ".")


def matches(header: list[str]) -> bool:
    return bool(header) and header[0].lower() == "date"


def load(parts: CsvText, shown: str) -> FileData:
    data = FileData(shown)
    comments = dict(parts.comments)
    defaults = RowDefaults(**{key: comments.pop(key).text if key in comments else "" for key in DEFAULT_KEYS})
    defaults.units = {key[5:]: comments.pop(key).text for key in list(comments) if key.startswith("unit.")}
    notes = {key: cell.text for key, cell in comments.items()}
    if parts.free_comments:
        notes["comment"] = " / ".join(parts.free_comments)
    first = parts.header[0].location
    name = PurePath(shown).name
    for key, example in (("entity", "NAME"), ("source", "URL")):
        if not getattr(defaults, key):
            data.errors.append(MissingKey(first, key, name, example))
    metrics = parts.header[1:]
    if not metrics:
        data.errors.append(InputError(first, "time-series CSV header names no metric after 'date'"))
    seen: set[str] = set()
    usable: list[int] = []
    for index, cell in enumerate(metrics, start=1):
        if not cell.text or cell.text.lower() in seen:
            data.errors.append(InputError(cell.location, f"column {cell.text!r} is empty or appears twice"))
            continue
        seen.add(cell.text.lower())
        if not defaults.unit and cell.text not in defaults.units:
            data.errors.append(InputError(cell.location, f"no unit for column {cell.text!r}: "
                                          f"{_where_to_give(name, 'unit', 'UNIT', f'# unit.{cell.text}: UNIT')}"))
            continue
        usable.append(index)
    if data.errors and (not defaults.entity or not defaults.source):
        return data
    templates: dict[int, Observation] = {}
    for row, cells in parts.rows:
        try:
            fitted = fit_to_header(cells, parts.header, row)
        except InputError as error:
            data.errors.append(error)
            continue
        _read_row(data, fitted, usable, parts.header, defaults, notes, templates)
    return data


class MissingKey(InputError):
    """A time-series CSV naming no entity or source. Its own type, so a command that gives them otherwise
    (``extract --entity FILE=NAME``) can name its own way instead of the claim file's entry."""

    what = NAME

    def __init__(self, location: Location, key: str, file: str, example: str) -> None:
        super().__init__(location, f"{NAME} names no {key}: {_where_to_give(file, key, example)}")
        self.key, self.file, self.example = key, file, example

    def __reduce__(self) -> tuple:
        return type(self), (self.location, self.key, self.file, self.example)


def _where_to_give(name: str, key: str, example: str, line: str = "") -> str:
    """Both ways to give what the file lacks: a download is best left as published, so the claim
    file's reference entry comes first (as for a FRED file's unit), a comment line second."""
    lines = f"a '# {key}: {example}'" + (f" or '{line}'" if line else "")
    return f"give it in the reference entry, '- {{file: {name}, {key}: {example}}}', or add {lines} line before the header"


def _read_row(data: FileData, fitted: list[Cell], usable: list[int], header: list[Cell], defaults: RowDefaults,
              notes: dict[str, str], templates: dict[int, Observation]) -> None:
    """One date's observations. A column's metric, unit, source and vintage are checked on its
    first value (the template); later values only need their number and the row's date."""
    period = None
    for index in usable:
        cell = fitted[index]
        if cell.text.strip() in MISSING:
            continue
        template = templates.get(index)
        try:
            if template is None:
                named = {"period": fitted[0], "value": cell, "metric": Cell(header[index].text, cell.location)}
                templates[index] = build_observation(named, cell.location, defaults, notes)
                data.observations.append(templates[index])
                continue
            period = period or read_period(fitted[0])
            value = _number(cell)
        except InputError as error:
            data.errors.append(error)
            if error.location == fitted[0].location:
                return  # a bad date spoils the whole row: report it once
            continue
        data.observations.append(Observation(template.metric, period, value, template.precision, template.unit,
                                             template.source, template.vintage, cell.location, notes,
                                             template.retrieved))


def _number(cell: Cell) -> Decimal:
    try:
        return parse_value(cell.text)
    except ValueError as error:
        raise InputError(cell.location, str(error)) from None

"""Long CSV: one observation per line, ``entity,metric,period,value,unit,source``.

The shape for mixed facts (quarterly results, yearly counts) where each row names its
own metric and period. Optional ``vintage`` column; any other column is kept as a note
on the row. ``# source: …`` (and ``# entity:``, ``# unit:``, ``# vintage:``) lines
before the header give defaults for rows that leave the cell empty.
"""
from __future__ import annotations

from itertools import chain
from typing import Iterable, Iterator

from checker.errors import InputError, Location
from checker.suggest import did_you_mean
from checker.reference.cells import Cell, PlainRows, RowDefaults, build_observation, observation_from_texts
from checker.reference.column_rows import ColumnRows
from checker.reference.csv_text import CsvRow, CsvText, fit_to_header
from checker.reference.files import FileData
from checker.reference.model import Observation

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
    plain = all(name in COLUMNS for name in names)  # no note columns: a row is its texts by name
    quick = PlainRows(names, defaults, file_notes, Location(shown)) if plain else None
    rows: Iterator[CsvRow] = iter(parts.rows)
    if quick is not None and quick.usable:  # a file whose defaults fail has each row read for its message
        columns, stopped = _columns(rows, quick, shown)
        if stopped is None:
            if len(columns):  # a Sequence of the rows, read as a list is; a file of no rows keeps its empty list
                data.observations = columns  # type: ignore[assignment]
            return data
        data.observations = list(columns)
        rows = chain((stopped,), rows)
    _read_rows(data, rows, names, parts.header, defaults, file_notes, quick)
    return data


def _columns(rows: Iterator[CsvRow], quick: PlainRows, shown: str) -> tuple[ColumnRows, CsvRow | None]:
    """The rows as columns, up to the first that is not plainly right (returned, to be read the general way
    with the rest); a row's own Location is made only if it is asked for."""
    columns = ColumnRows(shown, quick.notes, quick.retrieved)
    placed = Location(shown)  # places only a bad vintage, whose row is read the general way: see PlainRows.fields
    fields, add = quick.fields, columns.add
    for row in rows:
        line = row.line
        read = fields(line.split(","), placed) if '"' not in line else None
        if read is None:
            return columns, row
        add(read, row.number)
    return columns, None


def _read_rows(data: FileData, rows: Iterable[CsvRow], names: list[str], header: list[Cell],
               defaults: RowDefaults, file_notes: dict[str, str], quick: PlainRows | None) -> None:
    """Each row's observation, or its error, the general way, after the rows ``data`` already holds."""
    shown, kept = data.path, data.observations
    for row in rows:
        line = row.line  # the common row, read here: its calls through _observation were a tenth of its reading
        read = quick.observation(line.split(","), Location(shown, row.number, 1)) \
            if quick is not None and '"' not in line else None
        if read is not None:
            kept.append(read)
            continue
        try:
            kept.append(_observation(row, names, header, defaults, file_notes, quick))
        except InputError as error:
            data.errors.append(error)


def _observation(row: CsvRow, names: list[str], header: list[Cell], defaults: RowDefaults,
                 file_notes: dict[str, str], quick: PlainRows | None) -> Observation:
    """The row's observation, read first from its bare texts (every cell placed at the row).

    Only a row that fails is read again from its positioned cells, so its message
    points at the bad cell while a clean row never works out a column. In a file of the
    long shape's columns alone (``quick``), a row with as many fields as the header is
    read from its texts by position, what its series repeats read once (``PlainRows``).
    """
    where = row.location
    try:
        texts = row.texts
        read = quick.observation(texts, where) if quick is not None else None
        if read is not None:
            return read
        if quick is not None and len(texts) == len(names):
            return observation_from_texts(dict(zip(names, texts)), where, defaults, file_notes, lambda _: where)
        return _build(where, [Cell(text, where) for text in texts], names, header, defaults, file_notes)
    except InputError:
        return _build(where, row.cells(), names, header, defaults, file_notes)


def _build(where: Location, cells: list[Cell], names: list[str], header: list[Cell], defaults: RowDefaults,
           file_notes: dict[str, str]) -> Observation:
    fitted = fit_to_header(cells, header, where)
    named: dict[str, Cell] = {}
    notes = file_notes  # shared by the rows without notes of their own: one dict per file, not per row
    for name, cell in zip(names, fitted):
        if name in COLUMNS:
            named[name] = cell
        elif cell.text.strip():
            notes = notes if notes is not file_notes else dict(file_notes)
            notes[header[names.index(name)].text] = cell.text.strip()
    return build_observation(named, where, defaults, notes)

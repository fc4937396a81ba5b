"""FRED downloads as the St. Louis Fed publishes them: graph CSV, ALFRED CSV, API JSON.

Recognised by content, never edited by hand:

- the graph download ``observation_date,PAYEMS`` (also ``DATE,PAYEMS``,
  ``"Date","PAYEMS"``), dates ``YYYY-MM-DD`` or ``M/D/YYYY``, extra columns such as
  ``month_year`` ignored, ``.`` for a missing value;
- the ALFRED / API long CSV ``date,series_id,value,realtime_start,realtime_end``, each
  row's ``realtime_start`` being its vintage;
- ALFRED's "all vintages" download ``observation_date,PAYEMS_19600211,PAYEMS_19600311,…``:
  one column per vintage, named ``SERIES_YYYYMMDD``, ``.`` before the first release.
  It is one series with vintages, read as the long CSV would have it (a row only where
  a vintage changed the figure), never one series per column;
- the API ``series/observations`` JSON as saved (it does not name its series, so the
  reference entry must give ``metric:``). Asked from FRED's earliest date
  (``observation_start`` 1776-07-04, the default) and holding all ``count``
  observations, it is the whole series: its first row is the series' start, which a
  record claim needs. No CSV download says that much.

Metric key ``fred.<SERIES_ID>``; the source is the series' FRED page. FRED files carry
no unit: the reference entry gives it (``unit: Thousands of Persons``), checked later.
"""
from __future__ import annotations

import functools
import json
import re
from datetime import date
from decimal import Decimal
from typing import Iterator
from urllib.parse import quote

from checker import bounded_json
from checker.errors import InputError, Location
from checker.periods import day_period
from checker.reference.cells import Cell, parse_value, read_date
from checker.reference.csv_text import split_csv
from checker.reference.entry import Entry
from checker.reference.files import FileData
from checker.reference.model import Observation, SeriesStart
from checker.reference.sources.recognisers import (
    FRED_LONG_HEADER as LONG_HEADER, FRED_SERIES_ID as SERIES_ID, is_fred as recognise,
)

NAME = "FRED"
#: FRED dates a month, quarter or year by its first day: the rows' frequency is inferred.
DATES_NAME_PERIODS = True
PAGE = "https://fred.stlouisfed.org/series/{}"
MISSING = ("", ".")
#: FRED's default ``observation_start``, "the earliest available": no series begins before it.
EARLIEST = date(1776, 7, 4)
#: A column of ALFRED's wide download: the series id, then the vintage's date (PAYEMS_20221007).
VINTAGE_COLUMN = re.compile(r"^([A-Z][A-Z0-9_]*?)_(\d{4})(\d{2})(\d{2})$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def read(text: str, shown: str, entry: Entry) -> FileData:
    if entry.file.suffix.lower() == ".json":
        return _read_json(text, shown, entry)
    parts = split_csv(text, shown)
    names = [cell.text.strip().lower() for cell in parts.header]
    if names[:5] == list(LONG_HEADER):
        return _read_long(parts, shown)
    vintages = _vintage_columns(parts.header)
    if vintages:
        return _read_vintage_columns(parts, shown, entry, vintages)
    return _read_graph(parts, shown, entry)


def _read_graph(parts, shown: str, entry: Entry) -> FileData:
    """``DATE,ID[,ID…][,extra]``: one observation per date and series column.

    A file of one series whose entry names it (``metric: fred.A191RL1Q225SBEA``) is
    sourced to that series' page, since downloads are often saved with another
    header (``DATE,GDP``) than their series id.
    """
    data = FileData(shown)
    columns = [(index, cell.text.strip()) for index, cell in enumerate(parts.header)
               if index and SERIES_ID.match(cell.text.strip())]
    named = entry.metric.rsplit(".", 1)[-1]
    if len(columns) == 1 and SERIES_ID.match(named):
        columns = [(columns[0][0], named)]
    for day, cells in _dated_rows(parts, data):
        for index, series in columns:
            if index < len(cells):
                _add(data, series, day, cells[index], None)
    return data


def _dated_rows(parts, data: FileData) -> Iterator[tuple[date, list[Cell]]]:
    """Each row with a date in its first cell, and its cells; a bad date is an error in ``data``, a blank row skipped."""
    for _, cells in parts.rows:
        if not cells or not cells[0].text.strip():
            continue
        try:
            day = _day(cells[0])
        except InputError as error:
            data.errors.append(error)
            continue
        yield day, cells


def _vintage_columns(header: list[Cell]) -> list[tuple[int, str, date]]:
    """The wide download's columns as (index, series, vintage), oldest vintage first.

    Empty unless every series column is ``SERIES_YYYYMMDD`` with a real date: a graph
    download whose one column merely ends in digits stays a graph download.
    """
    found: list[tuple[int, str, date]] = []
    for index, cell in enumerate(header[1:], start=1):
        name = cell.text.strip()
        match = VINTAGE_COLUMN.match(name)
        if not match:
            if SERIES_ID.match(name):
                return []
            continue
        try:
            vintage = date(*map(int, match.group(2, 3, 4)))
        except ValueError:
            return []
        found.append((index, match.group(1), vintage))
    return sorted(found, key=lambda column: column[2])


def _read_vintage_columns(parts, shown: str, entry: Entry, columns: list[tuple[int, str, date]]) -> FileData:
    """ALFRED's wide download: per date, a row for each vintage that changed the figure.

    Every vintage repeats the whole history, mostly unchanged; keeping only the changes
    gives what ALFRED's long CSV holds (the same figure for any ``as_of``), dated by
    the vintage that first published each figure, in a size set by the revisions.
    """
    data = FileData(shown)
    series_names = {series for _, series, _ in columns}
    named = entry.metric.rsplit(".", 1)[-1]
    if len(series_names) == 1 and SERIES_ID.match(named):
        columns = [(index, named, vintage) for index, _, vintage in columns]
    for day, cells in _dated_rows(parts, data):
        last: dict[str, str] = {}
        for index, series, vintage in columns:
            written = cells[index].text.strip() if index < len(cells) else ""
            if written in MISSING or last.get(series) == written:
                continue
            last[series] = written
            _add(data, series, day, cells[index], vintage)
    return data


def _read_long(parts, shown: str) -> FileData:
    """ALFRED's long CSV: the row's ``realtime_start`` is its vintage."""
    data = FileData(shown)
    for location, cells in parts.rows:
        if len(cells) < 4:
            data.errors.append(InputError(location, f"expected {len(LONG_HEADER)} fields, got {len(cells)}"))
            continue
        try:
            day = _day(cells[0])
            vintage = read_date(cells[3], "realtime_start")
        except InputError as error:
            data.errors.append(error)
            continue
        _add(data, cells[1].text.strip(), day, cells[2], vintage)
    return data


def _read_json(text: str, shown: str, entry: Entry) -> FileData:
    """The API's ``series/observations`` JSON; its series is named by the entry."""
    data = FileData(shown)
    if not entry.metric:
        data.errors.append(InputError(Location(shown, 1, 1), (
            "a FRED observations JSON does not name its series: add 'metric: <SERIES_ID>' to its reference entry")))
        return data
    try:
        document = bounded_json.loads(text)
    except json.JSONDecodeError as error:
        data.errors.append(InputError(Location(shown, error.lineno, error.colno), f"invalid JSON: {error.msg}"))
        return data
    observations = document.get("observations") if isinstance(document, dict) else None
    if not isinstance(observations, list):
        data.errors.append(InputError(Location(shown, 1, 1), "FRED JSON has no 'observations' list"))
        return data
    series = entry.metric.rsplit(".", 1)[-1]
    for number, item in enumerate(observations, start=1):
        where = Location(shown, 1, 1)
        if not isinstance(item, dict) or not isinstance(item.get("date"), str) or not isinstance(item.get("value"), str):
            data.errors.append(InputError(where, f"observation {number} needs string 'date' and 'value'"))
            continue
        try:
            day = _day(Cell(item["date"], where))
            start = item.get("realtime_start")
            vintage = read_date(Cell(start, where), "realtime_start") if isinstance(start, str) else None
        except InputError as error:
            data.errors.append(error)
            continue
        _add(data, series, day, Cell(item["value"], where), vintage)
    if data.observations and not data.errors and _whole_series(document, observations):
        first = min(row.period.start for row in data.observations)
        data.starts[f"fred.{series}"] = SeriesStart(first, f"FRED observation_start {document['observation_start']}")
    return data


def _whole_series(document: dict, observations: list) -> bool:
    """Whether the answer holds every observation from the earliest date on (no window, no paging)."""
    try:
        start = date.fromisoformat(str(document.get("observation_start")))
    except ValueError:
        return False
    return start <= EARLIEST and str(document.get("count")) == str(len(observations))


def _day(cell: Cell) -> date:
    """``2021-09-01`` or FRED's ``9/1/2021``."""
    written = cell.text.strip()
    match = _US_DATE.match(written)
    if match:
        month, day, year = map(int, match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise InputError(cell.location, f"'{written}' is not a date") from None
    return read_date(cell, "date")


def _add(data: FileData, series: str, day: date, cell: Cell, vintage: date | None) -> None:
    if cell.text.strip() in MISSING:
        return
    try:
        value = parse_value(cell.text)
    except ValueError as error:
        data.errors.append(InputError(cell.location, str(error)))
        return
    data.observations.append(Observation(
        metric=f"fred.{series}", period=day_period(day), value=value, precision=Decimal(0), unit="",
        source=PAGE.format(series), vintage=vintage, location=cell.location, notes=_notes(series),
    ))


@functools.lru_cache(maxsize=4096)
def _notes(series: str) -> dict[str, str]:
    """What every row of ``series`` notes, one dict for them all (never changed): the link to its FRED page."""
    return {"link": PAGE.format(quote(series, safe=""))}

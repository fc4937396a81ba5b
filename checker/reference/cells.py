"""From written cells to an observation: numbers, rounding, periods, sources.

All three file shapes (long CSV, time-series CSV, YAML/JSON) end up with the same
handful of named cells per row, each with its position; this module turns them into
an :class:`Observation` or an :class:`InputError` pointing at the bad cell, so every
shape refuses bad input with the same words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from operator import itemgetter
from sys import intern
from typing import Callable

from checker.errors import InputError, Location
from checker.lazy_regex import compile_lazily
from checker.periods import Period, PeriodError, parse_period
from checker.quantities.model import MAX_EXPONENT
from checker.reference.keys import METRIC
from checker.reference.model import Event, Observation


_NUMBER = compile_lazily(
    r"""
    ^[+-]?                              # optional sign
    (?:
        \d{1,3}(?:,\d{3})+              # 4,395,000,000 (thousands separators)
      | \d+                             # 4395000000
    )?
    (?:\.\d*)?                          # .99 / . (decimal part)
    (?:[eE][+-]?\d+)?$                  # 4.395e9
    """,
    re.VERBOSE,
)

#: A plain decimal number without grouping or exponent, the shape of almost every published cell.
_PLAIN = re.compile(r"-?\d+(?:\.\d+)?")

_NOT_FINITE = {"nan", ".nan", "inf", ".inf", "+inf", "-inf", "infinity", "-infinity", "+.inf", "-.inf"}


def parse_value(text: str) -> Decimal:
    """The written number as a Decimal, keeping its digits; ValueError with a reason.

    >>> parse_value("474.990"), parse_value("4,395,000,000"), parse_value("-1.0")
    (Decimal('474.990'), Decimal('4395000000'), Decimal('-1.0'))
    >>> parse_value("abc")
    Traceback (most recent call last):
    ...
    ValueError: value 'abc' is not a number
    """
    written = text.strip()
    if _PLAIN.fullmatch(written) and len(written) <= MAX_EXPONENT:
        return Decimal(written)  # the common cell (1187.24, -16921): nothing else to check
    if written.lower() in _NOT_FINITE:
        raise ValueError(f"value {written!r} is not a finite number")
    mantissa = written.partition("e")[0].partition("E")[0]  # "e5", ".e5", "+E1" have no digits of their own
    if not written or not _NUMBER.match(written) or not any(c.isdigit() for c in mantissa):
        raise ValueError(f"value {written!r} is not a number")
    value = Decimal(written.replace(",", ""))  # the regex admits only valid literals
    if value and abs(value.adjusted()) > MAX_EXPONENT:
        raise ValueError(f"value {written!r} is out of range (more than {MAX_EXPONENT} digits)")
    return value


#: The precision of a row until its series' is known: one shared zero, not a number per row.
UNSET_PRECISION = Decimal(0)


@dataclass(frozen=True, slots=True)
class Cell:
    """A written value and where it was written."""

    text: str
    location: Location


@dataclass
class RowDefaults:
    """What a file's header says for rows that do not say it themselves."""

    entity: str = ""
    unit: str = ""
    source: str = ""
    vintage: str = ""
    units: dict[str, str] = field(default_factory=dict)  # metric -> unit


def metric_key(entity: str, metric: str) -> str:
    """``entity.metric``; a metric already written as ``entity.metric`` stands alone."""
    entity, metric = entity.strip(), metric.strip()
    if not entity:
        return metric
    return f"{entity}.{metric}"


def read_date(cell: Cell, what: str) -> date:
    """A calendar day (vintage, event date) or an InputError at the cell."""
    try:
        period = parse_period(cell.text.strip())
    except PeriodError as error:
        raise InputError(cell.location, f"{what}: {error}") from None
    if period.granularity != "day":
        raise InputError(cell.location, f"{what} {cell.text.strip()!r} must be a day (YYYY-MM-DD)")
    return period.start


def read_retrieved(text: str, where: Location) -> date:
    """The day of a ``retrieved`` note: a day, or a time as ``claimcheck fetch`` writes it (read in UTC)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(where, (f"retrieved {text.strip()!r} must be a day or an ISO time "
                                 "(2024-03-05 or 2024-03-05T09:30:00+00:00)")) from None
    return moment.astimezone(timezone.utc).date() if moment.tzinfo else moment.date()


def read_period(cell: Cell) -> Period:
    try:
        return parse_period(cell.text.strip())
    except PeriodError as error:
        raise InputError(cell.location, f"bad period: {error}") from None


def build_observation(
    cells: dict[str, Cell],
    row: Location,
    defaults: RowDefaults,
    notes: dict[str, str],
) -> Observation:
    """An observation from named cells, or an InputError naming the first bad cell."""
    def where(name: str) -> Location:
        cell = cells.get(name)
        return cell.location if cell is not None else row

    return observation_from_texts({name: cell.text for name, cell in cells.items()}, row, defaults, notes, where)


def observation_from_texts(
    texts: dict[str, str],
    row: Location,
    defaults: RowDefaults,
    notes: dict[str, str],
    where: Callable[[str], Location],
) -> Observation:
    """An observation from named cell texts, or an InputError at ``where(name)`` of the first bad cell.

    Texts, not cells: a reader of a million rows need not place every cell, only ask
    ``where`` for the one a message points at (see :mod:`checker.reference.csv_long`).
    """
    metric = metric_key(texts.get("entity", "").strip() or defaults.entity, texts.get("metric", ""))
    if not metric:
        raise InputError(where("metric"), "row has no metric")
    if not METRIC.match(metric):
        raise InputError(where("metric"), f"metric {metric!r} must be entity.metric (parts without spaces)")
    written = texts.get("period", "").strip()
    if not written:
        raise InputError(where("period"), "row has no period")
    period = read_period(Cell(written, where("period")))
    try:
        value = parse_value(texts.get("value", ""))
    except ValueError as error:
        raise InputError(where("value"), str(error)) from None
    unit = texts.get("unit", "").strip() or defaults.units.get(metric.split(".", 1)[1], "") or defaults.unit
    if not unit:
        raise InputError(where("unit"), f"row of {metric} has no unit")
    source = texts.get("source", "").strip() or defaults.source
    if not source:
        raise InputError(row, f"row of {metric} has no source (give a source column or '# source:' line)")
    vintage_text = texts.get("vintage", "").strip()
    vintage_cell = (Cell(vintage_text, where("vintage")) if vintage_text
                    else Cell(defaults.vintage, row) if defaults.vintage else None)
    vintage = read_date(vintage_cell, "vintage") if vintage_cell is not None else None
    retrieved = read_retrieved(notes["retrieved"], row) if notes.get("retrieved", "").strip() else None
    return Observation(  # a series' key, unit and source shared by its rows, not one copy per row
        metric=intern(metric),
        period=period,
        value=value,
        precision=UNSET_PRECISION,  # the series' precision, set once the whole file is read (finish.py)
        unit=intern(unit),
        source=intern(source),
        vintage=vintage,
        location=row,
        notes=notes,
        retrieved=retrieved,
    )


def build_event(cells: dict[str, Cell], row: Location, default_source: str) -> Event:
    name_cell = cells.get("name")
    if name_cell is None or not name_cell.text.strip():
        raise InputError(row, "event has no name")
    date_cell = cells.get("date")
    if date_cell is None or not date_cell.text.strip():
        raise InputError(row, f"event {name_cell.text.strip()!r} has no date")
    source_cell = cells.get("source")
    source = source_cell.text.strip() if source_cell is not None else ""
    source = source or default_source
    if not source:
        raise InputError(row, f"event {name_cell.text.strip()!r} has no source")
    return Event(name_cell.text.strip(), read_date(date_cell, "event date"), source, row)


#: Distinct (entity, metric, unit, source) texts whose checked reading a :class:`PlainRows` keeps; the rows of a
#: series sit together, so a file's series are read once each while a file of a million distinct ones stays bounded.
SERIES_KEPT = 1 << 16
#: A series not read yet (its reading may be None: a series whose rows are refused).
_UNREAD = object()


class PlainRows:
    """Rows of the long shape's own columns (no note columns), read from their texts by position.

    What the rows of a series repeat (its metric checked, its unit and source with the file's defaults) is
    worked out once per distinct text, and what the file says for every row (its default vintage, its
    ``retrieved`` day) once per file, not once per row as :func:`observation_from_texts` does for each row it
    reads. A million-row reference was mostly that per-row work. :meth:`observation` gives None for any row that
    is not plainly right, which the caller reads again with :func:`observation_from_texts` for its message:
    the two readings of a clean row are the same observation (``tests/test_long_csv_rows.py``).
    """

    def __init__(self, names: list[str], defaults: RowDefaults, notes: dict[str, str], row: Location) -> None:
        self.width = len(names)
        #: The seven texts of a row by position; a column the file lacks reads the empty text appended to the row.
        self.pick = itemgetter(*(names.index(name) if name in names else self.width
                                 for name in ("entity", "metric", "period", "value", "unit", "source", "vintage")))
        self.defaults, self.notes = defaults, notes
        self.series: dict[tuple[str, ...], tuple[str, str, str] | None] = {}
        self.usable = True
        try:  # the same for every row of the file, so read once (at the first row: a failure is read per row)
            self.vintage = read_date(Cell(defaults.vintage, row), "vintage") if defaults.vintage else None
            self.retrieved = read_retrieved(notes["retrieved"], row) if notes.get("retrieved", "").strip() else None
        except InputError:
            self.usable = False

    def observation(self, texts: list[str], row: Location) -> Observation | None:
        """The row's observation, or None when it needs reading the general way (a bad cell, a short row)."""
        read = self.fields(texts, row)
        if read is None:
            return None
        (metric, unit, source), period, number, day = read
        # By position, in the order of Observation's fields: a million rows' keywords cost a third of their making.
        return Observation(metric, period, number, UNSET_PRECISION, unit, source, day, row, self.notes, self.retrieved)

    def fields(self, texts: list[str], row: Location) -> tuple[tuple[str, str, str], Period, Decimal,
                                                               date | None] | None:
        """What the row's observation is made of: its series (metric, unit, source), period, value and
        vintage; None as :meth:`observation`. ``row`` only places a vintage's error, which gives None: the
        result never depends on it (``checker.reference.column_rows`` passes one for all its rows)."""
        if not self.usable or len(texts) != self.width:
            return None
        texts.append("")  # the row's own list, split for this reading: given back as it came below
        entity, metric, period, value, unit, source, vintage = self.pick(texts)
        texts.pop()
        key = (entity, metric, unit, source)
        series = self.series.get(key, _UNREAD)
        if series is _UNREAD:
            series = self._series(key)
        written = period.strip()
        if series is None or not written:
            return None
        try:
            read = parse_period(written)
            number = parse_value(value)
        except (PeriodError, ValueError):
            return None
        day = self.vintage
        if vintage.strip():
            try:
                day = read_date(Cell(vintage.strip(), row), "vintage")
            except InputError:
                return None
        return series, read, number, day

    def _series(self, key: tuple[str, ...]) -> tuple[str, str, str] | None:
        """The series' interned metric, unit and source, or None when a row of it would be refused."""
        entity, written, unit, source = key
        metric = metric_key(entity.strip() or self.defaults.entity, written)
        read = None
        if METRIC.match(metric):
            unit = unit.strip() or self.defaults.units.get(metric.split(".", 1)[1], "") or self.defaults.unit
            source = source.strip() or self.defaults.source
            read = (intern(metric), intern(unit), intern(source)) if unit and source else None
        if len(self.series) >= SERIES_KEPT:
            self.series.clear()
        self.series[key] = read
        return read

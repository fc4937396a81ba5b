"""What every loaded file goes through: overrides, unit scales, precision, frequency, start.

Whatever the shape or provider, a file's rows leave here with a known base unit and
values scaled exactly (``Thousands of Persons``: ×1000, in ``Decimal``), each row's
precision set by its series (the most decimals any value of the column shows, or the
declared ``precision``), day-dated rows of a monthly or quarterly series turned into
the months or quarters they stand for, the claim file's overrides applied, and each
series' start known where the entry or the file says it (a record needs it). Errors
are capped per file so a systematic problem is one line, not thousands.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterable

from checker.errors import InputError, Location
from checker.quantities.units import Unit, UnitError, read_unit
from checker.reference.column_rows import ColumnRows
from checker.reference.entry import Entry
from checker.reference.files import FileData
from checker.reference.frequency import apply_frequency, infer, read_frequency
from checker.reference.model import Observation
from checker.reference.series_start import series_starts

#: Errors reported per file before the rest are counted, not listed.
MAX_ERRORS = 10


def finish(data: FileData, entry: Entry, infer_frequency: bool = False) -> FileData:
    """The file's rows with overrides, scales, precision and frequency applied.

    ``infer_frequency``: the file dates longer periods by their first day (FRED), so
    the frequency is read from the gaps between dates; otherwise a day is a day
    unless the entry or the file declares ``frequency``.
    """
    finished = _finished_columns(data, entry, infer_frequency)
    if finished is not None:
        return finished
    errors = list(data.errors)
    try:
        vintage = date.fromisoformat(entry.vintage) if entry.vintage else None
    except ValueError:
        errors.append(InputError(Location(data.path, 1, 1), f"vintage {entry.vintage!r} must be a day (YYYY-MM-DD)"))
        return FileData(data.path, [], data.events, data.aliases, capped(errors), groups=data.groups)
    rows = [_override(row, entry, vintage) for row in _titled(_renamed(data.observations, entry, errors), entry, errors)]
    rows = _with_precision(rows, entry, errors, data.path)
    rows = _scaled(rows, entry, errors)
    try:
        declared = read_frequency(entry.frequency) if entry.frequency else None
    except ValueError as error:
        errors.append(InputError(Location(data.path, 1, 1), f"frequency: {error}"))
        declared = None
    rows = apply_frequency(rows, declared, infer_frequency)
    found = {_rename(metric, entry) if entry.entity or entry.metric else metric: start
             for metric, start in data.starts.items()}
    starts = series_starts(found, entry, rows, data.path, errors)
    return FileData(data.path, rows, data.events, data.aliases, capped(errors), starts, data.groups)


def _finished_columns(data: FileData, entry: Entry, infer_frequency: bool) -> FileData | None:
    """``finish`` of a file held as columns, when it would change nothing but each row's precision: no entry
    key, no unit to scale or refuse, no day rows to re-date; None otherwise (the rows are then made and
    finished the general way). Its rows are then grouped by metric, as ``apply_frequency`` leaves them."""
    rows = data.observations
    if not isinstance(rows, ColumnRows) or entry.overrides or infer_frequency or data.starts:
        return None
    if not all(_base(unit) == unit for unit in rows.units()):
        return None
    periods = rows.periods
    for indices in rows.by_metric().values():
        days = [periods[row].start for row in indices if periods[row].granularity == "day"]
        if days and infer(days, infer_frequency) not in (None, "daily"):
            return None
    rows.finish(*_halves(rows.metric_values(), None))
    return FileData(data.path, rows, data.events, data.aliases, capped(list(data.errors)), {}, data.groups)


def _base(unit: str) -> str | None:
    """The base unit of ``unit``, None when it reads as none."""
    try:
        return read_unit(unit).base
    except UnitError:
        return None


def capped(errors: list[InputError]) -> list[InputError]:
    """At most MAX_ERRORS errors, then one line counting the rest."""
    if len(errors) <= MAX_ERRORS:
        return errors
    rest = len(errors) - MAX_ERRORS
    return errors[:MAX_ERRORS] + [InputError(errors[MAX_ERRORS].location, f"… and {rest} more like this")]


def _renamed(rows: list[Observation], entry: Entry, errors: list[InputError]) -> list[Observation]:
    """Rows under the entity and metric names the entry gives."""
    if not entry.entity and not entry.metric:
        return rows
    if entry.metric and not _one_series("metric", entry.metric, rows, errors, "use 'entity:' or one file per series"):
        return []
    return [replace(row, metric=_rename(row.metric, entry)) for row in rows]


def _one_series(key: str, value: str, rows: list[Observation], errors: list[InputError], advice: str) -> bool:
    """Whether the rows are one series, as an entry key that names one needs; else an error naming them."""
    metrics = list(dict.fromkeys(row.metric for row in rows))
    if len(metrics) <= 1:
        return True
    errors.append(InputError(rows[0].location, (
        f"'{key}: {value}' names one series, but this file has {len(metrics)} "
        f"({', '.join(metrics[:3])}{', …' if len(metrics) > 3 else ''}); {advice}")))
    return False


def _titled(rows: list[Observation], entry: Entry, errors: list[InputError]) -> list[Observation]:
    """Rows named by the entry's ``title``, which every report shows beside the key.

    A FRED graph CSV gives only its series id (``fred.U6RATE``); the claim file may say
    what the series is. The title replaces a name the file gives, like every override,
    and lands in every report and draft, so it is one line of visible text.
    """
    if not entry.title:
        return rows
    if not entry.title.isprintable():
        errors.append(InputError(Location(str(entry.file), 1, 1),
                                 f"title {entry.title!r}: a title is one line of visible text"))
        return []
    if not _one_series("title", entry.title, rows, errors, "give each series its own file and title"):
        return []
    notes: dict[int, dict[str, str]] = {}  # one dict per dict the reader shared, not one per row
    return [replace(row, notes=notes.setdefault(id(row.notes), {**row.notes, "name": entry.title})) for row in rows]


def _rename(metric: str, entry: Entry) -> str:
    entity, _, name = metric.partition(".")
    if entry.metric and "." in entry.metric:
        return entry.metric
    return f"{entry.entity or entity}.{entry.metric or name}"


def _override(row: Observation, entry: Entry, vintage: date | None) -> Observation:
    """The row with what the entry says in place of what the file says."""
    changes: dict[str, object] = {}
    if entry.unit:
        changes["unit"] = entry.unit
    if entry.source:
        changes["source"] = entry.source
    if vintage is not None:
        changes["vintage"] = vintage
    return replace(row, **changes) if changes else row


def _scaled(rows: list[Observation], entry: Entry, errors: list[InputError]) -> list[Observation]:
    """Rows in their base unit with scaled values; one error per unreadable unit string."""
    read: dict[str, Unit | None] = {}
    shared: dict[tuple[int, str], dict[str, str]] = {}
    kept: list[Observation] = []
    for row in rows:
        if row.unit not in read:
            read[row.unit] = _read_unit(row, entry, errors)
        unit = read[row.unit]
        if unit is None:
            continue
        if row.unit == unit.base:
            kept.append(row)
            continue
        key = (id(row.notes), row.unit)
        notes = shared.setdefault(key, {**row.notes, "unit as published": row.unit})
        kept.append(replace(row, value=row.value * unit.scale, unit=unit.base, notes=notes,
                            precision=row.precision * unit.scale))
    return kept


class MissingUnit(InputError):
    """A file that states no unit (a FRED graph CSV): its rows cannot be read as any figure.

    Its own type, so a command that gives units otherwise (``extract --unit FILE=UNIT``)
    can name its own way of giving one instead of the claim file's entry.
    """

    def __init__(self, location: Location, metric: str, file: str) -> None:
        super().__init__(location, (
            f"{metric} has no unit: this file does not say one, so add the unit its provider states "
            f"to the reference entry: '- {{file: {file}, unit: UNIT}}' (e.g. Percent, Thousands of Persons)"))
        self.metric, self.file = metric, file

    def __reduce__(self) -> tuple:
        return type(self), (self.location, self.metric, self.file)


def _read_unit(row: Observation, entry: Entry, errors: list[InputError]) -> Unit | None:
    if not row.unit:
        errors.append(MissingUnit(row.location, row.metric, entry.file.name))
        return None
    try:
        return read_unit(row.unit)
    except UnitError as error:
        errors.append(InputError(row.location, f"{row.metric}: {error}"))
        return None


def _with_precision(rows: list[Observation], entry: Entry, errors: list[InputError], path: str) -> list[Observation]:
    """Each row exact at its series' published step: ± half a unit of its last decimal.

    The step is the finest any value of the metric shows in this file (``14`` in a
    column with ``13.9`` is 14.0 ± 0.05), or the declared ``precision``. A writer's
    round number may hide rounding; a published figure is exact to its series' step.
    Runs on the values as written, before any unit scale.
    """
    declared = _declared_step(entry, errors, path)
    halves, otherwise = _halves(((row.metric, row.value) for row in rows), declared)
    set_field, half = object.__setattr__, halves.get
    for row in rows:
        # The rows are fresh from this file's reader and not yet shared: setting the field in
        # place spares copying every row of a large file.
        set_field(row, "precision", half(row.metric, otherwise))
    return rows


def _halves(values: Iterable[tuple[str, Decimal]], declared: Decimal | None) -> tuple[dict[str, Decimal], Decimal]:
    """Half the step of each metric of the (metric, value) pairs, and of a metric without a finite value."""
    exponents: dict[str, int] = {}
    for metric, value in values:  # a million rows: no call a row beyond reading the exponent and one look-up
        exponent = value.as_tuple().exponent
        if exponent.__class__ is int:  # not 'n' or 'F' (NaN, infinity)
            known = exponents.get(metric)
            if known is None or exponent < known:
                exponents[metric] = exponent
    halves = {metric: (declared or Decimal(1).scaleb(exponent)) / 2 for metric, exponent in exponents.items()}
    return halves, (declared or Decimal(1)) / 2  # once, not once a row as the argument of every lookup


def _declared_step(entry: Entry, errors: list[InputError], path: str) -> Decimal | None:
    if not entry.precision:
        return None
    try:
        step = Decimal(entry.precision)
    except InvalidOperation:
        step = None
    if step is None or step <= 0 or step != Decimal(1).scaleb(step.adjusted()):
        errors.append(InputError(Location(path, 1, 1), (
            f"precision {entry.precision!r} must be the published step, a power of ten such as 0.1, 1 or 1000")))
        return None
    return step

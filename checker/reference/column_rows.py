"""A long CSV's clean rows held as columns; each row's Observation made when something asks for it.

A million-row reference file made a million Observations, each with its Location, and a
dictionary entry each to find repeated rows, though a check looks at the rows of the periods
its claims name: a tenth of them in a file of ten periods a series. A file whose every row
:class:`~checker.reference.cells.PlainRows` reads keeps instead, per row, its series, period,
value, vintage and line (:class:`ColumnRows`), with an index by metric. ``finish`` gives such a
file its precision in place when the entry and the file change nothing else (see
``finish._finished_columns``), and combining one file alone takes its series from
:meth:`ColumnRows.series`, sorted by period and indexed by metric (:class:`MetricRows`).
Whatever then asks for a row gets the Observation the rows' general reading makes, field for
field, made once (``tests/test_column_rows.py`` holds the two readings to each other).
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Iterator, overload

from checker.errors import Location
from checker.periods import Period
from checker.reference.cells import UNSET_PRECISION
from checker.reference.model import Observation

#: The read fields of one row (``PlainRows.fields``): its series (metric, unit, source), period, value, vintage.
Fields = tuple[tuple[str, str, str], Period, Decimal, "date | None"]


class _MadeRows(Sequence[Observation]):
    """Rows of a :class:`ColumnRows` picked by index (``_picked``), each made an Observation when asked for."""

    __slots__ = ()

    def _picked(self) -> tuple[ColumnRows, Sequence[int]]:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._picked()[1])

    @overload
    def __getitem__(self, index: int) -> Observation: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Observation, ...]: ...

    def __getitem__(self, index: int | slice) -> Observation | tuple[Observation, ...]:
        columns, rows = self._picked()
        if isinstance(index, slice):
            return tuple(columns.observation(row) for row in rows[index])
        return columns.observation(rows[index])

    def __iter__(self) -> Iterator[Observation]:
        columns, rows = self._picked()
        return (columns.observation(row) for row in rows)


class ColumnRows(_MadeRows):
    """One file's rows as columns, in the file's order (after ``finish``, grouped by metric as it
    leaves them); a row is made an :class:`Observation` when asked for, and kept so."""

    __slots__ = ("shown", "notes", "retrieved", "series_read", "series_ids", "series_of", "periods", "values",
                 "vintages", "lines", "halves", "half", "order", "made", "_by_metric")

    def __init__(self, shown: str, notes: dict[str, str], retrieved: date | None) -> None:
        self.shown, self.notes, self.retrieved = shown, notes, retrieved
        self.series_read: list[tuple[str, str, str]] = []  # each distinct (metric, unit, source) once
        self.series_ids: dict[tuple[str, str, str], int] = {}
        self.series_of, self.lines = array("l"), array("l")
        self.periods: list[Period] = []
        self.values: list[Decimal] = []
        self.vintages: list[date | None] = []
        self.halves: dict[str, Decimal] = {}  # each metric's precision, once finished
        self.half = UNSET_PRECISION          # the precision of a metric without one there
        self.order: array | None = None      # the rows' order once finished; the file's before
        self.made: dict[int, Observation] = {}
        self._by_metric: dict[str, list[int]] | None = None

    def add(self, fields: Fields, line: int) -> None:
        """The row read at ``line`` (1-based) from the fields :meth:`PlainRows.fields` gave."""
        series, period, value, vintage = fields
        index = self.series_ids.get(series)
        if index is None:
            index = self.series_ids[series] = len(self.series_read)
            self.series_read.append(series)
        self.series_of.append(index)
        self.periods.append(period)
        self.values.append(value)
        self.vintages.append(vintage)
        self.lines.append(line)

    def metric_values(self) -> Iterator[tuple[str, Decimal]]:
        """Each row's metric and value, in the file's order."""
        metrics = [metric for metric, _, _ in self.series_read]
        return ((metrics[series], value) for series, value in zip(self.series_of, self.values))

    def units(self) -> set[str]:
        return {unit for _, unit, _ in self.series_read}

    def by_metric(self) -> dict[str, list[int]]:
        """The rows of each metric in the file's order, the metrics in the order they first appear."""
        if self._by_metric is None:
            grouped: dict[str, list[int]] = {}
            metrics = [metric for metric, _, _ in self.series_read]
            for row, series in enumerate(self.series_of):
                grouped.setdefault(metrics[series], []).append(row)
            self._by_metric = grouped
        return self._by_metric

    def finish(self, halves: dict[str, Decimal], half: Decimal) -> None:
        """Give each metric its precision (``half`` where ``halves`` has none), the rows grouped by metric
        as ``finish`` leaves a file's rows; rows made before are made again."""
        self.halves, self.half = halves, half
        self.order = array("l", (row for rows in self.by_metric().values() for row in rows))
        self.made.clear()

    def series(self) -> dict[str, MetricRows] | None:
        """Each metric's rows sorted by period (and vintage), as combining a file's rows sorts them;
        None when two rows share a metric, period and vintage: the general way says which and where."""
        periods, vintages = self.periods, self.vintages
        found: dict[str, MetricRows] = {}
        for metric, rows in self.by_metric().items():
            keys = sorted((periods[row].start, periods[row].end, vintages[row] or date.min, row) for row in rows)
            if any(before[:3] == after[:3] for before, after in zip(keys, keys[1:])):
                return None
            found[metric] = MetricRows(self, [key[3] for key in keys])
        return found

    def observation(self, row: int) -> Observation:
        """Row ``row`` (in the file's order) as the general reading makes it."""
        made = self.made.get(row)
        if made is None:
            metric, unit, source = self.series_read[self.series_of[row]]
            made = self.made[row] = Observation(
                metric, self.periods[row], self.values[row], self.halves.get(metric, self.half), unit, source,
                self.vintages[row], Location(self.shown, self.lines[row], 1), self.notes, self.retrieved)
        return made

    def _picked(self) -> tuple[ColumnRows, Sequence[int]]:
        return self, self.order if self.order is not None else range(len(self.series_of))


class MetricRows(_MadeRows):
    """One metric's rows of a :class:`ColumnRows`, sorted by period: what a lookup bisects, each row made
    when a lookup reaches it."""

    __slots__ = ("columns", "rows")

    def __init__(self, columns: ColumnRows, rows: list[int]) -> None:
        self.columns, self.rows = columns, rows

    def starts(self) -> list[date]:
        """Each row's period start, for bisecting, without making the rows."""
        periods = self.columns.periods
        return [periods[row].start for row in self.rows]

    def has_vintages(self) -> bool:
        vintages = self.columns.vintages
        return any(vintages[row] is not None for row in self.rows)

    def series_names(self) -> str:
        """``model.series_names`` of the rows: every row holds the file's notes, so their one name."""
        return self.columns.notes.get("name", "")

    def _picked(self) -> tuple[ColumnRows, Sequence[int]]:
        return self.columns, self.rows

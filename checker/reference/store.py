"""ReferenceData: the loaded rows, events and aliases of one or more files, and lookups.

A claim file names its reference files; their data combine into one ReferenceData.
Files are parsed once per run (cached by resolved path, size and mtime), and a bad
row costs only that row: ``load`` returns the good data with the list of problems.

Lookup rules (DESIGN "Reference data"): a row whose period is the asked one gives its
value; a coarser asked period needs an ``agg``; revised figures (``vintage``) are taken
as the article's writer could know them, with ``later`` showing the newest figure
when it differs.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from checker.errors import InputError
from checker.periods import GRANULARITIES, Period, PeriodError, parse_period
from checker.reference.aggregate import AGGREGATORS, single
from checker.reference.entry import Entry
from checker.reference.files import MAX_BYTES, FileData
from checker.reference.finish import capped
from checker.reference import columnar
from checker.reference.column_rows import ColumnRows, MetricRows
from checker.reference.coverage import gap
from checker.reference.model import (
    Candidate, Event, Lookup, LookupFailure, NoData, Observation, SeriesStart, UnknownKey, series_names,
)
from checker.reference.shapes import load_file
from checker.suggest import closest_name, closest_series, did_you_mean

if TYPE_CHECKING:
    from checker.reference.groups import Group

_CACHE: dict[tuple, FileData] = {}
#: A metric's rows in period order: a tuple, or one file's columns (a row made when a lookup reaches it).
Rows = tuple[Observation, ...] | MetricRows
#: The metrics a whole run asks of a Parquet or DuckDB file, by its resolved path (see ``ReferenceData.load``).
Shared = Callable[[Path], frozenset[str]]
#: Combined data per distinct list of files, so many claim files sharing one
#: reference folder combine (and sort) its rows once per run, not once per file.
_COMBINED: dict[tuple, tuple["ReferenceData", list[InputError]]] = {}

#: How a granularity reads in "meta.close has daily rows in 2022-11".
#: The ends of a period an aggregate needs covered: ``last`` the end, ``first`` the start, every other
#: aggregate both ends and (for month, quarter and year rows) every row between.
AGG_ENDS = {"last": ("end",), "first": ("start",)}
ADJECTIVES = {"day": "daily", "month": "monthly", "quarter": "quarterly", "half": "half-yearly", "year": "yearly"}


def clear_cache() -> None:
    """Forget parsed files (for long-lived processes and tests that rewrite files)."""
    _CACHE.clear()
    _COMBINED.clear()
    columnar.clear_cache()


def _cache_key(entry: Entry, max_bytes: int, metrics: frozenset[str] | None) -> tuple | None:
    """What identifies a file's content, the entry's overrides and the size limit; None if unreadable.

    The metrics asked for count only for a database file, the one kind read in part.
    """
    try:
        resolved = entry.file.resolve()
        stat = resolved.stat()
    except (OSError, RuntimeError):
        return None
    return (resolved, stat.st_size, stat.st_mtime_ns, entry.overrides, max_bytes, _asked(entry, metrics))


def _load_cached(entry: Entry, key: tuple | None, max_bytes: int, metrics: frozenset[str] | None,
                 shared: Shared | None) -> FileData:
    if key is None:
        return load_file(entry, str(entry.file), max_bytes)
    if key not in _CACHE:
        asked = _asked(entry, metrics)
        query = shared(key[0]) if shared is not None and asked is not None else None
        _CACHE[key] = load_file(entry, str(entry.file), max_bytes, asked, query)
    return _CACHE[key]


def _asked(entry: Entry, metrics: frozenset[str] | None) -> frozenset[str] | None:
    """The metrics a database file is filtered to: the claims' own, unless the entry renames its keys."""
    renamed = entry.entity or entry.metric  # the claims name the renamed keys, not the file's own
    return metrics if entry.file.suffix.lower() in columnar.EXTENSIONS and not renamed else None


def _vintage_order(row: Observation) -> date:
    return row.vintage or date.min


@dataclass
class _Builder:
    """Collects files' data, dropping repeated rows and reporting ones that disagree."""

    rows: dict[tuple[str, date, date, date | None], Observation] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    starts: dict[str, SeriesStart] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    #: One file's rows by metric, sorted already (``ColumnRows.series``), in place of ``rows``.
    series: dict[str, Rows] | None = None

    def add_row(self, row: Observation) -> None:
        key = (row.metric, row.period.start, row.period.end, row.vintage)
        old = self.rows.setdefault(key, row)
        if old is not row and old.value != row.value:
            hint = "; if they are two releases of one series, give each file's entry its vintage:" if row.vintage is None else ""
            self.errors.append(InputError(row.location, (
                f"duplicate rows disagree: {row.metric} {row.period.label} is {row.value} here "
                f"and {old.value} at {old.location}{hint}")))

    def add_event(self, event: Event) -> None:
        old = self.events.setdefault(event.name, event)
        if old is not event and old.date != event.date:
            self.errors.append(InputError(event.location, (
                f"event {event.name!r} is {event.date} here and {old.date} at {old.location}")))

    def add_start(self, metric: str, start: SeriesStart) -> None:
        """Two files that date a series' start differently: the earlier start, which asks more of the data."""
        old = self.starts.get(metric)
        if old is None or start.day < old.day:
            self.starts[metric] = start

    def add_groups(self, groups: dict[str, Group]) -> None:
        if not groups:
            return
        from checker.reference.groups import conflict  # groups are written for rank claims alone: not loaded else

        for group in groups.values():
            problem = conflict(self.groups.setdefault(group.name, group), group)
            if problem is not None:
                self.errors.append(problem)

    def add_aliases(self, aliases: dict[str, list[str]]) -> None:
        for metric, names in aliases.items():
            known = self.aliases.setdefault(metric, [])
            known.extend(name for name in names if name not in known)

    def build(self) -> ReferenceData:
        series = self.series if self.series is not None else self._series()
        return ReferenceData(series, dict(self.events), {m: list(n) for m, n in self.aliases.items()},
                             dict(self.starts), dict(self.groups))


    def _series(self) -> dict[str, Rows]:
        by_metric: dict[str, list[Observation]] = {}
        for row in self.rows.values():
            by_metric.setdefault(row.metric, []).append(row)
        return {
            metric: tuple(sorted(rows, key=lambda r: (r.period.start, r.period.end, _vintage_order(r))))
            for metric, rows in by_metric.items()
        }


class _Series:
    """One metric's rows (sorted by period start) with their starts, for bisecting.

    A period's rows are found in O(log n) plus the rows returned, so a lookup costs
    the same in a ten-row file and a million-row one.
    """

    def __init__(self, rows: Rows) -> None:
        self.rows = rows
        if isinstance(rows, MetricRows):  # its rows are made as a lookup reaches them
            self.starts, self.has_vintages = rows.starts(), rows.has_vintages()
        else:
            self.starts = [row.period.start for row in rows]
            self.has_vintages = any(row.vintage is not None for row in rows)

    def within(self, period: Period) -> list[Observation]:
        """The rows whose period lies inside ``period``."""
        low = bisect_left(self.starts, period.start)
        high = bisect_right(self.starts, period.end)
        return [row for row in self.rows[low:high] if row.period.within(period)]


class ReferenceData:
    """Observations by metric, named events and article aliases, with lookups."""

    def __init__(
        self,
        series: dict[str, Rows] | None = None,
        events: dict[str, Event] | None = None,
        aliases: dict[str, list[str]] | None = None,
        starts: dict[str, SeriesStart] | None = None,
        groups: dict[str, Group] | None = None,
    ) -> None:
        self._series = series or {}
        self._events = events or {}
        self._aliases = aliases or {}
        self._starts = starts or {}
        self._groups = groups or {}
        self._indexes: dict[str, _Series] = {}
        self._names: dict[str, str] | None = None

    def _index(self, metric: str, rows: Rows) -> _Series:
        if metric not in self._indexes:
            self._indexes[metric] = _Series(rows)
        return self._indexes[metric]

    # ------------------------------------------------------------------ building

    @classmethod
    def load(cls, entries: Iterable[Entry | Path | str], max_bytes: int = MAX_BYTES,
             metrics: Iterable[str] | None = None,
             shared: Shared | None = None) -> tuple[ReferenceData, list[InputError]]:
        """Load and combine files; bad files and rows become errors, good rows still load.

        Files over ``max_bytes`` are refused unread; Parquet and DuckDB files yield
        only ``metrics`` when given (every metric a run's claims name), and no more
        than ``max_bytes`` of them as text. ``shared`` gives, when first asked, the metrics
        every claim file of the run asks of such a file, so one query serves them all (each
        still gets only its own rows). The combination is cached per distinct list of files
        (and their overrides).
        """
        entries = [item if isinstance(item, Entry) else Entry(Path(item)) for item in entries]
        wanted = frozenset(metrics) if metrics is not None else None
        keys = [_cache_key(entry, max_bytes, wanted) for entry in entries]
        combined = tuple(zip(keys, (str(entry.file) for entry in entries)))
        if None in keys:
            return cls._combine(entries, keys, max_bytes, wanted, shared)
        if combined not in _COMBINED:
            _COMBINED[combined] = cls._combine(entries, keys, max_bytes, wanted, shared)
        data, errors = _COMBINED[combined]
        return data, list(errors)

    @classmethod
    def _combine(cls, entries: list[Entry], keys: list[tuple | None], max_bytes: int,
                 metrics: frozenset[str] | None, shared: Shared | None) -> tuple[ReferenceData, list[InputError]]:
        builder = _Builder()
        file_errors: list[InputError] = []
        for entry, key in zip(entries, keys):
            data = _load_cached(entry, key, max_bytes, metrics, shared)
            file_errors.extend(data.errors)
            rows = data.observations
            if len(entries) == 1 and isinstance(rows, ColumnRows):
                builder.series = rows.series()
            for row in rows if builder.series is None else ():
                builder.add_row(row)
            for event in data.events:
                builder.add_event(event)
            builder.add_aliases(data.aliases)
            builder.add_groups(data.groups)
            for metric, start in data.starts.items():
                builder.add_start(metric, start)
        return builder.build(), file_errors + _capped_per_file(builder.errors)

    def merged(self, other: ReferenceData) -> tuple[ReferenceData, list[InputError]]:
        """This data and ``other`` combined, with any rows that disagree as errors."""
        builder = _Builder()
        for data in (self, other):
            for rows in data._series.values():
                for row in rows:
                    builder.add_row(row)
            for event in data._events.values():
                builder.add_event(event)
            builder.add_aliases(data._aliases)
            builder.add_groups(data._groups)
            for metric, start in data._starts.items():
                builder.add_start(metric, start)
        return builder.build(), builder.errors

    # ------------------------------------------------------------------ queries

    def metrics(self) -> set[str]:
        return set(self._series)

    def names(self) -> dict[str, str]:
        """Metric -> its series' own name as the files give it (``""`` when none does); computed once."""
        if self._names is None:
            self._names = {metric: rows.series_names() if isinstance(rows, MetricRows) else series_names(rows)
                           for metric, rows in self._series.items()}
        return self._names

    def aliases(self) -> dict[str, list[str]]:
        """Metric -> the names articles use for it (Korean and English)."""
        return {metric: list(names) for metric, names in self._aliases.items()}

    def observations(self, metric: str) -> tuple[Observation, ...]:
        """Every row of ``metric`` (all vintages), in period order."""
        rows = self._series.get(metric, ())
        return rows if isinstance(rows, tuple) else tuple(rows)

    def observations_within(self, metric: str, period: Period) -> list[Observation]:
        """The rows of ``metric`` (all vintages) whose period lies inside ``period``, found by bisection."""
        rows = self._series.get(metric, ())
        return self._index(metric, rows).within(period) if rows else []

    def series_start(self, metric: str) -> SeriesStart | None:
        """The day ``metric``'s series began, when a file or its entry says it; None when unknown."""
        return self._starts.get(metric)

    def events(self) -> dict[str, Event]:
        return dict(self._events)

    def event(self, name: str) -> Event:
        try:
            return self._events[name]
        except KeyError:
            raise UnknownKey("event", name, closest_name(name, self._events)) from None

    def group(self, name: str) -> Group:
        """The group of entities called ``name`` (``groups:`` in a reference file)."""
        try:
            return self._groups[name]
        except KeyError:
            known = f"; known: {', '.join(self._groups)}" if self._groups else "; no reference file defines groups:"
            raise LookupFailure(f"unknown group {name!r}{did_you_mean(name, self._groups)}{known}") from None

    def lookup(
        self,
        metric: str,
        period: Period,
        agg: str | None = None,
        published: date | None = None,
        as_of: date | str | None = None,
    ) -> Lookup:
        """The value(s) of ``metric`` over ``period``; LookupFailure with a reason otherwise."""
        rows = self._series.get(metric)
        if rows is None:
            raise UnknownKey("metric", metric, closest_series(metric, self.names()))
        if agg is not None and agg not in AGGREGATORS:
            raise LookupFailure(f"unknown agg {agg!r}{did_you_mean(agg, AGGREGATORS)} (choose {', '.join(AGGREGATORS)})")
        cutoff = _cutoff(published, as_of)
        series = self._index(metric, rows)
        found = _lookup(metric, series, period, agg, cutoff)
        if cutoff is None or not series.has_vintages:
            return found
        newest = _lookup(metric, series, period, agg, None)
        if [c.value for c in newest.candidates] != [c.value for c in found.candidates]:
            return replace(found, later=newest)
        return found


def _capped_per_file(errors: list[InputError]) -> list[InputError]:
    """Errors found when combining files, at most ``capped``'s number per file."""
    by_file: dict[str, list[InputError]] = {}
    for error in errors:
        by_file.setdefault(error.location.path, []).append(error)
    return [error for found in by_file.values() for error in capped(found)]


def _cutoff(published: date | None, as_of: date | str | None) -> date | None:
    """The last vintage date the lookup may use; None means the newest."""
    if as_of is None:
        return published
    if isinstance(as_of, date):
        return as_of
    if as_of.strip().lower() == "latest":
        return None
    try:
        period = parse_period(as_of.strip())
    except PeriodError as error:
        raise LookupFailure(f"as_of: {error}") from None
    if period.granularity != "day":
        raise LookupFailure(f"as_of {as_of!r} must be a day (YYYY-MM-DD) or 'latest'")
    return period.start


def _select_vintages(rows: Sequence[Observation], cutoff: date | None) -> list[Observation]:
    """Per period, the rows of the newest vintage on or before ``cutoff`` (else the oldest)."""
    groups: dict[tuple[date, date], list[Observation]] = {}
    for row in rows:
        groups.setdefault((row.period.start, row.period.end), []).append(row)
    chosen: list[Observation] = []
    for group in groups.values():
        known = [r for r in group if cutoff is None or _vintage_order(r) <= cutoff]
        pick = max(known, key=_vintage_order) if known else min(group, key=_vintage_order)
        chosen.append(pick)
    return chosen


def _no_data(metric: str, rows: Sequence[Observation], period: Period) -> NoData:
    first, last = min(r.period.start for r in rows), max(r.period.end for r in rows)
    around = [r for r in rows if r.period.start <= period.start and period.end <= r.period.end]
    fields = {"metric": metric, "period": period.label, "first": str(first), "last": str(last)}
    if around:
        return NoData("nodata.inside", row=around[0].period.label, **fields)
    before = [r.period for r in rows if r.period.end < period.start]
    after = [r.period for r in rows if r.period.start > period.end]
    if before and after:
        nearest = max(before, key=lambda p: p.end), min(after, key=lambda p: p.start)
        return NoData("nodata.nearest", before=nearest[0].label, after=nearest[1].label, **fields)
    return NoData("nodata.rows", **fields)


def _finest(rows: list[Observation]) -> list[Observation]:
    """Rows of the finest granularity present, so an aggregate never mixes days and months."""
    rank = {name: index for index, name in enumerate(GRANULARITIES)}
    best = min(rank[r.period.granularity] for r in rows)
    return [r for r in rows if rank[r.period.granularity] == best]


def _lookup(metric: str, series: _Series, period: Period, agg: str | None, cutoff: date | None) -> Lookup:
    inside = series.within(period)
    if not inside:
        raise _no_data(metric, series.rows, period)
    chosen = _select_vintages(inside, cutoff)
    exact = [r for r in chosen if (r.period.start, r.period.end) == (period.start, period.end)]
    finer = [r for r in chosen if (r.period.start, r.period.end) != (period.start, period.end)]
    if agg is None and not exact:
        raise _finer_only(metric, series, finer, period)
    pool = exact if agg is None or not finer else _finest(finer)
    units = sorted({r.unit for r in pool})
    if len(units) > 1:
        raise LookupFailure(f"{metric} rows in {period.label} have different units: {', '.join(units)}")
    # the rows are named by the whole key, the one a reader looks the series up by (ecos.403Y003.*AA, not 403Y003.*AA)
    candidates = (single(pool[0], metric),) if agg is None else _aggregate(metric, agg, pool, period)
    vintages = [r.vintage for r in pool if r.vintage is not None]
    vintage = max(vintages) if vintages else None
    if vintage is not None:
        note = {"vintage": str(vintage)} | ({"cutoff": str(cutoff)} if cutoff is not None and vintage > cutoff else {})
        candidates = tuple(replace(c, vintage=note) for c in candidates)
    return Lookup(metric, period, agg, candidates, units[0], None, vintage)


#: How many of the shorter rows inside a period the message of :func:`_finer_only` names.
_HELD_SHOWN = 6


def _finer_only(metric: str, series: _Series, finer: list[Observation], period: Period) -> LookupFailure:
    """Why a period with no row of its own, only shorter rows inside it, has no single figure.

    A series that publishes figures of the period's length elsewhere (Tesla's yearly net income),
    with rows inside this one that stop short of it (filings up to the third quarter of 2022: the
    10-K comes later), has no figure for it yet: the claim is unverifiable, and the reason names the
    rows the data do hold, so the writer can claim one of them instead ("2022-01..2022-09").
    Otherwise the claim must say how the shorter rows combine (agg:): an input error.
    """
    publishes = period.granularity != "range" and any(
        row.period.granularity == period.granularity for row in series.rows)
    if not publishes or gap(_finest(finer), period) is None:
        return LookupFailure(f"{metric} has {frequency_of(finer[0])} rows in {period.label}; say which with agg: "
                             f"{', '.join(AGGREGATORS)}")
    labels = list(dict.fromkeys(row.period.label for row in sorted(finer, key=lambda r: (r.period.start, r.period.end))))
    held = ", ".join(labels[:_HELD_SHOWN]) + (", …" if len(labels) > _HELD_SHOWN else "")
    return NoData("nodata.finer", metric=metric, period=period.label, held=held,
                  first=str(min(r.period.start for r in finer)), last=str(max(r.period.end for r in finer)))


def frequency_of(row: Observation) -> str:
    """How the series' rows read: its frequency when known ("weekly"), else their length."""
    return row.notes.get("frequency") or ADJECTIVES.get(row.period.granularity, "finer")


def _aggregate(metric: str, agg: str, pool: list[Observation], period: Period) -> tuple[Candidate, ...]:
    """The aggregate's candidates; a period the data stop short of is no figure at all.

    Even ``min``, ``max`` and ``any`` over part of a period would judge a claim about the
    whole on the part there is (a missing July may hold the year's high), so every
    aggregate is unknown, not annotated, when the rows leave part of the period out.
    """
    missing = gap(pool, period, AGG_ENDS.get(agg, ("start", "end")))
    if missing is not None:
        key, fields = missing
        raise NoData(key, metric=metric, agg=agg, period=period.label, **fields)
    return AGGREGATORS[agg](pool, metric, period.label)

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

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from checker.errors import InputError
from checker.periods import GRANULARITIES, Period, PeriodError, parse_period
from checker.reference.aggregate import AGGREGATORS, single
from checker.reference.files import FileData
from checker.reference.model import Event, Lookup, LookupFailure, NoData, Observation
from checker.reference.shapes import load_file
from checker.suggest import did_you_mean

_CACHE: dict[tuple[Path, int, int], FileData] = {}

#: How a granularity reads in "meta.close has daily rows in 2022-11".
ADJECTIVES = {"day": "daily", "month": "monthly", "quarter": "quarterly", "half": "half-yearly", "year": "yearly"}


def clear_cache() -> None:
    """Forget parsed files (for long-lived processes and tests that rewrite files)."""
    _CACHE.clear()


def _load_cached(path: Path) -> FileData:
    shown = str(path)
    try:
        resolved = path.resolve()
        stat = resolved.stat()
    except OSError:
        return load_file(path, shown)
    key = (resolved, stat.st_size, stat.st_mtime_ns)
    if key not in _CACHE:
        _CACHE[key] = load_file(path, shown)
    return _CACHE[key]


def _vintage_order(row: Observation) -> date:
    return row.vintage or date.min


@dataclass
class _Builder:
    """Collects files' data, dropping repeated rows and reporting ones that disagree."""

    rows: dict[tuple[str, date, date, date | None], Observation] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)

    def add_row(self, row: Observation) -> None:
        key = (row.metric, row.period.start, row.period.end, row.vintage)
        old = self.rows.setdefault(key, row)
        if old is not row and old.value != row.value:
            self.errors.append(InputError(row.location, (
                f"duplicate rows disagree: {row.metric} {row.period.label} is {row.value} here "
                f"and {old.value} at {old.location}")))

    def add_event(self, event: Event) -> None:
        old = self.events.setdefault(event.name, event)
        if old is not event and old.date != event.date:
            self.errors.append(InputError(event.location, (
                f"event {event.name!r} is {event.date} here and {old.date} at {old.location}")))

    def add_aliases(self, aliases: dict[str, list[str]]) -> None:
        for metric, names in aliases.items():
            known = self.aliases.setdefault(metric, [])
            known.extend(name for name in names if name not in known)

    def build(self) -> ReferenceData:
        by_metric: dict[str, list[Observation]] = {}
        for row in self.rows.values():
            by_metric.setdefault(row.metric, []).append(row)
        series = {
            metric: tuple(sorted(rows, key=lambda r: (r.period.start, r.period.end, _vintage_order(r))))
            for metric, rows in by_metric.items()
        }
        return ReferenceData(series, dict(self.events), {m: list(n) for m, n in self.aliases.items()})


class ReferenceData:
    """Observations by metric, named events and article aliases, with lookups."""

    def __init__(
        self,
        series: dict[str, tuple[Observation, ...]] | None = None,
        events: dict[str, Event] | None = None,
        aliases: dict[str, list[str]] | None = None,
    ) -> None:
        self._series = series or {}
        self._events = events or {}
        self._aliases = aliases or {}

    # ------------------------------------------------------------------ building

    @classmethod
    def load(cls, paths: Iterable[Path | str]) -> tuple[ReferenceData, list[InputError]]:
        """Load and combine files; bad files and rows become errors, good rows still load."""
        builder = _Builder()
        for path in paths:
            data = _load_cached(Path(path))
            builder.errors.extend(data.errors)
            for row in data.observations:
                builder.add_row(row)
            for event in data.events:
                builder.add_event(event)
            builder.add_aliases(data.aliases)
        return builder.build(), builder.errors

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
        return builder.build(), builder.errors

    # ------------------------------------------------------------------ queries

    def metrics(self) -> set[str]:
        return set(self._series)

    def aliases(self) -> dict[str, list[str]]:
        """Metric -> the names articles use for it (Korean and English)."""
        return {metric: list(names) for metric, names in self._aliases.items()}

    def observations(self, metric: str) -> tuple[Observation, ...]:
        """Every row of ``metric`` (all vintages), in period order."""
        return self._series.get(metric, ())

    def events(self) -> dict[str, Event]:
        return dict(self._events)

    def event(self, name: str) -> Event:
        try:
            return self._events[name]
        except KeyError:
            raise LookupFailure(f"unknown event {name!r}{did_you_mean(name, self._events)}") from None

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
            raise LookupFailure(f"unknown metric {metric!r}{did_you_mean(metric, self._series)}")
        if agg is not None and agg not in AGGREGATORS:
            raise LookupFailure(f"unknown agg {agg!r}{did_you_mean(agg, AGGREGATORS)} (choose {', '.join(AGGREGATORS)})")
        cutoff = _cutoff(published, as_of)
        found = _lookup(metric, rows, period, agg, cutoff)
        if cutoff is None or all(row.vintage is None for row in rows):
            return found
        newest = _lookup(metric, rows, period, agg, None)
        if [c.value for c in newest.candidates] != [c.value for c in found.candidates]:
            return replace(found, later=newest)
        return found


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
    hint = f"rows cover {first}..{last}"
    around = [r for r in rows if r.period.start <= period.start and period.end <= r.period.end]
    if around:
        hint += f"; {period.label} lies inside the row for {around[0].period.label}"
    else:
        before = [r.period for r in rows if r.period.end < period.start]
        after = [r.period for r in rows if r.period.start > period.end]
        if before and after:
            nearest = max(before, key=lambda p: p.end), min(after, key=lambda p: p.start)
            hint += f"; nearest rows {nearest[0].label} and {nearest[1].label}"
    return NoData(f"no data for {metric} in {period.label} ({hint})")


def _finest(rows: list[Observation]) -> list[Observation]:
    """Rows of the finest granularity present, so an aggregate never mixes days and months."""
    rank = {name: index for index, name in enumerate(GRANULARITIES)}
    best = min(rank[r.period.granularity] for r in rows)
    return [r for r in rows if rank[r.period.granularity] == best]


def _lookup(metric: str, rows: Sequence[Observation], period: Period, agg: str | None, cutoff: date | None) -> Lookup:
    inside = [r for r in rows if r.period.within(period)]
    if not inside:
        raise _no_data(metric, rows, period)
    chosen = _select_vintages(inside, cutoff)
    exact = [r for r in chosen if (r.period.start, r.period.end) == (period.start, period.end)]
    finer = [r for r in chosen if (r.period.start, r.period.end) != (period.start, period.end)]
    name = metric.split(".", 1)[1]
    if agg is None and not exact:
        adjective = ADJECTIVES.get(finer[0].period.granularity, "finer")
        raise LookupFailure(
            f"{metric} has {adjective} rows in {period.label}; say which with agg: {', '.join(AGGREGATORS)}")
    pool = exact if agg is None or not finer else _finest(finer)
    units = sorted({r.unit for r in pool})
    if len(units) > 1:
        raise LookupFailure(f"{metric} rows in {period.label} have different units: {', '.join(units)}")
    candidates = (single(pool[0], name),) if agg is None else AGGREGATORS[agg](pool, name, period.label)
    vintages = [r.vintage for r in pool if r.vintage is not None]
    vintage = max(vintages) if vintages else None
    if vintage is not None:
        candidates = tuple(replace(c, description=f"{c.description} (vintage {vintage})") for c in candidates)
    return Lookup(metric, period, agg, candidates, units[0], None, vintage)

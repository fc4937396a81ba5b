"""Where a series began: what a record claim needs and no file shows by itself.

"역대 최고", "an all-time high" rank a figure over the whole series. A download that
starts in 2022-04 may be the whole series or its last three months; a FRED graph CSV
starting at the series' first observation looks the same as one cut short. So the
start is known only when something says it:

- the reference entry's ``since: DATE`` (the series began then; a CSV may say
  ``# since:`` itself), checked against the file: a row before it is an error;
- the entry's ``complete: true``: the file's first row of each series is the series' first;
- the provider, for a file that proves it holds every observation (a FRED observations
  JSON asked from the earliest date, see :mod:`checker.reference.sources.fred`).

The entry wins over the provider, as every entry key does.
"""
from __future__ import annotations

from datetime import date

from checker.errors import InputError, Location
from checker.periods import PeriodError, parse_period
from checker.reference.entry import Entry
from checker.reference.model import Observation, SeriesStart

#: Granularities ``since:`` may name: one day, month, quarter, half or year, not a span.
_SINCE_GRANULARITIES = ("day", "month", "quarter", "half", "year")


def series_starts(found: dict[str, SeriesStart], entry: Entry, rows: list[Observation],
                  path: str, errors: list[InputError]) -> dict[str, SeriesStart]:
    """By metric, the day each series of the file began, where the entry or the file says it.

    ``found``: what the file's reader learnt from the provider, keyed by the rows' metrics.
    Problems with ``since:`` or ``complete:`` go to ``errors`` and leave the start unknown.
    """
    where = Location(path, 1, 1)
    complete = entry.complete.strip().lower()
    if complete not in ("", "true", "false"):
        errors.append(InputError(where, f"complete {entry.complete!r} must be true or false"))
        return {}
    if entry.since and complete == "true":
        errors.append(InputError(where, "give since: (the day the series began) or complete: true, not both"))
        return {}
    firsts = _first_days(rows)
    if complete == "true":
        return {metric: SeriesStart(day, "complete: true") for metric, day in firsts.items()}
    if entry.since:
        return _since(entry.since, firsts, where, errors)
    return {metric: start for metric, start in found.items() if metric in firsts}


def _since(written: str, firsts: dict[str, date], where: Location,
           errors: list[InputError]) -> dict[str, SeriesStart]:
    """``since: 1994-01-01`` (or a month, quarter, year): the day every series of the file began."""
    try:
        period = parse_period(written)
    except PeriodError as error:
        errors.append(InputError(where, f"since: {error}"))
        return {}
    if period.granularity not in _SINCE_GRANULARITIES:
        errors.append(InputError(where, f"since {written!r} must be one date (YYYY-MM-DD, YYYY-MM or YYYY), "
                                        "not a span"))
        return {}
    starts: dict[str, SeriesStart] = {}
    for metric, first in firsts.items():
        if first < period.start:
            errors.append(InputError(where, (
                f"since: {written} says the series began then, but {metric} has a row from {first}: "
                "a series cannot begin after its first row")))
        else:
            starts[metric] = SeriesStart(period.start, f"since: {written}")
    return starts


def _first_days(rows: list[Observation]) -> dict[str, date]:
    """By metric, the first day any of its rows covers (one pass over the rows)."""
    firsts: dict[str, date] = {}
    for row in rows:
        known = firsts.get(row.metric)
        if known is None or row.period.start < known:
            firsts[row.metric] = row.period.start
    return firsts

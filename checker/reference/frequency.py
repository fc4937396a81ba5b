"""A series' frequency, from its dates or as declared, and the periods its rows stand for.

FRED dates a month or a quarter by its first day: ``2021-09-01`` in a monthly series is
September 2021, not one day of it, so a lookup of ``2021-09`` needs no ``agg``. The
frequency is inferred per metric from the gaps between its dates for files that date periods so
(FRED; first-of-month dates one month apart are monthly, three months apart on
quarter starts are quarterly, …) or declared (``frequency:`` in the reference entry or a ``# frequency:`` line). Weekly
and daily series keep day rows; the frequency is kept as a note so messages name it.
Day rows far apart (a median gap over a week) are ``irregular``: dated events such as
layoffs, whose absence on other days means none, so no coverage can be asked of them.
Dates on one day of the month (the 15th; or every month's last day) a month, a quarter or
a year apart are a series dated so, not events: ``monthly-dated`` and so on, held to
coverage, so a year whose month-end rows stop in June has no ``last``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from checker.periods import month_period, quarter_period, year_period
from checker.reference.model import Observation

#: Accepted spellings of each frequency (FRED's letters included).
NAMES: dict[str, str] = {
    "daily": "daily", "d": "daily", "day": "daily", "weekly": "weekly", "w": "weekly", "week": "weekly",
    "monthly": "monthly", "m": "monthly", "month": "monthly", "quarterly": "quarterly", "q": "quarterly",
    "quarter": "quarterly", "yearly": "yearly", "annual": "yearly", "a": "yearly", "y": "yearly",
    "year": "yearly", "irregular": "irregular", "events": "irregular",
}
#: Months between rows, and the months a row may start on, for first-of-month series.
MONTHLY_SHAPES: tuple[tuple[str, int, frozenset[int]], ...] = (
    ("yearly", 12, frozenset({1})),
    ("quarterly", 3, frozenset({1, 4, 7, 10})),
    ("monthly", 1, frozenset(range(1, 13))),
)


#: Frequencies whose rows stay days: the dated labels are month-start dates in a file that does not
#: say they stand for months (only FRED does), so they are days that come once a month.
DAY_ROWS = ("weekly", "irregular", "monthly-dated", "quarterly-dated", "yearly-dated")
#: Median days between rows beyond which day rows are events (a layoff, a launch), not a series.
IRREGULAR_GAP_DAYS = 7
#: Dates on one day of the month (the 15th, month ends) that make a series rather than a coincidence.
MIN_ANCHORED = 3


def read_frequency(text: str) -> str:
    """``monthly``/``M``/``month`` → ``monthly``; ValueError naming the choices."""
    name = NAMES.get(text.strip().lower())
    if name is None:
        raise ValueError(f"unknown frequency {text!r} (choose daily, weekly, monthly, quarterly, yearly or irregular)")
    return name


def apply_frequency(rows: list[Observation], declared: str | None, infer_frequency: bool) -> list[Observation]:
    """Rows of day-dated monthly/quarterly/yearly series as months/quarters/years.

    The frequency is the declared one, else read from the dates (months, quarters and
    years only where ``infer_frequency``: FRED's first-of-period dates).
    Daily series (the common large case) pass through untouched.
    """
    by_metric: dict[str, list[Observation]] = defaultdict(list)
    for row in rows:
        by_metric[row.metric].append(row)
    result: list[Observation] = []
    for series in by_metric.values():
        days = [row.period.start for row in series if row.period.granularity == "day"]
        frequency = declared or infer(days, infer_frequency)
        if frequency in (None, "daily") or not days:  # plain days: nothing to note
            result.extend(series)
            continue
        notes: dict[int, dict[str, str]] = {}
        for row in series:
            shared = notes.setdefault(id(row.notes), {**row.notes, "frequency": frequency})
            result.append(_as_period(row, frequency, shared))
    return result


def infer(days: list[date], dates_name_periods: bool) -> str | None:
    """The frequency of a series from its dates; None when too few dates to tell.

    Only where ``dates_name_periods`` (FRED) can first-of-month dates be months,
    quarters or years; elsewhere day rows are daily, weekly or irregular.
    """
    distinct = sorted(set(days))
    if len(distinct) < 2:
        return None
    if all(day.day == 1 for day in distinct):
        gap = min(_months_between(a, b) for a, b in zip(distinct, distinct[1:]))
        months = {day.month for day in distinct}
        for name, step, starts in MONTHLY_SHAPES:
            if gap >= step and gap % step == 0 and months <= starts:
                return name if dates_name_periods else f"{name}-dated"
    elif len(distinct) >= MIN_ANCHORED and _anchored(distinct) and (dated := _dated_step(distinct)):
        return dated
    gaps = sorted((b - a).days for a, b in zip(distinct, distinct[1:]))
    if all(gap % 7 == 0 for gap in gaps):
        return "weekly"
    if gaps[len(gaps) // 2] > IRREGULAR_GAP_DAYS:
        return "irregular"
    return "daily"


def _anchored(days: list[date]) -> bool:
    """Whether every date falls on one day of the month, or every one on a month's last day."""
    return len({day.day for day in days}) == 1 or all((day + timedelta(days=1)).day == 1 for day in days)


def _dated_step(days: list[date]) -> str | None:
    """``monthly-dated`` (quarterly, yearly) for dates anchored in their months a whole step apart."""
    gap = min(_months_between(a, b) for a, b in zip(days, days[1:]))
    for name, step, _ in MONTHLY_SHAPES:
        if gap >= step and gap % step == 0 and len({day.month % step for day in days}) == 1:
            return f"{name}-dated"
    return None


def _months_between(first: date, second: date) -> int:
    return (second.year - first.year) * 12 + second.month - first.month


def _as_period(row: Observation, frequency: str, notes: dict[str, str]) -> Observation:
    """A day row as the month, quarter or year it dates; notes keep the frequency."""
    if row.period.granularity != "day" or frequency in DAY_ROWS:
        return replace(row, notes=notes)
    day = row.period.start
    if frequency == "monthly":
        period = month_period(day.year, day.month)
    elif frequency == "quarterly":
        period = quarter_period(day.year, (day.month - 1) // 3 + 1)
    else:
        period = year_period(day.year)
    return replace(row, period=period, notes=notes)

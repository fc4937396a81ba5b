"""A company's fourth quarter, which no filing states: its year less the first nine months.

A 10-K states the fiscal year and each 10-Q its quarter and the year to date, so companyfacts
hold no row for the fourth quarter (Tesla's net income of 2021-Q4 is nowhere in its file). A
figure an article states for it ("Tesla earned $2.3 billion in the final three months of 2021")
is checked as a reader of the filings works it out: ``relation: difference`` of the year and of
its first nine months, both filed rows. Only for money (a sum over the quarter: net income,
revenue), never a figure per share or a count of shares (a year's earnings per share is not the
sum of its quarters'), and only where the rows leave no choice: one year ending on the quarter's
last day and one span from that year's first day to the day before the quarter. A fiscal year
works alike (Apple's fiscal fourth quarter: 2021-09-26..2022-09-24 less 2021-09-26..2022-06-25).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from checker.extraction.model import ChangeLink
from checker.periods import Period
from checker.reference.model import LookupFailure

if TYPE_CHECKING:
    from checker.reference.store import ReferenceData

#: A quarter's length in days (a 13-week fiscal quarter is 91; a calendar one 90 to 92; a 14-week one 98),
#: and a year's (52 weeks to a 53-week fiscal year): the bounds :mod:`fiscal` reads filed spans with.
QUARTER_DAYS = range(60, 121)
YEAR_DAYS = range(300, 380)
#: A currency's ISO 4217 code, the unit companyfacts give money in (``USD``; ``USD/shares`` is per share).
_CURRENCY = re.compile(r"[A-Z]{3}")


def fourth_quarter(reference: ReferenceData, metric: str, quarter: Period, published: date | None) -> ChangeLink | None:
    """The year less its first nine months, for money ``metric`` over a ``quarter`` its rows lack but
    close a year of; None when the rows hold the quarter, are no money, or do not leave one such pair."""
    rows = reference.observations(metric)
    if not rows or not _CURRENCY.fullmatch(rows[0].unit or "") or _days(quarter) not in QUARTER_DAYS:
        return None
    years = {row.period for row in rows if row.period.end == quarter.end and row.period.start < quarter.start
             and _days(row.period) in YEAR_DAYS}
    if len(years) != 1:
        return None
    (year,) = years
    parts = {row.period for row in rows if row.period.start == year.start
             and row.period.end == quarter.start - timedelta(days=1)}
    if len(parts) != 1:
        return None
    (part,) = parts
    try:
        for asked in (year, part):
            reference.lookup(metric, asked, published=published)
    except LookupFailure:
        return None
    return ChangeLink(metric, year.label, part.label,
                      f"no filing states {quarter.label}: the year {year.label} less its first nine months, "
                      f"{part.label}, both filed: check it")


def _days(period: Period) -> int:
    """How many days ``period`` spans, both ends counted."""
    return (period.end - period.start).days + 1

"""Whether a series' rows cover a period, by the series' own frequency.

"Ended 2022 at $95" checked against a series that ends in June, or "$30 billion in
2022" summed over three quarters, would be judged on data that stop short: the last,
first, sum and mean of an incomplete period are unknown, not the figure at hand. Rows
that are months, quarters or years must all be there; daily and weekly rows must
reach within a few days of both ends (weekends, holidays and week dates leave gaps
no series can fill). Irregular rows (dated events) cover whatever they cover.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from checker.periods import Period
from checker.reference.model import Observation

#: Days a series of day rows may start after, or end before, a period it covers, by frequency:
#: weekends and holidays for daily rows, a step for weekly or month-start dates.
SLACK = {"daily": timedelta(days=6), "weekly": timedelta(days=6), "monthly-dated": timedelta(days=31),
         "quarterly-dated": timedelta(days=92), "yearly-dated": timedelta(days=366)}
#: Rows of these granularities are the periods themselves: every one must be present.
WHOLE = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def gap(rows: Sequence[Observation], period: Period,
        ends: tuple[str, ...] = ("start", "end")) -> tuple[str, dict[str, str]] | None:
    """What the rows inside ``period`` leave uncovered, as a catalogue key and its fields; None when covered.

    ``ends`` says which ends matter: a ``last`` needs the end of the period, a
    ``first`` its start, a sum or mean both (and, for months or quarters, every row).
    """
    first, last = min(r.period.start for r in rows), max(r.period.end for r in rows)
    granularity = rows[0].period.granularity
    if granularity in WHOLE:
        slack = timedelta(0)
        expected = _months(period.start, period.end) // WHOLE[granularity]
        present = len({(r.period.start, r.period.end) for r in rows})
        if present < expected and first == period.start and last == period.end and len(ends) == 2:
            return "nodata.count", {"present": str(present), "expected": str(expected), "granularity": granularity}
    elif rows[0].notes.get("frequency") == "irregular":
        return None
    else:
        slack = SLACK.get(rows[0].notes.get("frequency", "daily"), SLACK["daily"])
    if "end" in ends and last < period.end - slack:
        return "nodata.ends", {"day": str(last)}
    if "start" in ends and first > period.start + slack:
        return "nodata.starts", {"day": str(first)}
    return None


def _months(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` inclusive (a period of months)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1

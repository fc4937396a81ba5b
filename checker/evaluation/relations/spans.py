"""Elapsed time between two dates that may each be known only to a month or a year.

Shared by ``months_between`` and ``days_between``: "2021년 10월" is any day of October,
so the elapsed time is an interval from the latest start to the earliest end and back.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from checker.evaluation.figures import Figure, RelationProblem, sources_of
from checker.evaluation.intervals import Interval
from checker.evaluation.units import DURATIONS_IN_DAYS
from checker.messages import ENGLISH, say


def months_from(start: date, end: date) -> Decimal:
    """Calendar months from ``start`` to ``end``, the leftover days as a fraction of an average month.

    >>> round(months_from(date(2021, 10, 28), date(2022, 8, 16)), 3)
    Decimal('9.624')
    """
    delta = relativedelta(end, start)
    whole = Decimal(delta.years * 12 + delta.months)
    return whole + Decimal(delta.days) / DURATIONS_IN_DAYS["months"]


def days_from(start: date, end: date) -> Decimal:
    return Decimal((end - start).days)


def elapsed(name: str, operands: list[Figure], measure, unit: str, language: str = ENGLISH) -> Figure:
    """The interval of ``measure`` between two date figures, earliest and latest readings."""
    first, second = operands
    for figure in (first, second):
        if figure.days is None:
            raise RelationProblem(f"{name} needs dates, but {figure.description} is not a date")
    (a_first, a_last), (b_first, b_last) = first.days, second.days
    interval = Interval(measure(a_last, b_first), measure(a_first, b_first), measure(a_first, b_last))
    description = say(language, "figure.time", first=first.description, second=second.description)
    return Figure(interval, unit, description, sources_of([first, second]))

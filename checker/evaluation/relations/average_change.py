"""``average_change``: the arithmetic average change per period from a to b over n periods,
(b / a − 1) × 100 / n: the total percent change shared out evenly, the reading some writers mean
by "an average of 3% a year". ``of: [a, b, n]`` as for :mod:`cagr`, the compound reading.
"""
from __future__ import annotations

from decimal import Decimal

from checker.evaluation.figures import Figure, comparable_pair, sources_of
from checker.evaluation.intervals import Interval
from checker.evaluation.relations.base import Operands
from checker.evaluation.relations.cagr import periods
from checker.messages import say

NAME = "average_change"
ARITY = (3, 3)


def compute(operands: Operands) -> Figure:
    start, end, count = operands.figures
    a, b = comparable_pair(NAME, [start, end])
    n = periods(NAME, count)
    rate = (b / a - Interval.exact(Decimal(1))).scale(Decimal(100) / n)
    description = say(operands.language, "figure.average_change", start=start.description, end=end.description, n=n)
    return Figure(rate, "%", description, sources_of([start, end]))

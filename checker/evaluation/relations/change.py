"""``change``: the percent change from a to b, (b − a) / a × 100.

Computed as (b / a − 1) × 100 so each operand's interval counts once (the naive
(b − a) / a would double-count a's rounding). The change is signed; so is a claimed value
read with its verb ("7.4% 감소했다" is −7.4%, see ``checker.evaluation.claimed``), and
``direction: down`` gives a bare number the sign of a fall ("a decline of 37%").
"""
from __future__ import annotations

from decimal import Decimal

from checker.evaluation.figures import Figure, comparable_pair, sources_of
from checker.evaluation.intervals import Interval
from checker.evaluation.relations.base import Operands
from checker.messages import say

NAME = "change"
ARITY = (2, 2)


def compute(operands: Operands) -> Figure:
    start, end = operands.figures
    a, b = comparable_pair(NAME, operands.figures)
    growth = (b / a - Interval.exact(Decimal(1))).scale(Decimal(100))
    description = say(operands.language, "figure.change", start=start.description, end=end.description)
    return Figure(growth, "%", description, sources_of([start, end]))

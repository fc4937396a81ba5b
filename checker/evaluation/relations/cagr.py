"""``cagr``: the compound average growth rate per period from a to b over n periods,
((b / a) ** (1 / n) − 1) × 100 ("연평균 7.2% 인상", "grew at an average annual rate of 3%", "a CAGR of 8%").

``of: [a, b, n]``: the first and last values, then the number of periods between them
(``{value: 5}`` or ``{value: 5 years}``), written by the claim file because a reader counts
them from the article (2017 to 2022 is five years of growth, not six). The periods are a
count, taken exactly; the values keep their intervals, and the rate is monotone in b / a,
so the interval's ends map to the rate's ends. :mod:`average_change` is the arithmetic reading.
"""
from __future__ import annotations

from decimal import Decimal

from checker.evaluation.figures import Figure, RelationProblem, comparable_pair, require_numbers, sources_of
from checker.evaluation.intervals import Interval
from checker.evaluation.relations.base import Operands
from checker.messages import say

NAME = "cagr"
ARITY = (3, 3)


def periods(name: str, figure: Figure) -> Decimal:
    """The number of periods an average runs over: a positive count written as the third operand."""
    count = require_numbers(name, [figure])[0].point
    if count <= 0:
        raise RelationProblem(f"{name} needs a positive number of periods as its third operand, got {count}")
    return count


def compute(operands: Operands) -> Figure:
    start, end, count = operands.figures
    a, b = comparable_pair(NAME, [start, end])
    n = periods(NAME, count)
    rate = ((b / a).power(Decimal(1) / n) - Interval.exact(Decimal(1))).scale(Decimal(100))
    description = say(operands.language, "figure.cagr", start=start.description, end=end.description, n=n)
    return Figure(rate, "%", description, sources_of([start, end]))

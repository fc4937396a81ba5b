"""``product``: a × b × …, e.g. a count times a unit price ("35만 개 × 개당 2만5,000달러").

At most one operand may carry a unit of its own (money, a rate); counts and pure numbers
scale it.
"""
from __future__ import annotations

from functools import reduce
from operator import mul

from checker.evaluation.figures import Figure, RelationProblem, require_numbers, sources_of
from checker.evaluation.relations.base import Operands
from checker.evaluation.units import UnitMismatch, product_unit

NAME = "product"
ARITY = (2, None)


def compute(operands: Operands) -> Figure:
    figures = operands.figures
    try:
        unit = product_unit([figure.unit for figure in figures])
    except UnitMismatch as problem:
        raise RelationProblem(str(problem)) from None
    total = reduce(mul, require_numbers(NAME, figures))
    return Figure(total, unit, " × ".join(figure.description for figure in figures), sources_of(figures))

"""``sum``: a + b + …, all in one unit ("매출 합계")."""
from __future__ import annotations

from functools import reduce
from operator import add

from checker.evaluation.figures import Figure, require_numbers, require_same_unit, sources_of
from checker.evaluation.relations.base import Operands

NAME = "sum"
ARITY = (2, None)


def compute(operands: Operands) -> Figure:
    figures = operands.figures
    unit = require_same_unit(NAME, figures)
    total = reduce(add, require_numbers(NAME, figures))
    return Figure(total, unit, " + ".join(figure.description for figure in figures), sources_of(figures))

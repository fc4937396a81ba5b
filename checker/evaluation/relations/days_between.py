"""``days_between``: days elapsed from a to b ("사흘 만에")."""
from __future__ import annotations

from checker.evaluation.figures import Figure
from checker.evaluation.relations.base import Operands
from checker.evaluation.relations.spans import days_from, elapsed

NAME = "days_between"
ARITY = (2, 2)


def compute(operands: Operands) -> Figure:
    return elapsed(NAME, operands.figures, days_from, "days", operands.language)

"""``share``: a / b × 100, the percent that a part is of a whole ("흑인 비율 2%")."""
from __future__ import annotations

from decimal import Decimal

from checker.evaluation.figures import Figure, comparable_pair, sources_of
from checker.evaluation.relations.base import Operands
from checker.messages import say

NAME = "share"
ARITY = (2, 2)


def compute(operands: Operands) -> Figure:
    part, whole = operands.figures
    a, b = comparable_pair(NAME, operands.figures)
    description = say(operands.language, "figure.share", part=part.description, whole=whole.description)
    return Figure((a / b).scale(Decimal(100)), "%", description, sources_of([part, whole]))

"""``months_between``: months elapsed from a to b ("그로부터 10개월 뒤").

Operands are events (``{event: meta.rename}``), dates the article states, or literal
dates; a month-precision date widens the result to every day it could mean.
"""
from __future__ import annotations

from checker.evaluation.figures import Figure
from checker.evaluation.relations.base import Operands
from checker.evaluation.relations.spans import elapsed, months_from

NAME = "months_between"
ARITY = (2, 2)


def compute(operands: Operands) -> Figure:
    return elapsed(NAME, operands.figures, months_from, "months", operands.language)

"""``multiple``: a / b as a multiple ("3배", "tripled").

PASS: ``of: [{metric: meta.close, period: 2023, agg: last}, {metric: meta.close, period: 2022, agg: last}]``
with ``value: 3배`` when the close roughly tripled over 2023.
"""
from __future__ import annotations

from checker.evaluation.figures import Figure, comparable_pair, sources_of
from checker.evaluation.relations.base import Operands

NAME = "multiple"
ARITY = (2, 2)


def compute(operands: Operands) -> Figure:
    first, second = operands.figures
    a, b = comparable_pair(NAME, operands.figures)
    return Figure(a / b, "x", f"{first.description} ÷ {second.description}", sources_of([first, second]))

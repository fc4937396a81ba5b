"""``ratio``: a / b, a plain ratio ("절반", "a quarter of").

PASS: ``of: [q3-2022-net-income, {metric: meta.net_income, period: 2021-Q3}]`` with
``value: 절반 수준`` when a/b is about 0.5. Both operands must share a unit (or both be
counts).
"""
from __future__ import annotations

from checker.evaluation.figures import Figure, comparable_pair, sources_of
from checker.evaluation.relations.base import Operands

NAME = "ratio"
ARITY = (2, 2)


def compute(operands: Operands) -> Figure:
    first, second = operands.figures
    a, b = comparable_pair(NAME, operands.figures)
    return Figure(a / b, "ratio", f"{first.description} ÷ {second.description}", sources_of([first, second]))

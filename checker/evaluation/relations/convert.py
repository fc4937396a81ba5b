"""``convert``: an amount times an exchange rate ("100억 달러(약 13조 원)").

``of: [amount, rate]``; the rate's unit is ``KRW/USD`` (numerator per denominator) and the
amount must be in the denominator currency. The result is in the numerator currency.
This is the only way money changes currency in claimcheck.
"""
from __future__ import annotations

from checker.evaluation.figures import Figure, RelationProblem, require_numbers, sources_of
from checker.evaluation.relations.base import Operands

NAME = "convert"
ARITY = (2, 2)


def compute(operands: Operands) -> Figure:
    amount, rate = operands.figures
    if rate.unit is None or "/" not in rate.unit:
        raise RelationProblem(f"convert needs a rate such as KRW/USD second, got {rate.unit}")
    target, _, base = rate.unit.partition("/")
    if amount.unit != base:
        raise RelationProblem(f"convert: the amount is in {amount.unit} but the rate converts from {base}")
    a, r = require_numbers(NAME, [amount, rate])
    return Figure(a * r, target, f"{amount.description} × {rate.description}", sources_of([amount, rate]))

"""``expr``: an arithmetic expression over named operands, ``expr: "(a - b) / b * 100"``.

Evaluated by ``checker.evaluation.expression`` over an AST whitelist on intervals;
never Python ``eval``. Operand units are checked (USD + KRW is refused); the result has
the unit of the claim, so write the claim's value in the unit the expression yields.
"""
from __future__ import annotations

from checker.evaluation.expression import evaluate
from checker.evaluation.figures import Figure, RelationProblem, require_numbers, sources_of
from checker.evaluation.relations.base import Operands
from checker.messages import say

NAME = "expr"
ARITY = (1, None)


def compute(operands: Operands) -> Figure:
    if not operands.expr:
        raise RelationProblem("relation expr needs an expr: key")
    names = list(operands.named)
    intervals = dict(zip(names, require_numbers(NAME, list(operands.named.values()))))
    result = evaluate(operands.expr, intervals, {name: figure.unit for name, figure in operands.named.items()})
    figures = list(operands.named.values())
    described = ", ".join(f"{name} = {figure.description}" for name, figure in operands.named.items())
    return Figure(result, None, say(operands.language, "figure.expr", expr=operands.expr, operands=described),
                  sources_of(figures))

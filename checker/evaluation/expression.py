"""A small, safe arithmetic evaluator over intervals for the ``expr`` relation.

The expression is parsed with ``ast`` and walked over a whitelist: numbers, the
operand names, + − × ÷, unary minus, parentheses, a bounded ``**`` and the functions
``min``, ``max``, ``round``, ``abs``. Anything else (attributes, calls to other names,
lambdas, subscripts, comprehensions) is refused before any evaluation, and Python's
``eval`` is never reached.
"""
from __future__ import annotations

import ast
from decimal import Decimal, DecimalException

from checker.evaluation.figures import RelationProblem
from checker.evaluation.intervals import ArithmeticProblem, Interval

MAX_LENGTH = 500
MAX_DEPTH = 50
MAX_EXPONENT = 10
MAX_PLACES = 12
"""``round(x, n)`` takes ``n`` from -MAX_PLACES to MAX_PLACES: beyond, quantize cannot."""

_BINARY = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}


def evaluate(source: str, names: dict[str, Interval]) -> Interval:
    """Evaluate ``source`` with ``names`` bound to intervals.

    >>> str(evaluate("(b - a) / a * 100", {"a": Interval.exact(Decimal(2)), "b": Interval.exact(Decimal(3))}))
    '50'
    >>> evaluate("__import__('os')", {})
    Traceback (most recent call last):
    ...
    checker.evaluation.figures.RelationProblem: expr: calling '__import__' is not allowed (only min, max, round, abs)
    """
    if len(source) > MAX_LENGTH:
        raise RelationProblem(f"expr is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError) as problem:
        raise RelationProblem(f"expr is not a valid expression: {getattr(problem, 'msg', problem)}") from None
    except RecursionError:
        raise RelationProblem(f"expr nests deeper than {MAX_DEPTH} levels") from None
    try:
        return _walk(tree.body, names, 0)
    except ArithmeticProblem as problem:
        raise RelationProblem(f"expr: {problem}") from None
    except (DecimalException, ZeroDivisionError):
        # Decimal's own messages name only the exception class ("[<class ...>]").
        raise RelationProblem("expr: invalid arithmetic (a result too large or undefined)") from None


def _walk(node: ast.AST, names: dict[str, Interval], depth: int) -> Interval:
    if depth > MAX_DEPTH:
        raise RelationProblem(f"expr nests deeper than {MAX_DEPTH} levels")
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        value = Decimal(str(node.value))
        if not value.is_finite():  # 1e400 is a float infinity
            raise RelationProblem("expr: a number is too large")
        return Interval.exact(value)
    if isinstance(node, ast.Name):
        if node.id not in names:
            raise RelationProblem(f"expr: unknown name '{node.id}' (operands: {', '.join(names) or 'none'})")
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _walk(node.operand, names, depth + 1)
        return operand.negate() if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _walk(node.left, names, depth + 1), _walk(node.right, names, depth + 1)
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        return _power(node, names, depth)
    if isinstance(node, ast.Call):
        return _call(node, names, depth)
    raise RelationProblem(f"expr: {type(node).__name__.lower()} is not allowed")


def _power(node: ast.BinOp, names: dict[str, Interval], depth: int) -> Interval:
    exponent = node.right
    if not (isinstance(exponent, ast.Constant) and type(exponent.value) is int and 0 <= exponent.value <= MAX_EXPONENT):
        raise RelationProblem(f"expr: only whole exponents from 0 to {MAX_EXPONENT} are allowed")
    base = _walk(node.left, names, depth + 1)
    result = Interval.exact(Decimal(1))
    for _ in range(exponent.value):
        result = result * base
    return result


def _call(node: ast.Call, names: dict[str, Interval], depth: int) -> Interval:
    function = node.func.id if isinstance(node.func, ast.Name) else None
    if function not in ("min", "max", "round", "abs") or node.keywords:
        shown = function or type(node.func).__name__.lower()
        raise RelationProblem(f"expr: calling '{shown}' is not allowed (only min, max, round, abs)")
    arguments = [_walk(argument, names, depth + 1) for argument in node.args]
    if not arguments:
        raise RelationProblem(f"expr: {function}() needs arguments")
    if function == "min":
        return Interval(min(a.low for a in arguments), min(a.point for a in arguments), min(a.high for a in arguments))
    if function == "max":
        return Interval(max(a.low for a in arguments), max(a.point for a in arguments), max(a.high for a in arguments))
    value = arguments[0]
    if function == "abs":
        corners = (abs(value.low), abs(value.high))
        low = Decimal(0) if value.low <= 0 <= value.high else min(corners)
        return Interval(low, abs(value.point), max(corners))
    places = arguments[1].point if len(arguments) > 1 else Decimal(0)
    if places != places.to_integral_value() or abs(places) > MAX_PLACES:
        raise RelationProblem(f"expr: round() takes whole places from {-MAX_PLACES} to {MAX_PLACES}")
    places = int(places)
    step = Decimal(1).scaleb(-places)
    return Interval(value.low.quantize(step), value.point.quantize(step), value.high.quantize(step))

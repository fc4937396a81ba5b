"""A small, safe arithmetic evaluator over intervals for the ``expr`` relation.

The expression is parsed with ``ast`` and walked over a whitelist: numbers, the
operand names, + − × ÷, unary minus, parentheses, ``**`` with an exponent of numbers only
(whole, fractional or negative, at most 10 in size: ``(b / a) ** (1/5)``) and the functions
``min``, ``max``, ``round``, ``abs``. Anything else (attributes, calls to other names,
lambdas, subscripts, comprehensions) is refused before any evaluation, and Python's
``eval`` is never reached.

What Python's parser would quietly change is refused or kept exact instead:

- only ASCII: the parser folds identifiers by NFKC, so ``ª``, ``ａ`` or ``𝐚`` would be
  the operand ``a``;
- number literals are read from their digits as written (``12345678901234567890.5``
  is not rounded through a float);
- a chain of ``+``/``-`` (or ``*``/``/``) is one level however long: a flat 52-term sum
  is not "nested too deep";
- each function takes the arguments it has (``round(a, 1, 2)`` is an error);
- operand units are checked (:func:`result_unit`): USD + KRW is refused, not summed.
"""
from __future__ import annotations

import ast
from decimal import Decimal, DecimalException, InvalidOperation

from checker.evaluation.figures import RelationProblem
from checker.evaluation.intervals import ArithmeticProblem, Interval
from checker.quantities.model import MAX_EXPONENT as MAX_QUANTITY_EXPONENT

MAX_LENGTH = 500
MAX_DEPTH = 50
MAX_EXPONENT = 10
MAX_LITERAL_EXPONENT = MAX_QUANTITY_EXPONENT
"""Largest decimal exponent a number written in an expression may have, as for a stated value."""
MAX_PLACES = 12
"""``round(x, n)`` takes ``n`` from -MAX_PLACES to MAX_PLACES: beyond, quantize cannot."""

_BINARY = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}
_ADDITIVE = (ast.Add, ast.Sub)
_MULTIPLICATIVE = (ast.Mult, ast.Div)
_ARITY = {"min": (1, None), "max": (1, None), "abs": (1, 1), "round": (1, 2)}
DIMENSIONLESS = frozenset({"%", "pp", "x", "ratio"})
"""Units that scale rather than measure: ``a * b / 100`` with ``b`` in percent stays in ``a``'s unit."""


def evaluate(source: str, names: dict[str, Interval], units: dict[str, str | None] | None = None) -> Interval:
    """Evaluate ``source`` with ``names`` bound to intervals (and, when given, checked against their ``units``).

    >>> str(evaluate("(b - a) / a * 100", {"a": Interval.exact(Decimal(2)), "b": Interval.exact(Decimal(3))}))
    '50'
    >>> evaluate("__import__('os')", {})
    Traceback (most recent call last):
    ...
    checker.evaluation.figures.RelationProblem: expr: calling '__import__' is not allowed (only min, max, round, abs)
    >>> evaluate("12345678901234567890.5 + 0", {}).point
    Decimal('12345678901234567890.5')
    """
    tree = _parse(source)
    if units is not None:
        result_unit(tree.body, units)
    try:
        return _walk(tree.body, names, 0)
    except ArithmeticProblem as problem:
        raise RelationProblem(f"expr: {problem}") from None
    except (DecimalException, ZeroDivisionError):
        # Decimal's own messages name only the exception class ("[<class ...>]").
        raise RelationProblem("expr: invalid arithmetic (a result too large or undefined)") from None


def _parse(source: str) -> ast.Expression:
    if len(source) > MAX_LENGTH:
        raise RelationProblem(f"expr is longer than {MAX_LENGTH} characters")
    foreign = next((char for char in source if not char.isascii()), None)
    if foreign is not None:
        raise RelationProblem(f"expr: {foreign!r} is not ASCII; write names, numbers and operators in ASCII "
                              "(a look-alike letter would stand for another name)")
    try:
        tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError) as problem:
        raise RelationProblem(f"expr is not a valid expression: {getattr(problem, 'msg', problem)}") from None
    except (RecursionError, MemoryError):
        raise RelationProblem(f"expr nests deeper than {MAX_DEPTH} levels") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            node.value = _literal(node, source)
    return tree


def _walk(node: ast.AST, names: dict[str, Interval], depth: int) -> Interval:
    if depth > MAX_DEPTH:
        raise RelationProblem(f"expr nests deeper than {MAX_DEPTH} levels")
    if isinstance(node, ast.Constant) and isinstance(node.value, Decimal):
        return Interval.exact(node.value)
    if isinstance(node, ast.Name):
        if node.id not in names:
            raise RelationProblem(f"expr: unknown name '{node.id}' (operands: {', '.join(names) or 'none'})")
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _walk(node.operand, names, depth + 1)
        return operand.negate() if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        first, steps = _chain(node)
        result = _walk(first, names, depth + 1)
        for operator, operand in steps:
            result = _BINARY[type(operator)](result, _walk(operand, names, depth + 1))
        return result
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        return _power(node, names, depth)
    if isinstance(node, ast.Call):
        return _call(node, names, depth)
    raise RelationProblem(f"expr: {type(node).__name__.lower()} is not allowed")


def _chain(node: ast.BinOp) -> tuple[ast.AST, list[tuple[ast.operator, ast.AST]]]:
    """``a + b - c + d`` as its first operand and the (operator, operand) steps after it, left to right.

    The parser nests such a chain leftwards, one level per term; walked as a chain it
    is one level deep, so the depth limit counts parentheses and calls, not terms.
    """
    group = _ADDITIVE if isinstance(node.op, _ADDITIVE) else _MULTIPLICATIVE
    steps: list[tuple[ast.operator, ast.AST]] = []
    while isinstance(node, ast.BinOp) and isinstance(node.op, group):
        steps.append((node.op, node.right))
        node = node.left
    return node, steps[::-1]


def _literal(node: ast.Constant, source: str) -> Decimal:
    """A number literal as written: ``0.1`` is 0.1 exactly, not the float nearest to it."""
    if type(node.value) is int:
        value = Decimal(node.value)
    else:
        written = (ast.get_source_segment(source, node) or "").replace("_", "")
        try:
            value = Decimal(written)
        except InvalidOperation:
            value = Decimal(str(node.value))
    if value and abs(value.adjusted()) > MAX_LITERAL_EXPONENT:  # 1e400: surely a typo, never a figure
        raise RelationProblem("expr: a number is too large")
    return value


def _power(node: ast.BinOp, names: dict[str, Interval], depth: int) -> Interval:
    """``base ** exponent``: the exponent is written with numbers only (``** 2``, ``** (1/5)``, ``** -0.5``),
    so a root or a compound rate over N periods can be written, and its size is bounded."""
    try:
        exponent = _walk(node.right, {}, depth + 1)
    except RelationProblem:
        raise RelationProblem("expr: an exponent is written with numbers only (e.g. ** 2, ** (1/5))") from None
    power = exponent.point
    if exponent.low != exponent.high or abs(power) > MAX_EXPONENT:
        raise RelationProblem(f"expr: exponents run from -{MAX_EXPONENT} to {MAX_EXPONENT}")
    base = _walk(node.left, names, depth + 1)
    if power != power.to_integral_value() or power < 0:
        return base.power(power)
    result = Interval.exact(Decimal(1))
    for _ in range(int(power)):
        result = result * base
    return result


def _function(node: ast.Call) -> str:
    """The function called, when it is one of the four and called with as many plain arguments as it takes."""
    function = node.func.id if isinstance(node.func, ast.Name) else None
    if function not in _ARITY or node.keywords:
        shown = function or type(node.func).__name__.lower()
        raise RelationProblem(f"expr: calling '{shown}' is not allowed (only min, max, round, abs)")
    least, most = _ARITY[function]
    if len(node.args) < least:
        raise RelationProblem(f"expr: {function}() needs arguments")
    if most is not None and len(node.args) > most:
        raise RelationProblem(f"expr: {function}() takes at most {most} argument{'s' if most > 1 else ''}, "
                              f"got {len(node.args)}")
    return function


def _call(node: ast.Call, names: dict[str, Interval], depth: int) -> Interval:
    function = _function(node)
    arguments = [_walk(argument, names, depth + 1) for argument in node.args]
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


def result_unit(node: ast.AST, units: dict[str, str | None]) -> str | None:
    """The unit of ``node``'s value, refusing sums, differences and min/max of different units.

    A number and a dimensionless unit (:data:`DIMENSIONLESS`) go with any unit; a
    product or quotient of two units is a compound unit (``USD/people``) that only
    matches itself; a unit divided by itself is a pure number.

    >>> tree = ast.parse("a + b * c / 100", mode="eval").body
    >>> result_unit(tree, {"a": "USD", "b": "USD", "c": "%"})
    'USD'
    >>> result_unit(ast.parse("a + b", mode="eval").body, {"a": "USD", "b": "KRW"})
    Traceback (most recent call last):
    ...
    checker.evaluation.figures.RelationProblem: expr: cannot add or compare KRW and USD (convert one first)
    """
    if isinstance(node, ast.Name):
        unit = units.get(node.id)
        return None if unit in DIMENSIONLESS else unit
    if isinstance(node, ast.UnaryOp):
        return result_unit(node.operand, units)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (*_ADDITIVE, *_MULTIPLICATIVE)):
        first, steps = _chain(node)
        unit = result_unit(first, units)
        for operator, operand in steps:
            unit = _combine(unit, operator, result_unit(operand, units))
        return unit
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        base = result_unit(node.left, units)
        exponent = getattr(node.right, "value", None)
        return None if base is None or exponent == 0 else base if exponent == 1 else f"{base}^{exponent}"
    if isinstance(node, ast.Call) and node.args:
        found = [result_unit(argument, units) for argument in node.args]
        if getattr(node.func, "id", None) == "round":
            return found[0]
        return _same_unit(found)
    return None


def _combine(left: str | None, operator: ast.operator, right: str | None) -> str | None:
    if isinstance(operator, _ADDITIVE):
        return _same_unit([left, right])
    if left is None or right is None:
        return left or (f"1/{right}" if isinstance(operator, ast.Div) and right else right)
    if isinstance(operator, ast.Div):
        return None if left == right else f"{left}/{right}"
    return f"{left}·{right}"


def _same_unit(found: list[str | None]) -> str | None:
    named = sorted({unit for unit in found if unit is not None})
    if len(named) > 1:
        raise RelationProblem(f"expr: cannot add or compare {' and '.join(named)} (convert one first)")
    return named[0] if named else None

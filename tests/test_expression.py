"""The ``expr`` evaluator: arithmetic on intervals, and every unsafe form refused unexecuted."""
from __future__ import annotations

from decimal import Decimal

import pytest

from checker.evaluation.expression import evaluate
from checker.evaluation.figures import RelationProblem
from checker.evaluation.intervals import Interval

NAMES = {"a": Interval(Decimal(1), Decimal(2), Decimal(3)), "b": Interval.exact(Decimal(4))}


@pytest.mark.parametrize("source, expected", [
    ("a + b", (5, 6, 7)),
    ("b - a", (1, 2, 3)),
    ("a * b", (4, 8, 12)),
    ("b / a", (Decimal(4) / 3, 2, 4)),
    ("-a", (-3, -2, -1)),
    ("max(a, b)", (4, 4, 4)),
    ("min(a, 2)", (1, 2, 2)),
    ("round(b / 3, 1)", (Decimal("1.3"), Decimal("1.3"), Decimal("1.3"))),
    ("abs(a - 2)", (0, 0, 1)),
    ("a ** 2", (1, 4, 9)),
    ("b ** 0.5", (2, 2, 2)),
    ("b ** -1", (Decimal("0.25"), Decimal("0.25"), Decimal("0.25"))),
    ("a ** (1/2)", (1, Decimal(2).sqrt(), Decimal(3).sqrt())),
    ("((b * 9 / 4) ** (1/2) - 1) * 100", (200, 200, 200)),  # a compound rate: 1 to 9 over two periods is 200% a period
], ids=lambda value: str(value))
def test_arithmetic(source: str, expected: tuple) -> None:
    result = evaluate(source, NAMES)
    step = Decimal("1e-20")
    found = tuple(value.quantize(step) for value in (result.low, result.point, result.high))
    assert found == tuple(Decimal(value).quantize(step) for value in expected)


@pytest.mark.parametrize("source, message", [
    ("a.__class__", "attribute is not allowed"),
    ("__import__('os').system('true')", "calling"),
    ("(lambda: 1)()", "calling 'lambda' is not allowed"),
    ("c + 1", "unknown name 'c'"),
    ("10 ** 10 ** 10", "exponents run from -10 to 10"),
    ("a ** b", "an exponent is written with numbers only"),
    ("(a - 3) ** 0.5", "a fractional power of an interval reaching zero or below"),
    ("open('x')", "calling 'open' is not allowed"),
    ("[a][0]", "subscript is not allowed"),
    ("'text'", "constant is not allowed"),
    ("a if b else a", "ifexp is not allowed"),
    ("-" * 60 + "a", "nests deeper than 50"),
    ("a / (b - 4)", "division by an interval containing zero"),
    ("a +", "not a valid expression"),
    ("1" * 501, "longer than 500"),
])
def test_refused(source: str, message: str) -> None:
    with pytest.raises(RelationProblem, match=message.replace("(", r"\(")):
        evaluate(source, NAMES)

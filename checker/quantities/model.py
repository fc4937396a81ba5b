"""What one number in text means: value or range, unit, kind, qualifier, precision.

Values and bounds are ``Decimal`` with the digits as written, so ``4.40`` and ``4.4``
keep their different precision and no interval boundary flips by float error.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..quick_init import quick_init

MAX_EXPONENT = 30
"""Largest decimal exponent a stated or reference value may have; beyond it the input is surely wrong."""


class Kind(str, Enum):
    MONEY = "money"
    PERCENT = "percent"
    PERCENTAGE_POINT = "percentage_point"
    COUNT = "count"
    RATIO = "ratio"
    MULTIPLE = "multiple"
    DATE = "date"
    DURATION = "duration"
    NUMBER = "number"


class Qualifier(str, Enum):
    EXACT = "exact"
    APPROX = "approx"
    NEARLY = "nearly"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    RANGE = "range"
    DECADE = "decade"


@quick_init   # the grammar makes one at every number it reads: ``checker.quick_init``
@dataclass(frozen=True, slots=True)
class Quantity:
    """One parsed quantity.

    ``value`` is the point value (``None`` for a range). ``low``/``high`` are set for
    ranges (``2만5,000~3만 달러``) and decades (``90달러 대`` → 90..100). ``precision`` is
    the half-width of the writer's rounding, in the same units as ``value``.
    ``unit``: ISO 4217 code for money, ``%``, ``pp``, ``x`` (multiples), ``ratio``,
    a counter noun for counts (``people``, ``items``…), a duration unit (``days``,
    ``months``, ``years``…), ``None`` for plain numbers and dates.
    ``date`` holds an ISO-like period label for kind ``date`` (``2022-08``).
    ``start``/``end`` are code-point offsets of the consumed span in the parsed text.
    """

    kind: Kind
    value: Decimal | None
    unit: str | None
    qualifier: Qualifier = Qualifier.EXACT
    precision: Decimal = Decimal(0)
    low: Decimal | None = None
    high: Decimal | None = None
    text: str = ""
    start: int = 0
    end: int = 0
    date: str | None = None

    def bounds(self) -> tuple[Decimal, Decimal]:
        """The interval the writer's digits stand for, before any qualifier applies."""
        low = self.low if self.low is not None else self.value
        high = self.high if self.high is not None else self.value
        if low is None or high is None:
            raise ValueError(f"{self.text!r} has no numeric value")
        if self.qualifier is Qualifier.DECADE:
            return low, high
        return low - self.precision, high + self.precision


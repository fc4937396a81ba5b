"""Interval arithmetic over ``Decimal``.

Every stated number stands for an interval (the writer's rounding) and every reference
row for another (its own rounding), so a derived figure is an interval too. Carrying the
point value alongside lets the engine tell a claim that holds outright from one that
holds only because of rounding (``by_rounding``).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from checker.quick_init import quick_init


class ArithmeticProblem(ValueError):
    """An operation with no meaningful result, such as dividing by an interval holding 0."""


@quick_init
@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval ``[low, high]`` with the point value the writer meant."""

    low: Decimal
    point: Decimal
    high: Decimal

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value, value)

    @classmethod
    def around(cls, value: Decimal, half_width: Decimal) -> Interval:
        return cls(value - half_width, value, value + half_width)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.point + other.point, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.point - other.point, self.high - other.low)

    def __mul__(self, other: Interval) -> Interval:
        *corners, point = _corners(self, other, lambda a, b: a * b)
        return Interval(min(corners), point, max(corners))

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= other.high:
            raise ArithmeticProblem(f"division by an interval containing zero ({other})")
        *corners, point = _corners(self, other, lambda a, b: a / b)
        return Interval(min(corners), point, max(corners))

    def scale(self, factor: Decimal) -> Interval:
        """Multiply by an exact constant (unit conversions, percent)."""
        return self * Interval.exact(factor)

    def power(self, exponent: Decimal) -> Interval:
        """The interval raised to ``exponent``, a fraction allowed (a root, a compound rate).

        x ** p is monotone for x > 0 (rising for p > 0, falling for p < 0), so the ends map
        to the ends. A fractional power of a base that may be zero or negative has no real
        value: refused, never a guess.
        """
        if exponent != exponent.to_integral_value() and self.low <= 0:
            raise ArithmeticProblem(f"a fractional power of an interval reaching zero or below ({self})")
        if exponent < 0 and self.low <= 0 <= self.high:
            raise ArithmeticProblem(f"a negative power of an interval containing zero ({self})")
        with localcontext() as context:
            context.prec = 28
            ends = sorted((self.low ** exponent, self.high ** exponent))
            point = self.point ** exponent
        if exponent == exponent.to_integral_value() and int(exponent) % 2 == 0 and self.low < 0 < self.high:
            ends[0] = Decimal(0)  # an even power of an interval around zero bottoms out at zero
        return Interval(ends[0], point, ends[1])

    def negate(self) -> Interval:
        return Interval(-self.high, -self.point, -self.low)

    def meets(self, low: Decimal | None, high: Decimal | None) -> bool:
        """Whether this interval overlaps ``[low, high]`` (``None`` is unbounded)."""
        return (high is None or self.low <= high) and (low is None or self.high >= low)

    def __str__(self) -> str:
        digits = distinguishing_digits(self.low, self.high)
        if not self.shows_bounds(digits):
            return format_decimal(self.point)
        return (f"{format_decimal(self.point, digits)} [{format_decimal(self.low, digits)}, "
                f"{format_decimal(self.high, digits)}]")

    def shows_bounds(self, digits: int) -> bool:
        """Whether the bounds read apart at ``digits``: an interval narrower than that (exact filings
        divided, 2.034610629 to 2.034610631) is shown as its point."""
        return self.low != self.high and format_decimal(self.low, digits) != format_decimal(self.high, digits)


def _corners(a: Interval, b: Interval, op) -> list[Decimal]:
    """``op`` over the four corners, then (last) over the points, all at one precision."""
    with localcontext() as context:
        context.prec = 34
        return [*(op(x, y) for x in (a.low, a.high) for y in (b.low, b.high)), op(a.point, b.point)]


LARGE = Decimal("1e21")
"""From here on values are shown in exponent form."""
SMALL = Decimal("1e-12")
"""Below this magnitude, too."""


#: The most significant digits a bound is shown with to tell it from the other bound: past them, the
#: difference is arithmetic's, not a rounding a reader wrote.
MOST_DIGITS = 8


def distinguishing_digits(low: Decimal | None, high: Decimal | None, digits: int = 6) -> int:
    """The fewest significant digits, from ``digits`` up, that show two different bounds differently.

    A claim "1,187.24원" allows [1187.235, 1187.245]: at six digits both ends read "1187.24", an
    interval a reader cannot audit.

    >>> distinguishing_digits(Decimal("1187.235"), Decimal("1187.245")), distinguishing_digits(Decimal(1), Decimal(2))
    (7, 6)
    >>> str(Interval(Decimal("2.034610629"), Decimal("2.03461063"), Decimal("2.034610631")))
    '2.03461'
    
    """
    if low is None or high is None or low == high or not (low.is_finite() and high.is_finite()):
        return digits
    while digits < MOST_DIGITS and format_decimal(low, digits) == format_decimal(high, digits):
        digits += 1
    return digits


def format_decimal(value: Decimal, digits: int = 6) -> str:
    """Render a value for people: integers with thousands separators, others to ``digits`` significant digits.

    >>> format_decimal(Decimal("4395000000"))
    '4,395,000,000'
    >>> format_decimal(Decimal("0.478573"))
    '0.478573'
    >>> format_decimal(Decimal("20.318152")), format_decimal(Decimal("0.2750"))
    ('20.3182', '0.275')
    >>> format_decimal(Decimal("3E+47712")), format_decimal(Decimal("-Infinity"))
    ('3e+47712', '-Infinity')
    >>> format_decimal(Decimal("9.5E+1000010")), format_decimal(Decimal("0")), format_decimal(Decimal("4.7E-55"))
    ('9.5e+1000010', '0', '4.7e-55')
    """
    if not value.is_finite():
        return str(value)
    large = LARGE.adjusted()  # exponents, not abs(): abs() of 9.5e+999999 overflows the context
    if value.adjusted() < large and value == value.to_integral_value():
        return f"{int(value):,}"
    rounded = Decimal(f"{value:.{digits}g}")
    if rounded and not SMALL.adjusted() <= rounded.adjusted() < large:  # written out, 10**4000 or 10**-4000
        return f"{rounded:.{digits}g}"                                  # would be a page of zeros
    if rounded.adjusted() >= 0 and rounded == rounded.to_integral_value():
        return f"{int(rounded):,}"
    return f"{rounded.normalize():f}"

"""The writer's rounding step: how far the true value may lie from the digits written.

statcheck's rule, with Scrutinizer's lesson that round numbers are often rounded:

* with a decimal point, half the place value of the last written decimal digit;
* without one, half the place value of the last nonzero digit, but when that digit is
  followed by zeros (written, or implied by a scale word such as 만 or billion) at
  most 5% of the value, because "340" or "100억" is usually a rounded figure;
* numbers, fractions and multiples written as words carry 10% of their value.

>>> from decimal import Decimal as D
>>> digits_precision(D("4.4e9"), step=D("1e8"))      # 4.4 billion
Decimal('50000000')
>>> digits_precision(D("4.40"), step=D("0.01"))
Decimal('0.005')
>>> digits_precision(D("20.32"), step=D("0.01"))     # 20.32%
Decimal('0.005')
>>> digits_precision(D("15000"), step=D("1000"))     # 1.5만
Decimal('500')
>>> digits_precision(D("2"))                         # 2%
Decimal('0.5')
>>> digits_precision(D("4400000000"))                # 44억
Decimal('50000000')
>>> digits_precision(D("340"))
Decimal('5')
>>> digits_precision(D("10000"))                     # 1만
Decimal('500')
>>> digits_precision(D("10000000000"))               # 100억
Decimal('500000000')
>>> digits_precision(D("11000"))                     # 1만1,000
Decimal('500')
>>> digits_precision(D("9000000000"))                # 90억
Decimal('450000000')
>>> digits_precision(D("13000000000000"))            # 13조
Decimal('500000000000')
>>> words_precision(D("0.5"))                        # half, 절반
Decimal('0.05')
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

HALF = Decimal("0.5")
ROUND_NUMBER_CAP = Decimal("0.05")
WORDS_SHARE = Decimal("0.1")


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros but never write an integer in exponent form.

    >>> tidy(Decimal("5E+2")), tidy(Decimal("0.0500"))
    (Decimal('500'), Decimal('0.05'))
    """
    value = value.normalize()
    sign, digits, exponent = value.as_tuple()
    if isinstance(exponent, int) and exponent > 0:
        # Built from the digits, not by quantize: that is bounded by the context's 28 digits and fails on
        # a 40-digit number an article may hold; nor through int(), quadratic in the digits (a value of
        # 400,000 digits took 6 s, tests/test_red_team.py).
        return Decimal((sign, digits + (0,) * exponent, 0))
    return value


def last_nonzero_place(value: Decimal) -> int:
    """Exponent of the last nonzero digit of ``value`` (340 → 1, 4.4e9 → 8, 0 → 0).

    >>> last_nonzero_place(Decimal("340")), last_nonzero_place(Decimal("0.25"))
    (1, -2)
    """
    if value == 0:
        return 0
    sign, digits, exponent = value.normalize().as_tuple()
    assert isinstance(exponent, int)
    return exponent


@lru_cache(maxsize=4096)
def digits_precision(value: Decimal, step: Decimal | None = None) -> Decimal:
    """Precision of a number written in digits.

    ``step`` is the place value of the last written decimal digit when a decimal point
    was written (already multiplied by any scale word: ``1.5만`` → 1000), else None.
    Kept for the values read last (years, small counts recur in every article): equal
    values give the same answer, written the same way (``tidy``), whatever their exponent.
    """
    if step is not None:
        return tidy(step * HALF)
    place = last_nonzero_place(value)
    if place == 0:
        return HALF   # most numbers: half a unit (tidy of 0.5 × 10**0)
    half_step = HALF.scaleb(place)   # 0.5 × 10**place, with no power worked out
    if place > 0:
        return tidy(min(half_step, abs(value) * ROUND_NUMBER_CAP))
    return tidy(half_step)


def words_precision(value: Decimal) -> Decimal:
    """Precision of a number, fraction or multiple written as words: 10% of it."""
    return tidy(abs(value) * WORDS_SHARE)


def decade_width(value: Decimal) -> Decimal:
    """Width of a decade expression: the place value of the last nonzero digit.

    >>> decade_width(Decimal("90")), decade_width(Decimal("1990")), decade_width(Decimal("5"))
    (Decimal('10'), Decimal('10'), Decimal('1'))
    """
    return tidy(Decimal(10) ** last_nonzero_place(value))

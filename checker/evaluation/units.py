"""Which units can be compared, and the factor that converts one into another.

Money never changes currency here (only the ``convert`` relation does that, with a
sourced rate). Dimensionless figures (ratios, multiples, percents) convert freely, as
do durations. Percentage points never convert to or from a percent or a ratio: a
difference of two rates and a relative change are different quantities, so "50%p"
against a +50 % change is a mismatch, not a match. Counts compare only the same thing counted: every count of people
(명, ``employees``, ``jobs``) is one unit, ``shares`` and ``barrels`` are others.
"""
from __future__ import annotations

from decimal import Decimal

from checker.messages import ENGLISH, say, unit_name
from checker.quantities.units import canonical, without_bases

DIMENSIONLESS: dict[str, Decimal] = {"ratio": Decimal(1), "x": Decimal(1), "%": Decimal("0.01")}
DURATIONS_IN_DAYS: dict[str, Decimal] = {
    "seconds": Decimal(1) / Decimal(86400),
    "minutes": Decimal(1) / Decimal(1440),
    "hours": Decimal(1) / Decimal(24),
    "days": Decimal(1),
    "weeks": Decimal(7),
    "months": Decimal("30.436875"),
    "years": Decimal("365.2425"),
    "decades": Decimal("3652.425"),
    "centuries": Decimal("36524.25"),
}


class UnitMismatch(ValueError):
    """The claim and the evidence are in units that cannot be compared.

    A mismatch between the claim and its evidence keeps the two units, so a Korean report
    says it in Korean with the units as a Korean reader writes them (원, 지수(2015=100));
    ``str()`` is the English.
    """

    def __init__(self, message: str, units: tuple[str, str] | None = None) -> None:
        super().__init__(message)
        self.units = units

    def text(self, language: str) -> str:
        """The reason in ``language`` (English for a mismatch that kept no units)."""
        return str(self) if self.units is None else _mismatch_message(*self.units, language)

    def __reduce__(self) -> tuple:
        """Pickled with its units, as a worker process may raise it."""
        return type(self), (str(self), self.units)


def family(unit: str | None) -> str:
    """The family a unit belongs to: money, rate, dimensionless, duration, pp, count or none."""
    if unit is None:
        return "none"
    unit = without_bases(unit)
    if "/" in unit:
        return "rate"
    if unit in DIMENSIONLESS:
        return "dimensionless"
    if unit in DURATIONS_IN_DAYS:
        return "duration"
    if unit == "pp":
        return "pp"
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return "money"
    return "count"


def conversion_factor(source: str | None, target: str | None) -> Decimal:
    """The factor that turns a figure in ``source`` units into ``target`` units.

    >>> conversion_factor("ratio", "%")
    Decimal('1E+2')
    >>> conversion_factor("years", "months")
    Decimal('12')
    >>> conversion_factor("people", "employees")
    Decimal('1')
    """
    if source == target or family(target) == "none" or family(source) == "none":
        return Decimal(1)
    if per_one(source, target) or _unstated_base(source, target):
        return Decimal(1)
    kinds = family(source), family(target)
    if kinds == ("dimensionless", "dimensionless"):
        return DIMENSIONLESS[source] / DIMENSIONLESS[target]
    if kinds == ("duration", "duration"):
        return (DURATIONS_IN_DAYS[source] / DURATIONS_IN_DAYS[target]).normalize()
    if kinds == ("count", "count") and canonical(source) == canonical(target):
        return Decimal(1)
    raise UnitMismatch(_mismatch_message(source, target), (source, target))


def per_one(source: str | None, target: str | None) -> tuple[str, str] | None:
    """How an amount compares with a rate ``A/B``: as A per one B, ``(A, B)``; None when it does not.

    "원·달러 환율은 1,305.4원" states won per dollar, so an amount in A claimed against a
    rate series ``A/B`` (or a per-unit claim ``A/B`` against a series in A) is read per one B.

    >>> per_one("KRW/USD", "KRW")
    ('KRW', 'USD')
    >>> per_one("KRW", "KRW/shares"), per_one("KRW/USD", "USD")
    (('KRW', 'share'), None)
    """
    rate, amount = (source, target) if family(source) == "rate" else (target, source)
    if family(rate) != "rate" or family(amount) != "money":
        return None
    numerator, _, denominator = rate.partition("/")
    one = denominator[:-1] if denominator.endswith("s") and not denominator.isupper() else denominator
    return (amount, one) if numerator == amount else None


def _unstated_base(source: str, target: str) -> bool:
    """One unit is the other without its base: a claim's "$21.9 trillion" against chained 2017 dollars.

    The claim's words do not say a base year; the reference entry the claim file names
    does, so the claim is read in it. Two different bases never compare.

    >>> _unstated_base("USD (chained 2017)", "USD"), _unstated_base("USD (chained 2017)", "USD (chained 2009)")
    (True, False)
    """
    return source != target and (without_bases(source) == target or without_bases(target) == source)


def _mismatch_message(source: str, target: str, language: str = ENGLISH) -> str:
    """Why the units do not compare, and what to write instead (codes, as the claim file takes them)."""
    message = say(language, "mismatch.units", target=unit_name(target, language), source=unit_name(source, language))
    if family(source) == "money" and family(target) == "money":
        message += say(language, "mismatch.convert", target=target, source=source)
    if "pp" in (family(source), family(target)):
        message += say(language, "mismatch.points")
    return message


def product_unit(units: list[str | None]) -> str | None:
    """The unit of a product: counts and pure numbers scale the one unit that carries meaning.

    >>> product_unit(["items", "USD"])
    'USD'
    """
    meaningful = [unit for unit in units if family(unit) not in ("count", "none", "dimensionless")]
    if len(meaningful) > 1:
        raise UnitMismatch(f"cannot multiply {' × '.join(str(unit) for unit in units)}")
    if meaningful:
        return meaningful[0]
    counted = [unit for unit in units if family(unit) == "count"]
    return counted[0] if counted else None

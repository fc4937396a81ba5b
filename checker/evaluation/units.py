"""Which units can be compared, and the factor that converts one into another.

Money never changes currency here (only the ``convert`` relation does that, with a
sourced rate). Dimensionless figures (ratios, multiples, percents) convert freely, as
do durations; counts compare whatever counter noun the writer used (명 and
``employees`` both count people).
"""
from __future__ import annotations

from decimal import Decimal

DIMENSIONLESS: dict[str, Decimal] = {"ratio": Decimal(1), "x": Decimal(1), "%": Decimal("0.01")}
DURATIONS_IN_DAYS: dict[str, Decimal] = {
    "seconds": Decimal(1) / Decimal(86400),
    "minutes": Decimal(1) / Decimal(1440),
    "hours": Decimal(1) / Decimal(24),
    "days": Decimal(1),
    "weeks": Decimal(7),
    "months": Decimal("30.436875"),
    "years": Decimal("365.2425"),
}


class UnitMismatch(ValueError):
    """The claim and the evidence are in units that cannot be compared."""


def family(unit: str | None) -> str:
    """The family a unit belongs to: money, rate, dimensionless, duration, pp, count or none."""
    if unit is None:
        return "none"
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
    kinds = family(source), family(target)
    if kinds == ("dimensionless", "dimensionless"):
        return DIMENSIONLESS[source] / DIMENSIONLESS[target]
    if kinds == ("duration", "duration"):
        return (DURATIONS_IN_DAYS[source] / DURATIONS_IN_DAYS[target]).normalize()
    if kinds in (("count", "count"), ("dimensionless", "pp")) and source != "x":
        return Decimal(1) if kinds[0] == "count" else DIMENSIONLESS[source] * 100
    if kinds == ("pp", "dimensionless") and target == "%":
        return Decimal(1)
    raise UnitMismatch(_mismatch_message(source, target))


def _mismatch_message(source: str | None, target: str | None) -> str:
    message = f"unit mismatch: the claim is in {target}, the evidence in {source}"
    if family(source) == "money" and family(target) == "money":
        message += f"; state the conversion with relation: convert and a {target}/{source} rate"
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

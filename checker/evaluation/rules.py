"""The qualifier rules of DESIGN's table, turned into an acceptance interval.

A claim is judged by one question: does the interval of actual values (a reference
row's rounding, or a relation's interval arithmetic) meet the set of values the claim's
words allow? Answering it with intervals rather than points is what keeps a claim like
"a decline of 37%" (−36.4% at the points) from being refuted by rounding alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from checker.evaluation.intervals import Interval, format_decimal
from checker.evaluation.tolerances import Tolerances
from checker.quantities.model import Qualifier, Quantity


@dataclass(frozen=True)
class Acceptance:
    """The values a claim allows: ``low``..``high`` (``None`` unbounded), possibly open at either end."""

    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False
    band: Decimal = Decimal(0)
    rule: str = ""

    def admits(self, value: Decimal) -> bool:
        above = self.low is None or (value > self.low if self.low_open else value >= self.low)
        below = self.high is None or (value < self.high if self.high_open else value <= self.high)
        return above and below

    def meets(self, actual: Interval) -> bool:
        above = self.low is None or (actual.high > self.low if self.low_open else actual.high >= self.low)
        below = self.high is None or (actual.low < self.high if self.high_open else actual.low <= self.high)
        return above and below

    def widened(self, margin: Decimal) -> Acceptance:
        """The acceptance grown by ``margin`` on each bounded side: the imprecise band."""
        return Acceptance(
            None if self.low is None else self.low - margin,
            None if self.high is None else self.high + margin,
            self.low_open,
            self.high_open,
            self.band,
            self.rule,
        )

    def __str__(self) -> str:
        left = "(-∞" if self.low is None else ("(" if self.low_open else "[") + format_decimal(self.low)
        right = "∞)" if self.high is None else format_decimal(self.high) + (")" if self.high_open else "]")
        return f"{left}, {right}"


def acceptance(claim: Quantity, tolerances: Tolerances, direction: str | None = None) -> Acceptance:
    """The set of actual values that support ``claim`` under its qualifier."""
    qualifier = claim.qualifier
    precision = claim.precision
    if qualifier in (Qualifier.RANGE, Qualifier.DECADE):
        return _bounded_range(claim, tolerances)
    value = claim.value
    share = tolerances.for_qualifier(qualifier.value)
    band = max(precision, share * abs(value))
    if qualifier is Qualifier.APPROX or qualifier is Qualifier.EXACT:
        return Acceptance(value - band, value + band, band=band, rule=f"|a − v| ≤ {format_decimal(band)}")
    if qualifier is Qualifier.NEARLY:
        band = max(share * abs(value), precision)
        if direction == "down":
            return Acceptance(value, value + band, band=band, rule=f"v ≤ a ≤ v + {format_decimal(band)} (nearly, falling)")
        return Acceptance(value - band, value, band=band, rule=f"v − {format_decimal(band)} ≤ a ≤ v (nearly)")
    if qualifier is Qualifier.MORE_THAN:
        return Acceptance(value - share * abs(value), None, low_open=True, band=band, rule="a > v")
    if qualifier is Qualifier.AT_LEAST:
        return Acceptance(value - band, None, band=band, rule=f"a ≥ v − {format_decimal(band)}")
    if qualifier is Qualifier.LESS_THAN:
        return Acceptance(None, value + share * abs(value), high_open=True, band=band, rule="a < v")
    if qualifier is Qualifier.AT_MOST:
        return Acceptance(None, value + band, band=band, rule=f"a ≤ v + {format_decimal(band)}")
    raise ValueError(f"no rule for qualifier {qualifier}")


def _bounded_range(claim: Quantity, tolerances: Tolerances) -> Acceptance:
    low, high = claim.low, claim.high
    share = tolerances.for_qualifier(claim.qualifier.value)
    if claim.qualifier is Qualifier.DECADE:
        slack = share * abs(low)
        rule = "v ≤ a < v + 10^k (decade)" if not slack else f"v − {format_decimal(slack)} ≤ a < v + 10^k + {format_decimal(slack)} (decade)"
        return Acceptance(low - slack, high + slack, high_open=True, band=high - low, rule=rule)
    band = max(claim.precision, share * abs(high))
    return Acceptance(low - band, high + band, band=band, rule=f"low − {format_decimal(band)} ≤ a ≤ high + {format_decimal(band)}")


def imprecise_margin(claim: Quantity, rule: Acceptance, tolerances: Tolerances) -> Decimal:
    """How far past its rule a claim may land and still be ``imprecise`` rather than ``refuted``.

    DESIGN: within twice its tolerance band, or within 5% of |v|, whichever is wider.
    """
    reference = claim.value if claim.value is not None else max(abs(claim.low), abs(claim.high))
    extra_band = (tolerances.imprecise_factor - 1) * rule.band
    return max(extra_band, tolerances.imprecise * abs(reference))

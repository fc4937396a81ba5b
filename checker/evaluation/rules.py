"""The qualifier rules of DESIGN's table, turned into an acceptance interval.

A claim is judged by one question: does the interval of actual values (a reference
row's rounding, or a relation's interval arithmetic) meet the set of values the claim's
words allow? Answering it with intervals rather than points is what keeps a claim like
"a decline of 37%" (−36.4% at the points) from being refuted by rounding alone.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from checker.evaluation.intervals import Interval, distinguishing_digits, format_decimal
from checker.evaluation.tolerances import Tolerances
from checker.messages import ENGLISH, KOREAN, say
from checker.quantities.model import Qualifier, Quantity
from checker.quantities.predicates import negated
from checker.reports.amounts import korean


@dataclass(frozen=True)
class Acceptance:
    """The values a claim allows: ``low``..``high`` (``None`` unbounded), possibly open at either end."""

    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False
    band: Decimal = Decimal(0)
    #: The rule in words: catalogue keys (``rule.*`` in ``checker.messages``), each with the figure it names.
    wording: tuple[tuple[str, Decimal | None], ...] = ()
    sign: int = 0

    def rule(self, language: str = ENGLISH) -> str:
        """The rule as the report prints it: ``|a − v| ≤ 0.5``; in Korean its figures at 만/억/조 scale."""
        return "".join(say(language, key, figure=_figure(value, language)) for key, value in self.wording)

    def admits(self, value: Decimal) -> bool:
        above = self.low is None or (value > self.low if self.low_open else value >= self.low)
        below = self.high is None or (value < self.high if self.high_open else value <= self.high)
        return above and below

    def meets(self, actual: Interval) -> bool:
        above = self.low is None or (actual.high > self.low if self.low_open else actual.high >= self.low)
        below = self.high is None or (actual.low < self.high if self.high_open else actual.low <= self.high)
        return above and below

    def widened(self, margin: Decimal) -> Acceptance:
        """The acceptance grown by ``margin`` on each bounded side: the imprecise band.

        Made by position, not ``dataclasses.replace``, which works out the fields again for every
        claim (one band a claim: a tenth of judging it).
        """
        return Acceptance(None if self.low is None else self.low - margin,
                          None if self.high is None else self.high + margin,
                          self.low_open, self.high_open, self.band, self.wording, self.sign)._clamped()

    def signed(self, sign: int) -> Acceptance:
        """Only values on the side of 0 the words gave (a claimed rise is never met by a fall)."""
        side = "rule.positive" if sign > 0 else "rule.negative"
        return replace(self, sign=sign, wording=(*self.wording, (side, None)))._clamped()

    def _clamped(self) -> Acceptance:
        if self.sign > 0 and (self.low is None or self.low <= 0):
            return replace(self, low=Decimal(0), low_open=True)
        if self.sign < 0 and (self.high is None or self.high >= 0):
            return replace(self, high=Decimal(0), high_open=True)
        return self

    def mirrored(self) -> Acceptance:
        """The rule for −v from the rule for v: the words' qualifier bounds the size of a fall."""
        return Acceptance(
            None if self.high is None else -self.high,
            None if self.low is None else -self.low,
            self.high_open,
            self.low_open,
            self.band,
            (*self.wording, ("rule.sizes", None)),
        )

    def __str__(self) -> str:
        digits = distinguishing_digits(self.low, self.high)
        left = "(-∞" if self.low is None else ("(" if self.low_open else "[") + format_decimal(self.low, digits)
        right = "∞)" if self.high is None else format_decimal(self.high, digits) + (")" if self.high_open else "]")
        return f"{left}, {right}"


def acceptance(claim: Quantity, tolerances: Tolerances, direction: str | None = None,
               signed: bool = False) -> Acceptance:
    """The set of actual values that support ``claim`` under its qualifier.

    ``signed``: the words gave the value its sign (fell 7.4%, a deficit), so the qualifier
    bounds its size (fell by *nearly* a third: 30–33.3%) and the actual must share the sign.
    """
    if not signed:
        return _unsigned(claim, tolerances, direction)
    if (claim.value if claim.value is not None else claim.high) < 0:
        return _unsigned(negated(claim), tolerances, direction).mirrored().signed(-1)
    return _unsigned(claim, tolerances, direction).signed(1)


def _unsigned(claim: Quantity, tolerances: Tolerances, direction: str | None) -> Acceptance:
    qualifier = claim.qualifier
    precision = claim.precision
    if qualifier in (Qualifier.RANGE, Qualifier.DECADE):
        return _bounded_range(claim, tolerances)
    value = claim.value
    share = tolerances.for_qualifier(qualifier.value)
    band = max(precision, share * abs(value))
    if qualifier is Qualifier.APPROX or qualifier is Qualifier.EXACT:
        return Acceptance(value - band, value + band, band=band, wording=(("rule.within", band),))
    if qualifier is Qualifier.NEARLY:
        band = max(share * abs(value), precision)
        if direction == "down":
            return Acceptance(value, value + band, band=band, wording=(("rule.nearly_falling", band),))
        return Acceptance(value - band, value, band=band, wording=(("rule.nearly", band),))
    if qualifier is Qualifier.MORE_THAN:
        return Acceptance(value - share * abs(value), None, low_open=True, band=band, wording=(("rule.more_than", None),))
    if qualifier is Qualifier.AT_LEAST:
        return Acceptance(value - band, None, band=band, wording=(("rule.at_least", band),))
    if qualifier is Qualifier.LESS_THAN:
        return Acceptance(None, value + share * abs(value), high_open=True, band=band, wording=(("rule.less_than", None),))
    if qualifier is Qualifier.AT_MOST:
        return Acceptance(None, value + band, band=band, wording=(("rule.at_most", band),))
    raise ValueError(f"no rule for qualifier {qualifier}")


def _bounded_range(claim: Quantity, tolerances: Tolerances) -> Acceptance:
    low, high = claim.low, claim.high
    share = tolerances.for_qualifier(claim.qualifier.value)
    if claim.qualifier is Qualifier.DECADE:
        slack = share * abs(low)
        wording = (("rule.decade", None),) if not slack else (("rule.decade_slack", slack),)
        return Acceptance(low - slack, high + slack, high_open=True, band=high - low, wording=wording)
    band = max(claim.precision, share * abs(high))
    return Acceptance(low - band, high + band, band=band, wording=(("rule.range", band),))


def imprecise_margin(claim: Quantity, rule: Acceptance, tolerances: Tolerances) -> Decimal:
    """How far past its rule a claim may land and still be ``imprecise`` rather than ``refuted``.

    DESIGN: within twice its tolerance band, or within 5% of |v|, whichever is wider.
    """
    reference = claim.value if claim.value is not None else max(abs(claim.low), abs(claim.high))
    extra_band = (tolerances.imprecise_factor - 1) * rule.band
    return max(extra_band, tolerances.imprecise * abs(reference))


def _figure(value: Decimal | None, language: str) -> str:
    """A rule's figure as the language writes it (Korean at 만/억/조 scale); None: the rule names none."""
    if value is None:
        return ""
    return korean(value) if language == KOREAN else format_decimal(value)

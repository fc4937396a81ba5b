"""What a claim's words ask of the evidence: a signed value, the side ``nearly`` comes from, a form.

The predicate layer (:mod:`checker.quantities.predicates`) reads "7.4% 감소했다" as a
change of −7.4% and "3분의 1 수준으로 줄었다" as a ratio of ⅓ reached from above. This
module turns that reading, and the claim's ``direction:`` override, into what the judge
compares, fits a relation's figure to the form the words claim (a fall *by* a third over
a ``ratio``, a level *to* 2× over a ``change``), and words what the reader must know:
that the evidence went the other way, or that an amount was read against a rate.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from checker.claimfile.model import Claim
from checker.evaluation.figures import Figure
from checker.evaluation.intervals import Interval, format_decimal
from checker.evaluation.judge import Judgement
from checker.evaluation.units import per_one
from checker.quantities.model import Kind, Quantity
from checker.quantities.predicates import CHANGE, DOWN, LEVEL, UP, negated

#: Relations whose figure is the size of a move, so ``direction:`` gives the value its sign.
_MOVES = ("change", "difference")
#: Relations whose figure is a level relative to the whole (1).
_LEVELS = ("ratio", "multiple")
_ONE = Interval.exact(Decimal(1))


@dataclass(frozen=True)
class Asked:
    """The claimed value to judge, the side ``nearly`` approaches from (``down``: from above),
    whether the words gave the value its sign, and whether it states a change ("by")."""

    quantity: Quantity
    side: str | None
    signed: bool
    change: bool


def asked(claim: Claim) -> Asked:
    """What the claim asks, from its words, with ``direction:`` as the override.

    On a ``change`` or ``difference`` (or a value worded as a change), ``direction`` says
    which way the stated size moved; on a level it says the side ``nearly`` comes from.
    """
    quantity, predicate = claim.value, claim.predicate
    change = predicate is not None and predicate.form == CHANGE
    if claim.direction is not None and (change or claim.relation in _MOVES):
        size = negated(quantity) if _negative(quantity) else quantity
        return Asked(negated(size) if claim.direction == DOWN else size, None, True, True)
    side = claim.direction or (predicate.direction if predicate is not None and predicate.form == LEVEL else None)
    return Asked(quantity, side, predicate is not None and predicate.sign != 0, change)


def fitted(claim: Claim, wanted: Asked, figure: Figure) -> Figure:
    """The relation's figure in the form the words claim.

    A change ("fell by a third") over a ratio or multiple compares with ratio − 1; a level
    relative to the whole ("fell to a third", any 배) over a change compares with
    1 + change / 100. Every other pairing compares as computed.
    """
    if figure.interval is None:
        return figure
    if wanted.change and claim.relation in _LEVELS:
        return Figure(figure.interval - _ONE, "ratio", f"{figure.description} − 1 (the change it implies)",
                      figure.sources, steps=figure.steps)
    if claim.relation == "change" and _states_level(claim):
        level = figure.interval.scale(Decimal("0.01")) + _ONE
        return Figure(level, claim.value.unit, f"1 + ({figure.description}) / 100 (the level it reaches)",
                      figure.sources, steps=figure.steps)
    return figure


def notes(claim: Claim, wanted: Asked, judgement: Judgement) -> list[str]:
    """Sentences the explanation needs beyond the rule: a wrong direction, a rate reading."""
    said = []
    rate = per_one(judgement.figure.unit, wanted.quantity.unit)
    if rate:
        said.append(f"'{wanted.quantity.text}' against {judgement.figure.unit} is read as {rate}.")
    if claim.predicate is not None and claim.predicate.annual:
        said.append(f"'{wanted.quantity.text}' is read as an annual rate.")
    if judgement.verdict == "refuted":
        said += _wrong_way(claim, wanted, judgement.interval)
    return said


def _wrong_way(claim: Claim, wanted: Asked, actual: Interval) -> list[str]:
    value = wanted.quantity.value
    if value is None or value == 0 or not _opposite(value, actual):
        return []
    unit = wanted.quantity.unit
    if wanted.signed:
        shown = _to_places(actual.point, value)
        claimed_words, actual_words = _move(wanted, value, unit), _move(wanted, shown, unit)
        return [f"Wrong direction: {claimed_words}? {actual_words}."]
    if claim.relation in _MOVES and claim.predicate is None:
        return [f"The evidence moved the other way ({format_decimal(actual.point)}{_unit(unit)}): if the article "
                "says it fell, write the value with its verb ('7.4% 감소했다', 'fell 7.4%')."]
    return []


def _to_places(actual: Decimal, claimed: Decimal) -> Decimal:
    """The actual rounded to the decimals the claim was written with: "it fell 12.1%", not 12.0905%."""
    places = claimed.as_tuple().exponent
    if not isinstance(places, int) or places < -6:
        return actual
    return actual.quantize(Decimal(1).scaleb(places)) if places < 0 else actual


def _move(wanted: Asked, value: Decimal, unit: str | None) -> str:
    size = f"{format_decimal(abs(value))}{_unit(unit)}"
    if wanted.change:
        return f"it {'rose' if value > 0 else 'fell'} {size}"
    return f"a {'surplus' if value > 0 else 'deficit'} of {size}"


def _unit(unit: str | None) -> str:
    if unit == "%":
        return "%"
    if unit == "pp":
        return " percentage points"
    return f" {unit}" if unit else ""


def _opposite(value: Decimal, actual: Interval) -> bool:
    """Whether the whole actual interval lies on the other side of 0 from ``value``."""
    return actual.high < 0 if value > 0 else actual.low > 0


def _negative(quantity: Quantity) -> bool:
    return (quantity.value if quantity.value is not None else quantity.high) < 0


def _states_level(claim: Claim) -> bool:
    """A level relative to the whole: any 배, or a fraction the words put as a "to"."""
    if claim.value.kind is Kind.MULTIPLE:
        return True
    predicate = claim.predicate
    return (claim.value.kind is Kind.RATIO and predicate is not None and predicate.form == LEVEL
            and predicate.direction in (UP, DOWN))

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
from checker.messages import ENGLISH, KOREAN, say, unit_name
from checker.quantities.model import Kind, Quantity
from checker.quantities.predicates import CHANGE, DOWN, LEVEL, UP, negated, says_balance

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


def unstated_sign(claim: Claim, wanted: Asked, judgement: Judgement) -> bool:
    """Whether a refuted claim fails only on a sign its words never gave: a size held against a balance.

    "a $257 billion deficit, up from $67 billion" gives the second amount no side of its own.
    Against a surplus-or-deficit row of −66.56 billion, "$67 billion" is refuted by its sign
    alone, though the writer meant the deficit: the value must say the side before it is judged.
    Only a balance (named by the quote or the series) is read so; "inflation was 2%" against
    −2% stays refuted.
    """
    value = wanted.quantity.value
    if judgement.verdict != "refuted" or wanted.signed or wanted.change or value is None or value <= 0:
        return False
    if judgement.interval.point >= 0 or not judgement.imprecise_band.meets(judgement.interval.negate()):
        return False
    named = f"{claim.quote or ''} {judgement.figure.description}"
    return any(says_balance(named, language) for language in (ENGLISH, KOREAN))


def fitted(claim: Claim, wanted: Asked, figure: Figure, language: str = ENGLISH) -> Figure:
    """The relation's figure in the form the words claim.

    A change ("fell by a third") over a ratio or multiple compares with ratio − 1; a level
    relative to the whole ("fell to a third", any 배) over a change compares with
    1 + change / 100. Every other pairing compares as computed.
    """
    if figure.interval is None:
        return figure
    if wanted.change and claim.relation in _LEVELS:
        return Figure(figure.interval - _ONE, "ratio", say(language, "fitted.change", description=figure.description),
                      figure.sources, steps=figure.steps)
    if claim.relation == "change" and _states_level(claim):
        level = figure.interval.scale(Decimal("0.01")) + _ONE
        return Figure(level, claim.value.unit, say(language, "fitted.level", description=figure.description),
                      figure.sources, steps=figure.steps)
    return figure


def notes(claim: Claim, wanted: Asked, judgement: Judgement, language: str = ENGLISH) -> list[str]:
    """Sentences the explanation needs beyond the rule, in ``language``: a wrong direction, a rate reading."""
    said = []
    text = wanted.quantity.text
    rate = per_one(judgement.figure.unit, wanted.quantity.unit)
    if rate:
        amount, one = (unit_name(unit, language) for unit in rate)
        said.append(say(language, "note.per_one", text=text, unit=judgement.figure.unit, amount=amount, one=one))
    if claim.predicate is not None and claim.predicate.annual:
        said.append(say(language, "note.annual", text=text))
    if judgement.verdict == "refuted":
        said += _wrong_way(claim, wanted, judgement.interval, language)
    return said


def _wrong_way(claim: Claim, wanted: Asked, actual: Interval, language: str) -> list[str]:
    value = wanted.quantity.value
    if value is None or value == 0 or not _opposite(value, actual):
        return []
    unit = wanted.quantity.unit
    if wanted.signed:
        shown = _to_places(actual.point, value)
        return [say(language, "note.wrong_direction", claimed=_move(wanted, value, unit, language),
                    actual=_move(wanted, shown, unit, language))]
    if claim.relation in _MOVES and claim.predicate is None:
        return [say(language, "note.other_way", value=f"{format_decimal(actual.point)}{_unit(unit, language)}")]
    return []


def _to_places(actual: Decimal, claimed: Decimal) -> Decimal:
    """The actual rounded to the decimals the claim was written with: "it fell 12.1%", not 12.0905%."""
    places = claimed.as_tuple().exponent
    if not isinstance(places, int) or places < -6:
        return actual
    return actual.quantize(Decimal(1).scaleb(places)) if places < 0 else actual


def _move(wanted: Asked, value: Decimal, unit: str | None, language: str) -> str:
    size = f"{format_decimal(abs(value))}{_unit(unit, language)}"
    if wanted.change:
        return say(language, "move.rose" if value > 0 else "move.fell", size=size)
    return say(language, "move.surplus" if value > 0 else "move.deficit", size=size)


def _unit(unit: str | None, language: str) -> str:
    if language == KOREAN and unit in ("%", "pp"):
        return unit_name(unit, language)
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

"""From a number and its unit to a :class:`Quantity`: ranges, decades, final spans.

Language grammars produce a :class:`Core` (the quantity without hedge words); the
helpers here join two cores into a range, turn one into a decade, and wrap the core
with its hedges into the public ``Quantity``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from . import precision as prec
from .hedges import Hedge, combine
from .model import Kind, Qualifier, Quantity
from .numerals import Num


class Core(NamedTuple):
    """A quantity before hedge words: what the number and its unit say.

    A named tuple, not a frozen dataclass: a grammar builds a few for every place it reads,
    and a frozen dataclass's ``__init__`` (one ``object.__setattr__`` a field) costs several
    times as much as the tuple.
    """

    kind: Kind
    unit: str | None
    value: Decimal | None
    precision: Decimal
    end: int
    qualifier: Qualifier = Qualifier.EXACT
    low: Decimal | None = None
    high: Decimal | None = None
    date: str | None = None
    worded: bool = False
    scale: int = 1


def from_num(num: Num, kind: Kind, unit: str | None, end: int,
             qualifier: Qualifier = Qualifier.EXACT) -> Core:
    """A core that is one number with a unit."""
    return Core(kind, unit, num.value, num.precision, end, qualifier,
                worded=num.worded, scale=num.scale)


def date_core(label: str, end: int) -> Core:
    """A calendar date or month; ``label`` is ISO-like (2022-08, --11-09)."""
    return Core(Kind.DATE, None, None, Decimal(0), end, date=label)


def longest(*cores: Core | None) -> Core | None:
    """The candidate that consumed the most text; the earlier one on ties."""
    best: Core | None = None
    for core in cores:
        if core is not None and (best is None or core.end > best.end):
            best = core
    return best


def _lend_scale(first: Core, second: Core) -> Core:
    """2~3만, 2 to 3 billion: a bare first end borrows the second end's scale word."""
    if first.scale != 1 or second.scale == 1 or first.value is None or second.value is None:
        return first
    if first.value > second.value / second.scale:
        return first
    value = first.value * second.scale
    precision = prec.words_precision(value) if first.worded else prec.digits_precision(value)
    return first._replace(value=value, precision=precision, scale=second.scale)


#: A bare first end this many times smaller than a scaled second one is no end of its range.
_ENDS_APART = 1000


def join_range(first: Core, second: Core, end: int) -> Core | None:
    """``2만5,000~3만 달러``: the unit written once applies to both ends."""
    if first.value is None or second.value is None or Kind.DATE in (first.kind, second.kind):
        return None
    if first.qualifier is not Qualifier.EXACT or second.qualifier is not Qualifier.EXACT:
        return None
    if first.kind is Kind.MULTIPLE and second.unit is None:
        return None   # "rose eight-fold to 200,000": the level reached, no range of multiples
    if first.kind is Kind.NUMBER and first.unit is None:
        first = first._replace(kind=second.kind, unit=second.unit)
    elif second.kind is Kind.NUMBER and second.unit is None:
        second = second._replace(kind=first.kind, unit=first.unit)
    if (first.kind, first.unit) != (second.kind, second.unit):
        return None
    lent = _lend_scale(first, second)
    assert lent.value is not None
    if lent.value >= second.value or (lent is first and second.scale != 1 and first.scale == 1
                                       and first.value * _ENDS_APART < second.value):
        return None   # "2021 to $7.5 billion": a bare end that is no billions is no end of the range
    first = lent
    return Core(first.kind, first.unit, None, max(first.precision, second.precision), end,
                Qualifier.RANGE, low=first.value, high=second.value,
                worded=first.worded and second.worded, scale=second.scale)


def decade(core: Core, end: int) -> Core:
    """``90달러 대``, ``the $90s``: from the value up to the next step of its last digit."""
    assert core.value is not None
    return core._replace(end=end, qualifier=Qualifier.DECADE, low=core.value,
                         high=core.value + prec.decade_width(core.value))


def to_quantity(text: str, start: int, core: Core, before: Hedge | None,
                after: Hedge | None, offset: int = 0) -> Quantity:
    """The public quantity for ``text[start:end]``, its span shifted by ``offset``.

    ``offset`` is where ``text`` (a window of running text) starts in the whole text.
    """
    end = after.end if after else core.end
    qualifier = combine(before.qualifier if before else None, core.qualifier,
                        after.qualifier if after else None)
    return Quantity(core.kind, core.value, core.unit, qualifier, core.precision, core.low, core.high,
                    text[start:end], start + offset, end + offset, core.date)

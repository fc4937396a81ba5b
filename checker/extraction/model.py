"""What ``extract`` returns: the quantities of an article and the relations it states,
and the keys a draft links them to (``Link``, ``ChangeLink``: made by ``linking``,
defined here so that writing an unlinked draft does not load the linker).

``Extraction.to_dict()`` is the JSON of DESIGN "extract --format json": offsets are code
points into the article text as read, values are exact decimals written as JSON numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Union

from checker.quantities.model import Quantity
from checker.quick_init import quick_init

if TYPE_CHECKING:
    from checker.extraction.negatives import Negative

#: An operand of a stated relation: a quantity's index, or a lookup/literal mapping
#: (``{"metric": "meta.close", "period": "2023", "agg": "last"}``, ``{"period": "2021-Q3"}``).
Operand = Union[int, dict[str, str]]


@quick_init   # one a quantity of every text: ``checker.quick_init``
@dataclass(frozen=True, slots=True)
class Found:
    """One quantity of the article, where it is, and what it is about."""

    quantity: Quantity
    sentence: tuple[int, int]
    period: str | None = None
    metric: str | None = None
    note: str | None = None         # why the period is not given ("fiscal 2014": dates not stated)


@quick_init
@dataclass(frozen=True, slots=True)
class StatedRelation:
    """Arithmetic the text states between its numbers ("거의 4분의 1 수준으로").

    ``claim`` is the index of the quantity stating the result; ``operands`` what it is
    computed from, in the order of DESIGN's relations (ratio a/b, change from a to b).
    ``direction`` is ``down`` when the text states the size of a fall.
    """

    relation: str
    operands: tuple[Operand, ...]
    claim: int
    start: int
    end: int
    direction: str | None = None


@dataclass
class Extraction:
    text: str
    language: str
    published: date | None
    quantities: list[Found] = field(default_factory=list)
    relations: list[StatedRelation] = field(default_factory=list)
    negatives: list[Negative] = field(default_factory=list)
    file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``claimcheck extract --format json``."""
        return {
            "version": 1,
            "article": {"file": self.file, "language": self.language,
                        "published": self.published.isoformat() if self.published else None},
            "quantities": [_quantity(found) for found in self.quantities],
            "relations": [_relation(relation, self.quantities) for relation in self.relations],
        }


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when whole, else the nearest float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _quantity(found: Found) -> dict[str, Any]:
    q = found.quantity
    return {
        "start": q.start, "end": q.end, "text": q.text, "kind": q.kind.value,
        "value": number(q.value), "low": number(q.low), "high": number(q.high),
        "unit": q.unit, "qualifier": q.qualifier.value, "precision": number(q.precision),
        "sentence": list(found.sentence), "period": found.period, "metric": found.metric,
        **({"period_note": found.note} if found.note else {}),
    }


def _relation(relation: StatedRelation, quantities: list[Found]) -> dict[str, Any]:
    stated = quantities[relation.claim].quantity
    return {
        "relation": relation.relation, "operands": list(relation.operands),
        "value": number(stated.value), "low": number(stated.low), "high": number(stated.high),
        "unit": stated.unit, "qualifier": stated.qualifier.value, "claim": relation.claim,
        "direction": relation.direction, "start": relation.start, "end": relation.end,
    }


@dataclass(frozen=True)
class Link:
    """The keys a drafted claim gets, why an ``agg`` was chosen (None without one), and which
    keys were carried from earlier in the paragraph (``(key, why)``, see ``extraction.carried``)."""

    metric: str
    period: str
    agg: str | None = None
    why: str | None = None
    carried: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ChangeLink:
    """A stated change against an earlier period: ``relation: difference`` of the two periods, or
    ``change`` (a percent change from ``earlier``) or ``multiple`` ("doubled") where the number says so.

    ``why`` says how the earlier period was chosen when the sentence does not state it (None when
    it does: 전년 대비)."""

    metric: str
    period: str
    earlier: str
    why: str | None = None
    relation: str = "difference"


@dataclass(frozen=True)
class Rivals:
    """Metrics whose names stand equally near one number and are equally long: the words do
    not decide, so the draft links none and names each in a comment for a person to choose."""

    metrics: tuple[str, ...]

    @property
    def note(self) -> str:
        return f"the words name {' and '.join(self.metrics)} alike: link the one meant"

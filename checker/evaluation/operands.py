"""Resolve a relation's operands into figures.

A claim-id operand gives the number the article states (with the writer's rounding),
so a relation over stated numbers checks the article's own arithmetic; a lookup or an
event gives the world's figure, with its source. The check is labelled accordingly.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Callable

from checker.claimfile.model import Claim, Operand
from checker.evaluation.figures import Figure, RelationProblem
from checker.evaluation.intervals import Interval, format_decimal
from checker.evaluation.timing import dated
from checker.periods import PeriodError, parse_period
from checker.quantities.model import Kind, Qualifier, Quantity
from checker.reference import LookupFailure, ReferenceData
from checker.reference.model import Candidate, Lookup, labelled, series_names


class UnresolvedOperand(Exception):
    """An operand whose figure is unknown (its claim has no evidence): the claim is unverifiable."""


@dataclass(frozen=True)
class OperandContext:
    """What resolving an operand may consult."""

    claims: dict[str, Claim]
    actual_figures: Callable[[str], Figure | None]
    reference: ReferenceData
    published: date | None
    article: str


def resolve(operand: Operand, context: OperandContext) -> tuple[Figure, str]:
    """The figure for ``operand`` and where it comes from: ``stated`` or ``reference``."""
    if operand.claim is not None:
        return _claim_figure(operand, context)
    if operand.metric is not None:
        return lookup_figures(context.reference, operand.metric, operand.period, operand.agg,
                              context.published, operand.as_of, single=True)[0], "reference"
    if operand.event is not None:
        event = context.reference.event(operand.event)
        figure = Figure(None, None, f"{event.name} ({event.date.isoformat()})", (event.source,),
                        days=(event.date, event.date),
                        steps=(f"event {event.name} on {event.date.isoformat()} (source: {event.source})",))
        return figure, "reference"
    return stated_figure(operand.value, f"'{operand.value.text}'", context.article, context.published), "stated"


def _claim_figure(operand: Operand, context: OperandContext) -> tuple[Figure, str]:
    if operand.side == "actual":
        figure = context.actual_figures(operand.claim)
        if figure is None:
            raise UnresolvedOperand(f"operand '{operand.claim}' has no evidence of its own to use")
        return _by_reference(operand.claim, figure), "reference"
    claim = context.claims[operand.claim]
    if claim.value is None:
        raise UnresolvedOperand(f"operand '{operand.claim}' states no value")
    return stated_figure(claim.value, f"'{claim.value.text}' ({claim.id})", context.article, context.published), "stated"


def _by_reference(claim_id: str, figure: Figure) -> Figure:
    """Another claim's evidence, named by that claim instead of repeating how it was computed.

    Inlined, a chain of claims each using the one before twice would double its
    description and steps at every link (40 links: gigabytes); the earlier claim's own
    result already shows its arithmetic.
    """
    value = f"{figure.interval} {figure.unit or ''}".rstrip() if figure.interval is not None else figure.description
    description = f"the evidence of {claim_id}"
    return replace(figure, description=description, steps=(f"{description}: {value}",))


def stated_figure(quantity: Quantity, description: str, article: str, published: date | None = None) -> Figure:
    """The interval a stated number stands for: its rounding, a range, a decade, or a date's days.

    Its source is the article itself, the evidence an internal-consistency check rests on.
    """
    sources = (article,)
    if quantity.kind is Kind.DATE:
        days = _days(quantity, published)
        step = f"{description} as stated: {days[0].isoformat()}..{days[1].isoformat()}"
        return Figure(None, None, description, sources, days=days, steps=(step,))
    low, high = quantity.bounds()
    if quantity.qualifier in (Qualifier.RANGE, Qualifier.DECADE):
        point = (quantity.low + quantity.high) / 2
    else:
        point = quantity.value
    interval = Interval(low, point, high)
    step = f"{description} as stated: {interval} {quantity.unit or ''}".rstrip()
    return Figure(interval, quantity.unit, description, sources, steps=(step,))


def _days(quantity: Quantity, published: date | None) -> tuple[date, date]:
    label = quantity.date or ""
    if label.startswith("--"):
        raise RelationProblem(f"the date '{quantity.text}' has no year; write it with one (e.g. 2022년 {quantity.text})")
    try:
        period = parse_period(label, published)
    except PeriodError as problem:
        raise RelationProblem(str(problem)) from None
    return period.start, period.end


def lookup_figures(reference: ReferenceData, metric: str, period, agg: str | None, published: date | None,
                   as_of, single: bool = False) -> list[Figure]:
    """The figure(s) a reference lookup offers; ``single`` refuses agg ``any`` (an operand needs one value)."""
    if period is None:
        raise LookupFailure(f"{metric}: a period is needed to look it up")
    if single and agg == "any":
        raise LookupFailure("agg any gives several values and cannot be a relation operand; use min, max, first, last or mean")
    found = reference.lookup(metric, period, agg, published=published, as_of=as_of)
    figures = candidate_figures(found)
    if found.later is None or len(figures) != 1 or len(found.later.candidates) != 1:
        return figures
    return [replace(figures[0], revisions=(_revision(found),))]


def _revision(found: Lookup) -> str:
    """One line on an operand whose newest vintage differs from the one used."""
    newest = found.later.candidates[0].value
    used = found.candidates[0].value
    return (f"{found.metric} {found.period.label} was revised: {format_decimal(used)} {found.unit} in the vintage "
            f"of {found.vintage} used, {format_decimal(newest)} {found.unit} in the newest ({found.later.vintage})")


def candidate_figures(found: Lookup, as_published: bool = False) -> list[Figure]:
    """One figure per candidate of a lookup, each naming its rows and sources.

    ``as_published``: the figure is the one a fact-checker quotes (a claim checked
    directly against a lookup), a point; as an operand of a relation it carries the
    rounding its series publishes, so the arithmetic knows how far the result may lie.
    """
    return [_candidate_figure(found, candidate, as_published) for candidate in found.candidates]


def _candidate_figure(found: Lookup, candidate: Candidate, as_published: bool) -> Figure:
    low, high = (candidate.value, candidate.value) if as_published else (candidate.low, candidate.high)
    interval = Interval(low, candidate.value, high)
    description = f"{labelled(found.metric, candidate.rows)} {found.period.label}"
    if found.agg:
        description += f" ({found.agg})"
    rounding = "as published, compared as a point" if as_published else f"±{format_decimal(_half(candidate))}"
    name = series_names(candidate.rows)
    named = f"{candidate.description} ({name})" if name else candidate.description
    step = f"{named} → {format_decimal(candidate.value)} {found.unit} {rounding}"
    if candidate.sources:
        step += f" (source: {'; '.join(candidate.sources)})"
    return Figure(interval, found.unit, description, candidate.sources, steps=(step,),
                  dated=tuple(dated(row) for row in candidate.rows))


def _half(candidate: Candidate) -> Decimal:
    return (candidate.high - candidate.low) / 2

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
from checker.evaluation.units import family, per_one
from checker.messages import ENGLISH, agg_name, dates, say, unit_name
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
    #: The language of the figures' descriptions and steps (``checker.messages``).
    language: str = ENGLISH


def resolve(operand: Operand, context: OperandContext) -> tuple[Figure, str]:
    """The figure for ``operand`` and where it comes from: ``stated`` or ``reference``."""
    if operand.claim is not None:
        return _claim_figure(operand, context)
    if operand.metric is not None:
        return lookup_figures(context.reference, operand.metric, operand.period, operand.agg,
                              context.published, operand.as_of, single=True, language=context.language)[0], "reference"
    if operand.event is not None:
        event = context.reference.event(operand.event)
        day = dates(event.date.isoformat(), context.language)
        step = say(context.language, "step.event", name=event.name, day=day, source=event.source)
        figure = Figure(None, None, f"{event.name} ({day})", (event.source,), days=(event.date, event.date),
                        steps=(step,))
        return figure, "reference"
    return stated_figure(operand.value, f"'{operand.value.text}'", context.article, context.published,
                         context.language), "stated"


def _claim_figure(operand: Operand, context: OperandContext) -> tuple[Figure, str]:
    if operand.side == "actual":
        figure = context.actual_figures(operand.claim)
        if figure is None:
            raise UnresolvedOperand(say(context.language, "operand.no_evidence", claim=operand.claim))
        return _by_reference(operand.claim, figure, context.language), "reference"
    claim = context.claims[operand.claim]
    if claim.value is None:
        raise UnresolvedOperand(say(context.language, "operand.no_value", claim=operand.claim))
    figure = stated_figure(claim.value, f"'{claim.value.text}' ({claim.id})", context.article, context.published,
                           context.language)
    return _as_its_rate(figure, claim, context.reference), "stated"


def _as_its_rate(figure: Figure, claim: Claim, reference: ReferenceData) -> Figure:
    """A stated amount its claim links to a rate ("1,187.24원" to won per dollar) stands for that rate here too.

    Its own check reads it per one dollar (``units.per_one``); as an operand it stayed an amount in won, so a
    change to "달러당 1,440.5원" was refused as one between two units.
    """
    if claim.metric is None or claim.period is None or family(figure.unit) != "money":
        return figure
    rows = reference.observations_within(claim.metric, claim.period)
    rate = rows[0].unit if rows else None
    if family(rate) != "rate" or per_one(rate, figure.unit) is None:
        return figure
    return replace(figure, unit=rate)


def _by_reference(claim_id: str, figure: Figure, language: str) -> Figure:
    """Another claim's evidence, named by that claim instead of repeating how it was computed.

    Inlined, a chain of claims each using the one before twice would double its
    description and steps at every link (40 links: gigabytes); the earlier claim's own
    result already shows its arithmetic.
    """
    value = f"{figure.interval} {figure.unit or ''}".rstrip() if figure.interval is not None else figure.description
    description = say(language, "figure.evidence_of", claim=claim_id)
    return replace(figure, description=description,
                   steps=(say(language, "step.evidence_of", description=description, value=value),))


def stated_figure(quantity: Quantity, description: str, article: str, published: date | None = None,
                  language: str = ENGLISH) -> Figure:
    """The interval a stated number stands for: its rounding, a range, a decade, or a date's days.

    Its source is the article itself, the evidence an internal-consistency check rests on.
    """
    sources = (article,)
    if quantity.kind is Kind.DATE:
        days = _days(quantity, published)
        span = dates(f"{days[0].isoformat()}..{days[1].isoformat()}", language)
        step = say(language, "step.as_stated", description=description, value=span)
        return Figure(None, None, description, sources, days=days, steps=(step,))
    low, high = quantity.bounds()
    if quantity.qualifier in (Qualifier.RANGE, Qualifier.DECADE):
        point = (quantity.low + quantity.high) / 2
    else:
        point = quantity.value
    interval = Interval(low, point, high)
    step = say(language, "step.as_stated", description=description,
               value=f"{interval} {unit_name(quantity.unit, language)}".rstrip())
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
                   as_of, single: bool = False, language: str = ENGLISH) -> list[Figure]:
    """The figure(s) a reference lookup offers; ``single`` refuses agg ``any`` (an operand needs one value)."""
    if period is None:
        raise LookupFailure(f"{metric}: a period is needed to look it up")
    if single and agg == "any":
        raise LookupFailure("agg any gives several values and cannot be a relation operand; use min, max, first, last or mean")
    found = reference.lookup(metric, period, agg, published=published, as_of=as_of)
    figures = candidate_figures(found, language=language)
    if found.later is None or len(figures) != 1 or len(found.later.candidates) != 1:
        return figures
    return [replace(figures[0], revisions=(_revision(found, language),))]


def _revision(found: Lookup, language: str) -> str:
    """One line on an operand whose newest vintage differs from the one used."""
    return say(language, "step.revision", metric=found.metric, period=dates(found.period.label, language),
               used=format_decimal(found.candidates[0].value), unit=unit_name(found.unit, language),
               vintage=dates(str(found.vintage), language),
               newest=format_decimal(found.later.candidates[0].value),
               newest_vintage=dates(str(found.later.vintage), language))


def candidate_figures(found: Lookup, as_published: bool = False, language: str = ENGLISH) -> list[Figure]:
    """One figure per candidate of a lookup, each naming its rows and sources.

    ``as_published``: the figure is the one a fact-checker quotes (a claim checked
    directly against a lookup), a point; as an operand of a relation it carries the
    rounding its series publishes, so the arithmetic knows how far the result may lie.
    """
    return [_candidate_figure(found, candidate, as_published, language) for candidate in found.candidates]


def _candidate_figure(found: Lookup, candidate: Candidate, as_published: bool, language: str) -> Figure:
    low, high = (candidate.value, candidate.value) if as_published else (candidate.low, candidate.high)
    interval = Interval(low, candidate.value, high)
    metric, period = labelled(found.metric, candidate.rows), dates(found.period.label, language)
    description = (say(language, "figure.lookup_agg", metric=metric, period=period, agg=agg_name(found.agg, language))
                   if found.agg else say(language, "figure.lookup", metric=metric, period=period))
    rounding = say(language, "step.as_published") if as_published else f"±{format_decimal(_half(candidate))}"
    name = series_names(candidate.rows)
    described = candidate.describe(language)
    named = f"{described} ({name})" if name else described
    fields = {"row": named, "value": format_decimal(candidate.value), "unit": unit_name(found.unit, language),
              "rounding": rounding}
    sources = candidate.sources  # a property: worked out once here, not three times
    step = (say(language, "step.row_sources", sources="; ".join(sources), **fields) if sources
            else say(language, "step.row", **fields))
    links = tuple(dict.fromkeys((labelled(found.metric, (row,)), row.link) for row in candidate.rows if row.link))
    return Figure(interval, found.unit, description, sources, steps=(step,),
                  dated=tuple(dated(row) for row in candidate.rows), links=links)


def _half(candidate: Candidate) -> Decimal:
    return (candidate.high - candidate.low) / 2

"""A figure is what a relation computes with: an interval, a unit, and where it came from.

Operands arrive from three places (a number the article states, a reference lookup,
a named event date), and relations must not care which: they see figures, and each
figure carries the words and sources that let a person retrace the arithmetic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from checker.evaluation.intervals import Interval
from checker.evaluation.timing import Dated
from checker.quantities.units import without_bases


@dataclass(frozen=True)
class Figure:
    """An operand or a result: a numeric interval, or a span of possible days for a date."""

    interval: Interval | None
    unit: str | None
    description: str
    sources: tuple[str, ...] = ()
    days: tuple[date, date] | None = None
    steps: tuple[str, ...] = field(default=())
    #: When each reference row behind the figure was published; empty for a number the article states.
    dated: tuple[Dated, ...] = ()
    #: What a newer vintage of a looked-up figure says, when it differs (a revision after the article).
    revisions: tuple[str, ...] = ()
    #: The provider pages of the tables behind a looked-up figure: ``(series name or metric, URL)``.
    links: tuple[tuple[str, str], ...] = ()


class RelationProblem(ValueError):
    """A relation cannot be computed from the operands it was given (one line, for the user)."""


def require_numbers(name: str, figures: list[Figure]) -> list[Interval]:
    """The intervals of ``figures``, refusing dates where a relation needs numbers."""
    intervals = []
    for figure in figures:
        if figure.interval is None:
            raise RelationProblem(f"{name} needs numbers, but {figure.description} is a date")
        intervals.append(figure.interval)
    return intervals


def require_same_unit(name: str, figures: list[Figure]) -> str | None:
    """The shared unit of ``figures``; adding or comparing dollars with won is refused."""
    units = {figure.unit for figure in figures}
    if len(units) > 1:
        listed = ", ".join(sorted(str(unit) for unit in units))
        raise RelationProblem(f"{name} needs operands in one unit, got {listed}")
    return units.pop() if units else None


def carried_per_unit(figures: list[Figure], stated: list[bool], quote_says: Callable[[str], bool],
                     step: Callable[[str], str]) -> list[Figure]:
    """Give one operand's per-unit word to the others where the relation's quote says so.

    "배럴당 108.16달러로 전월의 102.82달러보다 5.2% 올랐다" writes 배럴당 once, for both prices: the
    article's 102.82달러 is a price per barrel too. Only numbers the article states take it,
    only from a per-unit figure in the same currency or count, and only when the relation's
    quote itself writes the per-unit word (``quote_says`` of the denominator: 배럴당, a barrel).
    A lookup keeps the unit its reference gives, so a series in dollars never becomes a price.
    """
    rates = {figure.unit for figure in figures if figure.unit and "/" in figure.unit}
    amount = next(iter(rates)).partition("/")[0] if len(rates) == 1 else None
    if amount is None or not any(is_stated and figure.unit == amount for figure, is_stated in zip(figures, stated)) \
            or not quote_says(next(iter(rates)).partition("/")[2]):
        return figures
    rate = rates.pop()
    return [Figure(figure.interval, rate, figure.description, figure.sources, figure.days,
                   (*figure.steps, step(rate.partition("/")[2])),
                   figure.dated, figure.revisions, figure.links)
            if is_stated and figure.unit == amount else figure
            for figure, is_stated in zip(figures, stated)]


def require_shared_bases(name: str, figures: list[Figure]) -> None:
    """Refuse operands of one kind of amount on different bases, whatever the relation.

    Chained 2009 and chained 2017 dollars, or an index on 2010=100 and one on 2015=100,
    differ by a factor no relation knows: two vintages of a series combined into one
    growth rate gave 80.8 % without a word. An expression may divide dollars by people,
    but never these by each other.
    """
    by_kind: dict[str, str] = {}
    for figure in figures:
        if figure.unit is None:
            continue
        first = by_kind.setdefault(without_bases(figure.unit), figure.unit)
        if first != figure.unit:
            one, other = sorted((first, figure.unit))
            raise RelationProblem(
                f"{name} combines figures in {one} and in {other}: dollars of different base years "
                "or indexes on different bases are different units; take every operand from one release of the series")


def sources_of(figures: list[Figure]) -> tuple[str, ...]:
    """Every source behind ``figures``, each once, in order."""
    seen: dict[str, None] = {}
    for figure in figures:
        for source in figure.sources:
            seen.setdefault(source, None)
    return tuple(seen)


def comparable_pair(name: str, figures: list[Figure]) -> tuple[Interval, Interval]:
    """The intervals of two figures in one unit: what ratio, multiple, change and share compare."""
    require_same_unit(name, figures)
    first, second = require_numbers(name, figures)
    return first, second

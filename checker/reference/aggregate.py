"""Aggregations over the rows inside a coarser period: last, first, min, max, mean, sum, any.

A registry: each aggregation maps the rows (in period order) to candidates. The
interval of an aggregate is the aggregate of the rows' intervals (mean of lows to
mean of highs, and so on), all in Decimal, and its description names the row(s) used
so a reader can check the figure by hand.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Sequence

from checker.reference.model import Candidate, Observation

Aggregator = Callable[[Sequence[Observation], str, str], tuple[Candidate, ...]]


def _when(row: Observation) -> str:
    return f"{'on' if row.period.granularity == 'day' else 'in'} {row.period.label}"


def _display(value: Decimal, rows: Sequence[Observation]) -> str:
    """A computed value shown with the rows' own number of decimals."""
    places = min(int(row.value.as_tuple().exponent) for row in rows)
    return str(value.quantize(Decimal(1).scaleb(places))) if places < 0 else str(value.to_integral_value())


def _span(rows: Sequence[Observation]) -> str:
    return f"{len(rows)} rows, {rows[0].period.label}..{rows[-1].period.label}"


def _pick(agg: str, row: Observation, name: str, label: str) -> tuple[Candidate, ...]:
    description = f"{agg} {name} of {label}: {row.value} {_when(row)}"
    return (Candidate(row.value, row.low, row.high, (row,), description),)


def single(row: Observation, name: str) -> Candidate:
    """The candidate for a row whose period is exactly the one asked."""
    return Candidate(row.value, row.low, row.high, (row,), f"{name} {_when(row)}: {row.value}")


def last(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    return _pick("last", rows[-1], name, label)


def first(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    return _pick("first", rows[0], name, label)


def minimum(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    row = min(rows, key=lambda r: r.value)
    return (Candidate(row.value, min(r.low for r in rows), min(r.high for r in rows), (row,),
                      f"min {name} of {label}: {row.value} {_when(row)}"),)


def maximum(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    row = max(rows, key=lambda r: r.value)
    return (Candidate(row.value, max(r.low for r in rows), max(r.high for r in rows), (row,),
                      f"max {name} of {label}: {row.value} {_when(row)}"),)


def mean(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    count = Decimal(len(rows))
    value = sum((r.value for r in rows), Decimal(0)) / count
    low = sum((r.low for r in rows), Decimal(0)) / count
    high = sum((r.high for r in rows), Decimal(0)) / count
    description = f"mean {name} of {label}: {_display(value, rows)} over {_span(rows)}"
    return (Candidate(value, low, high, tuple(rows), description),)


def total(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    value = sum((r.value for r in rows), Decimal(0))
    low = sum((r.low for r in rows), Decimal(0))
    high = sum((r.high for r in rows), Decimal(0))
    description = f"sum {name} of {label}: {value} over {_span(rows)}"
    return (Candidate(value, low, high, tuple(rows), description),)


def every(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    return tuple(single(row, name) for row in rows)


AGGREGATORS: dict[str, Aggregator] = {
    "last": last,
    "first": first,
    "min": minimum,
    "max": maximum,
    "mean": mean,
    "sum": total,
    "any": every,
}

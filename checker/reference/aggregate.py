"""Aggregations over the rows inside a coarser period: last, first, min, max, mean, sum, any.

A registry: each aggregation maps the rows (in period order) to candidates. The
interval of an aggregate is the aggregate of the rows' intervals (mean of lows to
mean of highs, and so on), all in Decimal, and its description (a catalogue key and its fields,
said in the report's language) names the row(s) used so a reader can check the figure by hand.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Sequence

from checker.reference.model import Candidate, Observation

Aggregator = Callable[[Sequence[Observation], str, str], tuple[Candidate, ...]]


def _when(row: Observation) -> str:
    """The key suffix for when a row is: ``on`` a day, ``in`` a longer period."""
    return "on" if row.period.granularity == "day" else "in"


def _display(value: Decimal, rows: Sequence[Observation]) -> str:
    """A computed value shown with the rows' own number of decimals."""
    places = min(int(row.value.as_tuple().exponent) for row in rows)
    return str(value.quantize(Decimal(1).scaleb(places))) if places < 0 else str(value.to_integral_value())


def _span(rows: Sequence[Observation]) -> dict[str, str]:
    return {"count": str(len(rows)), "first": rows[0].period.label, "last": rows[-1].period.label}


def _picked(agg: str, row: Observation, name: str, label: str) -> dict[str, str]:
    return {"agg": agg, "name": name, "period": label, "value": str(row.value), "label": row.period.label}


def _pick(agg: str, row: Observation, name: str, label: str) -> tuple[Candidate, ...]:
    return (Candidate(row.value, row.low, row.high, (row,), f"row.pick_{_when(row)}", _picked(agg, row, name, label)),)


def single(row: Observation, name: str) -> Candidate:
    """The candidate for a row whose period is exactly the one asked."""
    return Candidate(row.value, row.low, row.high, (row,), f"row.{_when(row)}",
                     {"name": name, "label": row.period.label, "value": str(row.value)})


def last(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    return _pick("last", rows[-1], name, label)


def first(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    return _pick("first", rows[0], name, label)


def minimum(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    row = min(rows, key=lambda r: r.value)
    return (Candidate(row.value, min(r.low for r in rows), min(r.high for r in rows), (row,),
                      f"row.pick_{_when(row)}", _picked("min", row, name, label)),)


def maximum(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    row = max(rows, key=lambda r: r.value)
    return (Candidate(row.value, max(r.low for r in rows), max(r.high for r in rows), (row,),
                      f"row.pick_{_when(row)}", _picked("max", row, name, label)),)


def mean(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    count = Decimal(len(rows))
    value = sum((r.value for r in rows), Decimal(0)) / count
    low = sum((r.low for r in rows), Decimal(0)) / count
    high = sum((r.high for r in rows), Decimal(0)) / count
    fields = {"name": name, "period": label, "value": _display(value, rows), **_span(rows)}
    return (Candidate(value, low, high, tuple(rows), "row.mean", fields),)


def total(rows: Sequence[Observation], name: str, label: str) -> tuple[Candidate, ...]:
    value = sum((r.value for r in rows), Decimal(0))
    low = sum((r.low for r in rows), Decimal(0))
    high = sum((r.high for r in rows), Decimal(0))
    fields = {"name": name, "period": label, "value": str(value), **_span(rows)}
    return (Candidate(value, low, high, tuple(rows), "row.sum", fields),)


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

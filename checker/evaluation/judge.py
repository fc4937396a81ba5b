"""Turn a claimed quantity and the evidence's figure(s) into a verdict.

The verdict is decided on intervals (DESIGN: a claim is supported when the claimed and
computed intervals meet); the point values only decide whether that support came from
rounding alone (``by_rounding``). When the evidence offers several candidates (agg
``any``), the one that supports the claim best is the one reported.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.evaluation.figures import Figure
from checker.evaluation.intervals import Interval
from checker.evaluation.rules import Acceptance, acceptance, imprecise_margin
from checker.evaluation.tolerances import Tolerances
from checker.evaluation.units import conversion_factor
from checker.quantities.model import Quantity

_RANK = {"supported": 0, "imprecise": 1, "refuted": 2}


@dataclass(frozen=True)
class Judgement:
    """A verdict with the figure and rule that produced it."""

    verdict: str
    by_rounding: bool
    figure: Figure
    interval: Interval
    rule: Acceptance
    imprecise_band: Acceptance


def judge(claimed: Quantity, candidates: list[Figure], tolerances: Tolerances, direction: str | None = None,
          signed: bool = False) -> Judgement:
    """The best verdict any candidate gives ``claimed``; raises ``UnitMismatch`` for incomparable units.

    ``signed``: the claim's words gave its value a sign (see ``rules.acceptance``).
    """
    rule = acceptance(claimed, tolerances, direction, signed)
    band = rule.widened(imprecise_margin(claimed, rule, tolerances))
    judgements = [_judge_one(claimed, figure, rule, band) for figure in candidates]
    if len(judgements) == 1:  # one row, the common lookup: nothing to rank
        return judgements[0]
    return min(judgements, key=lambda j: (_RANK[j.verdict], j.by_rounding, _distance(claimed, j.interval)))


def _judge_one(claimed: Quantity, figure: Figure, rule: Acceptance, band: Acceptance) -> Judgement:
    interval = figure.interval.scale(conversion_factor(figure.unit, claimed.unit))
    if rule.meets(interval):
        verdict, by_rounding = "supported", not rule.admits(interval.point)
    else:
        verdict, by_rounding = ("imprecise" if band.meets(interval) else "refuted"), False
    return Judgement(verdict, by_rounding, figure, interval, rule, band)


def _distance(claimed: Quantity, interval: Interval):
    target = claimed.value if claimed.value is not None else (claimed.low + claimed.high) / 2
    return abs(interval.point - target)

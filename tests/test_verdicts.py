"""DESIGN's qualifier semantics and verdict bands, as a table of cases (tests/verdict_cases.yaml)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from checker.evaluation.figures import Figure
from checker.evaluation.intervals import Interval
from checker.evaluation.judge import judge
from checker.evaluation.tolerances import DEFAULT_TOLERANCES, effective
from checker.quantities.model import Kind, Qualifier, Quantity

CASES = yaml.safe_load((Path(__file__).parent / "verdict_cases.yaml").read_text(encoding="utf-8"))


def _quantity(case: dict) -> Quantity:
    number = lambda key: Decimal(case[key]) if key in case else None  # noqa: E731
    return Quantity(Kind.NUMBER, number("value"), None, Qualifier(case["qualifier"]), Decimal(case["precision"]),
                    low=number("low"), high=number("high"), text=str(case.get("value", "")))


def _actual(text: str) -> Interval:
    parts = [Decimal(part) for part in text.split("..")]
    return Interval.exact(parts[0]) if len(parts) == 1 else Interval(*parts)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_verdict(case: dict) -> None:
    figure = Figure(_actual(case["actual"]), None, "actual")
    judgement = judge(_quantity(case), [figure], DEFAULT_TOLERANCES, case.get("direction"))
    assert (judgement.verdict, judgement.by_rounding) == (case["verdict"], case.get("by_rounding", False))


def test_widening_a_tolerance_can_only_help() -> None:
    claim = _quantity({"value": "340", "precision": "5", "qualifier": "approx"})
    figure = Figure(Interval.exact(Decimal(320)), None, "actual")
    assert judge(claim, [figure], DEFAULT_TOLERANCES).verdict == "imprecise"
    assert judge(claim, [figure], effective({"approx": Decimal("0.06")})).verdict == "supported"


def test_best_candidate_wins_for_agg_any() -> None:
    claim = _quantity({"low": "90", "high": "100", "value": "90", "precision": "0", "qualifier": "decade"})
    figures = [Figure(Interval.exact(Decimal(value)), None, value) for value in ("88.91", "90.79", "120")]
    judgement = judge(claim, figures, DEFAULT_TOLERANCES)
    assert (judgement.verdict, judgement.figure.description) == ("supported", "90.79")

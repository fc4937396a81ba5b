"""The words of a verdict: what was claimed, what was found, which rule decided.

Kept apart from the engine so the sentence a fact-checker reads is written in one place.
"""
from __future__ import annotations

from checker.claimfile.model import Claim
from checker.evaluation.intervals import Interval, format_decimal
from checker.evaluation.judge import Judgement
from checker.evaluation.tolerances import Tolerances
from checker.quantities.model import Quantity

_CHECKS = {
    "reference": "against reference data",
    "internal": "against the article's own numbers",
    "mixed": "against the article's numbers and reference data",
}


def describe_claimed(quantity: Quantity) -> dict:
    """The claimed side of a result: the value with the interval its digits stand for."""
    if quantity.value is None and quantity.low is None:
        return {"text": quantity.text, "value": None, "low": None, "high": None, "unit": quantity.unit,
                "qualifier": quantity.qualifier.value, "date": quantity.date}
    low, high = quantity.bounds()
    return {
        "text": quantity.text,
        "value": quantity.value,
        "low": low,
        "high": high,
        "unit": quantity.unit,
        "qualifier": quantity.qualifier.value,
    }


def describe_figure(interval: Interval, unit: str | None) -> dict:
    return {"value": interval.point, "low": interval.low, "high": interval.high, "unit": unit}


def explanation(claim: Claim, judgement: Judgement, tolerances: Tolerances, check_kind: str,
                revised: dict | None) -> str:
    """One paragraph a person can check by hand."""
    quantity = claim.value
    figure = judgement.figure
    unit = f" {quantity.unit}" if quantity.unit else ""
    parts = [
        f"Checked {_CHECKS[check_kind]}: {figure.description} = {judgement.interval}{unit}.",
        f"The claim '{quantity.text}' ({quantity.qualifier.value}) allows {judgement.rule}{unit}.",
        _outcome(judgement),
    ]
    if revised:
        outcome = (f"which would make the claim {revised['verdict']}" if revised["changes_verdict"]
                   else f"and the claim would still be {revised['verdict']}")
        parts.append(_restated(revised, unit, outcome) if revised.get("used_filing") else
            f"Revised: this used the vintage of {revised['used_vintage']} ({format_decimal(revised['used_value'])}{unit}); "
            f"the figure published later ({revised['vintage']}) is {format_decimal(revised['value'])}{unit}, {outcome}."
        )
    return " ".join(parts)


def _restated(revised: dict, unit: str, outcome: str) -> str:
    """A figure a later filing restated: both filings, and which one the article's writer could have seen."""
    seen = {True: "the filing the article could have seen",
            False: "the first filing, made after the article; none was public on its date",
            None: "the first filing"}[revised["seen_by_article"]]
    return (f"Restated: {revised['used_filing']} filed {revised['used_vintage']} gives "
            f"{format_decimal(revised['used_value'])}{unit} (used: {seen}); {revised['filing']} filed "
            f"{revised['vintage']} gives {format_decimal(revised['value'])}{unit}, {outcome}.")


def _outcome(judgement: Judgement) -> str:
    if judgement.verdict == "supported" and judgement.by_rounding:
        return "The point values miss, but the intervals meet: supported by rounding."
    if judgement.verdict == "supported":
        return "The evidence falls inside: supported."
    if judgement.verdict == "imprecise":
        return f"Outside the rule but within the imprecise band {judgement.imprecise_band}: imprecise."
    return f"Outside even the imprecise band {judgement.imprecise_band}: refuted."

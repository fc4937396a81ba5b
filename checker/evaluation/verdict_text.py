"""The words of a verdict: what was claimed, what was found, which rule decided.

Kept apart from the engine so the sentence a fact-checker reads is written in one place.
"""
from __future__ import annotations

from decimal import Decimal

from checker.evaluation.intervals import Interval, distinguishing_digits, format_decimal
from checker.evaluation.judge import Judgement
from checker.evaluation.rules import Acceptance
from checker.evaluation.tolerances import Tolerances
from checker.messages import ENGLISH, KOREAN, dates, qualifier_name, say, unit_name, verdict_name
from checker.quantities.model import Quantity
from checker.reports.amounts import korean

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


def explanation(quantity: Quantity, judgement: Judgement, tolerances: Tolerances, check_kind: str,
                revised: dict | None, language: str = ENGLISH) -> str:
    """One paragraph a person can check by hand, in ``language`` (Korean figures at 만/억/조 scale),
    about the claimed ``quantity`` as judged."""
    figure = judgement.figure
    unit = _unit(quantity.unit, language)
    parts = [
        say(language, "why.checked", check=say(language, f"check.{check_kind}"),
            description=dates(figure.description, language), interval=_interval(judgement.interval, language),
            unit=unit),
        say(language, "why.allows", text=quantity.text, qualifier=qualifier_name(quantity.qualifier.value, language),
            rule=_bounds(judgement.rule, language), unit=unit),
        _outcome(judgement, language),
    ]
    if revised:
        verdict = verdict_name(revised["verdict"], language)
        outcome = say(language, "why.would_make" if revised["changes_verdict"] else "why.would_keep", verdict=verdict)
        fields = {"used_vintage": dates(str(revised["used_vintage"]), language),
                  "vintage": dates(str(revised["vintage"]), language), "outcome": outcome,
                  "used_value": _number(revised["used_value"], language) + unit,
                  "value": _number(revised["value"], language) + unit}
        if revised.get("used_filing"):
            seen = say(language, f"why.seen.{revised['seen_by_article']}")
            parts.append(say(language, "why.restated", used_filing=revised["used_filing"], filing=revised["filing"],
                             seen=seen, **fields))
        else:
            parts.append(say(language, "why.revised", **fields))
    return " ".join(parts)


def _outcome(judgement: Judgement, language: str) -> str:
    if judgement.verdict == "supported" and judgement.by_rounding:
        return say(language, "why.by_rounding")
    if judgement.verdict == "supported":
        return say(language, "why.supported")
    key = "why.imprecise" if judgement.verdict == "imprecise" else "why.refuted"
    return say(language, key, band=_bounds(judgement.imprecise_band, language))


def _unit(unit: str | None, language: str) -> str:
    return f" {unit_name(unit, language)}" if unit else ""


def _number(value: Decimal, language: str) -> str:
    return korean(value) if language == KOREAN else format_decimal(value)


def _interval(interval: Interval, language: str) -> str:
    """The evidence's point and interval; in Korean at the scale a reader writes (13.3026조)."""
    if language != KOREAN:
        return str(interval)
    digits = distinguishing_digits(interval.low, interval.high)
    if not interval.shows_bounds(digits):
        return korean(interval.point)
    return f"{korean(interval.point, digits)} [{korean(interval.low, digits)}, {korean(interval.high, digits)}]"


def _bounds(acceptance: Acceptance, language: str) -> str:
    """A rule's or band's bounds, ``[low, high]`` with open ends as ``(``; Korean figures scaled."""
    if language != KOREAN:
        return str(acceptance)
    digits = distinguishing_digits(acceptance.low, acceptance.high)
    left = "(-∞" if acceptance.low is None else ("(" if acceptance.low_open else "[") + korean(acceptance.low, digits)
    right = "∞)" if acceptance.high is None else korean(acceptance.high, digits) + (")" if acceptance.high_open else "]")
    return f"{left}, {right}"

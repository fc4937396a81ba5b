"""Conformance of the quantity grammar with other projects' test corpora.

Reads Duckling's and Microsoft Recognizers-Text's own test cases from
``../shared/peer-corpora`` (third-party data, never copied into this repository) and
scores every *single-expression* case with an answer: the input is the expression, or
the one expected result spans the whole input. Sentence cases (several results, or a
result that is part of the input) are loaded and scored by ``test_extract_conformance``.
Ranges are scored by their bounds (both, or the one an open range has, with its
qualifier); an input a peer expects to yield no money must yield none.

Nothing a peer labels is left out by a rule of ours: cents, pence, coin slang, latent
money, vague words, obscure currencies, power notation and the cases whose resolution
the peer's own test ignores are all scored. What fails is a known gap, listed by case id
with its reason in ``quantity_conformance_xfail.yaml`` and run as ``xfail(strict=True)``:
a fixed case then fails the run until its entry goes. The file's ``out_of_scope`` ids are
what claimcheck does not read by design or no news story states (obscure currencies,
coin slang, power notation…); its ``xfail`` ids are gaps in scope (cents and pence
among them). The rates printed at the end are passed over the in-scope cases and
passed over every labelled case. Only a case whose answer holds no number
(a currency with no value) is skipped, since there is nothing to score.

A case the peer's .NET build does not support is still scored against its expected
answer: the answer stands, whatever one implementation of the peer does.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from checker.quantities import Qualifier, Quantity, parse_quantity

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
KNOWN = yaml.safe_load((Path(__file__).parent / "quantity_conformance_xfail.yaml").read_text(encoding="utf-8"))

if not CORPORA.is_dir():
    pytest.skip(f"peer corpora not found at {CORPORA}", allow_module_level=True)


@dataclass
class Case:
    id: str
    text: str
    language: str
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    bound: str = "exact"                     # exact | between | above | under | none
    skip: str | None = None                  # only when the peer's answer holds no number to score


def _dec(value: Any) -> Decimal | None:
    try:
        return None if value is None else Decimal(str(value))
    except InvalidOperation:
        return None


# --- Duckling -------------------------------------------------------------------------

DUCKLING_UNITS = {"$": "USD", "£": "GBP"}


def _duckling(name: str, language: str) -> Iterator[Case]:
    records = json.loads((CORPORA / "duckling" / f"{name}.json").read_text(encoding="utf-8"))
    for index, record in enumerate(records):
        case = Case(f"{name}-{index:03d}", record["text"], language)
        if record["kind"] == "money":
            case.unit = DUCKLING_UNITS.get(record.get("unit"), record.get("unit"))
        case.bound = "none" if record.get("negative") else record.get("bound", "exact")
        case.value = _dec(record.get("value"))
        case.low, case.high = _dec(record.get("min")), _dec(record.get("max"))
        _unless_labelled(case)
        yield case


def _unless_labelled(case: Case) -> None:
    """Skip a case whose answer holds no number: nothing to score it against."""
    numbers = {"exact": (case.value,), "above": (case.value,), "under": (case.value,),
               "between": (case.low, case.high), "none": ()}[case.bound]
    if any(number is None for number in numbers):
        case.skip = "the peer's answer holds no number to score"


# --- Recognizers-Text -----------------------------------------------------------------

RT_UNITS = {
    "Dollar": "USD", "Pound": "GBP", "Euro": "EUR", "Rupee": "INR",
}


def _rt_case(case_id: str, text: str, language: str, result: dict[str, Any]) -> Case:
    case = Case(case_id, text, language)
    resolution = result.get("Resolution") or {}
    raw = str(resolution.get("value", ""))
    kind = result.get("TypeName")
    if kind == "numberrange":
        low, _, high = raw.strip("[]()").partition(",")
        case.low, case.high = _dec(low or None), _dec(high or None)
        if case.low is not None and case.high is not None:
            case.bound = "between"
        else:
            case.bound = "above" if case.low is not None else "under"
            case.value = case.low if case.low is not None else case.high
    elif kind == "currency":
        case.unit = resolution.get("isoCurrency") or RT_UNITS.get(resolution.get("unit"), resolution.get("unit"))
        case.value = _dec(raw)
    else:
        case.value = _dec(raw.rstrip("%"))
        case.unit = "%" if kind == "percentage" else None
    _unless_labelled(case)
    return case


def single_expression(record: dict[str, Any]) -> bool:
    """One expected result that spans the whole input: a case for the grammar, not for extraction."""
    results = record.get("Results", [])
    return len(results) == 1 and results[0]["Text"].strip().lower() == record["Input"].strip().lower()


def _recognizers(path: str, name: str, language: str, result_texts: bool = False) -> Iterator[Case]:
    """The file's single expressions; with ``result_texts``, also each result text of its sentences."""
    records = json.loads((CORPORA / "recognizers-text" / path).read_text(encoding="utf-8-sig"))
    for index, record in enumerate(records):
        if single_expression(record):
            yield _rt_case(f"{name}-{index:03d}", record["Input"], language, record["Results"][0])
        elif result_texts:
            for number, result in enumerate(record.get("Results", [])):
                yield _rt_case(f"{name}-{index:03d}.{number}", result["Text"], language, result)


def _all_cases() -> Iterator[Case]:
    yield from _duckling("numeral_ko", "ko")
    yield from _duckling("money_ko", "ko")
    yield from _duckling("numeral_en", "en")
    yield from _duckling("money_en", "en")
    yield from _recognizers("Specs/Number/Korean/NumberModel.json", "rt_number_ko", "ko")
    yield from _recognizers("Specs/Number/Korean/PercentModel.json", "rt_percent_ko", "ko")
    yield from _recognizers("Specs/Number/Korean/NumberRangeModel.json", "rt_range_ko", "ko")
    yield from _recognizers("Specs/NumberWithUnit/Korean/CurrencyModel.json", "rt_currency_ko", "ko",
                            result_texts=True)
    yield from _recognizers("Specs/Number/English/NumberModel.json", "rt_number_en", "en")
    yield from _recognizers("Specs/Number/English/PercentModel.json", "rt_percent_en", "en")
    yield from _recognizers("Specs/Number/English/NumberRangeModel.json", "rt_range_en", "en")
    yield from _recognizers("Specs/NumberWithUnit/English/CurrencyModel.json", "rt_currency_en", "en",
                            result_texts=True)


#: The reason of an out-of-scope xfail starts so; ``conftest`` counts those apart from the in-scope rate.
OUT_OF_SCOPE = "out of scope: "


def conformance_param(case: Any, known: dict[str, dict[str, str]]) -> Any:
    """One peer case as a test: a strict xfail when listed (out of scope, or a known gap), skipped when unlabelled."""
    marks = []
    if case.skip:
        marks.append(pytest.mark.skip(reason=case.skip))
    elif case.id in known["out_of_scope"]:
        marks.append(pytest.mark.xfail(strict=True, reason=OUT_OF_SCOPE + known["out_of_scope"][case.id]))
    elif case.id in known["xfail"]:
        marks.append(pytest.mark.xfail(strict=True, reason=known["xfail"][case.id]))
    return pytest.param(case, id=case.id, marks=marks)


def _params() -> list[Any]:
    return [conformance_param(case, KNOWN) for case in _all_cases()]


def close(actual: Decimal | None, expected: Decimal | None) -> bool:
    """Equal up to the peers' 15-digit rendering of repeating fractions."""
    if actual is None or expected is None:
        return actual is expected
    return abs(actual - expected) <= Decimal("1e-9") * max(Decimal(1), abs(expected))


def mismatch(quantity: Quantity | None, case: Case) -> str | None:
    """Why ``quantity`` is not the peer's answer ``case``, or None when it is.

    A range is its bounds: both for ``between``, the one bound and a qualifier on its
    side for an open range. ``none`` (the peer expects no money) holds for anything
    that is not money.
    """
    if case.bound == "none":
        return None if quantity is None or quantity.unit is None else f"{quantity.text!r} read as money"
    if quantity is None:
        return f"{case.text!r} did not parse"
    if case.unit is not None and quantity.unit != case.unit:
        return f"unit {quantity.unit} is not {case.unit}"
    if case.bound == "between":
        low, high = (quantity.low, quantity.high) if quantity.value is None else (quantity.value, quantity.value)
        return None if close(low, case.low) and close(high, case.high) else f"bounds {low}..{high}"
    if not close(quantity.value, case.value):
        return f"value {quantity.value}"
    sides = {"above": (Qualifier.MORE_THAN, Qualifier.AT_LEAST), "under": (Qualifier.LESS_THAN, Qualifier.AT_MOST)}
    if case.bound in sides and quantity.qualifier not in sides[case.bound]:
        return f"qualifier {quantity.qualifier.value} is not {case.bound}"
    return None


@pytest.mark.parametrize("case", _params())
def test_peer_case(case: Case) -> None:
    quantity = parse_quantity(case.text, case.language)
    problem = mismatch(quantity, case)
    assert problem is None, (problem, quantity)

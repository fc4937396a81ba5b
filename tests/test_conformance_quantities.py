"""Conformance of the quantity grammar with other projects' test corpora.

Reads Duckling's and Microsoft Recognizers-Text's own test cases from
``../shared/peer-corpora`` (third-party data, never copied into this repository) and
checks every *single-expression* case: the input is the expression, or the one
expected result spans the whole input. Sentence cases are scored by
``test_extract_conformance``.

Out of scope (skipped, with the reason shown by ``pytest -rs``):
* sentence cases (several results, or a result that is part of the input);
* inputs a peer expects to yield nothing (extraction negatives inside sentences);
* Duckling's "latent" money (bare numbers read as money only in a special mode);
* money subunits alone (cents, pence, sen) and US coin slang (a dime, four quarters):
  news states amounts in main units, and "a quarter" is a fraction to us;
* currencies outside our table or ambiguous by name (dinar, riyal, franc, markka,
  bitcoin, "bucks");
* vague quantity words (a few, a couple, a pair, single): no number to check;
* scientific and power notation (1e10, 1.1^23) and ordinals (일조 번째);
* cases whose resolution the peer's own test ignores (``IgnoreResolution``).

A case the peer's .NET build does not support is still scored against its expected
answer: the answer stands, whatever one implementation of the peer does.

Known failures are data (``quantity_conformance_xfail.yaml``, id → reason) and run as
``xfail(strict=True)``, so a fix must remove its entry and the pass rate only rises.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from checker.quantities import Qualifier, parse_quantity
from checker.quantities.tables import EN_TENS, EN_UNITS

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
XFAIL = yaml.safe_load((Path(__file__).parent / "quantity_conformance_xfail.yaml").read_text(encoding="utf-8")) or {}

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
    skip: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _dec(value: Any) -> Decimal | None:
    try:
        return None if value is None else Decimal(str(value))
    except InvalidOperation:
        return None


# --- Duckling -------------------------------------------------------------------------

VAGUE_WORDS = {"a few", "few", "a couple", "a couple of", "a pair", "single"}
DUCKLING_UNITS = {"$": "USD", "£": "GBP"}
DUCKLING_OUT_OF_SCOPE_UNITS = {"cent": "money subunit alone (cents)",
                               "dinar": "currency ambiguous by name (dinar)",
                               "riyal": "currency ambiguous by name (riyal)",
                               "rial": "currency ambiguous by name (rial)"}


_NUMBER_WORD = "|".join(sorted([*EN_UNITS, *EN_TENS], key=len, reverse=True))
#: "15 dollars 50", "1 달러와 2": a subunit as a bare number after the main unit (spoken form).
#: Only a number may follow the unit word: "$ 10 dollars" and "75 usd million" are no such case.
SPOKEN_SUBUNIT = re.compile(
    r"(?:dollars?|usd|rupees|gbp|ringgit|달러|불)(?:\b|(?=와))\s*(?:and\s+|와\s*)?"
    r"(?:\d{1,2}|(?:%s)(?:[\s-](?:%s))?|[일이삼사오육칠팔구십]+)\s*$" % (_NUMBER_WORD, _NUMBER_WORD), re.IGNORECASE)


def _spoken_subunit(text: str) -> bool:
    return bool(SPOKEN_SUBUNIT.search(text)) and not re.search(r"(?:cents?|센트|c)\s*$", text)


def _duckling(name: str, language: str) -> Iterator[Case]:
    records = json.loads((CORPORA / "duckling" / f"{name}.json").read_text(encoding="utf-8"))
    for index, record in enumerate(records):
        case = Case(f"{name}-{index:03d}", record["text"], language)
        unit = record.get("unit")
        if record.get("negative"):
            case.bound = "none"
        elif record.get("split", "").startswith("latent"):
            case.skip = "Duckling latent money: a bare number is money only in latent mode"
        elif record.get("locale") == "EN_US":
            case.skip = "US coin slang and 'grand' (EN_US locale)"
        elif record["text"].lower() in VAGUE_WORDS:
            case.skip = "vague quantity word: no number to check"
        elif unit in DUCKLING_OUT_OF_SCOPE_UNITS:
            case.skip = DUCKLING_OUT_OF_SCOPE_UNITS[unit]
        elif record["kind"] == "money" and _spoken_subunit(record["text"]):
            case.skip = "spoken subunit without a unit word (15 dollars 50)"
        elif record["kind"] == "money" and unit is None:
            case.skip = "unnamed currency ('bucks')"
        case.unit = DUCKLING_UNITS.get(unit, unit) if record["kind"] == "money" else None
        if case.unit and case.unit not in MAJOR_CURRENCIES and not case.skip:
            case.skip = f"obscure currency: {case.unit}"
        case.bound = "none" if record.get("negative") else record.get("bound", "exact")
        case.value = _dec(record.get("value"))
        case.low, case.high = _dec(record.get("min")), _dec(record.get("max"))
        yield case


# --- Recognizers-Text -----------------------------------------------------------------

RT_UNITS = {
    "Dollar": "USD", "Pound": "GBP", "Euro": "EUR", "Rupee": "INR",
}
#: Recognizers-Text's own test skips these resolutions, and some are wrong
#: (2억 4천 4백만 달러 given as 254,000,000): no answer to score against.
IGNORED_RESOLUTION = "the peer's own test ignores this resolution, and some of those values are wrong upstream"
RT_SUBUNITS = {"Cent", "Pence", "Penny", "Sen", "Satoshi"}
#: Currencies a Korean or English business story names; others are out of scope.
MAJOR_CURRENCIES = {"USD", "KRW", "EUR", "JPY", "CNY", "GBP", "CHF", "CAD", "AUD", "HKD",
                    "NZD", "SGD", "TWD", "SEK", "INR", "MXN", "BRL", "RUB", "TRY"}


def _rt_case(case_id: str, text: str, language: str, result: dict[str, Any]) -> Case:
    case = Case(case_id, text, language)
    resolution = result.get("Resolution") or {}
    raw = str(resolution.get("value", ""))
    kind = result.get("TypeName")
    if resolution.get("subtype") == "power":
        case.skip = "scientific or power notation is not news prose"
    elif "번째" in text:
        case.skip = "ordinal (번째)"
    elif kind == "numberrange":
        low, _, high = raw.strip("[]()").partition(",")
        case.low, case.high = _dec(low or None), _dec(high or None)
        if case.low is not None and case.high is not None:
            case.bound = "between"
        else:
            case.bound = "above" if case.low is not None else "under"
            case.value = case.low if case.low is not None else case.high
    elif kind == "currency":
        unit = resolution.get("isoCurrency") or RT_UNITS.get(resolution.get("unit"))
        if resolution.get("unit") in RT_SUBUNITS:
            case.skip = "money subunit (cents, pence)"
        elif unit not in MAJOR_CURRENCIES:
            case.skip = f"obscure currency: {resolution.get('unit')}"
        elif _spoken_subunit(text):
            case.skip = "spoken subunit without a unit word (15 dollars 50)"
        case.unit, case.value = unit, _dec(raw)
        if case.value is None and not case.skip:
            case.skip = "the peer gives no numeric value"
    else:
        case.value = _dec(raw.rstrip("%"))
        case.unit = "%" if kind == "percentage" else None
    return case


def _recognizers(path: str, name: str, language: str, result_texts: bool = False) -> Iterator[Case]:
    records = json.loads((CORPORA / "recognizers-text" / path).read_text(encoding="utf-8-sig"))
    for index, record in enumerate(records):
        results = record.get("Results", [])
        case_id = f"{name}-{index:03d}"
        single = len(results) == 1 and results[0]["Text"].strip().lower() == record["Input"].strip().lower()
        if single:
            case = _rt_case(case_id, record["Input"], language, results[0])
        else:
            case = Case(case_id, record["Input"], language,
                        skip="sentence case: scored by the extraction conformance (test_extract_conformance)")
        if record.get("IgnoreResolution"):
            case.skip = IGNORED_RESOLUTION
        yield case
        if result_texts and not single:
            for number, result in enumerate(results):
                case = _rt_case(f"{name}-{index:03d}.{number}", result["Text"], language, result)
                if record.get("IgnoreResolution"):
                    case.skip = IGNORED_RESOLUTION
                yield case


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


def conformance_param(case: Any, known_failures: dict[str, str]) -> Any:
    """One peer case as a test: skipped with its out-of-scope reason, or a strict xfail with its known gap."""
    marks = []
    if case.skip:
        marks.append(pytest.mark.skip(reason=f"out of scope: {case.skip}"))
    elif case.id in known_failures:
        marks.append(pytest.mark.xfail(strict=True, reason=known_failures[case.id]))
    return pytest.param(case, id=case.id, marks=marks)


def _params() -> list[Any]:
    return [conformance_param(case, XFAIL) for case in _all_cases()]


def _close(actual: Decimal | None, expected: Decimal | None) -> bool:
    """Equal up to the peers' 15-digit rendering of repeating fractions."""
    if actual is None or expected is None:
        return actual is expected
    return abs(actual - expected) <= Decimal("1e-9") * max(Decimal(1), abs(expected))


@pytest.mark.parametrize("case", _params())
def test_peer_case(case: Case) -> None:
    quantity = parse_quantity(case.text, case.language)
    if case.bound == "none":
        assert quantity is None or quantity.unit is None, f"{case.text!r} is not money"
        return
    assert quantity is not None, f"{case.text!r} did not parse"
    if case.unit is not None:
        assert quantity.unit == case.unit
    if case.bound == "between":
        assert (_close(quantity.low, case.low), _close(quantity.high, case.high)) == (True, True), quantity
        return
    assert _close(quantity.value, case.value), quantity
    if case.bound == "above":
        assert quantity.qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
    elif case.bound == "under":
        assert quantity.qualifier in (Qualifier.LESS_THAN, Qualifier.AT_MOST)

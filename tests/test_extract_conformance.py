"""Extraction from running text, against other projects' sentence corpora.

Reads ``../shared/peer-corpora`` (third-party data, never copied into this repository)
and scores every labelled case of each file it loads:

* quantulum3 ``quantities.json``: English sentences with every quantity labelled.
  Money and percentages are compared with their unit; a physical unit (metres,
  milligrams…), which claimcheck does not model, by its number alone.
* Recognizers-Text Korean and English ``NumberModel``, ``PercentModel``,
  ``NumberRangeModel`` and ``CurrencyModel`` sentence cases (several results, or a
  result inside a longer input; the single expressions are the grammar's conformance):
  every result, a range by its bounds.
* Duckling KO/EN: every single-expression case read through ``extract`` (the whole text
  as an article) must give the grammar's answer; an input expected to yield no money
  must yield none.

A case passes when every answer the peer gives is among the quantities extracted, and,
where the peer labels every number of its input (quantulum3, Recognizers-Text's
``NumberModel``, Duckling's single expressions), when nothing else is extracted: a
spurious number fails as a missed one does. Nothing is left out by a rule of ours
(Hangul number words, cents and pence, ranges, names and dates the peer counts as
numbers are all scored); what fails is a known gap or a reading we keep by design,
listed by id with its reason in ``extract_conformance_xfail.yaml`` (``out_of_scope``: by
design or not news; ``xfail``: gaps in scope) and run as ``xfail(strict=True)``, so a
fixed case fails loudly until its entry goes. The rates per file printed at the end of
the run are passed over the in-scope cases and over every labelled case.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from checker.extraction import numbers
from checker.quantities import Quantity

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
KNOWN = yaml.safe_load((Path(__file__).parent / "extract_conformance_xfail.yaml").read_text(encoding="utf-8"))

if not CORPORA.is_dir():
    pytest.skip(f"peer corpora not found at {CORPORA}", allow_module_level=True)

import test_conformance_quantities as grammar_cases  # noqa: E402  (the grammar's case loaders and matching)
from test_conformance_quantities import Case  # noqa: E402

#: quantulum3's units claimcheck models; any other (metre, hour, milligram…) is compared by its number alone.
QUANTULUM_UNITS = {"dimensionless": None, "percentage": "%", "dollar": "USD", "euro": "EUR", "pound sterling": "GBP"}


@dataclass
class Sentence:
    id: str
    text: str
    language: str
    expected: list[Case] = field(default_factory=list)
    every_number_labelled: bool = False      # the peer labels every number: anything else extracted is spurious
    skip: str | None = None


def _quantulum() -> Iterator[Sentence]:
    path = CORPORA / "quantulum3" / "quantulum3" / "_lang" / "en_US" / "tests" / "quantities.json"
    for index, record in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        case = Sentence(f"quantulum3-{index:03d}", record["req"], "en", every_number_labelled=True)
        for result in record["res"]:
            case.expected.append(Case(case.id, record["req"], "en", value=grammar_cases._dec(result["value"]),
                                      unit=QUANTULUM_UNITS.get(result["unit"])))
        yield case


RT_FILES = {
    "rt_number_ko": ("Specs/Number/Korean/NumberModel.json", "ko"),
    "rt_percent_ko": ("Specs/Number/Korean/PercentModel.json", "ko"),
    "rt_range_ko": ("Specs/Number/Korean/NumberRangeModel.json", "ko"),
    "rt_currency_ko": ("Specs/NumberWithUnit/Korean/CurrencyModel.json", "ko"),
    "rt_number_en": ("Specs/Number/English/NumberModel.json", "en"),
    "rt_percent_en": ("Specs/Number/English/PercentModel.json", "en"),
    "rt_range_en": ("Specs/Number/English/NumberRangeModel.json", "en"),
    "rt_currency_en": ("Specs/NumberWithUnit/English/CurrencyModel.json", "en"),
}
#: Files whose cases label every number of the input (the others label one kind: ranges, money, percentages).
EVERY_NUMBER_LABELLED = {"rt_number_ko", "rt_number_en"}


def _recognizers() -> Iterator[Sentence]:
    for name, (path, language) in RT_FILES.items():
        records = json.loads((CORPORA / "recognizers-text" / path).read_text(encoding="utf-8-sig"))
        for index, record in enumerate(records):
            if grammar_cases.single_expression(record):
                continue                                  # the grammar's conformance scores it
            if not record.get("Results") and name not in EVERY_NUMBER_LABELLED:
                continue                                  # no answer of this file's kind: nothing to score
            case = Sentence(f"{name}-sentence-{index:03d}", record["Input"], language,
                            every_number_labelled=name in EVERY_NUMBER_LABELLED)
            case.expected = [grammar_cases._rt_case(case.id, result["Text"], language, result)
                             for result in record.get("Results", [])]
            case.skip = next((expected.skip for expected in case.expected if expected.skip), None)
            yield case


def _duckling() -> Iterator[Sentence]:
    for name, language in (("numeral_ko", "ko"), ("money_ko", "ko"), ("numeral_en", "en"), ("money_en", "en")):
        for case in grammar_cases._duckling(name, language):
            yield Sentence(f"duckling_{case.id}", case.text, language, [case],
                           every_number_labelled=case.bound != "none", skip=case.skip)


def _params() -> list[Any]:
    return [grammar_cases.conformance_param(case, KNOWN) for case in (*_quantulum(), *_recognizers(), *_duckling())]


def labelled(quantity: Quantity, answers: list[Case]) -> bool:
    """The quantity's number is one the peer gives (a value or a range's bound), whatever its unit."""
    numbers_given = [n for answer in answers for n in (answer.value, answer.low, answer.high) if n is not None]
    own = [n for n in (quantity.value, quantity.low, quantity.high) if n is not None]
    return any(grammar_cases.close(mine, given) for mine in own for given in numbers_given)


def problems(case: Sentence, quantities: list[Quantity]) -> list[str]:
    """Each peer answer not among ``quantities``, and each quantity the peer does not label where it labels all."""
    found = []
    for answer in case.expected:
        if answer.bound == "none":
            found += [problem for q in quantities if (problem := grammar_cases.mismatch(q, answer))]
        elif all(grammar_cases.mismatch(q, answer) for q in quantities):
            number = f"{answer.low}..{answer.high}" if answer.bound == "between" else f"{answer.value}"
            found.append(f"missed {number} {answer.unit or ''}".rstrip())
    if case.every_number_labelled:
        found += [f"spurious {q.text!r}" for q in quantities if not labelled(q, case.expected)]
    return found


@pytest.mark.parametrize("case", _params())
def test_sentence(case: Sentence) -> None:
    quantities, _ = numbers(case.text, case.language)
    assert all(case.text[q.start:q.end] == q.text for q in quantities)
    found = problems(case, quantities)
    assert not found, (found, [(q.text, q.value, q.low, q.high, q.unit) for q in quantities])

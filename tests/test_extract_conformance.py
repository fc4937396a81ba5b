"""Extraction from running text, against other projects' sentence corpora.

Reads ``../shared/peer-corpora`` (third-party data, never copied into this repository):

* quantulum3 ``quantities.json``: English sentences with every quantity labelled.
  In scope: plain numbers, percentages and money (dollar, euro, pound sterling).
  Out of scope, listed as skips: physical units (metres, milligrams, electronvolts…),
  which news-number checking does not model.
* Korean numbers written only in Hangul words without a unit (삼십오, 하나): running
  text reads these only with a unit, as the grammar's ``plausible_in_running_text``
  decides; the grammar's own conformance reads them as single expressions.
* Recognizers-Text Korean and English ``NumberModel``/``PercentModel``/``CurrencyModel``
  sentence cases (several results, or a result inside a longer input): every expected
  value must be extracted; out of scope as in ``test_conformance_quantities``.
* Duckling KO/EN: every in-scope single-expression case read through ``extract``
  (the whole text as an article) must give the grammar's answer.

A case passes when every in-scope value the peer expects is among the values we
extract. Known failures are data (``extract_conformance_xfail.yaml``, id → reason), run
as ``xfail(strict=True)``; cases the peer reads differently by design are listed there
too, as out of scope with the reason. Pass rates per file are printed at the end of the run.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from checker.extraction import numbers

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
KNOWN = yaml.safe_load((Path(__file__).parent / "extract_conformance_xfail.yaml").read_text(encoding="utf-8"))
XFAIL, OUT_OF_SCOPE = KNOWN["xfail"], KNOWN["out_of_scope"]

if not CORPORA.is_dir():
    pytest.skip(f"peer corpora not found at {CORPORA}", allow_module_level=True)

import test_conformance_quantities as grammar_cases  # noqa: E402  (the grammar's case loaders and scope)

QUANTULUM_UNITS = {"dimensionless": None, "percentage": "%", "dollar": "USD", "euro": "EUR", "pound sterling": "GBP"}


@dataclass
class Sentence:
    id: str
    text: str
    language: str
    expected: list[tuple[Decimal, str | None]] = field(default_factory=list)
    skip: str | None = None


def _quantulum() -> Iterator[Sentence]:
    path = CORPORA / "quantulum3" / "quantulum3" / "_lang" / "en_US" / "tests" / "quantities.json"
    for index, record in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        case = Sentence(f"quantulum3-{index:03d}", record["req"], "en")
        for result in record["res"]:
            if result["unit"] in QUANTULUM_UNITS:
                case.expected.append((Decimal(str(result["value"])), QUANTULUM_UNITS[result["unit"]]))
        if not case.expected:
            units = sorted({r["unit"] for r in record["res"]}) or ["none"]
            case.skip = f"only physical or time units ({', '.join(units)})" if record["res"] else "the peer expects nothing"
        yield case


RT_FILES = {
    "rt_number_ko": ("Specs/Number/Korean/NumberModel.json", "ko"),
    "rt_percent_ko": ("Specs/Number/Korean/PercentModel.json", "ko"),
    "rt_currency_ko": ("Specs/NumberWithUnit/Korean/CurrencyModel.json", "ko"),
    "rt_number_en": ("Specs/Number/English/NumberModel.json", "en"),
    "rt_percent_en": ("Specs/Number/English/PercentModel.json", "en"),
    "rt_currency_en": ("Specs/NumberWithUnit/English/CurrencyModel.json", "en"),
}


def _recognizers() -> Iterator[Sentence]:
    for name, (path, language) in RT_FILES.items():
        records = json.loads((CORPORA / "recognizers-text" / path).read_text(encoding="utf-8-sig"))
        for index, record in enumerate(records):
            results = record.get("Results", [])
            single = len(results) == 1 and results[0]["Text"].strip().lower() == record["Input"].strip().lower()
            if single or not results:
                continue                                  # single expressions: the grammar's conformance
            case = Sentence(f"{name}-sentence-{index:03d}", record["Input"], language)
            for number, result in enumerate(results):
                expected = grammar_cases._rt_case(case.id, result["Text"], language, result)
                if expected.skip:
                    case.skip = expected.skip
                elif expected.value is not None:
                    case.expected.append((expected.value, expected.unit))
                else:
                    case.skip = "range results: compared by the grammar's conformance"
            if record.get("IgnoreResolution") or grammar_cases._rt_unsupported(record):
                case.skip = "not supported by the peer's reference implementation"
            yield case


def _duckling() -> Iterator[Sentence]:
    for name, language in (("numeral_ko", "ko"), ("money_ko", "ko"), ("numeral_en", "en"), ("money_en", "en")):
        for case in grammar_cases._duckling(name, language):
            sentence = Sentence(f"duckling_{case.id}", case.text, language, skip=case.skip)
            if case.bound != "exact" or case.value is None:
                sentence.skip = sentence.skip or "bounds and negatives: compared by the grammar's conformance"
            elif case.id in grammar_cases.XFAIL:
                sentence.skip = f"a known grammar gap: {grammar_cases.XFAIL[case.id]}"
            else:
                sentence.expected.append((case.value, case.unit))
            yield sentence


def _hangul_words_only(case: Sentence) -> bool:
    return case.language == "ko" and not any(c.isdigit() for c in case.text) and all(
        unit is None for _, unit in case.expected)


def _params() -> list[Any]:
    params = []
    for case in (*_quantulum(), *_recognizers(), *_duckling()):
        case.skip = case.skip or OUT_OF_SCOPE.get(case.id)
        if not case.skip and _hangul_words_only(case):
            case.skip = ("a plain number written in Hangul words: running text reads these only with a unit "
                         "(세 명, 두 배), since 이, 일, 삼 are everyday syllables (이 아바타, 조 바이든)")
        params.append(grammar_cases.conformance_param(case, XFAIL))
    return params


@pytest.mark.parametrize("case", _params())
def test_sentence(case: Sentence) -> None:
    quantities, _ = numbers(case.text, case.language)
    assert all(case.text[q.start:q.end] == q.text for q in quantities)
    found = [(q.value, q.unit) for q in quantities]
    for value, unit in case.expected:
        assert any(grammar_cases._close(v, value) and (unit is None or u == unit) for v, u in found), \
            f"{value} {unit or ''} not among {found}"

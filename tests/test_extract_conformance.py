"""Extraction from running text, against other projects' sentence corpora.

Reads ``../shared/peer-corpora`` (third-party data, never copied into this repository):

* quantulum3 ``quantities.json``: English sentences with every quantity labelled.
  In scope: plain numbers, percentages and money (dollar, euro, pound sterling).
  Out of scope, listed as skips: physical units (metres, milligrams, electronvolts…),
  which news-number checking does not model.
* Korean numbers written only in Hangul words without a unit (삼십오, 하나): running
  text reads these only with a unit, as the grammar's ``plausible_in_running_text``
  decides; the grammar's own conformance reads them as single expressions. Decided by
  what the grammar does with the text (``_hangul_words_only``), never by the unit the
  peer expects, so 삼십오 명 and 오분의 일 are in scope.
* Recognizers-Text Korean and English ``NumberModel``/``PercentModel``/``CurrencyModel``
  sentence cases (several results, or a result inside a longer input): every expected
  value must be extracted; out of scope as in ``test_conformance_quantities``.
* Duckling KO/EN: every in-scope single-expression case read through ``extract``
  (the whole text as an article) must give the grammar's answer; a known grammar gap
  is scored here too (a strict xfail when extraction fails it as well).

A case the peer's .NET build does not support is still scored against its expected
answer; only cases whose resolution the peer's own test ignores are left out.

A case passes when every in-scope value the peer expects is among the values we
extract. Known failures are data (``extract_conformance_xfail.yaml``, id → reason), run
as ``xfail(strict=True)``; cases the peer reads differently by design are listed there
too, as out of scope with the reason. Pass rates per file are printed at the end of the run.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from checker.extraction import numbers
from checker.quantities import korean
from checker.quantities.model import Kind
from checker.quantities.numerals import normalize, scan_korean, scan_native_korean
from checker.quantities.tables import (
    KO_BIG_SCALES, KO_MINUS, KO_NATIVE_TENS, KO_NATIVE_UNITS, KO_SINO_DIGITS, KO_SMALL_SCALES,
)

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
            if record.get("IgnoreResolution"):
                case.skip = grammar_cases.IGNORED_RESOLUTION
            yield case


def _duckling() -> Iterator[Sentence]:
    for name, language in (("numeral_ko", "ko"), ("money_ko", "ko"), ("numeral_en", "en"), ("money_en", "en")):
        for case in grammar_cases._duckling(name, language):
            sentence = Sentence(f"duckling_{case.id}", case.text, language, skip=case.skip)
            if case.bound != "exact" or case.value is None:
                sentence.skip = sentence.skip or "bounds and negatives: compared by the grammar's conformance"
            else:
                sentence.expected.append((case.value, case.unit))
            yield sentence


#: Where a Hangul numeral may start a number: at a word start (이 in 이곳 is a word of its own).
_HANGUL_NUMERAL = re.compile("(?<![\uac00-\ud7a3])(?:%s)" % "|".join(sorted(
    [*KO_MINUS, *KO_SINO_DIGITS, *KO_SMALL_SCALES, *KO_BIG_SCALES, *KO_NATIVE_UNITS, *KO_NATIVE_TENS],
    key=len, reverse=True)))


def _bare_word_numbers(text: str) -> list[Decimal]:
    """The plain numbers written in Hangul words in ``text`` that the Korean grammar refuses.

    Running text reads a Hangul numeral only with a unit (``korean.plausible_in_running_text``
    and ``_single``): 이, 일, 삼 are everyday syllables (이 아바타, 조 바이든). A numeral is
    refused when the grammar reads nothing there or only a plain number in words.
    """
    normalized = normalize(text)
    values = []
    for match in _HANGUL_NUMERAL.finditer(normalized):
        sino, native = scan_korean(normalized, match.start()), scan_native_korean(normalized, match.start())
        core = korean.match_core(normalized, match.start())
        if core is None or (core.worded and core.kind is Kind.NUMBER):
            values += [num.value for num in (sino, native, core) if num is not None and num.value is not None]
    return values


def _hangul_words_only(case: Sentence) -> bool:
    """Every number the peer expects is one the grammar reads as a plain number in Hangul words.

    Decided by what the code does with the text, not by the unit the peer expects:
    삼십오 명 (a count) and 오분의 일 (a fraction) are in scope.
    """
    if case.language != "ko" or any(c.isdigit() for c in case.text):
        return False
    bare = _bare_word_numbers(case.text)
    return all(any(grammar_cases._close(value, word) for word in bare) for value, _ in case.expected)


def _params() -> list[Any]:
    params = []
    for case in (*_quantulum(), *_recognizers(), *_duckling()):
        case.skip = case.skip or OUT_OF_SCOPE.get(case.id)
        if not case.skip and _hangul_words_only(case):
            case.skip = ("a plain number written in Hangul words, which running text refuses by design "
                         "(it reads them only with a unit: 세 명, 두 배), since 이, 일, 삼 are everyday syllables")
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

"""Quantity grammar: the case table, spans in running text, precision and registry."""
from __future__ import annotations

import doctest
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

import checker.quantities as quantities
from checker.quantities import (
    Kind, Qualifier, hedges, match_quantity, numerals, parse_quantity, precision, tables,
)

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "quantity_cases.yaml").read_text(encoding="utf-8"))


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@pytest.mark.parametrize("case", CASES, ids=[case["text"] or "<empty>" for case in CASES])
def test_case_table(case: dict[str, Any]) -> None:
    quantity = parse_quantity(case["text"], case.get("lang"))
    if "expect" in case:
        assert quantity is None
        return
    assert quantity is not None, f"{case['text']!r} did not parse"
    actual = {
        "kind": quantity.kind.value, "value": quantity.value, "low": quantity.low,
        "high": quantity.high, "unit": quantity.unit, "qualifier": quantity.qualifier.value,
        "date": quantity.date, "span": quantity.text,
    }
    expected = {
        "kind": case["kind"], "value": _dec(case.get("value")), "low": _dec(case.get("low")),
        "high": _dec(case.get("high")), "unit": case.get("unit"),
        "qualifier": case.get("qualifier", "exact"), "date": case.get("date"),
        "span": case.get("span", case["text"].strip()),
    }
    assert actual == expected
    if "precision" in case:
        assert quantity.precision == Decimal(case["precision"])


KOREAN_TEXT = (
    "메타는 2022년 3분기 44억 달러의 순이익을 기록했다. 40억 달러 가까이 적자를 냈다. "
    "직원 수가 200명도 채 되지 않는 앤스로픽. 개당 가격은 약 2만5,000~3만 달러로, "
    "포브스는 100억 달러(약 13조 원)를 썼다고 했다. 주가는 90달러 대까지 떨어졌다."
)
ENGLISH_TEXT = (
    "Meta lost nearly $4 billion, then laid off 11,000 employees; "
    "shares traded in the $90s and rose more than 30% in 2023."
)
#: Space-grouped digits next to a year stay two numbers; a year is never a group's head.
SPACED_TEXT = "In 2022 10 000 people paid c $ 16.4 million, about ½ of them online."

SPANS = [
    (KOREAN_TEXT, "2022년 3분기", Kind.DATE, None),
    (KOREAN_TEXT, "44억 달러", Kind.MONEY, Qualifier.EXACT),
    (KOREAN_TEXT, "40억 달러 가까이", Kind.MONEY, Qualifier.NEARLY),
    (KOREAN_TEXT, "200명도 채 되지 않는", Kind.COUNT, Qualifier.LESS_THAN),
    (KOREAN_TEXT, "약 2만5,000~3만 달러", Kind.MONEY, Qualifier.RANGE),
    (KOREAN_TEXT, "100억 달러", Kind.MONEY, Qualifier.EXACT),
    (KOREAN_TEXT, "약 13조 원", Kind.MONEY, Qualifier.APPROX),
    (KOREAN_TEXT, "90달러 대", Kind.MONEY, Qualifier.DECADE),
    (ENGLISH_TEXT, "nearly $4 billion", Kind.MONEY, Qualifier.NEARLY),
    (ENGLISH_TEXT, "11,000 employees", Kind.COUNT, Qualifier.EXACT),
    (ENGLISH_TEXT, "in the $90s", Kind.MONEY, Qualifier.DECADE),
    (ENGLISH_TEXT, "more than 30%", Kind.PERCENT, Qualifier.MORE_THAN),
    (SPACED_TEXT, "2022", Kind.NUMBER, Qualifier.EXACT),
    (SPACED_TEXT, "10 000 people", Kind.COUNT, Qualifier.EXACT),
    (SPACED_TEXT, "c $ 16.4 million", Kind.MONEY, Qualifier.EXACT),
    (SPACED_TEXT, "about ½", Kind.RATIO, Qualifier.APPROX),
    ("삼분의 1조각을 잘라줘", "삼분의 1", Kind.RATIO, Qualifier.EXACT),   # 조각 is a piece, not 조
]


@pytest.mark.parametrize(("text", "expression", "kind", "qualifier"), SPANS,
                         ids=[span[1] for span in SPANS])
def test_match_spans_in_running_text(text: str, expression: str, kind: Kind,
                                     qualifier: Qualifier | None) -> None:
    start = text.index(expression)
    quantity = match_quantity(text, start)
    assert quantity is not None
    assert (quantity.start, quantity.end, quantity.text) == (start, start + len(expression), expression)
    assert quantity.kind is kind
    if qualifier is not None:
        assert quantity.qualifier is qualifier


def test_match_skips_leading_space_and_keeps_original_characters() -> None:
    text = "인원은 １만１，０００명이다"
    quantity = match_quantity(text, 3)
    assert quantity is not None
    assert (quantity.start, quantity.end, quantity.text, quantity.value) == (4, 12, "１만１，０００명", Decimal(11000))


@pytest.mark.parametrize(("text", "pos"), [
    ("이미 가입된 회원", 0),      # 이 is not the digit two inside a word
    ("백악관에 초청", 0),          # 백 is not a hundred inside a word
    ("Meta said", 0),
    ("조 바이든 대통령", 0),      # a name, not a trillion
    ("사명을 바꿨다", 0),          # a single Sino digit before a counter is a word
    ("만 14세 이상", 0),           # a bare 만 in running text
    ("한 일이 많다", 0),           # native 한 never counts days (일)
    ("someone", 4),                # inside an English word
], ids=["이미", "백악관", "Meta", "조 바이든", "사명", "만 14세", "한 일", "someone"])
def test_no_match_inside_words(text: str, pos: int) -> None:
    assert match_quantity(text, pos) is None


def test_bounds_use_precision_except_for_decades() -> None:
    assert parse_quantity("44억 달러").bounds() == (Decimal("4.35e9"), Decimal("4.45e9"))  # type: ignore[union-attr]
    assert parse_quantity("90달러 대").bounds() == (Decimal(90), Decimal(100))  # type: ignore[union-attr]


def test_values_keep_written_digits() -> None:
    assert str(parse_quantity("4.40").value) == "4.40"  # type: ignore[union-attr]
    assert parse_quantity("4.40").precision != parse_quantity("4.4").precision  # type: ignore[union-attr]


def test_language_auto_and_forced() -> None:
    assert quantities.detect_language("약 13조 원") == "ko"
    assert parse_quantity("$4.4 billion", "ko").unit == "USD"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        parse_quantity("3", "fr")


def test_registry_lists_every_grammar() -> None:
    assert set(quantities.GRAMMARS) == {"ko", "en"}
    for name, module in quantities.GRAMMARS.items():
        assert module.NAME == name
        assert callable(module.match_core)


@pytest.mark.parametrize("module", [precision, numerals, hedges, quantities],
                         ids=lambda module: module.__name__)
def test_doctests(module: Any) -> None:
    result = doctest.testmod(module)
    assert (result.failed, result.attempted > 0) == (0, True)


HEDGE_VERB_FORMS = hedges.conjugated(tables.KO_HEDGE_VERBS, tables.KO_HEDGE_VERB_ENDINGS)


@pytest.mark.parametrize(("form", "qualifier"), sorted(HEDGE_VERB_FORMS.items()),
                         ids=sorted(HEDGE_VERB_FORMS))
def test_every_hedge_verb_form_hedges_its_number(form: str, qualifier: Qualifier) -> None:
    """Each table entry, in a sentence: the verb belongs to the amount before it."""
    text = f"매출은 28조 원을 {form} 것으로 집계됐다"
    quantity = match_quantity(text, text.index("28"))
    assert quantity is not None
    assert (quantity.text, quantity.value, quantity.unit, quantity.qualifier) == (
        f"28조 원을 {form}", Decimal("28e12"), "KRW", qualifier)


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("2,840만 명을 넘었다", "28400000", "people", Qualifier.MORE_THAN),      # issue 8
    ("약 258조 9,000억 원", "258900000000000", "KRW", Qualifier.APPROX),
    ("28조 원을 웃돌았다", "28000000000000", "KRW", Qualifier.MORE_THAN),
    ("3%를 밑돌았다", "3", "%", Qualifier.LESS_THAN),
    ("100만 명을 돌파했다", "1000000", "people", Qualifier.MORE_THAN),
    ("40%에 육박했다", "40", "%", Qualifier.NEARLY),
    ("1%에 못 미쳤다", "1", "%", Qualifier.LESS_THAN),
], ids=lambda value: str(value))
def test_hedge_verbs_in_claim_values(text: str, value: str | None, unit: str | None,
                                     qualifier: Qualifier | None) -> None:
    """A claim file's ``value:`` may quote the verb as the article ends the sentence."""
    quantity = parse_quantity(text)
    if value is None:
        assert quantity is None   # a whole sentence is no single value
        return
    assert quantity is not None
    assert (quantity.value, quantity.unit, quantity.qualifier) == (Decimal(value), unit, qualifier)

"""Korean words that change what a number is (issue 22, item 7), each on the sentence the issue quotes.

파운드 is money only with a scale of 만 or more, as 파운드화 or after £ (else the weight, as
"340 pounds" is in English); 크로네 names the money of more than one country and is an error
without it; "1%의 절반" is 0.5 %; "13년 2개월만의 최고" and "역대 최고" are rank words drafted with
the figure they rank, and a figure's rank words stop where the next figure starts.
"""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from checker import extract
from checker.extraction import numbers
from checker.extraction.draft import claims
from checker.quantities import parse_quantity
from checker.quantities.countries import missing_country
from checker.quantities.predicates import read_rank

FINANCE = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora" / "finance_sentiment_corpus" / "finance_data.csv"


@pytest.mark.parametrize("text,kind,unit,value", [
    ("5파운드", "count", "pounds", "5"),               # the weight
    ("5천 파운드", "count", "pounds", "5000"),          # 천 is below 만: still the weight
    ("500만 파운드", "money", "GBP", "5000000"),
    ("100파운드화", "money", "GBP", "100"),
    ("£5", "money", "GBP", "5"),
])
def test_pound_is_money_with_a_scale_hwa_or_the_sign(text: str, kind: str, unit: str, value: str) -> None:
    quantity = parse_quantity(text, "ko")
    assert quantity is not None
    assert (quantity.kind.value, quantity.unit, quantity.value) == (kind, unit, Decimal(value))


@pytest.mark.parametrize("text,unit", [
    ("250 덴마크 크로네", "DKK"), ("1,200만 노르웨이 크로네", "NOK"), ("91억 스웨덴 크로나", "SEK"),
    ("300 Danish kroner", "DKK"), ("300 Norwegian kroner", "NOK"), ("10 kronor", "SEK"),
])
def test_krone_with_its_country_is_that_countrys_money(text: str, unit: str) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None and (quantity.kind.value, quantity.unit) == ("money", unit)


@pytest.mark.parametrize("text", ["3.6억 크로네", "91억 크로네", "500 kroner", "5 krona"])
def test_krone_without_its_country_is_no_quantity_and_says_why(text: str) -> None:
    assert parse_quantity(text) is None
    assert "more than one country" in (missing_country(text) or "")


def test_krone_in_the_corpus_is_listed_as_a_negative_not_guessed() -> None:
    """The corpus translates "SEK 3.6 bn" as "3.6억 크로네": no currency is drafted for it."""
    if not FINANCE.is_file():
        pytest.skip(f"finance corpus not found at {FINANCE}")
    with FINANCE.open(encoding="utf-8", newline="") as stream:
        text = next(row["kor_sentence"] for row in csv.DictReader(stream) if "3.6억 크로네" in row["kor_sentence"])
    quantities, refused = numbers(text, "ko")
    assert quantities == []
    assert [(text[n.start:n.end], n.reason.startswith("money in a currency several countries share"))
            for n in refused] == [("3.6억", True)]


def test_half_of_one_percent_is_half_a_percent() -> None:
    quantities, _ = numbers("한국의 성장률은 미국 1%의 절반에 그쳤다.", "ko")
    assert [(q.text, q.kind.value, q.value, q.precision) for q in quantities] == [
        ("1%의 절반", "percent", Decimal("0.5"), Decimal("0.25"))]
    assert parse_quantity("44억 달러의 절반", "ko") is None    # money: the 44억 달러 is stated too


@pytest.mark.parametrize("text,extreme,window,months", [
    ("13년 2개월만의 최고", "max", "span", 158),
    ("13년 만의 최고", "max", "span", 156),
    ("12개월 만에 최고치인", "max", "span", 12),
    ("역대 최고", "max", "record", None),
])
def test_rank_words_with_man_ui(text: str, extreme: str, window: str, months: int | None) -> None:
    rank = read_rank(text, "ko")
    assert rank is not None and (rank.extreme, rank.window, rank.months) == (extreme, window, months)


def _drafted(text: str) -> list[tuple[str, str]]:
    """(value, end-of-line comment) of every drafted claim."""
    drafted = claims(extract(text, "ko", published="2024-01-15"))
    return [(claim["value"], str(claim.ca.items.get("value", [None, None, ""])[2] or "")) for claim in drafted]


def test_a_rank_of_years_and_months_is_drafted_with_the_figure_and_no_duration() -> None:
    drafted = _drafted("소비자물가 상승률은 5.2%로 13년 2개월만의 최고를 기록했다.")
    assert [value for value, _ in drafted] == ["5.2%"]
    assert "states a rank (13년 2개월만의 최고를 기록했다)" in drafted[0][1]


def test_a_rank_belongs_to_the_figure_before_it_not_an_earlier_one() -> None:
    drafted = _drafted("수출은 3.2% 늘었고 수입은 5.1%로 역대 최고를 기록했다.")
    assert [(value, "states a rank" in comment) for value, comment in drafted] == [
        ("3.2% 늘었고", False), ("5.1%", True)]

"""Korean periods a reader resolves without a year, and agency datelines (issue 21, item 4).

The sentences follow the Bank of Korea's May 2022 import-price release as the wire stories reported it
(published 2022-06-14): Dubai crude at 108.16 dollars a barrel in May against 102.82 in April.
"""
from __future__ import annotations

import pytest

from checker import extract

PUBLISHED = "2022-06-14"


def _periods(text: str) -> dict[str, str | None]:
    return {found.quantity.text: found.period for found in extract(text, "ko", PUBLISHED).quantities}


def test_the_month_before_is_the_previous_month_of_the_sentence() -> None:
    found = _periods("지난 5월 두바이유는 배럴당 108.16달러로 전월의 102.82달러보다 5.2% 올랐다.")
    assert (found["108.16달러"], found["102.82달러"]) == ("2022-05", "2022-04")


@pytest.mark.parametrize(("text", "month", "period"), [
    ("1월에는 130.2였다.", "130.2", "2022-01"),   # before the story's month: this year
    ("6월 들어 148.4로 올랐다.", "148.4", "2022-06"),   # the story's own month
    ("11월에는 120.5였다.", "120.5", "2021-11"),  # after it: the latest November, last year's
])
def test_a_month_without_a_year_is_the_latest_such_month_not_after_publication(text: str, month: str,
                                                                                 period: str) -> None:
    assert _periods(text)[month] == period


def test_a_year_named_earlier_in_the_story_still_wins() -> None:
    found = _periods("2020년 실적을 보면 11월에는 120.5였다.")
    assert found["120.5"] == "2020-11"


def test_an_agency_dateline_is_no_number() -> None:
    text = "(서울=뉴스1) 수입물가지수는 153.74였다."
    found = extract(text, "ko", PUBLISHED)
    assert [quantity.quantity.text for quantity in found.quantities] == ["153.74"]
    assert [(text[n.start:n.end], n.reason) for n in found.negatives] == [("(서울=뉴스1)", "an agency dateline ((서울=뉴스1))")]

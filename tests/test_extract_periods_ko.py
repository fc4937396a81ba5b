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


@pytest.mark.parametrize("text", ["지난달 물가는 5.4% 올랐다.", "지난 달 소비자물가는 5.4%였다."])
def test_last_month_is_the_month_before_publication(text: str) -> None:
    """지난달 (issue 21): the month before the story's, as 지난해 is the year before; 지난달 대비 is a base."""
    assert _periods(text)["5.4%"] == "2022-05"
    assert _periods("지난달 대비 5.4% 올랐다.")["5.4%"] is None
    assert {found.quantity.text: found.period for found in extract(text, "ko").quantities}["5.4%"] is None   # undated


def test_a_figure_after_a_sequence_word_is_not_of_the_period_before_it() -> None:
    """"…한 뒤" puts what follows later than the period named before it: no period, rather than that one."""
    found = _periods("주가는 지난달 7.4% 하락한 뒤 1.2% 오른 250유로에 거래됐다.")
    assert (found["7.4%"], found["1.2%"], found["250유로"]) == ("2022-05", None, None)
    assert _periods("5월 매출은 44억 달러로 늘었고 이익은 3억 달러였다.")["3억 달러"] == "2022-05"


def test_a_year_named_earlier_in_the_story_still_wins() -> None:
    found = _periods("2020년 실적을 보면 11월에는 120.5였다.")
    assert found["120.5"] == "2020-11"


def test_an_agency_dateline_is_no_number() -> None:
    text = "(서울=뉴스1) 수입물가지수는 153.74였다."
    found = extract(text, "ko", PUBLISHED)
    assert [quantity.quantity.text for quantity in found.quantities] == ["153.74"]
    assert [(text[n.start:n.end], n.reason) for n in found.negatives] == [("(서울=뉴스1)", "an agency dateline ((서울=뉴스1))")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # 지난해 동기 is the year before the quarter just named, shifted once (not 지난해 = 2021, then a year more)
    ("삼성전자의 3분기 영업이익은 10조8천억 원으로 지난해 동기 15조8천억 원보다 줄었다.", "2022-10-28",
     {"10조8천억 원": "2022-Q3", "15조8천억 원": "2021-Q3"}),
    # a finance-corpus sentence (Outotec, 2010-04-23): 작년 동기 with its noun before the number
    ("2010년 1/4분기에 작년 동기 순이익 12.5m에서 7.3m의 순손실로 떨어졌다고 밝혔다.", "2010-04-23",
     {"12.5m": "2009-Q1", "7.3m": "2010-Q1"}),
    # relative to the period just named, in the sentence before
    ("지난 3월 수출은 634억 달러였다. 전월에는 539억 달러였다. 전년 동월 수출은 537억 달러였다.", PUBLISHED,
     {"634억 달러": "2022-03", "539억 달러": "2022-02", "537억 달러": "2021-03"}),
    # a change against the year before is the sentence's own period
    ("3분기 매출은 전년 동기 대비 12% 늘었다.", "2022-10-28", {"12%": "2022-Q3"}),
])
def test_the_same_period_a_year_earlier_and_the_month_before(text: str, published: str,
                                                             expected: dict[str, str]) -> None:
    found = {f.quantity.text: f.period for f in extract(text, "ko", published).quantities}
    assert {number: found[number] for number in expected} == expected


@pytest.mark.parametrize(("published", "period"), [("2022-10-28", "2022-Q3"), ("2022-08-01", "2022-Q3"),
                                                   ("2022-06-14", "2021-Q3")])
def test_a_quarter_without_a_year_is_the_latest_begun_by_publication(published: str, period: str) -> None:
    found = extract("3분기 영업이익은 10조8천억 원이었다.", "ko", published).quantities
    assert [(f.quantity.text, f.period) for f in found] == [("10조8천억 원", period)]


@pytest.mark.parametrize(("text", "period"), [("2·4분기", "2022-Q2"), ("2ㆍ4분기", "2022-Q2"), ("2/4분기", "2022-Q2"),
                                              ("2021년 2·4분기", "2021-Q2")])
def test_a_quarter_written_as_a_fraction_is_that_quarter(text: str, period: str) -> None:
    """2·4분기 (a middle dot for the slash of 2/4분기) is the second quarter: not the number 2, nor the fourth."""
    found = extract(f"{text} 영업이익은 10조8천억 원이었다.", "ko", "2022-10-28").quantities
    assert [(f.quantity.text, f.period) for f in found if f.quantity.kind.value != "date"] == [("10조8천억 원", period)]


@pytest.mark.parametrize("text", ["3분기 연속 적자로 2천억 원을 잃었다.", "2008 회계연도 3분기에 40만 유로 순손실을 기록했다."])
def test_a_count_of_quarters_or_a_fiscal_quarter_is_no_calendar_quarter(text: str) -> None:
    found = {f.quantity.text: f.period for f in extract(text, "ko", "2022-08-28").quantities}
    assert not any(period and "-Q" in period for period in found.values())


def test_a_year_inside_a_korean_number_dates_nothing() -> None:
    """A finance-corpus sentence: 2000 in "7억 2000만 유로" is no year, so the 7400 people are 2007's."""
    text = "Poyry의 2007년 순매출액은 약 7억 2000만 유로였으며, 7400명의 전문가를 고용하고 있다."
    found = {f.quantity.text: f.period for f in extract(text, "ko", PUBLISHED).quantities}
    assert found["7400명"] == "2007"


def test_the_year_of_a_comparisons_base_does_not_carry_on() -> None:
    """Written here in the style of an exchange-rate story: "2021년 10월 1일의 1,187.24원보다" dates the base alone;
    the next sentence's "11월 1일" is still the story's November (it was 2021's)."""
    text = ("환율은 지난 9월 28일 달러당 1,440.5원을 기록했다.\n\n이는 2021년 10월 1일의 1,187.24원보다 21.3% 높은 "
            "수준이다. 환율은 이후 내려 11월 1일에는 1,416.2원을 나타냈다.")
    found = {f.quantity.text: f.period for f in extract(text, "ko", "2022-11-02").quantities}
    assert (found["1,187.24원"], found["1,416.2원"]) == ("2021-10-01", "2022-11-01")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("6월 수입물량지수(2015년=100)는 120.53으로 전월 대비 6.2% 하락했다.", "ko", {"120.53": "2022-06", "6.2%": "2022-06"}),
    ("The index (1982-84=100) stood at 316.441 in November.", "en", {"316.441": "2021-11"}),
])
def test_an_index_base_is_neither_a_period_nor_a_figure(text: str, language: str, expected: dict[str, str]) -> None:
    """The year of "(2015년=100)" dated the month's figures 2015, and its 100 was drafted as a figure, which
    took the story's month once the year no longer did: the index set to 100, checked as June's."""
    found = {f.quantity.text: f.period for f in extract(text, language, "2022-07-15").quantities
             if f.quantity.kind.value != "date"}
    assert found == expected

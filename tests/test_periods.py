"""Periods: every written form, its canonical label and span, and the refusals."""
from __future__ import annotations

import doctest
from datetime import date

import pytest

import checker.periods
from checker.periods import Period, PeriodError, parse_period

PUBLISHED = date(2024, 2, 19)

# (written, published, label, start, end, granularity)
FORMS = [
    ("2022", None, "2022", "2022-01-01", "2022-12-31", "year"),
    (2022, None, "2022", "2022-01-01", "2022-12-31", "year"),
    ("2022-Q3", None, "2022-Q3", "2022-07-01", "2022-09-30", "quarter"),
    ("2022-q4", None, "2022-Q4", "2022-10-01", "2022-12-31", "quarter"),
    ("2022-H1", None, "2022-H1", "2022-01-01", "2022-06-30", "half"),
    ("2022-H2", None, "2022-H2", "2022-07-01", "2022-12-31", "half"),
    ("2022-11", None, "2022-11", "2022-11-01", "2022-11-30", "month"),
    ("2024-2", None, "2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2022-11-09", None, "2022-11-09", "2022-11-09", "2022-11-09", "day"),
    (date(2022, 11, 9), None, "2022-11-09", "2022-11-09", "2022-11-09", "day"),
    ("2024-YTD", PUBLISHED, "2024-YTD", "2024-01-01", "2024-02-19", "ytd"),
    ("2024-YTD", None, "2024-YTD", "2024-01-01", "2024-12-31", "ytd"),
    ("2023-YTD", PUBLISHED, "2023-YTD", "2023-01-01", "2023-12-31", "ytd"),
    ("2021-11..2022-11", None, "2021-11..2022-11", "2021-11-01", "2022-11-30", "range"),
    ("2022-Q3 .. 2023", None, "2022-Q3..2023", "2022-07-01", "2023-12-31", "range"),
    ("2022년", None, "2022", "2022-01-01", "2022-12-31", "year"),
    ("2022년 3분기", None, "2022-Q3", "2022-07-01", "2022-09-30", "quarter"),
    ("2022년 8월", None, "2022-08", "2022-08-01", "2022-08-31", "month"),
    ("지난해", PUBLISHED, "2023", "2023-01-01", "2023-12-31", "year"),
    ("작년", PUBLISHED, "2023", "2023-01-01", "2023-12-31", "year"),
    ("올해", PUBLISHED, "2024", "2024-01-01", "2024-12-31", "year"),
    ("올", PUBLISHED, "2024", "2024-01-01", "2024-12-31", "year"),
    ("올 들어", PUBLISHED, "2024-YTD", "2024-01-01", "2024-02-19", "ytd"),
    ("내년", PUBLISHED, "2025", "2025-01-01", "2025-12-31", "year"),
    ("지난해 4분기", PUBLISHED, "2023-Q4", "2023-10-01", "2023-12-31", "quarter"),
    ("지난해 상반기", PUBLISHED, "2023-H1", "2023-01-01", "2023-06-30", "half"),
    ("올 하반기", PUBLISHED, "2024-H2", "2024-07-01", "2024-12-31", "half"),
    ("지난해 4월", PUBLISHED, "2023-04", "2023-04-01", "2023-04-30", "month"),
    ("지난 2일", PUBLISHED, "2024-02-02", "2024-02-02", "2024-02-02", "day"),
    ("지난 19일", PUBLISHED, "2024-02-19", "2024-02-19", "2024-02-19", "day"),
    ("지난 30일", PUBLISHED, "2024-01-30", "2024-01-30", "2024-01-30", "day"),
    ("지난 31일", date(2024, 3, 5), "2024-01-31", "2024-01-31", "2024-01-31", "day"),
    ("전날", PUBLISHED, "2024-02-18", "2024-02-18", "2024-02-18", "day"),
    ("전일", date(2024, 3, 1), "2024-02-29", "2024-02-29", "2024-02-29", "day"),
    ("지난달", PUBLISHED, "2024-01", "2024-01-01", "2024-01-31", "month"),
    ("last year", PUBLISHED, "2023", "2023-01-01", "2023-12-31", "year"),
    ("Last  Year", PUBLISHED, "2023", "2023-01-01", "2023-12-31", "year"),
    ("this year", PUBLISHED, "2024", "2024-01-01", "2024-12-31", "year"),
    ("a year earlier", PUBLISHED, "2023", "2023-01-01", "2023-12-31", "year"),
    ("year to date", PUBLISHED, "2024-YTD", "2024-01-01", "2024-02-19", "ytd"),
    ("year-to-date", PUBLISHED, "2024-YTD", "2024-01-01", "2024-02-19", "ytd"),
    ("지난해..올 들어", PUBLISHED, "2023..2024-YTD", "2023-01-01", "2024-02-19", "range"),
]


@pytest.mark.parametrize(
    "written, published, label, start, end, granularity",
    FORMS,
    ids=[f"{f[0]}@{f[1]}" if f[1] else str(f[0]) for f in FORMS],
)
def test_form(written, published, label, start, end, granularity):
    period = parse_period(written, published)
    assert (period.label, period.start.isoformat(), period.end.isoformat(), period.granularity) == (
        label, start, end, granularity)


# (written, published, message)
ERRORS = [
    ("2022-Q5", None, "2022-Q5: quarter must be 1-4"),
    ("2022-Q0", None, "2022-Q0: quarter must be 1-4"),
    ("2022-H3", None, "2022-H3: half must be 1 or 2"),
    ("2022-13", None, "2022-13: month must be 1-12"),
    ("2023-02-30", None, "2023-02-30: day must be 1-28 in 2023-02"),
    ("2023-04-31", None, "2023-04-31: day must be 1-30 in 2023-04"),
    ("0000", None, "0000: year must be 1-9999"),
    ("지난해 5분기", PUBLISHED, "지난해 5분기: quarter must be 1-4"),
    ("지난해", None, "지난해: a relative period needs the article's published date"),
    ("last year", None, "last year: a relative period needs the article's published date"),
    ("지난 2일", None, "지난 2일: a relative period needs the article's published date"),
    ("전날", None, "전날: a relative period needs the article's published date"),
    ("2023..2022", None, "2023..2022: the range ends before it starts"),
    ("2022..", None, "2022..: a range is written START..END"),
    ("2021..2022..2023", None, "2021..2022..2023: a range is written START..END"),
    ("soon", None, "'soon' is not a period"),
    # other spellings of one quarter, half or month: the label to write (a claim file's period: key, issue 21)
    ("Q3 2022", None, "'Q3 2022' is not a period: write 2022-Q3"),
    ("2022Q3", None, "'2022Q3' is not a period: write 2022-Q3"),
    ("3Q 2022", None, "'3Q 2022' is not a period: write 2022-Q3"),
    ("2022-3Q", None, "'2022-3Q' is not a period: write 2022-Q3"),
    ("the third quarter of 2022", None, "'the third quarter of 2022' is not a period: write 2022-Q3"),
    ("H1 2022", None, "'H1 2022' is not a period: write 2022-H1"),
    ("2022/11", None, "'2022/11' is not a period: write 2022-11"),
    ("11/2022", None, "'11/2022' is not a period: write 2022-11"),
    ("H3 2022", None, "'H3 2022' is not a period (expected 2022, 2022-Q3"),
    ("2022/13", None, "'2022/13' is not a period (expected 2022, 2022-Q3"),
    ("", None, "empty period"),
    (True, None, "True is not a period"),
    (3.5, None, "3.5 is not a period"),
]


@pytest.mark.parametrize("written, published, message", ERRORS, ids=[repr(e[0]) for e in ERRORS])
def test_refusal(written, published, message):
    with pytest.raises(PeriodError) as caught:
        parse_period(written, published)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "label, day, inside",
    [("2022-Q3", "2022-07-01", True), ("2022-Q3", "2022-09-30", True), ("2022-Q3", "2022-10-01", False),
     ("2021-11..2022-11", "2022-01-15", True), ("2022-11-09", "2022-11-10", False)],
    ids=["first-day", "last-day", "after", "range", "next-day"],
)
def test_contains(label, day, inside):
    assert parse_period(label).contains(date.fromisoformat(day)) is inside


def test_within_and_str():
    assert parse_period("2022-11-03").within(parse_period("2022-Q4"))
    assert not parse_period("2022-Q4").within(parse_period("2022-11"))
    assert str(parse_period("2022-q3")) == "2022-Q3"
    assert isinstance(parse_period(2022), Period)


def test_doctests():
    assert doctest.testmod(checker.periods).failed == 0


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-QqHh.YTD 지난해올들어분기월일전날 lastyer", max_size=24),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_any_text_gives_a_period_or_a_period_error(text, published):
    try:
        period = parse_period(text, published)
    except PeriodError as error:
        assert "\n" not in str(error)
    else:
        assert period.start <= period.end
        assert parse_period(period.label, published if period.granularity == "ytd" else None) == period or \
            period.granularity == "range"

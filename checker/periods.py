"""Periods: the span of days a number is about ("2022-Q3", "지난해 4월", "last year").

A claim, a reference row and an article's phrase all name a period; comparing them
needs one representation: an inclusive ``start``..``end`` of days with a canonical
``label``. Relative phrases (지난해, 올 들어, a year earlier) only mean something
against the article's published date, so they refuse to resolve without one rather
than guess.

>>> parse_period("2022-Q3")
Period(start=datetime.date(2022, 7, 1), end=datetime.date(2022, 9, 30), label='2022-Q3', granularity='quarter')
>>> parse_period(2022).label, parse_period("2022-h1").label, parse_period("2022-11").end
('2022', '2022-H1', datetime.date(2022, 11, 30))
>>> parse_period("2021-11..2022-11").label
'2021-11..2022-11'
>>> parse_period("2024-YTD", published=date(2024, 2, 19)).end
datetime.date(2024, 2, 19)
>>> parse_period("지난해 4분기", published=date(2024, 2, 19)).label
'2023-Q4'
>>> parse_period("지난 2일", published=date(2024, 2, 19)).label
'2024-02-02'
>>> parse_period("a year earlier", published=date(2024, 2, 19)).label
'2023'
>>> parse_period("FY2022")
Traceback (most recent call last):
...
checker.periods.PeriodError: FY2022: a fiscal period has the company's dates, not the calendar's; write its days (2021-09-26..2022-09-24 for Apple's fiscal 2022, 2021-10..2022-09 for a year ending 09-30)
>>> parse_period("2022-Q5")
Traceback (most recent call last):
...
checker.periods.PeriodError: 2022-Q5: quarter must be 1-4
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from dateutil.relativedelta import relativedelta

from checker.folding import fold
from checker.lazy_regex import compile_lazily

#: Granularities from finest to coarsest; "ytd" and "range" are spans of any length.
GRANULARITIES = ("day", "month", "quarter", "half", "year", "ytd", "range")


class PeriodError(ValueError):
    """A period the user wrote cannot be read; the message is one user-facing line."""


class Undated(PeriodError):
    """A relative period ("last year", "지난해") read with no published date to count from."""


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive span of days with a canonical label."""

    start: date
    end: date
    label: str
    granularity: str

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside this period (both ends inclusive)."""
        return self.start <= day <= self.end

    def within(self, other: Period) -> bool:
        """Whether this whole period lies inside ``other``."""
        return other.start <= self.start and self.end <= other.end

    def __str__(self) -> str:
        return self.label


# --------------------------------------------------------------------------- builders


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year:04d}", "year")


def half_period(year: int, half: int, text: str = "") -> Period:
    if half not in (1, 2):
        raise PeriodError(f"{text or f'{year}-H{half}'}: half must be 1 or 2")
    first = 1 if half == 1 else 7
    last = date(year, 6, 30) if half == 1 else date(year, 12, 31)
    return Period(date(year, first, 1), last, f"{year:04d}-H{half}", "half")


def quarter_period(year: int, quarter: int, text: str = "") -> Period:
    if not 1 <= quarter <= 4:
        raise PeriodError(f"{text or f'{year}-Q{quarter}'}: quarter must be 1-4")
    first = 3 * quarter - 2
    last = date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    return Period(date(year, first, 1), last, f"{year:04d}-Q{quarter}", "quarter")


def month_period(year: int, month: int, text: str = "") -> Period:
    if not 1 <= month <= 12:
        raise PeriodError(f"{text or f'{year}-{month}'}: month must be 1-12")
    last = date(year, month, calendar.monthrange(year, month)[1])
    return Period(date(year, month, 1), last, f"{year:04d}-{month:02d}", "month")


def day_period(day: date) -> Period:
    return Period(day, day, day.isoformat(), "day")


def checked_day(year: int, month: int, day: int, text: str) -> date:
    """A calendar day, or a PeriodError that says which part is impossible."""
    if not 1 <= month <= 12:
        raise PeriodError(f"{text}: month must be 1-12")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise PeriodError(f"{text}: day must be 1-{days} in {year:04d}-{month:02d}")
    return date(year, month, day)


def ytd_period(year: int, published: date | None) -> Period:
    """Jan 1 to the published date when that falls in ``year``, else the whole year."""
    end = published if published is not None and published.year == year else date(year, 12, 31)
    return Period(date(year, 1, 1), end, f"{year:04d}-YTD", "ytd")


def range_period(first: Period, last: Period, text: str) -> Period:
    if last.end < first.start:
        raise PeriodError(f"{text}: the range ends before it starts")
    return Period(first.start, last.end, f"{first.label}..{last.label}", "range")


def span_period(start: date, end: date) -> Period:
    """The period ``start``..``end`` covers, labelled as a reader would write it (a filing's span, a fiscal quarter).

    >>> span_period(date(2022, 7, 1), date(2022, 9, 30)).label
    '2022-Q3'
    >>> span_period(date(2022, 1, 1), date(2022, 9, 30)).label
    '2022-01..2022-09'
    >>> span_period(date(2021, 9, 26), date(2022, 9, 24)).label
    '2021-09-26..2022-09-24'
    """
    if start > end:
        raise PeriodError(f"{start}..{end}: the span ends before it starts")
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return range_period(day_period(start), day_period(end), f"{start}..{end}")
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 12 and start.month == 1:
        return year_period(start.year)
    if months == 3 and start.month % 3 == 1:
        return quarter_period(start.year, start.month // 3 + 1)
    first, last = month_period(start.year, start.month), month_period(end.year, end.month)
    if months == 1:
        return first
    return range_period(first, last, f"{first.label}..{last.label}")


# --------------------------------------------------------------------------- absolute forms

_ABSOLUTE = compile_lazily(
    r"""
    ^(?P<year>\d{4})                      # 2022
    (?:
        -[Qq](?P<quarter>\d)              # 2022-Q3
      | -[Hh](?P<half>\d)                 # 2022-H1
      | -(?P<ytd>[Yy][Tt][Dd])            # 2024-YTD
      | -(?P<month>\d{1,2})               # 2022-11
        (?:-(?P<day>\d{1,2}))?            # 2022-11-09
    )?$
    """,
    re.VERBOSE,
)


def _absolute(text: str, published: date | None) -> Period | None:
    match = _ABSOLUTE.match(text)
    if match is None:
        return None
    year = int(match["year"])
    if year == 0:
        raise PeriodError(f"{text}: year must be 1-9999")
    if match["quarter"]:
        return quarter_period(year, int(match["quarter"]), text)
    if match["half"]:
        return half_period(year, int(match["half"]), text)
    if match["ytd"]:
        return ytd_period(year, published)
    if match["day"]:
        return day_period(checked_day(year, int(match["month"]), int(match["day"]), text))
    if match["month"]:
        return month_period(year, int(match["month"]), text)
    return year_period(year)


# --------------------------------------------------------------------------- relative forms

#: Year words and their offset from the published year.
KOREAN_YEAR_WORDS: dict[str, int] = {
    "재작년": -2,
    "지난해": -1,
    "작년": -1,
    "올해": 0,
    "금년": 0,
    "올": 0,
    "내년": 1,
}

ENGLISH_YEAR_WORDS: dict[str, int] = {
    "last year": -1,
    "the previous year": -1,
    "the prior year": -1,
    "a year earlier": -1,
    "a year ago": -1,
    "a year before": -1,
    "this year": 0,
    "next year": 1,
}

_KOREAN_YEAR = compile_lazily(
    r"""
    ^(?:(?P<word>{words})                 # 지난해, 올해, 올, 내년 ...
       |(?P<year>\d{{4}})년)              # or 2022년
    \s*
    (?:
        (?P<quarter>\d)\s*분기            # 4분기
      | (?P<half>[상하])반기              # 상반기 / 하반기
      | (?P<month>\d{{1,2}})\s*월         # 4월
        (?:\s*(?P<day>\d{{1,2}})\s*일)?   # 4월 9일
      | (?P<ytd>들어)                     # 올 들어 (year to date)
    )?$
    """.format(words="|".join(sorted(KOREAN_YEAR_WORDS, key=len, reverse=True))),
    re.VERBOSE,
)

_ENGLISH_YEAR = compile_lazily(
    r"""
    ^(?P<word>{words})$                   # last year, a year earlier ...
    """.format(words="|".join(w.replace(" ", r"\s+") for w in ENGLISH_YEAR_WORDS)),
    re.VERBOSE | re.IGNORECASE,
)

_YEAR_TO_DATE = compile_lazily(
    r"""
    ^(?:this\s+year\s+so\s+far            # this year so far
       |(?:this\s+)?year[\s-]+to[\s-]+date # year to date, year-to-date
       |ytd)$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: "=100" right after a year ("2015년=100", "1982-84=100"): the year is an index's base, part of its unit, no
#: figure's period (the extraction of each language skips such a year when it reads periods).
INDEX_BASE_AFTER = compile_lazily(r"[ ]?=[ ]?\d")
_DAY_BEFORE = compile_lazily(r"^(?:전날|전일|어제|yesterday|the\s+day\s+before)$", re.IGNORECASE)

_LAST_DAY_OF_MONTH = compile_lazily(
    r"""
    ^지난\s*(?P<day>\d{1,2})\s*일$        # 지난 2일: the most recent 2nd
    """,
    re.VERBOSE,
)

_MONTH_WORDS = compile_lazily(r"^(?P<word>지난달|이달|이번\s*달|last\s+month|this\s+month)$", re.IGNORECASE)
_MONTH_OFFSETS = {"지난달": -1, "이달": 0, "이번달": 0, "lastmonth": -1, "thismonth": 0}


def _needs(published: date | None, text: str) -> date:
    if published is None:
        raise Undated(f"{text}: a relative period needs the article's published date")
    return published


def _korean_year(match: re.Match[str], published: date | None, text: str) -> Period:
    if match["year"]:
        year = int(match["year"])
    else:
        year = _needs(published, text).year + KOREAN_YEAR_WORDS[match["word"]]
    if match["quarter"]:
        return quarter_period(year, int(match["quarter"]), text)
    if match["half"]:
        return half_period(year, 1 if match["half"] == "상" else 2, text)
    if match["day"]:
        return day_period(checked_day(year, int(match["month"]), int(match["day"]), text))
    if match["month"]:
        return month_period(year, int(match["month"]), text)
    if match["ytd"]:
        return ytd_period(year, published)
    return year_period(year)


def _english_year(match: re.Match[str], published: date | None, text: str) -> Period:
    word = " ".join(fold(match["word"]).split())
    return year_period(_needs(published, text).year + ENGLISH_YEAR_WORDS[word])


def _year_to_date(match: re.Match[str], published: date | None, text: str) -> Period:
    day = _needs(published, text)
    return ytd_period(day.year, day)


def _day_before(match: re.Match[str], published: date | None, text: str) -> Period:
    return day_period(_needs(published, text) - timedelta(days=1))


def _last_day_of_month(match: re.Match[str], published: date | None, text: str) -> Period:
    """지난 N일: the latest day numbered N on or before the published date."""
    day = _needs(published, text)
    wanted = int(match["day"])
    if not 1 <= wanted <= 31:
        raise PeriodError(f"{text}: day must be 1-31")
    month_start = day.replace(day=1)
    while wanted > calendar.monthrange(month_start.year, month_start.month)[1] or month_start.replace(day=wanted) > day:
        month_start -= relativedelta(months=1)  # ends within two months: every other month has 31 days
    return day_period(month_start.replace(day=wanted))


def _month_word(match: re.Match[str], published: date | None, text: str) -> Period:
    offset = _MONTH_OFFSETS["".join(fold(match["word"]).split())]
    day = _needs(published, text) + relativedelta(months=offset)
    return month_period(day.year, day.month)


Resolver = Callable[[re.Match[str], "date | None", str], Period]

#: Relative forms, tried in order; each resolver gets the match, published date and text.
RELATIVE_FORMS: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (_KOREAN_YEAR, _korean_year),
    (_ENGLISH_YEAR, _english_year),
    (_YEAR_TO_DATE, _year_to_date),
    (_DAY_BEFORE, _day_before),
    (_LAST_DAY_OF_MONTH, _last_day_of_month),
    (_MONTH_WORDS, _month_word),
)

#: "FY2022", "FY22 Q4", "fiscal 2022": a fiscal period, refused with what to write instead.
_FISCAL = compile_lazily(r"\bF[Yy]\s?'?\d{2}|\bfiscal\b", re.IGNORECASE)

_FORMS_HINT = (
    "expected 2022, 2022-Q3, 2022-H1, 2022-11, 2022-11-09, 2024-YTD, A..B, "
    "or a relative form such as 지난해 4분기 or last year"
)


def _single(text: str, published: date | None) -> Period:
    period = _absolute(text, published)
    if period is not None:
        return period
    for pattern, resolve in RELATIVE_FORMS:
        match = pattern.match(text)
        if match is not None:
            try:
                return resolve(match, published, text)
            except PeriodError:
                raise
            except (ValueError, OverflowError):  # 내년 of 9999-12-31, 재작년 of 0001-01-15
                raise PeriodError(f"{text}: relative to {published}, falls outside the years 1-9999") from None
    if _FISCAL.search(text):
        raise PeriodError(f"{text}: a fiscal period has the company's dates, not the calendar's; write its days "
                          "(2021-09-26..2022-09-24 for Apple's fiscal 2022, 2021-10..2022-09 for a year ending 09-30)")
    label = _label_of(text)
    raise PeriodError(f"{text!r} is not a period: write {label}" if label else f"{text!r} is not a period ({_FORMS_HINT})")


#: Other spellings of a quarter, a half or a month that name one period only ("Q3 2022", "2022Q3",
#: "3Q 2022", "2022/11"): the error says the label to write, not every form there is.
_SPELLINGS = compile_lazily(r"""
    (?: (?:the[ ])?(?P<ordinal>first|second|third|fourth)[ ]quarter(?:[ ]of)?[ ](?P<year_o>\d{4})
      | (?P<kind>[QH])(?P<number>[1-4])(?:[ ]?of)?[ /-]?(?P<year_a>\d{4})
      | (?P<year_b>\d{4})[ /-]?(?P<kind_b>[QH])(?P<number_b>[1-4])
      | (?P<number_c>[1-4])(?P<kind_c>[QH])[ /-]?(?P<year_c>\d{4})
      | (?P<year_d>\d{4})[ /-]?(?P<number_d>[1-4])(?P<kind_d>[QH])
      | (?P<year_m>\d{4})[/.](?P<month>0?[1-9]|1[0-2]) | (?P<month_y>0?[1-9]|1[0-2])[/.](?P<year_y>\d{4}) )
    """, re.IGNORECASE | re.VERBOSE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _label_of(text: str) -> str | None:
    """The label of ``text`` when it spells one quarter, half or month another common way, else None."""
    match = _SPELLINGS.fullmatch(text)
    if match is None:
        return None
    found = {name: value for name, value in match.groupdict().items() if value}
    if "ordinal" in found:
        return f"{found['year_o']}-Q{_ORDINALS[found['ordinal'].lower()]}"
    if "month" in found or "month_y" in found:
        return f"{found.get('year_m') or found['year_y']}-{int(found.get('month') or found['month_y']):02}"
    year = next(found[key] for key in ("year_a", "year_b", "year_c", "year_d") if key in found)
    kind = next(found[key] for key in ("kind", "kind_b", "kind_c", "kind_d") if key in found).upper()
    number = next(found[key] for key in ("number", "number_b", "number_c", "number_d") if key in found)
    return None if kind == "H" and number not in "12" else f"{year}-{kind}{number}"


@lru_cache(maxsize=65536, typed=True)
def parse_period(value: str | int | date, published: date | None = None) -> Period:
    """Read a period written as a label, a year, a date or a relative phrase.

    Cached: reference files repeat a few periods over many rows, and a Period is immutable.

    >>> parse_period("올 들어", published=date(2024, 2, 19))
    Period(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 2, 19), label='2024-YTD', granularity='ytd')
    >>> parse_period("지난해")
    Traceback (most recent call last):
    ...
    checker.periods.Undated: 지난해: a relative period needs the article's published date
    """
    if isinstance(value, datetime):
        return day_period(value.date())
    if isinstance(value, date):
        return day_period(value)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise PeriodError(f"{value!r} is not a period ({_FORMS_HINT})")
    if isinstance(value, int):
        if not 1 <= value <= 9999:
            raise PeriodError(f"{value}: year must be 1-9999")
        return year_period(value)
    text = " ".join(value.split())
    if not text:
        raise PeriodError(f"empty period ({_FORMS_HINT})")
    if ".." in text:
        parts = [part.strip() for part in text.split("..")]
        if len(parts) != 2 or not all(parts):
            raise PeriodError(f"{text}: a range is written START..END")
        return range_period(_single(parts[0], published), _single(parts[1], published), text)
    return _single(text, published)


def shifted(period: Period, years: int | None = None, to_year: int | None = None) -> Period | None:
    """``period`` moved back ``years`` (a year earlier) or into ``to_year`` (the same period in 2007)."""
    def move(match: re.Match[str]) -> str:
        year = int(match.group())
        return str(to_year if to_year is not None else year + (years or 0))
    try:
        return parse_period(re.sub(r"(?:^|(?<=\.\.))\d{4}", move, period.label))
    except PeriodError:
        return None

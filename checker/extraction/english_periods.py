"""The periods of English prose ("in the third quarter of 2010", "last year"), and the
quantities each is about.

Korean puts the period before its numbers (2022년 3분기 44억 달러); English puts it
before, after or both ("In Q1 of 2010, … rose from EUR 9.1 mn to EUR 9.7 mn", "EUR 20.5
mn in 2005 from EUR 9.3 mn in 2004"). So a quantity takes, in this order: the period
phrase right after it ("EUR 9.3 mn in 2004"), else the nearest one before it in its
sentence, else the first one after it in its sentence — never a comparison base
("from … in 2004", "a year earlier") that belongs to another number.

Phrases are one table of patterns (:data:`FORMS`), each with a resolver; relative ones
use the published date (``last year``, ``in September``, ``last quarter``) through
dateutil's ``relativedelta``, and those relative to the sentence (``a year earlier``,
``the corresponding period in 2007``) shift the sentence's own period. A fiscal period
("fiscal 2022", "FY22", "the fiscal fourth quarter") has no calendar dates the text
states: it takes the days of the company's fiscal calendar (``checker.extraction.fiscal``)
when the run has one, and otherwise no period but a note saying why (never the
calendar quarter of the same name).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from dateutil.relativedelta import relativedelta

from checker.extraction.fiscal import NOT_GIVEN, NOT_REACHED, TWO_YEARS, FiscalCalendar
from checker.extraction.prefix_regex import may_open_on, prefix_trie
from checker.extraction.sentences import paragraph_finder
from checker.folding import fold
from checker.lazy_regex import compile_lazily
from checker.periods import (
    ENGLISH_YEAR_WORDS, INDEX_BASE_AFTER, Period, PeriodError, day_period, half_period, month_period, parse_period,
    quarter_period, range_period, shifted, year_period,
)
from checker.quantities.model import Kind, Quantity
from checker.quantities.predicates import EN_CHANGE_NOUNS
from checker.quantities.tables import EN_MONTHS

#: Ordinal words naming a quarter or a half of a year.
ORDINALS: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                            "fourth": 4, "4th": 4}
#: Nouns of a change or rate between a number and its period: "a 0.6% decline in the second quarter",
#: "a 2.6% annual rate in the July-September quarter".
CHANGE_NOUNS: tuple[str, ...] = (*EN_CHANGE_NOUNS, "expansion", "rate", "pace")
#: "the first nine months of 2010": how many months from January.
MONTH_COUNTS: dict[str, int] = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9,
                                "eleven": 11, "11": 11, "twelve": 12, "12": 12}
#: Words before a month name that make it a time ("in September", "in May": alone, May is a verb);
#: the month alone is the phrase, so "for January-June 2010" is read as the range it opens.
MONTH_LEADS: tuple[str, ...] = ("in", "since", "during", "by", "until", "for", "through", "of", "from")
#: Words joining a number to the period right after it: "EUR 9.3 mn in 2004", "the $1.62 billion reported in
#: the same quarter a year ago", "the $721 million it posted in 2020", "a 0.6% decline in the second quarter",
#: "a 2.6% annual rate in the July-September quarter", "2% in the April-June quarter", "the $1.7 trillion
#: shortfall of fiscal 2023".
_JOIN = compile_lazily(r"""\s*,?\s*(?:(?:(?:it|they|the\s+company)\s+)?(?:(?:was|were|had)\s+)?
                           (?:reported|posted|recorded|booked|earned|logged)\s+
                           |(?:annual(?:ized)?\s+)?%s\s+(?=in\b|during\b)
                           |(?:deficit|surplus|shortfall)\s+(?=in\b|during\b|of\b|for\b))?
                           (?:(?:in|for|during|of|at\s+the\s+end\s+of|as\s+of|by|through)\s+(?:the\s+)?)?"""
                       % "(?:%s)" % "|".join(CHANGE_NOUNS), re.IGNORECASE | re.VERBOSE)
#: After a number, a period named by its ordinal alone ("a 1.6% drop in the first"): the noun it
#: leaves out is the last one written, which the draft does not guess; the number gets no period.
_ELLIPTICAL_ORDINAL = compile_lazily(r"""\s+(?:(?:annual(?:ized)?\s+)?%s\s+)?(?:in|during)\s+the\s+(?:%s|final|last)\b
                                         (?!\s*(?:-\s*)?(?:quarter|half|three|six|nine|months?|year|week|period))"""
                                     % ("(?:%s)" % "|".join(CHANGE_NOUNS), "|".join(ORDINALS)), re.IGNORECASE | re.VERBOSE)
#: A number or phrase after these words is the base of a comparison, not the sentence's
#: period: "from EUR 9.3 mn", "compared with December 2009", "an increase of 23 % over 2006",
#: "the lowest since 1981".
_BASE_BEFORE = compile_lazily(r"(?:\bfrom|compared\s+(?:with|to)|versus|\bvs\.?|against|\bthan|\bover|\bsince)\s+(?:the\s+)?$",
                              re.IGNORECASE)
#: A word every match of ``_BASE_BEFORE`` holds one of, as ``fold`` writes it: a window holding none
#: (most) is not searched, where the case-insensitive alternation was tried at each of its characters.
_BASE_WORDS = ("from", "compared", "versus", "vs", "against", "than", "over", "since")
#: How far before a number or phrase ``_BASE_BEFORE`` looks.
_BASE_REACH = 24

#: A number right after a period phrase, or in parentheses after it: "the year-ago EUR93.9 m",
#: "the same period in 2009 ( EUR61.9 m )".
_PAREN = compile_lazily(r"\s*[(（]?\s*")
_YEAR = r"(?:19|20)\d{2}"
_MONTH = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_ORDINAL = "|".join(ORDINALS)
_SPAN_FROM = compile_lazily(r"\bfrom\s+\Z", re.IGNORECASE)
_COPYRIGHT_BEFORE = compile_lazily(r"(?:\(\s?c\s?\)|©|\bcopyright)\s*\Z", re.IGNORECASE)
_YEARS_LEAD = compile_lazily(r"\b(?:from|over)\s+(?:the\s+)?\Z", re.IGNORECASE)
#: "Over" opening a clause before a span of months: "Over the first nine months of the year, revenue totaled";
#: after a change ("rose to $5 billion from $4 billion over the first nine months") it may be the base.
_MONTHS_LEAD = compile_lazily(r"(?:^|[.;:,(]\s*|\n\s*)over\s+\Z", re.IGNORECASE)
#: A month named in full: the only names read without a year after a lead word ("in May", not "may").
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_LEAD = "|".join(rf"(?<=\b{lead}\s)" for lead in MONTH_LEADS)
#: A fiscal year named: "fiscal 2022", "fiscal year 2022", "FY2022", "FY22", "fiscal '22".
#: A government's "budget year" is its fiscal year too: "budget year 2025", "the 2024 budget year", "the 2024 fiscal year".
_FISCAL_NAME = rf"""(?:(?:fiscal(?:\s+year)?|budget\s+year)\s+|FY\s?)(?:{_YEAR}|'?\d{{2}})(?:[-/](?:{_YEAR}|\d{{2}}))?(?!\d)
                   | {_YEAR}\s+(?:fiscal|budget|financial)\s+year\b"""
#: A quarter named in a fiscal phrase: "fourth quarter", "Q4".
_FISCAL_Q = rf"(?:(?:{_ORDINAL})[\s-]+quarter|Q[1-4]\b)"
_FISCAL_QUARTER = compile_lazily(rf"\b(?:(?P<ord>{_ORDINAL})\b|Q(?P<q>[1-4])\b)", re.IGNORECASE)
_FISCAL_YEAR = compile_lazily(rf"(?P<y4>{_YEAR})(?!\d)|(?:\bFY\s?'?|'|\bfiscal\s+(?:year\s+)?)(?P<y2>\d{{2}})(?!\d)",
                              re.IGNORECASE)
_FISCAL_SPAN = compile_lazily(r"\d[-/]\d")
_SHIFT_BACK = r"(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:of|in)\s+(?:the\s+)?(?:previous|prior|last)\s+year"


@dataclass(frozen=True)
class Phrase:
    """A period phrase: resolved, or ``shift``/``year`` relative to its sentence's period."""

    start: int
    end: int
    period: Period | None = None
    shift: int | None = None        # a year earlier: the sentence's period, years back
    year: int | None = None         # the corresponding period in 2007
    note: str | None = None
    base: bool = False
    fiscal: tuple[int | None, int | None] | None = None   # (fiscal year, quarter) of a fiscal phrase
    yearless_quarter: int | None = None   # "fourth-quarter" with no year: a fiscal quarter at a fiscal-year company
    day_of_its_figure: bool = False   # "on Monday": the day of the figure right before it only ("$5.01 on Monday")

    @property
    def relative(self) -> bool:
        return self.shift is not None or self.year is not None


Resolver = Callable[[re.Match[str], date | None, int | None], Phrase]


def _year_of(word: str | None, context: int | None) -> int | None:
    return int(word) if word else context


def _latest(make: Callable[[int], Period], published: date | None, context: int | None) -> Period | None:
    """A quarter or month named without a year: in the paragraph's year, else the latest one begun by ``published``."""
    if context is not None:
        return make(context)
    if published is None:
        return None
    period = make(published.year)
    return period if period.start <= published else make(published.year - 1)


def _quarter(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    number = ORDINALS[fold(match["q_ord"])] if match["q_ord"] else int(match["q_num"] or match["q_num2"] or 4)
    year = match["q_year"] or match["qc_year"] or match["qc_year2"] or match["lq_year"]
    relative = match["q_rel"] or match["lq_rel"]   # "the fourth (final) quarter of last year"
    if relative:
        offset = ENGLISH_YEAR_WORDS[" ".join(fold(relative).split())]
        period = quarter_period(published.year + offset, number) if published else None
    else:
        period = _latest(lambda y: quarter_period(y, number), published, _year_of(year, context))
    if year is None and context is None and not relative and _not_over(period, published):
        return _unfinished_quarter(match, number)
    return Phrase(match.start(), match.end(), period, yearless_quarter=None if year or relative else number)


def _not_over(period: Period | None, published: date | None) -> bool:
    return period is not None and published is not None and period.end >= published


def _unfinished_quarter(match: re.Match[str], number: int) -> Phrase:
    """"Fourth-quarter revenue rose" in a story of late October: the calendar's fourth quarter had not ended, so
    the figure is a company's fiscal quarter, a forecast, or last year's, and the words do not say which."""
    words = " ".join(match.group().split())
    return Phrase(match.start(), match.end(), note=f"{words}: no year given, and that quarter of the calendar "
                  "had not ended when the story was published; write the period (or give --fiscal-year-end)",
                  yearless_quarter=number)


def _half(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    number = ORDINALS[fold(match["h_ord"])] if match["h_ord"] else int(match["h_num"])
    return Phrase(match.start(), match.end(), half_period(int(match["h_year"] or match["hc_year"]), number))


def _year_ended(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"the 2024 budget year that ended in September", "the 2024 fiscal year that ended Sept. 30": the text
    gives the fiscal year's last month, so its twelve months are known without a calendar (the year named is
    the one it ends in, unless the end's own year is written)."""
    end_year = int(match["ye_end"] or match["ye_year"])
    last = month_period(end_year, EN_MONTHS[fold(match["ye_m"])])
    if last.start.month == 12:
        return Phrase(match.start(), match.end(), year_period(end_year))
    first_day = last.start + relativedelta(months=-11)
    return Phrase(match.start(), match.end(),
                  range_period(month_period(first_day.year, first_day.month), last, match.group()))


def _first_months(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"the first nine months of 2010" from January; "the final (last) three months of 2021" up to December;
    "of last year" the year before publication, "of the year" (or "this year") the paragraph's year, else
    publication's, when those months were over by then (a span still running is no figure's yet)."""
    year = _year_named(match["fm_year"], match["fm_rel"], published, context)
    count = MONTH_COUNTS[fold(match["fm_count"])]
    first, last = (1, count) if fold(match["fm_end"]) == "first" else (13 - count, 12)
    if year is None:
        return Phrase(match.start(), match.end())
    span = range_period(month_period(year, first), month_period(year, last), match.group())
    return Phrase(match.start(), match.end(), None if _not_over(span, published) else span)


def _year_named(written: str | None, relative: str | None, published: date | None, context: int | None) -> int | None:
    """The year a phrase names: written out, "last year" (before publication's), or "this year" / "the year"
    (the paragraph's year, else publication's); None for a relative one with no date to count from."""
    if written:
        return int(written)
    words = " ".join(fold(relative or "").split())
    if words == "last year":
        return published.year - 1 if published else None
    return context if context is not None else (published.year if published else None)


def _span_ended(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"the (fiscal) year ended December 2007", "nine months ended September 30, 2010": the months up to that one."""
    last = month_period(int(match["se_year"]), EN_MONTHS[fold(match["se_m"])])
    months = MONTH_COUNTS[fold(match["se_count"])] if match["se_count"] else 12
    first_day = last.start + relativedelta(months=1 - months)
    if months == 12 and last.start.month == 12:
        return Phrase(match.start(), match.end(), year_period(last.start.year))   # a calendar year: "2007"
    first = month_period(first_day.year, first_day.month)
    return Phrase(match.start(), match.end(), range_period(first, last, match.group()) if months > 1 else last)


#: The month-range form's three spellings: "January-June 2010", "from July through September" and
#: "the July-September quarter" (a lead-less span is a period only when a noun says so).
_RANGE_GROUPS = (("m1", "m2"), ("bm1", "bm2"), ("qm1", "qm2"))


def _month_range(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"January-June 2010"; without a year ("from July through September"), the paragraph's year, else the
    latest such span whose last month had begun by ``published``."""
    first_name, last_name = next((match[first], match[last]) for first, last in _RANGE_GROUPS if match[first])
    months = [EN_MONTHS[fold(name)] for name in (first_name, last_name)]
    # "from July through September": the "from" opens the span, it does not make the span a comparison's base
    opens = _SPAN_FROM.search(match.string, max(0, match.start() - 6), match.start()) if match["bm1"] else None
    begin = opens.start() if opens else match.start()
    if match["mr_year"]:
        year = int(match["mr_year"])
    else:   # the latest such span whose last month had begun by publication (January through August, said in March)
        last = _latest(lambda y: month_period(y, months[1]), published, context)
        if last is None:
            return Phrase(begin, match.end())
        year = last.start.year
    first_year = year if months[0] <= months[1] or match["mr_year"] else year - 1   # November through January
    try:
        return Phrase(begin, match.end(), range_period(month_period(first_year, months[0]),
                                                       month_period(year, months[1]), match.group()))
    except PeriodError:
        return Phrase(begin, match.end())


def _day(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    month = EN_MONTHS[fold(match["d_m"] or match["d_m2"])]
    try:
        day = date(int(match["d_year"] or match["d_year2"]), month, int(match["d_d"] or match["d_d2"]))
    except ValueError:
        return Phrase(match.start(), match.end())
    return Phrase(match.start(), match.end(), day_period(day))


#: Days of the week, Monday first (``date.weekday``).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Between a figure and the weekday that dates it: "$5.01 on Monday".
_ON = compile_lazily(r"\s+on\s+")


def _weekday(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"reaching $5.01 on Monday", "closed at 1,138.84 points on Wednesday": the latest such day not after
    publication (in a story of Wednesday 15 June 2022, Monday the 13th), for the figure right before it only.

    A weekday elsewhere in a sentence is often the day something was said, reported or voted ("reported on
    Thursday an operating profit of EUR5.3 m for January-June 2008", "the vote on Wednesday would add 0.42
    kroons from 2010"), not a day the sentence's figures count, so it dates no other figure.
    """
    if published is None:
        return Phrase(match.start(), match.end(), day_of_its_figure=True)
    back = (published.weekday() - WEEKDAYS.index(match["weekday"].title())) % 7
    return Phrase(match.start(), match.end(), day_period(published - timedelta(days=back)), day_of_its_figure=True)


def _month(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"September 2023"; "September of last year" (or "of this year", once begun) counted from publication;
    "in September", the paragraph's year, else the latest September begun by publication."""
    month = EN_MONTHS[fold(match["mo"] or match["bm"] or match["mo_r"])]
    if match["mo_rel"]:
        if published is None:
            return Phrase(match.start(), match.end())
        named = month_period(published.year - (fold(match["mo_rel"]) == "last"), month)
        return Phrase(match.start(), match.end(), None if named.start > published else named)
    year = _year_of(match["mo_year"], context)
    period = _latest(lambda y: month_period(y, month), published, year)
    return Phrase(match.start(), match.end(), period)


def _fiscal(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"fiscal 2022", "FY22", "the fourth quarter of fiscal 2022", "the fiscal fourth quarter": the fiscal
    year and quarter named, for the run's calendar to date (:func:`fiscal_period`); a span of fiscal years
    ("fiscal 2022-23") names no one year, so it stays a note."""
    words = re.sub(r"(?i)^the\s", "", " ".join(match.group().split()))
    note = f"{words}: {NOT_GIVEN}"
    if _FISCAL_SPAN.search(words):
        return Phrase(match.start(), match.end(), note=f"{words}: {TWO_YEARS}")
    quarter = _FISCAL_QUARTER.search(words)
    year = _FISCAL_YEAR.search(words)
    number = (ORDINALS[fold(quarter["ord"])] if quarter["ord"] else int(quarter["q"])) if quarter else None
    digits = year["y4"] or year["y2"] if year else None
    fiscal_year = None if digits is None else int(digits) if len(digits) == 4 else 2000 + int(digits)
    return Phrase(match.start(), match.end(), note=note, fiscal=(fiscal_year, number))


def fiscal_period(phrase: Phrase, calendar: FiscalCalendar | None, published: date | None) -> Phrase:
    """A fiscal phrase dated by ``calendar``; without it (or the period in it) no period, and a note why."""
    if calendar is None or phrase.fiscal is None:
        return phrase
    year, quarter = phrase.fiscal
    if year is None:
        if published is None:
            return replace(phrase, note=phrase.note.split(":")[0] + ": a fiscal quarter without a year needs "
                                                                    "the article's published date")
        period = calendar.latest(quarter or 4, published)
    else:
        period = calendar.period(year, quarter)
    if period is None:
        return replace(phrase, note=phrase.note.split(":")[0] + f": {NOT_REACHED}")
    return replace(phrase, period=period, note=None)


def _same(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    if match["same_year"]:
        return Phrase(match.start(), match.end(), year=int(match["same_year"]), base=True)
    if match["same_back"] or match["ago"]:
        return Phrase(match.start(), match.end(), shift=-1, base=True)
    return Phrase(match.start(), match.end())


def _year_ago(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"the year-ago EUR93.9 m": the figure of the sentence's period, a year earlier."""
    return Phrase(match.start(), match.end(), shift=-1, base=True)


def _relative(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    words = " ".join(fold(match["rel"]).split())
    if words in ("a year earlier", "a year ago", "a year before", "the previous year", "the prior year"):
        period = parse_period(words, published) if published else None
        return Phrase(match.start(), match.end(), period, shift=-1, base=True)
    if published is None:
        return Phrase(match.start(), match.end())
    if words.endswith("quarter"):
        day = published + relativedelta(months=-3 if words.startswith("last") else 0)
        return Phrase(match.start(), match.end(), quarter_period(day.year, (day.month - 1) // 3 + 1))
    return Phrase(match.start(), match.end(), parse_period(words, published))


def _year(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    return Phrase(match.start(), match.end(), year_period(int(match["y"])))


#: A year named by two calendar years ("2023/24", "the 2022-23 school year", "2022-2023 budget"): a fiscal,
#: school or sports year whose days the text does not give.
ACROSS_TWO_YEARS = "a year named by two calendar years (a fiscal, school or season year); its days are not given"


def _years(match: re.Match[str], published: date | None, context: int | None) -> Phrase:
    """"in 2010-2012" is those years, whole; "2023/24" or "2022-2023", a year across two calendar years, is
    none of them: read as its first year (as before), a figure for it would be checked against the wrong days."""
    first, last = int(match["ys1"]), match["ys2"]
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if end == first + 1:
        return Phrase(match.start(), match.end(), note=f"{match.group()}: {ACROSS_TWO_YEARS}")
    if end <= first:
        return Phrase(match.start(), match.end(), note=f"{match.group()}: the years run backwards; no period read")
    return Phrase(match.start(), match.end(), range_period(year_period(first), year_period(end), match.group()))


#: Period phrases, tried in this order at each position (longest forms first).
FORMS: tuple[tuple[str, Resolver], ...] = (
    (rf"""(?:the\s+)?(?:same|corresponding|comparable|(?P<ago>year-ago))
          \s+(?:(?:three|six|nine|twelve|3|6|9|12)[\s-]month\s+period|period|quarter|month|months|half)
          (?:\s+(?:of|in)\s+(?P<same_year>{_YEAR})|\s+(?P<same_back>{_SHIFT_BACK}))?""", _same),
    (rf"""(?P<ye_year>{_YEAR})\s+(?:fiscal|budget|financial)\s+year,?\s+(?:that\s+|which\s+)?end(?:ed|s|ing)\s+
          (?:in\s+|on\s+)?(?P<ye_m>{_MONTH})\.?(?:\s+(?:3[01]|[12]\d|0?[1-9])(?!\d))?(?:,?\s+(?P<ye_end>{_YEAR}))?""",
     _year_ended),
    (rf"""(?:the\s+)?(?:{_FISCAL_NAME}(?:'s)?\s+(?:the\s+)?{_FISCAL_Q}
        | {_FISCAL_Q}\s+(?:of\s+)?(?:the\s+)?{_FISCAL_NAME}
        | fiscal\s+{_FISCAL_Q}(?:\s+(?:of\s+)?{_YEAR})?
        | (?:{_ORDINAL})[\s-]+fiscal\s+quarter(?:\s+(?:of\s+)?{_YEAR})?
        | {_FISCAL_NAME})""", _fiscal),
    (rf"""(?:the\s+)?(?P<q_ord>{_ORDINAL})[\s-]+quarter
          (?:\s+(?:of\s+)?(?:(?P<q_year>{_YEAR})|(?P<q_rel>last\s+year|this\s+year)))?
        | (?:the\s+)?(?:last|final)\s+quarter\s+of\s+(?:(?P<lq_year>{_YEAR})|(?P<lq_rel>last\s+year|this\s+year))
        | Q(?P<q_num>[1-4])(?:\s*(?:of|,)?\s*(?P<qc_year>{_YEAR}))?(?![\w-])
        | (?P<q_num2>[1-4])Q\s*(?P<qc_year2>{_YEAR})""", _quarter),
    (rf"""(?:the\s+)?(?P<h_ord>first|second|1st|2nd)[\s-]+half(?:\s+of)?\s+(?P<h_year>{_YEAR})
        | H(?P<h_num>[12])\s+(?P<hc_year>{_YEAR})""", _half),
    (rf"""(?:the\s+)?(?:(?:fiscal|financial)\s+year|year|(?P<se_count>{'|'.join(MONTH_COUNTS)})\s+months)
          \s+end(?:ed|ing)\s+(?:on\s+)?(?P<se_m>{_MONTH})\.?(?:\s+(?:3[01]|[12]\d|0?[1-9]),?)?\s+(?P<se_year>{_YEAR})""",
     _span_ended),
    (rf"""(?:the\s+)?(?P<fm_end>first|last|final)\s+(?P<fm_count>{'|'.join(MONTH_COUNTS)})\s+months
          \s+of\s+(?:(?P<fm_year>{_YEAR})|(?P<fm_rel>last\s+year|this\s+year|the\s+year))""", _first_months),
    (rf"""(?P<m1>{_MONTH})\.?\s*(?:-|–|to|through)\s*(?P<m2>{_MONTH})\.?,?\s+(?P<mr_year>{_YEAR})
        | (?:{_MONTH_LEAD})(?P<bm1>{_FULL_MONTH})\s+(?:to|through)\s+(?P<bm2>{_FULL_MONTH})\b(?!\s+\d)
        | (?<=\bthe\s)(?P<qm1>{_FULL_MONTH})\s*(?:-|–|\s(?:to|through)\s)\s*(?P<qm2>{_FULL_MONTH})
          (?=\s+(?:quarter|period)\b)""",
     _month_range),
    (rf"""(?P<d_m>{_MONTH})\.?\s+(?P<d_d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+(?P<d_year>{_YEAR})
        | (?P<d_d2>3[01]|[12]\d|0?[1-9])\s+(?P<d_m2>{_MONTH})\.?,?\s+(?P<d_year2>{_YEAR})""", _day),
    (rf"""(?P<mo>{_MONTH})\.?,?\s+(?P<mo_year>{_YEAR})
        | (?P<mo_r>{_FULL_MONTH})\s+of\s+(?P<mo_rel>last|this)\s+year
        | (?:{_MONTH_LEAD})(?P<bm>{_FULL_MONTH})\b(?!\s+\d)""",
     _month),
    (rf"(?<=\bon\s)(?P<weekday>{'|'.join(WEEKDAYS)})\b(?!,?\s+(?:{_MONTH}|\d))", _weekday),   # "Monday, March 7" is its date
    (r"(?P<ago_alone>year-ago|year-earlier)(?!\s+(?:period|quarter|month|months|half))", _year_ago),
    (r"""(?P<rel>last\s+year|this\s+year|next\s+year|the\s+(?:previous|prior)\s+year|a\s+year\s+(?:earlier|ago|before)
          |last\s+month|this\s+month|last\s+quarter|this\s+quarter)""", _relative),
    (rf"(?<![\d,.$€£])(?P<ys1>{_YEAR})\s?[-–/]\s?(?P<ys2>{_YEAR}|\d{{2}})(?![\d/–-]|[,.]\d|\s?(?:%|percent|per\s+cent))",
     _years),
    (rf"(?<![\d,.$€£])(?P<y>{_YEAR})(?!\d|[,.]\d|\s?%|\s*(?:percent|per\s+cent))", _year),
)


#: Every word a phrase of :data:`FORMS` can open with, read off the forms: the ordinals,
#: month counts (before "months") and month names of the tables above, the words the forms spell out,
#: Q1–Q4, 1Q–4Q, H1, H2, a year (19…, 20…) and a day before a month ("31 December"; a day
#: before any other word, most numbers of a text, is passed over).
#: Only where one of them starts a word is the regex of all forms tried (``_matches``).
OPENING_WORDS: tuple[str, ...] = (
    *ORDINALS, *(f"{count} months" for count in MONTH_COUNTS), *EN_MONTHS, "19", "20",
    *(f"{day} {month}" for day in (*map(str, range(32)), *(f"0{day}" for day in range(10))) for month in EN_MONTHS),
    *(f"the {word}" for word in ("same", "corresponding", "comparable", "year", "last", "final", "fiscal",
                                 "financial", "previous", "prior", "first", *ORDINALS, *MONTH_COUNTS)),
    "same", "corresponding", "comparable", "year", "last", "final", "fiscal", "financial", "fy", "budget year",
    "this", "next", "a year", "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q", "h1", "h2", *(day.lower() for day in WEEKDAYS),
)
#: Characters of an opening word the filter looks at (``prefix_regex``): "the same" and
#: "a year" let "the company" and "after" pass no more, nor "the compar(able)" "the company's".
_OPENING_DEPTH = 10


@lru_cache(maxsize=None)
def _pattern() -> re.Pattern[str]:
    """Every form in one regex, compiled on first use (a Korean run never needs it).

    A phrase starts at a word start only: the look-behind fails at once inside a word,
    where trying every form at every letter cost most of the English extraction time.
    """
    return re.compile(_source(frozenset()), _FLAGS)


_FLAGS = re.VERBOSE | re.IGNORECASE


def _source(passed: frozenset[int]) -> str:
    """Every form in one regex, those of ``passed`` behind ``(?!)``: their groups stand, unmatched."""
    forms = "|".join(f"{'(?!)' if i in passed else ''}(?P<form{i}>{pattern})" for i, (pattern, _) in enumerate(FORMS))
    return f"(?<![^\\W_])(?:{forms})"


@lru_cache(maxsize=None)
def _pattern_at(character: str) -> re.Pattern[str]:
    """``_pattern()`` where ``character`` stands: the same match, the forms that cannot open on it
    (``may_open_on``) passed over at once. Most places are a year or a word one or two forms open with,
    where the regex of all forms tried each of them in turn."""
    passed = frozenset(i for i, (pattern, _) in enumerate(FORMS) if not may_open_on(pattern, _FLAGS, character))
    return re.compile(_source(passed), _FLAGS) if passed else _pattern()


@lru_cache(maxsize=None)
def _forms_by_group() -> dict[int, int]:
    """The form of each ``form{i}`` group: a match's ``lastindex``, as a form's group closes after its own."""
    return {_pattern().groupindex[f"form{i}"]: i for i in range(len(FORMS))}


@lru_cache(maxsize=None)
def _openings(lowered: bool = False) -> re.Pattern[str]:
    """Where an opening word starts after a non-word character; ``lowered``: in the lower-cased copy of
    an ASCII text, where the trie's literals are tested faster than its classes of cases (``prefix_regex``)."""
    return re.compile(rf"[\W_](?={prefix_trie(OPENING_WORDS, _OPENING_DEPTH, lowered)})")


@lru_cache(maxsize=None)
def _opening_at_start(lowered: bool = False) -> re.Pattern[str]:
    """An opening word at the start of the text, where ``_openings`` (after a non-word character) cannot look."""
    return re.compile(prefix_trie(OPENING_WORDS, _OPENING_DEPTH, lowered))


def _matches(text: str) -> list[re.Match[str]]:
    """What ``_pattern().finditer(text)`` yields, trying the pattern only where an opening word starts.

    Tried at every word start, the regex of all forms cost several microseconds each;
    the filter finds the few places worth it by the regex engine's fast scan. A list, not a
    generator: most sentences hold no phrase, and ``phrases`` then stops at once.
    """
    pattern, reached, found = _pattern(), 0, []
    lowered = text.isascii()   # most English text: its lower-cased copy is searched, with the same places
    searched = text.lower() if lowered else text
    starts = [opening.end() for opening in _openings(lowered).finditer(searched)]
    if _opening_at_start(lowered).match(searched):   # most sentences open on a name
        starts.insert(0, 0)
    for start in starts:
        if start < reached:
            continue
        match = (_pattern_at(text[start]) if text[start].isascii() else pattern).match(text, start)
        if match:
            reached = match.end()
            found.append(match)
    return found


def phrases(text: str, published: date | None, calendar: FiscalCalendar | None = None) -> list[Phrase]:
    """Every period phrase of ``text`` in order, resolved where the text allows (fiscal ones by ``calendar``)."""
    found: list[Phrase] = []
    matches = _matches(text)
    if not matches:
        return found
    context: int | None = None
    paragraph = -1
    paragraph_of = paragraph_finder(text)
    for match in matches:
        here = paragraph_of(match.start())
        if here != paragraph:
            paragraph, context = here, None
        if _COPYRIGHT_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue   # "( C ) 1995-2009 M2 COMMUNICATIONS": a notice's years, no figure's
        if INDEX_BASE_AFTER.match(text, match.end()):
            continue   # "(1982-84=100)": the base of an index, part of its unit, no figure's period
        form = _forms_by_group()[match.lastindex]  # type: ignore[index]
        phrase = _company_quarter(FORMS[form][1](match, published, context), match.group(), calendar, published)
        phrase = fiscal_period(phrase, calendar, published)
        if _base_before(text, phrase.start) and not _spanned(match):
            phrase = replace(phrase, base=True)
        if phrase.period is not None and not phrase.relative and not phrase.base and phrase.fiscal is None:
            context = phrase.period.end.year  # "since 1981" is a comparison base, not the story's year
        found.append(phrase)
    return found


def _spanned(match: re.Match[str]) -> bool:
    """"from 1980-2008", "over 2019-22", a clause's opening "Over the first nine months of the year": the years
    or months a figure covers, not a base it is compared with."""
    before = max(0, match.start() - 10)
    return bool(match["ys1"] and _YEARS_LEAD.search(match.string, before, match.start())
                or match["fm_count"] and _MONTHS_LEAD.search(match.string, before, match.start()))


def _company_quarter(phrase: Phrase, words: str, calendar: FiscalCalendar | None,
                     published: date | None) -> Phrase:
    """"Fourth-quarter revenue" in a story about a company whose fiscal year does not end in December is its
    fiscal fourth quarter (Apple's July to September), as the company reports it, not the calendar's."""
    if phrase.yearless_quarter is None or calendar is None or published is None \
            or calendar.follows_calendar_year(published):
        return phrase
    note = f"{' '.join(words.split())}: a fiscal quarter; the company's fiscal year does not end in December"
    return replace(phrase, period=None, fiscal=(None, phrase.yearless_quarter), note=note)


def _resolve(phrase: Phrase, sentence_phrases: list[Phrase],
             named_before: Callable[[], Period | None]) -> tuple[Period | None, str | None]:
    """A phrase's period; one relative to the sentence's ("a year earlier") moves the period its sentence
    names, else the one its paragraph last named (``named_before``), else none: a year before the one
    just named is not the year before publication, which "a year earlier" was read as."""
    if not phrase.relative:
        return phrase.period, phrase.note
    named = [p for p in sentence_phrases if not p.relative and not p.base and not p.day_of_its_figure]
    main = next((p.period for p in named if p.period), None)
    if main is None:   # "a year earlier" than a quarter left unread is not the year before publication
        unread = next((p.note for p in named if p.note), None)
        main = named_before() if unread is None else None
        if main is None:
            return None, unread
    if phrase.year is not None:
        return shifted(main, to_year=phrase.year), None
    return shifted(main, years=phrase.shift), None


def attach(text: str, quantities: list[Quantity], sentences: list[tuple[int, int]],
           sentence_index: list[int], published: date | None,
           calendar: FiscalCalendar | None = None) -> list[tuple[str | None, str | None]]:
    """``(period label, note)`` of each quantity: its own for a date, else its clause's."""
    if not quantities:
        return []   # no number to date: the phrase scan is most of the cost of a sentence
    found = phrases(text, published, calendar)
    if not found:   # half the sentences with a number: a date is its own period, no other number has one
        return [_date_label(quantity, []) if quantity.kind is Kind.DATE else (None, None) for quantity in quantities]
    starts = [phrase.start for phrase in found]   # in order: ``phrases`` reads left to right
    spans = [sentences[index] if sentences else (0, len(text)) for index in sentence_index]
    here = [found[bisect_left(starts, start):bisect_left(starts, end)] for start, end in spans]
    following = [_following(text, q, phrases_here) for q, phrases_here in zip(quantities, here)]
    bases = {id(phrase) for q, phrase in zip(quantities, following)
             if phrase is not None and _is_base(text, q)}
    results: list[tuple[str | None, str | None]] = []
    for quantity, phrases_here, own, (sentence_start, _) in zip(quantities, here, following, spans):
        if quantity.kind is Kind.DATE:
            results.append(_date_label(quantity, phrases_here))
        elif quantity.kind is Kind.DURATION:
            results.append((None, None))
        elif own is None and _ELLIPTICAL_ORDINAL.match(text, quantity.end):
            results.append((None, None))
        else:
            phrase = own or _clause_phrase(text, quantity, [p for p in phrases_here if id(p) not in bases])
            period, note = _resolve(phrase, phrases_here, lambda: _named_before(text, found, bases, sentence_start)) \
                if phrase else (None, None)
            results.append((period.label if period else None, note))
    return results


def _named_before(text: str, found: list[Phrase], bases: set[int], sentence_start: int) -> Period | None:
    """The period the paragraph last named before the sentence at ``sentence_start``, a comparison base's aside:
    what "a year earlier" in a sentence naming none is earlier than ("… to 62.4% in December from 62.5% in
    November. The rate stood at 62.5% a year earlier": December 2024)."""
    paragraph = text.rfind("\n", 0, sentence_start)
    named = [p for p in found if paragraph < p.start and p.end <= sentence_start and p.period and not p.relative
             and not p.base and not p.day_of_its_figure and id(p) not in bases]
    return named[-1].period if named else None


def _date_label(quantity: Quantity, here: list[Phrase]) -> tuple[str | None, str | None]:
    """A date's own period: the phrase holding it ("the third quarter of 2010"), else its own date."""
    own = next((p for p in here if p.start <= quantity.start < p.end), None)
    if own and (own.period or own.note):
        return (own.period.label if own.period else None), own.note
    absolute = quantity.date if quantity.date and not quantity.date.startswith("-") else None
    return absolute, own.note if own else None


def _is_base(text: str, quantity: Quantity) -> bool:
    """"from EUR 9.3 mn", "compared with 23 %": the number a change or comparison starts from."""
    return _base_before(text, quantity.start)


def _base_before(text: str, end: int) -> bool:
    """Whether ``_BASE_BEFORE`` matches in the ``_BASE_REACH`` characters before ``end``; searched only
    where one of ``_BASE_WORDS`` stands there (``tests/test_speed_shortcuts.py`` holds the two equal)."""
    start = max(0, end - _BASE_REACH)
    window = fold(text[start:end])
    for word in _BASE_WORDS:   # a loop, not ``any`` over a generator: most windows hold none
        if word in window:
            return _BASE_BEFORE.search(text, start, end) is not None
    return False


def _following(text: str, quantity: Quantity, here: list[Phrase]) -> Phrase | None:
    """The phrase right after the quantity ("EUR 9.3 mn in 2004"), if one is joined to it."""
    after = next((p for p in here if p.start >= quantity.end), None)
    if after is None:
        return None
    join = _ON if after.day_of_its_figure else _JOIN
    return after if join.fullmatch(text, quantity.end, after.start) else None


def _clause_phrase(text: str, quantity: Quantity, here: list[Phrase]) -> Phrase | None:
    """The nearest phrase before the quantity in its sentence, else the first after it; no bases.

    A number in parentheses right after a phrase is that phrase's figure, base or not.
    A comparison base without a period of its own ("up from EUR 96.4 mn") gets none.
    """
    if not here:
        return None   # every answer below is one of ``here``: no look for a base is needed
    restated = next((p for p in here if p.end <= quantity.start and not p.day_of_its_figure
                     and _PAREN.fullmatch(text, p.end, quantity.start)), None)
    if restated is not None:
        return restated   # "the same period in 2009 ( EUR61.9 m )", "the year-ago EUR93.9 m": that period's figure
    if _is_base(text, quantity):
        return None
    candidates = [p for p in here if not p.base and not p.day_of_its_figure]
    before = [p for p in candidates if p.end <= quantity.start]
    if before:
        return before[-1]
    return next((p for p in candidates if p.start >= quantity.end), None)

"""A company's fiscal calendar: which days "fiscal 2022" and "the fiscal fourth quarter" cover.

Apple's fiscal 2022 ran from 2021-09-26 to 2022-09-24 and its fiscal fourth quarter from
2022-06-26; read as calendar periods they would be the wrong quarter, silently. So a
fiscal phrase gets a period only from a calendar: the spans a company's filings state
(companyfacts rows carry the filing's ``fy``/``fp``: the row of a filing that ends last
and is the shortest is that filing's own quarter or year), or a fiscal year end given as
``MM-DD`` (``extract --fiscal-year-end 09-30``: FY2022 is 2021-10-01..2022-09-30).
Without one, a fiscal phrase has no period and a note that says why. English phrases are
read in :mod:`english_periods`; Korean ones ("2022 회계연도", "2023회계연도 3분기") here.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable, Mapping

from dateutil.relativedelta import relativedelta

from checker.lazy_regex import compile_lazily
from checker.periods import Period, PeriodError, span_period

if TYPE_CHECKING:
    from checker.reference.store import ReferenceData

#: A filing's own fiscal period, as companyfacts writes ``fp``.
FISCAL_PERIODS = ("Q1", "Q2", "Q3", "FY")
#: Why a fiscal phrase has no period, after its words ("fiscal 2022: …", "2022 회계연도: …").
NOT_GIVEN = ("a fiscal period; its days are those of the reporter's fiscal calendar, not given "
             "(extract --fiscal-year-end MM-DD, or --reference the company's companyfacts)")
NOT_REACHED = "the company's fiscal calendar given does not reach this period"
TWO_YEARS = "a fiscal period of a year named by two calendar years; its days are the reporter's, not stated here"
#: A Korean fiscal year, and the quarter of it: "2022 회계연도", "2022회계연도에", "2022년 회계년도", "2023 회계연도
#: 3분기"; or one named by two calendar years ("2006-2007 회계연도", "2005-06 회계연도"), which no calendar dates.
_KO_FISCAL = compile_lazily(r"(?<![\d.,])(?:(?P<two>(?:19|20)\d{2}[ ]?[-~/][ ]?(?:(?:19|20)\d{2}|\d{2}))"
                            r"|(?P<year>(?:19|20)\d{2}))[ ]?(?:년[ ]?)?회계[ ]?[연년]도"
                            r"(?:[ ]?의)?(?:[ ]?(?P<quarter>[1-4])(?:/4)?[ ]?분기)?")


@dataclass(frozen=True)
class FiscalCalendar:
    """Fiscal years and quarters as spans of days: as filed (``spans``), else from a year end."""

    year_end: tuple[int, int] | None = None            # (month, day) each fiscal year ends on
    spans: Mapping[tuple[int, str], tuple[date, date]] = field(default_factory=dict)   # (fy, "Q1".."FY")

    def period(self, year: int, quarter: int | None = None) -> Period | None:
        """Fiscal ``year`` (or its ``quarter``, 1-4) as a period; None when this calendar does not know it."""
        span = self._filed(year, quarter) or self._from_year_end(year, quarter)
        return span_period(*span) if span else None

    def latest(self, quarter: int, published: date) -> Period | None:
        """The latest fiscal ``quarter`` begun by ``published`` ("the fiscal fourth quarter" in a story)."""
        for year in (published.year + 1, published.year, published.year - 1):
            found = self.period(year, quarter)
            if found is not None and found.start <= published:
                return found
        return None

    def follows_calendar_year(self, around: date) -> bool:
        """Whether the fiscal year around ``around`` is the calendar year (Tesla's), or is not known to differ."""
        year = self.period(around.year) or self.period(around.year - 1)
        return year is None or (year.start.month, year.start.day) == (1, 1)

    def _filed(self, year: int, quarter: int | None) -> tuple[date, date] | None:
        if quarter is None:
            return self.spans.get((year, "FY"))
        if quarter < 4:
            return self.spans.get((year, f"Q{quarter}"))
        whole, third = self.spans.get((year, "FY")), self.spans.get((year, "Q3"))
        return (third[1] + timedelta(days=1), whole[1]) if whole and third else None

    def _from_year_end(self, year: int, quarter: int | None) -> tuple[date, date] | None:
        if self.year_end is None:
            return None
        month = self.year_end[0]
        end = date(year, month, calendar.monthrange(year, month)[1])   # a month's last day: Feb 29 in a leap year
        start = end + timedelta(days=1) + relativedelta(years=-1)
        if quarter is None:
            return start, end
        first = start + relativedelta(months=3 * (quarter - 1))
        return first, first + relativedelta(months=3) - timedelta(days=1)


def year_end(text: str) -> tuple[int, int]:
    """``MM-DD``, the last day of a month (``09-30``, ``12-31``, ``02-28`` or ``02-29``), or a PeriodError saying what to write.

    A fiscal year that ends mid-month (the last Saturday of September) is not a fixed day:
    its spans come from the company's filings instead.
    """
    try:
        month, day = (int(part) for part in text.split("-"))
        if len(text) != 5 or not 1 <= month <= 12:
            raise ValueError
    except ValueError:
        raise PeriodError(f"{text!r} is not a fiscal year end (MM-DD, e.g. 09-30)") from None
    last = calendar.monthrange(2001, month)[1]   # 2001: no leap year; 02-29 is February's last day too
    if day != last and (month, day) != (2, 29):
        raise PeriodError(f"{text}: a fiscal year end is a month's last day ({month:02d}-{last:02d}); "
                          "a 52/53-week year's dates come from the company's filings (--reference companyfacts)")
    return month, day


def filed_spans(rows: Iterable[tuple[date | None, date, object, object]]) -> dict[tuple[int, str], tuple[date, date]]:
    """Each filing's own fiscal quarter or year, from companyfacts rows ``(start, end, fy, fp)``.

    A 10-Q's rows also restate last year's quarter and the year to date; the filing's own
    quarter is the shortest span ending last (of at least two months, so a one-month fact
    is not taken for a quarter), its year the span of ten months or more ending last.
    """
    best: dict[tuple[int, str], tuple[date, date]] = {}
    for start, end, fy, fp in rows:
        if start is None or fp not in FISCAL_PERIODS or not str(fy).isdecimal():
            continue
        days = (end - start).days
        if days < (300 if fp == "FY" else 60) or (fp != "FY" and days > 120):
            continue
        key = (int(str(fy)), str(fp))
        kept = best.get(key)
        if kept is None or (end, -days) > (kept[1], -(kept[1] - kept[0]).days):
            best[key] = (start, end)
    return best


def filed_calendar(reference: ReferenceData) -> FiscalCalendar | None:
    """The fiscal calendar the EDGAR rows of ``reference`` state (their notes' ``fy``/``fp``), or None.

    None too when the rows are of more than one company (``cik<CIK>.`` metrics): whose
    calendar an article's "fiscal 2022" means is then the reader's call, not a guess.
    """
    rows: dict[str, list[tuple[date | None, date, object, object]]] = {}
    for metric in reference.metrics():
        for row in reference.observations(metric):
            if "fp" in row.notes:
                rows.setdefault(metric.split(".", 1)[0], []).append(
                    (row.period.start, row.period.end, row.notes.get("fy"), row.notes["fp"]))
    if len(rows) != 1:
        return None
    spans = filed_spans(next(iter(rows.values())))
    return FiscalCalendar(spans=spans) if spans else None


@dataclass(frozen=True)
class FiscalPhrase:
    """Where a Korean fiscal phrase stands and the period its calendar gives, or None and the note why."""

    start: int
    end: int
    period: Period | None
    note: str | None


def korean_phrases(text: str, calendar: FiscalCalendar | None) -> list[FiscalPhrase]:
    """Every "2022 회계연도" (and "2023 회계연도 3분기") of ``text``, in order, dated by ``calendar``.

    Read as the calendar year 2022 it would be Apple's wrong year (October 2021 to September
    2022), silently; so without a calendar it has no period and says so, as "fiscal 2022" does.
    """
    found = []
    for match in _KO_FISCAL.finditer(text):
        quarter = int(match["quarter"]) if match["quarter"] else None
        period = calendar.period(int(match["year"]), quarter) if calendar and match["year"] else None
        why = None if period else TWO_YEARS if match["two"] else NOT_GIVEN if calendar is None else NOT_REACHED
        found.append(FiscalPhrase(match.start(), match.end(), period, why and f"{match.group()}: {why}"))
    return found

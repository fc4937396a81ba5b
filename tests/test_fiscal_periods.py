"""Fiscal periods (issue 21, item 4): "fiscal 2022", "FY22", "the fiscal fourth quarter" take the company's
fiscal calendar (its filings' spans, or ``--fiscal-year-end``), never the calendar period of the same name.

Tesla's companyfacts (../shared/reference-data/edgar, read where present) are calendar-year; Apple's 52/53-week
fiscal year is written here as companyfacts rows of its own shape (FY2022 = 2021-09-26..2022-09-24).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from checker import extract
from checker.extraction.fiscal import FiscalCalendar, filed_calendar, filed_spans, year_end
from checker.periods import PeriodError, parse_period
from checker.reference.store import ReferenceData
from cluster_support import claimcheck

TESLA = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "edgar" / "CIK0001318605.companyfacts.json"
PUBLISHED = date(2022, 10, 28)
#: Apple's net income rows as companyfacts gives them: a 10-Q restates last year's quarter and its year to date.
APPLE_ROWS = [
    {"start": "2022-03-27", "end": "2022-06-25", "val": 19442000000, "accn": "0000320193-22-000070", "fy": 2022,
     "fp": "Q3", "form": "10-Q", "filed": "2022-07-29", "frame": "CY2022Q2"},
    {"start": "2021-09-26", "end": "2022-06-25", "val": 79082000000, "accn": "0000320193-22-000070", "fy": 2022,
     "fp": "Q3", "form": "10-Q", "filed": "2022-07-29"},
    {"start": "2021-03-28", "end": "2021-06-26", "val": 21744000000, "accn": "0000320193-22-000070", "fy": 2022,
     "fp": "Q3", "form": "10-Q", "filed": "2022-07-29"},
    {"start": "2021-09-26", "end": "2022-09-24", "val": 99803000000, "accn": "0000320193-22-000108", "fy": 2022,
     "fp": "FY", "form": "10-K", "filed": "2022-10-28", "frame": "CY2022"},
    {"start": "2020-09-27", "end": "2021-09-25", "val": 94680000000, "accn": "0000320193-22-000108", "fy": 2022,
     "fp": "FY", "form": "10-K", "filed": "2022-10-28"},
]


@pytest.fixture(scope="module")
def apple(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("edgar") / "CIK0000320193.companyfacts.json"
    facts = {"us-gaap": {"NetIncomeLoss": {"label": "Net Income (Loss)", "units": {"USD": APPLE_ROWS}}}}
    path.write_text(json.dumps({"cik": 320193, "entityName": "Apple Inc.", "facts": facts}), encoding="utf-8")
    return path


def _found(text: str, fiscal: FiscalCalendar | None) -> dict[str, tuple[str | None, str | None]]:
    return {f.quantity.text: (f.period, f.note) for f in extract(text, "en", PUBLISHED, fiscal=fiscal).quantities}


def test_apples_fiscal_fourth_quarter_is_its_own_not_the_calendars(apple: Path) -> None:
    reference, errors = ReferenceData.load([apple])
    assert errors == []
    calendar = filed_calendar(reference)
    text = "Apple earned $20.7 billion in its fiscal fourth quarter and $99.8 billion in fiscal 2022."
    assert _found(text, calendar) == {"$20.7 billion": ("2022-06-26..2022-09-24", None),
                                      "$99.8 billion": ("2021-09-26..2022-09-24", None),
                                      "2022": ("2021-09-26..2022-09-24", None)}


@pytest.mark.parametrize("phrase", ["in its fiscal fourth quarter", "in the fourth quarter of fiscal 2022",
                                    "in Q4 FY22", "in fiscal 2022's fourth quarter", "in the fourth fiscal quarter"])
def test_without_a_calendar_a_fiscal_phrase_has_no_period_and_says_why(phrase: str) -> None:
    period, note = _found(f"Apple earned $20.7 billion {phrase}.", None)["$20.7 billion"]
    assert period is None      # never 2022-Q4, the calendar quarter of the same name
    assert note is not None and "fiscal period" in note and "--fiscal-year-end" in note


@pytest.mark.parametrize(("phrase", "period"), [
    ("in fiscal 2022", "2021-10..2022-09"), ("in FY22", "2021-10..2022-09"), ("in fiscal year 2022", "2021-10..2022-09"),
    ("in the fourth quarter of fiscal 2022", "2022-Q3"), ("in its fiscal first quarter", "2022-Q4"),
    ("in Q2 of fiscal 2023", "2023-Q1"),
])
def test_a_year_ending_september_30(phrase: str, period: str) -> None:
    """Fiscal 2022 of a year ending 09-30 is 2021-10-01..2022-09-30; its fiscal first quarter, said on
    2022-10-28, is the one begun that October."""
    assert _found(f"Sales were $5.1 billion {phrase}.", FiscalCalendar(year_end=year_end("09-30")))["$5.1 billion"] \
        == (period, None)


#: Finance-corpus sentences (../shared/peer-corpora/finance_sentiment_corpus, Korean column) and Apple's as a Korean
#: desk writes them: 회계연도 was read as the calendar year of the same number.
KOREAN = ("인도의 러시아와의 교역은 현재 40억 달러로 2007 회계연도에 9.6% 성장했다. "
          "애플의 2022회계연도 매출은 3940억 달러였다. 2023 회계연도 3분기 매출은 818억 달러였다. "
          "OMEO는 2006-2007 회계연도에 약 23mln의 순매출액을 예상하고 있다.")


def _found_ko(fiscal: FiscalCalendar | None) -> dict[str, tuple[str | None, str | None]]:
    return {f.quantity.text: (f.period, f.note) for f in extract(KOREAN, "ko", PUBLISHED, fiscal=fiscal).quantities
            if f.quantity.kind.value != "date"}


def test_a_korean_fiscal_year_without_a_calendar_has_no_period_and_says_why() -> None:
    found = _found_ko(None)
    assert {text: period for text, (period, _) in found.items()} == {
        "40억 달러": None, "9.6%": None, "3940억 달러": None, "818억 달러": None, "약 23mln": None}
    assert found["3940억 달러"][1] == ("2022회계연도: a fiscal period; its days are those of the reporter's fiscal "
                                    "calendar, not given (extract --fiscal-year-end MM-DD, or --reference the "
                                    "company's companyfacts)")
    assert found["818억 달러"][1].startswith("2023 회계연도 3분기: a fiscal period")
    assert found["약 23mln"][1] == ("2006-2007 회계연도: a fiscal period of a year named by two calendar years; "
                                  "its days are the reporter's, not stated here")


def test_a_korean_fiscal_year_takes_the_fiscal_year_end() -> None:
    """Worked by hand: a year ending 09-30 makes 2022 회계연도 2021-10-01..2022-09-30 and the third quarter of
    2023 회계연도 April to June 2023 (2023-Q2); a year named by two stays a note."""
    found = _found_ko(FiscalCalendar(year_end=year_end("09-30")))
    assert found["9.6%"] == ("2006-10..2007-09", None)
    assert found["3940억 달러"] == ("2021-10..2022-09", None)
    assert found["818억 달러"] == ("2023-Q2", None)
    assert found["약 23mln"][0] is None


def test_a_span_of_fiscal_years_stays_a_note_even_with_a_calendar() -> None:
    text = "Net loss widened to 3.2 mln euro for the first quarter of fiscal 2006-2007."
    period, note = _found(text, FiscalCalendar(year_end=(9, 30)))["3.2 mln euro"]
    assert period is None and note.startswith("first quarter of fiscal 2006-2007: a fiscal period of a year named")


@pytest.mark.skipif(not TESLA.is_file(), reason=f"Tesla companyfacts not found at {TESLA}")
def test_teslas_filings_give_a_calendar_year() -> None:
    reference, _ = ReferenceData.load([TESLA])
    calendar = filed_calendar(reference)
    assert calendar.period(2021) == parse_period("2021")
    assert calendar.period(2022, 3) == parse_period("2022-Q3")
    assert calendar.period(2021, 4) == parse_period("2021-Q4")


def test_a_filings_own_span_is_the_shortest_ending_last() -> None:
    rows = [(date.fromisoformat(r["start"]), date.fromisoformat(r["end"]), r["fy"], r["fp"]) for r in APPLE_ROWS]
    assert filed_spans(rows) == {(2022, "Q3"): (date(2022, 3, 27), date(2022, 6, 25)),
                                 (2022, "FY"): (date(2021, 9, 26), date(2022, 9, 24))}


@pytest.mark.parametrize(("text", "message"), [
    ("09-24", "09-24: a fiscal year end is a month's last day (09-30); a 52/53-week year's dates come from the "
              "company's filings (--reference companyfacts)"),
    ("9-30", "'9-30' is not a fiscal year end (MM-DD, e.g. 09-30)"),
    ("13-31", "'13-31' is not a fiscal year end (MM-DD, e.g. 09-30)"),
])
def test_a_fiscal_year_end_is_a_months_last_day(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as raised:
        year_end(text)
    assert str(raised.value) == message


def test_february_ends_on_the_29th_in_a_leap_year() -> None:
    assert (year_end("02-28"), year_end("02-29")) == ((2, 28), (2, 29))
    assert FiscalCalendar(year_end=year_end("02-28")).period(2024).end == date(2024, 2, 29)


def test_extract_takes_the_fiscal_year_end_and_the_companys_filings(apple: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Apple earned $20.7 billion in its fiscal fourth quarter.\n", encoding="utf-8")
    given = claimcheck("extract", "a.txt", "--published", "2022-10-28", "--format", "json", "--fiscal-year-end",
                       "09-30", cwd=tmp_path)
    filed = claimcheck("extract", "a.txt", "--published", "2022-10-28", "--format", "json", "--reference", str(apple),
                       cwd=tmp_path)
    assert (given.returncode, filed.returncode) == (0, 0), given.stderr + filed.stderr
    assert json.loads(given.stdout)["quantities"][0]["period"] == "2022-Q3"
    assert json.loads(filed.stdout)["quantities"][0]["period"] == "2022-06-26..2022-09-24"
    refused = claimcheck("extract", "a.txt", "--fiscal-year-end", "09-24", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.splitlines()[-1].endswith(
        "argument --fiscal-year-end: 09-24: a fiscal year end is a month's last day (09-30); a 52/53-week year's "
        "dates come from the company's filings (--reference companyfacts)")


def test_a_claim_period_written_fiscal_says_what_to_write() -> None:
    with pytest.raises(PeriodError, match=r"^FY2022: a fiscal period has the company's dates, not the calendar's; "
                                          r"write its days \(2021-09-26\.\.2022-09-24"):
        parse_period("FY2022")
    with pytest.raises(PeriodError, match="^fiscal 2022 Q4: a fiscal period"):
        parse_period("fiscal 2022 Q4")

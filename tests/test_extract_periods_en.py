"""English spans of months a reader resolves (issue 21, item 4): "July through September" is the quarter, not
September alone; "the final three months of 2021" is October to December, not the year."""
from __future__ import annotations

import pytest

from checker import extract


def _periods(text: str, published: str = "2022-10-27") -> dict[str, str | None]:
    return {found.quantity.text: found.period for found in extract(text, "en", published).quantities}


@pytest.mark.parametrize(("text", "number", "period"), [
    ("The economy grew at a 3.2% annual rate from July through September.", "3.2%", "2022-07..2022-09"),
    ("Sales rose 4% in July to September.", "4%", "2022-07..2022-09"),
    ("Sales rose 5% from November through January.", "5%", "2021-11..2022-01"),   # the latest span that has begun
    ("Tesla earned $2.3 billion in the final three months of 2021.", "$2.3 billion", "2021-10..2021-12"),
    ("Tesla earned $2.3 billion in the last three months of 2021.", "$2.3 billion", "2021-10..2021-12"),
    ("Tesla earned $5.5 billion in the first nine months of 2021.", "$5.5 billion", "2021-01..2021-09"),
    # a span named by the quarter it makes: was September alone ("through September"), or no period
    ("Tesla earned $3.3 billion in the July through September quarter.", "$3.3 billion", "2022-07..2022-09"),
    ("Revenue was $21.5 billion in the July-September quarter.", "$21.5 billion", "2022-07..2022-09"),
])
def test_a_span_of_months_is_the_whole_span(text: str, number: str, period: str) -> None:
    assert _periods(text)[number] == period


def test_a_year_earlier_moves_both_ends_of_a_span() -> None:
    """"The same quarter a year ago" after a span of months: both ends move back (it was 2021-07..2022-09)."""
    article = extract("Tesla's profit quadrupled to $3.3 billion in the July through September quarter from the "
                      "same quarter a year ago.", "en", "2022-10-20")
    (multiple,) = article.relations
    assert [operand["period"] for operand in multiple.operands] == ["2022-07..2022-09", "2021-07..2021-09"]


def test_a_span_without_a_year_ends_by_publication() -> None:
    """LIAR2 (a PolitiFact justification): "more than 66,000 tickets … from January through August", read in
    March: last year's January to August, not a span still running."""
    text = "They wrote more than 66,000 tickets for uninsured drivers from January through August."
    assert _periods(text, "2024-03-01")["more than 66,000 tickets"] == "2023-01..2023-08"


def test_may_as_a_verb_starts_no_span() -> None:
    assert _periods("Prices may to some extent rise 5%.")["5%"] is None


@pytest.mark.parametrize(("text", "published", "expected"), [
    # IBTimes on Tesla's 2022-Q3 results (2022-10-20): $1.62B is 2021-Q3 net income, 1,618,000,000 in companyfacts
    ("The net income for the third quarter was $3.3 billion, which was nearly double the $1.62 billion reported in "
     "the same quarter a year ago.", "2022-10-20", {"$3.3 billion": "2022-Q3", "$1.62 billion": "2021-Q3"}),
    ("Net income rose to $3.29 billion in the third quarter from $1.62 billion in the same quarter a year earlier.",
     "2022-10-20", {"$3.29 billion": "2022-Q3", "$1.62 billion": "2021-Q3"}),
    ("In the third quarter, net income was $3.3 billion, compared with the $721 million it posted in 2020.",
     "2022-10-20", {"$3.3 billion": "2022-Q3", "$721 million": "2020"}),
    # finance-corpus sentences: the base's own period, not the sentence's
    ("Vaisala also said it expects net sales of EUR 253.2 million for 2010, compared with EUR 252.2 million "
     "recorded in 2009.", "2010-02-01", {"EUR 253.2 million": "2010", "EUR 252.2 million": "2009"}),
    ("However, the orders received during the period under review fell by 17 % quarter-on-quarter from the "
     "EUR 213 million recorded in the second quarter of 2010.", "2010-10-20", {"EUR 213 million": "2010-Q2"}),
])
def test_a_figure_reported_in_a_period_is_that_periods(text: str, published: str, expected: dict[str, str]) -> None:
    found = _periods(text, published)
    assert {number: found[number] for number in expected} == expected


def _noted(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {found.quantity.text: (found.period, found.note) for found in extract(text, "en", "2024-10-01").quantities}


@pytest.mark.parametrize(("text", "number", "period"), [
    ("Unemployment averaged 5% in 2010-2012.", "5%", "2010..2012"),
    ("Profits rose 12% in 2019–2022.", "12%", "2019..2022"),
    ("From 1980-2008, the country took in around 83,000 refugees a year.", "around 83,000 refugees", "1980..2008"),
    ("The state added 6,600 miles of road from 2001-2012.", "6,600 miles", "2001..2012"),
    ("He voted for the 2009-11 budget of $5 billion.", "$5 billion", "2009..2011"),   # a two-year budget
])
def test_a_span_of_years_is_those_years(text: str, number: str, period: str) -> None:
    """"in 2010-2012" was read as 2010 alone (the first year named): a silent wrong period."""
    assert _noted(text)[number] == (period, None)


@pytest.mark.parametrize(("text", "number"), [
    ("Profits rose 12% in 2023/24.", "12%"),
    ("Taxes will rise in the 2022-23 school year for 70 percent of districts.", "70 percent"),
    ("The 2022-2023 budget is $5 billion.", "$5 billion"),
])
def test_a_year_across_two_calendar_years_has_no_period_and_says_why(text: str, number: str) -> None:
    """A fiscal, school or season year's days are not given; it was read as its first calendar year."""
    period, note = _noted(text)[number]
    assert period is None and note is not None and "two calendar years" in note


def test_a_span_of_years_compared_with_stays_a_base() -> None:
    assert _noted("Sales rose 5% compared with 2019-2020.")["5%"] == (None, None)


def test_a_copyright_notices_years_are_no_figures_period() -> None:
    """A wire's notice ("( C ) 1995-2009 M2 COMMUNICATIONS") gave the story's figures its years."""
    text = "IT UPDATE - ( C ) 1995-2009 M2 COMMUNICATIONS LTD Teleste reported an operating profit of EUR5.6 m."
    assert _noted(text)["EUR5.6 m"] == (None, None)
    assert _noted("© 2019 News Corp. Sales rose 5% in 2020.")["5%"] == ("2020", None)


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_season_written_with_either_dash_gives_no_second_number(dash: str) -> None:
    """"the 2019–20 season" with an en dash yielded a spurious quantity 20: the region's clue looked for a hyphen only."""
    assert _noted(f"Attendance rose 5% in the 2019{dash}20 season.").keys() == {"5%", "2019"}


@pytest.mark.parametrize(("text", "expected"), [
    # written here in the style of a wire story on a GDP release (published 2022-10-27)
    ("The economy grew at a 2.6% annual rate in the July-September quarter, rebounding from a 0.6% decline in "
     "the second quarter and a 1.6% drop in the first.",
     {"2.6%": "2022-07..2022-09", "0.6%": "2022-Q2", "1.6%": None}),
    ("Consumer spending grew at a 1.4% rate, down from 2% in the April-June quarter.",
     {"1.4%": None, "2%": "2022-04..2022-06"}),
])
def test_a_period_after_a_change_noun_is_the_numbers_own(text: str, expected: dict[str, str | None]) -> None:
    """"a 0.6% decline in the second quarter" took the sentence's earlier July-September; "2% in the
    April-June quarter" gave its quarter to the 1.4% before it; "a 1.6% drop in the first" took the
    second quarter, though its own is the first (a noun left out, not guessed: no period)."""
    found = _periods(text)
    assert {number: found[number] for number in expected} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # written here, in the style of a Treasury-statement story: the text gives the fiscal year's last month
    ("For the full 2024 budget year that ended in September, the deficit reached $1.83 trillion.",
     {"$1.83 trillion": "2023-10..2024-09"}),   # was 2024-09: the month that ends the year, not the year
    ("The deficit for the 2024 fiscal year that ended Sept. 30 was $1.83 trillion.",
     {"$1.83 trillion": "2023-10..2024-09"}),   # was the calendar year 2024
    ("Its 2024 fiscal year, which ended Jan. 31, 2024, brought $648 billion in revenue.",
     {"$648 billion": "2023-02..2024-01"}),
    # a fiscal year named without its last month: the calendar's to give, never the calendar year
    ("The 2024 fiscal year deficit was $1.83 trillion.", {"$1.83 trillion": None}),
    ("The deficit in budget year 2024 was $1.83 trillion.", {"$1.83 trillion": None}),
    # a balance noun joins its number to the period after it: fiscal 2023 is the base's alone
    ("The deficit reached $1.83 trillion, up 8% from the $1.7 trillion shortfall of 2023.",
     {"$1.83 trillion": None, "8%": None, "$1.7 trillion": "2023"}),
])
def test_a_budget_year_is_a_fiscal_year(text: str, expected: dict[str, str | None]) -> None:
    periods = _periods(text, "2024-11-13")
    assert {number: periods[number] for number in expected} == expected


def test_a_budget_year_takes_the_calendar_given() -> None:
    from checker.extraction.fiscal import FiscalCalendar
    found = extract("The 2024 fiscal year deficit was $1.83 trillion, up from the $1.7 trillion shortfall of "
                    "fiscal 2023.", "en", "2024-11-13", fiscal=FiscalCalendar(year_end=(9, 30))).quantities
    assert {f.quantity.text: f.period for f in found if f.quantity.kind.value == "money"} == {
        "$1.83 trillion": "2023-10..2024-09", "$1.7 trillion": "2022-10..2023-09"}


@pytest.mark.parametrize(("text", "number", "period"), [
    # written here in the style of a jobs story: earlier than the month the paragraph named, not its base's
    ("The share of Americans working or looking for work slipped to 62.4% in December from 62.5% in November. "
     "The participation rate stood at 62.5% a year earlier.", "62.5% a year earlier", "2024-12"),
    # nothing named before: no period (it was the year before publication, 2025)
    ("The participation rate stood at 62.5% a year earlier.", "62.5% a year earlier", None),
    ("Profit before taxes was EUR 5.4 mn, up from EUR 3.6 mn a year earlier.", "EUR 3.6 mn", None),
])
def test_a_year_earlier_is_earlier_than_the_period_just_named(text: str, number: str, period: str | None) -> None:
    found = extract(text, "en", "2026-01-09").quantities
    wanted = number.removesuffix(" a year earlier")
    assert [f.period for f in found if f.quantity.text == wanted][-1] == period


@pytest.mark.parametrize(("text", "published", "number", "period"), [
    # a part of a year named by words relative to publication: it was the whole year ("last year"), or nothing
    ("In the final quarter of last year, the economy grew at a 3.2% pace.", "2024-10-30", "3.2%", "2023-Q4"),
    ("Output expanded at a 1.6% annual rate in the first three months of the year.", "2024-10-30", "1.6%",
     "2024-01..2024-03"),
    ("Sales were $5 billion in the first nine months of last year.", "2024-03-01", "$5 billion", "2023-01..2023-09"),
    ("Sales were $5 billion in the first nine months of the year.", "2024-03-01", "$5 billion", None),  # not over
    ("In September of last year, the government ran a deficit of $171 billion.", "2024-10-10", "$171 billion",
     "2023-09"),
    ("In December of this year, the deficit may reach $171 billion.", "2024-10-10", "$171 billion", None),  # to come
])
def test_a_part_of_a_year_named_from_publication(text: str, published: str, number: str, period: str | None) -> None:
    assert _periods(text, published)[number] == period


@pytest.mark.parametrize(("text", "period"), [
    ("Over the first nine months of the year, Tesla's revenue totaled $57.14 billion.", "2022-01..2022-09"),
    ("Revenue rose to $57.14 billion from $36.1 billion over the first nine months of 2022.", None),  # maybe a base
])
def test_over_opening_a_clause_before_a_span_of_months_is_the_span(text: str, period: str | None) -> None:
    """"Over" marks a comparison's base ("up 23 % over 2006"); opening a clause before a span of months, it is
    the months the figure covers."""
    assert _periods(text, "2022-10-19")["$57.14 billion"] == period


@pytest.mark.parametrize(("text", "expected"), [
    # written here, a gas-price story of Wednesday 15 June 2022: Monday is the 13th
    ("The average price topped $5 this week, reaching $5.01 on Monday, the agency said.",
     {"topped $5": None, "$5.01": "2022-06-13"}),
    ("Stocks closed at 30,000 points on Wednesday.", {"30,000 points": "2022-06-15"}),   # the day of publication
    ("Stocks closed at 30,000 points on Thursday.", {"30,000 points": "2022-06-09"}),    # the week before
    ("The Dow closed at 30,000 on Monday, March 7, 2022.", {"30,000": "2022-03-07"}),   # the date written wins
    # a weekday elsewhere is the day something was said or reported: it dates no other figure
    ("The company reported on Thursday an operating profit of EUR 5.3 mn for January-June 2008.",
     {"EUR 5.3 mn": "2008-01..2008-06"}),
    ("The Labor Department said on Friday that employers added 263,000 jobs.", {"263,000 jobs": None}),
])
def test_a_weekday_dates_the_figure_right_before_it(text: str, expected: dict[str, str | None]) -> None:
    periods = _periods(text, "2022-06-15")
    assert {number: periods[number] for number in expected} == expected

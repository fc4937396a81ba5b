"""A company's fourth quarter, which no filing states, is its year less the first nine months; Tesla's real
companyfacts (../shared) date its fiscal phrases by the ``fy``/``fp`` of its filings (issue 21 item 5)."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from checker.cli import main
from checker.extraction import extract
from checker.extraction.fiscal import filed_calendar
from checker.extraction.linking import links
from checker.extraction.linking_quarters import fourth_quarter
from checker.extraction.metrics import aliases_of
from checker.extraction.model import ChangeLink
from checker.periods import parse_period

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference-data"
EDGAR = SHARED / "edgar" / "CIK0001318605.companyfacts.json"
needs_shared = pytest.mark.skipif(not EDGAR.is_file(), reason="../shared/reference-data is absent")
NET_INCOME = "cik1318605.NetIncomeLoss"


@lru_cache(maxsize=1)
def _tesla():  # type: ignore[no-untyped-def]
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    reference, problems = ReferenceData.load([Entry(EDGAR)])
    assert problems == []
    return reference


def _links(text: str, published: str) -> list[object]:
    reference = _tesla()
    aliases = aliases_of(reference)
    extraction = extract(text, "en", published, aliases, filed_calendar(reference))
    return list(links(extraction, reference, aliases).values())


@needs_shared
@pytest.mark.parametrize("text", [
    "Tesla earned $2.3 billion in the final three months of 2021.",
    "Tesla earned $2.3 billion in the fourth quarter of 2021.",
    "Tesla earned $2.3 billion in the fourth quarter of fiscal 2021.",   # Tesla's fiscal year is the calendar's
])
def test_a_fourth_quarter_is_the_year_less_its_first_nine_months(text: str) -> None:
    (made,) = _links(text, "2022-03-01")
    assert isinstance(made, ChangeLink) and made.why is not None and "no filing states" in made.why
    assert (made.metric, made.period, made.earlier, made.relation) == (NET_INCOME, "2021", "2021-01..2021-09", "difference")


@needs_shared
@pytest.mark.parametrize("metric, quarter, expected", [
    (NET_INCOME, "2021-Q4", ("2021", "2021-01..2021-09")),
    ("cik1318605.Revenues", "2020-Q4", ("2020", "2020-01..2020-09")),
    (NET_INCOME, "2021-Q3", None),                                   # filed: a lookup, no derivation
    (NET_INCOME, "2021-12", None),                                   # a month is no quarter
    ("cik1318605.EarningsPerShareDiluted", "2021-Q4", None),         # per share: a year's is no sum of its quarters'
])
def test_only_money_over_a_quarter_the_rows_close_a_year_of(metric: str, quarter: str,
                                                            expected: tuple[str, str] | None) -> None:
    derived = fourth_quarter(_tesla(), metric, parse_period(quarter), date(2022, 3, 1))
    assert (None if derived is None else (derived.period, derived.earlier)) == expected


@needs_shared
def test_tesla_filings_state_its_fiscal_calendar() -> None:
    """``fy``/``fp`` of the real filings: each fiscal quarter and year is the calendar's; Q4 is the year's last three months."""
    calendar = filed_calendar(_tesla())
    assert calendar is not None
    assert [str(calendar.period(2021, quarter)) for quarter in (None, 1, 2, 3, 4)] == \
        ["2021", "2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"]
    assert str(calendar.latest(4, date(2022, 1, 27))) == "2021-Q4"
    assert calendar.follows_calendar_year(date(2021, 6, 1))


@needs_shared
@pytest.mark.parametrize("text, published, linked", [
    ("Tesla posted a profit of $5.5 billion in fiscal 2021.", "2022-03-01", (NET_INCOME, "2021")),
    ("Tesla earned $1.44 per share on a diluted basis in its fiscal third quarter of 2021.", "2021-10-30",
     ("cik1318605.EarningsPerShareDiluted", "2021-Q3")),
])
def test_a_fiscal_phrase_links_the_period_the_filings_give_it(text: str, published: str, linked: tuple[str, str]) -> None:
    assert [(link.metric, link.period) for link in _links(text, published)] == [linked]  # type: ignore[attr-defined]


@needs_shared
def test_the_derived_quarter_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """5,519 − 3,198 = 2,321 million dollars: Tesla's reported fourth-quarter net income of $2.32 billion."""
    article = tmp_path / "article.txt"
    article.write_text("Tesla earned $2.3 billion in the fourth quarter of 2021.\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "--published", "2022-03-01", "--lang", "en", "-o", str(draft),
                 "--reference", str(EDGAR)]) == 0
    assert "relation: difference" in draft.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(draft)]) == 0
    out = capsys.readouterr().out
    assert "= 2,321,000,000" in out and "1 supported" in out


@needs_shared
@pytest.mark.parametrize("part, linked", [
    ("in its fourth quarter", None),                       # read as no period: the sentence's year is not its own
    ("in the quarter", None),
    ("in the second half", None),
    ("in the last three months of the year", ("2021", "2021-01..2021-09")),   # read now: the sentence's year's
    ("in the fourth quarter", ("2021", "2021-01..2021-09")),   # read as 2021-Q4: the year less its first nine months
    ("in the year", ("2021", None)),
])
def test_a_figure_its_words_give_a_part_of_the_year_is_not_the_years(part: str, linked: tuple[str, str | None] | None) -> None:
    """The second figure of "net income was $5.5 billion in 2021 and $2.3 billion in its fourth quarter" was linked to 2021."""
    made = _links(f"Tesla's net income was $5.5 billion in 2021 and $2.3 billion {part}.", "2022-03-01")
    second = [(link.period, getattr(link, "earlier", None)) for link in made[1:]]  # type: ignore[attr-defined]
    assert second == ([linked] if linked else [])

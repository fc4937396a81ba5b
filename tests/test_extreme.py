"""The relation ``extreme``: records, "N년 만에 최저", "the highest since 2008", and their rank words."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checker import check
from checker.evaluation import relations
from checker.quantities.predicates import read_rank

#: The issue's series: 2023 is the lowest in three years; 2022 is not the highest in two.
GROWTH = {"2020": "-0.7", "2021": "4.3", "2022": "2.6", "2023": "1.4"}
MONTHLY = {"2023-01": "5", "2023-02": "3", "2023-03": "4", "2023-04": "2", "2023-05": "2.5"}


def repository(tmp_path: Path, claims: str, rows: dict[str, str], extra: str = "") -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text("기사.\n", encoding="utf-8")
    lines = "".join(f"kr,series,{period},{value},%,https://example.org/{period},\n" for period, value in rows.items())
    (tmp_path / "reference.csv").write_text("entity,metric,period,value,unit,source,vintage\n" + lines + extra,
                                            encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\narticle: {file: article.txt, published: 2024-02-19, language: ko}\n"
                    "reference: [reference.csv]\nclaims:\n" + claims, encoding="utf-8")
    return path


def ranked(tmp_path: Path, value: str, period: str, rows: dict[str, str] = GROWTH, extra: str = "",
           agg: str = ""):
    lookup = f"{{metric: kr.series, period: '{period}'{', agg: ' + agg if agg else ''}}}"
    report = check([repository(tmp_path, f"  - {{id: r, value: '{value}', relation: extreme, of: [{lookup}]}}\n",
                               rows, extra)])
    assert not report.errors, report.errors
    return report.results[0]


@pytest.mark.parametrize("value, period, verdict, says", [
    ("3년 만에 최저", "2023", "supported", "2020 (-0.7), 3 years back, was the last row as low"),
    ("lowest in three years", "2023", "supported", "the streak ends 3 years back"),
    ("a three-year low", "2023", "supported", "the streak ends 3 years back"),
    ("2년 만에 최고", "2022", "refuted", "2021 (4.3), 1 year back, was the last row as high"),
    ("the highest in two years", "2022", "refuted", "a streak shorter than 2 years"),
    ("2년 만에 최저", "2023", "imprecise", "a streak longer than 2 years"),
    ("사상 최대", "2021", "supported", "a record within data from 2020"),
    ("record high", "2021", "supported", "a record within data from 2020"),
    ("역대 최고치", "2022", "refuted", "2021 (4.3) was as high or higher: no record"),
    ("the lowest on record", "2020", "unverifiable", "no row before 2020"),
    ("the highest since 2021", "2022", "supported", "the highest since 2021 (4.3)"),
    ("2020년 이후 최고", "2022", "refuted", "2021 (4.3) was as high or higher, after 2020"),
    ("the lowest since 2021", "2023", "imprecise", "longer than since 2021"),
    ("the highest since 2019", "2021", "unverifiable", "the series starts in 2020, after 2019"),
    ("10년 만에 최고", "2021", "unverifiable", "less than 10 years back"),
    ("5년 만에 최저", "2020", "unverifiable", "the series starts in 2020, less than 5 years back"),
])
def test_rank_over_the_yearly_series(tmp_path: Path, value: str, period: str, verdict: str, says: str) -> None:
    result = ranked(tmp_path, value, period)
    assert (result.verdict, result.check) == (verdict, "reference"), result.explanation
    assert says in result.explanation


def test_a_span_in_months_must_match_exactly(tmp_path: Path) -> None:
    assert ranked(tmp_path, "3개월 만에 최저", "2023-04", MONTHLY).verdict == "imprecise"  # never this low
    result = ranked(tmp_path, "3개월 만에 최고", "2023-03", MONTHLY)
    assert (result.verdict, "2023-01 (5), 2 months back" in result.explanation) == ("refuted", True)
    assert ranked(tmp_path, "2개월 만에 최고", "2023-03", MONTHLY).verdict == "supported"


def test_evidence_names_the_rows_and_sources(tmp_path: Path) -> None:
    result = ranked(tmp_path, "2년 만에 최고", "2022")
    assert result.sources == ("https://example.org/2022", "https://example.org/2021", "https://example.org/2020")
    assert result.actual["value"] == Decimal("2.6")
    assert any(step.startswith("kr.series 2021 = 4.3") for step in result.steps)


def test_earlier_rows_are_taken_at_the_vintage_the_writer_knew(tmp_path: Path) -> None:
    """2021 was first published as 4.3 and revised to 1.0 after the article: 2022 was no record then."""
    rows = {"2020": "-0.7", "2022": "2.6"}
    extra = ("kr,series,2021,4.3,%,https://example.org/first,2022-01-25\n"
             "kr,series,2021,1.0,%,https://example.org/revised,2024-06-01\n")
    assert ranked(tmp_path, "사상 최대", "2022", rows, extra).verdict == "refuted"


def test_an_aggregate_over_several_rows_cannot_be_ranked(tmp_path: Path) -> None:
    result = ranked(tmp_path, "사상 최대", "2020..2021", agg="mean")
    assert result.verdict == "error"
    assert "extreme ranks one row" in result.explanation


def test_a_min_aggregate_ranks_its_row(tmp_path: Path) -> None:
    whole_year = {**MONTHLY, **{f"2023-{month:02}": "3" for month in range(6, 13)}}
    result = ranked(tmp_path, "사상 최저", "2023", whole_year, agg="min")
    assert (result.verdict, result.actual["value"]) == ("supported", Decimal(2))
    assert "kr.series 2023-04 = 2 %" in result.explanation


def test_a_min_aggregate_over_a_year_the_rows_stop_short_of_is_unverifiable(tmp_path: Path) -> None:
    result = ranked(tmp_path, "사상 최저", "2023", MONTHLY, agg="min")
    assert result.verdict == "unverifiable" and "data for 2023 end on 2023-05-31" in result.explanation


def test_words_that_are_no_rank_are_an_error_at_the_value(tmp_path: Path) -> None:
    path = repository(tmp_path, "  - {id: r, value: 3.6%, relation: extreme, of: [{metric: kr.series, period: '2023'}]}\n",
                      GROWTH)
    result = check([path]).results[0]
    assert result.verdict == "error"
    assert "cannot read '3.6%' as a rank" in result.explanation


def test_extreme_is_registered_with_one_operand() -> None:
    assert relations.get("extreme").ARITY == (1, 1)


@pytest.mark.parametrize("text, extreme, window, months, since", [
    ("사상 최대", "max", "record", None, None),
    ("역대 최저치", "min", "record", None, None),
    ("사상 최소", "min", "record", None, None),
    ("3년 만에 최저", "min", "span", 36, None),
    ("10년 만에 최고", "max", "span", 120, None),
    ("3년 만에 최저치로 떨어졌다", "min", "span", 36, None),
    ("사상 최대를 기록했다", "max", "record", None, None),
    ("2008년 이후 최고", "max", "since", None, 2008),
    ("record high", "max", "record", None, None),
    ("an all-time low", "min", "record", None, None),
    ("the lowest on record", "min", "record", None, None),
    ("the biggest ever", "max", "record", None, None),
    ("the highest since 2008", "max", "since", None, 2008),
    ("the smallest since 2019", "min", "since", None, 2019),
    ("lowest in three years", "min", "span", 36, None),
    ("the largest in 18 months", "max", "span", 18, None),
    ("a 10-year high", "max", "span", 120, None),
])
def test_rank_words(text: str, extreme: str, window: str, months: int | None, since: int | None) -> None:
    rank = read_rank(text)
    assert (rank.extreme, rank.window, rank.months, rank.since) == (extreme, window, months, since)


@pytest.mark.parametrize("text", ["3.6%", "최대", "사상", "3.5년 만에 최저", "highest", "the highest in a while"])
def test_not_rank_words(text: str) -> None:
    assert read_rank(text) is None

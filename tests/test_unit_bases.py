"""Base years and index bases are part of the unit: operands on two bases are an error.

Real GDP before the 2013 and 2023 comprehensive revisions is in chained 2009 and
chained 2017 dollars; FRED calls both "Billions of Chained … Dollars". A relation whose
operands come from both, or from an index on two bases, names both units instead of
computing a growth rate between incomparable figures.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check

#: The same quarter in two releases, each in its own base year's dollars.
GDP_2013 = "observation_date,GDPC1\n2012-04-01,13548.5\n2012-07-01,13652.5\n2012-10-01,13665.4\n"
GDP_2025 = "observation_date,GDPC1\n2022-04-01,21708.2\n2022-07-01,21851.1\n2022-10-01,21989.9\n"
CPI_2015 = "observation_date,CPI\n2022-01-01,125.1\n2022-02-01,126.0\n2022-03-01,127.3\n"
CPI_2010 = "observation_date,CPI\n2012-01-01,104.3\n2012-02-01,104.6\n2012-03-01,105.0\n"


def repository(tmp_path: Path, article: str, claims: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "article.txt").write_text(article)
    for name, text in (("GDPC1_2013.csv", GDP_2013), ("GDPC1.csv", GDP_2025),
                       ("cpi_2015.csv", CPI_2015), ("cpi_2010.csv", CPI_2010)):
        (tmp_path / name).write_text(text)
    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\narticle: {file: article.txt, published: 2023-01-26, language: en}\nreference:\n"
        "  - {file: GDPC1_2013.csv, unit: Billions of Chained 2009 Dollars, vintage: 2013-02-28}\n"
        "  - {file: GDPC1.csv, unit: Billions of Chained 2017 Dollars, vintage: 2025-05-29}\n"
        "  - {file: cpi_2010.csv, metric: x.cpi_2012, unit: Index 2010=100}\n"
        "  - {file: cpi_2015.csv, metric: x.cpi_2022, unit: Index 2015=100}\n"
        "claims:\n" + claims)
    return path


def only_result(tmp_path: Path, article: str, claims: str):
    report = check([repository(tmp_path, article, claims)])
    assert not report.errors, report.errors
    [result] = report.results
    return result


GROWTH = ("  - id: growth\n    quote: grew 60 percent\n    value: 60 percent\n    relation: change\n"
          "    of:\n      - {metric: fred.GDPC1, period: 2012-Q3, as_of: 2013-03-01}\n"
          "      - {metric: fred.GDPC1, period: 2022-Q3}\n")
GROWTH_EXPR = ("  - id: growth\n    quote: grew 60 percent\n    value: 60 percent\n    relation: expr\n"
               "    expr: b / a * 100 - 100\n"
               "    of:\n      a: {metric: fred.GDPC1, period: 2012-Q3, as_of: 2013-03-01}\n"
               "      b: {metric: fred.GDPC1, period: 2022-Q3}\n")
CPI_RATIO = ("  - id: prices\n    quote: 1.21 times\n    value: 1.21 times\n    relation: ratio\n"
             "    of:\n      - {metric: x.cpi_2022, period: 2022-03}\n      - {metric: x.cpi_2012, period: 2012-03}\n")


@pytest.mark.parametrize("claims, units", [
    (GROWTH, ("USD (chained 2009)", "USD (chained 2017)")),
    (GROWTH_EXPR, ("USD (chained 2009)", "USD (chained 2017)")),
    (CPI_RATIO, ("index (2010=100)", "index (2015=100)")),
], ids=["change", "expr", "ratio of indexes"])
def test_operands_on_two_bases_are_an_error_naming_both(tmp_path: Path, claims: str, units: tuple[str, str]) -> None:
    result = only_result(tmp_path, "Real output grew 60 percent; prices were 1.21 times as high.\n", claims)
    assert result.verdict == "error"
    assert f"in {units[0]} and in {units[1]}" in result.explanation


def test_a_relation_within_one_base_is_computed(tmp_path: Path) -> None:
    claims = ("  - id: growth\n    quote: grew 0.7 percent\n    value: 0.7 percent\n    relation: change\n"
              "    of:\n      - {metric: fred.GDPC1, period: 2022-Q2}\n      - {metric: fred.GDPC1, period: 2022-Q3}\n")
    result = only_result(tmp_path, "Real output grew 0.7 percent.\n", claims)
    assert result.verdict == "supported", result.explanation


def test_a_dollar_claim_reads_in_the_base_year_of_its_reference(tmp_path: Path) -> None:
    """The claim's "$21.9 trillion" says no base year; the reference entry's does."""
    claims = ("  - id: level\n    quote: $21.9 trillion\n    value: $21.9 trillion\n"
              "    metric: fred.GDPC1\n    period: 2022-Q3\n    as_of: latest\n")
    result = only_result(tmp_path, "Real output reached $21.9 trillion.\n", claims)
    assert result.verdict == "supported", result.explanation
    assert "21,851,100,000,000 USD (chained 2017) as published" in result.steps[0]

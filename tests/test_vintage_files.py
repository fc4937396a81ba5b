"""Vintage files as providers publish them: one column per vintage, read as one series.

ALFRED's "all vintages" CSV (``observation_date,PAYEMS_20221007,…``) is written here in
the layout ALFRED serves it (ISO dates, ``.`` before a figure's first release, vintage
columns oldest first), so the tests run without the network or shared files.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checker import check
from checker.periods import parse_period
from checker.reference import ReferenceData, clear_cache
from checker.reference.entry import Entry

#: Payrolls (thousands) as three releases showed them: September first printed at
#: +263 thousand, later revised; October not yet published in the first vintage.
ALFRED_WIDE = (
    "observation_date,PAYEMS_20221007,PAYEMS_20221104,PAYEMS_20230203\n"
    "2022-08-01,152744,152767,152978\n"
    "2022-09-01,153007,153082,153205\n"
    "2022-10-01,.,153343,153571\n"
)


@pytest.fixture(autouse=True)
def fresh_cache():
    clear_cache()
    yield
    clear_cache()


def load(*entries: Entry) -> ReferenceData:
    data, errors = ReferenceData.load(entries)
    assert [str(error) for error in errors] == []
    return data


def value_as_of(data: ReferenceData, period: str, as_of: str | None) -> Decimal:
    [candidate] = data.lookup("fred.PAYEMS", parse_period(period), as_of=as_of).candidates
    return candidate.value


# ------------------------------------------------------------------ ALFRED's wide download


def test_alfred_wide_download_is_one_series_with_a_vintage_per_column(tmp_path: Path) -> None:
    path = tmp_path / "PAYEMS_vintages.csv"
    path.write_text(ALFRED_WIDE)
    data = load(Entry(path, unit="Thousands of Persons"))
    assert data.metrics() == {"fred.PAYEMS"}
    assert value_as_of(data, "2022-09", "2022-10-07") == Decimal(153007000)
    assert value_as_of(data, "2022-09", "2022-12-01") == Decimal(153082000)
    assert value_as_of(data, "2022-09", "latest") == Decimal(153205000)
    [first] = [row for row in data.observations("fred.PAYEMS") if row.period.label == "2022-10"][:1]
    assert first.vintage.isoformat() == "2022-11-04"  # "." in the 2022-10-07 column: not yet released


def test_alfred_wide_keeps_only_the_vintages_that_changed_a_figure(tmp_path: Path) -> None:
    """Each vintage repeats the history; an unchanged figure is no new row, so a file of
    hundreds of vintages is as large in memory as its revisions."""
    path = tmp_path / "PAYEMS_vintages.csv"
    path.write_text("observation_date,PAYEMS_20221007,PAYEMS_20221104,PAYEMS_20221202\n"
                    "2022-07-01,152500,152500,152500\n2022-08-01,152744,152744,152767\n")
    data = load(Entry(path, unit="Thousands of Persons"))
    rows = [row for row in data.observations("fred.PAYEMS") if row.period.label == "2022-08"]
    assert [(row.vintage.isoformat(), row.value) for row in rows] == [
        ("2022-10-07", Decimal(152744000)), ("2022-12-02", Decimal(152767000))]
    assert value_as_of(data, "2022-08", "2022-11-30") == Decimal(152744000)


def test_a_graph_download_whose_column_only_ends_in_digits_stays_one_series(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("observation_date,PAYEMS_20221399\n2022-07-01,152500\n2022-08-01,152744\n")
    data = load(Entry(path, unit="Thousands of Persons"))
    assert data.metrics() == {"fred.PAYEMS_20221399"}


def _claims(tmp_path: Path, as_of: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "article.txt").write_text("Employers added 263,000 jobs in September.\n")
    (tmp_path / "PAYEMS_vintages.csv").write_text(ALFRED_WIDE)
    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\narticle: {file: article.txt, published: 2022-10-07, language: en}\n"
        "reference: [{file: PAYEMS_vintages.csv, unit: Thousands of Persons}]\nclaims:\n"
        "  - id: added\n    quote: added 263,000 jobs\n    value: 263,000 jobs\n    relation: difference\n"
        "    of:\n"
        f"      - {{metric: fred.PAYEMS, period: 2022-09, as_of: {as_of}}}\n"
        f"      - {{metric: fred.PAYEMS, period: 2022-08, as_of: {as_of}}}\n")
    return path


@pytest.mark.parametrize("as_of, verdict, change", [
    ("2022-10-07", "supported", "263,000"),  # the first release: what the article saw
    ("'2022-10-07'", "supported", "263,000"),  # the same date, quoted
    ("2023-02-03", "refuted", "227,000"),  # after the benchmark revision
])
def test_a_claim_on_the_wide_download_uses_the_vintage_of_its_as_of(
        tmp_path: Path, as_of: str, verdict: str, change: str) -> None:
    report = check([_claims(tmp_path, as_of)])
    assert not report.errors, report.errors
    [result] = report.results
    assert result.verdict == verdict, result.explanation
    assert change in result.explanation

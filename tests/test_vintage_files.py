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
from checker.reference import ReferenceData
from checker.reference.entry import Entry
from reference_support import fresh_cache, load  # noqa: F401 (fresh_cache: an autouse fixture)

#: Payrolls (thousands) as three releases showed them: September first printed at
#: +263 thousand, later revised; October not yet published in the first vintage.
ALFRED_WIDE = (
    "observation_date,PAYEMS_20221007,PAYEMS_20221104,PAYEMS_20230203\n"
    "2022-08-01,152744,152767,152978\n"
    "2022-09-01,153007,153082,153205\n"
    "2022-10-01,.,153343,153571\n"
)




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


# ------------------------------------------------------- Philadelphia Fed Real-Time Data Set

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is not installed")


def workbook(path: Path, header: list[str], rows: list[list]) -> Path:
    """A workbook in the Real-Time Data Set's layout: one sheet, DATE then one column per vintage."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = header[1].rstrip("0123456789QM")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


#: Real output (billions of real dollars, annual rate) in three quarterly vintages:
#: 2022Q3 first published in the 2022Q4 vintage, revised in 2023Q1; "#N/A" before that.
ROUTPUT = (["DATE", "ROUTPUT22Q3", "ROUTPUT22Q4", "ROUTPUT23Q1"],
           [["2022:Q1", 19924.1, 19924.1, 19924.1],
            ["2022:Q2", 19895.3, 19895.3, 19895.3],
            ["2022:Q3", "#N/A", 20021.7, 20054.7]])


def test_rtdsm_quarterly_workbook_is_one_series_dated_mid_quarter(tmp_path: Path) -> None:
    path = workbook(tmp_path / "routputMvQd.xlsx", *ROUTPUT)
    data = load(Entry(path, unit="Billions of Chained 2012 Dollars"))
    assert data.metrics() == {"rtdsm.ROUTPUT"}
    rows = [row for row in data.observations("rtdsm.ROUTPUT") if row.period.label == "2022-Q3"]
    assert [(row.vintage.isoformat(), row.value) for row in rows] == [
        ("2022-11-15", Decimal("20021700000000.0")), ("2023-02-15", Decimal("20054700000000.0"))]
    assert rows[0].unit == "USD (chained 2012)" and rows[0].location.line == 4 and rows[0].location.column == 3
    assert rows[0].source == "https://www.philadelphiafed.org/surveys-and-data/real-time-data-research/routput"
    [q1] = data.observations("rtdsm.ROUTPUT")[:1]
    assert q1.vintage.isoformat() == "2022-08-15" and q1.precision == Decimal("50000000.0")  # ±0.05 billion


def test_rtdsm_monthly_workbook_and_an_as_of_lookup(tmp_path: Path) -> None:
    path = workbook(tmp_path / "pcpiMvMd.xlsx", ["DATE", "PCPI98M11", "PCPI98M12", "PCPI99M1"],
                    [["1998:09", 163.6, 163.6, 163.6], ["1998:10", 164.0, 164.0, 164.0],
                     ["1998:11", "#N/A", 164.0, 164.0], ["1998:12", "#N/A", "#N/A", 163.9]])
    data = load(Entry(path, unit="Index 1982-1984=100"))
    [nov] = data.lookup("rtdsm.PCPI", parse_period("1998-11"), as_of="1998-12-31").candidates
    assert nov.value == Decimal("164.0")
    [row] = [row for row in data.observations("rtdsm.PCPI") if row.period.label == "1998-12"]
    assert row.vintage.isoformat() == "1999-01-15" and row.unit == "index (1982-1984=100)"


@pytest.mark.parametrize("header, rows, message", [
    (["DATE", "ROUTPUT22Q3"], [["2022:Q1", 1], ["1947Q3", 3]], "3:1: DATE '1947Q3' is no period (expected 1947:Q1"),
    (["DATE", "GDP"], [], "1:2: column 'GDP' is no vintage (expected a name such as ROUTPUT65Q4 or PCPI98M11)"),
    (["YEAR", "ROUTPUT22Q3"], [], "1:1: not a Real-Time Data Set workbook: the first cell should be DATE"),
    (["DATE", "ROUTPUT22Q3"], [["2022:Q1", "n.a."]], "2:2: value 'n.a.' is not a number"),
    (["DATE", "ROUTPUT22Q3"], [["2022-1", 1]], "2:1: DATE '2022-1' is no period (expected 1947:Q1 or 1947:01)"),
])
def test_rtdsm_bad_workbooks_are_errors_at_their_cell(tmp_path: Path, header: list, rows: list, message: str) -> None:
    path = workbook(tmp_path / "bad.xlsx", header, rows)
    _, errors = ReferenceData.load([Entry(path, unit="Percent")])
    assert any(f"{error.location.line}:{error.location.column}: {error.message}".startswith(message)
               for error in errors), [str(error) for error in errors]


def test_a_file_that_is_no_workbook_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "routputMvQd.xlsx"
    path.write_text("DATE,ROUTPUT65Q4\n")
    _, errors = ReferenceData.load([Entry(path, unit="Percent")])
    assert [error.message[:22] for error in errors] == ["not an .xlsx workbook:"]


def test_a_workbook_that_unpacks_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "routputMvQd.xlsx", *ROUTPUT)
    _, errors = ReferenceData.load([Entry(path, unit="Percent")], max_bytes=path.stat().st_size)
    assert len(errors) == 1 and "the workbook unpacks to" in errors[0].message


def test_without_openpyxl_the_message_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "routputMvQd.xlsx", *ROUTPUT)
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)
    _, errors = ReferenceData.load([Entry(path, unit="Percent")])
    assert [error.message for error in errors] == ["reading .xlsx workbooks needs openpyxl: pip install 'claimcheck[xlsx]'"]

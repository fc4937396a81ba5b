"""A long CSV's clean rows, read from their texts, are the rows its positioned cells give.

``csv_long`` reads a row of a file of the long shape's columns alone from its bare
texts, without a cell object per field (a million-row file's load is mostly that);
only a row that fails is read again from positioned cells. Both readings are held to
each other here, on the repository's own long CSVs and on written corners: every
clean row the same observation, every bad row the same error at the same cell.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.reference import cells, csv_long
from checker.reference.csv_text import split_csv
from checker.reference.files import read_text

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "docs/example/reference/us-jobs.csv", ROOT / "tests/reference_cases/results.csv",
         ROOT / "tests/claimfile_cases/reference/sample.csv", ROOT / "tests/bad_inputs/base/reference/meta.csv"]
HEADER = "# source: https://example.org/s\n# unit: USD\nentity,metric,period,value,unit,source,vintage\n"
#: Rows each shortcut must read as the positioned cells do: clean ones, and one bad cell each.
CORNERS = HEADER + "\n".join([
    "m, a ,2022,1.50,,,",                  # padded key, defaults for unit and source
    "m,a,2022-Q3, 4395 ,KRW,s,2023-01-05",   # spaces around a value; a vintage
    "m,a,2022,\"1,000\",USD,s,",           # a quoted field
    ",m.b,2022-11,3,USD,s,",               # a metric written as entity.metric
    "m,a,2022,1,USD,s,,",                  # a trailing empty field past the header
    "m,a,2022,1,USD,s",                    # one field short
    "m,a b,2022,1,USD,s,",                 # a metric with a space
    "m,a,2022-Q5,1,USD,s,",                # a bad period
    "m,a,,1,USD,s,",                       # no period
    "m,a,2022,abc,USD,s,",                 # not a number
    "m,a,2022,nan,USD,s,",                 # not finite
    "m,a,2022,1,USD,s,2023-02",            # a vintage that is no day
    "m,,2022,1,USD,s,",                    # no metric
]) + "\n"


def _positioned(text: str, shown: str) -> tuple[list, list[str]]:
    """The plain computation: every row read from its positioned cells."""
    parts = split_csv(text, shown)
    names = [cell.text.lower() for cell in parts.header]
    defaults, notes = csv_long.defaults_from(parts)
    rows, errors = [], []
    for row in parts.rows:
        try:
            rows.append(csv_long._build(row.location, row.cells(), names, parts.header, defaults, notes))
        except InputError as error:
            errors.append(str(error))
    return rows, errors


def _loaded(text: str, shown: str) -> tuple[list, list[str]]:
    data = csv_long.load(split_csv(text, shown), shown)
    return data.observations, [str(error) for error in data.errors]


def _compared(rows: list) -> list[tuple]:
    return [(row.metric, row.period, row.value, row.unit, row.source, row.vintage, row.location, row.notes,
             row.retrieved) for row in rows]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_a_files_rows_are_its_positioned_cells_rows(path: Path) -> None:
    text = read_text(path, path.name)
    assert csv_long.matches([cell.text for cell in split_csv(text, path.name).header])
    rows, errors = _loaded(text, path.name)
    expected_rows, expected_errors = _positioned(text, path.name)
    assert rows and _compared(rows) == _compared(expected_rows) and errors == expected_errors


def test_every_corner_reads_as_its_positioned_cells() -> None:
    rows, errors = _loaded(CORNERS, "corners.csv")
    expected_rows, expected_errors = _positioned(CORNERS, "corners.csv")
    assert _compared(rows) == _compared(expected_rows) and len(rows) == 5
    assert errors == expected_errors and len(errors) == 8
    assert "corners.csv:11:5: bad period: 2022-Q5: quarter must be 1-4" in errors  # the cell, not the row


#: What a file says for all its rows, read once per file by the quick reading: a default vintage, a download day.
FILE_WIDE = "# source: https://example.org/s\n# unit: USD\n# vintage: 2023-01-05\n# retrieved: {retrieved}\n" \
    "entity,metric,period,value,unit,source,vintage\nm,a,2022,1.5,,,\nm,a,2023,2,,,2024-02-01\nm,b,2023-Q1,3,KRW,t,\n"


@pytest.mark.parametrize("retrieved", ["2024-03-05T09:30:00+09:00", "2024-03-05", "yesterday"])
def test_file_wide_lines_read_once_are_what_each_row_reads(retrieved: str) -> None:
    text = FILE_WIDE.format(retrieved=retrieved)
    rows, errors = _loaded(text, "wide.csv")
    expected_rows, expected_errors = _positioned(text, "wide.csv")
    assert _compared(rows) == _compared(expected_rows) and errors == expected_errors
    assert (len(rows), len(errors)) == ((0, 3) if retrieved == "yesterday" else (3, 0))  # a bad note: every row says so


def test_a_series_is_checked_once_and_a_bad_row_is_left_to_the_general_reading(monkeypatch) -> None:
    parts = split_csv(HEADER + "m,a,2022,1,USD,s,\nm,a,2023,2,USD,s,\nm,b,2023,x,USD,s,\nm,c,2023,4,USD,s,\n", "q.csv")
    names = [cell.text.lower() for cell in parts.header]
    defaults, notes = csv_long.defaults_from(parts)
    monkeypatch.setattr(cells, "SERIES_KEPT", 2)
    quick = cells.PlainRows(names, defaults, notes, parts.header[0].location)
    read = [quick.observation(row.texts, row.location) for row in parts.rows]
    assert [row.value if row else None for row in read] == [Decimal(1), Decimal(2), None, Decimal(4)]
    assert read[0].metric is read[1].metric == "m.a"  # one interned key for the series' rows
    assert list(quick.series) == [("m", "c", "USD", "s")]  # bounded: full at two series, it starts again

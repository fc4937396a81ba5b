"""A long CSV held as columns gives the rows, errors and lookups its general reading gives.

``checker.reference.column_rows`` keeps a plain long CSV's rows as columns and makes a
row's Observation only when asked. Each file here is read both ways: through
``load_file`` (columns wherever they apply) and with its rows made first and finished and
combined the general way. Every row (field for field, notes and location included, in
the same order), every error and every lookup must agree; and a lookup must make only
the rows it reaches, the reason for the columns.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.periods import parse_period
from checker.reference import LookupFailure, ReferenceData, clear_cache
from checker.reference import store
from checker.reference.column_rows import ColumnRows
from checker.reference.entry import Entry
from checker.reference.files import FileData
from checker.reference.finish import finish
from checker.reference.shapes import load_file

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = [ROOT / "docs/example/reference/us-jobs.csv", ROOT / "tests/claimfile_cases/reference/sample.csv",
              ROOT / "tests/bad_inputs/base/reference/meta.csv"]
HEADER = "# source: https://example.org/s\n# unit: USD\nentity,metric,period,value,unit,source,vintage\n"
#: Written files: what the columns keep, and each thing that sends a file the general way.
WRITTEN = {
    "plain": HEADER + "m,a,2021,1.5,,,\nm,b,2022-Q3,4395,KRW,s,\nm,a,2020,2,,,\n,m.c,2022-11,3,USD,s,\nm,a,2022,1.25,,,\n",
    "named": "# name: 고용 지표\n" + HEADER + "m,a,2021,7,,,\nm,a,2020,8,,,\n",
    "vintages": HEADER + "m,a,2022,1,,,2023-01-05\nm,a,2022,2,,,2023-02-05\nm,a,2021,3,,,\n",
    "daily": HEADER + "".join(f"m,d,2022-03-{day:02d},{day}.5,,,\n" for day in range(1, 12)),
    "weekly": HEADER + "".join(f"m,w,2022-03-{day:02d},{day},,,\n" for day in (1, 8, 15, 22, 29)),
    "duplicate": HEADER + "m,a,2022,1,,,\nm,a,2021,2,,,\nm,a,2022,1.0,,,\n",
    "disagree": HEADER + "m,a,2022,1,,,\nm,a,2022,5,,,\n",
    "scaled": HEADER.replace("USD", "Thousands of Persons") + "m,a,2022,1,,,\nm,b,2021,2,USD,s,\n",
    "bad row": HEADER + "m,a,2022,1,,,\nm,a,2022-Q5,1,,,\nm,a,2021,\"1,000\",,,\n",
    "no unit": "entity,metric,period,value,unit,source\nm,a,2022,1,,s\n",
    "precision": "# precision: 0.01\n" + HEADER + "m,a,2022,1,,,\n",
}


def _files(tmp_path: Path) -> list[Path]:
    written = []
    for name, text in WRITTEN.items():
        path = tmp_path / f"{name.replace(' ', '-')}.csv"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return REPOSITORY + written


def _combined(path: Path, rows: list) -> tuple[ReferenceData, list[str]]:
    builder = store._Builder()
    for row in rows:
        builder.add_row(row)
    return builder.build(), [str(error) for error in builder.errors]


def _fields(rows) -> list[tuple]:
    return [(row.metric, row.period, row.value, row.precision, row.unit, row.source, row.vintage, row.location,
             row.notes, row.retrieved) for row in rows]


def _made_generally(path: Path, monkeypatch: pytest.MonkeyPatch) -> FileData:
    """``load_file`` with the columns turned into made rows before ``finish`` sees them."""
    from checker.reference import shapes

    def general(data: FileData, entry: Entry, infer_frequency: bool = False) -> FileData:
        data.observations = list(data.observations)
        return finish(data, entry, infer_frequency)

    monkeypatch.setattr(shapes, "finish", general)
    try:
        return load_file(Entry(path), str(path))
    finally:
        monkeypatch.undo()


def test_every_file_reads_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    columned = 0
    for path in _files(tmp_path):
        clear_cache()
        fast = load_file(Entry(path), str(path))
        slow = _made_generally(path, monkeypatch)
        assert not isinstance(slow.observations, ColumnRows)
        columned += isinstance(fast.observations, ColumnRows)
        assert _fields(fast.observations) == _fields(slow.observations), path.name
        assert [str(error) for error in fast.errors] == [str(error) for error in slow.errors], path.name
        assert (fast.starts, fast.events, fast.aliases) == (slow.starts, slow.events, slow.aliases)
        reference, errors = ReferenceData.load([path])
        expected, expected_errors = _combined(path, slow.observations)
        assert [str(error) for error in errors] == [str(error) for error in slow.errors] + expected_errors
        assert reference.metrics() == expected.metrics() and reference.names() == expected.names()
        for metric in expected.metrics():
            assert _fields(reference.observations(metric)) == _fields(expected.observations(metric)), path.name
            for row in expected.observations(metric):
                for agg in (None, "sum"):
                    assert _looked_up(reference, metric, row.period.label, agg) == \
                        _looked_up(expected, metric, row.period.label, agg)
            assert _looked_up(reference, metric, "2022", "mean") == _looked_up(expected, metric, "2022", "mean")
            assert _looked_up(reference, metric, "1999", None) == _looked_up(expected, metric, "1999", None)
    # held as columns: two repository files (us-jobs.csv's jobs are scaled to people), plain, named, vintages, daily,
    # duplicate and disagree (their repeated rows combined the general way); the others are read generally
    assert columned == 8


def _looked_up(reference: ReferenceData, metric: str, period: str, agg: str | None) -> object:
    try:
        found = reference.lookup(metric, parse_period(period), agg, published=date(2022, 12, 31))
    except LookupFailure as failure:
        return type(failure).__name__, str(failure)
    return found


def test_duplicates_and_disagreements_are_reported_as_before(tmp_path: Path) -> None:
    path = tmp_path / "disagree.csv"
    path.write_text(WRITTEN["disagree"], encoding="utf-8")
    clear_cache()
    reference, errors = ReferenceData.load([path])
    assert [error.message for error in errors] == [
        f"duplicate rows disagree: m.a 2022 is 5 here and 1 at {path}:4:1; if they are two releases of one "
        "series, give each file's entry its vintage:"]
    assert reference.lookup("m.a", parse_period("2022")).candidates[0].value == 1


def test_a_lookup_makes_only_the_rows_it_reaches(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(f"m,s{series},{year},{series * year},,,\n"
                                     for series in range(50) for year in range(2010, 2020)), encoding="utf-8")
    clear_cache()
    reference, errors = ReferenceData.load([path])
    columns = load_file(Entry(path), str(path)).observations
    assert not errors and isinstance(columns, ColumnRows) and len(columns) == 500
    cached = store._CACHE[next(iter(store._CACHE))].observations
    found = reference.lookup("m.s7", parse_period("2015"))
    assert found.candidates[0].value == 7 * 2015 and found.candidates[0].rows[0].location.line == 3 + 7 * 10 + 6
    assert len(cached.made) == 1  # one row of 500 made: the one the lookup reached


def test_a_file_of_no_rows_keeps_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text(HEADER, encoding="utf-8")
    data = load_file(Entry(path), str(path))
    assert data.observations == [] and not data.errors

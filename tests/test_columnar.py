"""Parquet and DuckDB reference data read as a long CSV of the same table would be.

Every table here is written by DuckDB in the test (from a long CSV, as text and with
typed columns); after the same ``finish`` step every loader goes through, its
observations must equal the CSV's, field for field except the position.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.reference.cells import RowDefaults
from checker.reference.columnar import load_duckdb, load_parquet
from checker.reference.entry import Entry
from checker.reference.finish import finish
from checker.reference.shapes import load_file

duckdb = pytest.importorskip("duckdb", reason="needs the parquet extra: pip install 'claimcheck[parquet]'")

CSV = """\
entity,metric,period,value,unit,source,vintage,note
meta,net_income,2022-Q3,4395000000,USD,https://example.com/q3,,
meta,net_income,2021-Q3,9194000000,USD,https://example.com/q3,,restated
meta,close,2022-11-03,88.910,USD,https://example.com/close,,
meta,close,2022-11-04,90.790,USD,https://example.com/close,,
,us.gdp,2022,25462.7,USD bn,https://example.com/gdp,2023-01-26,advance
,us.gdp,2022,25744.1,USD bn,https://example.com/gdp,2023-09-28,
meta,layoffs,2022-11,11000,people,https://example.com/layoffs,,
"""


def comparable(data: object) -> list[tuple]:
    """The observations' fields; a CSV's extra column ``note`` is a note there and never read from DuckDB."""
    return [(o.metric, o.period, o.value, o.precision, o.unit, o.source, o.vintage,
             {key: value for key, value in o.notes.items() if key != "note"}) for o in data.observations]


def finished(data: object, path: Path) -> object:
    return finish(data, Entry(path))


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    (tmp_path / "r.csv").write_text(CSV, encoding="utf-8")
    return tmp_path / "r.csv"


def from_csv(csv_file: Path, select: str = "*") -> str:
    return f"SELECT {select} FROM read_csv('{csv_file}', all_varchar = true, header = true)"


def test_a_parquet_file_of_text_columns_reads_as_the_csv(csv_file: Path, tmp_path: Path) -> None:
    duckdb.sql(f"COPY ({from_csv(csv_file)}) TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    data = load_parquet(tmp_path / "r.parquet", "r.parquet")
    assert data.errors == []
    assert comparable(finished(data, tmp_path / "r.parquet")) == comparable(load_file(csv_file, "r.csv"))
    assert str(data.observations[1].location) == "r.parquet:2:1"


def test_typed_columns_keep_the_digits_a_csv_would_hold(csv_file: Path, tmp_path: Path) -> None:
    typed = ("entity, metric, period, CAST(value AS DECIMAL(18, 3)) AS value, unit, source, "
             "CAST(vintage AS DATE) AS vintage, note")
    duckdb.sql(f"COPY ({from_csv(csv_file, typed)} WHERE metric = 'close') TO '{tmp_path / 't.parquet'}' "
               "(FORMAT parquet)")
    data = finished(load_parquet(tmp_path / "t.parquet", "t.parquet"), tmp_path / "t.parquet")
    expected = [row for row in comparable(load_file(csv_file, "r.csv")) if row[0] == "meta.close"]
    assert data.errors == [] and comparable(data) == expected
    assert [str(o.value) for o in data.observations] == ["88.910", "90.790"]


def test_a_duckdb_database_table_reads_as_the_csv(csv_file: Path, tmp_path: Path) -> None:
    database = tmp_path / "r.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"CREATE TABLE observations AS {from_csv(csv_file)}")
    data = load_duckdb(database, "r.duckdb")
    assert data.errors == []
    assert comparable(finished(data, database)) == comparable(load_file(csv_file, "r.csv"))


def test_only_the_metrics_asked_for_are_read(csv_file: Path, tmp_path: Path) -> None:
    duckdb.sql(f"COPY ({from_csv(csv_file)}) TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    data = load_parquet(tmp_path / "r.parquet", "r.parquet", metrics={"us.gdp", "meta.layoffs"})
    assert sorted({o.metric for o in data.observations}) == ["meta.layoffs", "us.gdp"]
    assert len(data.observations) == 3 and data.errors == []


def test_a_bad_row_is_the_csv_error_at_its_row_and_column(tmp_path: Path) -> None:
    duckdb.sql(f"""COPY (SELECT * FROM (VALUES ('meta', 'close', '2022-11-03', '88.91', 'USD', 'https://e.com'),
                                              ('meta', 'close', '2022-11-04', 'n/a', 'USD', 'https://e.com')
                       ) AS t(entity, metric, period, value, unit, source))
                   TO '{tmp_path / 'bad.parquet'}' (FORMAT parquet)""")
    data = load_parquet(tmp_path / "bad.parquet", "bad.parquet")
    assert len(data.observations) == 1
    assert [str(error) for error in data.errors] == ["bad.parquet:2:4: value 'n/a' is not a number"]


def test_defaults_fill_what_the_rows_leave_out(tmp_path: Path) -> None:
    duckdb.sql(f"COPY (SELECT 'close' AS metric, '2022-11-03' AS period, 88.91 AS value) "
               f"TO '{tmp_path / 'd.parquet'}' (FORMAT parquet)")
    data = load_parquet(tmp_path / "d.parquet", "d.parquet",
                        RowDefaults(entity="meta", unit="USD", source="https://e.com"))
    assert [(o.metric, o.unit, o.source, str(o.value)) for o in data.observations] == [
        ("meta.close", "USD", "https://e.com", "88.91")]


@pytest.mark.parametrize("table,message", [
    ("SELECT 'meta' AS entity, 'close' AS metric, 1 AS value", "not the long shape: no column period"),
])
def test_a_table_of_another_shape_is_one_error(tmp_path: Path, table: str, message: str) -> None:
    duckdb.sql(f"COPY ({table}) TO '{tmp_path / 'x.parquet'}' (FORMAT parquet)")
    data = load_parquet(tmp_path / "x.parquet", "x.parquet")
    assert data.observations == [] and [error.message.split(" (")[0] for error in data.errors] == [message]


def test_a_database_without_the_table_is_one_error(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "e.duckdb")) as connection:
        connection.execute("CREATE TABLE other (x INTEGER)")
    data = load_duckdb(tmp_path / "e.duckdb", "e.duckdb")
    assert len(data.errors) == 1 and str(data.errors[0]).startswith("e.duckdb:1:1: cannot read DuckDB file: ")


@pytest.mark.parametrize("suffix", [".parquet", ".duckdb"])
def test_check_gives_the_csv_verdicts_from_parquet_and_duckdb(tmp_path: Path, suffix: str) -> None:
    """End to end: the worked example's claim file naming its reference as Parquet or DuckDB."""
    from checker import check
    from checker.reference import clear_cache

    base = Path(__file__).parent / "bad_inputs" / "base"
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text((base / "article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "reference").mkdir()
    csv_file = tmp_path / "reference" / "meta.csv"
    csv_file.write_text((base / "reference" / "meta.csv").read_text(encoding="utf-8"), encoding="utf-8")
    table = tmp_path / "reference" / f"meta{suffix}"
    if suffix == ".parquet":
        duckdb.sql(f"COPY ({from_csv(csv_file)}) TO '{table}' (FORMAT parquet)")
    else:
        with duckdb.connect(str(table)) as connection:
            connection.execute(f"CREATE TABLE observations AS {from_csv(csv_file)}")
    claims = (base / "good.yaml").read_text(encoding="utf-8")
    (tmp_path / "csv.yaml").write_text(claims, encoding="utf-8")
    (tmp_path / "columnar.yaml").write_text(claims.replace("reference/meta.csv", f"reference/meta{suffix}"),
                                            encoding="utf-8")
    clear_cache()
    verdicts = {name: [(r.id, r.verdict, r.explanation.replace(f"meta{suffix}", "meta.csv"))
                       for r in check([tmp_path / f"{name}.yaml"]).results] for name in ("csv", "columnar")}
    assert verdicts["csv"] == verdicts["columnar"] and verdicts["csv"][0][1] == "supported"

"""Issue 23 (hardening, round 3): Parquet and DuckDB reference files are data, never programs.

Every file here is written by real DuckDB in the test and read by the real command; each
attack must end in one line and exit 2 (or be read as plain rows), and nothing outside
the claim repository may reach the output.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.reference import clear_cache
from checker.reference.columnar import MAX_CELL_BYTES, load_parquet

duckdb = pytest.importorskip("duckdb", reason="needs the parquet extra: pip install 'claimcheck[parquet]'")

ROOT = Path(__file__).resolve().parents[1]
SECRET = "outside-the-repository-7f3a"
CANARY = "canary-from-the-environment-91c2"
CLAIMS = """\
version: 1
article: {{file: article.txt, published: 2013-06-01, language: en}}
reference: [{reference}]
claims:
  - id: u6
    quote: 14 percent
    value: 14 percent
    metric: us.u6
    period: 2013-04
"""
ROW = "SELECT 'us' AS entity, 'u6' AS metric, '2013-04' AS period, '{value}' AS value, 'Percent' AS unit"


def repository(root: Path, reference: str) -> Path:
    """A claim repository in ``root/repo`` naming ``reference``; a secret file beside it, outside."""
    repo = root / "repo"
    repo.mkdir()
    (repo / "claimcheck.yaml").write_text("")
    (repo / "article.txt").write_text("U-6 was 14 percent.\n")
    (repo / "claims.yaml").write_text(CLAIMS.format(reference=reference))
    (root / "secret.txt").write_text(SECRET)
    return repo


def run_cli(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    environment.update({"PYTHONPATH": str(ROOT), "CLAIMCHECK_CANARY": CANARY})
    return subprocess.run([sys.executable, "-m", "checker", *arguments], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=environment, timeout=300)


def copy_to_parquet(select: str, path: Path) -> None:
    duckdb.sql(f"COPY ({select}) TO '{path}' (FORMAT parquet)")


def test_a_view_reading_a_file_outside_and_the_environment_is_refused(tmp_path: Path) -> None:
    """Class: a database's ``observations`` as a VIEW is a query run by claimcheck (issue 23, severe 1)."""
    repo = repository(tmp_path, "r.duckdb")
    with duckdb.connect(str(repo / "r.duckdb")) as connection:
        connection.execute(
            f"CREATE VIEW observations AS {ROW.format(value='14')}, "
            f"(SELECT content FROM read_text('{tmp_path / 'secret.txt'}')) || "
            "(SELECT content FROM read_text('/proc/self/environ')) AS source")
    for arguments in (("check", "claims.yaml", "--format", "json"), ("explain", "claims.yaml#u6")):
        clear_cache()
        done = run_cli(*arguments, cwd=repo)
        printed = done.stdout + done.stderr
        assert done.returncode == 2, printed
        assert "r.duckdb:1:1: observations is a view; claimcheck reads only tables" in printed
        assert SECRET not in printed and CANARY not in printed and "Traceback" not in printed


@pytest.mark.parametrize("column", ["value VARCHAR GENERATED ALWAYS AS (length(repeat(period, 200))::VARCHAR) VIRTUAL",
                                    "value VARCHAR DEFAULT '14'"])
def test_a_table_whose_column_is_an_expression_is_refused(tmp_path: Path, column: str) -> None:
    """Class: a generated column is a query as a view is, run at every read (its repeat() any CPU a few bytes
    ask): its rows were read as data. A default is refused with it (DuckDB reports both the same way)."""
    repo = repository(tmp_path, "r.duckdb")
    with duckdb.connect(str(repo / "r.duckdb")) as connection:
        connection.execute("CREATE TABLE observations (entity VARCHAR, metric VARCHAR, period VARCHAR, "
                           f"{column}, unit VARCHAR, source VARCHAR)")
        connection.execute("INSERT INTO observations (entity, metric, period, unit, source) "
                           "VALUES ('us', 'u6', '2013-04', 'Percent', 's')")
    done = run_cli("check", "claims.yaml", "--format", "json", cwd=repo)
    assert done.returncode == 2, done.stdout + done.stderr
    assert ("r.duckdb:1:1: observations.value is computed by an expression, not stored; claimcheck reads only "
            "stored values") in done.stderr
    assert [result["verdict"] for result in json.loads(done.stdout)["results"]] == ["error"]


def test_a_database_connection_reaches_no_file_and_loads_no_extension(tmp_path: Path) -> None:
    """The sandbox itself: whatever a query in the file asks, files, the network and extensions are off."""
    from checker.reference.duckdb_sandbox import open_database

    (tmp_path / "secret.txt").write_text(SECRET)
    with duckdb.connect(str(tmp_path / "t.duckdb")) as connection:
        connection.execute(f"CREATE TABLE observations AS {ROW.format(value='14')}, 's' AS source")
    with open_database(duckdb, tmp_path / "t.duckdb") as connection:
        for attack in (f"SELECT * FROM read_text('{tmp_path / 'secret.txt'}')",
                       "SELECT * FROM read_csv('https://127.0.0.1:9/x.csv')",
                       "INSTALL httpfs", "SET enable_external_access = true"):
            with pytest.raises(duckdb.Error):
                connection.execute(attack).fetchall()
        assert connection.execute("SELECT value FROM observations").fetchall() == [("14",)]


def test_a_parquet_path_with_glob_characters_is_refused_not_expanded(tmp_path: Path) -> None:
    """Class: DuckDB globs a path, so ``data[1].parquet`` read ``data1.parquet`` (a silent wrong verdict)."""
    repo = repository(tmp_path, "'data[1].parquet'")
    copy_to_parquet(f"{ROW.format(value='14')}, 's' AS source", repo / "data[1].parquet")
    copy_to_parquet(f"{ROW.format(value='99')}, 's' AS source", repo / "data1.parquet")
    done = run_cli("check", "claims.yaml", "--format", "json", cwd=repo)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "data[1].parquet:1:1: a Parquet path may not hold *, ?, [" in done.stderr
    assert [result["verdict"] for result in json.loads(done.stdout)["results"]] == ["error"]
    assert "Traceback" not in done.stderr
    quoted = "it's'] , 'data1.parquet"  # the one allowed path is written into SQL: quoted, never run
    (repo / "data[1].parquet").rename(repo / quoted)
    data = load_parquet(repo / quoted, quoted)
    assert data.errors == [] and [str(row.value) for row in data.observations] == ["14"]


def test_a_parquet_file_over_max_bytes_is_refused_unread(tmp_path: Path) -> None:
    """Class: the size limit bounded text reference files only; a binary one of any size was read."""
    repo = repository(tmp_path, "r.parquet")
    copy_to_parquet(f"{ROW.format(value='14')}, 's' || range AS source FROM range(50000)", repo / "r.parquet")
    size = (repo / "r.parquet").stat().st_size
    assert 2_000 < size < 1_000_000
    done = run_cli("check", "claims.yaml", "--max-reference-bytes", "2000", cwd=repo)
    assert done.returncode == 2
    assert (f"r.parquet:1:1: reference file is {size} bytes, over the 2000-byte limit of --max-reference-bytes"
            in done.stderr)


def test_a_cell_that_decompresses_past_its_limit_is_refused(tmp_path: Path) -> None:
    """Class: a few kilobytes of Parquet held 200 cells of 1 MB each (a repeated string compresses away)."""
    copy_to_parquet(f"{ROW.format(value='14')}, repeat('x', 1000000) AS source FROM range(200)",
                    tmp_path / "bomb.parquet")
    assert (tmp_path / "bomb.parquet").stat().st_size < 100_000
    data = load_parquet(tmp_path / "bomb.parquet", "bomb.parquet")
    assert data.observations == []
    assert [str(error) for error in data.errors] == [
        "bomb.parquet:1:1: column source holds a cell of 1000000 bytes, "
        f"over the {MAX_CELL_BYTES}-byte limit of a cell"]


def test_the_rows_read_are_bounded_by_max_bytes_as_their_csv_would_be(tmp_path: Path) -> None:
    """Class: rows of the claimed metric, filtered in DuckDB, were all fetched whatever their number."""
    copy_to_parquet(f"SELECT 'us' AS entity, 'u6' AS metric, strftime(DATE '2000-01-01' + range::INTEGER, '%Y-%m-%d') "
                    "AS period, '14' AS value, 'Percent' AS unit, 's' AS source FROM range(100000)",
                    tmp_path / "many.parquet")
    assert (tmp_path / "many.parquet").stat().st_size < 1_000_000
    refused = load_parquet(tmp_path / "many.parquet", "many.parquet", metrics={"us.u6"}, max_bytes=1_000_000)
    assert refused.observations == [] and len(refused.errors) == 1
    assert "many.parquet:1:1: the rows to read are 3000000 bytes as text, over the 1000000-byte limit" in str(
        refused.errors[0])
    assert len(load_parquet(tmp_path / "many.parquet", "many.parquet", metrics={"us.u6"},
                            max_bytes=4_000_000).observations) == 100_000


def test_columns_outside_the_long_shape_are_never_read(tmp_path: Path) -> None:
    """Class: every column was fetched (as a note), so a wide or huge extra column cost its whole size."""
    copy_to_parquet(f"{ROW.format(value='14')}, 's' AS source, repeat('y', 1000000) AS blob FROM range(3)",
                    tmp_path / "wide.parquet")
    data = load_parquet(tmp_path / "wide.parquet", "wide.parquet")
    assert data.errors == [] and len(data.observations) == 3
    assert all("blob" not in row.notes for row in data.observations)

"""A claim file checked against a Parquet file or DuckDB database gets the CSV's verdicts.

The reference rows are written by DuckDB in the test from a long CSV; only the metrics
the claims name are read from the database file (the filter runs in DuckDB).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check
from checker.reference import ReferenceData, clear_cache

duckdb = pytest.importorskip("duckdb", reason="needs the parquet extra: pip install 'claimcheck[parquet]'")

CSV = """\
entity,metric,period,value,unit,source
us,payrolls,2021-08,147246,Thousands of Persons,https://fred.stlouisfed.org/series/PAYEMS
us,payrolls,2021-09,147712,Thousands of Persons,https://fred.stlouisfed.org/series/PAYEMS
us,u6,2013-04,14,Percent,https://fred.stlouisfed.org/series/U6RATE
us,u6,2013-05,13.9,Percent,https://fred.stlouisfed.org/series/U6RATE
us,unused,2020,1,Percent,https://example.com/unused
"""
CLAIMS = """\
version: 1
article: {{file: article.txt, published: 2021-10-20, language: en}}
reference: [{reference}]
claims:
  - id: jobs
    quote: added 466,000 jobs
    value: 466,000 jobs
    relation: difference
    of: [{{metric: us.payrolls, period: 2021-09}}, {{metric: us.payrolls, period: 2021-08}}]
  - id: u6
    quote: 13.5 percent
    value: 13.5 percent
    metric: us.u6
    period: 2013-04
"""


def repository(root: Path, reference: str) -> Path:
    (root / "claimcheck.yaml").write_text("")
    (root / "article.txt").write_text("Employers added 466,000 jobs. U-6 was 13.5 percent.\n")
    (root / "r.csv").write_text(CSV)
    (root / "claims.yaml").write_text(CLAIMS.format(reference=reference))
    return root / "claims.yaml"


def verdicts(path: Path) -> dict[str, tuple[str, str]]:
    clear_cache()
    return {r.id: (r.verdict, r.explanation) for r in check([path]).results}


def test_parquet_and_duckdb_give_the_csv_verdicts(tmp_path: Path) -> None:
    expected = verdicts(repository(tmp_path, "r.csv"))
    assert {key: value[0] for key, value in expected.items()} == {"jobs": "supported", "u6": "imprecise"}
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{tmp_path / 'r.csv'}', all_varchar=true)) "
               f"TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    assert verdicts(repository(tmp_path, "r.parquet")) == expected
    with duckdb.connect(str(tmp_path / "r.duckdb")) as connection:
        connection.execute(f"CREATE TABLE observations AS SELECT * FROM read_csv('{tmp_path / 'r.csv'}', "
                           "all_varchar=true)")
    assert verdicts(repository(tmp_path, "r.duckdb")) == expected


def test_only_the_claimed_metrics_leave_the_database(tmp_path: Path) -> None:
    repository(tmp_path, "r.csv")
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{tmp_path / 'r.csv'}', all_varchar=true)) "
               f"TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    clear_cache()
    data, errors = ReferenceData.load([tmp_path / "r.parquet"], metrics={"us.u6"})
    assert errors == [] and data.metrics() == {"us.u6"}


def test_a_renamed_database_is_read_whole(tmp_path: Path) -> None:
    """An entry that renames the entity: the claims name keys the file does not hold, so no filter applies."""
    repository(tmp_path, "r.csv")
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{tmp_path / 'r.csv'}', all_varchar=true)) "
               f"TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    clear_cache()
    from checker.reference.entry import Entry
    data, errors = ReferenceData.load([Entry(tmp_path / "r.parquet", entity="usa")], metrics={"usa.u6"})
    assert errors == [] and "usa.u6" in data.metrics()

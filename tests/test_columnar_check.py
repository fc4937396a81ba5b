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


DESK_CSV = CSV + "us,broken,2021-09,n/a,Percent,https://example.com/broken\n"
DESK = {
    "jobs.yaml": "  - id: jobs\n    quote: added 466,000 jobs\n    value: 466,000 jobs\n    relation: difference\n"
                 "    of: [{metric: us.payrolls, period: 2021-09}, {metric: us.payrolls, period: 2021-08}]\n"
                 "  - id: typo\n    quote: 13.5 percent\n    value: 13.5 percent\n    metric: us.u7\n"
                 "    period: 2013-04\n",
    "u6.yaml": "  - id: u6\n    quote: 13.5 percent\n    value: 13.5 percent\n    metric: us.u6\n    period: 2013-04\n",
    "broken.yaml": "  - id: broken\n    quote: 13.5 percent\n    value: 13.5 percent\n    metric: us.broken\n"
                   "    period: 2021-09\n",
}


def desk(root: Path, reference: str) -> list[Path]:
    """Three claim files naming one reference file, each asking its own metrics of it."""
    (root / "claimcheck.yaml").write_text("")
    (root / "article.txt").write_text("Employers added 466,000 jobs. U-6 was 13.5 percent.\n")
    (root / "r.csv").write_text(DESK_CSV)
    header = ("version: 1\narticle: {file: article.txt, published: 2021-10-20, language: en}\n"
              f"reference: [{reference}]\nclaims:\n")
    for name, claims in DESK.items():
        (root / name).write_text(header + claims)
    return [root / name for name in DESK]


def outcome(paths: list[Path]) -> tuple[dict[str, tuple[str, str]], list[str]]:
    clear_cache()
    report = check(paths)
    return {r.id: (r.verdict, r.explanation) for r in report.results}, sorted(str(e) for e in report.errors)


@pytest.mark.parametrize("suffix", [".parquet", ".duckdb"])
def test_claim_files_sharing_a_database_query_it_once_with_the_verdicts_of_each_alone(
        tmp_path: Path, suffix: str) -> None:
    """One query for the run; each file still sees only its own rows: its bad rows, its suggestions."""
    from checker.reference import columnar

    paths = desk(tmp_path, f"r{suffix}")
    source = f"read_csv('{tmp_path / 'r.csv'}', all_varchar=true)"
    if suffix == ".parquet":
        duckdb.sql(f"COPY (SELECT * FROM {source}) TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    else:
        with duckdb.connect(str(tmp_path / "r.duckdb")) as connection:
            connection.execute(f"CREATE TABLE observations AS SELECT * FROM {source}")
    alone_results, alone_errors = {}, []
    for path in paths:
        results, errors = outcome([path])
        alone_results.update(results)
        alone_errors += errors
    together = outcome(paths)
    assert len(columnar._SELECTIONS) == 1  # every file's rows came from one query
    assert together == (alone_results, sorted(alone_errors))
    assert {key: value[0] for key, value in alone_results.items()} == {
        "jobs": "supported", "typo": "error", "u6": "imprecise", "broken": "error"}
    assert "us.u6" not in alone_results["typo"][1]  # no suggestion from another file's rows
    # the bad row once, numbered as broken.yaml's own query numbers it (the run's query holds it fifth)
    assert len(alone_errors) == 1 and alone_errors[0].endswith(f"r{suffix}:1:4: value 'n/a' is not a number")


def test_claim_files_sharing_a_parquet_file_get_the_csv_verdicts(tmp_path: Path) -> None:
    paths = desk(tmp_path, "r.csv")
    expected, _ = outcome(paths)
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{tmp_path / 'r.csv'}', all_varchar=true)) "
               f"TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    parquet, _ = outcome(desk(tmp_path, "r.parquet"))
    del expected["typo"], parquet["typo"]  # a CSV is read whole, so its unknown key's suggestion differs
    assert parquet == expected


def test_a_run_sharing_a_parquet_file_reads_each_claim_file_once(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Gathering the run's keys reads the files not yet checked, and their checks take those copies:
    no claim file is read twice (issue 25, item 2)."""
    from checker.claimfile import load_claim_file
    from checker.evaluation import engine, shared_keys

    paths = desk(tmp_path, "r.parquet")
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{tmp_path / 'r.csv'}', all_varchar=true)) "
               f"TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    reads: list[Path] = []

    def counted(path: Path, max_bytes: int) -> tuple:
        reads.append(path)
        return load_claim_file(path, max_bytes=max_bytes)

    monkeypatch.setattr(engine, "load_claim_file", counted)
    monkeypatch.setattr(shared_keys, "load_claim_file", counted)
    outcome(paths)  # its verdicts: test_claim_files_sharing_a_database_query_it_once_with_the_verdicts_of_each_alone
    assert sorted(reads) == sorted(paths)


def test_worker_processes_sharing_a_parquet_file_give_the_serial_verdicts(tmp_path: Path) -> None:
    """Each worker process collects the run's keys itself (nothing is shared between processes)."""
    import argparse

    from checker import runner

    paths = desk(tmp_path, "r.parquet")
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{tmp_path / 'r.csv'}', all_varchar=true)) "
               f"TO '{tmp_path / 'r.parquet'}' (FORMAT parquet)")
    serial = outcome(paths)
    options = argparse.Namespace(workers=2, scheduler=None, scheduler_timeout=60, verbose=False)
    clear_cache()
    with runner.opened(options) as map_files:
        report = check(paths, map_files=map_files)
    assert ({r.id: (r.verdict, r.explanation) for r in report.results},
            sorted(str(e) for e in report.errors)) == serial

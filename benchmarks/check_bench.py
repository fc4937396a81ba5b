"""Benchmark ``claimcheck check`` and ``scan``: speed and peak memory against the parse floor.

Sections (``--sections``, all by default), each measured in fresh subprocesses so
peak RSS belongs to that run alone (the parent's; worker processes are not counted).
Times exclude importing Python modules (the floor imports no claimcheck either),
except for ``scan``, timed as the whole command:

* ``single``: one claim file of N claims (default 1k, 10k, 100k) quoting one article,
  against a long CSV of 10·N reference rows; the floor is parsing the same claim file
  with PyYAML's fastest safe loader and reading the CSV. Wall and cpu seconds both, and
  each as a multiple of the floor's, memory too (issue 25's goal: at most 3x): on a
  shared machine the cpu seconds are the ones to compare. ``--against REV [REV ...]``
  checks the same inputs with each older commit too (a temporary worktree each), one
  line per commit after this tree's, so a change is measured side by side in one run.
* ``yaml``: the position-keeping loader (``checker.claimfile.yamlpos``) on the largest
  claim file, with libyaml's composer and with the pure-Python fallback, next to
  ``yaml.load`` with ``CSafeLoader`` (positions thrown away).
* ``repository``: a desk's repository, 20 claims per file (default 2k claims in 100
  files and 20k in 1,000), all naming one long CSV (10 rows per claim): the floor
  (YAML + CSV parse) next to ``check`` serial, ``--workers 2`` and a Dask cluster of
  two worker processes (a LocalCluster on loopback started here, warmed by one small
  run so its workers have imported claimcheck, as on a long-lived cluster).
* ``parquet``: a 5M-row long-shape Parquet file (written by DuckDB) read for the 2,000
  metrics of 2,000 claims by ``checker.reference.columnar`` (the filter pushed down),
  next to the long CSV of just those rows read by the CSV loader; then ``check`` on
  2,000 claims in 100 files all naming a 5M-row Parquet file (queried once per run)
  next to the same files naming a CSV of the rows they need, verdicts compared.
* ``scan``: ``claimcheck scan`` on the finance corpus
  (``../shared/peer-corpora/finance_sentiment_corpus``, both columns, written to a
  temporary folder as articles of 50 sentences), serial and on the Dask cluster,
  in sentences/s.

Every run prints first the claimcheck version and commit it measured. Each side is the
fastest of ``--repeat`` runs (default 1) in a fresh process, with no warm-up run: a
check is run cold, as a user runs it. Memory is the peak RSS minus the RSS after
imports, the part the work itself holds, not the interpreter and its modules.
``--short`` (CI, ``.ci/run``) runs every section at small sizes: it keeps the benchmark
running at every commit; its figures are not the ones to quote.

    python benchmarks/check_bench.py [--sections single yaml repository scan parquet]
        [--sizes 1000 10000 100000] [--repository-sizes 2000 20000] [--repeat N] [--short]
        [--against REV [REV ...]]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the checkout's claimcheck, the one whose commit the first line names
PERIODS = [str(year) for year in range(2010, 2020)]
FINANCE = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora" / "finance_sentiment_corpus" / "finance_data.csv"
CLAIMS_PER_FILE = 20
#: Runs per measured side (``--repeat``); the fastest is reported.
REPEAT = 1
#: ``--short`` (CI, ``.ci/run``): small sizes that keep every section running at every commit.
SHORT = {"sizes": [300], "repository_sizes": [200], "parquet_rows": 100_000, "parquet_claims": 200, "scan_sentences": 300}


def write_repository(folder: Path, size: int, seed: int = 7) -> Path:
    """A claim file, its article and its reference CSV, all consistent, some claims wrong on purpose."""
    rng = random.Random(seed)
    sentences, claims, rows = [], [], ["entity,metric,period,value,unit,source"]
    for index in range(size):
        values = {period: rng.randint(10, 9999) for period in PERIODS}
        for period, value in values.items():
            rows.append(f"bench,m{index},{period},{value * 100_000_000},USD,https://example.org/bench/{index}")
        period = rng.choice(PERIODS)
        stated = values[period] if rng.random() < 0.9 else values[period] * 2
        sentence = f"지표 {index}번은 {period}년 {stated}억 달러를 기록했다."
        sentences.append(sentence)
        claims.append(
            f"  - id: c{index}\n    quote: \"{sentence}\"\n    value: {stated}억 달러\n"
            f"    metric: bench.m{index}\n    period: {period}\n"
        )
    (folder / "article.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    (folder / "reference.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    header = ("version: 1\narticle: {file: article.txt, published: 2024-02-19, language: ko}\n"
              "reference: [reference.csv]\nclaims:\n")
    path = folder / "claims.yaml"
    path.write_text(header + "".join(claims), encoding="utf-8")
    return path


def write_desk(folder: Path, claims: int, seed: int = 7) -> Path:
    """A repository of claim files of 20 claims each, one article per file, all naming one long CSV."""
    rng = random.Random(seed)
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "claims").mkdir()
    (folder / "articles").mkdir()
    rows = ["entity,metric,period,value,unit,source"]
    for file in range(claims // CLAIMS_PER_FILE):
        sentences, body = [], []
        for number in range(CLAIMS_PER_FILE):
            index = file * CLAIMS_PER_FILE + number
            values = {period: rng.randint(10, 9999) for period in PERIODS}
            rows += [f"bench,m{index},{period},{value * 100_000_000},USD,https://example.org/bench/{index}"
                     for period, value in values.items()]
            period = rng.choice(PERIODS)
            stated = values[period] if rng.random() < 0.9 else values[period] * 2
            sentence = f"지표 {index}번은 {period}년 {stated}억 달러를 기록했다."
            sentences.append(sentence)
            body.append(f"  - id: c{index}\n    quote: \"{sentence}\"\n    value: {stated}억 달러\n"
                        f"    metric: bench.m{index}\n    period: {period}\n")
        (folder / "articles" / f"a{file:04d}.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
        header = (f"version: 1\narticle: {{file: ../articles/a{file:04d}.txt, published: 2024-02-19, language: ko}}\n"
                  "reference: [../reference.csv]\nclaims:\n")
        (folder / "claims" / f"a{file:04d}.yaml").write_text(header + "".join(body), encoding="utf-8")
    (folder / "reference.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def write_finance_articles(folder: Path, limit: int | None, per_article: int = 50) -> tuple[list[str], int]:
    """The corpus's English and Korean sentences (the first ``limit`` of each) as articles of ``per_article`` lines."""
    with FINANCE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))[:limit]
    names = []
    for column in ("sentence", "kor_sentence"):
        lines = [row[column] for row in rows]
        for start in range(0, len(lines), per_article):
            names.append(f"{column}-{start // per_article:03d}.txt")
            (folder / names[-1]).write_text("\n".join(lines[start:start + per_article]) + "\n", encoding="utf-8")
    return names, 2 * len(rows)


MEASURE = r"""
import argparse, csv, glob, json, os, resource, sys, time
import yaml
mode, path, where = sys.argv[1], sys.argv[2], sys.argv[3]
from checker import check, runner
from checker.claimfile import yamlpos
from pathlib import Path
from checker.reference.columnar import load_parquet
from checker.reference.entry import Entry
from checker.reference.finish import finish
from checker.reference.shapes import load_file
if mode == "parquet":
    import duckdb  # noqa: F401  (the reader's engine: an import, not work)
# Memory is counted from here: what the interpreter and the imports hold is no part of the work.
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start, cpu = time.perf_counter(), time.process_time()  # imports excluded: the floor imports no claimcheck either
summary = {}
if mode == "check":
    options = argparse.Namespace(workers=int(where) if where.isdigit() else 1,
                                 scheduler=None if where.isdigit() else where, scheduler_timeout=300, verbose=False)
    with runner.opened(options) as map_files:
        report = check([path], max_bytes=1 << 34, map_files=map_files)
    count = len(report.results)
    summary = report.summary()
elif mode in ("parquet", "csv-needed"):
    if mode == "parquet":
        with open(where, encoding="utf-8") as stream:
            wanted = set(json.load(stream))
        data = finish(load_parquet(Path(path), path, metrics=wanted), Entry(Path(path)))
    else:
        data = load_file(Path(path), path)
    count = len(data.observations)
    summary = {"errors": len(data.errors)}
elif mode.startswith("yamlpos-"):
    with open(path, encoding="utf-8") as stream:
        count = len(yamlpos.load(stream.read(), path, mode.split("-", 1)[1]).value["claims"])
else:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    files = sorted(glob.glob(os.path.join(path, "*.yaml"))) if os.path.isdir(path) else [path]
    count = 0
    for name in files:
        with open(name, encoding="utf-8") as stream:
            count += len(yaml.load(stream, Loader=loader)["claims"])
    if mode == "yaml":
        csv_path = os.path.join(path, "..", "reference.csv") if os.path.isdir(path) \
            else path.replace("claims.yaml", "reference.csv")
        with open(csv_path, encoding="utf-8") as stream:
            sum(1 for _ in csv.reader(stream))
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "cpu": cpu, "count": count, "work_mb": peak - baseline, "imports_mb": baseline,
                  "summary": summary}))
"""


def measure(mode: str, path: Path, where: str = "1", tree: Path = ROOT) -> dict:
    """The fastest of ``REPEAT`` runs, each in a fresh process: a cold run as a user's, no warm-up in it.

    ``tree``: the checkout whose claimcheck the process imports (first on its path).
    """
    runs = []
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    for _ in range(REPEAT):
        output = subprocess.run([sys.executable, "-c", MEASURE, mode, str(path), where], check=True,
                                capture_output=True, text=True, cwd=tree, env=environment)
        runs.append(json.loads(output.stdout.splitlines()[-1]))  # the measurement is the last line printed
    return min(runs, key=lambda run: run["seconds"])


def timed_command(*arguments: str, cwd: Path) -> float:
    """Seconds for ``python -m checker ARGUMENTS`` in ``cwd`` (a failure stops the benchmark)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "checker", *arguments], cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


@contextmanager
def dask_cluster() -> Iterator[str | None]:
    """A scheduler and two single-threaded worker processes on loopback, or None without the dask extra."""
    try:
        from distributed import LocalCluster
    except ImportError:
        yield None
        return
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def single(sizes: list[int], trees: list[tuple[str, Path]]) -> None:
    print(f"{'claims':>8} {'ref rows':>9} {'check s':>9} {'claims/s':>10} {'MB':>8} "
          f"{'yaml s':>8} {'yaml claims/s':>14} {'yaml MB':>8} {'check/yaml':>10} "
          f"{'check cpu s':>12} {'yaml cpu s':>11} {'cpu x':>6} {'MB x':>6}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            path = write_repository(Path(folder), size)
            generated = time.perf_counter() - started
            floor = measure("yaml", path)
            for label, tree in trees:
                checked = measure("check", path, tree=tree)
                assert checked["count"] == size, checked
                print(f"{size:>8} {size * 10:>9} {checked['seconds']:>9.2f} {size / checked['seconds']:>10.0f} "
                      f"{checked['work_mb']:>8.0f} {floor['seconds']:>8.2f} {size / floor['seconds']:>14.0f} "
                      f"{floor['work_mb']:>8.0f} {checked['seconds'] / floor['seconds']:>9.1f}x "
                      f"{checked['cpu']:>12.2f} {floor['cpu']:>11.2f} {checked['cpu'] / floor['cpu']:>5.1f}x "
                      f"{checked['work_mb'] / floor['work_mb']:>5.1f}x"
                      f"   ({label}; generated in {generated:.1f}s; verdicts {checked['summary']})", flush=True)


def yaml_loaders(size: int) -> None:
    from checker.claimfile.yamlpos import COMPOSERS

    with tempfile.TemporaryDirectory() as folder:
        path = write_repository(Path(folder), size)
        floor = measure("yaml-only", path)
        print(f"\nYAML, one claim file of {size} claims ({path.stat().st_size / 1e6:.1f} MB):")
        print(f"  yaml.load CSafeLoader (no positions) {floor['seconds']:>7.2f} s (cpu {floor['cpu']:.2f} s) "
              f"{floor['work_mb']:>6.0f} MB")
        for name in COMPOSERS:
            loaded = measure(f"yamlpos-{name}", path)
            assert loaded["count"] == size
            print(f"  yamlpos, {name:<6} composer          {loaded['seconds']:>7.2f} s (cpu {loaded['cpu']:.2f} s) "
                  f"{loaded['work_mb']:>6.0f} MB  ({loaded['cpu'] / floor['cpu']:.2f}x the C loader's cpu)", flush=True)


def repository(sizes: list[int], scheduler: str | None) -> None:
    print(f"\nRepository, {CLAIMS_PER_FILE} claims per file, one shared CSV of 10 rows per claim"
          " (MB: the parent process's):")
    print(f"{'claims':>7} {'files':>6} {'ref rows':>9} {'floor s':>8} {'serial s':>9} {'x floor':>8} "
          f"{'cpu floor':>10} {'cpu serial':>11} {'x floor':>8} {'MB':>5} {'workers=2 s':>12} {'dask 2w s':>10}")
    if scheduler:
        with tempfile.TemporaryDirectory() as folder:  # workers import claimcheck once, as on a long-lived cluster
            measure("check", write_desk(Path(folder), 2 * CLAIMS_PER_FILE) / "claims", scheduler)
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            desk = write_desk(Path(folder), size)
            floor = measure("yaml", desk / "claims")
            serial = measure("check", desk / "claims")
            workers = measure("check", desk / "claims", "2")
            dask = measure("check", desk / "claims", scheduler) if scheduler else None
            assert serial["count"] == workers["count"] == size and serial["summary"] == workers["summary"]
            assert dask is None or dask["summary"] == serial["summary"]
            print(f"{size:>7} {size // CLAIMS_PER_FILE:>6} {size * 10:>9} {floor['seconds']:>8.2f} "
                  f"{serial['seconds']:>9.2f} {serial['seconds'] / floor['seconds']:>7.1f}x {floor['cpu']:>10.2f} "
                  f"{serial['cpu']:>11.2f} {serial['cpu'] / floor['cpu']:>7.1f}x {serial['work_mb']:>5.0f} "
                  f"{workers['seconds']:>12.2f} {dask['seconds'] if dask else float('nan'):>10.2f}"
                  f"   (verdicts {serial['summary']})", flush=True)


def scan(scheduler: str | None, limit: int | None) -> None:
    if not FINANCE.is_file():
        print(f"\nscan: skipped, finance corpus not found at {FINANCE}")
        return
    with tempfile.TemporaryDirectory() as folder:
        names, sentences = write_finance_articles(Path(folder), limit)
        print(f"\nscan, finance corpus: {sentences} sentences in {len(names)} articles (English and Korean):")
        runs = [("serial", [])] + ([("dask, 2 workers", ["--scheduler", scheduler])] if scheduler else [])
        for label, where in runs:
            seconds = timed_command("scan", ".", "-o", "out.parquet", *where, cwd=Path(folder))
            print(f"  {label:<16} {seconds:>7.2f} s {sentences / seconds:>8.0f} sentences/s "
                  "(whole command: start-up, extraction, Parquet)", flush=True)


def parquet(rows: int, claims: int, seed: int = 7) -> None:
    """A long-shape Parquet file of ``rows`` rows (written by DuckDB) read for ``claims`` metrics."""
    try:
        import duckdb
    except ImportError:
        print("\nparquet: skipped, no parquet extra (pip install 'claimcheck[parquet]')")
        return
    with tempfile.TemporaryDirectory() as folder:
        big, needed, wanted = Path(folder) / "big.parquet", Path(folder) / "needed.csv", Path(folder) / "wanted.json"
        duckdb.sql(f"""COPY (SELECT 'bench' AS entity, 'm' || (i // 10) AS metric, CAST(2010 + i % 10 AS VARCHAR) AS period,
                                  CAST((i * 7919) % 99991 * 100000000 AS VARCHAR) AS value, 'USD' AS unit,
                                  'https://example.org/bench/' || (i // 10) AS source FROM range({rows}) t(i))
                           TO '{big}' (FORMAT parquet)""")
        chosen = random.Random(seed).sample(range(rows // 10), claims)
        wanted.write_text(json.dumps([f"bench.m{number}" for number in chosen]), encoding="utf-8")
        names = ", ".join(f"'m{number}'" for number in chosen)
        duckdb.sql(f"COPY (SELECT * FROM '{big}' WHERE metric IN ({names})) TO '{needed}' (HEADER, DELIMITER ',')")
        from_parquet = measure("parquet", big, str(wanted))
        from_csv = measure("csv-needed", needed)
        assert from_parquet["count"] == from_csv["count"] == 10 * claims, (from_parquet, from_csv)
        print(f"\nParquet reference ({rows:,} rows, {big.stat().st_size / 1e6:.0f} MB) read for {claims} metrics, "
              "next to a CSV of just their rows (loader only, checker.reference.columnar):")
        for label, run in (("parquet, pushed down", from_parquet), ("csv of needed rows", from_csv)):
            print(f"  {label:<22} {run['seconds']:>7.2f} s (cpu {run['cpu']:.2f} s) {run['work_mb']:>6.0f} MB "
                  f"{run['count']:>7} rows", flush=True)
        print(f"  ratio {from_parquet['seconds'] / from_csv['seconds']:.1f}x (target <= 3x, < 600 MB)")
    parquet_desk(rows, claims)


def parquet_desk(rows: int, claims: int) -> None:
    """``check`` on a desk of claim files all naming one ``rows``-row Parquet file, next to the same
    desk naming a CSV of just the rows its claims need: the Parquet file is queried once per run."""
    import duckdb

    with tempfile.TemporaryDirectory() as folder:
        desk = write_desk(Path(folder), claims)
        needed, big = desk / "reference.csv", desk / "reference.parquet"
        duckdb.sql(f"""COPY (SELECT * FROM read_csv('{needed}', all_varchar=true) UNION ALL
                           SELECT 'bench', 'filler' || (i // 10), CAST(2010 + i % 10 AS VARCHAR),
                                  CAST((i * 7919) % 99991 AS VARCHAR), 'USD', 'https://example.org/filler'
                           FROM range({max(0, rows - 10 * claims)}) t(i))
                       TO '{big}' (FORMAT parquet)""")
        from_csv = measure("check", desk / "claims")
        for claim_file in (desk / "claims").glob("*.yaml"):
            text = claim_file.read_text(encoding="utf-8")
            claim_file.write_text(text.replace("../reference.csv", "../reference.parquet"), encoding="utf-8")
        from_parquet = measure("check", desk / "claims")
        assert from_parquet["summary"] == from_csv["summary"], (from_parquet, from_csv)
        print(f"\ncheck, {claims} claims in {claims // CLAIMS_PER_FILE} files all naming one {rows:,}-row Parquet "
              "file, next to the same files naming a CSV of just the rows they need (the Parquet side's time includes "
              "importing DuckDB):")
        for label, run in (("parquet", from_parquet), ("csv of needed rows", from_csv)):
            print(f"  {label:<22} {run['seconds']:>7.2f} s (cpu {run['cpu']:.2f} s) {run['work_mb']:>6.0f} MB",
                  flush=True)
        print(f"  ratio {from_parquet['seconds'] / from_csv['seconds']:.1f}x (target <= 3x; verdicts identical: "
              f"{from_parquet['summary']})")


def main() -> None:
    global REPEAT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", nargs="+", default=["single", "yaml", "repository", "scan", "parquet"],
                        choices=("single", "yaml", "repository", "scan", "parquet"))
    parser.add_argument("--parquet-rows", type=int, default=5_000_000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repository-sizes", type=int, nargs="+", default=[2_000, 20_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per measured side, the fastest reported")
    parser.add_argument("--short", action="store_true", help="CI: small sizes, every section (figures not to quote)")
    parser.add_argument("--against", nargs="+", default=[], metavar="REV",
                        help="single: older commits checked beside this tree (each in a temporary worktree)")
    arguments = parser.parse_args()
    REPEAT = arguments.repeat
    sizes, repository_sizes = arguments.sizes, arguments.repository_sizes
    parquet_rows, parquet_claims, scan_sentences = arguments.parquet_rows, 2_000, None
    if arguments.short:
        sizes, repository_sizes = SHORT["sizes"], SHORT["repository_sizes"]
        parquet_rows, parquet_claims, scan_sentences = SHORT["parquet_rows"], SHORT["parquet_claims"], SHORT["scan_sentences"]
    from checker import version
    print(version.line())
    print(f"every side: the fastest of {REPEAT} run{'s' if REPEAT > 1 else ''} in a fresh process, no warm-up run "
          "(a cold check, as a user runs it); times exclude imports; MB: peak RSS minus the RSS after imports"
          + (" (--short: sizes for CI, not figures to quote)" if arguments.short else ""))
    if "single" in arguments.sections:
        import load_bench  # imports this module: asked for here, not at its top

        try:
            with load_bench.checkouts(arguments.against) as trees:
                single(sizes, trees)
        finally:
            shutil.rmtree(load_bench.BYTECODE, ignore_errors=True)  # made on its import, used by its own runs only
    if "yaml" in arguments.sections:
        yaml_loaders(max(sizes))
    if "parquet" in arguments.sections:
        parquet(parquet_rows, parquet_claims)
    if {"repository", "scan"} & set(arguments.sections):
        with dask_cluster() as scheduler:
            if scheduler is None:
                print("\n(no dask extra: the Dask columns are skipped; pip install 'claimcheck[dask]')")
            if "repository" in arguments.sections:
                repository(repository_sizes, scheduler)
            if "scan" in arguments.sections:
                scan(scheduler, scan_sentences)


if __name__ == "__main__":
    main()

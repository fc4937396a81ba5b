"""``check --workers N`` and ``check --scheduler ADDRESS`` report exactly what a serial run does.

A repository of claim files sharing one reference CSV (with a bad row, so every file
reports the same reference error), a file that is not valid YAML, and claims that are
supported, refused and unreadable: serial, two local processes and a real Dask cluster
(a scheduler and two worker processes on loopback, no mocks) must give the same
report, in the same order, with the same exit code. An unreachable or malformed
scheduler address is one line and exit 2 within a few seconds.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from checker.runner import CONNECT_SECONDS
from cluster_support import claimcheck, python, scheduler  # noqa: F401  (a fixture)

PERIODS = [str(year) for year in range(2015, 2020)]


def write_repository(folder: Path, files: int = 12, claims: int = 6, seed: int = 11, typos: float = 0.1) -> Path:
    """Claim files quoting one article, all naming one reference CSV; a few claims wrong or broken."""
    rng = random.Random(seed)
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    rows, sentences, bodies = ["entity,metric,period,value,unit,source"], [], []
    for file in range(files):
        body = []
        for number in range(claims):
            metric = f"m{file}_{number}"
            values = {period: rng.randint(10, 999) for period in PERIODS}
            rows += [f"desk,{metric},{period},{value * 100_000_000},USD,https://example.org/{metric}"
                     for period, value in values.items()]
            period = rng.choice(PERIODS)
            stated = values[period] * (2 if rng.random() < 0.2 else 1)
            sentence = f"지표 {file}-{number}번은 {period}년 {stated}억 달러를 기록했다."
            sentences.append(sentence)
            named = metric + "_typo" if rng.random() < typos else metric
            body.append(f"  - id: c{number}\n    quote: \"{sentence}\"\n    value: {stated}억 달러\n"
                        f"    metric: desk.{named}\n    period: {period}\n")
        bodies.append(body)
    rows.append("desk,broken,2019,not-a-number,USD,https://example.org/broken")
    (folder / "article.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    (folder / "reference.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    header = ("version: 1\narticle: {file: ../article.txt, published: 2024-02-19, language: ko}\n"
              "reference: [../reference.csv]\nclaims:\n")
    claims_folder = folder / "claims"
    claims_folder.mkdir()
    for file, body in enumerate(bodies):
        (claims_folder / f"a{file:02d}.yaml").write_text(header + "".join(body), encoding="utf-8")
    (claims_folder / "a05.yaml").write_text(header + "  - id: [broken\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_repository(tmp_path_factory.mktemp("desk"))


@pytest.fixture(scope="module")
def serial(repository: Path) -> tuple[int, str, str]:
    run = claimcheck("check", "claims", "--format", "json", cwd=repository)
    return run.returncode, run.stdout, run.stderr


def test_the_serial_run_is_a_fair_reference(serial: tuple[int, str, str]) -> None:
    code, report, errors = serial
    assert code == 2  # the broken file and the bad reference row are input errors
    assert '"verdict": "refuted"' in report and '"verdict": "supported"' in report
    assert "claims/a05.yaml:6:1: invalid YAML" in errors
    assert errors.count("reference.csv:") >= 11  # the bad row, once per file naming it


def test_local_processes_give_the_serial_report(repository: Path, serial: tuple[int, str, str]) -> None:
    run = claimcheck("check", "claims", "--format", "json", "--workers", "2", cwd=repository)
    assert (run.returncode, run.stdout, run.stderr) == serial


def test_a_dask_cluster_gives_the_serial_report(repository: Path, serial: tuple[int, str, str],
                                                scheduler: str) -> None:  # noqa: F811
    run = claimcheck("check", "claims", "--format", "json", "--scheduler", scheduler, cwd=repository)
    assert (run.returncode, run.stdout, run.stderr) == serial


def test_a_dask_cluster_gives_the_serial_exit_code_when_all_is_well(tmp_path: Path, scheduler: str) -> None:  # noqa: F811
    write_repository(tmp_path, files=3, claims=4, seed=3, typos=0)
    (tmp_path / "reference.csv").write_text(
        "\n".join((tmp_path / "reference.csv").read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8")
    (tmp_path / "claims" / "a05.yaml").unlink(missing_ok=True)
    runs = [claimcheck("check", "claims", "--format", "parsable", *where, cwd=tmp_path)
            for where in ([], ["--workers", "2"], ["--scheduler", scheduler])]
    assert len({(run.returncode, run.stdout, run.stderr) for run in runs}) == 1
    assert runs[0].returncode == 1 and " refuted " in runs[0].stdout and runs[0].stderr == ""


@pytest.mark.parametrize("address,reason", [
    ("tcp://127.0.0.1:9", "Timed out trying to connect"),
    ("nonsense", "missing port number"),
    ("http://127.0.0.1:8786", "not http://"),
    ("inproc://x", "a scheduler is reached over tcp://"),   # was "not enough values to unpack"
])
def test_an_unreachable_scheduler_is_one_line_and_exit_2(repository: Path, address: str, reason: str) -> None:
    pytest.importorskip("distributed", reason="needs the dask extra")
    started = time.perf_counter()
    run = claimcheck("check", "claims", "--scheduler", address, cwd=repository)
    assert time.perf_counter() - started < CONNECT_SECONDS + 10
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(f"claimcheck: cannot reach the Dask scheduler at {address}: ")
    assert reason in run.stderr and run.stderr.count("\n") == 1, run.stderr


def test_workers_must_be_a_positive_number(repository: Path) -> None:
    run = claimcheck("check", "claims", "--workers", "0", cwd=repository)
    assert run.returncode == 2 and "'0' is not a positive whole number" in run.stderr


@pytest.mark.parametrize("command", [["check", "claims", "--scheduler", "tcp://127.0.0.1:9"],
                                     ["scan", "article.txt", "-o", "out.parquet"]])
def test_a_missing_extra_is_one_line_naming_it(repository: Path, command: list[str]) -> None:
    """The extra's package made unimportable (``sys.modules[name] = None``), as on a base install."""
    blocked = "distributed" if "--scheduler" in command else "duckdb"
    extra = "dask" if blocked == "distributed" else "parquet"
    script = f"import sys; sys.modules[{blocked!r}] = None; from checker.cli import main; sys.exit(main({command!r}))"
    run = python(script, cwd=repository)
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert f"pip install 'claimcheck[{extra}]'" in run.stderr

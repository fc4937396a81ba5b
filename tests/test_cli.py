"""The command line end to end: formats, exit codes, and bad input reported without a traceback."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "checker", *arguments], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=environment)


@pytest.fixture()
def repository(tmp_path: Path) -> Path:
    """A copy of the worked example that tests may break."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    return tmp_path


def test_worked_example_passes_with_json() -> None:
    done = run("check", "claims/", "--format", "json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["version"] == 1 and len(payload["results"]) >= 25
    assert set(payload["summary"]) == {"supported", "imprecise", "refuted", "unverifiable", "error"}
    first = payload["results"][0]
    assert {"file", "line", "id", "quote", "verdict", "by_rounding", "expected", "claimed", "actual",
            "explanation", "sources"} <= set(first)


def test_parsable_is_one_line_per_claim_then_totals_and_coverage() -> None:
    done = run("check", "claims/", "--lang", "en", "--format", "parsable")
    lines = done.stdout.splitlines()
    assert done.returncode == 0
    assert lines[0].startswith("claims/meta-ai-pivot.yaml:") and ": imprecise black-share-silicon-valley: " in lines[0]
    assert lines[-2].startswith("32 claims: ") and lines[-1].startswith("coverage: ")


def test_rich_report_shows_table_totals_and_coverage() -> None:
    done = run("check", "claims/", "--lang", "en", "--format", "rich")
    assert done.returncode == 0
    assert "q3-2022-net-income" in done.stdout and "coverage:" in done.stdout


def test_a_broken_file_is_reported_and_the_others_still_checked(repository: Path) -> None:
    broken = repository / "claims" / "broken.yaml"
    broken.write_text("version: 1\nclaims:\n  - id: x\n    value: [\n", encoding="utf-8")
    done = run("check", "claims/", "--lang", "en", "--format", "parsable", cwd=repository)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    error_lines = [line for line in done.stderr.splitlines() if line.startswith("claims/broken.yaml:")]
    assert len(error_lines) == 1 and error_lines[0].split(":")[1].isdigit()
    assert "32 claims:" in done.stdout


def test_a_changed_ruling_fails_the_run(repository: Path) -> None:
    path = repository / "claims" / "reference" / "meta.yaml"  # the data changed (a value unlike its quote is an error)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("period: 2022-Q3, value: 4395000000", "period: 2022-Q3, value: 5395000000"),
                    encoding="utf-8")
    done = run("check", "claims/", "--format", "parsable", cwd=repository)
    assert done.returncode == 1
    assert "refuted (expected supported) q3-2022-net-income" in done.stdout


def test_fail_on_is_a_threshold(repository: Path) -> None:
    path = repository / "claims" / "meta-ai-pivot.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    expect: imprecise\n", ""), encoding="utf-8")
    assert run("check", "claims/", cwd=repository).returncode == 0
    assert run("check", "claims/", "--fail-on", "imprecise", cwd=repository).returncode == 1


def test_output_writes_the_machine_format_while_the_human_report_prints(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    done = run("check", "claims/", "--lang", "en", "--output", str(target))
    assert done.returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["supported"] > 0
    assert "coverage:" in done.stdout


def test_missing_path_is_an_input_error() -> None:
    done = run("check", "no/such/folder")
    assert done.returncode == 2 and "no/such/folder" in done.stderr and "Traceback" not in done.stderr


def test_usage_error_exits_2() -> None:
    assert run("check", "--format", "nonsense").returncode == 2


def test_project_tolerance_applies(repository: Path) -> None:
    (repository / "claimcheck.yaml").write_text("tolerance: {decade: 2%}\n", encoding="utf-8")
    done = run("check", "claims/", "--format", "parsable", cwd=repository)
    assert "supported (expected imprecise) stock-low-nov-2022" in done.stdout
    assert done.returncode == 1


def test_a_bad_project_setting_is_one_line_and_exit_2(repository: Path) -> None:
    (repository / "claimcheck.yaml").write_text("tolerence: {approx: 3%}\n", encoding="utf-8")
    done = run("check", "claims/", cwd=repository)
    assert done.returncode == 2
    assert "claimcheck.yaml:1:1: unknown key 'tolerence' (did you mean 'tolerance'?)" in done.stderr


@pytest.mark.parametrize("command", [["check", "claims/"], ["extract", "claims/articles/meta-ai-pivot.ko.txt"]])
def test_a_plain_run_imports_only_what_it_uses(command: list[str]) -> None:
    """Cold start: process pools, Dask, DuckDB, progress bars, did-you-mean and baselines only when used;
    temporary files (with random and shutil's compressors), workbooks' zip files and sockets only when written,
    read or downloaded; a provider's reader (and the HTTP client they share) only for its own downloads,
    a relation only when a claim names it, groups of entities only when a file writes them or a claim ranks
    among them; the terminal's width (shutil) only when help is printed; and for ``check``, which reads its
    quotes with ``numbers`` alone, not a whole extraction's classes nor fiscal calendars."""
    probe = ("import contextlib, io, sys\nfrom checker.cli import main\n"
             f"with contextlib.redirect_stdout(io.StringIO()):\n    main({command!r})\n"
             "print(' '.join(sorted(sys.modules)))")
    shown = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    imported = set(shown.stdout.split())
    assert "checker.evaluation.engine" in imported or "checker.extraction" in imported, shown.stderr
    unused = {"multiprocessing", "concurrent.futures", "rapidfuzz", "rich.progress", "distributed", "dask",
              "duckdb", "checker.evaluation.baseline", "tempfile", "zipfile", "socket", "shutil", "bz2", "lzma",
              "checker.reference.sources.http", "checker.reference.sources.jsonrows",
              "checker.evaluation.relations.expr", "checker.evaluation.relations.extreme",
              "checker.evaluation.relations.rank_among", "checker.reference.groups",
              *(f"checker.reference.sources.{name}" for name in ("fred", "edgar", "ecos", "kosis", "dart"))}
    if command[0] == "check":  # the worked example's reference files are CSV and YAML: no JSON parser
        unused |= {"json", "checker.extraction.model", "checker.extraction.fiscal"}
    assert sorted(unused & imported) == []


@pytest.mark.parametrize("columns", [60, 200])
def test_help_is_laid_out_for_the_terminal_width_asked_when_it_prints(columns: int) -> None:
    """The help formatter asks the width only when it lays out text, and then as argparse does ($COLUMNS)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": str(columns)}
    done = subprocess.run([sys.executable, "-m", "checker", "check", "--help"], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", env=environment)
    assert done.returncode == 0 and "--fail-on" in done.stdout, done.stderr
    prose = [line for line in done.stdout.splitlines() if "{" not in line]  # argparse never breaks a choice list
    assert max(len(line) for line in prose) <= columns
    assert (max(len(line) for line in prose) > 100) == (columns == 200)  # a wide terminal gets long lines


def test_the_process_command_line_runs_no_collection_while_its_command_loads() -> None:
    """Cold start: from ``main()`` until what start-up made is frozen the collector is paused (each collection
    would walk every module, class and pattern loaded so far), and it runs again for the command itself."""
    probe = ("import contextlib, gc, io, sys\nfrom checker.cli import main\nunfrozen = []\n"
             "gc.callbacks.append(lambda phase, info: phase == 'start' and not gc.get_freeze_count()"
             " and unfrozen.append(info['generation']))\n"
             "sys.argv = ['claimcheck', 'check', 'claims/']\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    main()\n"
             "print(len(unfrozen), gc.isenabled(), gc.get_freeze_count() > 1000)")
    shown = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert shown.stdout.split() == ["0", "True", "True"], shown.stderr


def test_the_process_command_line_spares_the_collector_its_start_up_and_a_caller_keeps_its_own() -> None:
    """Cold start: ``claimcheck`` as a process freezes what start-up made (the collection at exit would walk
    it all); ``main([...])`` called by a long-lived process leaves that process's collector as it was."""
    probe = ("import contextlib, gc, io, sys\nfrom checker.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    main(['check', 'claims/'])\n"
             "print(gc.get_freeze_count())\nsys.argv = ['claimcheck', 'check', 'claims/']\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    main()\n"
             "print(gc.get_freeze_count() > 1000)")
    shown = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert shown.stdout.split() == ["0", "True"], shown.stderr

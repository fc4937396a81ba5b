"""The bad-input catalogue: every case runs the real command and must answer with one clear line.

Each ``bad_inputs/cases/<id>.yaml`` is one bad (or merely unusual) input. The loader
copies ``bad_inputs/base/`` (a small article, reference data and ``good.yaml``, a claim
file that is supported) into a fresh claim repository, writes the case's files over it,
runs ``python -m checker`` as a subprocess and asserts, together:

- the exit code;
- the one-line message, exactly: a file-level problem is the ``stderr`` line
  ``path:line:col: message``; a claim-level problem is the claim's ``report`` line in the
  parsable report, ``path:line:col: verdict claim-id: message`` (stdout);
- no traceback, and every stderr line is ``path:line:col: message`` (or ``claimcheck: message``);
- ``good.yaml``, checked in the same run *after* the bad file, still got its verdict.

A case file's keys:

``covers``    what the case is about (the issue's wording)
``claims``    text appended to ``base/header.yaml`` to make ``bad.yaml`` (claims from line 5)
``files``     path -> text, written over the base copy (``bad.yaml`` instead of ``claims``)
``encoding``  path -> codec for ``files`` (default utf-8), e.g. utf-16, latin-1
``setup``     ``directory: [path]``, ``symlink: {path: target}``, ``mode: {path: 0}``,
              ``sparse: {path: bytes}`` (a file of that size that costs no disk), ``fifo: [path]``
``run``       the arguments (default ``check bad.yaml good.yaml``; ``--format parsable`` is added to check)
``exit``      the exit code
``stderr``    the file-level line on stderr, exactly
``report``    a line of stdout, exactly: the claim's parsable-report line (for lint, its summary)
``good``      false when good.yaml is not part of the run
``unchanged`` files the run must leave byte for byte as they were (nothing lost)
``absent``    text that must appear in neither output (a secret cell, a forged ``\n::error``)
``env``       environment variables for the run, e.g. ``GITHUB_ACTIONS: "true"``
``skip_if``   ``root`` (permissions do not bind root) or ``not_linux``
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent / "bad_inputs"
ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((HERE / "cases").glob("*.yaml"))
GOOD_LINE = "good.yaml:5:5: supported good-net-income: "
LOCATED = re.compile(r"^(\S.*:\d+:\d+|claimcheck): \S")
"""A stderr line of claimcheck: ``path:line:col: message``, or ``claimcheck: message`` for a refused command."""


def load_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def build(case: dict, root: Path) -> None:
    """A claim repository in ``root``: the base files, then the case's files and setup."""
    shutil.copytree(HERE / "base", root, dirs_exist_ok=True)
    (root / "pyproject.toml").write_text("", encoding="utf-8")  # marks the repository root
    files = dict(case.get("files") or {})
    if "claims" in case:
        files["bad.yaml"] = (HERE / "base" / "header.yaml").read_text(encoding="utf-8") + case["claims"]
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode((case.get("encoding") or {}).get(name, "utf-8")))
    setup = case.get("setup") or {}
    for name in setup.get("directory", []):
        (root / name).mkdir(parents=True)
    for name, target in (setup.get("symlink") or {}).items():
        (root / name).symlink_to(target)
    for name, size in (setup.get("sparse") or {}).items():
        with open(root / name, "wb") as handle:
            handle.truncate(size)
    for name in setup.get("fifo", []):
        os.mkfifo(root / name)
    for name, mode in (setup.get("mode") or {}).items():
        (root / name).chmod(mode)


def run(arguments: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    if arguments[0] == "check" and "--format" not in arguments:
        arguments = [*arguments, "--format", "parsable"]
    if arguments[0] == "check" and "--lang" not in arguments:  # the cases' reports are written in English
        arguments = [*arguments, "--lang", "en"]
    # The same outcome in CI as on a laptop: Actions' variables only when the case sets them.
    environment = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    environment.update({"PYTHONPATH": str(ROOT), "COLUMNS": "200", **(env or {})})
    return subprocess.run([sys.executable, "-m", "checker", *arguments], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=environment, timeout=60)


def skip_reason(case: dict) -> str | None:
    condition = case.get("skip_if")
    if condition == "root" and hasattr(os, "geteuid") and os.geteuid() == 0:
        return "file permissions do not bind root"
    if condition == "not_linux" and not sys.platform.startswith("linux"):
        return "needs Linux's /proc"
    return None


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, subprocess.CompletedProcess]]:
    """Every runnable case's run, started side by side; with the bytes of its ``unchanged`` files before it."""
    started: dict[str, tuple[dict, Future]] = {}
    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:
        for path in CASES:
            case = load_case(path)
            if skip_reason(case):
                continue
            root = tmp_path_factory.mktemp(path.stem)
            build(case, root)
            before = {root / name: (root / name).read_bytes() for name in case.get("unchanged", [])}
            started[path.stem] = before, pool.submit(run, case.get("run", ["check", "bad.yaml", "good.yaml"]), root,
                                                     case.get("env"))
    return {name: (before, future.result()) for name, (before, future) in started.items()}


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_bad_input(path: Path, outcomes: dict) -> None:
    case = load_case(path)
    reason = skip_reason(case)
    if reason:
        pytest.skip(reason)
    before, done = outcomes[path.stem]
    seen = (done.returncode, done.stderr, done.stdout)
    assert "Traceback" not in done.stderr + done.stdout, seen
    assert done.returncode == case["exit"], seen
    errors = done.stderr.splitlines()
    assert all(LOCATED.match(line) for line in errors), seen
    if "stderr" in case:
        assert case["stderr"] in errors, seen
    if "report" in case:
        assert case["report"] in done.stdout.splitlines(), seen
    if "stderr" not in case and "report" not in case:
        assert not errors, seen
    if case.get("good", True):
        assert any(line.startswith(GOOD_LINE) for line in done.stdout.splitlines()), seen
    for file, data in before.items():
        assert file.read_bytes() == data, f"{file.name} was changed"
    for text in case.get("absent", []):
        assert text not in done.stdout + done.stderr, seen


def test_catalogue_is_large_and_every_case_says_what_it_covers() -> None:
    assert len(CASES) >= 40
    for path in CASES:
        case = load_case(path)
        assert case.get("covers") and "exit" in case, path.name
        assert set(case) <= {"covers", "claims", "files", "encoding", "setup", "run", "exit", "stderr",
                             "report", "good", "unchanged", "skip_if", "absent", "env"}, path.name


# --------------------------------------------------------------------------- a bug costs one claim or one file

def test_a_crash_in_one_claim_is_that_claims_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import check
    from checker.evaluation.relations import ratio

    before = {result.id: result.verdict for result in check([ROOT / "claims"]).results}

    def broken(operands: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(ratio, "compute", broken)
    after = check([ROOT / "claims"]).results
    crashed = {result.id for result in after if "internal error while checking this claim: RuntimeError('boom')"
               in result.explanation}
    assert crashed and all(after_result.verdict == "error" for after_result in after if after_result.id in crashed)
    assert {r.id: r.verdict for r in after if r.id not in crashed} == {
        claim_id: verdict for claim_id, verdict in before.items() if claim_id not in crashed}


def test_a_crash_in_one_file_is_that_files_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import check
    from checker.evaluation import engine, shared_keys

    build({"files": {"bad.yaml": (HERE / "base" / "good.yaml").read_text(encoding="utf-8")}}, tmp_path)
    monkeypatch.chdir(tmp_path)
    real = engine.load_claim_file

    def broken_on_bad(path: Path, **options: object) -> object:
        if Path(path).name == "bad.yaml":
            raise RuntimeError("boom")
        return real(path, **options)

    monkeypatch.setattr(engine, "load_claim_file", broken_on_bad)
    monkeypatch.setattr(shared_keys, "load_claim_file", broken_on_bad)   # the run's keys read files first
    report = check(["bad.yaml", "good.yaml"])
    assert [str(error) for error in report.errors] == [
        "bad.yaml:1:1: internal error while reading this file: RuntimeError('boom')"]
    assert [(result.id, result.verdict) for result in report.results] == [("good-net-income", "supported")]

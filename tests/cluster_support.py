"""A real Dask cluster for the parallel tests: a scheduler and two worker processes on loopback.

Shared by ``test_parallel`` and ``test_scan`` (imported as a fixture), started once per
module; the tests skip with a reason when the ``dask`` extra is not installed.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a LocalCluster of two single-threaded worker processes."""
    distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install 'claimcheck[dask]'")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def claimcheck(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    """``claimcheck ARGUMENTS`` run as a real process in ``cwd`` (no terminal, no CI variables)."""
    return python("import sys; from checker.cli import main; sys.exit(main(sys.argv[1:]))", *arguments, cwd=cwd)


def python(script: str, *arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -c SCRIPT ARGUMENTS`` in ``cwd``, importing this tree's ``checker``."""
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("CI", "GITHUB_ACTIONS", "GITLAB_CI")}
    environment["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-c", script, *arguments], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=300)

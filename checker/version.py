"""Which claimcheck produced an output: the package version and, in a git checkout, the commit.

A figure (a benchmark's rate, a report's verdicts) is only worth quoting with the code
that printed it, and the package version alone does not change between commits. The
commit is read only when the package sits in a git checkout of its own (``.git`` beside
the ``checker`` folder): an installed copy inside some other repository (a virtualenv in
a project) must not report that project's commit.
"""
from __future__ import annotations

import functools
import subprocess
from importlib import metadata
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]


def package_version() -> str:
    """The installed distribution's version; ``unknown`` when run from a tree never installed."""
    try:
        return metadata.version("claimcheck")
    except metadata.PackageNotFoundError:
        return "unknown"


@functools.cache
def commit() -> str | None:
    """The checkout's commit (12 hex digits, ``-dirty`` when tracked files differ), or None outside one."""
    if not (CHECKOUT / ".git").exists():  # a worktree's .git is a file: exists() covers both
        return None
    try:
        done = subprocess.run(
            ["git", "-C", str(CHECKOUT), "describe", "--always", "--dirty", "--abbrev=12", "--exclude=*"],
            capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):  # no git installed, or a hung filesystem
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def describe() -> dict[str, str | None]:
    """``{"version": …, "commit": …}``, as the machine reports carry it."""
    return {"version": package_version(), "commit": commit()}


def line() -> str:
    """``claimcheck 0.1.0 (commit 93b050b1c2d3)``: what ``--version`` and every benchmark print first."""
    found = commit()
    return f"claimcheck {package_version()}" + (f" (commit {found})" if found else "")

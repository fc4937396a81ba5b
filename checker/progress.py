"""The progress bar of long runs: on a terminal only, never in CI or in piped output.

A bar in a CI log or a redirected file is noise (or worse, control characters in a
report), so it is drawn only when standard error is a terminal and no CI variable is
set, and it vanishes when the run ends.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Iterable, Mapping, TextIO

from rich.console import Console
from rich.progress import track

#: Set by GitHub Actions, GitLab CI and most other CI systems.
_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI")


def wanted(stream: TextIO | None = None, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a bar may be drawn on ``stream`` (standard error when None): a terminal, not dumb, not in CI.

    The stream is looked up when asked, not when the module is imported: standard error may
    be replaced in between (a test's capture, an embedding program) and the old one closed.
    """
    stream = stream or sys.stderr
    if any(environ.get(name) for name in _CI_VARIABLES) or environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def bar(stream: TextIO | None = None) -> Callable[[list[Path]], Iterable[Path]] | None:
    """A wrapper that shows progress over the claim files (on standard error when None), or None where no bar is wanted."""
    stream = stream or sys.stderr
    if not wanted(stream):
        return None

    def wrap(files: list[Path]) -> Iterable[Path]:
        return track(files, description="checking claim files", console=Console(file=stream), transient=True,
                     disable=len(files) < 2)

    return wrap

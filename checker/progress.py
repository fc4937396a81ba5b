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

#: Set by GitHub Actions, GitLab CI and most other CI systems.
_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI")


def wanted(stream: TextIO | None = None, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a bar may be drawn on ``stream`` (standard error as it is now, not at import): a terminal,
    not dumb, not in CI."""
    if any(environ.get(name) for name in _CI_VARIABLES) or environ.get("TERM") == "dumb":
        return False
    return (stream or sys.stderr).isatty()


def bar(stream: TextIO | None = None) -> Callable[[list[Path]], Iterable[Path]] | None:
    """A wrapper that shows progress over the claim files, or None where no bar is wanted."""
    stream = stream or sys.stderr
    if not wanted(stream):
        return None

    def wrap(files: list[Path]) -> Iterable[Path]:
        from rich.console import Console  # only a run on a terminal pays for rich's progress machinery
        from rich.progress import track

        return track(files, description="checking claim files", console=Console(file=stream), transient=True,
                     disable=len(files) < 2)

    return wrap

"""Where a command may write: never over a file the same run reads.

``check claims.yaml --output claims.yaml``, ``--format html --output articles/a.txt``
or ``--baseline claims.yaml --write-baseline`` would replace the input with a report;
``extract -o article.txt --force`` the article with its own draft. A path names an
input when it is the same file (by device and inode, so ``./a.yaml``, an absolute
path, a hard link or a symlink all count); a path that does not exist yet is none.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from checker.errors import printable


def overwritten_input(target: Path, inputs: Iterable[Path]) -> Path | None:
    """The input ``target`` would overwrite, or None.

    >>> overwritten_input(Path("no-such-file.txt"), [Path("no-such-file.txt")]) is None
    True
    """
    for candidate in inputs:
        try:
            if os.path.samefile(target, candidate):
                return candidate
        except (OSError, ValueError):  # either does not exist (yet), or cannot be a file at all
            continue
    return None


def refusal(option: str, target: Path, input_path: Path) -> str:
    """The one-line refusal the commands print."""
    return printable(f"claimcheck: {option} {target} is {input_path}, an input of this run; write the output elsewhere")

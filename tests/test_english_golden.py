"""``--lang en`` is the report every English reader and pipeline already knows (issue 22, item 1).

Moving a report's words into the message catalogue, or giving them Korean, must not move
one byte of the English: each format's English output for the worked example (a Korean
article read with ``--lang en``) and for examples/us-economy, and ``explain``'s trail of
every claim in both, is compared with the golden written before the move. After an
intended change of the English words, rewrite the goldens with
``PYTHONPATH=. python tests/test_english_golden.py`` and read their diff.
"""
from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest

from checker.version import package_version

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "english_golden"
FOLDERS = {"claims": Path("claims"), "us-economy": Path("examples") / "us-economy"}
FORMATS = ("rich", "parsable", "json", "junit", "sarif", "github", "markdown", "html", "claimreview")
#: Which claimcheck wrote a report (its version and commit) changes with every commit, not with its words.
_BUILD = re.compile(rf'(?<=")({re.escape(package_version())})(?=")|(?<="commit": )(null|"[^"]*")'
                    r'|(?<="claimcheck.commit" value=")[^"]+')


def outputs(folder: str) -> dict[str, str]:
    """Every English output of one example folder, by golden file name (run from the checkout's root)."""
    from checker import reports
    from checker.commands.explain import trail
    from checker.evaluation.engine import check

    report = check([FOLDERS[folder]], language="en")
    texts = {}
    for name in FORMATS:
        stream = io.StringIO()
        reports.get(name).render(report, stream)
        texts[f"{folder}.{name}"] = _BUILD.sub("BUILD", stream.getvalue())
    texts[f"{folder}.explain"] = "".join(trail(result) for result in report.results)
    return texts


@pytest.mark.parametrize("folder", FOLDERS)
def test_english_output_is_byte_for_byte_the_golden(folder: str, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("COLUMNS", raising=False)
    for name, text in outputs(folder).items():
        assert text == (GOLDEN / name).read_text(encoding="utf-8"), name


if __name__ == "__main__":
    os.chdir(ROOT)
    os.environ.pop("COLUMNS", None)
    for folder in FOLDERS:
        for name, text in outputs(folder).items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
            print(name, len(text), file=sys.stderr)

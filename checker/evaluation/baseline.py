"""Baselines: today's failures, recorded so a newsroom can adopt claimcheck gradually.

``check --write-baseline --baseline FILE`` records every failing claim; later runs with
``--baseline FILE`` fail only on failures not recorded. A failure is known by its claim
file, claim id and verdict (not its line, which moves with every edit above it), so a
recorded claim that changes verdict, or a new claim, fails again. Input errors are
never baselined: an unreadable file is not a known failure but a broken run.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePath

from checker import bounded_json
from checker.errors import InputError, Location
from checker.evaluation.results import Report, Result
from checker.textfiles import read_text

VERSION = 1
Key = tuple[str, str, str]


def key(result: Result) -> Key:
    """What identifies a failure across edits: file (posix), claim id, verdict."""
    return PurePath(result.file).as_posix(), result.id, result.verdict


@dataclass(frozen=True)
class Baseline:
    """The failures recorded at some point; ``accepts`` is what ``Report.exit_code`` consults."""

    known: frozenset[Key] = frozenset()

    def accepts(self, result: Result) -> bool:
        return key(result) in self.known


def record(report: Report, fail_on: str) -> str:
    """The baseline file's text for the failures of ``report`` (sorted, so diffs stay small)."""
    failures = sorted({key(result) for result in report.results if result.fails(fail_on)})
    entries = [{"file": file, "id": claim_id, "verdict": verdict} for file, claim_id, verdict in failures]
    return json.dumps({"version": VERSION, "failures": entries}, ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> Baseline:
    """Read a baseline file; an unreadable or malformed one is an InputError naming it."""
    shown = str(path)
    try:
        document = bounded_json.loads(read_text(path, Location(shown)))
    except json.JSONDecodeError as problem:
        raise InputError(Location(shown, problem.lineno, problem.colno), f"not a baseline file: {problem.msg}") from None
    failures = document.get("failures") if isinstance(document, dict) else None
    if not isinstance(failures, list) or not all(_entry(item) for item in failures):
        raise InputError(Location(shown), "not a baseline file: expected {version: 1, failures: [{file, id, verdict}]}")
    return Baseline(frozenset((item["file"], item["id"], item["verdict"]) for item in failures))


def _entry(item: object) -> bool:
    return isinstance(item, dict) and all(isinstance(item.get(name), str) for name in ("file", "id", "verdict"))

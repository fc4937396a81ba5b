"""docs/example/: the runnable project behind every claim shown in docs/claim-files.md.

Each claim records its ruling as ``expect:``; the docs stay true only while these hold.
"""
from __future__ import annotations

from pathlib import Path

from checker import check

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example"


def test_every_documented_claim_gives_its_recorded_ruling() -> None:
    report = check([EXAMPLE])
    assert [str(error) for error in report.errors] == []
    assert report.results and all(result.expected for result in report.results)
    assert {r.id: r.verdict for r in report.results if r.verdict != r.expected} == {}
    assert report.exit_code() == 0

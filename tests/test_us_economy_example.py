"""The second worked example, examples/us-economy/: PolitiFact-rated statements against FRED downloads as published.

Every claim there carries the verdict worked out by hand in its comment as ``expect:``; these tests
hold the checker to those rulings, and pin the few whose reasoning the issue named (U-6 written ``14``
is 14.0, payrolls in thousands are read with their scale).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "us-economy"
FRED_FILES = ("U6RATE", "PAYEMS", "MANEMP", "GASREGW", "GFDEBTN", "FEDMINNFRWG", "CPIAUCSL")

pytestmark = pytest.mark.skipif(
    not (EXAMPLE / "politifact-economy.yaml").is_file(), reason="examples/us-economy/ is not in this checkout"
)


@pytest.fixture(scope="module")
def report():
    return check([EXAMPLE])


def test_the_example_holds_every_statement_and_download() -> None:
    assert (EXAMPLE / "statements.txt").is_file() and (EXAMPLE / "LICENSE-NOTE.txt").is_file()
    assert (EXAMPLE / "reference" / "fred" / "LICENSE-NOTE.txt").is_file()
    for series in FRED_FILES:
        assert (EXAMPLE / "reference" / "fred" / f"{series}.csv").is_file(), series


def test_every_claim_is_checked_without_error(report) -> None:
    assert [str(error) for error in report.errors] == []
    assert report.summary()["error"] == 0
    assert len(report.results) == 15


@pytest.mark.parametrize("file, summary", [
    ("politifact-economy.yaml", {"supported": 6, "imprecise": 5, "refuted": 2, "unverifiable": 0, "error": 0}),
    ("payrolls-illustration.yaml", {"supported": 1, "imprecise": 0, "refuted": 1, "unverifiable": 0, "error": 0}),
])
def test_the_statements_and_the_illustration_are_counted_apart(file: str, summary: dict) -> None:
    """The figures examples/us-economy/README.md quotes: 13 real statements' claims, and apart from them
    the illustration written for claimcheck (not something anyone said)."""
    assert check([EXAMPLE / file]).summary() == summary


def test_every_verdict_matches_its_hand_worked_ruling(report) -> None:
    assert all(result.expected is not None for result in report.results)
    mismatches = {r.id: (r.verdict, r.expected) for r in report.results if r.verdict != r.expected}
    assert mismatches == {}
    assert report.exit_code() == 0


@pytest.mark.parametrize("claim_id, verdict, by_rounding", [
    ("gingrich-u6-april-2013", "imprecise", False),          # FRED's `14` is 14.0 ± 0.05, not 14 ± 0.5
    ("september-2021-jobs-added", "supported", False),       # 147,712 − 147,246 thousand = 466,000 jobs
    ("september-2021-jobs-added-careless", "refuted", False),  # "466 jobs" is not 466 thousand
    ("obama-minimum-wage-worth-less", "supported", True),    # 18.86% at the points, 19.04% at the edge
    ("rand-paul-bush-start-5-trillion", "refuted", False),   # $5.66 trillion is 13% past a round $5 trillion
])
def test_key_verdicts(report, claim_id: str, verdict: str, by_rounding: bool) -> None:
    result = next(r for r in report.results if r.id == claim_id)
    assert (result.verdict, result.by_rounding) == (verdict, by_rounding)


def test_results_name_the_fred_series_they_used(report) -> None:
    for result in report.to_dict()["results"]:
        assert result["sources"], result["id"]
        assert all("fred.stlouisfed.org/series/" in source for source in result["sources"]), result["id"]

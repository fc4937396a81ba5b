"""The worked example in claims/: every claim of the Meta article gets the verdict its evidence gives."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check

CLAIMS = Path(__file__).resolve().parents[1] / "claims"


@pytest.fixture(scope="module")
def report():
    return check([CLAIMS])


def test_every_claim_is_checked_without_error(report) -> None:
    assert not report.errors
    assert len(report.results) >= 25
    assert report.summary()["error"] == 0


def test_every_verdict_matches_its_recorded_ruling(report) -> None:
    mismatches = {r.id: (r.verdict, r.expected) for r in report.results if r.verdict != r.expected}
    assert mismatches == {}
    assert report.exit_code() == 0


def test_every_result_carries_its_evidence(report) -> None:
    for result in report.to_dict()["results"]:
        assert result["quote"] and result["explanation"]
        if result["verdict"] in ("supported", "imprecise", "refuted"):
            assert result["sources"], result["id"]
            assert all(source.strip() for source in result["sources"])


@pytest.mark.parametrize("claim_id, verdict, by_rounding", [
    ("q3-2022-net-income", "supported", False),
    ("q3-2022-half-of-prior-year", "supported", False),
    ("stock-low-nov-2022", "imprecise", False),
    ("stock-fell-to-a-quarter-as-stated", "supported", True),
    ("stock-jump-feb-2", "supported", False),
    ("metaverse-spend-in-won", "supported", False),
    ("h100-cost-in-won", "supported", False),
    ("anthropic-under-200-staff", "unverifiable", False),
    ("black-share-silicon-valley", "imprecise", False),
])
def test_key_verdicts(report, claim_id: str, verdict: str, by_rounding: bool) -> None:
    result = next(r for r in report.results if r.id == claim_id)
    assert (result.verdict, result.by_rounding) == (verdict, by_rounding)


def test_internal_and_reference_checks_are_labelled(report) -> None:
    checks = {r.id: r.check for r in report.results}
    assert checks["stock-fell-to-a-quarter-as-stated"] == "internal"
    assert checks["stock-fell-to-a-quarter"] == "reference"
    assert checks["q3-2022-half-of-prior-year"] == "mixed"


def test_coverage_counts_the_articles_numbers(report) -> None:
    coverage = report.coverage
    assert 0 < coverage.numbers_with_claims <= coverage.numbers_in_articles

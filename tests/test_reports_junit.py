"""JUnit output, read back by junitparser (the consumer CI plugins are built on)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker.reports import junit
from reports_support import VERDICTS, tricky, worked_example

junitparser = pytest.importorskip("junitparser", reason="junitparser is a test extra: pip install '.[test]'")


def parsed(report) -> junitparser.JUnitXml:
    stream = io.StringIO()
    junit.render(report, stream)
    return junitparser.JUnitXml.fromstring(stream.getvalue())


def outcome(case: junitparser.TestCase) -> str:
    kinds = {type(item).__name__ for item in case.result}
    return next(iter(kinds)).lower() if kinds else "passed"


def test_worked_example_is_one_suite_of_passing_and_skipped_cases() -> None:
    report = worked_example()
    suites = list(parsed(report))
    assert [suite.name for suite in suites] == [report.results[0].file]
    cases = list(suites[0])
    assert [case.name for case in cases] == [result.id for result in report.results]
    assert suites[0].tests == 32 and suites[0].failures == 0 and suites[0].errors == 0
    assert suites[0].skipped == report.summary()["unverifiable"] == 4


# A ruling mismatch and an unruled refutation fail; an invalid claim errs; unverifiable skips.
EXPECTED = {"revenue": "passed", "revenue-ruled-refuted": "failure", "profit": "failure",
            "staff": "skipped", "typo-metric": "error"}


@pytest.mark.parametrize("claim_id", list(EXPECTED), ids=list(EXPECTED))
def test_each_verdict_maps_to_a_junit_outcome(tmp_path: Path, claim_id: str) -> None:
    suite = next(iter(parsed(tricky(tmp_path))))
    case = next(case for case in suite if case.name == claim_id)
    assert outcome(case) == EXPECTED[claim_id], VERDICTS[claim_id]


def test_suite_totals_count_the_outcomes(tmp_path: Path) -> None:
    suite = next(iter(parsed(tricky(tmp_path))))
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (5, 2, 1, 1)

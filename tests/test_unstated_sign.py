"""A size held against a balance: refuted by its sign alone only when the value states a side.

Written here on a wire-style sentence; the rows are FRED MTSDS133FMS's (Federal Surplus or
Deficit [-], millions of USD, deficit negative) as the shared download has them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check
from repository_support import claim_repository

ARTICLE = ("The government ran a $257 billion deficit in October, up from $67 billion in the same month a year "
           "earlier. Inflation was 2% in October. In September the government ran a surplus of $64 billion.\n")
REFERENCE = """\
entity,metric,period,value,unit,source
us,balance,2023-10,-66563.55112973,millions of USD,https://fred.stlouisfed.org/series/MTSDS133FMS
us,balance,2024-09,64263.00886774,millions of USD,https://fred.stlouisfed.org/series/MTSDS133FMS
us,balance,2024-10,-257450.34319191,millions of USD,https://fred.stlouisfed.org/series/MTSDS133FMS
us,prices,2024-10,-2,%,https://example.org/written-here-to-test-a-sign
"""
QUOTE = "a $257 billion deficit in October, up from $67 billion in the same month a year earlier"


def _result(tmp_path: Path, claim: str):
    [result] = check([claim_repository(tmp_path, ARTICLE, REFERENCE, claim, "2024-11-13", "en")]).results
    return result


def test_a_size_against_a_negative_balance_is_an_error_that_asks_for_the_side(tmp_path: Path) -> None:
    result = _result(tmp_path, f"  - {{id: base, quote: '{QUOTE}', value: $67 billion, metric: us.balance, "
                               "period: 2023-10}\n")
    assert result.verdict == "error"
    assert "below zero" in result.explanation and "'$67 billion' gives its size but not its side" in result.explanation


@pytest.mark.parametrize("value", ["$67 billion deficit", "-$67 billion"])
def test_a_value_that_states_the_side_is_judged(tmp_path: Path, value: str) -> None:
    result = _result(tmp_path, f"  - {{id: base, quote: '{QUOTE}', value: '{value}', metric: us.balance, "
                               "period: 2023-10}\n")
    assert result.verdict == "supported", result.explanation


def test_a_surplus_stated_against_a_deficit_is_refuted(tmp_path: Path) -> None:
    """The side is stated and wrong: that is the writer's mistake, not an unread sign."""
    result = _result(tmp_path, "  - {id: s, quote: 'In September the government ran a surplus of $64 billion', "
                               "value: surplus of $64 billion, metric: us.balance, period: 2023-10}\n")
    assert result.verdict == "refuted"


def test_a_size_against_a_positive_balance_is_judged_as_it_reads(tmp_path: Path) -> None:
    result = _result(tmp_path, "  - {id: s, quote: 'In September the government ran a surplus of $64 billion', "
                               "value: $64 billion, metric: us.balance, period: 2024-09}\n")
    assert result.verdict == "supported"


def test_a_rate_that_is_no_balance_stays_refuted(tmp_path: Path) -> None:
    """Nothing names a balance: "2%" against -2% is read as +2%, and refuted."""
    result = _result(tmp_path, "  - {id: p, quote: Inflation was 2% in October, value: 2%, metric: us.prices, "
                               "period: 2024-10}\n")
    assert result.verdict == "refuted"


@pytest.mark.parametrize(("sentence", "value"), [
    (ARTICLE.split(". ")[0] + ".", "$67 billion deficit"),
    ("The government ran a surplus of $64 billion in September, compared with $40 billion a year earlier.",
     "$40 billion surplus"),
    # no balance stated: the base stays as written
    ("Revenue reached $5 billion, up from $4.6 billion a year earlier.", "$4.6 billion"),
])
def test_a_draft_gives_a_base_the_side_of_the_balance_it_is_compared_with(sentence: str, value: str) -> None:
    from checker import extract
    from checker.extraction.draft import claims
    drafted = claims(extract(sentence, "en", "2024-11-13"))
    assert drafted[-1]["value"] == value

"""The period a stated percent change is against, read from a price report's words (issue 21, item 5):
"in the 12 months through November" and "year-over-year" are the year before, 전년 동월 대비 too."""
from __future__ import annotations

import pytest

from checker.extraction import extract
from checker.extraction.metrics import Alias

CPI = [Alias("fred.CPIAUCSL", "consumer price index", "index"), Alias("fred.CPIAUCSL", "CPI", "index"),
       Alias("fred.CPIAUCSL", "consumer prices", "index")]


def _changes(text: str, language: str = "en") -> dict[str, tuple[str, str]]:
    found = extract(text, language, "2024-12-11", CPI)
    return {found.quantities[r.claim].quantity.text: (r.operands[0]["period"], r.operands[1]["period"])
            for r in found.relations if r.relation == "change" and isinstance(r.operands[0], dict)}


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("In the 12 months through November, the CPI advanced 2.7%.", "en", {"2.7%": ("2023-11", "2024-11")}),
    ("The consumer price index rose 2.7% year-over-year in November.", "en", {"2.7%": ("2023-11", "2024-11")}),
    ("11월 소비자물가지수(CPI)는 전년 동월 대비 2.7% 상승했다.", "ko", {"2.7%": ("2023-11", "2024-11")}),
    # the sentence's next percent: its span is unsaid ("rose 0.3% in November" is the month's)
    ("In the 12 months through November, the CPI rose 2.7%; it rose 0.3% in November.", "en",
     {"2.7%": ("2023-11", "2024-11")}),
    ("In the 12 months through November, the CPI advanced 2.7% after rising 2.6% in October.", "en",
     {"2.7%": ("2023-11", "2024-11")}),
    ("The consumer price index rose 0.3% in November.", "en", {}),   # no base named: the month's or the year's
    # the month between the change and its base: the words after it were cut at 32 characters
    ("Consumer prices rose 2.7% in November from a year earlier.", "en", {"2.7%": ("2023-11", "2024-11")}),
    ("Consumer prices rose 0.3% in November, while rents rose 4% from a year earlier.", "en", {}),  # another's base
])
def test_a_price_reports_change_is_against_the_period_its_words_name(text: str, language: str,
                                                                     expected: dict[str, tuple[str, str]]) -> None:
    assert _changes(text, language) == expected

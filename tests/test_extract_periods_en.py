"""English spans of months a reader resolves (issue 21, item 4): "July through September" is the quarter, not
September alone; "the final three months of 2021" is October to December, not the year."""
from __future__ import annotations

import pytest

from checker import extract


def _periods(text: str, published: str = "2022-10-27") -> dict[str, str | None]:
    return {found.quantity.text: found.period for found in extract(text, "en", published).quantities}


@pytest.mark.parametrize(("text", "number", "period"), [
    ("The economy grew at a 3.2% annual rate from July through September.", "3.2%", "2022-07..2022-09"),
    ("Sales rose 4% in July to September.", "4%", "2022-07..2022-09"),
    ("Sales rose 5% from November through January.", "5%", "2021-11..2022-01"),   # the latest span that has begun
    ("Tesla earned $2.3 billion in the final three months of 2021.", "$2.3 billion", "2021-10..2021-12"),
    ("Tesla earned $2.3 billion in the last three months of 2021.", "$2.3 billion", "2021-10..2021-12"),
    ("Tesla earned $5.5 billion in the first nine months of 2021.", "$5.5 billion", "2021-01..2021-09"),
])
def test_a_span_of_months_is_the_whole_span(text: str, number: str, period: str) -> None:
    assert _periods(text)[number] == period


def test_a_span_without_a_year_ends_by_publication() -> None:
    """LIAR2 (a PolitiFact justification): "more than 66,000 tickets … from January through August", read in
    March: last year's January to August, not a span still running."""
    text = "They wrote more than 66,000 tickets for uninsured drivers from January through August."
    assert _periods(text, "2024-03-01")["more than 66,000 tickets"] == "2023-01..2023-08"


def test_may_as_a_verb_starts_no_span() -> None:
    assert _periods("Prices may to some extent rise 5%.")["5%"] is None

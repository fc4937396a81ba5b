"""The base a figure is compared with right after it takes the figure's metric: "revenues rose 71% to $53.8
billion in 2021, from $31.5 billion a year earlier" left the $31.5 billion unlinked (issue 21, item 5)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from checker.extraction import extract
from checker.extraction.linking import links
from checker.extraction.metrics import aliases_of

EDGAR = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "edgar" / "CIK0001318605.companyfacts.json"
needs_shared = pytest.mark.skipif(not EDGAR.is_file(), reason="../shared/reference-data is absent")


@lru_cache(maxsize=1)
def _tesla():  # type: ignore[no-untyped-def]
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    reference, problems = ReferenceData.load([Entry(EDGAR)])
    assert problems == []
    return reference


def _linked(text: str) -> dict[str, tuple[str, str]]:
    reference = _tesla()
    aliases = aliases_of(reference)
    extraction = extract(text, "en", "2022-02-10", aliases)
    return {extraction.quantities[index].quantity.text: (link.metric, link.period)  # type: ignore[union-attr]
            for index, link in links(extraction, reference, aliases).items()}


@needs_shared
@pytest.mark.parametrize(("text", "expected"), [
    ("Tesla's revenues rose 71% to $53.8 billion in 2021, from $31.5 billion a year earlier.",
     {"$53.8 billion": ("cik1318605.Revenues", "2021"), "$31.5 billion": ("cik1318605.Revenues", "2020")}),
    ("Tesla's revenues were $53.8 billion in 2021, up from $31.5 billion in 2020.",
     {"$53.8 billion": ("cik1318605.Revenues", "2021"), "$31.5 billion": ("cik1318605.Revenues", "2020")}),
    # no period of its own: the base stays unlinked
    ("Tesla's revenues rose to $53.8 billion in 2021 from $31.5 billion.", {"$53.8 billion": ("cik1318605.Revenues", "2021")}),
    # another clause's figure is no base of the first
    ("Tesla's revenues were $53.8 billion in 2021, and it raised $5 billion from investors in 2020.",
     {"$53.8 billion": ("cik1318605.Revenues", "2021")}),
])
def test_a_base_right_after_a_figure_takes_its_metric(text: str, expected: dict[str, tuple[str, str]]) -> None:
    assert _linked(text) == expected

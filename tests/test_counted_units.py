"""Issue 22, item 6: counted nouns in reference units are open-class, as in claims; scales stay strict.

A shipbuilding series counts ships ("ships", "척"); "12 ships" and "12척" in a claim
are counts of ships, so the reference unit must read the same. A scale word followed
by a word the unit table does not know stays an error, and no scale or money word is
ever read as a counted noun.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check
from checker.quantities.units import UnitError, read_unit
from checker.reference import clear_cache


def claims(tmp_path: Path, unit: str, value: str, language: str = "en") -> Path:
    (tmp_path / "article.txt").write_text(f"Orders came to {value}.\n", encoding="utf-8")
    (tmp_path / "orders.csv").write_text("entity,metric,period,value,unit,source\n"
                                         f"kr,ship_orders,2022,12,{unit},https://example.org/orders\n",
                                         encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(f"version: 1\narticle: {{file: article.txt, published: 2023-01-20, language: {language}}}\n"
                    "reference: [orders.csv]\nclaims:\n"
                    f"  - {{id: orders, value: '{value}', metric: kr.ship_orders, period: 2022}}\n", encoding="utf-8")
    clear_cache()
    return path


@pytest.mark.parametrize("unit, value, language", [
    ("ships", "12 ships", "en"), ("Ships", "12 ships", "en"), ("ships", "12척", "ko"), ("척", "12 ships", "en"),
])
def test_a_counted_noun_in_reference_data_reads_like_one_in_a_claim(tmp_path: Path, unit: str, value: str,
                                                                     language: str) -> None:
    report = check([claims(tmp_path, unit, value, language)])
    assert report.errors == []
    assert report.results[0].verdict == "supported", report.results[0].explanation


@pytest.mark.parametrize("unit, word", [
    ("thousand ships", "ships"),      # after a scale word every word must be known
    ("Thousands of Ships", "Ships"),
    ("millions", "millions"),         # a scale word is no counted noun
    ("francs", "francs"),             # nor is money
    ("cents", "cents"),
    ("ships of steel", "ships"),      # one noun, nothing after it
])
def test_scale_and_money_words_are_never_counted_nouns(unit: str, word: str) -> None:
    with pytest.raises(UnitError, match=f"unknown unit word '{word}'"):
        read_unit(unit)


def test_an_unknown_scaled_unit_in_a_file_is_still_an_error(tmp_path: Path) -> None:
    report = check([claims(tmp_path, "thousand ships", "12 ships")])
    assert any("unknown unit word 'ships' in 'thousand ships'" in str(error) for error in report.errors)
    assert report.results[0].verdict != "supported"

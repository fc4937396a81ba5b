"""Shortcuts taken for speed find exactly what the plain definitions find.

Each shortcut (a clue checked before a region's pattern, …) is held to the slow,
obvious computation on real text: every sentence of the finance corpus in both
languages and the PolitiFact statements of LIAR2, read from ``../shared`` (their
licences forbid copying them), plus written cases for the corners a corpus lacks.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checker.extraction import negatives

SHARED = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
FINANCE = SHARED / "finance_sentiment_corpus" / "finance_data.csv"
LIAR = SHARED / "liar2" / "valid.csv"

#: Corners of the regions' patterns (written here): case-folded letters (ı, ſ, the
#: Kelvin sign), IP addresses, list numbers at a line start, a model name after a hyphen.
CORNERS = [
    "Call 02-123-4567. GPT-4 in Q3, EUR21m. 5/17/2018 and 2018/5/17에",
    "THE THIRD QUARTER, a YEAR EARLIER, one month ago, a quarter before",
    "a year earlıer, the fırst half, ſecond quarter, 5 \u212aG",
    "1. First\n  2) second\n(3) third 192.168.1.2입니다",
    "162nd Avenue, 3rd, 5G and 3.5G, 1~9월, 2008년 4/4분기, x86 and mp3, mid-2022",
    "+82 10-1234-5678, (02) 123-4567",
]


def _texts() -> list[str]:
    texts = list(CORNERS)
    if FINANCE.is_file():
        with FINANCE.open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                texts += [row["sentence"], row["kor_sentence"]]
    if LIAR.is_file():
        with LIAR.open(encoding="utf-8", newline="") as stream:
            texts += [row["statement"] for row in csv.DictReader(stream)]
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = _texts()
    if len(found) == len(CORNERS):
        pytest.skip(f"corpora not found under {SHARED}: only the written corners would be checked")
    return found


@pytest.mark.parametrize("reason", list(negatives.REGIONS))
def test_a_region_clue_never_hides_a_region(reason: str, texts: list[str]) -> None:
    region = negatives.REGIONS[reason]
    for text in texts:
        plain = [match.span() for match in region.pattern.finditer(text)]
        assert [match.span() for match in region.finditer(text)] == plain, text


def test_the_corners_reach_every_region() -> None:
    assert {reason for text in CORNERS for *_, reason in negatives.regions(text)} == set(negatives.REGIONS)


def test_a_word_clue_refuses_letters_that_fold_to_others() -> None:
    with pytest.raises(ValueError, match="i, s or k"):
        negatives._words("earlier")

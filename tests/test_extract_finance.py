"""Real financial text: every sentence of the finance corpus and QuanTemp through ``numbers``.

No exception, every span indexes its text, and the English money forms of the
corpus ("EUR 13.1 mn", "EUR21m", "EUR106 ,000", "SEK 3.6 bn", "8 %") come out right.
The corpora carry non-commercial licences: read from ``../shared``, never copied.
"""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from checker.extraction import numbers
from checker.quantities.model import Kind

SHARED = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
FINANCE = SHARED / "finance_sentiment_corpus" / "finance_data.csv"
QUANTEMP = SHARED / "quantemp" / "data" / "complex_num_facts_categorized_subset.csv"


def _rows() -> list[dict[str, str]]:
    if not FINANCE.is_file():
        pytest.skip(f"finance corpus not found at {FINANCE}")
    with FINANCE.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.parametrize("column,language", [("sentence", "en"), ("kor_sentence", "ko")])
def test_finance_corpus_spans(column: str, language: str) -> None:
    for row in _rows():
        text = row[column]
        quantities, negatives = numbers(text, language)
        assert all(text[q.start:q.end] == q.text and q.start < q.end for q in quantities), text
        assert all(0 <= n.start < n.end <= len(text) for n in negatives), text


def test_quantemp_claims_spans() -> None:
    if not QUANTEMP.is_file():
        pytest.skip(f"QuanTemp not found at {QUANTEMP}")
    claims = [line.rsplit("@", 1)[0] for line in QUANTEMP.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(claims) > 100
    for text in claims:
        quantities, _ = numbers(text, "en")
        assert all(text[q.start:q.end] == q.text for q in quantities), text


@pytest.mark.parametrize("text,value,unit", [
    ("EUR 13.1 mn", "13100000", "EUR"), ("EUR21m", "21000000", "EUR"), ("EUR106 ,000", "106000", "EUR"),
    ("SEK 3.6 bn", "3600000000", "SEK"), ("8 %", "8", "%"),
])
def test_finance_money_forms_in_the_corpus(text: str, value: str, unit: str) -> None:
    rows = [row["sentence"] for row in _rows() if text in row["sentence"]]
    assert rows, f"{text!r} no longer in the corpus"
    quantities, _ = numbers(rows[0], "en")
    assert (Decimal(value), unit) in [(q.value, q.unit) for q in quantities if q.text == text]


def _money_and_percent(text: str, language: str) -> set[tuple[Decimal, str]]:
    quantities, _ = numbers(text, language)
    return {(q.value.normalize(), q.unit) for q in quantities
            if q.kind in (Kind.MONEY, Kind.PERCENT) and q.value is not None and q.unit}


def test_english_and_korean_columns_agreement() -> None:
    """How often both columns state the same money and percent values: not a target, but a floor."""
    rows = [row for row in _rows() if _money_and_percent(row["sentence"], "en")]
    agree = sum(_money_and_percent(r["sentence"], "en") == _money_and_percent(r["kor_sentence"], "ko") for r in rows)
    print(f"\nfinance corpus: {agree}/{len(rows)} rows with money or percent agree "
          f"({100 * agree / max(1, len(rows)):.1f}%) between the English and Korean columns")
    # Measured 725 of 1,439 (issue 24); 815 once Korean reads "2.7mln 유로" and "3.8pct" and a decimal comma
    # is read ("56,1 %") (issue 21, item 8):
    # fewer rows read alike in both languages is a regression in one grammar.
    assert len(rows) >= 1439 and agree >= 815

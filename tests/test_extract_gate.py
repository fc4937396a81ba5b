"""The extraction gate (``checker.extraction.gate``) never hides a quantity.

A text the gate turns away is never scanned, so a quantity it held would vanish
without a word. The gate is held to the scanner itself: every text it turns away,
scanned in full, holds no quantity, and no region of ``negatives`` (those are reported). The texts are every sentence of the finance
corpus in both languages and the PolitiFact statements of LIAR2, read from
``../shared`` (their licences forbid copying them), and written corners: quantities
with no digit ("a week", 세대), case folds, English in Korean text.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checker.extraction import negatives, numbers, scanner
from checker.extraction.gate import may_hold_quantity

SHARED = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
FINANCE = SHARED / "finance_sentiment_corpus" / "finance_data.csv"
LIAR = SHARED / "liar2" / "valid.csv"

#: Numbers without a digit, each the only number of its text (most are quantities).
WORDED = {
    "en": ["They met a week ago.", "It costs a dollar.", "a percent rise", "over two thirds", "It doubled.",
           "Sales were halved.", "a dz eggs", "a third of them", "a million approaches", "dozens of firms",
           "TWENTY-ONE banks", "ſix banks", "A WEEK later", "a \u212aILOGRAM", "minus", "ten-fold"],
    "ko": ["매출이 두 배 늘었다.", "절반이 넘었다.", "세대", "한 달 만에", "삼십 퍼센트", "오분의 일", "사업을 two 번 했다.",
           "이백만 원", "마이너스 금리"],
}
#: Texts with no number at all, which the gate turns away; and regions without a digit, which it lets through.
NUMBERLESS = {
    "en": ["Shares fell sharply on the news.", "The company said it expects higher sales.", "Anyone, someone, atone."],
    "ko": ["주가가 크게 올랐다.", "주식 시장 점유율이 높아졌다.", "이번 달에 사업을 시작했다."],
}


def _corpus(language: str) -> list[str]:
    texts = []
    if FINANCE.is_file():
        with FINANCE.open(encoding="utf-8", newline="") as stream:
            texts += [row["sentence" if language == "en" else "kor_sentence"] for row in csv.DictReader(stream)]
    if LIAR.is_file() and language == "en":
        with LIAR.open(encoding="utf-8", newline="") as stream:
            texts += [row["statement"] for row in csv.DictReader(stream)]
    return texts


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_text_turned_away_holds_no_quantity(language: str) -> None:
    texts = _corpus(language)
    if not texts:
        pytest.skip(f"corpora not found under {SHARED}: the gate is checked on the written texts only")
    turned_away = [text for text in texts if not may_hold_quantity(text, language)]
    assert len(turned_away) > len(texts) // 4    # a gate that lets everything through would pass the next line
    assert [text for text in turned_away if scanner.scan(text, language)] == []
    assert [text for text in turned_away if negatives.regions(text)] == []


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_quantity_without_a_digit_passes(language: str) -> None:
    for text in WORDED[language]:
        assert may_hold_quantity(text, language), text


REGIONS_WITHOUT_A_DIGIT = ["in the third quarter", "the FINAL HALF", "a year earlier", "One month ago",
                           "a ſecond quarter", "a quarter before", "a year earlıer"]


def test_a_region_without_a_digit_passes() -> None:
    for text in REGIONS_WITHOUT_A_DIGIT:
        assert negatives.regions(text), text
        assert may_hold_quantity(text, "en") and may_hold_quantity(text, "ko"), text


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_text_without_a_number_is_turned_away(language: str) -> None:
    assert [text for text in NUMBERLESS[language] if may_hold_quantity(text, language)] == []


def test_a_text_turned_away_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the gate: the scanner never runs on such a text (it would raise here)."""
    def refuse(*arguments: object) -> None:
        raise AssertionError("scanned")
    monkeypatch.setattr(scanner, "scan", refuse)
    assert numbers("Shares fell sharply on the news.", "en") == ([], [])
    assert numbers("주가가 크게 올랐다.", "ko") == ([], [])


def test_a_text_without_a_quantity_is_not_split_into_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no quantity there is nothing to place, date or relate: ``extract`` returns at once."""
    import checker.extraction as extraction

    def refuse(*arguments: object) -> None:
        raise AssertionError("split into sentences")
    monkeypatch.setattr(extraction, "sentence_spans", refuse)
    result = extraction.extract("Shares fell sharply in the first half.", "en")
    assert (result.quantities, result.relations) == ([], [])
    assert [negative.reason for negative in result.negatives] == ["the name of a quarter or half-year"]

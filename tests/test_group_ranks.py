"""Drafting ranks across entities ("OECD 1위", "세계 3위", "the highest among OECD countries").

Real sentences are read from the shared corpora (liar2's PolitiFact statements and the
finance sentences with their Korean translations, ../shared/peer-corpora), skipped when
absent. Those corpora hold no Korean sentence naming the OECD or the G7, so the issue's
own phrases ('OECD 1위', 'OECD 최하위', 'G7 중 가장 높다') are tested in sentences written here.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from checker import check, extract
from checker.extraction.draft import draft, dump
from checker.extraction.group_ranks import find

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora"
LIAR = CORPORA / "liar2"
FINANCE = CORPORA / "finance_sentiment_corpus" / "finance_data.csv"


def corpus_sentence(path: Path, column: str, holding: str) -> str:
    """The first sentence of ``column`` in the corpus file that holds ``holding``."""
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {path}")
    with path.open(encoding="utf-8", newline="") as stream:
        return next(row[column] for row in csv.DictReader(stream) if holding in row[column])


def read(text: str) -> list[tuple[str, str, int | None, str | None]]:
    return [(text[r.start:r.end], r.group, r.rank, r.direction) for r in find(text)]


@pytest.mark.parametrize("file, column, holding, expected", [
    (LIAR / "valid.csv", "statement", "fifth in the world (in executions)",
     [("fifth in the world", "world", 5, None)]),
    (LIAR / "test.csv", "statement", "ranks 37th in the world", [("37th in the world", "world", 37, None)]),
    (LIAR / "valid.csv", "statement", "highest taxed nation in the world",
     [("highest taxed nation in the world", "world", 1, "highest")]),
    (FINANCE, "sentence", "the world's second-largest maker of cell phones",
     [("the world's second-largest", "world", 2, "highest")]),
    (FINANCE, "kor_sentence", "세계 2위의 휴대폰 제조업체", [("세계 2위", "world", 2, None)]),
    (FINANCE, "kor_sentence", "세계에서 가장 크고 빠른", [("세계에서 가장 크", "world", 1, "highest")]),
])
def test_real_rank_statements(file: Path, column: str, holding: str, expected: list) -> None:
    assert read(corpus_sentence(file, column, holding)) == expected


@pytest.mark.parametrize("file, holding", [
    (LIAR / "valid.csv", "one of the most common parasites in the world"),   # one of: a set of places
    (LIAR / "valid.csv", "seven most dangerous countries in the world"),     # the top seven, not a place
    (LIAR / "valid.csv", "among the most dangerous in the world"),
    (FINANCE, "many of the largest software vendors in the world"),
])
def test_a_set_of_places_is_no_rank(file: Path, holding: str) -> None:
    for column in ("statement", "justification") if file != FINANCE else ("sentence",):
        try:
            sentence = corpus_sentence(file, column, holding)
        except StopIteration:
            continue
        assert [found for found in read(sentence) if holding.endswith(found[0])] == []
        return
    pytest.fail(f"no sentence holds {holding!r}")


@pytest.mark.parametrize("text, expected", [
    ("한국의 성장률 전망은 OECD 1위다.", [("OECD 1위", "oecd", 1, None)]),
    ("한국의 합계출산율은 OECD 회원국 중 최하위다.", [("OECD 회원국 중 최하위", "oecd", None, None)]),
    ("한국은 세계 3위 반도체 수출국이다.", [("세계 3위", "world", 3, None)]),
    ("한국의 국가채무 증가 속도는 G7 중 가장 높다.", [("G7 중 가장 높", "g7", 1, "highest")]),
    ("OECD 38개국 가운데 2위를 기록했다.", [("OECD 38개국 가운데 2위", "oecd", 2, None)]),
    ("Korea's suicide rate is the highest among OECD countries.",
     [("highest among OECD countries", "oecd", 1, "highest")]),
    ("Italy came last among G7 nations.", [("last among G7 nations", "g7", None, None)]),
    ("한국은 세계 10위권 경제 대국이다.", []),          # 10위권: a range of places
    ("세계은행 1위 사업", []),                        # 세계은행 is the World Bank, no group
    ("OECD 평균보다 2.1%포인트 높다.", []),
])
def test_the_issues_phrases(text: str, expected: list) -> None:
    assert read(text) == expected


def test_the_draft_quotes_the_sentence_and_stays_unverifiable(tmp_path: Path) -> None:
    """The draft writes what it read as a comment; the metric and the direction of '1위' are a person's to link."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("정부는 한국의 성장률 전망이 OECD 1위라고 밝혔다. 출산율은 G7 중 가장 낮다.\n", encoding="utf-8")
    output = tmp_path / "claims.yaml"
    text = dump(draft(extract(article.read_text(encoding="utf-8"), "ko", "2019-05-21"), article, output))
    assert ("quote: 정부는 한국의 성장률 전망이 OECD 1위라고 밝혔다.  # states a rank among oecd (OECD 1위): check it "
            "with relation: rank_among, of: [{metric: ENTITY.METRIC, period: PERIOD}], group: oecd, rank: 1, "
            "direction: highest or lowest") in text
    assert "group: g7, rank: 1, direction: lowest" in text
    ids = [claim["id"] for claim in yaml.safe_load(text)["claims"]]
    assert ids[-2:] == ["rank-oecd-1", "rank-g7-1"]
    output.write_text(text, encoding="utf-8")
    report = check([output])
    assert not report.errors, report.errors
    assert {result.id: result.verdict for result in report.results if result.id.startswith("rank-")} == {
        "rank-oecd-1": "unverifiable", "rank-g7-1": "unverifiable"}

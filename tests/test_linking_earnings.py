""""Tesla earned $5.5 billion", "$1.44 per share on a diluted basis": a company's earnings by news words (issue 21 item 5)."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main
from checker.extraction import extract
from checker.extraction.linking import links
from checker.extraction.metrics import aliases_of

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference-data"
EDGAR = SHARED / "edgar" / "CIK0001318605.companyfacts.json"
needs_shared = pytest.mark.skipif(not EDGAR.is_file(), reason="../shared/reference-data is absent")


@needs_shared
@pytest.mark.parametrize("text, published, linked", [
    ("Tesla earned $5.5 billion in the first nine months of 2021.", "2022-01-27", ("NetIncomeLoss", "2021-01..2021-09")),
    ("Tesla posted a profit of $5.5 billion in 2021.", "2022-01-27", ("NetIncomeLoss", "2021")),
    ("Tesla earned $1.44 per share on a diluted basis in the third quarter.", "2021-10-20",
     ("EarningsPerShareDiluted", "2021-Q3")),
    ("Tesla earned $1.62 per basic share in the third quarter.", "2021-10-20", ("EarningsPerShareBasic", "2021-Q3")),
    ("Tesla earned $1.44 per share in the third quarter.", "2021-10-20", None),       # basic or diluted: a reading
    ("Tesla earned $1.62 a share, or $1.44 per diluted share, in the third quarter.", "2021-10-20", None),  # whose word
    ("Tesla posted an operating profit of $6.5 billion in 2021.", "2022-01-27", None),  # not net income
    ("Tesla earned an adjusted $1.86 per diluted share in the third quarter.", "2021-10-20", None),  # non-GAAP
    ("Ford earned $5.5 billion in 2021.", "2022-01-27", None),                          # not the filer
    ("Analysts expected Tesla to earn $1.59 per diluted share in the third quarter.", "2021-10-20", None),  # a forecast
])
def test_earnings_words_name_net_income_for_money_and_a_per_share_tag_per_share(
        text: str, published: str, linked: tuple[str, str] | None) -> None:
    assert _linked(text, "en", published) == ([(f"cik1318605.{linked[0]}", linked[1])] if linked else [])


def _linked(text: str, language: str, published: str) -> list[tuple[str, str | None]]:
    """The (metric, period) of every link drafted for ``text`` against Tesla's companyfacts."""
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    reference, problems = ReferenceData.load([Entry(EDGAR)])
    assert problems == []
    aliases = aliases_of(reference)
    extraction = extract(text, language, published, aliases)
    return [(link.metric, link.period) for link in links(extraction, reference, aliases).values()]


@needs_shared
@pytest.mark.parametrize("text, linked", [
    # written here in the style of a Korean wire story (Tesla's Q3 2022 net income: 3,292 million in the filing)
    ("미국 테슬라(Tesla)는 3분기 순이익이 32억9천만 달러로 전년 동기 대비 103% 증가했다고 밝혔다.", ("NetIncomeLoss", "2022-Q3")),
    ("미국 테슬라(Tesla)의 3분기 매출은 214억 달러, 순이익은 32억 달러였다.", ("NetIncomeLoss", "2022-Q3")),
    ("미국 테슬라(Tesla)의 3분기 영업이익은 36억9천만 달러였다.", None),          # operating income
    ("미국 테슬라(Tesla)의 3분기 주당순이익은 1.05달러였다.", None),              # per share
    ("애널리스트들은 미국 테슬라(Tesla)의 3분기 순이익이 30억 달러일 것으로 예상했다.", None),   # a forecast
])
def test_korean_net_income_names_the_filers_net_income(text: str, linked: tuple[str, str] | None) -> None:
    assert _linked(text, "ko", "2022-10-20") == ([(f"cik1318605.{linked[0]}", linked[1])] if linked else [])


@needs_shared
@pytest.mark.parametrize("text, linked", [
    ("Tesla's revenue was $53.8 billion in 2021. Earnings per share were $5.60 in 2021.", ["$53.8 billion"]),
    ("Tesla's revenue was $53.8 billion in 2021. In 2020 it was $31.5 billion.", ["$53.8 billion", "$31.5 billion"]),
])
def test_a_total_carried_to_the_next_sentence_is_not_a_figure_per_share(text: str, linked: list[str]) -> None:
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    reference, _ = ReferenceData.load([Entry(EDGAR)])
    aliases = aliases_of(reference)
    extraction = extract(text, "en", "2022-03-01", aliases)
    made = links(extraction, reference, aliases)
    assert [extraction.quantities[index].quantity.text for index in made] == linked
    assert {link.metric for link in made.values()} == {"cik1318605.Revenues"}  # type: ignore[union-attr]


@needs_shared
def test_a_per_share_figure_checks_against_the_filing_out_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """$1.44 is the 2021 10-Q's; the 2022 10-Q restates it as 0.48 (after a 3-for-1 split)."""
    article = tmp_path / "article.txt"
    article.write_text("Tesla earned $1.44 per share on a diluted basis in the third quarter.\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "--published", "2021-10-20", "--lang", "en", "-o", str(draft),
                 "--reference", str(EDGAR)]) == 0
    assert "metric: cik1318605.EarningsPerShareDiluted" in draft.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(draft)]) == 0
    assert "1 supported" in capsys.readouterr().out

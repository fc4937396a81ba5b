"""A sentence naming another nation than the one a provider's series are of links nothing: "Japan's economy
grew at a 2.1% annual rate" was linked to FRED's US GDP growth, a silent wrong verdict (issue 21, item 5)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from checker.extraction import extract
from checker.extraction.linking import links, vetted
from checker.extraction.metrics import Alias, aliases_of
from checker.extraction.places import other_nation

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference-data"
needs_shared = pytest.mark.skipif(not (SHARED / "us").is_dir(), reason="../shared/reference-data is absent")


@lru_cache(maxsize=1)
def _reference():  # type: ignore[no-untyped-def]
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    reference, problems = ReferenceData.load([Entry(SHARED / "us" / "A191RL1Q225SBEA.csv", unit="Percent"),
                                              Entry(SHARED / "us" / "CPIAUCSL.csv", unit="index"),
                                              Entry(SHARED / "ecos" / "import_amount2.json")])
    assert problems == []
    return reference


def _linked(text: str, language: str, published: str) -> list[str]:
    """The metrics of the links drafted, and of the changes drafted as relations looking them up."""
    reference = _reference()
    aliases = [*aliases_of(reference), Alias("fred.A191RL1Q225SBEA", "economy grew", "%"),
               Alias("fred.CPIAUCSL", "CPI", "index")]
    extraction = vetted(extract(text, language, published, aliases), reference)
    looked_up = [operand["metric"] for relation in extraction.relations for operand in relation.operands[:1]
                 if isinstance(operand, dict) and "metric" in operand]
    return [getattr(link, "metric", "") for link in links(extraction, reference, aliases).values()] + looked_up


@needs_shared
@pytest.mark.parametrize(("text", "language", "published", "linked"), [
    ("The U.S. economy grew at a 2.6% annual rate in the third quarter.", "en", "2022-10-27",
     ["fred.A191RL1Q225SBEA"]),
    ("Japan's economy grew at a 2.1% annual rate in the third quarter.", "en", "2022-11-20", []),
    ("The euro zone economy grew at a 2.1% annual rate in the third quarter.", "en", "2022-11-20", []),
    ("6월 수입물량지수는 120.53으로 집계됐다.", "ko", "2022-07-15", ["ecos.403Y004.*AA"]),
    ("미국의 6월 수입물량지수는 120.53으로 집계됐다.", "ko", "2022-07-15", []),   # Korea's index, not the US's
    # a Korean story's CPI is Korea's unless it names the US
    ("통계청에 따르면 11월 소비자물가지수(CPI)는 전년 동월 대비 1.5% 상승했다.", "ko", "2024-12-03", []),
    ("미국의 11월 소비자물가지수(CPI)는 전년 동월 대비 2.7% 상승했다.", "ko", "2024-12-12", ["fred.CPIAUCSL"]),
])
def test_another_nations_figure_links_nothing(text: str, language: str, published: str, linked: list[str]) -> None:
    assert _linked(text, language, published) == linked


@pytest.mark.parametrize(("sentence", "metric", "named"), [
    ("Chinese exports rose 7%", "fred.PAYEMS", "Chinese"),
    ("Tesla's revenue in China was $5 billion", "cik1318605.Revenues", "China"),
    ("Indiana employers added 5,000 jobs", "fred.PAYEMS", None),   # a state (places.other_place), no nation
    ("일본의 수입물량지수", "ecos.403Y004.*AA", "일본"),
    ("Japan's GDP grew 2%", "someone.gdp", None),                  # a provider of no known nation: no check
])
def test_other_nation_names_the_first_nation_not_the_providers(sentence: str, metric: str, named: str | None) -> None:
    assert other_nation(sentence, metric) == named

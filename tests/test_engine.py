"""The engine on small claim repositories: each way a claim is decided, refused or left open."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check
from repository_support import claim_repository

ARTICLE = ("메타는 2022년 3분기 44억 달러의 순이익을 기록했다. 전년 대비 절반 수준이었다. 주가는 30% 올랐다.\n"
           "순이익은 전년의 48%였다. 원화로 약 6조 원이다. 주가는 11월 90달러 대였다. 6조 원, 2배라는 수치도 나왔다.\n"
           "최저임금은 5년간 연평균 7.2% 올랐다.\n")
REFERENCE = """\
entity,metric,period,value,unit,source,vintage
meta,net_income,2022-Q3,4395000000,USD,https://example.org/q3-2022,2022-10-26
meta,net_income,2022-Q3,5400000000,USD,https://example.org/q3-2022-restated,2024-05-01
meta,net_income,2021-Q3,9194000000,USD,https://example.org/q3-2021,2021-10-25
meta,close,2022-11-01,95.2,USD,https://example.org/prices,
meta,close,2022-11-02,88.9,USD,https://example.org/prices,
fx,usd_krw,2022-11,1400,KRW/USD,https://example.org/fx,
"""


def repository(tmp_path: Path, claims: str) -> Path:
    return claim_repository(tmp_path, ARTICLE, REFERENCE, claims, "2024-02-19", "ko")


# A quote holding no number where the claim's value is not the point: a value the quote does
# not state is an error of its own (issue 13, item 3).


def one(tmp_path: Path, claims: str):
    """The last claim's result, its words in English (the article is Korean)."""
    report = check([repository(tmp_path, claims)], language="en")
    assert not report.errors, report.errors
    return report.results[-1]


NET_INCOME = "  - {id: ni, quote: 44억 달러의 순이익, value: 44억 달러, metric: meta.net_income, period: 2022-Q3}\n"


def test_vintage_known_at_publication_is_used_and_a_revision_is_flagged(tmp_path: Path) -> None:
    result = one(tmp_path, NET_INCOME)
    assert result.verdict == "supported"
    assert result.revised == {"verdict": "refuted", "value": 5400000000, "vintage": "2024-05-01",
                              "used_vintage": "2022-10-26", "used_value": 4395000000, "changes_verdict": True,
                              "used_filing": None, "filing": None, "seen_by_article": True}
    assert "Revised" in result.explanation and "2024-05-01" in result.explanation


def test_a_revision_that_keeps_the_verdict_is_still_shown(tmp_path: Path) -> None:
    """The reader learns the figure moved, with both vintages, even when the verdict stays."""
    path = repository(tmp_path, NET_INCOME)
    (tmp_path / "reference.csv").write_text(REFERENCE.replace("5400000000", "4401000000"), encoding="utf-8")
    [result] = check([path], language="en").results
    assert result.verdict == "supported"
    assert result.revised["changes_verdict"] is False and result.revised["used_vintage"] == "2022-10-26"
    assert ("the figure published later (2024-05-01) is 4,401,000,000 USD, and the claim would still be supported"
            in result.explanation)


def test_as_of_latest_takes_the_newest_vintage(tmp_path: Path) -> None:
    claim = NET_INCOME.replace("period: 2022-Q3}", "period: 2022-Q3, as_of: latest}")
    result = one(tmp_path, claim)
    assert (result.verdict, result.sources) == ("refuted", ("https://example.org/q3-2022-restated",))


def test_relation_over_a_stated_value_and_a_lookup_is_mixed(tmp_path: Path) -> None:
    result = one(tmp_path, NET_INCOME + "  - {id: half, quote: 절반 수준, relation: ratio, "
                 "of: [ni, {metric: meta.net_income, period: 2021-Q3}], value: 절반 수준}\n")
    assert (result.verdict, result.check) == ("supported", "mixed")
    assert "https://example.org/q3-2021" in result.sources


def test_side_actual_uses_the_evidence_of_the_other_claim(tmp_path: Path) -> None:
    result = one(tmp_path, NET_INCOME + "  - {id: half, quote: 절반 수준, relation: ratio, "
                 "of: [{claim: ni, side: actual}, {metric: meta.net_income, period: 2021-Q3}], value: 절반 수준}\n")
    assert (result.verdict, result.check) == ("supported", "reference")
    assert abs(float(result.actual["value"]) - 0.478) < 0.001


def test_expr_relation(tmp_path: Path) -> None:
    result = one(tmp_path, NET_INCOME + "  - {id: half, quote: 순이익은 전년의 48%였다, relation: expr, expr: 'a / b * 100', "
                 "of: {a: ni, b: {metric: meta.net_income, period: 2021-Q3}}, value: 48%}\n")
    assert result.verdict == "supported"


def test_agg_any_picks_the_day_that_supports(tmp_path: Path) -> None:
    claim = ("  - {id: low, quote: 주가는 11월 90달러 대였다, value: 90달러 대, metric: meta.close, period: 2022-11, "
             "agg: any}\n")
    partial = one(tmp_path, claim)
    assert partial.verdict == "unverifiable" and "data for 2022-11 end on 2022-11-02" in partial.explanation
    (tmp_path / "reference.csv").write_text(REFERENCE + "".join(
        f"meta,close,2022-11-{day:02},88.{day % 10},USD,https://example.org/prices,\n" for day in range(3, 31)))
    result = check([tmp_path / "claims.yaml"]).results[-1]
    assert result.verdict == "supported" and float(result.actual["value"]) == 95.2


@pytest.mark.parametrize("claim, verdict, message", [
    ("{id: x, quote: 44억 달러의 순이익, value: 44억 달러, metric: meta.net_incme, period: 2022-Q3}",
     "error", "unknown metric 'meta.net_incme' (did you mean 'meta.net_income'?)"),
    ("{id: x, quote: 44억 달러의 순이익, value: 44억 달러, metric: meta.close, period: 2022-11}",
     "error", "meta.close has daily rows in 2022-11; say which with agg: last, first, min, max, mean, sum, any"),
    ("{id: x, quote: 44억 달러의 순이익, value: 44억 달러, metric: meta.net_income, period: 2019-Q3}",
     "unverifiable", "no data for meta.net_income in 2019-Q3"),
    ("{id: x, quote: 6조 원, value: 6조 원, metric: meta.net_income, period: 2022-Q3}",
     "error", "unit mismatch: the claim is in KRW, the evidence in USD; state the conversion with relation: convert"),
    ("{id: x, quote: 2배라는 수치, value: 2배, relation: ratio, of: [{value: 1달러}, {value: 0달러}]}",
     "error", "division by an interval containing zero"),
    ("{id: x, quote: 2배라는 수치, value: 2배, relation: ratoi, of: [{value: 1달러}, {value: 2달러}]}",
     "error", "unknown relation 'ratoi' (did you mean 'ratio'?)"),
    ("{id: x, quote: 44억 달러의 순이익, value: 44억 달러}",
     "unverifiable", "no metric or relation links this claim to evidence yet"),
], ids=["unknown-metric", "agg-required", "period-outside-data", "unit-mismatch", "division-by-zero",
        "unknown-relation", "draft"])
def test_claims_that_cannot_be_decided(tmp_path: Path, claim: str, verdict: str, message: str) -> None:
    result = one(tmp_path, f"  - {claim}\n")
    assert result.verdict == verdict
    assert result.explanation.startswith(message)


def test_an_error_points_at_the_key_that_caused_it(tmp_path: Path) -> None:
    result = one(tmp_path, "  - id: x\n    quote: 44억 달러의 순이익\n    value: 44억 달러\n"
                           "    metric: meta.nope\n    period: 2022-Q3\n")
    assert (result.line, result.column) == (8, 13)


def test_convert_is_the_only_way_money_changes_currency(tmp_path: Path) -> None:
    result = one(tmp_path, NET_INCOME + "  - {id: won, quote: 원화로 약 6조 원이다, relation: convert, "
                 "of: [ni, {metric: fx.usd_krw, period: 2022-11}], value: 약 6조 원}\n")
    assert (result.verdict, result.actual["unit"]) == ("supported", "KRW")


def test_a_loose_draft_outside_any_repository_may_name_an_article_elsewhere(tmp_path: Path) -> None:
    articles, drafts = tmp_path / "articles", tmp_path / "drafts"
    articles.mkdir(), drafts.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    draft = drafts / "x.yaml"
    draft.write_text("version: 1\narticle: {file: ../articles/a.txt, published: 2024-02-19, language: ko}\n"
                     "claims:\n  - {id: a, quote: 44억 달러의 순이익, value: 44억 달러}\n", encoding="utf-8")
    report = check([draft])
    assert not report.errors and [r.verdict for r in report.results] == ["unverifiable"]
    (drafts / "pyproject.toml").write_text("", encoding="utf-8")
    assert "is outside the claim repository" in str(check([draft]).errors[0])


def test_a_period_the_article_could_not_know_is_said_so(tmp_path: Path) -> None:
    """2024-Q1 had not ended on 2024-02-19: whatever the data say, the article stated a forecast."""
    result = one(tmp_path, NET_INCOME.replace("period: 2022-Q3", "period: 2024-Q1"))
    assert result.verdict == "unverifiable"
    assert result.explanation.endswith("Note: 2024-Q1 had not ended by the article's publication date (2024-02-19), "
                                       "so the article stated a forecast, a plan or a figure so far, not a final "
                                       "figure it could know.")


def _wage_claim(tmp_path: Path, operands: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "wage.txt").write_text("At $7.25 an hour, a full-time year pays $15,070.\n", encoding="utf-8")
    path = tmp_path / "wage.yaml"
    path.write_text("version: 1\narticle: {file: wage.txt, published: 2019-05-10, language: en}\nclaims:\n"
                    "  - {id: pay, quote: '$15,070', value: '$15,070', relation: product, of: " + operands + "}\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("operands, verdict, evidence", [
    ("[{value: $7.25}, {value: '2080'}]", "supported", "= 15,080 [15033.4, 15126.7] USD"),
    ("[{value: $7.25, exact: true}, {value: '2080', exact: true}]", "imprecise", "= 15,080 USD. "),
])
def test_a_literal_marked_exact_has_no_rounding(tmp_path: Path, operands: str, verdict: str, evidence: str) -> None:
    """A statutory $7.25 is 7.25, not [7.245, 7.255]: × 2,080 hours it is 15,080, not 15,066..15,094."""
    [result] = check([_wage_claim(tmp_path, operands)]).results
    assert result.verdict == verdict, result.explanation
    assert evidence in result.explanation


def test_exact_is_refused_on_a_hedged_literal(tmp_path: Path) -> None:
    [result] = check([_wage_claim(tmp_path, "[{value: about $7, exact: true}, {value: '2080'}]")]).results
    assert result.verdict == "error"
    assert result.explanation == "exact: true needs one amount as written, got 'about $7' (approx)"


def test_an_average_annual_rate_is_the_compound_rate_over_the_periods(tmp_path: Path) -> None:
    """Korea's minimum wage: 6,470 won an hour in 2017, 9,160 in 2022 (Minimum Wage Commission); five years of
    growth compound to (9160 / 6470) ** (1/5) − 1 = 7.2009 %, "연평균 7.2%" supported; read as the arithmetic
    average (41.58 % / 5 = 8.32 %) it is not."""
    written = ("of: [{value: 6470원}, {value: 9160원}, {value: 5년}], value: 7.2%}\n")
    compound = one(tmp_path, "  - {id: wage, quote: 연평균 7.2% 올랐다, relation: cagr, " + written)
    assert compound.verdict == "supported" and abs(float(compound.actual["value"]) - 7.2009) < 0.0001
    (tmp_path / "mean").mkdir()
    arithmetic = one(tmp_path / "mean", "  - {id: wage, quote: 연평균 7.2% 올랐다, relation: average_change, " + written)
    assert arithmetic.verdict == "refuted" and abs(float(arithmetic.actual["value"]) - 8.3153) < 0.0001

"""Drafts that link themselves: measured on the worked example, never kinder than a person.

``extract --reference`` links a number to its metric and period only where the evidence
leaves no choice (checker/extraction/linking.py). The figure this prints is how many of
the hand-made claims' lookups in claims/ the self-linked draft of the same article
reproduces: a drafted claim with the same value (the draft's value may add the words
around the number: "30% 넘게 오른" for the hand-made "30% 넘게") that looks up the same
metrics and periods and gets the same verdict. The assertion that matters besides is
that no drafted claim gets a verdict more favourable than the hand-made claim with the
same value.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker import check
from checker.extraction import extract
from checker.extraction.draft import draft, dump
from checker.extraction.linking import links
from checker.extraction.metrics import aliases_of
from checker.reference import ReferenceData

CLAIMS = Path(__file__).resolve().parents[1] / "claims"
REFERENCES = [CLAIMS / "reference" / name for name in ("meta.yaml", "meta-stock.csv", "fx.csv")]
#: How favourable a verdict is to the article.
FAVOUR = {"supported": 3, "imprecise": 2, "refuted": 1, "unverifiable": 0, "error": 0}


def write_draft(article: Path, references: list[Path], output: Path, published: str, language: str = "ko") -> Path:
    """What ``claimcheck extract ARTICLE --reference … -o OUTPUT`` writes, through the library."""
    reference, problems = ReferenceData.load(references)
    assert problems == []
    aliases = aliases_of(reference)
    extraction = extract(article.read_text(encoding="utf-8"), language, published, aliases)
    document = draft(extraction, article, output, references, reference.metrics(), links(extraction, reference, aliases))
    output.write_text(dump(document), encoding="utf-8")
    return output


def self_linked_draft(folder: Path) -> Path:
    return write_draft(CLAIMS / "articles" / "meta-ai-pivot.ko.txt", REFERENCES, folder / "draft.yaml", "2024-02-19")


def looks_up(claim: dict) -> bool:
    operands = claim.get("of") or []
    operands = operands.values() if isinstance(operands, dict) else operands
    return bool(claim.get("metric")) or any(isinstance(o, dict) and o.get("metric") for o in operands)


def same_value(one: object, other: object) -> bool:
    """The same number as written, the draft's value possibly with the words after it ("30% 넘게 오른")."""
    one, other = str(one), str(other)
    return one.startswith(other) or other.startswith(one)


def computation(claim: dict, claims: dict[str, dict]) -> tuple:
    """What a claim checks: its lookup (metric, period, agg), or its relation over operands.

    An operand naming another claim is the number that claim states (its value), not that
    claim's lookup: a ratio of the article's two stated prices checks the article's
    arithmetic, a ratio of the two reference figures checks the reference.
    """
    if claim.get("metric"):
        return "lookup", claim["metric"], str(claim.get("period")), claim.get("agg")
    operands = claim.get("of") or []
    operands = list(operands.values()) if isinstance(operands, dict) else operands

    def operand(item: object) -> tuple:
        if isinstance(item, dict) and item.get("metric"):
            return "lookup", item["metric"], str(item.get("period")), item.get("agg")
        if isinstance(item, str) and item in claims:
            return "stated", str(claims[item]["value"])
        return "literal", str(item)
    return claim.get("relation"), [operand(item) for item in operands]


def same_computation(hand: tuple, drafted: tuple) -> bool:
    """Equal, a stated operand's value compared as written (prefix), everything else exactly."""
    if hand[0] != drafted[0] or hand[0] == "lookup":
        return hand == drafted
    return len(hand[1]) == len(drafted[1]) and all(
        one[0] == other[0] and (same_value(one[1], other[1]) if one[0] == "stated" else one == other)
        for one, other in zip(hand[1], drafted[1]))


def reproduced_by(hand: dict, hand_claims: dict[str, dict], verdict: str, drafts: list[tuple[dict, str]],
                  draft_claims: dict[str, dict]) -> bool:
    """A drafted claim with the same value reproduces a hand-made one only with the same lookups and verdict."""
    wanted = computation(hand, hand_claims)
    return any(same_value(draft["value"], hand["value"]) and drafted_verdict == verdict
               and same_computation(wanted, computation(draft, draft_claims))
               for draft, drafted_verdict in drafts)


def test_self_linked_draft_reproduces_lookups_and_is_never_kinder(tmp_path: Path, capsys) -> None:
    path = self_linked_draft(tmp_path)
    drafted = {r.id: r.verdict for r in check([path]).results}
    draft_claims = {c["id"]: c for c in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]}
    drafts = [(claim, drafted[claim["id"]]) for claim in draft_claims.values()]
    hand_file = CLAIMS / "meta-ai-pivot.yaml"
    hand = {r.id: r.verdict for r in check([hand_file]).results}
    hand_claims = {c["id"]: c for c in yaml.safe_load(hand_file.read_text(encoding="utf-8"))["claims"]}
    lookups = [c for c in hand_claims.values() if looks_up(c)]
    reproduced = []
    for claim in lookups:
        verdicts = [verdict for draft, verdict in drafts if same_value(draft["value"], claim["value"])]
        assert all(FAVOUR[v] <= FAVOUR[hand[claim["id"]]] for v in verdicts), (claim["id"], verdicts)
        if reproduced_by(claim, hand_claims, hand[claim["id"]], drafts, draft_claims):
            reproduced.append(claim["id"])
    with capsys.disabled():
        print(f"\nself-linked draft of claims/: {len(reproduced)} of {len(lookups)} hand-made lookups reproduced "
              "(same metric, period and verdict); not: "
              + ", ".join(c["id"] for c in lookups if c["id"] not in reproduced))
    # Measured 13 of 21 (issue 24: same metric and period, not only the same verdict); a drop is a regression.
    assert len(reproduced) >= 13


def test_a_draft_reproduces_a_claim_only_with_the_same_lookups() -> None:
    """Same value and verdict are not enough: the draft must look up the same metric and period,
    and a ratio of stated numbers is not the ratio of the reference figures."""
    hand_claims = {"low": {"id": "low", "value": "90달러 대", "metric": "meta.close", "period": "2022-11", "agg": "min"},
                   "quarter": {"id": "quarter", "value": "4분의 1", "relation": "ratio",
                               "of": [{"metric": "meta.close", "period": "2022-11", "agg": "min"},
                                      {"metric": "meta.close", "period": "2021-11", "agg": "mean"}]}}
    draft_claims = {"same": {"id": "same", "value": "90달러 대", "metric": "meta.close", "period": "2022-11", "agg": "min"},
                    "other-period": {"id": "other-period", "value": "90달러 대", "metric": "meta.close",
                                     "period": "2022-12", "agg": "min"},
                    "unlinked": {"id": "unlinked", "value": "90달러 대"},
                    "stated-ratio": {"id": "stated-ratio", "value": "4분의 1 수준", "relation": "ratio",
                                     "of": ["same", "unlinked"]}}

    def reproduces(hand_id: str, draft_id: str, verdict: str = "supported") -> bool:
        return reproduced_by(hand_claims[hand_id], hand_claims, "supported", [(draft_claims[draft_id], verdict)],
                             draft_claims)
    assert reproduces("low", "same")
    assert not reproduces("low", "same", verdict="imprecise")
    assert not reproduces("low", "other-period")
    assert not reproduces("low", "unlinked")
    assert not reproduces("quarter", "stated-ratio")


def test_linked_claims_carry_metric_period_and_a_reason_for_agg(tmp_path: Path) -> None:
    text = self_linked_draft(tmp_path).read_text(encoding="utf-8")
    assert "    metric: meta.net_income\n    period: 2022-Q3\n" in text
    assert "agg: min  # a fall to this level: the lowest value in 2022-11" in text
    assert "# suggested: metric: meta.headcount" in text  # no period in the text: a person decides


ECONOMY = "지난해 수출은 전년 대비 7.4% 감소한 6,326억 9,000만 달러로 집계됐다. 지난해 무역수지는 99억 7,000만 달러 " \
          "적자를 기록했다. 지난해 소비자물가 상승률은 3.6%로 3년 만에 최저를 기록했다.\n"
#: Synthetic figures (not real statistics): 2023 inflation 3.6 is above 2021's 2.5, so "3년 만에 최저" is false.
ECONOMY_REFERENCE = """\
source: synthetic figures for claimcheck's tests
rows:
  - {entity: kr, metric: exports, period: 2022, value: 683.6, unit: 십억달러}
  - {entity: kr, metric: exports, period: 2023, value: 632.69, unit: 십억달러}
  - {entity: kr, metric: trade_balance, period: 2023, value: -9.97, unit: 십억달러}
  - {entity: kr, metric: cpi_inflation, period: 2020, value: 0.5, unit: "%"}
  - {entity: kr, metric: cpi_inflation, period: 2021, value: 2.5, unit: "%"}
  - {entity: kr, metric: cpi_inflation, period: 2022, value: 5.1, unit: "%"}
  - {entity: kr, metric: cpi_inflation, period: 2023, value: 3.6, unit: "%"}
aliases:
  kr.exports: [수출]
  kr.trade_balance: [무역수지]
  kr.cpi_inflation: [소비자물가 상승률]
"""


def test_drafts_keep_signs_deficits_and_ranks(tmp_path: Path) -> None:
    """A fall keeps its sign, a deficit stays negative, a rank becomes an extreme claim: worked by hand,
    683.6 → 632.69 is −7.447% ("7.4% 감소한" supported); −9.97 billion is "99억 7,000만 달러 적자"; the rank
    is refuted because 2021 (2.5) was lower than 3.6 two years back."""
    (tmp_path / "article.txt").write_text(ECONOMY, encoding="utf-8")
    (tmp_path / "ref.yaml").write_text(ECONOMY_REFERENCE, encoding="utf-8")
    output = write_draft(tmp_path / "article.txt", [tmp_path / "ref.yaml"], tmp_path / "draft.yaml", "2024-01-15")
    claims = {c["id"]: c for c in yaml.safe_load(output.read_text(encoding="utf-8"))["claims"]}
    assert claims["percent-7.4"]["value"] == "7.4% 감소한" and "direction" not in claims["percent-7.4"]
    assert claims["money-usd-9970000000"]["value"] == "99억 7,000만 달러 적자를 기록했다"
    assert claims["percent-3.6-rank"]["relation"] == "extreme"
    verdicts = {r.id: r.verdict for r in check([output]).results}
    assert verdicts == {"percent-7.4": "supported", "money-usd-632690000000": "supported",
                        "money-usd-9970000000": "supported", "percent-3.6": "supported",
                        "percent-3.6-rank": "refuted"}   # "3년 만에 최고": the rank's window, no claim


def test_a_stated_change_against_a_year_earlier_is_a_difference(tmp_path: Path) -> None:
    """"전년 대비 32만 7,000명 늘었다": 28,416 − 28,089 (천명, synthetic) = 327,000, supported; without
    the base words (issue 22, item 7) the change is read against the period before, 2022, and the
    draft says it chose that base."""
    text = "지난해 취업자 수는 전년 대비 32만 7,000명 늘었다. 지난해 취업자 수는 32만 7,000명 늘었다.\n"
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    (tmp_path / "ref.yaml").write_text(
        "source: synthetic figures for claimcheck's tests\nrows:\n"
        "  - {entity: kr, metric: employed, period: 2022, value: 28089, unit: 천명}\n"
        "  - {entity: kr, metric: employed, period: 2023, value: 28416, unit: 천명}\n"
        "aliases:\n  kr.employed: [취업자 수]\n", encoding="utf-8")
    output = write_draft(tmp_path / "article.txt", [tmp_path / "ref.yaml"], tmp_path / "draft.yaml", "2024-01-15")
    first, second = yaml.safe_load(output.read_text(encoding="utf-8"))["claims"]
    assert first["relation"] == "difference" and [o["period"] for o in first["of"]] == ["2023", "2022"]
    assert second["relation"] == "difference" and [o["period"] for o in second["of"]] == ["2023", "2022"]
    assert "the sentence names no base: the change is read against the period before, 2022" in output.read_text(
        encoding="utf-8")
    assert [r.verdict for r in check([output]).results] == ["supported", "supported"]


#: Employed persons by month, in thousands (synthetic figures for claimcheck's tests).
EMPLOYED = {"2023-03": 28050, "2024-02": 28300, "2024-03": 28370}


@pytest.mark.parametrize(("sentence", "months", "base"), [
    # "3월 취업자 수는 32만 명 늘었다" (issue 22, item 7): 28,370 − 28,050 = 320,000 against February, supported;
    # "전월 대비" would say so
    ("2024년 3월 취업자 수는 32만 명 늘었다.", {"2024-02": 28050, "2024-03": 28370}, "2024-02"),
    # "전년 동월 대비" was no base word: drafted against February (28,370 − 28,300 = 70,000, refuted) where its
    # words name March 2023 (320,000, supported)
    ("2024년 3월 취업자 수는 전년 동월 대비 32만 명 늘었다.", EMPLOYED, "2023-03"),
    # the quotative 고 left the change unread: the draft linked 320,000 as March's number of employed (refuted)
    ("통계청은 2024년 3월 취업자 수가 전년 동월 대비 32만 명 늘었다고 밝혔다.", {m: EMPLOYED[m] for m in ("2023-03", "2024-03")},
     "2023-03"),
])
def test_a_change_is_drafted_against_the_base_its_words_name(tmp_path: Path, sentence: str, months: dict[str, int],
                                                            base: str) -> None:
    (tmp_path / "article.txt").write_text(sentence + "\n", encoding="utf-8")
    rows = "".join(f"  - {{entity: kr, metric: employed, period: {month}, value: {value}, unit: 천명}}\n"
                   for month, value in sorted(months.items()))
    (tmp_path / "ref.yaml").write_text("source: synthetic figures for claimcheck's tests\nrows:\n" + rows
                                       + "aliases:\n  kr.employed: [취업자 수]\n", encoding="utf-8")
    output = write_draft(tmp_path / "article.txt", [tmp_path / "ref.yaml"], tmp_path / "draft.yaml", "2024-04-15")
    claim, = yaml.safe_load(output.read_text(encoding="utf-8"))["claims"]
    assert claim["relation"] == "difference" and [o["period"] for o in claim["of"]] == ["2024-03", base]
    assert [r.verdict for r in check([output]).results] == ["supported"]


#: Synthetic figures (not Acme's, not anyone's) for the carrying tests.
ACME_REFERENCE = """\
source: synthetic figures for claimcheck's tests
rows:
  - {entity: acme, metric: revenue, period: 2023-Q2, value: 4.8, unit: billion USD}
  - {entity: acme, metric: revenue, period: 2023-Q3, value: 5.2, unit: billion USD}
  - {entity: acme, metric: operating_loss, period: 2023-Q2, value: 0.9, unit: billion USD}
  - {entity: acme, metric: operating_loss, period: 2023-Q3, value: 1.1, unit: billion USD}
  - {entity: acme, metric: headcount, period: 2024, value: 1200, unit: people}
aliases:
  acme.revenue: [revenue]
  acme.operating_loss: [operating loss]
  acme.headcount: [headcount]
"""


def draft_claims(tmp_path: Path, text: str, published: str, language: str = "en") -> tuple[dict, dict]:
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    (tmp_path / "ref.yaml").write_text(ACME_REFERENCE, encoding="utf-8")
    output = write_draft(tmp_path / "article.txt", [tmp_path / "ref.yaml"], tmp_path / "draft.yaml", published, language)
    claims = {c["value"]: c for c in yaml.safe_load(output.read_text(encoding="utf-8"))["claims"]}
    return claims, {r.id: r.verdict for r in check([output]).results}


def test_a_paragraph_carries_its_period_and_metric_to_the_next_sentence(tmp_path: Path) -> None:
    """Worked by hand: "$1.1 billion" names its metric (operating loss) and takes 2023-Q3 from the
    sentence before (1.1 = 1.1, supported); "$4.8 billion" names no metric and takes revenue from
    "$5.2 billion", the nearest sentence with money, with its own 2023-Q2 (4.8 = 4.8, supported)."""
    text = ("Acme's revenue was $5.2 billion in the third quarter of 2023. In the second quarter of 2023 it was "
            "$4.8 billion. Its operating loss reached $1.1 billion.\n")
    claims, verdicts = draft_claims(tmp_path, text, "2024-01-15")
    loss, earlier = claims["$1.1 billion"], claims["$4.8 billion"]
    assert (loss["metric"], loss["period"]) == ("acme.operating_loss", "2023-Q2")
    assert (earlier["metric"], earlier["period"]) == ("acme.revenue", "2023-Q2")
    assert verdicts[earlier["id"]] == "supported"
    assert verdicts[loss["id"]] == "refuted"  # 2023-Q2's loss was 0.9: the nearest period is the one carried
    text_of = (tmp_path / "draft.yaml").read_text(encoding="utf-8")
    assert "period: 2023-Q2  # period carried from '$4.8 billion' earlier in the paragraph: check it" in text_of
    assert "metric: acme.revenue  # metric carried from '$5.2 billion' earlier in the paragraph: check it" in text_of


def test_nothing_is_carried_across_paragraphs_units_two_choices_or_unfinished_periods(tmp_path: Path) -> None:
    """A new paragraph starts afresh ("$2 billion": two quarters are held, so no link); a count does
    not take a money metric ("1,200 people"); a sentence naming two metrics carries neither
    ("$3 billion"); the only period held for headcount (2024) had not ended at publication."""
    text = ("Acme's revenue was $5.2 billion in the third quarter of 2023. It employed 1,200 people.\n"
            "The operating loss was $2 billion. Acme's headcount is 1,200.\n"
            "In the third quarter of 2023 revenue was $5.2 billion and the operating loss $1.1 billion. "
            "In 2022 it was $3 billion.\n")
    claims, verdicts = draft_claims(tmp_path, text, "2024-06-01")
    for value in ("$2 billion", "1,200 people", "1,200", "$3 billion"):
        assert "metric" not in claims[value], value
    assert verdicts[claims["$2 billion"]["id"]] == "unverifiable"


def test_the_only_period_held_links_a_number_the_text_leaves_undated(tmp_path: Path) -> None:
    """Published after 2024 ended, "1,200" (present tense, no period) links to the one period held:
    1,200 = 1,200, supported, with a comment that the reading is the draft's."""
    claims, verdicts = draft_claims(tmp_path, "Acme's headcount is 1,200.\n", "2025-03-01")
    staff = claims["1,200"]
    assert (staff["metric"], staff["period"]) == ("acme.headcount", "2024")
    assert verdicts[staff["id"]] == "supported"
    assert "the reference holds acme.headcount for 2024 only: check it" in (tmp_path / "draft.yaml").read_text()


def test_a_number_months_after_the_last_date_is_dated_from_it() -> None:
    """"4개월 뒤" counts from the nearest earlier date of the paragraph (2022-11-09 → 2023-03); with no
    date before it nothing is dated."""
    from checker.extraction import carried
    dated = extract("2022년 11월 9일 메타는 1만1,000명을 해고했다. 그리고 4개월 뒤 1만 명을 내보냈다.\n", "ko", "2024-02-19")
    undated = extract("그리고 4개월 뒤 1만 명을 내보냈다.\n", "ko", "2024-02-19")
    later = carried.period(dated, len(dated.quantities) - 1)
    assert later is not None and later.value == "2023-03"
    assert carried.period(undated, len(undated.quantities) - 1) is None


def test_a_long_name_ending_near_the_number_names_it_and_a_later_clause_does_not() -> None:
    """The words before a number were read from 40 characters back, which cut "labor" of a name ending 12
    characters before it to "abor": nothing was named. After it, "…profit above $1 billion, as revenue
    jumped 71%" lent the next clause's revenue to the $1 billion."""
    from checker.extraction.metrics import Alias, nearest_metrics
    names = [Alias("fred.CIVPART", "Labor Force Participation Rate", "%"), Alias("acme.revenue", "revenue", "USD")]
    text = "The labor force participation rate slipped to 62.3% in September."
    [rate] = extract(text, "en").quantities
    assert nearest_metrics(text, rate.quantity, rate.sentence, names) == ["fred.CIVPART"]
    text = "It was its first year of profit above $1 billion, as revenue jumped 71%."
    money = next(found for found in extract(text, "en").quantities if found.quantity.unit == "USD")
    assert nearest_metrics(text, money.quantity, money.sentence, names) == []
    text = "Sales were above $1 billion in revenue."
    money = next(found for found in extract(text, "en").quantities if found.quantity.unit == "USD")
    assert nearest_metrics(text, money.quantity, money.sentence, names) == ["acme.revenue"]

"""Issue 21's examples, run the way a user runs them: a claim file through ``check``, an article through ``extract``.

Each test takes a sentence or statement exactly as the issue quotes it from real news (Tesla's results, AP and
Reuters on jobs and GDP, September-October 2022; Korean price stories, June 2022; fact-checked Korean statements
from SNU FactCheck, KBS and JTBC). Examples the grammar-level tests already hold exactly are not repeated here:
tests/test_stated_value.py (value against quote), tests/test_everyday_words.py (words), tests/test_table_probe.py
(전월대비), tests/test_extract.py (junk drafts), tests/test_extract_periods_*.py and tests/test_fiscal_periods.py
(periods), tests/test_extract_self_linking.py (확장실업률, drafted relations).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checker import check, extract
from checker.extraction.draft import draft, dump
from checker.extraction.fiscal import FiscalCalendar, year_end
from checker.extraction.worded import next_start, previous_end, rank_words, worded_values

#: A USD reference row the size of the figures below: a figure in another currency must never be supported by it.
REFERENCE = "entity,metric,period,value,unit,source\nco,loss,2021,5500000000,USD,https://example.org/10-k\n"


def _checked(tmp_path: Path, article: str, language: str, claims: str) -> dict[str, tuple[str, str]]:
    """(verdict, message) of every claim of a claim file over ``article``, as ``claimcheck check`` gives them."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text(article + "\n", encoding="utf-8")
    (tmp_path / "reference.csv").write_text(REFERENCE, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(f"version: 1\narticle: {{file: article.txt, published: 2022-10-07, language: {language}}}\n"
                    f"reference: [reference.csv]\nclaims:\n{claims}", encoding="utf-8")
    report = check([path], language="en")
    assert not report.errors, report.errors
    return {result.id: (result.verdict, result.explanation) for result in report.results}


def _claim(quote: str, value: str, rest: str = "") -> str:
    return f"  - {{id: c, quote: '{quote}', value: '{value}'{rest}}}\n"


# --- fact-checked Korean statements: values written as the docs say, verb and all ---------------------------

@pytest.mark.parametrize("statement", [
    "41.6% 올렸다", "33.1% 올린", "16.4% 인상했다", "0.2%포인트 낮다", "408조 1000억 원 늘어난다", "4%대였지요",
    "3.5%였습니다", "최고 27%를 넘나든다", "4명 중 1명",
])
def test_a_korean_statement_is_a_value_as_written(tmp_path: Path, statement: str) -> None:
    """Each was "cannot read ... as a quantity" as a value: the claim was an error before any data."""
    verdict, message = _checked(tmp_path, statement, "ko", _claim(statement, statement))["c"]
    assert verdict == "unverifiable", message   # read and held against its quote; only the link is missing


# --- the value-vs-quote rule, as a reader applies it ---------------------------------------------------------

@pytest.mark.parametrize(("value", "verdict"), [("four times", "unverifiable"), ("three times", "error")])
def test_quadruples_states_four_times_and_no_other(tmp_path: Path, value: str, verdict: str) -> None:
    """"four times" passed for "quadruples" because the quote stated no number; now because it states four."""
    assert _checked(tmp_path, "quadruples", "en", _claim("quadruples", value))["c"][0] == verdict


@pytest.mark.parametrize("value", ["sliding 12 percent", "-12%", "12%"])
def test_sliding_12_percent_states_a_fall_of_12(tmp_path: Path, value: str) -> None:
    assert _checked(tmp_path, "sliding 12 percent", "en", _claim("sliding 12 percent", value))["c"][0] \
        == "unverifiable"


@pytest.mark.parametrize(("quote", "value", "language", "way"), [
    ("sliding 12 percent", "12% increase", "en", "up"),
    ("a decline of 37%", "a 37% rise", "en", "up"),
    ("41.6% 올렸다", "41.6% 내렸다", "ko", "down"),
])
def test_a_value_whose_words_turn_the_quotes_direction_is_an_error(tmp_path: Path, quote: str, value: str,
                                                                     language: str, way: str) -> None:
    """The value's words said the figure rose where the quote says it slid, and the claim judged a rise."""
    verdict, message = _checked(tmp_path, quote, language, _claim(quote, value))["c"]
    assert verdict == "error"
    other = {"up": "down", "down": "up"}[way]
    assert message.endswith(f"value '{value}': its words say the figure went {way}, the quote's say {other}")


@pytest.mark.parametrize("quote", ["$US5.5 billion", "$A5.5 billion"])
def test_a_bare_number_does_not_drop_the_quotes_currency(tmp_path: Path, quote: str) -> None:
    """value: 5.5 billion for "$A5.5 billion" was supported by a USD row of 5.5 billion: a silent wrong verdict."""
    rest = ", metric: co.loss, period: 2021"
    verdict, message = _checked(tmp_path, quote, "en", _claim(quote, "5.5 billion", rest))["c"]
    assert (verdict, message) == ("error", f"value '5.5 billion' is not what the quote states ('{quote}')")
    verdicts = {"$US5.5 billion": "supported", "$A5.5 billion": "error"}   # AUD against USD: a unit mismatch
    assert _checked(tmp_path, quote, "en", _claim(quote, quote, rest))["c"][0] == verdicts[quote]


def test_a_bare_number_still_stands_for_a_count_of_the_quotes_noun(tmp_path: Path) -> None:
    quote = "about 4.5 million private-sector jobs"
    assert _checked(tmp_path, quote, "en", _claim(quote, "about 4.5 million"))["c"][0] == "unverifiable"


# --- average annual growth --------------------------------------------------------------------------------

@pytest.mark.parametrize(("statement", "language", "operands", "compound", "arithmetic"), [
    # Korea's minimum wage: 6,470 won an hour in 2017, 9,160 in 2022 (compound 7.2009 %, arithmetic 8.3153 %)
    ("연평균 7.2% 인상", "ko", "[{value: 6470원}, {value: 9160원}, {value: 5년}]", "supported", "refuted"),
    # 100 to 134.39 over ten years compounds to 3.0 % a year; shared out evenly, 3.4 % (still inside ± 0.5)
    ("grew at an average annual rate of 3%", "en", "[{value: 100}, {value: 134.39}, {value: 10}]", "supported",
     "supported"),
])
def test_an_average_annual_rate_is_a_value_as_written(tmp_path: Path, statement: str, language: str, operands: str,
                                                      compound: str, arithmetic: str) -> None:
    """Both were unreadable as values; a desk wrote a 231-character Newton iteration instead."""
    claims = (_claim(statement, statement, f", relation: cagr, of: {operands}")
              + _claim(statement, statement, f", relation: average_change, of: {operands}").replace("id: c,", "id: m,"))
    checked = _checked(tmp_path, statement, language, claims)
    assert (checked["c"][0], checked["m"][0]) == (compound, arithmetic), checked


@pytest.mark.parametrize(("sentence", "value"), [
    ("최저임금은 지난 5년간 연평균 7.2% 인상됐다.", "연평균 7.2% 인상됐다"),
    ("문 정부 5년 동안 최저임금은 연평균 7.2% 인상돼 6470원에서 9160원이 됐다.", "연평균 7.2% 인상돼"),
])
def test_a_drafted_average_annual_rise_keeps_both_words(sentence: str, value: str) -> None:
    """The draft wrote "7.2% 인상돼" (a 7.2% rise, not 7.2% a year) or "연평균 7.2%" (no rise): the shortest
    words that meant something won, and each alone misstates the statement."""
    extraction = extract(sentence, "ko", "2022-06-13")
    worded = worded_values(extraction)[0]
    assert worded is not None and worded[0] == value
    assert (worded[1].annual, worded[1].form, worded[1].sign) == (True, "change", 1)


@pytest.mark.parametrize(("sentence", "language", "years"), [
    ("최저임금은 2017년 6470원에서 2022년 9160원으로 연평균 7.2% 올랐다.", "ko", "5"),
    ("최저임금은 6470원에서 9160원으로 5년간 연평균 7.2% 올랐다.", "ko", "5"),
    ("Sales grew at an average annual rate of 3% from $100 million in 2012 to $134 million in 2022.", "en", "10"),
])
def test_an_average_annual_rate_between_two_numbers_is_drafted_as_cagr(tmp_path: Path, sentence: str, language: str,
                                                                      years: str) -> None:
    """The Korean ones were drafted as a ``change`` from 6,470 to 9,160 won (41.6%), which refuted a true
    statement; the English one as nothing ("grew" was no change word). The draft now checks as supported."""
    extraction = extract(sentence, language, "2022-06-13")
    assert [(r.relation, r.operands[2]) for r in extraction.relations] == [("cagr", {"value": years})]
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text(sentence + "\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(dump(draft(extraction, tmp_path / "article.txt", path)), encoding="utf-8")
    verdicts = {result.id: result.verdict for result in check([path]).results}
    assert verdicts[next(i for i in verdicts if i.startswith("percent-"))] == "supported", verdicts


@pytest.mark.parametrize(("sentence", "ends"), [
    ("문 정부 5년 동안 최저임금은 연평균 7.2% 인상돼 6470원에서 9160원이 됐다.", ["6470원", "9160원"]),
    ("금리는 2%에서 3%가 될 전망이다.", ["2%", "3%"]),
    ("환율은 1200원에서 1300원에 달했다.", ["1200원", "1300원"]),
    ("가격은 6470원에서 9160원 사이다.", ["6470원에서 9160원 사이"]),
])
def test_from_a_to_what_b_became_is_two_numbers(sentence: str, ends: list[str]) -> None:
    """"A에서 B이 됐다" / "B에 달했다" state where a value went: it was one range 6,470 to 9,160 won, which
    any wage between held as true. "A에서 B 사이" stays a range."""
    assert [f.quantity.text for f in extract(sentence, "ko").quantities][-len(ends):] == ends


def test_korean_raise_and_cut_words_state_a_change() -> None:
    """The issue's statement: 인상 was no change word, so its two numbers drafted no relation at all."""
    relations = extract("문 정부 5년 동안 최저임금은 연평균 7.2% 인상돼 6470원에서 9160원이 됐다.", "ko").relations
    assert [(r.relation, r.operands) for r in relations] == [("cagr", (1, 2, {"value": "5"}))]
    relations = extract("요금은 100원에서 90원으로 10% 인하됐다.", "ko").relations
    assert [(r.relation, r.operands, r.direction) for r in relations] == [("change", (0, 1), "down")]


@pytest.mark.parametrize(("sentence", "language", "ends"), [
    # written here after a company's year-end release: a third dollar amount stands before the change
    ("It earned $5.5 billion, as revenue jumped 71% to $53.8 billion from $31.5 billion.", "en",
     ("$31.5 billion", "$53.8 billion")),
    ("It earned $5.5 billion, as revenue jumped 71% from $31.5 billion to $53.8 billion.", "en",
     ("$31.5 billion", "$53.8 billion")),
    ("순이익은 55억 달러였고 매출은 315억 달러에서 538억 달러로 71% 늘었다.", "ko", ("315억 달러", "538억 달러")),
    ("Revenue grew 1 percent to EUR 742.2 million (about $964 million) from EUR 735 million.", "en",
     ("EUR 735 million", "EUR 742.2 million")),
    # written here in the style of a Bank of Korea release story: 보다 marks the base, after a bracket too
    ("공산품은 136.32로 전월(140.98)보다 3.3% 하락했다.", "ko", ("140.98", "136.32")),
    ("매출은 274억 달러로 전년 281억 달러보다 2% 감소했다.", "ko", ("281억 달러", "274억 달러")),
    # written here, in the style of a Treasury-statement story: "from the" before the base (was no pair)
    ("The deficit reached $1.83 trillion, up 8% from the $1.7 trillion shortfall of fiscal 2023.", "en",
     ("$1.7 trillion", "$1.83 trillion")),
])
def test_a_change_runs_from_its_marked_number_to_where_it_went(sentence: str, language: str,
                                                                ends: tuple[str, str]) -> None:
    """The first other amount of the sentence was taken as where the change went: $31.5 billion to
    $5.5 billion, so a true 71% rise was drafted against a fall of 83%."""
    found = extract(sentence, language)
    [relation] = [r for r in found.relations if r.relation == "change"]
    assert tuple(found.quantities[i].quantity.text for i in relation.operands) == ends


@pytest.mark.parametrize("sentence", [
    "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn, representing 7.7 % of net sales.",
    "It earned $5.5 billion, as revenue jumped 71% to $53.8 billion, and profit rose 9.7% to $4 billion from $3.6 billion.",
    "Spending rose 9.7% and the cost per pupil has gone up from $3,000 to $4,000 in twenty years.",
    "영업이익은 870만 유로에서 1310만 유로로 증가하여 순매출액의 7.7%를 차지했다.",   # written here: a Korean share
])
def test_a_percent_is_not_the_change_of_another_clause_or_a_share(sentence: str) -> None:
    """A share of sales, or a percent whose numbers are another clause's, was drafted as the change
    from one to the other: "7.7 % of net sales" held against the rise from 8.7 to 13.1 million."""
    found = extract(sentence, "en")
    for relation in found.relations:
        texts = [found.quantities[i].quantity.text for i in relation.operands if isinstance(i, int)]
        assert relation.relation != "change" or texts == ["$3.6 billion", "$4 billion"], texts


@pytest.mark.parametrize(("sentence", "operands"), [
    ("From August to September, prices rose 0.4%, double the 0.2% increase the previous month.", ("0.4%", "0.2%")),
    ("Sales hit $10 billion, twice the $5 billion of 2020.", ("$10 billion", "$5 billion")),
    ("It costs twice the $5 billion of 2020.", None),                       # what is twice it is not a number
    ("Sales hit $10 billion and the debt is twice the $5 billion of 2020.", None),   # another clause's number
])
def test_a_multiple_of_the_number_after_it_is_of_that_number(sentence: str, operands: tuple[str, str] | None) -> None:
    """"double the 0.2% increase" states the base: it was drafted as the multiple of a metric over a
    year ("twice the $5 billion of 2020": 2020 against 2019), which no reader of the sentence means."""
    found = extract(sentence, "en", "2022-10-13")
    stated = [tuple(found.quantities[i].quantity.text for i in r.operands) for r in found.relations
              if r.relation == "multiple"]
    assert stated == ([operands] if operands else [])


def test_a_change_between_unmarked_numbers_drafts_no_pair() -> None:
    """With two other dollar amounts and neither marked as where the change went, no pair is a reading."""
    found = extract("From $31.5 billion, revenue jumped 71%, with $53.8 billion and $5.5 billion in two units.", "en")
    assert not [r for r in found.relations if r.relation == "change" and len(r.operands) == 2
                and all(isinstance(i, int) for i in r.operands)]


def test_an_average_annual_rate_over_unsaid_years_drafts_no_relation() -> None:
    """Without the years between them, no relation of 6,470 and 9,160 won is the 7.2% a year: none is drafted."""
    assert extract("최저임금은 6470원에서 9160원으로 연평균 7.2% 올랐다.", "ko", "2022-06-13").relations == []


def test_grew_is_a_change_word() -> None:
    """"Revenue grew 1 percent to euro742.2 million from euro735 million" drafted no change (liar2)."""
    relations = extract("Revenue grew 1 percent to $742.2 million from $735 million.", "en").relations
    assert [(r.relation, r.operands) for r in relations] == [("change", (2, 1))]


@pytest.mark.parametrize(("sentence", "index", "words", "extreme"), [
    ("The company reported a record profit of $3.3 billion.", 0, "a record profit", "max"),
    ("Unemployment fell to a record low 3.5 percent.", 0, "a record low", "min"),
    ("수출은 역대 최대인 6836억 달러를 기록했다.", 0, "역대 최대인", "max"),
    ("달러는 유로화 대비 사상 최저치인 1.41달러를 기록한 후 반등했다.", 0, "사상 최저치인", "min"),
    ("He has a record of 12 wins.", 0, None, None),
    ("Tim brings an excellent track record having more than 18 years experience.", 0, None, None),
    ("수출은 3.2% 늘었고 역대 최대인 6836억 달러였다.", 0, None, None),
    ("수출은 3.2% 늘었고 역대 최대인 6836억 달러였다.", 1, "역대 최대인", "max"),
])
def test_rank_words_before_the_number_are_drafted(sentence: str, index: int, words: str | None,
                                                  extreme: str | None) -> None:
    """Headline ranks ("record profit", "역대 최대인") stand before the number; only words after it were read,
    so "3.2% 늘었고 역대 최대인 6836억 달러" gave 3.2% the record. A record of wins is a history."""
    extraction = extract(sentence, "en" if sentence.isascii() else "ko", "2022-06-13")
    found = extraction.quantities[index]
    rank = rank_words(sentence, found, extraction.language, next_start(extraction, index), previous_end(extraction, index))
    assert (rank[0], rank[1].extreme) == (words, extreme) if words else rank is None


@pytest.mark.parametrize("tilde", ["\u223c", "\u301c", "\uff5e"])   # ∼ 〜 ～: Korean text types them for ~
def test_a_range_of_days_with_any_tilde_is_no_claim(tilde: str) -> None:
    """"1월 29∼30일" (the tilde operator) drafted 29 and a duration of 30 days; with ~ it was already none."""
    assert extract(f"FOMC는 1월 29{tilde}30일 회의를 연다.", "ko", "2022-06-13").quantities == []
    assert [f.quantity.text for f in extract(f"물가는 2{tilde}3% 오를 전망이다.", "ko").quantities] == [f"2{tilde}3%"]


@pytest.mark.parametrize(("text", "expected"), [
    ("기사입력 2022.06.13 10:23", [("2022.06.13", "2022-06-13")]),
    ("한은은 2022.6.13 발표했다.", [("2022.6.13", "2022-06-13")]),
    ("지수는 2022.06으로 올랐다.", [("2022.06", None)]),      # a decimal number without a day: as it was
])
def test_a_date_written_with_dots_is_a_date(text: str, expected: list[tuple[str, str | None]]) -> None:
    """A Korean byline's "2022.06.13" drafted the numbers 2022.06 and 13."""
    assert [(f.quantity.text, f.period) for f in extract(text, "ko", "2022-06-13").quantities] == expected


# --- periods at a company whose fiscal year ends in September ----------------------------------------------

@pytest.mark.parametrize(("calendar", "period"), [
    (FiscalCalendar(year_end=year_end("09-30")), "2022-Q3"),   # the fiscal fourth quarter: July to September
    (FiscalCalendar(year_end=year_end("12-31")), None),        # a calendar-year company: Q4 2022 had not ended
    (None, None),                                              # no fiscal calendar given: neither can be told
])
def test_fourth_quarter_is_the_companys_own(calendar: FiscalCalendar | None, period: str | None) -> None:
    """"fourth-quarter" at a company whose fiscal year ends in September was the calendar quarter, one not yet
    over when the results were published (2022-10-27); with no calendar it still was, silently. A quarter that
    had not ended gets no period and a note saying to write one."""
    found = extract("Fourth-quarter revenue rose 8% to $90.1 billion.", "en", "2022-10-27", fiscal=calendar)
    assert {quantity.period for quantity in found.quantities} == {period}
    if period is None:
        assert all("had not ended" in quantity.note for quantity in found.quantities)


def test_a_year_earlier_than_an_unread_quarter_is_unread_too() -> None:
    """It was the whole year before publication: a year compared with a quarter."""
    found = extract("First-quarter profit rose to $41 million from $33 million a year earlier.", "en", "2024-03-01")
    assert [(quantity.period, "had not ended" in quantity.note) for quantity in found.quantities] == [(None, True)] * 2


def test_a_yearless_quarter_that_has_ended_is_the_latest_one() -> None:
    found = extract("Fourth-quarter revenue rose 8% to $90.1 billion.", "en", "2023-02-02")
    assert {quantity.period for quantity in found.quantities} == {"2022-Q4"}


# --- a quote stated in rank words ---------------------------------------------------------------------------

@pytest.mark.parametrize(("quote", "value", "verdict"), [
    ("record profit", "record profit", "unverifiable"),   # one row, no series start: no record can be decided
    ("a record", "a record", "unverifiable"),
    ("record profit", "13년 2개월만의 최고", "error"),
    ("13년 2개월만의 최고", "13년 2개월만의 최고", "unverifiable"),
    ("13년 2개월만의 최고", "사상 최대", "error"),
])
def test_rank_words_are_those_the_quote_writes(tmp_path: Path, quote: str, value: str, verdict: str) -> None:
    """Any rank words passed for any quote: an extreme claim judged a rank the article never stated."""
    rest = ", relation: extreme, of: [{metric: co.loss, period: 2021}]"
    found, message = _checked(tmp_path, quote, "en", _claim(quote, value, rest))["c"]
    assert found == verdict, message
    if verdict == "error":
        assert message == f"value '{value}' is not what the quote states (no such rank words in it)"


# --- points of a rate ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("quote", "value", "verdict"), [
    ("The unemployment rate fell by 2 points", "-2 percentage points", "unverifiable"),
    ("fell by 2 points", "-2 percentage points", "error"),               # no rate named: points of what?
    ("The index of the unemployment rate fell by 2 points", "-2 percentage points", "error"),
    ("The unemployment rate fell by 2 points", "-3 percentage points", "error"),
])
def test_fell_by_2_points_of_a_rate_are_percentage_points(tmp_path: Path, quote: str, value: str,
                                                          verdict: str) -> None:
    assert _checked(tmp_path, quote, "en", _claim(quote, value))["c"][0] == verdict


# --- what a value's own words add ----------------------------------------------------------------------------

DUBAI = "두바이유는 배럴당 108.16달러로 전월의 102.82달러보다 5.2% 올랐다"


@pytest.mark.parametrize(("value", "verdict", "message"), [
    ("배럴당 108.16달러", "unverifiable", None),
    ("배럴당 102.82달러", "unverifiable", None),   # the per-unit word the other price carries
    ("톤당 102.82달러", "error", "value '톤당 102.82달러' is per tons, which the quote does not say"),
])
def test_a_per_unit_word_is_one_the_quote_writes(tmp_path: Path, value: str, verdict: str,
                                                 message: str | None) -> None:
    found, explanation = _checked(tmp_path, DUBAI, "ko", _claim(DUBAI, value))["c"]
    assert found == verdict and (message is None or explanation == message), explanation


@pytest.mark.parametrize(("quote", "verdict"), [
    (DUBAI, "supported"),          # the sentence writes 배럴당 once, for both prices
    ("5.2% 올랐다", "error"),      # this quote says nothing of barrels: the units stay apart
])
def test_a_per_unit_word_carries_to_the_other_price_of_a_change(tmp_path: Path, quote: str, verdict: str) -> None:
    """Issue 22 item 6: "a per-unit word on one of two prices blocks a change" (108.16 / 102.82 − 1 = 5.19 %)."""
    claims = ("  - {id: may, quote: '배럴당 108.16달러', value: '배럴당 108.16달러'}\n"
              "  - {id: april, quote: '102.82달러', value: '102.82달러'}\n"
              f"  - {{id: rise, quote: '{quote}', value: '5.2%', relation: change, of: [april, may]}}\n")
    found, explanation = _checked(tmp_path, DUBAI, "ko", claims)["rise"]
    assert found == verdict, explanation
    if verdict == "error":
        assert "one unit" in explanation


@pytest.mark.parametrize(("value", "verdict"), [("약 1,331원", "unverifiable"), ("1,331원", "error")])
def test_a_korean_value_in_an_english_article_keeps_its_hedge(tmp_path: Path, value: str, verdict: str) -> None:
    """The English reading of "약 1,331원" is a bare, exact 1,331, which let an exact '1,331원' through."""
    assert _checked(tmp_path, "약 1,331원", "en", _claim("약 1,331원", value))["c"][0] == verdict


# --- an ISO code or US$ before digits with a Korean scale word ---------------------------------------------

@pytest.mark.parametrize(("text", "value", "unit"), [
    ("회사는 USD 3억을 투자했다.", 300_000_000, "USD"),
    ("유럽 법인은 EUR 1.5억의 손실을 냈다.", 150_000_000, "EUR"),
    ("투자액은 US$ 2억이다.", 200_000_000, "USD"),
    ("매출은 USD 1,200만이었다.", 12_000_000, "USD"),
])
def test_a_currency_code_before_a_korean_scale_word_keeps_the_scale(text: str, value: int, unit: str) -> None:
    """"USD 3억" was USD 3: the English reading stopped at the digits and dropped 억 (a silent wrong value)."""
    found = extract(text, "ko", "2024-01-01")
    assert [(q.quantity.value, q.quantity.unit) for q in found.quantities] == [(value, unit)]


@pytest.mark.parametrize(("value", "expected"), [
    ("6.2% 하락했다고", Decimal("-6.2")), ("3.3% 늘었다며", Decimal("3.3")), ("0.2%포인트 낮다고", Decimal("-0.2")),
    ("1.5% 올랐다면서", Decimal("1.5")),
])
def test_a_change_reported_by_its_speaker_keeps_its_sign(value: str, expected: Decimal) -> None:
    """"6월 수입물량지수는 … 6.2% 하락했다고 한국은행이 밝혔다" (written here): the quoted verb (-다고, -다며,
    -다면서) was not read, so the draft's value was a bare "6.2%", a rise, against a fall."""
    from checker.quantities.predicates import read_value
    assert read_value(value, "ko").quantity.value == expected

"""Everyday words of real news (issue 21, items 3 and 7): multiples, records, ticks, change
verbs, currencies, points, and the Korean predicates of fact-checked statements.

Each case is a phrase the issue quotes from a real article or statement; each was
unreadable, or read with a wrong sign or unit, before these words were tables entries.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from checker.extraction import extract
from checker.quantities.model import Kind
from checker.quantities.predicates import read_rank, read_value


def _drafted(text: str, language: str = "en") -> list[tuple[str, str, object]]:
    """(text, kind, value) of every quantity ``extract`` finds in ``text``."""
    found = extract(text, language, "2024-03-01").to_dict()["quantities"]
    return [(q["text"], q["kind"], q["value"]) for q in found]


# --- multiples -------------------------------------------------------------------------

@pytest.mark.parametrize("words, times", [
    ("quadruples", 4), ("quadrupling", 4), ("quintuples", 5), ("quintuple", 5),
    ("sextupled", 6), ("sextuple", 6), ("sixfold", 6),
])
def test_multiple_words_read_as_multiples(words, times):
    quantity = read_value(words, "en").quantity
    assert (quantity.kind, quantity.value) == (Kind.MULTIPLE, Decimal(times))


def test_a_headline_that_quadruples_states_four_times():
    assert ("quadruples", "multiple", 4) in _drafted("Tesla profit quadruples to $2.3 billion.")


def test_doubling_down_multiplies_nothing():
    assert _drafted('He "doubled down" on his statement.') == []
    assert _drafted("Bishop doubles down on removing coverage.") == []


# --- "a record" ------------------------------------------------------------------------

@pytest.mark.parametrize("words, extreme", [
    ("a record", "max"), ("record profit", "max"), ("a record quarterly", "max"), ("record lows", "min"),
])
def test_record_is_a_rank_high_unless_the_noun_says_low(words, extreme):
    rank = read_rank(words, "en")
    assert (rank.extreme, rank.window) == (extreme, "record")


@pytest.mark.parametrize("words", ["record", "track record", "for the record", "record of losses"])
def test_record_without_article_or_noun_ranks_nothing(words):
    assert read_rank(words, "en") is None


# --- change verbs with their sign ----------------------------------------------------------

@pytest.mark.parametrize("words, value", [
    ("sliding 12 percent", "-12"), ("jumping 5%", "5"), ("soared 20%", "20"), ("surging 3%", "3"),
    ("climbing 4%", "4"), ("slipping 2%", "-2"), ("sinking 3%", "-3"), ("plunging 30%", "-30"),
    ("tumbled 8%", "-8"), ("dipped 0.5%", "-0.5"), ("edged up 0.1%", "0.1"), ("edged down 0.1%", "-0.1"),
    ("a 3.5 percent slide", "-3.5"),
    ("10% 치솟았다", "10"), ("10% 곤두박질쳤다", "-10"), ("10% 내렸다", "-10"), ("10% 밀렸다", "-10"),
    ("10% 뛰었다", "10"), ("10% 폭등했다", "10"),
])
def test_change_verbs_give_the_value_its_sign(words, value):
    worded = read_value(words)
    assert worded.quantity.value == Decimal(value)
    assert worded.predicate.form == "change"


def test_a_slide_drafts_a_fall():
    from checker.extraction.worded import worded_values
    extraction = extract("Stocks were sliding 12 percent on Tuesday.", "en", "2024-03-01")
    assert worded_values(extraction)[0][0] == "sliding 12 percent"
    assert worded_values(extraction)[0][1].sign == -1


def test_earning_with_an_object_particle_is_no_rise():
    """영업이익 100억원을 올렸다 earned 10 billion won: 올리다 after 을/를 is no change."""
    assert read_value("100억원을 올렸다", "ko") is None


# --- currencies ----------------------------------------------------------------------------

@pytest.mark.parametrize("words, unit", [
    ("$US5.5 billion", "USD"), ("$A5.5 billion", "AUD"), ("$AU3", "AUD"), ("$NZ4", "NZD"),
    ("$C5 million", "CAD"), ("$HK4", "HKD"),
])
def test_country_after_the_dollar_sign_names_the_currency(words, unit):
    quantity = read_value(words, "en").quantity
    assert (quantity.kind, quantity.unit) == (Kind.MONEY, unit)


def test_australian_dollars_are_drafted_as_aud_not_a_plain_number():
    assert _drafted("Rio made $A5.5 billion in profit.") == [("$A5.5 billion", "money", 5500000000)]
    assert _drafted("It posted a loss of $US5.5 billion.") == [("$US5.5 billion", "money", 5500000000)]


def test_a_currency_sign_the_grammar_cannot_place_is_no_quantity():
    assert _drafted("It cost $Z5.5 billion.") == []
    assert read_value("$Z5.5 billion", "en") is None


# --- Korean predicates of fact-checked statements (item 7) -----------------------------------

@pytest.mark.parametrize("words, value, unit, form", [
    ("41.6% 올렸다", "41.6", "%", "change"), ("33.1% 올린", "33.1", "%", "change"),
    ("16.4% 인상했다", "16.4", "%", "change"), ("2% 인하했다", "-2", "%", "change"),
    ("0.2%포인트 낮다", "-0.2", "pp", "change"), ("3% 높다", "3", "%", "change"),
    ("408조 1000억 원 늘어난다", "408100000000000", "KRW", "change"), ("5% 줄어든다", "-5", "%", "change"),
])
def test_korean_raising_and_lowering_predicates(words, value, unit, form):
    worded = read_value(words, "ko")
    assert (worded.quantity.value, worded.quantity.unit, worded.predicate.form) == (Decimal(value), unit, form)


@pytest.mark.parametrize("words", ["3.5%였습니다", "3.5%였지요", "3.5%입니다", "3.5%였죠"])
def test_copulas_end_a_value(words):
    quantity = read_value(words, "ko").quantity
    assert (quantity.value, quantity.unit) == (Decimal("3.5"), "%")


def test_a_decade_with_a_copula():
    quantity = read_value("4%대였지요", "ko").quantity
    assert (quantity.low, quantity.high, quantity.qualifier.value) == (Decimal(4), Decimal(5), "decade")


def test_a_peak_hovering_around():
    """최고 27%를 넘나든다: the peak crosses 27% back and forth, so 최고 names the value (the highest
    one) and 넘나든다 hedges it: about 27%, not "up to 27%", which the crossing contradicts."""
    quantity = read_value("최고 27%를 넘나든다", "ko").quantity
    assert (quantity.value, quantity.qualifier.value) == (Decimal(27), "approx")
    assert read_value("최대 3만 명을 넘나드는", "ko").quantity.qualifier.value == "approx"
    assert read_value("27%를 넘나든다", "ko").quantity.qualifier.value == "approx"
    assert read_value("최고 27%", "ko").quantity.qualifier.value == "at_most"        # alone: "up to"
    assert read_value("최대 27% 정도", "ko").quantity.qualifier.value == "at_most"   # up to about 27%
    assert read_value("역대 최고 27%", "ko") is None  # a record, not "up to"


def test_one_in_four_people_is_one_ratio():
    assert _drafted("4명 중 1명은 비정규직이다.", "ko") == [("4명 중 1명", "ratio", 0.25)]
    assert read_value("10명 중 3명꼴", "ko").quantity.value == Decimal("0.3")
    assert _drafted("3명 중 5명", "ko") == [("3명", "count", 3), ("5명", "count", 5)]


# --- "down a tick" -------------------------------------------------------------------------

def test_a_tick_of_a_rate_is_a_tenth_of_a_percentage_point():
    worded = read_value("down a tick to 3.5%", "en")
    assert (worded.quantity.value, worded.quantity.unit, worded.predicate.form) == (Decimal("-0.1"), "pp", "change")
    assert ("a tick", "percentage_point", 0.1) in _drafted("The unemployment rate ticked down a tick to 3.5%.")


def test_a_tick_from_a_rate_is_sized_by_the_rate_it_left():
    """The issue's own wording (AP, September 2022 jobs): "fell to 3.5%, down a tick from 3.6%"."""
    worded = read_value("down a tick from 3.6%", "en")
    assert (worded.quantity.value, worded.quantity.unit, worded.predicate.form) == (Decimal("-0.1"), "pp", "change")
    assert ("a tick", "percentage_point", 0.1) in _drafted("The unemployment rate fell to 3.5%, down a tick from 3.6%.")


def test_a_tick_of_a_price_is_a_tenth_of_its_currency():
    quantity = read_value("up a tick to $45.10", "en").quantity
    assert (quantity.value, quantity.unit) == (Decimal("0.1"), "USD")


@pytest.mark.parametrize("words", ["down a tick", "down a tick to 2020"])
def test_a_tick_without_a_figure_to_size_it_is_not_read(words):
    assert read_value(words, "en") is None


# --- points of a rate ------------------------------------------------------------------------

def test_points_of_a_rate_are_percentage_points():
    worded = read_value("fell by 2 points to 3.5%", "en")
    assert (worded.quantity.value, worded.quantity.unit) == (Decimal(-2), "pp")
    assert _drafted("The unemployment rate fell by 2 points to 3.5%.") == [
        ("2 points", "percentage_point", 2), ("3.5%", "percent", 3.5)]


def test_points_of_an_unknown_base_stay_points():
    """No guess: "fell by 2 points" alone keeps its points, and the unit check refuses a mix."""
    assert read_value("fell by 2 points", "en").quantity.unit == "points"
    assert read_value("fell 200 points to 33,000", "en") is None


def test_a_drafted_value_reads_as_the_number_it_drafts():
    """The words around "a year" (a duration) are not "$50,000 a year" (money); "fall 2021" is a season."""
    from checker.extraction.worded import worded_values
    for text in ("Tuition is $50,000 a year.", "Sales dropped in the fall 2021 season."):
        extraction = extract(text, "en", "2024-03-01")
        for found, worded in zip(extraction.quantities, worded_values(extraction)):
            assert worded is None or read_value(worded[0], "en").quantity.kind is found.quantity.kind
    extraction = extract("The unemployment rate fell by 2 points to 3.5%.", "en", "2024-03-01")
    assert worded_values(extraction)[0][0] == "fell by 2 points to 3.5%"


# --- a whole and a half with its unit ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Rates rose two and a half percent.", [("two and a half percent", "percent", 2.5)]),
    # read apart, "a half percent" was a claim of 0.5 %: a wrong value, not a lost unit
    ("Rates rose 2 and a half percent.", [("2 and a half percent", "percent", 2.5)]),
    ("He earned one and a half million dollars.", [("one and a half million dollars", "money", 1500000)]),
    ("The deal runs three and a half years.", [("three and a half years", "duration", 3.5)]),
    ("I have 2 and a half million more votes.", [("2 and a half million", "number", 2500000)]),
    ("Between 2 and a quarter of the staff left.", [("2", "number", 2), ("a quarter", "ratio", 0.25)]),
])
def test_a_whole_and_a_half_takes_the_unit_after_it(text, expected):
    assert _drafted(text) == expected

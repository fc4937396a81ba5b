"""English drafts that were silently wrong or lost their words (issue 21), on sentences written here.

Each case drafts a claim file with ``extract`` and ``draft`` as ``claimcheck extract`` does, and
asserts the drafted quote or value, and that ``check``'s value reader reads the value back as the
quantity the sentence states.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from checker.extraction import extract
from checker.extraction.draft import claims
from checker.extraction.sentences import sentence_spans
from checker.quantities.predicates import read_value


def _drafted(text: str) -> list[tuple[str, str]]:
    """``(quote, value)`` of every claim drafted from ``text``."""
    return [(str(claim["quote"]), str(claim["value"])) for claim in claims(extract(text, "en", "2023-05-02"))]


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


SENTENCES = [
    ("Boston, Jan. 4, 2023 - Rents fell 3 percent. Sales rose.",
     ["Boston, Jan. 4, 2023 -", "Rents fell 3 percent.", "Sales rose."]),
    ("CHICAGO (AP) -- The mill cut 400 jobs.", ["CHICAGO (AP) --", "The mill cut 400 jobs."]),
    ("DENVER, Mar. 9 (Reuters) - Output rose 2%.", ["DENVER, Mar. 9 (Reuters) -", "Output rose 2%."]),
    ("Austin, Texas (AP) — Bills rose 4%.", ["Austin, Texas (AP) —", "Bills rose 4%."]),
    ("Sales peaked in Sept. 2021 and fell after Nov. 3 this year.",
     ["Sales peaked in Sept. 2021 and fell after Nov. 3 this year."]),
    ("Sales fell in Dec. They rose in Jan. Prices held.", ["Sales fell in Dec.", "They rose in Jan.", "Prices held."]),
    ("Acme - the maker of nails - cut 5% of its staff.", ["Acme - the maker of nails - cut 5% of its staff."]),
    ("He quit. Boston, Jan. 4 - x", ["He quit.", "Boston, Jan. 4 - x"]),
    ("AUSTIN, Texas, Jan. 26, 2022 -- Acme Inc. said it earned $5 billion. Mr. Roe agreed.",
     ["AUSTIN, Texas, Jan. 26, 2022 --", "Acme Inc. said it earned $5 billion.", "Mr. Roe agreed."]),
    ("Shares of Acme Corp. The firm fell 5%. Mrs. Roe and Dr. Lee sold.",
     ["Shares of Acme Corp.", "The firm fell 5%.", "Mrs. Roe and Dr. Lee sold."]),
]


@pytest.mark.parametrize("text, expected", SENTENCES, ids=[text[:24] for text, _ in SENTENCES])
def test_abbreviated_months_and_datelines_split_sentences(text: str, expected: list[str]) -> None:
    """"Oct. 7" ends no sentence; a dateline opening a paragraph is a sentence of its own (not inside one)."""
    assert _sentences(text) == expected


def test_a_quote_carries_no_dateline() -> None:
    drafted = _drafted("Boston, Jan. 4, 2023 - Rents fell 3 percent in the city.")
    assert drafted == [("Rents fell 3 percent in the city.", "fell 3 percent")]


PER_UNIT = [
    ("The grant paid $2,500 per student and $9,000 per household.",
     [("$2,500 per student", Decimal(2500), "USD/students"), ("$9,000 per household", Decimal(9000), "USD/households")]),
    ("The subsidy cost $51,000 per job created.", [("$51,000 per job", Decimal(51000), "USD/jobs")]),
    ("Gold traded at $1,900 an ounce.", [("$1,900 an ounce", Decimal(1900), "USD/ounces")]),
]


@pytest.mark.parametrize("text, expected", PER_UNIT, ids=[text[:24] for text, _ in PER_UNIT])
def test_an_amount_per_person_or_thing_is_drafted_as_a_rate(text: str, expected: list) -> None:
    """"$2,500 per student" is a rate: drafted without its denominator it would be checked as a total."""
    values = [value for _, value in _drafted(text)]
    assert values == [written for written, _, _ in expected]
    for written, value, unit in expected:
        read = read_value(written, "en")
        assert read is not None and (read.quantity.value, read.quantity.unit) == (value, unit)


SHARED_UNITS = [
    ("Rents rose 4 and 6 percent in the two towns.", [("rose 4 percent", "%"), ("6 percent", "%")]),
    ("Rents rose 4 and 6% in the two towns.", [("rose 4%", "%"), ("6%", "%")]),
    ("The shop cut 12 and 15 jobs at two stores.", [("12 jobs", "jobs"), ("15 jobs", "jobs")]),
    ("Tickets cost 8 and 9 euros.", [("8 euros", "EUR"), ("9 euros", "EUR")]),
    ("Rates fell 2 and 3 percentage points.", [("fell 2 percentage points", "pp"), ("3 percentage points", "pp")]),
]


@pytest.mark.parametrize("text, expected", SHARED_UNITS, ids=[text[:24] for text, _ in SHARED_UNITS])
def test_a_unit_written_once_is_both_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    """"rose 4 and 6 percent": the 4 is 4 percent, drafted so that ``check`` reads it back as one."""
    drafted = _drafted(text)
    assert [value for _, value in drafted[:len(expected)]] == [value for value, _ in expected]
    for value, unit in expected:
        read = read_value(value, "en")
        assert read is not None and read.quantity.unit == unit


@pytest.mark.parametrize("text, kept", [
    ("The state spent $4 and $7 billion on roads.", ["$7 billion"]),
    ("It has 3 and 4 million users.", ["4 million users"]),
    ("It spent $4 to $7 billion on roads.", ["$4 to $7 billion"]),     # a range lends its scale
    ("Sales hit 40 and 55 stores in 2021 and 2022.", ["40", "55 stores"]),
])
def test_a_number_that_may_share_a_scale_word_is_refused(text: str, kept: list[str]) -> None:
    """"$4 and $7 billion": four dollars or four billion? Neither is guessed; a year never shares a unit."""
    found = extract(text, "en", "2023-05-02").quantities
    assert [f.quantity.text for f in found if f.quantity.kind.value != "date"] == kept
    assert all(f.quantity.unit for f in found if f.quantity.kind.value != "date")


COMPARED = [
    ("The mill hired 1,200 workers in May, up from 950 in April.", "950 workers"),
    ("Shops sold 80,000 cars last year, compared with 72,000 in 2021.", "72,000 cars"),
    ("Employers added 240,000 jobs in March, down from 310,000 in February.", "310,000 jobs"),
    ("Farms lost 3,000 acres, versus 2,500 a decade ago.", "2,500 acres"),
]


@pytest.mark.parametrize("text, value", COMPARED, ids=[text[:24] for text, _ in COMPARED])
def test_a_figure_compared_with_a_count_is_that_count(text: str, value: str) -> None:
    """"hired 1,200 workers, up from 950": the 950 are workers, not a plain number checked in the data's unit."""
    assert value in [value for _, value in _drafted(text)]


@pytest.mark.parametrize("text, bare", [
    ("Prices rose 3.5%, up from 3 in March.", "3"),                  # points or percent: not guessed
    ("It has 500 stores; up from 400 is the goal.", "400"),         # another clause
    ("It sold $9 million in bonds, up from 700.", "700"),           # an amount: its scale may differ
])
def test_a_figure_compared_with_no_count_stays_bare(text: str, bare: str) -> None:
    assert bare in [value for _, value in _drafted(text)]


@pytest.mark.parametrize("text, kept", [
    ("Net sales were EUR 310.4 ( 287.9 ) million in the year.", []),
    ("The result was EUR -2.4 ( -1.1 ) million.", []),
    ("The portfolio was worth EUR 1,512.3 1,104.6 million.", ["1,104.6 million"]),
    ("Revenue rose to EUR 88.1 mn from EUR 61.7 in the same period.", ["EUR 88.1 mn"]),
    ("Revenue rose to EUR 3.2 m from EUR 870,000 a year before.", ["EUR 3.2 m", "EUR 870,000"]),
    ("Revenue rose to EUR 4.50 from EUR 3.90.", ["EUR 4.50", "EUR 3.90"]),
    ("In 2019 4 million people moved.", ["2019", "4 million people"]),
])
def test_an_amount_whose_scale_word_is_elsewhere_is_refused(text: str, kept: list[str]) -> None:
    """"EUR 310.4 ( 287.9 ) million" and "EUR 88.1 mn from EUR 61.7": read alone, the amounts without the
    scale word would be a millionth of what the text means; they are refused, not guessed."""
    assert [found.quantity.text for found in extract(text, "en", "2023-05-02").quantities] == kept


PER_SHARED = [
    ("It earned $2.10 a share, up from $1.75 a year earlier.", ["$2.10 a share", "$1.75 a share"]),
    ("Diesel rose to $5 a gallon from $4.", ["$5 a gallon", "$4 a gallon"]),
    ("Sales rose to $7 million from $6 million.", ["$7 million", "$6 million"]),
    # written here, a gas-price story: "a year" begins "a year earlier", no annual rate (it drafted "a gallon a year")
    ("Gasoline reached $5.01, up from $3.07 a gallon a year earlier.", ["$5.01", "$3.07 a gallon"]),
]


@pytest.mark.parametrize("text, values", PER_SHARED, ids=[text[:24] for text, _ in PER_SHARED])
def test_a_per_unit_word_written_once_prices_both_amounts(text: str, values: list[str]) -> None:
    """"$2.10 a share, up from $1.75": the $1.75 is a share too (and "a year earlier" is no annual rate)."""
    assert [value for _, value in _drafted(text)] == values


@pytest.mark.parametrize("text", ["The board lifted the payout from 40 cents to 45 cents a share.",
                                  "Shares fell 12 pence to 310 pence.", "A stamp costs 73¢ now.", "It was up one penny."])
def test_an_amount_in_cents_or_pence_is_no_bare_number(text: str) -> None:
    """"45 cents" read as the bare 45 would be checked as 45 dollars of a dividend series; it is refused."""
    assert _drafted(text) == []


def test_a_number_and_a_worded_count_are_two_clauses() -> None:
    """"the median age is 41 and two workers support a retiree": 41 is no count of workers."""
    found = extract("Today the median age is 41 and two workers support a retiree.", "en", "2023-05-02").quantities
    assert [(found.quantity.text, found.quantity.unit) for found in found][0] == ("41", None)


def test_a_numbered_name_takes_no_unit_from_the_next_number() -> None:
    """"the Acme 300 and 400 printers": model names, not 300 printers."""
    found = extract("Acme will sell the Acme 300 and 400 printers.", "en", "2023-05-02").quantities
    assert [found.quantity.text for found in found if found.quantity.unit == "printers"] == ["400 printers"]


def test_a_bracketed_conversion_before_a_scale_word_is_refused() -> None:
    """"NOK 40 ( about EUR 4.1 ) million": both amounts are millions; neither is read as written."""
    assert extract("The price is NOK 40 ( about EUR 4.1 ) million.", "en", "2023-05-02").quantities == []


@pytest.mark.parametrize("text, values", [
    ("The jobless rate climbed from 4.5 percent to 9.2 percent.", ["4.5 percent", "9.2 percent"]),
    ("It lifted the payout from $0.10 to $0.12 per share.", ["$0.10 per share", "$0.12 per share"]),
])
def test_a_value_states_its_own_number_not_the_span_to_the_next(text: str, values: list[str]) -> None:
    """"climbed from 4.5 percent to 9.2" drafted for the 4.5 reads a rise of 4.5 to 9.2 percent: another quantity."""
    assert [value for _, value in _drafted(text)] == values


def test_the_end_of_a_change_from_a_count_is_that_count() -> None:
    """"from 300 branches in 2001 to 120 in 2021": the 120 are branches."""
    assert "120 branches" in [value for _, value in _drafted("The bank went from 300 branches in 2001 to 120 in 2021.")]


@pytest.mark.parametrize("text, per", [
    ("The bill comes to $9,100 for every resident of the town.", "per resident"),
    ("A repair costs $450 per visit.", "per visit"),
])
def test_an_amount_per_something_unlisted_is_drafted_with_a_note(text: str, per: str) -> None:
    """The value reader reads "$450" as a total; the draft says it is priced per something."""
    claim = claims(extract(text, "en", "2023-05-02"))[0]
    assert per in claim.ca.items["value"][2].value


@pytest.mark.parametrize("text, kept", [
    ("Rents stayed below 2019 levels all year.", []),
    ("Fees were $2 million above 2020 fees.", ["$2 million"]),
    ("The plant made under 2000 units.", ["under 2000 units"]),
])
def test_a_year_after_a_bound_word_is_no_bounded_number(text: str, kept: list[str]) -> None:
    """"below 2019 levels" dates the levels; it is no "at most 2,019"."""
    assert [found.quantity.text for found in extract(text, "en", "2023-05-02").quantities] == kept


@pytest.mark.parametrize("text, expected", [
    ("Of the mayors it backed in 2018 won.", [("2018", "date", None)]),
    ("He wore a 2016 t-shirt to the rally.", [("2016", "date", None)]),
    ("The ban lasts until at least 2030 under the law.", []),
    ("Warrants 2019 B were cancelled.", []),
    ("Tickets cost 3000 won in Seoul.", [("3000 won", "money", "KRW")]),
    ("The truck carries 9 t of sand.", [("9 t", "count", "tonnes")]),
])
def test_a_year_is_no_amount(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    """"in 2018 won" (the verb), "2016 t-shirt", "until at least 2030", "Warrants 2019 B": years, not
    2,018 won, 2,016 tonnes, a bound or 2,019 of a scale."""
    found = extract(text, "en", "2023-05-02").quantities
    assert [(f.quantity.text, f.quantity.kind.value, f.quantity.unit) for f in found] == expected


@pytest.mark.parametrize("text", [
    "The rate fell to 3.5%, matching a half-century low.",
    "UPM reported a third-quarter net loss.",
    "It was a half-hour show, with the flag at half-staff.",
    "Even a fifth-grader knows a glass-half-full reading.",
])
def test_a_fraction_word_opening_a_compound_is_no_fraction(text: str) -> None:
    """"a half-century low" was a claim of 0.5 and "a third-quarter net loss" one of a third: the
    fraction word is the first half of a compound adjective, as "double-wide" is no multiple."""
    assert [found.quantity.text for found in extract(text, "en", "2023-05-02").quantities
            if found.quantity.kind.value == "ratio"] == []


def test_a_fraction_before_its_whole_is_still_read() -> None:
    found = extract("He bought half-a-dozen eggs; two-thirds of voters and a quarter million people agreed.", "en")
    assert [f.quantity.text for f in found.quantities] == ["half-a-dozen eggs", "two-thirds", "a quarter million people"]

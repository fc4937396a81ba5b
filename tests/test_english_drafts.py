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

"""A claim's value held against its quote: the value judged must be one the quote states.

``quote: earned $5 million`` with ``value: $50 million`` would judge a number the
article never wrote, mark the article's correct text refuted in the HTML report and
publish "False" in ClaimReview. So the value, read by the grammar, must equal (value or
bounds, unit and qualifier) one of the quantities the same grammar reads in the quote,
words such as ``절반 수준`` included. A quote in which the grammar reads no quantity at
all cannot be held against, and passes; so does a claim without a quote or a value.
"""
from __future__ import annotations

from functools import lru_cache

from checker.errors import InputError, Location
from checker.extraction import numbers
from checker.extraction.scanner import scan
from checker.quantities import detect_language
from checker.quantities.model import Qualifier, Quantity


def value_problem(quote: str | None, value: Quantity | None, language: str | None,
                  where: Location) -> InputError | None:
    """An error at ``where`` when ``value`` is not a quantity ``quote`` states, else None.

    >>> from checker.quantities import parse_quantity
    >>> at = Location("a.yaml", 7, 12)
    >>> print(value_problem("earned $5 million last year", parse_quantity("$50 million", "en"), "en", at))
    a.yaml:7:12: value '$50 million' is not what the quote states ('$5 million')
    >>> value_problem("전년 대비 절반 수준이었다", parse_quantity("절반 수준", "ko"), "ko", at) is None
    True
    """
    if not quote or value is None:
        return None
    language = language or detect_language(quote)
    scanned = _scanned(quote, language)
    if any(_same(value, quantity) for quantity in scanned):
        return None  # the common case: the grammar's first reading already states it
    stated = [*scanned, *_extracted(quote, language)]
    if not stated or any(_same(value, quantity) for quantity in stated):
        return None
    listed = ", ".join(dict.fromkeys(f"'{quantity.text}'" for quantity in stated))
    return InputError(where, f"value '{value.text}' is not what the quote states ({listed})")


@lru_cache(maxsize=4096)
def _scanned(quote: str, language: str) -> tuple[Quantity, ...]:
    """The quantities the grammar reads in the quote (cached: claims of one sentence share it)."""
    try:
        return tuple(scan(quote, language))
    except Exception:  # a grammar bug on an odd quote must not cost the claim file: nothing is held against
        return ()


def _extracted(quote: str, language: str) -> tuple[Quantity, ...]:
    """The quantities as extraction keeps them: a change "from 1.4% to 5.1%" is split into its two values."""
    try:
        return tuple(numbers(quote, language)[0])
    except Exception:  # as above
        return ()


def _same(value: Quantity, stated: Quantity) -> bool:
    """The same quantity: equal numbers (digits aside: 4.40 is 4.4), unit (if the value names one) and
    qualifier; or one end of a stated range ("약 2만5,000~3만 달러" states 약 2만5,000 달러 and 3만 달러)."""
    unit = value.unit is None or value.unit == stated.unit  # a bare number names no other unit: 350000 is 35만 개
    if stated.qualifier is Qualifier.RANGE and value.value is not None and unit:
        if value.value in (stated.low, stated.high):
            return True
    return (unit and value.qualifier == stated.qualifier and value.value == stated.value
            and value.low == stated.low and value.high == stated.high and value.date == stated.date)

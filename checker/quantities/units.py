"""Unit strings as published, read into a base unit and an exact scale.

Reference files write units the way their providers do: ``Thousands of Persons``,
``Billions of Chained 2017 Dollars``, ``U.S. Dollars per Gallon``, ``천명``, ``백만원``.
A scale word multiplies the values (exactly, as a ``Decimal``); the rest must be a
unit this table knows. Nothing is dropped: a word the table does not know is an
error that names it, because reading ``thousand jobs`` as ``jobs`` turns a true
claim into a false one without a word.

Counts of people and jobs are one unit (``people``); other count nouns are units of
their own (``shares`` are not ``barrels``). A plural noun the table does not list
(``ships``, ``vessels``) is a count of itself, as the claim grammar reads "12 ships", but
only standing alone: after a scale word every word must be known, and a scale, money,
duration or fraction word is never taken for a noun, so no scale or currency is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checker.folding import fold
from checker.lazy_regex import compile_lazily
from checker.quantities.tables import (
    EN_COUNTERS, EN_CURRENCY_WORDS, EN_DENOMINATORS, EN_DURATIONS, EN_GROUP_WORDS, EN_NOT_COUNT_NOUNS,
    EN_PERCENT_POINT_WORDS, EN_PERCENT_WORDS, EN_PHYSICAL_UNITS, EN_SCALE_WORDS, KO_COUNTERS, SUBUNIT_WORDS,
)

#: English scale words before a unit: "Thousands of Persons", "million USD".
EN_SCALES: dict[str, Decimal] = {
    "hundred": Decimal(10) ** 2, "thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12,
}
#: Korean scale prefixes glued to a unit: 천명, 백만원, 십억원, 억원, 조원, 천달러.
KO_SCALES: dict[str, Decimal] = {
    "천": Decimal(10) ** 3, "만": Decimal(10) ** 4, "십만": Decimal(10) ** 5, "백만": Decimal(10) ** 6,
    "천만": Decimal(10) ** 7, "억": Decimal(10) ** 8, "십억": Decimal(10) ** 9, "백억": Decimal(10) ** 10,
    "천억": Decimal(10) ** 11, "조": Decimal(10) ** 12,
}
#: Money names → ISO code. Any three capital letters (``USD``) is a currency too.
MONEY: dict[str, str] = {
    "$": "USD", "dollar": "USD", "dollars": "USD", "u.s. dollars": "USD", "us dollars": "USD",
    "u.s. dollar": "USD", "달러": "USD", "불": "USD", "원": "KRW", "won": "KRW", "엔": "JPY", "yen": "JPY",
    "euro": "EUR", "euros": "EUR", "유로": "EUR", "위안": "CNY", "yuan": "CNY", "pounds": "GBP", "파운드": "GBP",
}
#: Percent and its published spellings (FRED's "Percent Change from Preceding Period").
PERCENT = compile_lazily(r"^(?:%|percent|per cent|퍼센트|percent change(?: from [\w ]+| at annual rate)?"
                         r"|percent of [\w ]+|percentage)$")
#: How a series was adjusted, as FRED's pages write it after the unit ("Thousands of Persons, Seasonally
#: Adjusted", "Percent Change from Preceding Period, Seasonally Adjusted Annual Rate"): no part of the unit.
_ADJUSTMENT = compile_lazily(r",\s*(?:not\s+|smoothed\s+)?seasonally\s+adjusted(?:\s+annual\s+rate)?$", re.IGNORECASE)
#: Index numbers (``Index 1982-1984=100``, KOSIS ``2020=100``): dimensionless, compared only with
#: each other, and only on one base: the base is part of the unit (``index (2015=100)``).
INDEX = compile_lazily(r"^(?:index\b[\w\s=\-.,/]*|\d{4}(?:[.=-]\d{1,4})?\s*=\s*100)$")
#: Chained or constant dollars are dollars of a base year, part of the unit: ``USD (chained 2017)``.
REAL_DOLLARS = compile_lazily(r"^(chained|constant|real) (?:(\d{4}) )?(?:u\.s\. )?dollars$")
#: The base a unit key carries in parentheses: `` (chained 2017)``, `` (2015=100)``.
BASE = compile_lazily(r" \(([^()]*)\)")
#: Everything that counts people (명 and "employees" both count people).
PEOPLE = ("people", "persons", "person", "jobs", "job", "workers", "worker", "employees", "employee",
          "staff", "명", "인")
#: Count nouns beyond the grammar's counters (open-class units of published series).
MORE_COUNTS: dict[str, str] = {
    "barrels": "barrels", "barrel": "barrels", "tonnes": "tonnes", "tons": "tonnes", "ton": "tonnes",
    "톤": "tonnes", "stores": "stores", "store": "stores", "gallons": "gallons", "gallon": "gallons",
    "hours": "hours", "hour": "hours", "units": "units", "number": "units", "housing units": "houses",
}
#: Physical units: each its own unit, never a money scale.
PHYSICAL: dict[str, str] = {
    "sqft": "sqft", "square feet": "sqft", "평방미터": "m²", "m²": "m²", "m2": "m²", "square meters": "m²",
    "km": "km", "kilometers": "km", "miles": "miles", "kg": "kg", "kilograms": "kg", "litres": "litres",
    "liters": "litres", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "kw": "kW", "mw": "MW", "gw": "GW",
    "teu": "TEU", "teus": "TEU", "피트": "feet", "feet": "feet",
}
#: XBRL unit ids of SEC filings beyond the ones above (``pure`` is a plain ratio).
XBRL: dict[str, str] = {
    "pure": "ratio", "d": "days", "y": "years", "segment": "segments", "plaintiff": "plaintiffs",
    "partnershipunit": "partnership units", "shares_unit": "share units", "vehicle": "vehicles",
}
DIMENSIONLESS = {"ratio": "ratio", "x": "x", "pp": "pp", "percentage points": "pp", "%p": "pp", "배": "x"}
DURATIONS = {"days": "days", "weeks": "weeks", "months": "months", "years": "years", "seconds": "seconds",
             "minutes": "minutes"}

#: An open-class count noun as claims read one ("500 stores"): a plural word of letters.
COUNTED_NOUN = compile_lazily(r"^[a-z][a-z-]*[a-z]s$")
#: Plurals that are no counted noun: scales, money, subunits, fractions, durations, percent and
#: physical units (the claim grammar reads each its own way), and its non-nouns ("series", "news").
NOT_COUNTED = frozenset(word.lower() for word in (
    *EN_NOT_COUNT_NOUNS, *EN_SCALE_WORDS, *(f"{word}s" for word in EN_SCALE_WORDS), *EN_CURRENCY_WORDS, *MONEY,
    *SUBUNIT_WORDS, *EN_DENOMINATORS, *EN_DURATIONS, *DURATIONS, *EN_GROUP_WORDS, *EN_PERCENT_WORDS,
    *EN_PERCENT_POINT_WORDS, *EN_PHYSICAL_UNITS,
))


class UnitError(ValueError):
    """A unit string with a word this table does not know; the message names the word."""


@dataclass(frozen=True)
class Unit:
    """A read unit: values in the file times ``scale`` are amounts of ``base``."""

    base: str
    scale: Decimal = Decimal(1)


def read_unit(written: str) -> Unit:
    """The base unit and scale of a published unit string.

    >>> read_unit("Thousands of Persons"), read_unit("Thousands of Persons, Seasonally Adjusted")
    (Unit(base='people', scale=Decimal('1000')), Unit(base='people', scale=Decimal('1000')))
    >>> read_unit("백만원"), read_unit("U.S. Dollars per Gallon").base
    (Unit(base='KRW', scale=Decimal('1000000')), 'USD/gallons')
    >>> read_unit("ships"), read_unit("척")
    (Unit(base='ships', scale=Decimal('1')), Unit(base='ships', scale=Decimal('1')))
    >>> read_unit("furlongs of persons")
    Traceback (most recent call last):
    ...
    checker.quantities.units.UnitError: unknown unit word 'furlongs' in 'furlongs of persons'
    """
    text = _ADJUSTMENT.sub("", " ".join(written.split()))
    if not text:
        raise UnitError("empty unit")
    rate = _split_rate(text)
    if rate is not None:
        top, bottom = read_unit(rate[0]), read_unit(rate[1])
        if bottom.scale != 1:
            raise UnitError(f"a scale in the denominator of {written!r} is not supported")
        return Unit(f"{top.base}/{bottom.base}", top.scale)
    scale, rest = _scale(text)
    base = _base(rest) or (_counted_noun(rest) if scale == 1 else None)
    if base is None:
        raise UnitError(_unknown(rest, written))
    return Unit(base, scale)


def without_bases(unit: str) -> str:
    """The unit with its base years and index bases left out: what kind of amount it is.

    >>> without_bases("USD (chained 2017)/hours"), without_bases("index (2015=100)")
    ('USD/hours', 'index')
    """
    return BASE.sub("", unit)


def canonical(unit: str | None) -> str | None:
    """The unit a claim's unit compares as: every count of people is ``people``.

    >>> canonical("jobs"), canonical("employees"), canonical("shares")
    ('people', 'people', 'shares')
    """
    if unit is None:
        return None
    return "people" if unit.lower() in PEOPLE else unit


def _split_rate(text: str) -> tuple[str, str] | None:
    """``A per B`` or ``A/B`` as its two sides; None for a plain unit."""
    match = re.fullmatch(r"(.+?)\s+per\s+(.+)", text, re.IGNORECASE)
    if match:
        return match.group(1), match.group(2)
    if "/" in text and not INDEX.match(text.lower()):
        top, _, bottom = text.partition("/")
        if top.strip() and bottom.strip():
            return top.strip(), bottom.strip()
    return None


def _scale(text: str) -> tuple[Decimal, str]:
    """The leading scale word (English or Korean) and the rest of the unit."""
    match = re.fullmatch(r"(\w+?)s?\s+(?:of\s+)?(.+)", text, re.IGNORECASE)
    if match and match.group(1).lower() in EN_SCALES:
        return EN_SCALES[fold(match.group(1))], match.group(2)
    for prefix in sorted(KO_SCALES, key=len, reverse=True):
        rest = text[len(prefix):].strip()
        if text.startswith(prefix) and rest and _base(rest) is not None:
            return KO_SCALES[prefix], rest
    return Decimal(1), text


def _base(text: str) -> str | None:
    """The base unit a scale-free unit string names, or None when it is unknown."""
    lowered = text.lower()
    if re.fullmatch(r"[A-Z]{3}", text):
        return text
    if lowered in MONEY:
        return MONEY[lowered]
    if lowered in PEOPLE:
        return "people"
    if PERCENT.match(lowered):
        return "%"
    if INDEX.match(lowered):
        return _index(lowered)
    real = REAL_DOLLARS.match(lowered)
    if real:
        return f"USD ({' '.join(part for part in real.groups() if part)})"
    for table in (DIMENSIONLESS, DURATIONS, MORE_COUNTS, PHYSICAL, XBRL, EN_COUNTERS, KO_COUNTERS):
        if lowered in table or text in table:
            return table.get(lowered) or table[text]
    return None


def _counted_noun(text: str) -> str | None:
    """``ships`` for ``Ships``: a plural noun no table knows, counted as itself; None for anything else.

    >>> _counted_noun("Ships"), _counted_noun("Millions"), _counted_noun("francs"), _counted_noun("ship")
    ('ships', None, None, None)
    """
    lowered = text.lower()
    if not COUNTED_NOUN.match(lowered) or lowered in NOT_COUNTED or lowered.endswith(("ss", "us", "is")):
        return None
    return lowered


def _index(lowered: str) -> str:
    """``index`` with its base as written (``Index 2015 = 100`` is ``index (2015=100)``).

    >>> _index("index 1982-1984=100"), _index("2020=100"), _index("index")
    ('index (1982-1984=100)', 'index (2020=100)', 'index')
    """
    base = re.sub(r"\s*=\s*", "=", lowered.removeprefix("index").strip(" ,.-/"))
    return f"index ({' '.join(base.split())})" if base else "index"


def _unknown(rest: str, written: str) -> str:
    words = [word for word in re.split(r"[\s/]+", rest) if word and _base(word) is None
             and word.lower() not in ("of", "per") and word.lower().rstrip("s") not in EN_SCALES
             and word not in KO_SCALES]
    word = words[0] if words else rest
    return f"unknown unit word {word!r} in {written!r}"

"""A claim's value held against its quote: the value judged must be one the quote states.

``quote: earned $5 million`` with ``value: $50 million`` would judge a number the
article never wrote, mark the article's correct text refuted in the HTML report and
publish "False" in ClaimReview. So the value, read by the grammar, must equal (value or
bounds and qualifier) one of the quantities the same grammar reads in the quote, words
such as ``절반 수준`` and ``quadrupled`` included, as a reader would hold them:

- the value may add what the quote implies: a unit or counted noun the quote writes away
  from the number ("about 4.5 million private-sector jobs" states ``about 4.5 million
  jobs``; "a 3.2 (percent)" states ``3.2%``; 배럴당 written on the other price), and the
  sign its words give ("a decline of 37%" states ``-37%``);
- the value's words may not turn the quote's direction: ``12% increase`` is not what
  "sliding 12 percent" states;
- a bare number stands for a count ("35만 개") or a plain number, never for money or a rate:
  ``5.5 billion`` for "$A5.5 billion" would be compared with USD data as if it were USD;
- the quote is read in the article's language and in its own (a Korean quote in an
  English article), so is the value; an English reading of a number inside Korean words
  ('1,331' of "약 1,331원", its hedge lost) is no reading;
- a quote in which the grammar reads no quantity states none: any value is an error.

A claim without a quote or a value has nothing to hold against.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.claimfile.quotes import find_quote, fold
from checker.errors import InputError, Location
from checker.extraction import numbers
from checker.extraction.scanner import scan
from checker.lazy_regex import compile_lazily
from checker.quantities import detect_language
from checker.quantities.model import Kind, Qualifier, Quantity
from checker.quantities.predicates import Predicate, negated, says_change, says_negative, says_per


def value_problem(quote: str | None, value: Quantity | None, language: str | None,
                  where: Location, predicate: Predicate | None = None) -> InputError | None:
    """An error at ``where`` when ``value`` is not a quantity ``quote`` states, else None.

    ``predicate`` holds the value's own words: the way a change goes (up, down), which the quote's words must
    not turn, and the per-unit word (톤당), which the quote must write.

    >>> from checker.quantities import parse_quantity
    >>> at = Location("a.yaml", 7, 12)
    >>> print(value_problem("earned $5 million last year", parse_quantity("$50 million", "en"), "en", at))
    a.yaml:7:12: value '$50 million' is not what the quote states ('$5 million')
    >>> value_problem("전년 대비 절반 수준이었다", parse_quantity("절반 수준", "ko"), "ko", at) is None
    True
    """
    if not quote or value is None:
        return None
    languages = tuple(dict.fromkeys((language or detect_language(quote), detect_language(quote))))
    words = _words_problem(quote, value, predicate, languages)
    if words is not None:
        return InputError(where, words)
    scanned = [quantity for each in languages for quantity in _scanned(quote, each)
               if each == "ko" or not _in_korean(quote, quantity)]
    if any(_same(value, quantity) for quantity in scanned):
        return None  # the common case: the grammar's first reading already states it
    stated = [*scanned, *(quantity for each in languages for quantity in _extracted(quote, each)
                          if each == "ko" or not _in_korean(quote, quantity))]
    if any(_same(value, quantity) or _implied(value, quantity, quote, languages) for quantity in stated):
        return None
    if not stated:
        return InputError.said(where, "stated.none", value=value.text)
    listed = ", ".join(dict.fromkeys(f"'{quantity.text}'" for quantity in stated))
    return InputError.said(where, "stated.other", value=value.text, stated=listed)


_OTHER_WAY = {"up": "down", "down": "up"}


def _words_problem(quote: str, value: Quantity, predicate: Predicate | None,
                   languages: tuple[str, ...]) -> str | None:
    """What the value's own words say that the quote's contradict: a direction turned, another per-unit."""
    if predicate is None:
        return None
    way = predicate.direction if predicate.form == "change" else None
    if way is not None and _turned(quote, way, languages):
        return f"value '{value.text}': its words say the figure went {way}, the quote's say {_OTHER_WAY[way]}"
    if predicate.per is not None and not any(says_per(quote, language, predicate.per) for language in languages):
        return f"value '{value.text}' is per {predicate.per}, which the quote does not say"
    return None


def _in_korean(quote: str, quantity: Quantity) -> bool:
    """Whether an English reading took a number out of a Korean expression: '1,331' of '약 1,331원'."""
    before, after = quote[:quantity.start].rstrip()[-1:], quote[quantity.end:].lstrip()[:1]
    return detect_language(before + after) == "ko"


def _turned(quote: str, way: str, languages: tuple[str, ...]) -> bool:
    """Whether the quote's change words go the other way only: "sliding 12 percent" for a value "12% increase".

    A quote that names no direction (a draft quoting "7.4%" of "7.4% 감소한") leaves the value's words to the
    evidence, which refutes a wrong direction and says so.
    """
    said = {each_way for each_way in _OTHER_WAY for language in languages if says_change(quote, language, each_way)}
    return said == {_OTHER_WAY[way]}


def rank_problem(quote: str | None, words: str | None, where: Location) -> InputError | None:
    """An error at ``where`` when the rank words of an ``extreme`` claim are not written in its quote.

    Rank words state no number to compare, so "reads the same" is "is written there" (spacing, case and a
    leading "the" aside): ``13년 만의 최고`` for a quote that says "역대 최고" would judge a rank the article
    never claimed.

    >>> rank_problem("Tesla posts a record profit", "a record", Location("a.yaml", 7, 12)) is None
    True
    >>> print(rank_problem("역대 최고를 기록했다", "13년 만의 최고", Location("a.yaml", 7, 12)))
    a.yaml:7:12: value '13년 만의 최고' is not what the quote states (no such rank words in it)
    """
    if not quote or not words:
        return None
    written = fold(quote.casefold())
    if any(find_quote(each, written) for each in (words.casefold(), _THE.sub("", words.casefold()))):
        return None
    return InputError(where, f"value '{words}' is not what the quote states (no such rank words in it)")


_THE = compile_lazily(r"\Athe\s+")


#: Distinct values whose grammar readings a run keeps: enough that a run of 100,000
#: claims reads each distinct value once, bounded for long-lived workers.
TEXTS_KEPT = 1 << 17
#: Distinct quotes whose readings are kept, the most recent: claims quoting one sentence sit
#: together (in a file, or in the files of one article), and every quote's readings kept
#: cost a run of 100,000 claims 100 MB held to its end, for nothing once its claims are built.
QUOTES_KEPT = 1 << 12


@lru_cache(maxsize=QUOTES_KEPT)
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
    unit = value.unit == stated.unit or (value.unit is None and stated.kind in _BARE)  # 350000 is 35만 개
    if stated.qualifier is Qualifier.RANGE and value.value is not None and unit:
        if value.value in (stated.low, stated.high):
            return True
    return (unit and value.qualifier == stated.qualifier and value.value == stated.value
            and value.low == stated.low and value.high == stated.high and value.date == stated.date)


#: What a bare number may stand for: a count of the quote's noun, or a plain number; money and rates keep
#: their unit, which the comparison with the evidence needs.
_BARE = (Kind.COUNT, Kind.NUMBER)


def _implied(value: Quantity, stated: Quantity, quote: str, languages: tuple[str, ...]) -> bool:
    """The stated quantity with what the quote says around it: the value's own unit words, when the quote
    writes them elsewhere, and the sign the quote's change or balance words give."""
    if value.unit is not None and stated.unit != value.unit:
        if not _rate_points(value, stated, quote) and (
                stated.unit is not None or not _names(quote, _unit_words(value, stated))):
            return False
        value = replace(value, unit=stated.unit)
    if value.value is not None and stated.value is not None and value.value < 0 < stated.value:
        if not any(says_negative(quote, language) for language in languages):
            return False
        value = negated(value)
    return _same(value, stated)


#: A rate named in a quote ("The unemployment rate fell by 2 points", 실업률), and an index, whose points are its own.
_RATE_NOUN = compile_lazily(r"\brates?\b|률|율", re.IGNORECASE)
_INDEX_NOUN = compile_lazily(r"\bind(?:ex|ices)\b|지수|\bDow\b|S&P|Nasdaq|KOSPI|코스피", re.IGNORECASE)


def _rate_points(value: Quantity, stated: Quantity, quote: str) -> bool:
    """"points" of a rate the quote names are percentage points: ``-2 percentage points`` for "The unemployment
    rate fell by 2 points"; an index's points ("the Dow fell 200 points") stay its own."""
    return (value.unit == "pp" and stated.unit == "points" and _RATE_NOUN.search(quote) is not None
            and _INDEX_NOUN.search(quote) is None)


_WORD = compile_lazily(r"[^\W\d_]+|[%$€£¥₩]")
#: Symbols and the words a quote may spell them with ("3.2 (percent)" names the % of 3.2%).
_SPELLED = {"%": ("%", "percent", "per cent", "pct", "퍼센트", "프로"), "$": ("$", "dollar", "dollars", "달러"),
            "€": ("€", "euro", "euros", "유로"), "£": ("£", "pound", "pounds", "파운드"),
            "¥": ("¥", "yen", "엔", "yuan", "위안"), "₩": ("₩", "won", "원")}


def _unit_words(value: Quantity, stated: Quantity) -> set[str]:
    """The words of the value that its stated number lacks: its unit as the claim file writes it."""
    own = {word.casefold() for word in _WORD.findall(stated.text)}
    return {word.casefold() for word in _WORD.findall(value.text)} - own


def _names(quote: str, words: set[str]) -> bool:
    """Whether the quote writes each word (a symbol in any of its spellings); no words, nothing is named."""
    folded = quote.casefold()
    return bool(words) and all(any(_written(folded, spelling) for spelling in _SPELLED.get(word, (word,)))
                               for word in words)


def _written(folded: str, word: str) -> bool:
    if not word.isascii() or not word.isalpha():  # Korean words glue to their particles; symbols stand alone
        return word in folded
    return re.search(rf"\b{re.escape(word)}\b", folded) is not None

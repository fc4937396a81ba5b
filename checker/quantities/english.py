"""English quantity grammar: $4.4 billion, 4.4bn, 11,000 employees, two-thirds, tripled.

A number (digits with scale words or abbreviations, or words) with a currency before
or after it, or followed by percent, percentage points, a multiple (times, -fold, x),
a duration or a count noun. Fractions, multiples and halves may be written as words.
Ranges: ``A to B``, ``A–B``, ``between A and B``, ``from A to B``; decades:
``the 90s``, ``in the $90s``.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..folding import fold
from ..lazy_regex import compile_lazily
from .assemble import Core, date_core, decade, from_num, join_range, longest
from .hedges import HedgeTable
from .model import Kind, Qualifier
from .lengths import metres_after
from .numerals import Num, scan_english, scan_slash_fraction
from .precision import tidy, words_precision
from .tables import (
    CURRENCY_CODE_SCALES, CURRENCY_PREFIXES, CURRENCY_SUFFIX_SYMBOLS, EN_CAPITALISED_COUNT_NOUNS, EN_COUNTERS,
    EN_CURRENCY_WORDS,
    EN_CURRENCY_WORDS_BEFORE_SCALED, EN_DENOMINATORS, EN_DURATIONS, EN_GROUP_WORDS, EN_HEDGES_NOT_AFTER, EN_MINUS, EN_MONTHS, EN_MULTIPLE_WORDS,
    EN_NOT_COUNT_NOUNS,
    EN_PERCENT_POINT_WORDS, EN_PERCENT_WORDS, EN_PHYSICAL_UNITS, EN_PREFIX_HEDGES, EN_RATIO_JOINERS,
    EN_RATIO_WORDS, EN_SCALE_WORDS, EN_SUFFIX_HEDGES, EN_WEIGHT_OR_MONEY_WORDS,
    EN_TENS, EN_UNITS, ISO_CURRENCY_CODES, LETTER_CURRENCIES, SUBUNIT_WORDS,
)

NAME = "en"




def _during(text: str, pos: int) -> bool:
    """Whether the hedge word at ``pos`` is the "over" of "Over 10 years, the plan would …" or the "under"
    of "under eight years of Obama".

    At the head of a clause and with a comma after its span, "over" means *during*: the ten
    years are the span the clause's claim is about, exactly ten (docs/extraction-gold.md), where
    "over 10 years ago" and "sales rose over 10 years" keep "more than".
    """
    if text[pos:pos + 1] in ("U", "u"):
        return _UNDER_TERM.match(text, pos) is not None
    return (text[pos:pos + 1] in ("O", "o") and _DURING_SPAN.match(text, pos) is not None
            and (pos == 0 or _CLAUSE_HEAD.search(text, max(0, pos - 8), pos) is not None))


#: "Over 10 years," "Over the decade," no: a number and a span of time, then a comma.
_DURING_SPAN = compile_lazily(r"over\s+[\w.,-]+\s+(?:years|months|weeks|days|decades|quarters)\s?,", re.IGNORECASE)
#: "under eight years of Obama", "under four years of President Trump": a term of office, during it
#: (exactly eight years), where "under 5 years of age" keeps "less than".
_UNDER_TERM = compile_lazily(r"[Uu]nder\s+[\w.,-]+\s+(?:years|months)\s+of\s+(?:(?:President|Gov\.|Governor|Mayor)\s+)?"
                             r"[A-Z][a-z]")
#: Right before the head of a clause: a sentence's end, a semicolon or colon, an opening quote or bracket.
_CLAUSE_HEAD = compile_lazily(r"(?:[.!?;:]\s+|[\"“‘'(]\s*)\Z")
#: "people 50 and over five times more", "18 or under": an age (two digits at most: "October, 2010 and over
#: 9,200 stores" keeps its bound), "and"/"or" and then the hedge word.
_BOUND_OF_NUMBER_BEFORE = compile_lazily(r"(?<![\d,.])\d\d?\s+(?:and|or)\s+\Z", re.IGNORECASE)


def _closes_number_before(text: str, pos: int) -> bool:
    """Whether the hedge word at ``pos`` is the "over" of "50 and over", a bound of the number before it:
    "charge people 50 and over five times more" says five times, not more than five."""
    return (text[pos:pos + 1] in ("O", "o", "U", "u") and text[pos - 1:pos].isspace()
            and _BOUND_OF_NUMBER_BEFORE.search(text, max(0, pos - 8), pos) is not None)


def _no_hedge(text: str, pos: int) -> bool:
    """The words around that make the hedge word at ``pos`` no hedge (``HedgeTable``'s ``unless``)."""
    return _during(text, pos) or _closes_number_before(text, pos)


PREFIX_HEDGES = HedgeTable(EN_PREFIX_HEDGES, before=True, word_boundary=True, not_after=EN_HEDGES_NOT_AFTER,
                           unless=_no_hedge)
#: "plus" before another amount adds it ("$5,000 plus $2,000", "3 plus 4"): a sum, no "more than".
_PLUS_AMOUNT = compile_lazily(r"[\s-]*plus[\s-]+(?:[$€£¥₩]|\d)", re.IGNORECASE)


def _sum_follows(text: str, pos: int) -> bool:
    """Whether the trailing hedge word at ``pos`` is the "plus" of a sum (``HedgeTable``'s ``unless``)."""
    return _PLUS_AMOUNT.match(text, pos) is not None


#: A hyphen may join a trailing hedge to its number: "$1 million-plus", "50-plus years".
SUFFIX_HEDGES = HedgeTable(EN_SUFFIX_HEDGES, before=False, word_boundary=True, particles=("-",),
                           unless=_sum_follows)
#: What may be left after a whole expression in parse_quantity.
TRAILING = compile_lazily(r"\s*[.,;:!?]?\s*")
#: An article between a hedge and an amount or a percentage: "over an 80 percent chance",
#: "nearly a $2 billion cut". Not before a duration: "over a 5-year period" is no more than 5 years.
#: So is "an average of" after a bound ending in "of" or "than" ("in excess of an average of 40,000
#: tonnes a day": more than 40,000 tonnes); "talking about an average of 80 percent" has no hedge.
ARTICLE_AFTER_HEDGE = compile_lazily(r"an?\s+(?=[$€£¥₩]|\d[\d.,]*[\s-]?(?:%|per\s?cent|pct\b|percentage\b))"
                                     r"|(?:(?<=of\s)|(?<=than\s))(?:an\s+)?average\s+of\s+", re.IGNORECASE)


def _alternation(words: object) -> str:
    return "|".join(
        r"\s+".join(re.escape(part) for part in w.split())
        for w in sorted(words, key=len, reverse=True)  # type: ignore[arg-type]
    )


def _symbols(symbols: object) -> str:
    """Currency symbols; a letter prefix may stand apart from its $ (us $ 150, c $ 1.34)."""
    return "|".join(
        re.escape(symbol[:-1]).replace(r"\.", r"\.?") + r"\s?\$" if symbol.endswith("$") and len(symbol) > 1
        else re.escape(symbol)
        for symbol in sorted(symbols, key=len, reverse=True)  # type: ignore[arg-type]
    )


def _letter_runs(phrase: str) -> set[str]:
    """The words ``phrase`` may open with when its spaces and dots are left out.

    "at least" may be written "atleast" (hedges allow no space), "U.S.$" "US$".
    """
    runs = re.findall(r"[A-Za-z]+", phrase)
    return {"".join(runs[:n]).lower() for n in range(1, len(runs) + 1)}


# The words (maximal runs of letters, lower-cased) each reading can open with. At any
# other word its regex cannot match, so the reading is not tried (see ``_opening``).
_MONTH_WORDS = frozenset(EN_MONTHS)
_MONEY_WORDS = frozenset().union(
    *map(_letter_runs, CURRENCY_PREFIXES),                  # US$, U.S.$, CN¥, RMB
    (code.lower() for code in ISO_CURRENCY_CODES),          # EUR 20
    (f"{scale}{code}".lower() for scale in CURRENCY_CODE_SCALES for code in ISO_CURRENCY_CODES),  # MAUD 60
    ("a", "an"),                                            # a US$4.7 billion
    EN_CURRENCY_WORDS_BEFORE_SCALED,                        # pounds 900m
)
#: Prefixes ending in a letter need no boundary before the number (RMB3, Rs5): a longer word may open with them.
_MONEY_WORD_PREFIXES = tuple(symbol.lower() for symbol in CURRENCY_PREFIXES if symbol[-1].isalpha())
_NUMBER_WORDS = frozenset([*EN_UNITS, *EN_TENS, *EN_MINUS, "a", "an", "point"])  # a million, point five
_ARTICLES = frozenset(["a", "an", "one"])                    # a dollar, a third, one-fifth
_FRACTION_WORDS = _ARTICLES | frozenset(EN_DENOMINATORS)     # quarter million
_WORD_FORM_WORDS = frozenset().union(*map(_letter_runs, EN_MULTIPLE_WORDS), EN_RATIO_WORDS)  # tripled, half
_RANGE_WORDS = frozenset(["between", "from"])
_DECADE_WORDS = frozenset(["in", "the"])                     # in the 90s
#: Every word (a maximal run of letters, lower-cased) an English expression can start
#: with: a hedge, a number, fraction or multiple word, an article, a month, a currency
#: code or a symbol's letters, the minus words, and the words opening a range or a
#: decade. A scanner need not ask the grammar at any other word ("and", "after").
FIRST_WORDS: frozenset[str] = frozenset().union(
    *map(_letter_runs, EN_PREFIX_HEDGES), _MONTH_WORDS, _MONEY_WORDS, _NUMBER_WORDS, _FRACTION_WORDS,
    _WORD_FORM_WORDS, _RANGE_WORDS, _DECADE_WORDS, {letter.lower() for letter in LETTER_CURRENCIES},
)


def _symbol_key(written: str) -> str:
    return "".join(written.split()).upper().replace(".", "")


_CODES = _alternation(ISO_CURRENCY_CODES)
#: 30 MUSD, MEUR 120: a scale letter glued to a code; not where the two spell an English word
#: ("Meek one" is no million kroons).
_SCALED_WORDS = frozenset({"MEEK"})
_SCALED_CODE = r"(?P<%%s> %s ) (?P<%%s> %s )" % (
    _alternation(CURRENCY_CODE_SCALES),
    _alternation(code for code in ISO_CURRENCY_CODES
                 if not any(scale + code in _SCALED_WORDS for scale in CURRENCY_CODE_SCALES)))
_PREFIX_CURRENCY = compile_lazily(
    r"""
    (?: an? \s+ )?                       # "a US$4.7 billion"
    (?: (?P<word> %s )                    # pounds 900m, dollars 5bn: only before a scaled amount
        (?= \s \d[\d.,]* \s? (?: m | mn | bn | million | billion | trillion ) \b )
      | (?P<symbol> %s                    # US$, $, €, ₩ …
        | (?P<code> %s ) (?! [A-Za-z] )   # EUR 20, USD3.14, KRW 13 trillion
          (?: (?<= \bin [ ] [A-Z]{3} ) [ ]? : )?   # a table's field: "Deal size in USD : 102.6 m"
        | %s (?! [A-Za-z] )               # MAUD 60
      )
    ) \s?
    """ % (_alternation(EN_CURRENCY_WORDS_BEFORE_SCALED), _symbols(CURRENCY_PREFIXES), _CODES,
           _SCALED_CODE % ("code_scale", "scaled_code")),
    re.VERBOSE | re.IGNORECASE,
)
_PREFIX_KEYS = {_symbol_key(symbol): code for symbol, code in CURRENCY_PREFIXES.items()}
#: Characters other than letters that may open a prefixed amount ($, €, ₩ …).
_SIGN_STARTS = frozenset(symbol[0] for symbol in CURRENCY_PREFIXES if not symbol[0].isalpha())
_SUFFIX = compile_lazily(
    r"""
    (?:
        \s? (?P<pp> %s ) \b                  # percentage points, pp
      | [\s-]? (?P<percent> %%|%s ) (?: \b | (?<=%%) )   # %%, percent, per cent, 5.4-per-cent
      | (?P<pc> pc ) \b                     # 43pc: British press, glued ("2 pc" apart may count pieces)
      | \s? (?P<symbol> %s ) (?! [A-Za-z] )   # 10$, 20€, 3.14US$; 20 €ur is a word
      | \s? %s \b                           # 30 MUSD, 120 MEUR
      | \s? (?P<code> %s ) \b                # 3 CNY, 115USD
      | [\s-] (?P<currency> %s ) \b          # ten dollars, 20 euros, one-yen
      | (?P<x> x ) \b                        # 3x
      | \s? - ?(?P<fold> fold ) \b           # 3-fold
      | \s (?P<times> times ) \b             # three times
      | [\s-] (?P<duration> %s ) \b          # 10 months, a 10-month delay
      | \s (?P<counter> %s ) \b              # 11,000 employees
    )
    """
    % (
        _alternation(EN_PERCENT_POINT_WORDS), _alternation(w for w in EN_PERCENT_WORDS if w != "%"),
        _alternation(CURRENCY_SUFFIX_SYMBOLS), _SCALED_CODE % ("code_scale", "scaled_code"), _CODES,
        _alternation(EN_CURRENCY_WORDS),
        _alternation(EN_DURATIONS), _alternation(EN_COUNTERS),
    ),
    re.VERBOSE | re.IGNORECASE,
)
_UNIT_WORDS = (*EN_PERCENT_POINT_WORDS, *EN_PERCENT_WORDS, "pc", *CURRENCY_SUFFIX_SYMBOLS, *ISO_CURRENCY_CODES,
               *(scale + code for scale in CURRENCY_CODE_SCALES for code in ISO_CURRENCY_CODES),
               *EN_CURRENCY_WORDS, "x", "fold", "times", *EN_DURATIONS, *EN_COUNTERS)
#: The first run of ASCII letters of every word ``_SUFFIX`` reads ("per" of "per cent"), lower-cased,
#: and the other characters its words open with (%, $, €ur).
_UNIT_OPENINGS = frozenset(re.match("[A-Za-z]*", word).group().lower() for word in _UNIT_WORDS) - {""}  # type: ignore[union-attr]
_UNIT_SIGNS = frozenset(word[0] for word in _UNIT_WORDS if not ("a" <= word[0].lower() <= "z"))
#: Every word that may follow "a" or "an" in an expression opening on the article: a unit (a
#: dollar, a percent), a currency's letters or code (a US$4.7 billion), a scale, group, fraction or
#: multiple word (a million, a dozen, a third, a twofold), a number word, a physical unit, "tick", and what
#: joins the article's one to a fraction ("a and a half", "a in 4": the grammar reads "one" so).
#: At any other word ("a new", "an increase": most articles of a text) no reading goes on, and
#: ``match_core`` tries none; ``tests/test_speed_shortcuts.py`` holds it to every reading.
_ARTICLE_FOLLOWERS = frozenset().union(
    _UNIT_OPENINGS, _MONEY_WORDS, _WORD_FORM_WORDS, _NUMBER_WORDS, _FRACTION_WORDS, {"tick", "and"},
    *map(_letter_runs, (*EN_SCALE_WORDS, *EN_GROUP_WORDS, *EN_DENOMINATORS, *EN_RATIO_WORDS, *EN_PHYSICAL_UNITS,
                        *EN_RATIO_JOINERS)))
_LONE_ARTICLES = frozenset({"a", "an"})
#: The word after an article and the white space or hyphens before it, when the word is all ASCII letters.
_WORD_AFTER_ARTICLE = compile_lazily(r"[\s-]*([A-Za-z]+)(?![^\W\d_])")


def _article_may_open(text: str, end: int) -> bool:
    """Whether an expression may open on the article ending at ``end``: not when an ASCII word
    outside ``_ARTICLE_FOLLOWERS`` follows it (any other character or letter: the readings decide)."""
    word = _WORD_AFTER_ARTICLE.match(text, end)
    if word is None:
        return True
    follower = word.group(1).lower()   # and without its last s's, as the number words are read ("a millions")
    return (follower in _ARTICLE_FOLLOWERS or follower.rstrip("s") in _ARTICLE_FOLLOWERS
            or follower.startswith(_MONEY_WORD_PREFIXES))


#: "m" spaced after an amount of money, or finance's "mm" glued or spaced ($5mm, $5.5 mm): a million.
#: A hyphen may join the next amount's code to it ("USD 24.4 m-EUR 18.1 m"), not a word ("10 m-long").
_MONEY_MILLION = compile_lazily(r"(?:[ ]m|[ ]?mm)\b(?![.'’]?\w|-(?![A-Z]{3}\b)\w)")
#: A unit of one letter is no unit before a hyphen and a letter: "5 t-shirts", "2020 t-shirt" (not tonnes).
_PHYSICAL = compile_lazily(r"[ -]?(?P<unit>%s)(?![A-Za-z0-9²³])(?!(?<=\b[A-Za-z])-[A-Za-z])" % "|".join(
    r"\s".join(re.escape(part) for part in unit.split()) for unit in sorted(EN_PHYSICAL_UNITS, key=len, reverse=True)))
#: An open-class count noun: a lower-case plural right after the number ("500 stores"), a plural
#: not ending in -s ("89,000 children", "200 women", "five men"), a people's name, which English
#: capitalises ("250 Texans", "two million Liberians"; EN_CAPITALISED_COUNT_NOUNS: "seven Democrats"), or an
#: acronym's plural ("75 ASCs", "12 SUVs").
#: Not when a number, "by" or "to" and an amount or an article follow: then the word is a verb ("the
#: S&P 500 gains 1%", "the FTSE 100 rises to a record"); "seize 3000 farms to free land" counts farms.
#: In a headline's title case ("12,000 Doctors Urge", "Did 14 Generals Say") a capitalised plural before
#: another capitalised word, or ending the headline, is the common noun: counted in lower case.
_NOUN = compile_lazily(r"\s(?P<noun>[a-z][a-z-]*[a-z]s|children|women|men|[A-Z][a-z]+ans|%s|[A-Z]{2,5}s"
                       r"|(?P<title>[A-Z][a-z]*[a-z]s)(?=[ ][A-Z]|[?!]?\Z))\b(?!['’]\w|-)"
                       r"(?!\s+(?:[\d$€£¥₩]|to\s+(?:[\d$€£¥₩]|an?\b|the\b|new\b|record\b)|by\b))"
                       % "|".join(EN_CAPITALISED_COUNT_NOUNS))
#: A lower-case word of four letters or more: running text, where a headline's title case writes none.
_LOWER_WORD = compile_lazily(r"\b[a-z]{4,}\b")
_NOT_NOUNS = EN_NOT_COUNT_NOUNS | {w for w in (*EN_DENOMINATORS, *EN_SCALE_WORDS, *SUBUNIT_WORDS, *EN_MONTHS)} | {
    f"{w}s" for w in EN_SCALE_WORDS}
#: A four-digit year before a noun is a year ("In 2022 sales hit …"), not a count.
_DIGIT_NEXT = compile_lazily(r"\s?\d")
#: The next amount carries its own sign after it ("10 $ 30 $"): the sign between is the first one's.
_SIGNED_NEXT = compile_lazily(r"\s?\d[\d.,]*\s?[%s]" % re.escape(
    "".join(sorted({symbol[-1] for symbol in CURRENCY_SUFFIX_SYMBOLS if not symbol[-1].isalnum()}))))
_YEAR_DIGITS = compile_lazily(r"(?<![\d,.])(?:19|20)\d{2}$")
#: A year after a preposition, right before "won" (the verb): "in 2012 won", "since 2016 won".
_YEAR_BEFORE_WON = compile_lazily(r"\b(?:in|since|by|until|of|from|after|before|during)\s+(?:19|20)\d{2}\s?\Z",
                                  re.IGNORECASE)
_SUBUNIT = compile_lazily(
    r"""(?: \s+ and \s+ | \s+ | (?= \d ) )   # 3 dollars 50 cents, $20 and 43c
        (?P<amount> [^\W_]+ (?: [\s-] [a-z]+ )? ) \s? (?P<word> %s ) \b""" % _alternation(SUBUNIT_WORDS),
    re.VERBOSE | re.IGNORECASE,
)
_RATIO_OVER = compile_lazily(r"\s+(?P<word>%s)\s+" % _alternation(EN_RATIO_JOINERS), re.IGNORECASE)
_YEAR = compile_lazily(r"(?:19|20)\d{2}")
_OF_A = compile_lazily(r"\s+(?:of\s+)?(?:an?\s+)?(?P<scale>%s)\b" % _alternation(
    w for w in EN_SCALE_WORDS if w != "hundred"), re.IGNORECASE)
_ARTICLE = compile_lazily(r"(?:a|an|one)(?=\s)", re.IGNORECASE)
#: After a fraction word, what makes it none: the first half of a compound ("a half-century low", "a
#: quarter-point cut"; "half-a-dozen" and "a half-percent" stay), or a compound noun of years ("a quarter
#: century", "a half decade": a span, no ratio of 0.25; "half a century" reads as 0.5 centuries).
_NOT_A_FRACTION_AFTER = r"-(?!an?-|percent)[a-z]|\s+(?:centur(?:y|ies)|decades?)\b"
_FRACTION = compile_lazily(
    r"""
    (?: (?P<article> an? | one ) \s*[-\s]\s* )?    # a third, one-fifth ("the quarter" alone only before a scale)
    (?P<den> %s ) \b (?! %s )              # halves, thirds, quarters …; not a half-century
    """ % (_alternation(EN_DENOMINATORS), _NOT_A_FRACTION_AFTER),
    re.VERBOSE | re.IGNORECASE,
)
_DENOMINATOR = compile_lazily(r"\s*[-\s]\s*(?P<den>%s)\b(?!%s)" % (_alternation(EN_DENOMINATORS), _NOT_A_FRACTION_AFTER),
                              re.IGNORECASE)
_AND = compile_lazily(r"\s+and\s+", re.IGNORECASE)
_AND_A = compile_lazily(r"\s+and\s+(?:a|an|one)\s+(?P<den>half|third|quarter|fourth|fifth)\b", re.IGNORECASE)
#: A multiple word, not in the idiom "double(s) down on" (to persist), which multiplies nothing,
#: nor the first half of a compound adjective: "a double-wide trailer", "double vaccinated people".
_MULTIPLE_WORD = compile_lazily(r"(?P<word>%s)\b(?!\s+down\b|-[a-z]|(?<=double)\s+[a-z]+ed\b)"
                                % _alternation(EN_MULTIPLE_WORDS), re.IGNORECASE)
#: A ratio word, not the first half of a compound ("half-staff", "a glass-half-full way"): read as "half",
#: it was a claim of 0.5 the text never makes; "half-a-dozen" (six) and "a half-percent" stay. ``_FRACTION`` and ``_DENOMINATOR``
#: end so too ("a half-century low", "a half-hour show", "a quarter-point cut" are no fractions).
_RATIO_WORD = compile_lazily(r"(?P<word>%s)\b(?!%s)" % (_alternation(EN_RATIO_WORDS), _NOT_A_FRACTION_AFTER),
                             re.IGNORECASE)
_DECADE = compile_lazily(r"'?s\b")
_DECADE_LEAD = compile_lazily(r"(?:in\s+)?the\s+", re.IGNORECASE)
#: What joins the two ends of a range: "5-6", "5 to 6", and "five or six years", a range
#: of estimates (an increasing pair only, see ``join_range``; "2005 or 2006" stays two years).
#: "either" this far before "A or B" makes them alternatives, not a range (within the
#: look-behind ``match_quantity`` gives a grammar).
_EITHER_REACH = 64
_EITHER = compile_lazily(r"\beither\b", re.IGNORECASE)
_RANGE_JOINER = compile_lazily(r"\s*(?:-|–|—|~)\s*|\s+(?:to|through|(?P<either>or))\s+", re.IGNORECASE)
_BETWEEN = compile_lazily(r"(?P<word>between|from)\s+", re.IGNORECASE)
_BETWEEN_JOINER = {"between": compile_lazily(r"\s+and\s+", re.IGNORECASE),
                   "from": compile_lazily(r"\s+(?:to|and)\s+|\s*[-–]\s*", re.IGNORECASE)}
_MONTH = _alternation(EN_MONTHS)
_DATE = compile_lazily(
    r"""
    (?P<iso_y> \d{4} ) - (?P<iso_m> 0[1-9]|1[0-2] ) (?: - (?P<iso_d> 0[1-9]|[12]\d|3[01] ) )? (?!\d)
  | (?P<dot_y> \d{4} ) \. (?P<dot_m> 0?[1-9]|1[0-2] ) \. (?P<dot_d> 3[01]|[12]\d|0?[1-9] ) (?!\d|\.\d)  # 2022.06.13 (bylines)
  | (?P<month> %s ) \.? \s+                            # November, Nov.
    (?: (?P<day> 3[01]|[12]\d|0?[1-9] ) (?:st|nd|rd|th)? \b (?: ,? \s* (?P<year> \d{4} ) )?   # November 9(, 2022)
      | (?P<month_year> \d{4} ) ) \b                   # November 2022; never the comma after "December 31,"
  | (?P<day2> 3[01]|[12]\d|0?[1-9] ) \s+ (?P<month2> %s ) \.? (?: ,? \s+ (?P<year2> \d{4} ) )? \b
    """ % (_MONTH, _MONTH),
    re.VERBOSE | re.IGNORECASE,
)


#: The letters the word lists hold, as the IGNORECASE patterns read them: with ſ, K, ı and İ.
_LETTERS = compile_lazily(r"[A-Za-z]+", re.IGNORECASE)


def _opening(text: str, pos: int) -> str | None:
    """The word at ``pos`` as the readings' word lists hold it (lower-cased); "" where no such letter stands.

    A word reading is tried only where its list holds the word (``_opens``): most places in
    running text are digits, Hangul or words no reading opens with. The lists are ASCII and
    each pattern needs its word to end there (a space, a dot, a boundary follow it). None
    for a word with ſ, K, ı or İ, which IGNORECASE reads as s, k and i: every reading is tried.
    """
    match = _LETTERS.match(text, pos) if text[pos:pos + 1].isalpha() else None
    if match is None:
        return ""
    word = match.group()
    return word.lower() if word.isascii() else None


def _opens(opening: str | None, words: frozenset[str]) -> bool:
    """Whether a reading opening with one of ``words`` may start where ``opening`` (see ``_opening``) stands."""
    return opening is None or opening in words


def _may_be_date(text: str, pos: int, opening: str | None) -> bool:
    """A date opens with a month, four digits and a hyphen or dot (2022-08, 2022.06.13) or a day and a space (9 November)."""
    if opening != "":
        return _opens(opening, _MONTH_WORDS)
    return text[pos:pos + 1].isdecimal() and (
        text[pos + 4:pos + 5] in ("-", ".") or text[pos + 1:pos + 2].isspace() or text[pos + 2:pos + 3].isspace())


def _date(text: str, pos: int, opening: str | None) -> Core | None:
    match = _DATE.match(text, pos) if _may_be_date(text, pos, opening) else None
    if not match:
        return None
    if match["iso_y"]:
        label = f"{match['iso_y']}-{match['iso_m']}" + (f"-{match['iso_d']}" if match["iso_d"] else "")
        return date_core(label, match.end())
    if match["dot_y"]:   # a year, month and day written with dots; "2022.06" alone is a decimal number
        return date_core(f"{match['dot_y']}-{int(match['dot_m']):02d}-{int(match['dot_d']):02d}", match.end())
    month_word = match["month"] or match["month2"]
    day, year = match["day"] or match["day2"], match["year"] or match["month_year"] or match["year2"]
    if not day and not year:
        return None  # "May" alone is a verb more often than a month
    label = (year or "-") + f"-{EN_MONTHS[fold(month_word)]:02d}" + (f"-{int(day):02d}" if day else "")
    end = match.end() if (day or year) else pos
    return date_core(label, end)


def _currency_code(code: str) -> str:
    code = code.upper()
    return "CNY" if code == "RMB" else code


def _with_subunit(core: Core, text: str) -> Core:
    """3 dollars 50 cents: the subunit is a hundredth of the main unit."""
    match = _SUBUNIT.match(text, core.end)
    amount = scan_english(match["amount"], 0) if match else None
    if match is None or amount is None or amount.end != len(match["amount"]) or core.value is None:
        return core
    value = core.value + amount.value / 100
    return Core(core.kind, core.unit, value, max(amount.precision / 100, Decimal("0.005")),
                match.end(), worded=core.worded)


def _scaled_code_money(num: Num, match: re.Match[str], end: int) -> Core:
    """30 MUSD: the number times the scale letter, in the code's currency."""
    scale = CURRENCY_CODE_SCALES[match["code_scale"].upper()]
    scaled = Num(tidy(num.value * scale), num.end, tidy(num.precision * scale), num.worded, scale)
    return from_num(scaled, Kind.MONEY, _currency_code(match["scaled_code"]), end)


def physical_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The physical unit written at ``pos`` (200 kW, 1억199만L, 높이 6.25m) and where it ends, if any."""
    physical = _PHYSICAL.match(text, pos) if _ascii_letter_follows(text, pos) else None
    if physical:
        return EN_PHYSICAL_UNITS[" ".join(physical["unit"].split())], physical.end()
    metres = metres_after(text, pos) if text.startswith(("m", " m"), pos) else None
    return ("metres", metres) if metres else None


def _unit_may_follow(text: str, pos: int) -> bool:
    """Whether ``_SUFFIX`` may match at ``pos``: a cheap look before its hundreds of alternatives.

    Exact: every alternative is at most a space and a hyphen, then a word of ``_UNIT_WORDS``
    whose first letters are followed by a non-letter (a space, a dot, $) or a word boundary,
    so they are the whole word that stands there ("500 stores" opens with no unit word).
    """
    at = pos + 1 if text[pos:pos + 1].isspace() else pos
    if text.startswith("-", at):
        at += 1
    opening = _opening(text, at)
    return text[at:at + 1] in _UNIT_SIGNS if opening == "" else _opens(opening, _UNIT_OPENINGS)


#: An ISO code after an amount, scaled (1.5 MEUR) or not (307.8 EUR), whatever follows it but digits:
#: in "73m USD90.3m" and "139,538.17 USD 194,556.48" the code is the next amount's.
_CODE_AFTER = compile_lazily(r"[ ]? (?: %s | (?P<code> %s ) ) (?! [A-Za-z] | [ ]?\d )" % (
    _SCALED_CODE % ("code_scale", "scaled_code"), _CODES), re.VERBOSE)


def currency_code_after(num: Num, text: str, pos: int, qualifier: Qualifier) -> Core | None:
    """307.8 EUR로, 1.5 MEUR의: money in the ISO code written after it, for the Korean grammar, whose
    text glues a particle to the code (where this grammar's suffixes want the end of a word)."""
    at = pos + 1 if text.startswith(" ", pos) else pos
    match = _CODE_AFTER.match(text, pos) if "A" <= text[at:at + 1] <= "Z" else None   # a capital opens every code
    if match is None:
        return None
    if match["code"]:
        return from_num(num, Kind.MONEY, _currency_code(match["code"]), match.end(), qualifier)
    return _scaled_code_money(num, match, match.end())._replace(qualifier=qualifier)


def _ascii_letter_follows(text: str, pos: int) -> bool:
    """Whether an ASCII letter stands at ``pos``, or after one space or hyphen: where every
    physical unit and count noun opens (their patterns are case-sensitive, so no ſ stands for s)."""
    at = pos + 1 if text[pos:pos + 1].isspace() or text.startswith("-", pos) else pos
    letter = text[at:at + 1]
    return letter.isascii() and letter.isalpha()


def _quoted_count(num: Num, text: str, pos: int) -> Core | None:
    """"producing “400,000” barrels a day", "not 'at least a million' Kenyans": the quote closes on the number
    a text quotes, and the noun after it is what the number counts (a count only: no unit reads across)."""
    if text[pos:pos + 1] not in "”\"’'" or not _CLOSING_QUOTE_NOUN.match(text, pos):
        return None
    core = _suffix(num, text, pos + 1)
    return core if core is not None and core.kind is Kind.COUNT else None


def _measure(num: Num, text: str, pos: int) -> Core | None:
    """36,000 t, 200 kW, 13,300 TEUs, 18,000-square metres: a physical unit; else 500 stores: an open-class count noun."""
    physical = physical_unit(text, pos)
    if physical:
        return from_num(num, Kind.COUNT, *physical)
    noun = _NOUN.match(text, pos) if _ascii_letter_follows(text, pos) else None
    if noun is None or _YEAR_DIGITS.search(text, max(0, pos - 5), pos):
        return None
    if noun["title"] and _LOWER_WORD.search(text, max(0, pos - 60), pos + 60):
        return None   # "the World's 1 Scissors Brand TM, recently won": a name's capitals in running text
    word = noun["noun"].lower() if noun["title"] else noun["noun"]
    if word in _NOT_NOUNS or word.endswith(("ss", "us", "is")) or word[:-1] in ISO_CURRENCY_CODES:
        return None   # "10 EURs" is money written oddly, no count of a noun
    return from_num(num, Kind.COUNT, word, noun.end())


#: A closing quote mark between a number and the noun it counts: "“400,000” barrels", "'a million' Kenyans".
#: A straight quote only after a letter: after digits it is feet or inches (6' tall, 12" pipes).
_CLOSING_QUOTE_NOUN = compile_lazily(r"(?:[”’]|(?<=[A-Za-z])['\"])(?=[ ][A-Za-z])")


def _suffix(num: Num, text: str, pos: int) -> Core | None:
    """The core for ``num`` followed by a unit word at ``pos``."""
    match = _SUFFIX.match(text, pos) if _unit_may_follow(text, pos) else None
    if not match:
        return _measure(num, text, pos) or _quoted_count(num, text, pos)
    end = match.end()
    if match["pp"]:
        return from_num(num, Kind.PERCENTAGE_POINT, "pp", end)
    if match["percent"] or match["pc"]:
        return from_num(num, Kind.PERCENT, "%", end)
    if match["symbol"]:
        money = _with_subunit(from_num(num, Kind.MONEY, CURRENCY_SUFFIX_SYMBOLS[match["symbol"].upper()], end), text)
        if money.end == end and _DIGIT_NEXT.match(text, end) and not _SIGNED_NEXT.match(text, end):
            return None  # "580 million $ 743 million": the sign opens the next amount ("10 $ 30 $" keeps it)
        return money
    if match["scaled_code"]:
        return _scaled_code_money(num, match, end)
    if match["code"]:
        if _YEAR_DIGITS.search(text, max(0, pos - 5), pos) and _DIGIT_NEXT.match(text, end):
            return None  # "In 2010 EUR 5 mn": the code opens the next amount
        return _with_subunit(from_num(num, Kind.MONEY, _currency_code(match["code"]), end), text)
    if match["currency"]:
        word = " ".join(fold(match["currency"]).split())
        if word == "won" and _YEAR_BEFORE_WON.search(text, max(0, pos - 16), pos):
            return None   # "endorsed in 2012 won": the verb after a year, no 2,012 won
        if word in EN_WEIGHT_OR_MONEY_WORDS and num.scale < 10**6:
            return from_num(num, Kind.COUNT, "pounds", end)   # 340 pounds: a weight as often as money
        return _with_subunit(from_num(num, Kind.MONEY, EN_CURRENCY_WORDS[word], end), text)
    if match["x"] or match["fold"] or match["times"]:
        return from_num(num, Kind.MULTIPLE, "x", end)
    if match["duration"]:
        return from_num(num, Kind.DURATION, EN_DURATIONS[fold(match["duration"])], end)
    return from_num(num, Kind.COUNT, EN_COUNTERS[fold(match["counter"])], end)


def _ratio(value: Decimal, end: int) -> Core:
    return Core(Kind.RATIO, "ratio", value, words_precision(value), end, worded=True)


#: From this scale up, "and a half" is a fraction of the scale: "3 million and a half"
#: is 3.5 million, but "one hundred and a half" is 100.5.
_SCALED_WHOLE = 1000


def _before_last_and(text: str, pos: int, num: Num) -> Num | None:
    """The number before the last "and" of worded ``num``, when it ends there.

    The word scanner reads "two million and three" of "two million and three fifths";
    the whole is "two million", and "three fifths" its fraction.
    """
    joiners = list(_AND.finditer(text, pos, num.end))
    if not joiners:
        return None
    head = scan_english(text[:joiners[-1].start()], pos)
    return head if head is not None and head.end == joiners[-1].start() else None


def _whole_and_fraction(text: str, num: Num) -> Core | None:
    """one and a half, 3 million and a half, five and a half million, one billion and a half million."""
    and_a = _AND_A.match(text, num.end)
    if and_a:
        part, end = 1 / Decimal(EN_DENOMINATORS[fold(and_a["den"])]), and_a.end()
    else:
        joiner = _AND.match(text, num.end)
        fraction = None
        if joiner:
            at = joiner.end()
            fraction = _fraction(text, at, _opening(text, at), scan_english(text, at))
        if fraction is None or fraction.value is None or not fraction.value < 1:
            return None
        part, end = fraction.value, fraction.end
    scale_word = _OF_A.match(text, end)
    if scale_word:
        scale, end = EN_SCALE_WORDS[fold(scale_word["scale"])], scale_word.end()
        value = num.value + part * scale if num.scale > scale else (num.value + part) * scale
        scale = max(scale, num.scale)
    else:
        value = num.value + part * (num.scale if num.scale >= _SCALED_WHOLE else 1)
        scale = num.scale
    value = tidy(value)  # 3.5 million is 3500000, not 3500000.0
    whole = Num(value, end, words_precision(value), True, scale)
    # its unit, as any number's: "two and a half percent" is 2.5 %, not a bare 2.5 (nor "a half percent", 0.5 %)
    return _suffix(whole, text, end) or Core(Kind.NUMBER, None, value, whole.precision, end, worded=True)


#: A fraction written with digits alone (3/4, 24/7, 9/11): no whole number before it.
_PLAIN_SLASH = compile_lazily(r"[-−]?\s?\d+/\d+")


def _mixed_with_unit(text: str, pos: int, slash: Num) -> Core | None:
    """2 1/2 years, 1½ hours: a whole number and a fraction are one number, and the unit after them is its
    own (read as a ratio, "2 1/2 years" lost its years). A fraction alone is left to the share readings
    ("1/2 hour"), and 24/7 or 9/11 are no mixed numbers."""
    if slash.value < 1 or _PLAIN_SLASH.fullmatch(text, pos, slash.end):
        return None
    return _suffix(slash, text, slash.end)


def _fraction(text: str, pos: int, opening: str | None, num: Num | None, bare: bool = False) -> Core | None:
    """two-thirds, a quarter, three fifths, one and a half, 3/4.

    A denominator without an article is a fraction only when ``bare`` (before a scale
    word: "quarter million"); "revenue in the quarter" names a quarter.
    """
    slash = scan_slash_fraction(text, pos)
    if slash:
        return _mixed_with_unit(text, pos, slash) or _ratio(slash.value, slash.end)
    ratio = _ratio_between(text, num) if num is not None and text[num.end:num.end + 1].isspace() else None
    if ratio is not None:
        return ratio
    if num is not None and (num.worded or num.scale >= _SCALED_WHOLE or _digits_and_a_half(text, num)):
        whole = _before_last_and(text, pos, num) if num.worded else None
        compound = _whole_and_fraction(text, num) or (_whole_and_fraction(text, whole) if whole else None)
        if compound is not None:
            return compound
    if num is not None and num.worded:
        denominator = _DENOMINATOR.match(text, num.end)
        if denominator and num.value == int(num.value):
            return _ratio(num.value / EN_DENOMINATORS[fold(denominator["den"])], denominator.end())
    match = _FRACTION.match(text, pos) if _opens(opening, _FRACTION_WORDS) else None
    if match and (match["article"] or bare):
        return _ratio(1 / Decimal(EN_DENOMINATORS[fold(match["den"])]), match.end())
    return None


def _digits_and_a_half(text: str, num: Num) -> bool:
    """"2 and a half percent": a whole number in digits before "and a half" is one number with it, whose unit
    follows; read apart, "a half percent" was a claim of 0.5 %. Only "a half": "2 and a quarter of the staff"
    may be two figures. Whole is asked of the Decimal itself: ``int()`` of a value of 400,000 digits (a claim's
    value may hold them) is quadratic in them, 7 s."""
    joined = _AND_A.match(text, num.end) if num.value == num.value.to_integral_value() else None
    return joined is not None and fold(joined["den"]) == "half"


def _ratio_between(text: str, num: Num) -> Core | None:
    """one in five, 3 out of 4: a ratio only when the words allow it (``EN_RATIO_JOINERS``).

    A year is never the whole: "Meta hired 300 in 2022" states 300, in a year.
    """
    over = _RATIO_OVER.match(text, num.end)
    whole = scan_english(text, over.end()) if over else None
    if over is None or whole is None or not whole.value or _YEAR.fullmatch(text, over.end(), whole.end):
        return None
    if EN_RATIO_JOINERS[" ".join(fold(over["word"]).split())] and num.value > whole.value:
        return None
    return _ratio(num.value / whole.value, whole.end)


def _scaled_fraction(text: str, fraction: Core | None) -> Num | None:
    """half million, two thirds of a million: a fraction of a scale word, as a number.

    ``fraction`` is the fraction read where the number would start with a bare denominator
    allowed ("quarter million"), else the word form there ("half"): ``_single_after`` has both.
    """
    if fraction is None or fraction.kind is not Kind.RATIO or fraction.value is None:
        return None
    scale = _OF_A.match(text, fraction.end)
    if not scale:
        return None
    value = fraction.value * EN_SCALE_WORDS[fold(scale["scale"])]
    return Num(value, scale.end(), words_precision(value), True)


def _word_forms(text: str, pos: int, opening: str | None) -> Core | None:
    """tripled, doubled, halved, half."""
    if not _opens(opening, _WORD_FORM_WORDS):
        return None
    multiple = _MULTIPLE_WORD.match(text, pos)
    if multiple:
        value = Decimal(EN_MULTIPLE_WORDS[fold(multiple["word"])])
        return Core(Kind.MULTIPLE, "x", value, words_precision(value), multiple.end(), worded=True)
    ratio = _RATIO_WORD.match(text, pos)
    if ratio:
        return _ratio(EN_RATIO_WORDS[fold(ratio["word"])], ratio.end())
    return None


def _may_be_money(text: str, pos: int, opening: str | None) -> bool:
    """A prefixed amount opens with a currency sign, a code, a symbol's letters or "a"/"an"."""
    if opening == "":
        return text[pos:pos + 1] in _SIGN_STARTS
    return _opens(opening, _MONEY_WORDS) or opening.startswith(_MONEY_WORD_PREFIXES)  # type: ignore[union-attr]


#: Currency names written before digits (EURO 70mn), which are also nouns of their own: the
#: tournament of a year ("Euro 2016", "EURO 96") and the currency as a subject ("the euro 1.5% higher").
NAME_PREFIXES = frozenset({"EURO"})
#: The year of a tournament: two or four digits and nothing after them (EURO 70mn is money).
_TOURNAMENT = compile_lazily(r"\d\d(?:\d\d)?")


def _named_amount(text: str, start: int, num: Num) -> bool:
    """Whether ``num``, read at ``start`` after a currency's name, is an amount of it: not a
    tournament's year, nor a rate of the currency ("the euro 1.5 percent higher": 1.5 %, no EUR 1.5)."""
    if _TOURNAMENT.fullmatch(text, start, num.end):
        return False
    rate = _suffix(num, text, num.end)
    return rate is None or not is_rate(rate.kind)


def _prefixed_money(text: str, pos: int, opening: str | None) -> Core | None:
    """$4.4 billion, US$ 3.14, KRW 13 trillion, €20."""
    if not _may_be_money(text, pos, opening):
        return None
    match = _PREFIX_CURRENCY.match(text, pos)
    if not match:
        return None
    num = scan_english(text, match.end())
    if num is None:
        return None
    if match["scaled_code"]:
        return _scaled_code_money(num, match, num.end)
    million = _MONEY_MILLION.match(text, num.end) if num.scale == 1 else None
    if million:  # EUR 5.1 m, $5mm: after a currency a million (10 m and 5mm alone are lengths)
        num = Num(tidy(num.value * 10**6), million.end(), tidy(num.precision * 10**6), num.worded, 10**6)
    symbol = match["symbol"]
    if symbol and _symbol_key(symbol) in NAME_PREFIXES and not _named_amount(text, match.end(), num):
        return None
    if match["word"]:
        return from_num(num, Kind.MONEY, EN_CURRENCY_WORDS[fold(match["word"])], num.end)
    unit = _currency_code(match["code"]) if match["code"] else _PREFIX_KEYS[_symbol_key(symbol)]
    return _with_subunit(from_num(num, Kind.MONEY, unit, num.end), text)


#: A letter of LETTER_CURRENCIES glued to an amount: digits grouped in thousands, or a scale word after them.
#: A regex entry of the scanner's candidates too, so it opens with "(?" (``scanner.by_first_character``).
LETTER_AMOUNT = (r"(?=[%s]\d)[%s](?=\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?[ ]?(?:million|billion|trillion|bn|mn)\b)"
                 % (("".join(LETTER_CURRENCIES),) * 2))
_LETTER_AMOUNT = compile_lazily(LETTER_AMOUNT)
#: The openings (``_opening``) a letter amount stands at: the letter alone, or a word ſ or K may hide.
_LETTER_OPENINGS = frozenset({letter.lower() for letter in LETTER_CURRENCIES} | {None})


def _letter_money(text: str, pos: int) -> Core | None:
    """R60,000, R1.3 trillion, N25,750: the rand and the naira written with one letter, read only where
    the digits are an amount (LETTER_CURRENCIES); "R2" and "N95" stay names."""
    if not _LETTER_AMOUNT.match(text, pos):
        return None
    if pos and (text[pos - 1].isalnum() or text[pos - 1] in "$_"):
        return None   # "AR60,000": the letter ends a word
    num = scan_english(text, pos + 1)
    if num is None:
        return None
    return from_num(num, Kind.MONEY, LETTER_CURRENCIES[text[pos]], num.end)


def _money(text: str, pos: int, opening: str | None) -> Core | None:
    """An amount with its currency before the digits: a sign, a code or a name, or one letter (R60,000)."""
    money = _prefixed_money(text, pos, opening)
    if money is None and opening in _LETTER_OPENINGS:
        money = _letter_money(text, pos)
    return _minus_money(text, pos) if money is None and text[pos:pos + 1] == "-" else money


def _minus_money(text: str, pos: int) -> Core | None:
    """-$67 billion, −€5: a minus before the currency sign makes the amount after it negative.

    How a desk writes the side of a balance in a value ("-$67 billion" for a deficit); after a
    letter or digit the dash joins words or a range ("3-$5"), and no amount opens there.
    """
    if pos and text[pos - 1].isalnum():
        return None
    money = _prefixed_money(text, pos + 1, _opening(text, pos + 1))
    if money is None or money.value is None or money.value < 0 or money.low is not None:
        return None
    return money._replace(value=-money.value)


def _single(text: str, pos: int, shares: bool = True) -> Core | None:
    """One number with its unit, a fraction (of a unit, when ``shares``), or a multiple written as a word."""
    opening = _opening(text, pos)
    return _single_after(text, pos, opening, _money(text, pos, opening), shares)


def _single_after(text: str, pos: int, opening: str | None, money: Core | None, shares: bool = True) -> Core | None:
    """``_single`` when the prefixed amount at ``pos`` is already read (``money``)."""
    num = scan_english(text, pos) if opening == "" or _opens(opening, _NUMBER_WORDS) else None  # digits, or words
    word_form = _word_forms(text, pos, opening)   # read once: for a scaled fraction and for itself
    bare = None
    if num is None:
        bare = _fraction(text, pos, opening, None, bare=True)
        num = _scaled_fraction(text, bare or word_form)
    article = None if num or not _opens(opening, _ARTICLES) else _ARTICLE.match(text, pos)
    if article:  # "a dollar", "a year": the article stands for one
        num = Num(Decimal(1), article.end(), Decimal("0.1"), True)
    core = _suffix(num, text, num.end) if num else None
    if article and core is not None and core.kind is Kind.COUNT:
        core = None  # "a staff of 9,400", "$1.20 a share": no count of one
    if article and core is not None and core.kind is Kind.DURATION and _per_article(text, pos):
        core = None  # "$2 a day", "5 percent a year", "twice a year": the rate's denominator, no duration
    if core is None and num is not None and not article:
        core = from_num(num, Kind.NUMBER, None, num.end)
    # Without a number, the fraction is the bare one's unless that was a bare denominator alone
    # ("quarter"); where no bare one stands, none stands (``_fraction`` allows more when bare).
    fraction = _fraction(text, pos, opening, num) if num is not None or bare is not None else None
    if shares:
        fraction, word_form = _share_of_one(text, fraction), _share_of_one(text, word_form)
    return longest(money, core, fraction, word_form)


#: What ends an amount or a frequency right before "a day", "a year": digits, a percent sign,
#: or a word of a unit, scale or multiple ("100 a year", "2 percent a year", "eight hours a day", "twice a week").
_RATE_WORDS = frozenset(fold(word) for word in (*EN_SCALE_WORDS, *EN_PERCENT_WORDS, *EN_CURRENCY_WORDS, *EN_DURATIONS,
                                                *EN_MULTIPLE_WORDS, *EN_COUNTERS, *ISO_CURRENCY_CODES,
                                                *EN_PHYSICAL_UNITS, "once", "times"))
_TOKEN_BEFORE = compile_lazily(r"(?:(\S+)\s+)?(\S+)\s+\Z")
#: An amount, its counted noun and what it is "of" before the article: "400,000 barrels of oil a day".
_AMOUNT_OF_BEFORE = compile_lazily(r"(\S+)\s+[A-Za-z]+\s+of\s+[A-Za-z]+\s+\Z")


def _per_article(text: str, pos: int) -> bool:
    """Whether the article at ``pos`` follows an amount or a frequency, so "a year" there means per year:
    also when the amount's unit or counted noun stands between ("260,000 barrels a day", "1-2 mln eur a year"),
    and what it counts is "of" ("400,000 barrels of oil a day")."""
    before = _TOKEN_BEFORE.search(text, max(0, pos - 40), pos)
    if before is None:
        return False
    amount, token = before.groups()
    if amount is not None and amount[-1].isdecimal() and token.isalpha():
        return True
    word = token.removesuffix("-plus")   # "$1 million-plus a year": the hedge glued to the amount's word
    if token[-1].isdecimal() or token.endswith("%") or fold(word) in _RATE_WORDS:
        return True
    counted = _AMOUNT_OF_BEFORE.search(text, max(0, pos - 60), pos) if token.isalpha() else None
    return counted is not None and counted[1].rstrip("”’'\"")[-1:].isdecimal()


#: After a fraction, what opens its whole: "of" before a, an, one or 1 ("half of 1 percent",
#: "a tenth of a percent"), or an article alone ("half a percent", "half an hour", "half-a-dozen").
_OF_ONE = compile_lazily(r"\s+(?:of\s+(?=(?:an?|one|1)\b)|(?=an?\s))|-(?=an?-)", re.IGNORECASE)
#: An article opening a whole, also the hyphenated one of "half-a-dozen".
_WHOLE_ARTICLE = compile_lazily(r"(?:a|an|one)(?=[\s-])", re.IGNORECASE)
#: Units of a whole of one that a fraction is a share of: 1 percent, a dollar, an hour.
_SHARE_KINDS = (Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.MONEY, Kind.DURATION)
#: Units a fraction may stand right before, with no "of": "a half percent", "three-quarters percentage point".
_SHARE_SUFFIX_KINDS = (Kind.PERCENT, Kind.PERCENTAGE_POINT)


def _share_of_one(text: str, fraction: Core | None) -> Core | None:
    """half of 1 percent, a tenth of a percent, a half percent, half an hour, half a dozen, half-a-dozen:
    the fraction's share of the whole (0.5 %, 0.5 hours, 6). Read as a ratio and a separate
    whole, the text would yield a claim of "1 percent" that it never makes.

    ``fraction`` as it is when no such whole follows: "half of 40 percent" may be half of
    the 40 percent who…, two quantities as written.
    """
    if fraction is None or fraction.kind is not Kind.RATIO or fraction.value is None:
        return fraction
    joint = _OF_ONE.match(text, fraction.end)
    whole = _single(text, joint.end(), shares=False) if joint else None   # a whole is no share itself: bounded
    if joint and whole is not None and whole.value and _is_share_whole(text, joint.end(), whole):
        value = tidy(fraction.value * whole.value)
        return Core(whole.kind, whole.unit, value, words_precision(value), whole.end, worded=True)
    suffixed = _suffix(Num(fraction.value, fraction.end, fraction.precision, True), text, fraction.end)
    if suffixed is not None and (suffixed.kind in _SHARE_SUFFIX_KINDS or _is_measure(suffixed)):
        return suffixed._replace(precision=words_precision(fraction.value))
    return fraction


_MEASURES = frozenset(EN_PHYSICAL_UNITS.values())


def _is_measure(core: Core) -> bool:
    """A physical measure ("one-half metric ton", "a quarter mile"), which a fraction divides as it does a
    percent; a counted noun is not ("a third students" says nothing of a third of one)."""
    return core.kind is Kind.COUNT and core.unit in _MEASURES


def _is_share_whole(text: str, pos: int, whole: Core) -> bool:
    """One unit (1 percent, a dollar, an hour), or a number or count after an article (a dozen eggs).

    A number after "of" alone is not: "half of 40 percent" is no 20 percent as written.
    """
    if whole.value == 1 and whole.kind in _SHARE_KINDS:
        return True
    return whole.kind in (Kind.NUMBER, Kind.COUNT) and _WHOLE_ARTICLE.match(text, pos) is not None


def _decade(text: str, pos: int, opening: str | None, here: Core | None) -> Core | None:
    """the 90s, in the $90s, 1990s; ``here`` is the prefixed amount, else the single, at ``pos``."""
    lead = _DECADE_LEAD.match(text, pos) if _opens(opening, _DECADE_WORDS) else None
    core = here
    if lead:
        after = _opening(text, lead.end())
        core = _prefixed_money(text, lead.end(), after) or _single_after(text, lead.end(), after, None)
    if core is None or core.value is None or core.worded or core.kind not in (Kind.MONEY, Kind.NUMBER):
        return None
    tail = _DECADE.match(text, core.end) if text.startswith(("'", "s"), core.end) else None
    return decade(core, tail.end()) if tail else None


#: What a range joiner (_RANGE_JOINER) opens with besides a space: most numbers are followed by neither.
_RANGE_JOINER_STARTS = ("-", "–", "—", "~")


def _range(first: Core, text: str, pos: int) -> Core | None:
    if not (text[first.end:first.end + 1].isspace() or text.startswith(_RANGE_JOINER_STARTS, first.end)):
        return None
    joiner = _RANGE_JOINER.match(text, first.end)
    second = _single(text, joiner.end()) if joiner else None
    if second is None or (joiner["either"] and not _estimates(text, pos, first, joiner.end(), second)):
        return None
    if bare_years(text, first, joiner.end(), second):
        return None
    return join_range(first, second, second.end)


def _estimates(text: str, pos: int, first: Core, second_start: int, second: Core) -> bool:
    """Whether "A or B" at ``pos`` is a range of estimates ("five or six years", "60 or 70 percent").

    Not alternatives ("either $14 billion or $20 billion": two figures, each a claim), not two
    bare years ("2005 or 2006"), and not a fragment of a split number: in the tokenised "rise
    to GBX12 .0 or 2.0 %", ".0 or 2.0 %" restates the rise, it spans nothing.
    """
    if text.startswith(".", pos) or _EITHER.search(text, max(0, pos - _EITHER_REACH), pos):
        return False
    return not bare_years(text, first, second_start, second)


def bare_years(text: str, first: Core, second_start: int, second: Core) -> bool:
    """Whether two ends are two bare years: "2005 or 2006", "between 2006 and 2011", "1947-2014".

    A span of years names a period, which the period reader takes from the years; read as a
    range of numbers it would be a quantity of 2006 to 2011 of nothing.
    """
    bare = all(core.kind is Kind.NUMBER and core.unit is None and core.qualifier is Qualifier.EXACT
               for core in (first, second))
    if not bare or _YEAR.fullmatch(text, second_start, second.end) is None:
        return False
    return (_YEAR_DIGITS.search(text, max(0, first.end - 5), first.end) is not None
            or _EARLIER_YEAR.search(text, max(0, first.end - 13), first.end) is not None
            and first.value < second.value)   # "between 1790 and 2010": a year of the past to a modern one


#: A year before 1900 (1000-1899) after "between" or "from", opening a span up to a modern year: "between
#: 1790 and 2010", "from 1870 to 2020"; "1500-2000" alone may be a range of prices, and stays one.
_EARLIER_YEAR = compile_lazily(r"(?<!\w)(?:[Bb]etween|[Ff]rom)[ ]1[0-8]\d{2}$")


def _between(text: str, pos: int, opening: str | None) -> Core | None:
    """between 10 and 20 dollars, from $10 to $20."""
    match = _BETWEEN.match(text, pos) if _opens(opening, _RANGE_WORDS) else None
    first = _single(text, match.end()) if match else None
    if match is None or first is None:
        return None
    joiner = _BETWEEN_JOINER[fold(match["word"])].match(text, first.end)
    second = _single(text, joiner.end()) if joiner else None
    if second is None or bare_years(text, first, joiner.end(), second):  # type: ignore[union-attr]
        return None
    return join_range(first, second, second.end)


def plausible_in_running_text(text: str, pos: int, core: Core) -> bool:
    """Whether a core read at ``pos`` of running text is a quantity: not inside a word, not
    the amount of a currency sign whose letters the grammar cannot place ($Z5: no plain 5),
    not the zero of "net zero", and not the "one" of "one-off", "one-time"."""
    if _may_follow_unplaced_currency(text, pos) and _UNPLACED_CURRENCY.search(text, max(0, pos - _UNPLACED_REACH), pos):
        return False
    if core.value == 0 and _NET_ZERO.search(text, max(0, pos - 4), pos):
        return False  # "net zero emissions" names a target, it counts nothing
    if core.worded and core.kind is Kind.NUMBER and core.value == 1 and _HYPHEN_WORD.match(text, core.end):
        return False  # "one-off items", "one-time costs": an idiom; "a seven-story office" keeps its 7
    return pos == 0 or not (text[pos - 1].isalnum() and text[pos].isalpha())


#: A currency sign and letters right before a number (or before the digits it is inside): a prefix
#: the tables do not hold, whose amount is money in an unknown currency, no plain number.
_UNPLACED_CURRENCY = compile_lazily(r"[%s][A-Za-z][A-Za-z.]{0,3}[\d.,]*\Z" % re.escape("".join(sorted(_SIGN_STARTS))))
_UNPLACED_REACH = 24
#: What ends an ``_UNPLACED_CURRENCY`` match besides a digit: its letters, a dot or a comma.
_UNPLACED_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,")


def _may_follow_unplaced_currency(text: str, pos: int) -> bool:
    """Whether ``_UNPLACED_CURRENCY`` may end at ``pos``: by the character before it (most numbers
    follow a space or a bracket, and the regex, tried at each character of its window, is spared)."""
    before = text[pos - 1:pos] if pos > 0 else ""
    return before.isdecimal() or before in _UNPLACED_LAST
_NET_ZERO = compile_lazily(r"\bnet[\s-]\Z", re.IGNORECASE)
_HYPHEN_WORD = compile_lazily(r"-[A-Za-z]")


#: "a tick": the smallest move of a figure, 0.1 of its unit ("ticked down a tick to 3.5%", "down a tick
#: from 3.6%"): the figure it moved to or from gives it its unit.
TICK = Decimal("0.1")
_TICK = compile_lazily(r"a\s+tick\b(?=\s+(?:to|from)\s)", re.IGNORECASE)
_TO = compile_lazily(r"\s+to\s+", re.IGNORECASE)
_TO_OR_FROM = compile_lazily(r"\s+(?:to|from)\s+", re.IGNORECASE)
#: Figures that are rates: their ticks and points are percentage points, not percents.
_RATE_KINDS = (Kind.PERCENT, Kind.PERCENTAGE_POINT)
_TICKED_KINDS = (Kind.MONEY, Kind.COUNT)  # not a plain number: "a tick to 2020" is no amount


def is_rate(kind: Kind) -> bool:
    """Whether a figure of ``kind`` is a rate, whose "points" are percentage points (fell 2 points to 3.5%)."""
    return kind in _RATE_KINDS


def tick_of(kind: Kind, unit: str | None) -> tuple[Kind, str | None] | None:
    """The kind and unit of a tick of a figure of ``kind`` and ``unit``; None for a figure a tick
    has no agreed size in (a date, a multiple): the tick is then not read, never guessed."""
    if is_rate(kind):
        return Kind.PERCENTAGE_POINT, "pp"
    return (kind, unit) if kind in _TICKED_KINDS else None


_POINTS_TO = compile_lazily(r"\s+points?(?=\s+to\s)", re.IGNORECASE)


def _points_of_rate(text: str, single: Core | None) -> Core | None:
    """"2 points to 3.5%": points of a rate, as the figure after "to" shows, are percentage points.
    Points of anything else (an index: 200 points to 33,000) are not read here (a noun before
    "to" may be a verb, see ``_NOUN``)."""
    if single is None or single.kind is not Kind.NUMBER or single.unit is not None:
        return None
    points = _POINTS_TO.match(text, single.end)
    level = _single(text, _TO.match(text, points.end()).end()) if points else None  # type: ignore[union-attr]
    if level is None or not is_rate(level.kind):
        return None
    return single._replace(kind=Kind.PERCENTAGE_POINT, unit="pp", end=points.end())  # type: ignore[union-attr]


def _tick(text: str, pos: int, opening: str | None) -> Core | None:
    """"a tick" before "to" or "from" and the figure it moved to or from, which gives the tick its unit.
    Without that figure its unit is unknown ("down a tick" alone) and it is not read."""
    match = _TICK.match(text, pos) if _opens(opening, _ARTICLES) else None
    level = _single(text, _TO_OR_FROM.match(text, match.end()).end()) if match else None  # type: ignore[union-attr]
    unit = tick_of(level.kind, level.unit) if level else None
    if match is None or unit is None:
        return None
    return Core(unit[0], unit[1], TICK, TICK / 2, match.end(), worded=True)


#: The letters a trailing hedge (EN_SUFFIX_HEDGES) opens with after its space.
_SUFFIX_HEDGE_STARTS = frozenset(word[0] for hedge in EN_SUFFIX_HEDGES for word in (hedge.lower(), hedge.upper()))


def _noun_after_hedge(text: str, single: Core | None) -> Core | None:
    """"half-a-dozen or more schools", "20 or so people", "five or more years": the unit after a trailing hedge, which
    the hedge then qualifies. Read as the bare number and its hedge, the count would lose its noun."""
    if single is None or single.kind is not Kind.NUMBER or single.unit is not None or single.value in (None, 1):
        return None   # "one or more share issues": an idiom, and the noun after it a modifier
    if text[single.end + 1:single.end + 2] not in _SUFFIX_HEDGE_STARTS:
        return None   # most numbers: no " or …", " plus" after them
    hedge = SUFFIX_HEDGES.match(text, single.end)
    if hedge is None or not _ascii_letter_follows(text, hedge.end):
        return None
    num = Num(single.value, single.end, single.precision, single.worded, single.scale)
    counted = _suffix(num, text, hedge.end)
    return counted._replace(qualifier=hedge.qualifier) if counted is not None else None


#: "and"/"or" between two numbers.
_COORDINATED = compile_lazily(r"\s+(?:and|or)\s+", re.IGNORECASE)
#: The kinds whose unit a bare number before "and"/"or" takes: written after the second number, it is both numbers'.
_SHARED_KINDS = (Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.COUNT, Kind.MONEY, Kind.DURATION)


#: A capitalised word right before a number: the number may be a name's ("Vodafone 125", "Windows 10").
_NAME_BEFORE = compile_lazily(r"\b[A-Z][\w-]*[ ]\Z")


def _coordinated_second(text: str, end: int) -> tuple[int, Core] | None:
    """Where the number after "and"/"or" following a number that ends at ``end`` starts, and that
    number read alone ("20 percent" of "10 and 20 percent", "$6 billion" of "$5 and $6 billion")."""
    joiner = _COORDINATED.match(text, end) if text.startswith((" and ", " or "), end) else None
    second = _single(text, joiner.end()) if joiner else None
    return (joiner.end(), second) if joiner and second else None   # type: ignore[union-attr]


def scale_of_next(text: str, end: int) -> bool:
    """Whether the number after "and"/"or" following the one ending at ``end`` writes a scale word
    ("$5 and $6 billion", "10 and 20 million people"): a number written without one may share it, or not.

    >>> scale_of_next("cost $5 and $6 billion", 7), scale_of_next("rose 10 and 20 percent", 7)
    (True, False)
    """
    second = _coordinated_second(text, end)
    return second is not None and second[1].scale != 1


def _shared_unit(text: str, pos: int, first: Core | None) -> Core | None:
    """"rose 10 and 20 percent", "5 or 6 stores": the bare first number takes the unit written after
    the second, as a reader takes it. Only when the second writes no scale word the first lacks ("10 and
    20 million people" is refused, see ``negatives.shared_scale``), its unit stands after its number (not
    "10 and $20"), and the first is no year ("2021 and 500 stores"), no name's number ("the Vodafone 125 and
    225 models") and no fragment of a split number (".0 or 2.0 %")."""
    if first is None or first.kind is not Kind.NUMBER or first.unit is not None or first.value is None:
        return first
    second = _coordinated_second(text, first.end)
    if second is None or _YEAR_DIGITS.search(text, max(0, first.end - 5), first.end) or text.startswith(".", pos):
        return first
    if _NAME_BEFORE.search(text, max(0, pos - 24), pos):
        return first
    at, core = second
    if core.worded != first.worded:
        return first   # "life expectancy is 78 and three workers support one retiree": two clauses, not one unit
    if core.kind not in _SHARED_KINDS or core.scale != first.scale or _prefixed_money(text, at, _opening(text, at)):
        return first
    return first._replace(kind=core.kind, unit=core.unit)


def match_core(text: str, pos: int) -> Core | None:
    """The longest English quantity core starting exactly at ``pos``."""
    opening = _opening(text, pos)
    if opening in _LONE_ARTICLES and not _article_may_open(text, pos + len(opening)):
        return None   # "a new", "an increase"
    return _core(text, pos, opening)


def _core(text: str, pos: int, opening: str | None) -> Core | None:
    """``match_core`` where the word at ``pos`` is ``opening`` (see ``_opening``), every reading tried."""
    date = _date(text, pos, opening)
    money = _money(text, pos, opening)
    single = _single_after(text, pos, opening, money)
    if single is not None and single.kind is Kind.NUMBER and text.startswith((" and ", " or "), single.end):
        single = _shared_unit(text, pos, single)   # inline test: most numbers have no "and"/"or" after them
    worded = opening != ""   # "between …" and "a tick" open with a word: at a digit or sign they are not tried
    return longest(
        date, single, _range(single, text, pos) if single else None,
        _between(text, pos, opening) if worded else None, _decade(text, pos, opening, money or single),
        _tick(text, pos, opening) if worded else None, _points_of_rate(text, single), _noun_after_hedge(text, single),
    )

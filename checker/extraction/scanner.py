"""Finding every quantity in running text with the quantity grammar.

The grammar (``checker.quantities.match_quantity``) reads the longest expression at a
position; this module only decides *where to ask*. One compiled regex per language
finds the places an expression can start — a digit, a currency sign or code, a hedge
word (약, 거의, nearly) or a number word at the start of a word — so a long article
costs one grammar call per candidate, not per character. Candidates are visited left
to right and a match consumes its span, so "약 2만5,000~3만 달러" is one quantity,
never three.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.quantities import grammar, match_quantity
from checker.quantities.model import Quantity
from checker.quantities.numerals import normalize
from checker.quantities.tables import (
    CURRENCY_CODE_SCALES, CURRENCY_PREFIXES, EN_DENOMINATORS, EN_MINUS, EN_MONTHS, EN_MULTIPLE_WORDS,
    EN_PREFIX_HEDGES, EN_RATIO_WORDS, EN_TENS, EN_UNITS, ISO_CURRENCY_CODES, KO_HALF_WORDS, KO_NATIVE_TENS, KO_NATIVE_UNITS,
    KO_BIG_SCALES, KO_CURRENCY_WORDS, KO_MINUS, KO_PERCENT_WORDS, KO_POINT, KO_PREFIX_HEDGES, KO_SINO_DIGITS, KO_SMALL_SCALES,
    VULGAR_FRACTIONS,
)

#: Words that open an English expression besides those in the tables ("a dozen", "a third").
_EN_EXTRA_STARTS = ("a", "an", "one", "dozen", "dozens", "hundreds", "thousands", "millions", "billions", "in the",
                    "between")
#: A whole word at a candidate: the candidate regex matches "a" in "after" too.
_WORD = re.compile(r"[^\W\d_]+")


def _alternation(words: object) -> str:
    return "|".join(w if w.startswith("(?") else re.escape(w)  # type: ignore[union-attr]
                    for w in sorted(set(words), key=len, reverse=True))  # type: ignore[arg-type]


def _by_first_character(words: object) -> str:
    """``_alternation`` with its words grouped by first character, each group behind a look-ahead.

    The regex engine then tries the words of one group at a word start, not all of
    them, which makes the scan several times faster. The order within a group is
    ``_alternation``'s, longest first, and a pattern entry (the Korean numeral) is
    tried before every word, as there (it is the longest entry), so every match is the same.
    """
    entries = sorted(set(words), key=len, reverse=True)  # type: ignore[arg-type]
    groups: dict[str, list[str]] = {}
    for word in entries:
        if not word.startswith("(?"):
            groups.setdefault(word[0].lower(), []).append(word)
    return "|".join([*(w for w in entries if w.startswith("(?")),
                     *(f"(?={re.escape(first)})(?:{_alternation(group)})" for first, group in groups.items())])


@lru_cache(maxsize=None)
def candidates(language: str) -> re.Pattern[str]:
    """The regex of positions where a ``language`` expression may start.

    Digits (any script: full-width ones too) and currency signs anywhere; words only
    at the start of a word, so 세계 is no candidate for 세 and "someone" none for "some".
    """
    signs = _alternation(k for k in CURRENCY_PREFIXES if not k[0].isalpha())
    codes = [*ISO_CURRENCY_CODES, *(k for k in CURRENCY_PREFIXES if k[0].isalpha()),   # EUR 20, US$3
             *(scale + code for scale in CURRENCY_CODE_SCALES for code in ISO_CURRENCY_CODES)]  # MAUD 60
    # Tokenised text: c $ 16.4 million, hk $ 10, u.s $ 100; not the possessive "music ' s $ 500".
    dollars = "|".join(re.escape(k[:-1]).replace(r"\.", r"\.?") for k in sorted(
        CURRENCY_PREFIXES, key=len, reverse=True) if k[0].isalpha() and k.endswith("$"))
    codes.append(rf"(?<![.'’] )(?<![.'’])(?:{dollars})[ ]\$")
    if language == "ko":
        words = [*KO_PREFIX_HEDGES, *KO_HALF_WORDS, *KO_NATIVE_UNITS, *KO_NATIVE_TENS, *KO_MINUS, *codes]
        # A lone Sino-Korean syllable (이, 일, 사) is no number in running text (the grammar
        # refuses it), so only one followed by more of a numeral, a fraction, a point, a
        # percent, a currency or digits is a candidate: 삼십, 이백, 오분의, 삼 퍼센트, 구파운드, 천 4백만.
        numeral = _alternation([*KO_SINO_DIGITS, *KO_SMALL_SCALES, *KO_BIG_SCALES])
        follows = _alternation([*KO_SINO_DIGITS, *KO_SMALL_SCALES, *KO_BIG_SCALES, *KO_POINT, "분의",
                                *KO_PERCENT_WORDS, *KO_CURRENCY_WORDS])
        words.append(f"(?:{numeral})(?=[ ]?(?:{follows}|\\d))")
    else:
        words = [*EN_PREFIX_HEDGES, *EN_UNITS, *EN_TENS, *EN_DENOMINATORS, *EN_MULTIPLE_WORDS,
                 *EN_RATIO_WORDS, *EN_MINUS, *EN_MONTHS, *_EN_EXTRA_STARTS, *codes]   # September 2010 is a month
    minus = r"(?<![\w.,])[-−](?=[ ]?[\d.])|(?<![\w.,])\.(?=\d)"               # -504, - 1,200, .77
    fractions = "".join(VULGAR_FRACTIONS)                                        # ⅔, ½
    return re.compile(rf"\d|[{fractions}]|{signs}|{minus}|(?<!\w)(?:{_by_first_character(words)})",
                      re.IGNORECASE)


def scan(text: str, language: str, blocked: list[tuple[int, int]] = ()) -> list[Quantity]:  # type: ignore[assignment]
    """Every quantity expression in ``text``, left to right, spans as code points of ``text``.

    No expression starts inside a ``blocked`` span (sorted by start): phone numbers,
    model names and the like, found before (see ``negatives.regions``).

    >>> [q.text for q in scan("메타는 2022년 3분기 44억 달러의 순이익을 기록했다.", "ko")]
    ['2022년 3분기', '44억 달러']
    >>> [q.text for q in scan("It fell to $1.4B from $2.2B, a decline of 37%.", "en")]
    ['$1.4B', '$2.2B', '37%']
    """
    found: list[Quantity] = []
    consumed, block = 0, 0
    first_words = grammar(language).FIRST_WORDS
    normalized = normalize(text)
    for candidate in candidates(language).finditer(text):
        position = candidate.start()
        while block < len(blocked) and blocked[block][1] <= position:
            block += 1
        if position < consumed or (block < len(blocked) and blocked[block][0] <= position):
            continue
        word = _WORD.match(text, position)
        if word and word.group().isascii() and word.group().lower() not in first_words:
            continue  # "and", "after": no expression starts there, the grammar would refuse
        quantity = match_quantity(text, position, language, normalized)
        if quantity is None or quantity.end <= quantity.start:
            continue
        found.append(quantity)
        consumed = quantity.end
    return found

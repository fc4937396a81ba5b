"""Whether a text may hold a quantity at all: a cheap test before the candidate finder.

Nearly half of the sentences of a news archive hold no digit, and most of those no
number of any kind; for them the candidate finder, the grammar calls at its word
candidates ("a", "about", 세계) and the digit clues of ``negatives`` are work that finds
nothing. Every quantity states a number, and a number is written with a digit, a
fraction sign, or a number word, so a text with none of these holds no quantity.

The test is a few regexes per language, built once from the grammar's own tables (a word
added there is seen here). It must never say "no" where the grammar finds something —
that would drop a quantity silently — so it errs the other way: a currency sign, any
number word at the start of a word, "a"/"an" before any word a number can take as its
unit ("a week", "a dollar", "a third"), a Korean numeral where the candidate finder
would try one. ``tests/test_extract_gate.py`` holds it to the scanner on real sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.extraction.scanner import by_first_character
from checker.lazy_regex import compile_lazily
from checker.quantities.tables import (
    CURRENCY_PREFIXES, EN_COUNTERS, EN_CURRENCY_WORDS, EN_DENOMINATORS, EN_DURATIONS, EN_GROUP_WORDS,
    EN_MINUS, EN_MULTIPLE_WORDS, EN_PERCENT_POINT_WORDS, EN_PERCENT_WORDS, EN_PHYSICAL_UNITS, EN_RATIO_WORDS,
    EN_SCALE_WORDS, EN_TENS, EN_UNITS, ISO_CURRENCY_CODES, KO_BIG_SCALES, KO_CURRENCY_WORDS, KO_HALF_WORDS,
    KO_MINUS, KO_NATIVE_TENS, KO_NATIVE_UNITS, KO_PERCENT_WORDS, KO_POINT, KO_SINO_DIGITS, KO_SMALL_SCALES,
    VULGAR_FRACTIONS,
)

#: Plural scale words that open an expression of their own ("hundreds of jobs").
_EN_PLURAL_SCALES = ("hundreds", "thousands", "millions", "billions", "trillions")


def _at_word_start(words: object, after: str = "") -> str:
    """Any of ``words`` (then ``after``) where a word starts: after a character that is no word character.

    Each branch opens on its first character and looks behind that character, so the
    regex engine finds the places by a fast scan for those characters, instead of trying
    the words after every space (most of the cost of this test on Korean text).
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):  # type: ignore[arg-type]
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?<=\\W{re.escape(first)})(?:{'|'.join(rests)}){after}"
                    for first, rests in groups.items())


def _first_words(phrases: object) -> set[str]:
    """The lower-cased first run of letters of every phrase ("per" of "per cent"), none empty."""
    runs = (re.match(r"[A-Za-z]*", phrase).group().lower() for phrase in phrases)  # type: ignore[union-attr, attr-defined]
    return {run for run in runs if run}


#: Letters the grammar's case-insensitive regexes take for i, s and k, which ``str.lower`` keeps.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u212a": "k"})
_FOLDED = re.compile("[ıſ\u212a]")


@lru_cache(maxsize=None)
def _signs() -> re.Pattern[str]:
    """Digits, fraction signs and currency signs: a text with one of them needs no other test."""
    signs = {key[0] for key in CURRENCY_PREFIXES if not key[0].isalpha()} | set(VULGAR_FRACTIONS)
    return re.compile(r"[\d%s]" % re.escape("".join(sorted(signs))))


@lru_cache(maxsize=None)
def _word_tests(language: str) -> tuple[re.Pattern[str], ...]:
    """The number-word patterns of ``language``, built at the first text without a digit (most claim
    quotes have one) and each compiled at its first use. They run on lower-cased text with a space
    before it, so that a word opening the text is at a word start too."""
    numbers = {*EN_UNITS, *EN_TENS, *EN_SCALE_WORDS, *EN_GROUP_WORDS, *EN_DENOMINATORS, *EN_RATIO_WORDS,
               *EN_MINUS, *_EN_PLURAL_SCALES, *(run for word in EN_MULTIPLE_WORDS for run in re.findall(r"[A-Za-z]+", word))}
    units = _first_words([*EN_PERCENT_POINT_WORDS, *EN_PERCENT_WORDS, *ISO_CURRENCY_CODES, *EN_CURRENCY_WORDS,
                          *EN_DURATIONS, *EN_COUNTERS, *EN_PHYSICAL_UNITS, *EN_SCALE_WORDS, *EN_GROUP_WORDS,
                          *EN_DENOMINATORS, "x", "fold", "times"])
    english = (compile_lazily(_at_word_start((n.lower() for n in numbers), "(?![a-z])")),
               compile_lazily(_at_word_start(["a"], rf"n?[\s-]+(?:{by_first_character(units)})(?![a-z])")))
    if language != "ko":
        return english
    numerals = [*KO_SINO_DIGITS, *KO_SMALL_SCALES, *KO_BIG_SCALES]
    follows = by_first_character([*numerals, *KO_POINT, "분의", *(w.lower() for w in KO_PERCENT_WORDS),
                                  *(w.lower() for w in KO_CURRENCY_WORDS)])
    return (*english, compile_lazily(rf"[{''.join(numerals)}][ ]?(?:{follows})"),
            compile_lazily(_at_word_start([*KO_HALF_WORDS, *KO_NATIVE_UNITS, *KO_NATIVE_TENS, *KO_MINUS])))


def may_hold_quantity(text: str, language: str) -> bool:
    """False only when ``text`` holds no digit, fraction, currency sign or number word of ``language``.

    English number words count in Korean text too, which quotes English.

    >>> may_hold_quantity("Shares fell sharply on the news.", "en")
    False
    >>> [may_hold_quantity(t, "en") for t in ("It took a week.", "two banks", "up 5%")]
    [True, True, True]
    >>> [may_hold_quantity(t, "ko") for t in ("주가가 크게 올랐다.", "두 배", "삼십 퍼센트")]
    [False, True, True]
    """
    if _signs().search(text) is not None:
        return True
    lowered = " " + (text.translate(_FOLD) if not text.isascii() and _FOLDED.search(text) else text).lower()
    for pattern in _word_tests(language):   # a loop, not ``any`` over a generator: most texts run every test
        if pattern.search(lowered) is not None:
            return True
    return False

"""Finding every quantity in running text with the quantity grammar.

The grammar (``checker.quantities.match_quantity``) reads the longest expression at a
position; this module only decides *where to ask*. One regex per language defines
the places an expression can start (``candidates``) — a digit, a currency sign or
code, a hedge word (약, 거의, nearly) or a number word at the start of a word — so a
long article costs one grammar call per candidate, not per character. The places are
found by two regexes the engine scans fast (``candidate_positions``), and each is
held to the definition. Candidates are visited left
to right and a match consumes its span, so "약 2만5,000~3만 달러" is one quantity,
never three.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import NamedTuple

from checker.extraction.prefix_regex import prefix_trie, variants
from checker.lazy_regex import compile_lazily
from checker.quantities import grammar, match_quantity
from checker.quantities.english import LETTER_AMOUNT
from checker.quantities.model import Quantity
from checker.quantities.numerals import normalize
from checker.quantities.tables import (
    CURRENCY_CODE_SCALES, CURRENCY_PREFIXES, EN_CURRENCY_WORDS_BEFORE_SCALED, EN_DENOMINATORS, EN_MINUS, EN_MONTHS, EN_MULTIPLE_WORDS,
    EN_PREFIX_HEDGES, EN_RATIO_WORDS, EN_TENS, EN_UNITS, ISO_CURRENCY_CODES, KO_HALF_WORDS, KO_NATIVE_TENS, KO_NATIVE_UNITS,
    KO_BIG_SCALES, KO_CURRENCY_WORDS, KO_CURRENCY_WORDS_BEFORE, KO_MINUS, KO_PERCENT_WORDS, KO_POINT, KO_PREFIX_HEDGES,
    KO_SINO_DIGITS, KO_SMALL_SCALES, LETTER_CURRENCIES,
    VULGAR_FRACTIONS,
)

#: Words that open an English expression besides those in the tables ("a dozen", "a third").
_EN_EXTRA_STARTS = ("a", "an", "one", "dozen", "dozens", "hundreds", "thousands", "millions", "billions", "in the",
                    "between")
_FRACTIONS = "".join(VULGAR_FRACTIONS)                                          # ⅔, ½
_MINUS = r"(?<![\w.,])[-−](?=[ ]?[\d.])|(?<![\w.,])\.(?=\d)"                   # -504, - 1,200, .77
_TILDE = r"~(?<![\w.,]~)(?=[ ]?[\d$€£¥₩])"                                       # ~$86k, ~ 40%: about (English)


def _alternation(words: object) -> str:
    return "|".join(w if w.startswith("(?") else re.escape(w)  # type: ignore[union-attr]
                    for w in sorted(set(words), key=len, reverse=True))  # type: ignore[arg-type]


def by_first_character(words: object) -> str:
    """``_alternation`` with its words grouped by first character, each group behind a look-ahead.

    The regex engine then tries the words of one group at a word start, not all of
    them, which makes the scan several times faster. The order within a group is
    ``_alternation``'s, longest first, and a pattern entry (the Korean numeral) is
    tried before every word, as there (it is the longest entry), so every match is the same.
    """
    patterns, groups = _first_character_groups(words)
    return "|".join([*patterns, *groups.values()])


def _first_character_groups(words: object) -> tuple[list[str], dict[str, str]]:
    """``by_first_character``'s alternatives: the pattern entries, and each first character's group."""
    entries = sorted(set(words), key=len, reverse=True)  # type: ignore[arg-type]
    groups: dict[str, list[str]] = {}
    for word in entries:
        if not word.startswith("(?"):
            groups.setdefault(word[0].lower(), []).append(word)
    return ([w for w in entries if w.startswith("(?")],
            {first: f"(?={re.escape(first)})(?:{_alternation(group)})" for first, group in groups.items()})


#: Letter prefixes of $ that a tokeniser may set apart: "c $ 16.4 million", "u.s $ 100".
_SPACED_DOLLARS = sorted((k for k in CURRENCY_PREFIXES if k[0].isalpha() and k.endswith("$")), key=len, reverse=True)


def _word_entries(language: str) -> tuple[list[str], list[str]]:
    """What opens an expression at the start of a word: plain words, and regex entries."""
    codes = [*ISO_CURRENCY_CODES, *(k for k in CURRENCY_PREFIXES if k[0].isalpha()),   # EUR 20, US$3
             *(scale + code for scale in CURRENCY_CODE_SCALES for code in ISO_CURRENCY_CODES)]  # MAUD 60
    # Tokenised text: c $ 16.4 million, hk $ 10, u.s $ 100; not the possessive "music ' s $ 500".
    dollars = "|".join(re.escape(k[:-1]).replace(r"\.", r"\.?") for k in _SPACED_DOLLARS)
    patterns = [rf"(?<![.'’] )(?<![.'’])(?:{dollars})[ ]\$"]
    if language == "ko":
        words = [*KO_PREFIX_HEDGES, *KO_HALF_WORDS, *KO_NATIVE_UNITS, *KO_NATIVE_TENS, *KO_MINUS, *codes]
        # A lone Sino-Korean syllable (이, 일, 사) is no number in running text (the grammar
        # refuses it), so only one followed by more of a numeral, a fraction, a point, a
        # percent, a currency or digits is a candidate: 삼십, 이백, 오분의, 삼 퍼센트, 구파운드, 천 4백만.
        numerals = [*KO_SINO_DIGITS, *KO_SMALL_SCALES, *KO_BIG_SCALES]
        follows = _alternation([*numerals, *KO_POINT, "분의", *KO_PERCENT_WORDS, *KO_CURRENCY_WORDS])
        patterns.append(f"(?:{_alternation(numerals)})(?=[ ]?(?:{follows}|\\d))")
        # 유로 1.71, 유로0.27, 미화 17.8m: the currency first
        patterns.append(f"(?:{_alternation(KO_CURRENCY_WORDS_BEFORE)})(?=[ ]?\\d)")
    else:
        words = [*EN_PREFIX_HEDGES, *EN_UNITS, *EN_TENS, *EN_DENOMINATORS, *EN_MULTIPLE_WORDS,
                 *EN_RATIO_WORDS, *EN_MINUS, *EN_MONTHS, *_EN_EXTRA_STARTS, *codes,   # September 2010 is a month
                 *EN_CURRENCY_WORDS_BEFORE_SCALED]   # pounds 900m
        patterns.append(LETTER_AMOUNT)   # R60,000, N25,750: a one-letter currency
    return words, patterns


@lru_cache(maxsize=None)
def candidates(language: str) -> re.Pattern[str]:
    """The regex of positions where a ``language`` expression may start: the definition.

    Digits (any script: full-width ones too) and currency signs anywhere; words only
    at the start of a word, so 세계 is no candidate for 세 and "someone" none for "some".
    ``candidate_positions`` finds the same positions faster.
    """
    words, patterns = _word_entries(language)
    tilde = f"|{_TILDE}" if language == "en" else ""
    return re.compile(rf"\d|[{_FRACTIONS}]|{_signs()}|{_MINUS}{tilde}|(?<!\w)(?:{by_first_character([*words, *patterns])})",
                      re.IGNORECASE)


def _signs() -> str:
    return _alternation(k for k in CURRENCY_PREFIXES if not k[0].isalpha())


def _letter_candidates(language: str, letter: str) -> re.Pattern[str]:
    """``candidates`` as it can match where the letter ``letter`` stands: the same matches.

    No digit, fraction, sign, minus or tilde is a letter, so only the word entries can match
    there, and of those only the pattern entries and the groups of the words opening with a
    character IGNORECASE reads as ``letter``; kept in their order. The engine then tries one
    group's look-ahead, not every group's, at each word ``candidate_positions`` holds to it.
    Letters opening the same groups share one regex: a Korean text holds thousands of syllables,
    most opening none.
    """
    groups = _entry_groups(language)[1]
    return _narrowed_candidates(language, tuple(first for first in groups
                                                if re.match(f"(?={re.escape(first)})", letter, re.IGNORECASE)))


@lru_cache(maxsize=None)
def _entry_groups(language: str) -> tuple[list[str], dict[str, str]]:
    """``_first_character_groups`` of every word entry of ``candidates``, worked out once."""
    words, patterns = _word_entries(language)
    return _first_character_groups([*words, *patterns])


@lru_cache(maxsize=None)
def _narrowed_candidates(language: str, firsts: tuple[str, ...]) -> re.Pattern[str]:
    """The word part of ``candidates``: its pattern entries and the groups of the words opening with ``firsts``."""
    entries, groups = _entry_groups(language)
    chosen = [*entries, *(groups[first] for first in firsts)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(chosen) or '(?!)'})", re.IGNORECASE)


class _Candidates(dict):  # type: ignore[type-arg]
    """``candidates(language)`` by the character at a place, narrowed for a letter
    (``_letter_candidates``): each filled at its character's first place."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language, self.whole = language, candidates(language)

    def __missing__(self, character: str) -> re.Pattern[str]:
        found = self[character] = _letter_candidates(self.language, character) if character.isalpha() else self.whole
        return found


@lru_cache(maxsize=None)
def _candidates_by_character(language: str) -> _Candidates:
    """The ``_Candidates`` of ``language``, made at its first text (its ``candidates`` compiled then)."""
    return _Candidates(language)


class _Finder(NamedTuple):
    """Two regexes that find every place ``candidates`` matches, each by a fast scan.

    ``candidates`` opens on look-behinds, so the regex engine tries all of its
    alternatives at every character. ``others`` opens on one character class (digits,
    fractions, signs, minus), which the engine finds by a fast scan. ``word_starts``
    opens on a character that is not a word character, followed by the first letters
    of an entry (``prefix_regex``): a word entry of ``candidates`` can only match
    after such a character (its look-behind says so) or at the start of the text.
    Every place found is then held to ``candidates`` itself, so the positions are
    exactly its own. ``word_starts_lowered`` finds the same places in the lower-cased
    copy of an ASCII text, faster (``prefix_regex``), with the word standing there.
    """

    others: re.Pattern[str]
    word_starts: re.Pattern[str]
    word_starts_lowered: re.Pattern[str]


#: Characters of an entry the word filter looks at, per language: more let fewer words
#: through in vain but make a longer regex to compile. Measured on the finance corpus:
#: English is fastest at 4 (9 ms to compile); a Hangul syllable is selective alone, and
#: Korean at 1 scans as fast as at 4 and compiles in under 1 ms instead of 6.
_PREFIX_DEPTH = {"en": 4, "ko": 1}


@lru_cache(maxsize=None)
def _finder(language: str) -> _Finder:
    starts = {k[0] for k in CURRENCY_PREFIXES if not k[0].isalpha()} | set(_FRACTIONS) | set("-−.")
    if language == "en":
        starts.add("~")
    words = [*_word_entries(language)[0], *_spaced_dollar_forms()]
    if language == "en":   # LETTER_AMOUNT's letter and a digit: R60,000
        words += [letter + digit for letter in LETTER_CURRENCIES for digit in "0123456789"]
    if language == "ko":
        words += [*KO_SINO_DIGITS, *KO_SMALL_SCALES, *KO_BIG_SCALES, *KO_CURRENCY_WORDS_BEFORE]
    others = set().union(*map(_listed_variants, starts))
    return _Finder(re.compile(r"[\d%s]" % re.escape("".join(sorted(others)))),
                   re.compile(rf"\W(?={prefix_trie(words, _PREFIX_DEPTH[language])})"),
                   compile_lazily(rf"\W(?={prefix_trie(words, _PREFIX_DEPTH[language], lowered=True)})([^\W\d_]*)"))   # ASCII only


def _listed_variants(character: str) -> set[str]:
    found = variants(character)
    if found is None:
        raise ValueError(f"{character!r} opens an expression but has too many case variants to list")
    return found


def _spaced_dollar_forms() -> list[str]:
    """"u.s $", "us $", "c $": what the spaced-dollar entry of ``candidates`` matches, as words."""
    forms = []
    for key in _SPACED_DOLLARS:
        parts = key[:-1].split(".")
        for dots in itertools.product(("", "."), repeat=len(parts) - 1):
            forms.append("".join(part + dot for part, dot in zip(parts, (*dots, ""))) + " $")
    return forms


#: What ``_MINUS`` opens with; no other alternative of ``candidates`` does (signs, fractions and words
#: open with neither): most of them stand inside a number or a word, where ``_MINUS`` refuses them.
_MINUS_OR_POINT = frozenset("-−.")


def _glued(before: str) -> bool:
    """Whether ``before`` is a character ``_MINUS``'s look-behind refuses: a word character
    (``\\w``: ``str.isalnum`` or ``_``), a point or a comma."""
    return before.isalnum() or before in "_.,"


#: A whole word at a candidate: the candidate regex matches "a" in "after" too.
_WORD = compile_lazily(r"[^\W\d_]+")


def candidate_positions(text: str, language: str) -> list[int]:
    """Where ``scan`` asks the grammar: the starts of ``candidates`` matches, left to right,
    except at words no expression starts with ("and", "after").

    The same positions as running ``candidates`` over the whole text (see ``_Finder``).
    A digit matches the first alternative of ``candidates`` alone, so it needs no
    second look (``str.isdecimal`` is the regex engine's own test for ``\\d``).
    An ASCII text (most English text) is searched in its lower-cased copy, which finds
    the word at each place too (``_ascii_word_places``). Each place is held to
    ``candidates`` as narrowed for its character (``_letter_candidates``, for a letter).
    """
    finder = _finder(language)
    first_words = grammar(language).FIRST_WORDS
    places = [match.start() for match in finder.others.finditer(text)]
    plain = not text.isascii()
    if plain:
        places += [match.end() for match in finder.word_starts.finditer(text)]
        places.append(0)
    else:
        places += _ascii_word_places(finder, text.lower(), first_words)
    places.sort()
    definitions = _candidates_by_character(language)
    positions, reached, size = [], 0, len(text)
    for position in places:
        if position < reached or position >= size:
            continue
        character = text[position]
        if character.isdecimal():
            positions.append(position)
            reached = position + 1
            continue
        if character in _MINUS_OR_POINT and position and _glued(text[position - 1]):
            continue   # the point of 13.1, the hyphen of mid-2022: ``_MINUS`` looks behind for these, no entry opens so
        if plain and character.isascii():   # a Hangul word is never dropped: it needs no look at the word
            word = _WORD.match(text, position)
            # "and", "after": ``candidates`` is not tried there; its match would end in the word, before any place
            if word and word.group().isascii() and word.group().lower() not in first_words:
                continue
        candidate = definitions[character].match(text, position)
        if candidate is not None:
            reached = candidate.end()
            positions.append(position)
    return positions


def _ascii_word_places(finder: _Finder, lowered: str, first_words: frozenset[str]) -> list[int]:
    """The word places of an ASCII text (``lowered``, lower-cased) and its start, but those of words no
    expression starts with, which ``candidate_positions`` drops in other text as it meets them."""
    places = [match.start(1) for match in finder.word_starts_lowered.finditer(lowered)
              if not match.group(1) or match.group(1) in first_words]
    word = _WORD.match(lowered)
    if word is None or word.group() in first_words:
        places.append(0)
    return places


def scan(text: str, language: str, blocked: list[tuple[int, int]] = (),  # type: ignore[assignment]
         stops: list[int] = ()) -> list[Quantity]:  # type: ignore[assignment]
    """Every quantity expression in ``text``, left to right, spans as code points of ``text``.

    No expression starts inside a ``blocked`` span (sorted by start): phone numbers,
    model names and the like, found before (see ``negatives.regions``). None runs past
    one of the sorted ``stops`` after its start ("100 9/11 responders" is 100): it is read
    as if the text ended there.

    >>> [q.text for q in scan("메타는 2022년 3분기 44억 달러의 순이익을 기록했다.", "ko")]
    ['2022년 3분기', '44억 달러']
    >>> [q.text for q in scan("It fell to $1.4B from $2.2B, a decline of 37%.", "en")]
    ['$1.4B', '$2.2B', '37%']
    """
    found: list[Quantity] = []
    consumed, block = 0, 0
    normalized = normalize(text)
    for position in candidate_positions(text, language):
        if position < consumed:  # most positions: the other digits of a number read (blocks are passed below)
            continue
        while block < len(blocked) and blocked[block][1] <= position:
            block += 1
        if block < len(blocked) and blocked[block][0] <= position:
            continue
        quantity = match_quantity(text, position, language, normalized)
        stop = bisect.bisect_right(stops, position)
        if quantity is not None and stop < len(stops) and quantity.end > stops[stop]:
            quantity = match_quantity(text, position, language, normalized, end=stops[stop])
        if quantity is None or quantity.end <= quantity.start:
            continue
        found.append(quantity)
        consumed = quantity.end
    return found

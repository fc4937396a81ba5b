"""Numbers as written, to ``Decimal``: digits, Korean large units, Hangul and English words.

Each scanner reads one number starting at a position and returns a :class:`Num`
(value, end, precision, whether it was written as words) or ``None``. Scanners never
look at units or hedges; the language grammars do. Text is first passed through
:func:`normalize`, which maps full-width digits and odd spaces one code point to one
code point, so every offset in normalized text is an offset in the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ..folding import fold
from ..lazy_regex import compile_lazily
from . import precision as prec
from .lengths import not_a_million
from .tables import (
    EN_CASED_SCALE_ABBREVIATIONS, EN_GROUP_WORDS, EN_MINUS, EN_SCALE_ABBREVIATIONS, EN_SCALE_WORDS,
    EN_SPACED_SCALE_ABBREVIATIONS, EN_TENS, EN_UNITS, VULGAR_FRACTIONS,
    KO_BIG_SCALE_LOOKALIKES, KO_BIG_SCALES, KO_MINUS, KO_NATIVE_TENS, KO_NATIVE_UNITS, KO_POINT, KO_SINO_DIGITS,
    KO_SMALL_SCALES,
)

_FULLWIDTH = {0xFF10 + d: ord("0") + d for d in range(10)}
_TRANSLATION = {
    **_FULLWIDTH,
    0xFF05: "%", 0xFF0C: ",", 0xFF0E: ".", 0xFF04: "$", 0xFF5E: "~", 0x301C: "~", 0x223C: "~",
    0x2212: "-", 0xFE63: "-", 0xFF0D: "-",
    0x00A0: " ", 0x2007: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ", 0x3000: " ",
    0x2002: " ", 0x2003: " ", 0x2004: " ", 0x2005: " ", 0x2006: " ", 0x2008: " ",
}

#: Any character ``normalize`` maps: most text has none, and a regex search is much
#: cheaper than ``translate`` looking up every character of Hangul text.
_TRANSLATED = compile_lazily("[%s]" % "".join(map(chr, sorted(_TRANSLATION))))


def normalize(text: str) -> str:
    """Map full-width digits, ％, ，, minus signs and unusual spaces to ASCII.

    One code point always becomes one code point, so offsets stay valid.

    >>> normalize("１만１，０００명\u00a0약")
    '1만1,000명 약'
    """
    if text.isascii():   # every mapped character is outside ASCII: most English text, at no search
        return text
    return text.translate(_TRANSLATION) if _TRANSLATED.search(text) else text


class Num(NamedTuple):
    """One number read from text.

    ``scale`` is the multiplier of a scale word that ends the number (만, billion), so a
    range can lend it to a bare first end (``2~3만`` = 20000..30000); 1 when none. A named
    tuple, as :class:`~checker.quantities.assemble.Core` is: cheap to build at every candidate.
    """

    value: Decimal
    end: int
    precision: Decimal
    worded: bool
    scale: int = 1


def is_hangul(char: str) -> bool:
    """True for a Hangul syllable (가-힣)."""
    return "\uac00" <= char <= "\ud7a3"


# --- digits ----------------------------------------------------------------------

ARABIC = compile_lazily(
    r"""
    (?: \d{1,3} (?: [ ]?,\d{3} )+ (?!\d)  # thousands separators: 27,350,000 (EUR106 ,000 as pasted)
        (?: \.\d+ )?                     # optional decimals: 1,674,200.5
      | \d{1,2} (?: ,\d{2} )+ ,\d{3} (?!\d)  # Indian grouping: 12,34,567.89
        (?: \.\d+ )?
      | \d{1,3} (?: [ ]\d{3} )+            # spaces (thin spaces normalised): 40 000, 1 414 021 100,
        (?! \d | ,\d | [ ]\d )             # only when no digit follows: 2022 10 000 is 2022 + 10000
        (?: \.\d+ )?
      | \d{1,3} ,\d{1,2} (?! [\d,] )       # a decimal comma, before a percent or a scale word only:
        (?= [ ]? (?i: % | per[ ]?cent | pct | (?: million | mn | mln | bn | billion ) \b ) )   # 56,1 %, EUR 7,8 million
      | \d+ (?: [ ]?\.\d+ )?              # plain digits: 27350000, 4.40 (EUR67 .8 m as pasted)
      | \.\d+                            # leading point: .08
    )
    """,
    re.VERBOSE,
)


_DECIMAL_COMMA = compile_lazily(r"\d{1,3},\d{1,2}")


@lru_cache(maxsize=4096)
def arabic_value(digits: str) -> tuple[Decimal, Decimal | None]:
    """Value and decimal step of digits as written (kept for the digits read last: years recur).

    >>> arabic_value("1,000"), arabic_value("4.40"), arabic_value("56,1")
    ((Decimal('1000'), None), (Decimal('4.40'), Decimal('0.01')), (Decimal('56.1'), Decimal('0.1')))
    """
    if _DECIMAL_COMMA.fullmatch(digits):
        digits = digits.replace(",", ".")  # a comma before one or two digits groups no thousands
    plain = digits.replace(",", "").replace(" ", "")
    if "." in plain:
        decimals = len(plain.split(".")[1])
        return Decimal(plain), Decimal(1).scaleb(-decimals)
    return Decimal(plain), None


def _finish(value: Decimal, end: int, step: Decimal | None, worded: bool, negative: bool,
            scale: int = 1) -> Num:
    value = -value if negative else value
    if scale > 1:
        value = prec.tidy(value)  # 4.4 billion is 4400000000, not 4400000000.0
    precision = prec.words_precision(value) if worded else prec.digits_precision(value, step)
    return Num(value, end, precision, worded, scale)


#: A hyphen that is a minus: written on the number (-5, fell to -0.3), or spaced from it
#: (- 1,200) where no space stands before. Not after another dash ("rate -- 15 percent"),
#: nor spaced on both sides ("(ADP News) - 2009년 2월"): there it is a dash of the prose.
HYPHEN_MINUS = r"(?:(?<![-–—])-(?![ ])|(?<![\s\-–—])-[ ])"


# --- Korean ----------------------------------------------------------------------

_KO_SPACE = compile_lazily(r"[ \t]{1,2}")
_KO_MINUS = compile_lazily(r"(?:%s)[ ]?|%s(?=[\d.])" % ("|".join(KO_MINUS), HYPHEN_MINUS))
#: What a minus opens with: checked before ``_KO_MINUS``, as most numbers have none.
_KO_MINUS_STARTS = tuple({word[0] for word in KO_MINUS} | {"-"})
#: What a native numeral opens with (열, 스물, 한, 다섯 …): ``_KO_NATIVE`` matches nothing elsewhere.
_KO_NATIVE_STARTS = frozenset(word[0] for word in (*KO_NATIVE_TENS, *KO_NATIVE_UNITS))
_KO_ZERO = ("영", "공", "빵")
_KO_NATIVE = compile_lazily(
    r"""
    (?P<tens> %s )?                      # 열, 스물, 서른 …
    (?P<units> %s )?                     # 하나, 한, 두, 다섯 …
    """
    % (
        "|".join(sorted(KO_NATIVE_TENS, key=len, reverse=True)),
        "|".join(sorted(KO_NATIVE_UNITS, key=len, reverse=True)),
    ),
    re.VERBOSE,
)


@dataclass
class _Group:
    """A run of terms worth less than 10^4 (e.g. ``2천 345``, ``이천칠백삼십오``)."""

    value: Decimal
    end: int
    step: Decimal | None
    has_digit: bool


def _may_open_digits(char: str) -> bool:
    """Whether ``ARABIC`` may match at ``char``: it opens with a digit or a point (.08)."""
    return char.isdecimal() or char == "."


def _ko_term(text: str, pos: int, arabic_mode: bool, smaller_than: int
             ) -> tuple[Decimal, int, Decimal | None, bool, bool] | None:
    """One term: coefficient and/or small unit (``7천``, ``백``, ``345``, ``오``).

    Returns (value, end, step, has_digit, has_small_unit). A bare Hangul digit is not a
    term after Arabic digits (``1만이`` is 1만 + the particle 이, not 10002).
    """
    coefficient: Decimal | None = None
    step: Decimal | None = None
    has_digit = False
    end = pos
    char = text[pos:pos + 1]
    match = ARABIC.match(text, pos) if _may_open_digits(char) else None
    if match:
        coefficient, step = arabic_value(match.group())
        end, has_digit = match.end(), True
    elif char in KO_SINO_DIGITS and char not in _KO_ZERO:
        coefficient, end = Decimal(KO_SINO_DIGITS[text[pos]]), pos + 1
    unit_char = text[end:end + 1]
    if unit_char in KO_SMALL_SCALES and KO_SMALL_SCALES[unit_char] < smaller_than:
        unit = KO_SMALL_SCALES[unit_char]
        value = (coefficient if coefficient is not None else Decimal(1)) * unit
        return value, end + 1, (step * unit if step is not None else None), has_digit, True
    if coefficient is None or (arabic_mode and not has_digit):
        return None
    return coefficient, end, step, has_digit, False


def _ko_group(text: str, pos: int, arabic_mode: bool) -> _Group | None:
    """Terms in descending order, optionally separated by spaces (``4천 820``)."""
    total, end, step, has_digit = Decimal(0), pos, None, False
    smaller_than = 10**4
    found = False
    after_small = False
    while True:
        start = end
        if found and after_small:
            space = _KO_SPACE.match(text, end)
            if space:
                start = space.end()
        term = _ko_term(text, start, arabic_mode, smaller_than)
        if term is None:
            break
        value, term_end, term_step, term_digit, small = term
        if start != end and not term_digit and not small and is_hangul(text[term_end:term_end + 1]):
            break  # "백 이상": 이 begins a word, it is not the digit two
        total += value
        end, found, after_small = term_end, True, small
        has_digit = has_digit or term_digit
        if term_step is not None:
            step = term_step if step is None else min(step, term_step)
        if not small:
            break  # a bare coefficient is the units term: the group is complete
        smaller_than = KO_SMALL_SCALES[text[term_end - 1]]
    return _Group(total, end, step, has_digit) if found else None


def _ko_decimal_words(text: str, pos: int) -> tuple[str, int]:
    """Digits after a spoken point (삼점사 → "4")."""
    digits = []
    while text[pos:pos + 1] in KO_SINO_DIGITS:
        digits.append(str(KO_SINO_DIGITS[text[pos]]))
        pos += 1
    return "".join(digits), pos


def korean_minus_end(text: str, pos: int) -> int:
    """Where the digits start after a minus word opening at ``pos`` (마이너스 68.6 mn); ``pos`` when none."""
    negative = _KO_MINUS.match(text, pos) if text.startswith(_KO_MINUS_STARTS, pos) else None
    return negative.end() if negative else pos


def scan_korean(text: str, pos: int) -> Num | None:
    """Read a Sino-Korean or digit number with 만/억/조/경 (``1만1,000``, ``이천칠백삼십오만``).

    >>> scan_korean("1만1,000명", 0).value, scan_korean("2억 5천만 달러", 0).value
    (Decimal('11000'), Decimal('250000000'))
    >>> scan_korean("1.5만", 0).precision
    Decimal('500')
    """
    plain = _plain_korean(text, pos) if text[pos:pos + 1] in _ASCII_DIGITS else None
    return plain if plain is not None else _general_korean(text, pos)


_ASCII_DIGITS = frozenset("0123456789")
#: Plain digits, as most Korean text writes its numbers (2018년, 44억 달러); a longer run is left to the
#: general reading, whose sum the context's 28 digits round.
_PLAIN_DIGITS = compile_lazily(r"[0-9]{1,15}(?![0-9])")
#: After plain digits, what ``ARABIC`` or a small unit would read on (1,000, 4.4, 40 000, 5 억, 3천).
_DIGITS_GO_ON = frozenset(", .") | frozenset(KO_SMALL_SCALES)


def _plain_korean(text: str, pos: int) -> Num | None:
    """``scan_korean``'s reading of the two shapes most Korean numbers take, plain digits (2018) and plain digits
    before one large unit (44억), with nothing after that the general reading goes on with; None for any other
    shape (``_general_korean`` reads it). The general loop's groups and terms cost most of a number's reading."""
    digits = _PLAIN_DIGITS.match(text, pos)
    if digits is None:
        return None
    end = digits.end()
    after = text[end:end + 1]
    if after in _DIGITS_GO_ON or after.isdecimal():
        return None
    value = arabic_value(digits.group())[0]
    if after not in KO_BIG_SCALES:
        return _finish(Decimal(0) + value, end, None, False, False)
    if text.startswith(KO_BIG_SCALE_LOOKALIKES, end) or _after_large_unit_goes_on(text, end + 1):
        return None
    big = KO_BIG_SCALES[after]
    return _finish(Decimal(0) + value * big, end + 1, None, False, False, big)


def _after_large_unit_goes_on(text: str, pos: int) -> bool:
    """Whether the general reading may go on at ``pos``, after a large unit (44억): with digits after a space
    or two (2억 5천만), or a digit, point, Sino-Korean digit, small or large unit (1억2000만, 1억오천만)."""
    char = text[pos:pos + 1]
    if char in (" ", "\t"):
        space = _KO_SPACE.match(text, pos)
        return space is not None and text[space.end():space.end() + 1].isdigit()
    return char.isdigit() or char == "." or char in KO_SINO_DIGITS or char in KO_SMALL_SCALES or char in KO_BIG_SCALES


def _general_korean(text: str, pos: int) -> Num | None:
    """``scan_korean`` of any shape, group by group."""
    negative = _KO_MINUS.match(text, pos) if text.startswith(_KO_MINUS_STARTS, pos) else None
    start = negative.end() if negative else pos
    first = text[start:start + 1]
    if first in _KO_ZERO and not is_hangul(text[start + 1:start + 2]):
        return _finish(Decimal(0), start + 1, None, True, False)
    arabic_mode = first.isdigit() or first == "."
    total, end, step = Decimal(0), start, None
    has_digit, found, last_big, scale = False, False, 10**20, 1
    has_coefficient = False  # "만 14세": a bare 만 takes no spaced continuation
    while True:
        group_start = end
        if found and scale > 1 and has_coefficient:
            space = _KO_SPACE.match(text, end)
            if space and (text[space.end():space.end() + 1].isdigit() or not arabic_mode):
                group_start = space.end()
        group = _ko_group(text, group_start, arabic_mode)
        big_pos = group.end if group else group_start
        if group and arabic_mode and text[big_pos:big_pos + 1] == " " and text[big_pos + 1:big_pos + 2] in KO_BIG_SCALES:
            big_pos += 1  # 5 억 달러
        big_char = text[big_pos:big_pos + 1]
        if big_char in KO_BIG_SCALES and KO_BIG_SCALES[big_char] < last_big and not text.startswith(
            KO_BIG_SCALE_LOOKALIKES, big_pos) and (
            group is not None or group_start == end
        ):
            big = KO_BIG_SCALES[big_char]
            coefficient = group.value if group else Decimal(1)
            total += coefficient * big
            if group and group.step is not None:
                step = group.step * big if step is None else min(step, group.step * big)
            has_digit = has_digit or bool(group and group.has_digit)
            end, found, last_big, scale = big_pos + 1, True, big, big
            has_coefficient = group is not None
            if group and group.step is not None:
                break  # 1.5만: nothing follows a decimal coefficient
            continue
        if group is not None:
            total += group.value
            if group.step is not None:
                step = group.step if step is None else min(step, group.step)
            has_digit = has_digit or group.has_digit
            end, found, scale = group.end, True, 1
        break
    if not found:
        return None
    if not arabic_mode and scale == 1 and text[end:end + 1] in KO_POINT:
        decimals, after = _ko_decimal_words(text, end + 1)
        if decimals:
            total += Decimal("0." + decimals)
            end = after
    return _finish(total, end, step, not has_digit, negative is not None, scale)


def scan_native_korean(text: str, pos: int) -> Num | None:
    """Read a native Korean number (열한, 스무, 서른다섯, 세).

    >>> scan_native_korean("서른다섯", 0).value, scan_native_korean("스무 명", 0).end
    (Decimal('35'), 2)
    """
    match = _KO_NATIVE.match(text, pos) if text[pos:pos + 1] in _KO_NATIVE_STARTS else None
    if not match or match.end() == pos:
        return None
    value = KO_NATIVE_TENS.get(match.group("tens") or "", 0)
    value += KO_NATIVE_UNITS.get(match.group("units") or "", 0)
    return _finish(Decimal(value), match.end(), None, True, False)


# --- English ---------------------------------------------------------------------

_EN_SIGN = compile_lazily(r"(?:%s(?=[\d.])|(?:%s)\s+)" % (HYPHEN_MINUS, "|".join(EN_MINUS)), re.IGNORECASE)
#: A $500-million project; "650 [thousand]", an editor's bracketed scale word in a quote (both brackets or none).
_EN_SCALE_WORD = compile_lazily(
    r"""(?: \s* | - ) (?P<open> \[ )? (?P<word> %s ) s? \b (?(open) \] )""" % "|".join(
        sorted(EN_SCALE_WORDS, key=len, reverse=True)),
    re.VERBOSE | re.IGNORECASE,
)
_EN_SCALE_ABBREVIATION = compile_lazily(
    r"""
    (?: (?P<cased> (?-i: %s ) )          # in this case only: $2.174T, 1MM
      | (?P<attached> %s )               # written on the digits: 4.4bn, 100k, 3M
      | \s{1,2} (?P<spaced> (?-i: %s )  # or spaced, as written in the table: 1,674.5 G, 10 bln
          | (?-i: MN ) (?=[\uac00-\ud7a3]) )  # 6.5 MN의: capitals before a Hangul particle (never meganewtons)
    ) (?![^\W_\uac00-\ud7a3])           # 40.8mn에서: a Hangul particle may follow
    """
    % tuple("|".join(sorted(words, key=len, reverse=True)) for words in (
        EN_CASED_SCALE_ABBREVIATIONS, EN_SCALE_ABBREVIATIONS, EN_SPACED_SCALE_ABBREVIATIONS)),
    re.VERBOSE | re.IGNORECASE,
)
_EN_GROUP_WORD = compile_lazily(r"\s*(?:%s)\b" % "|".join(EN_GROUP_WORDS), re.IGNORECASE)
_SLASH = compile_lazily(
    r"""
    (?P<sign> %s )?                      # -4/5
    (?: (?P<whole> \d+ ) [ ]+ )?         # 2 1/4: a whole part before the fraction
    (?P<num> \d+ ) / (?P<den> [1-9]\d* ) (?! [\d/] )
    """ % HYPHEN_MINUS,
    re.VERBOSE,
)
_VULGAR = compile_lazily(
    r"(?P<sign> %s )? (?: (?P<whole> \d+ ) [ ]? )? (?P<char> [%s] )" % (HYPHEN_MINUS, "".join(VULGAR_FRACTIONS)),
    re.VERBOSE,
)
_EN_WORD = compile_lazily(r"[A-Za-z]+")
_EN_AND = compile_lazily(r"\s+and\s+", re.IGNORECASE)
_EN_SPACE = compile_lazily(r"[ ]")
_EN_JOINER = compile_lazily(r"\s*-\s*|\s+and\s+|\s+", re.IGNORECASE)


def _word_may_follow(text: str, pos: int) -> bool:
    """Whether a scale or group word may follow at ``pos``: each opens with a Latin letter,
    after spaces or a hyphen if any ("a $500-million project"), so nothing else can stand first.

    Most numbers end at punctuation, a percent sign or (in Korean) a Hangul unit; this
    skips their scale regexes. After one white space a word opens only with a letter, a bracket
    ("650 [thousand]") or more white space: "20 %", "2012, 2013" skip them too.
    """
    follows = text[pos:pos + 1]
    if follows.isspace():
        after = text[pos + 1:pos + 2]
        return after.isalpha() or after.isspace() or after == "["
    return follows == "-" or (follows.isalpha() and not is_hangul(follows))


def _en_digits(text: str, pos: int, negative: bool) -> Num | None:
    match = ARABIC.match(text, pos)
    if not match:
        return None
    value, step = arabic_value(match.group())
    end, scale = match.end(), 1
    word = abbreviation = None
    if _word_may_follow(text, end):
        word = _EN_SCALE_WORD.match(text, end)
        abbreviation = None if word else _EN_SCALE_ABBREVIATION.match(text, end)
    if word:
        scale, end = EN_SCALE_WORDS[fold(word.group("word"))], word.end()
    elif abbreviation and abbreviation.group("cased"):
        scale, end = EN_CASED_SCALE_ABBREVIATIONS[abbreviation.group("cased")], abbreviation.end()
    elif abbreviation and not (abbreviation.group("attached") == "m" and not_a_million(text, end)):
        key = fold(abbreviation.group("attached") or abbreviation.group("spaced"))
        scale, end = EN_SCALE_ABBREVIATIONS[key], abbreviation.end()
    group = _EN_GROUP_WORD.match(text, end) if _word_may_follow(text, end) else None
    if group:
        scale, end = scale * 12, group.end()
    value *= scale
    step = step * scale if step is not None else None
    rest = _en_lower_terms(text, end, scale) if word and not group and step is None else None
    if rest is not None:
        value, end = value + rest.value, rest.end
    return _finish(value, end, step, False, negative, scale)


def _en_lower_terms(text: str, pos: int, scale: int) -> Num | None:
    """The terms after "4 thousand" or "3 hundred" that complete the number.

    "4 thousand 3 hundred and 21" is 4321 and "6 crore and two hundred" 60000200: a rest
    joined by a space must have its own smaller scale word; one joined by "and" must be
    words or follow "hundred", so "between 3 million and 500,000" stays two numbers; a zero
    never completes one ("3 hundred and 0 are two numbers").
    """
    by_and = _EN_AND.match(text, pos)
    joiner = by_and or _EN_SPACE.match(text, pos)
    rest = scan_english(text, joiner.end()) if joiner else None
    if rest is None or not 0 < rest.value < scale or rest.value != int(rest.value):
        return None
    if by_and:
        return rest if rest.worded or scale == 100 else None
    return rest if 1 < rest.scale < scale else None


def _after_joiner(text: str, pos: int) -> int:
    joiner = _EN_JOINER.match(text, pos)
    return joiner.end() if joiner else pos


def _en_word_at(text: str, pos: int) -> tuple[str, int] | None:
    match = _EN_WORD.match(text, pos)
    return (fold(match.group()), match.end()) if match else None


def _en_point_digits(text: str, pos: int) -> tuple[str, int]:
    """Digits after 'point' (point seventy-one → "71", point zero three → "03")."""
    digits, end = "", pos
    while True:
        joiner = _EN_JOINER.match(text, end) if digits else None
        at = joiner.end() if joiner else end
        word = _en_word_at(text, at)
        if word and word[0] in EN_UNITS and EN_UNITS[word[0]] < 10:
            digits, end = digits + str(EN_UNITS[word[0]]), word[1]
        elif word and word[0] in EN_TENS and not digits:
            tens, end = EN_TENS[word[0]], word[1]
            unit = _en_word_at(text, _after_joiner(text, end))
            if unit and unit[0] in EN_UNITS and 0 < EN_UNITS[unit[0]] < 10:
                tens, end = tens + EN_UNITS[unit[0]], unit[1]
            return str(tens), end
        else:
            return digits, end


def _en_words(text: str, pos: int, negative: bool) -> Num | None:
    """English number words: "one hundred and sixty-one", "two point two million"."""
    total, current, end, seen = Decimal(0), Decimal(0), pos, False
    scale, at = 1, pos
    fraction_digits = ""
    while True:
        word = _en_word_at(text, at)
        if word is None:
            break
        name, word_end = word
        if name in ("a", "an") and not seen:
            following = _en_word_at(text, _after_joiner(text, word_end))
            if not following or (following[0].rstrip("s") not in EN_SCALE_WORDS and following[0] not in EN_GROUP_WORDS):
                break
            current = Decimal(1)
        elif name in EN_UNITS or name in EN_TENS:
            if fraction_digits:
                break
            number = EN_UNITS.get(name, EN_TENS.get(name, 0))
            if int(current) % 100 and (number >= 10 or int(current) % 10):  # int: no DivisionImpossible past 28 digits
                break  # "one twenty two" style readings are out of scope
            current += number
            scale = 1
        elif name.rstrip("s") in EN_SCALE_WORDS and seen:
            multiplier = EN_SCALE_WORDS[name.rstrip("s")]
            if multiplier == 100:
                current = (current or Decimal(1)) * 100
            elif multiplier > scale > 1 and total and not current:
                total *= multiplier  # three thousand millions
            else:
                total += (current or Decimal(1)) * multiplier
                current = Decimal(0)
            scale = multiplier
        elif name in EN_GROUP_WORDS and seen:
            current, scale = (current or Decimal(1)) * 12, 1
        elif name == "point" and not fraction_digits:
            digits, digits_end = _en_point_digits(text, _after_joiner(text, word_end))
            if not digits:
                break
            fraction_digits, end, at = digits, digits_end, digits_end
            current += Decimal("0." + digits)
            seen = True
            joiner = _EN_JOINER.match(text, at)
            if not joiner:
                break
            at = joiner.end()
            continue
        else:
            break
        seen, end = True, word_end
        joiner = _EN_JOINER.match(text, word_end)
        if not joiner:
            break
        at = joiner.end()
    if not seen:
        return None
    value = total + current
    return _finish(value, end, None, True, negative, scale)


def _may_open_english_number(char: str) -> bool:
    """Whether an English number can start with ``char``: a digit, a point, a minus sign or a
    letter (a number or minus word). At a currency sign or a bracket no regex is tried."""
    return char.isalpha() or char.isdecimal() or char in ("-", ".")


#: The last reading of :func:`scan_english`: ``(text, pos, result)``, one tuple so that a
#: thread reads a whole one. In Korean text ``korean._latin_abbreviated`` and then the
#: English grammar read the same digits ("2.7mln 유로") one after the other.
_LAST_ENGLISH: tuple[str | None, int, Num | None] = (None, -1, None)


def scan_english(text: str, pos: int) -> Num | None:
    """Read an English number: digits with scales, or words.

    A second call with the same text (the same object) and position returns the
    first one's reading: the grammar asks twice at some places, and a ``Num`` is a
    tuple no caller can change.

    >>> scan_english("$4.4 billion", 1).value, scan_english("4.4bn", 0).precision
    (Decimal('4400000000'), Decimal('50000000'))
    >>> scan_english("twenty-one thousand eleven", 0).value
    Decimal('21011')
    """
    global _LAST_ENGLISH
    last = _LAST_ENGLISH
    if last[1] == pos and last[0] is text:
        return last[2]
    found = _read_english(text, pos)
    _LAST_ENGLISH = (text, pos, found)
    return found


def _read_english(text: str, pos: int) -> Num | None:
    """What :func:`scan_english` reads, read anew."""
    first = text[pos:pos + 1]
    if not _may_open_english_number(first):
        return None
    sign = _EN_SIGN.match(text, pos) if first == "-" or first.isalpha() else None  # -5, minus five
    start = sign.end() if sign else pos
    return _en_digits(text, start, sign is not None) or _en_words(text, start, sign is not None)


def _fraction_sign_follows(text: str, pos: int) -> bool:
    """Whether a slash or a fraction character ends the digits, spaces and minus signs at ``pos``.

    Both fraction regexes read only those before the ``/`` or the ``½``, so when the first
    other character is neither (nor a digit of another script, which ``\\d`` also reads)
    they cannot match: most numbers are no fractions, and this skips two regexes there.
    """
    if text[pos:pos + 1].isalpha():   # a word: nothing to pass over, and a letter is none of the three
        return False
    end = _DIGITS_SPACES_MINUS.match(text, pos).end()  # type: ignore[union-attr]
    follows = text[end:end + 1]
    return follows == "/" or follows in VULGAR_FRACTIONS or follows.isdecimal()


#: What ``_fraction_sign_follows`` passes over: the characters ``str.lstrip("-0123456789 ")``
#: strips, matched in place, not by copying the rest of the text at every number.
_DIGITS_SPACES_MINUS = compile_lazily(r"[-0-9 ]*")


def scan_slash_fraction(text: str, pos: int) -> Num | None:
    """A fraction written with a slash or a fraction character, possibly signed or mixed
    (3/4, -4/5, 2 1/4, ¾, 1½).

    Fractions carry the 10% precision of a fraction word: "3/4" is "three quarters".

    >>> scan_slash_fraction("- 1 4/5", 0).value, scan_slash_fraction("1½", 0).value
    (Decimal('-1.8'), Decimal('1.5'))
    """
    if not _fraction_sign_follows(text, pos):
        return None
    match = _SLASH.match(text, pos)
    vulgar = None if match else _VULGAR.match(text, pos)
    if match:
        numerator, denominator = int(match["num"]), int(match["den"])
    elif vulgar:
        match = vulgar
        numerator, denominator = VULGAR_FRACTIONS[vulgar["char"]]
    else:
        return None
    value = Decimal(match["whole"] or 0) + Decimal(numerator) / Decimal(denominator)
    return _finish(value, match.end(), None, True, match["sign"] is not None)

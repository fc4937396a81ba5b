"""Metres or millions: a glued "m" after digits (6.25m), read by the words around it.

Finance writes "EUR17.8m" for millions, and its Korean translation often drops the currency
("순매출액은 59.6m"): a bare "m" there is a million, as both grammars read it. News writes
"높이 6.25m" and "6.25m tall" for metres, where a million would be a silent wrong value (6,250,000
of nothing). So a length word right before the number (높이, 폭, "a height of") or right after
the "m" (6.25m 높이의, "6.25m tall") makes the "m" metres, in both languages, and so does a
side of a size (1.5m x 3.0m); a currency before the digits or after the "m" keeps it money; a speed
word before it (설계 속도 900m) leaves it unread, neither; with none of these, the corpus reading (a
million) stands.
"""
from __future__ import annotations

import re

from ..lazy_regex import compile_lazily
from .tables import (
    EN_LENGTH_ADJECTIVES, EN_LENGTH_NOUNS, KO_CURRENCY_WORDS, KO_CURRENCY_WORDS_BEFORE, KO_LENGTH_WORDS,
)

#: How far before the digits a length word may stand: the word, a particle, a hedge ("높이는 약 ").
_REACH = 24
_HEDGE = r"(?:약|최대|최고|최소|총|about|around|some|nearly|almost|approximately|over|up[ ]to)"
_BEFORE = compile_lazily(
    r"""
    (?: (?<![\uac00-\ud7a3]) (?: %s ) (?: [는은이가도의] )?    # 높이 6.25m, 키가 1.8m; not 상승폭 or 터키
      | \b (?i: %s ) (?: [ ]of | [ ]?: )?                      # a height of 6.25m, length: 185m
      | \d m [ ]? [x×] [ ]?                                     # 1.5m x 3.0m: the second side
    )
    [ ]? (?: %s [ ]? )? \Z                                     # 높이 약 6.25m: a hedge between
    """ % ("|".join(KO_LENGTH_WORDS), "|".join(EN_LENGTH_NOUNS), _HEDGE),
    re.VERBOSE,
)
_AFTER = compile_lazily(
    r"""
    [ ]? (?: (?: 높이 | 길이 | 폭 | 깊이 | 두께 | 너비 | 지름 ) (?= 의 | 로 | [ ,.)] | \Z )   # 6.25m 높이의; not 높이고
           | - ? (?i: %s ) \b (?! -? \w )                                      # 6.25m tall, a 6.25m-long wall
           | [ ] in [ ] (?i: %s ) \b                                           # 185m in length
           | [ ]? [x×] [ ]? \d )                                                # 1.5m x 3.0m: the first side
    """ % ("|".join(EN_LENGTH_ADJECTIVES), "|".join(EN_LENGTH_NOUNS)),
    re.VERBOSE,
)
#: Words of a speed before the number (설계 속도 900m: metres a minute): the "m" is no million, and no length
#: either, so it is left unread (the number stays bare) rather than guessed.
_SPEED_BEFORE = compile_lazily(r"(?:(?<![\uac00-\ud7a3])(?:속도|속력|풍속|유속)[는은이가의]?|\b(?i:speed)(?:[ ]of)?)[ ]?\Z")
_GLUED = compile_lazily(r"[A-Za-z0-9²³]")
_CURRENCY_BEFORE = compile_lazily(r"(?:[A-Z]{3}|[$€£¥₩]|%s)[ ]?\Z" % "|".join(
    sorted(KO_CURRENCY_WORDS_BEFORE, key=len, reverse=True)))
_CURRENCY_AFTER = compile_lazily(r"[ ]?(?:%s|[A-Z]{3}\b)" % "|".join(sorted(KO_CURRENCY_WORDS, key=len, reverse=True)))


def not_a_million(text: str, digits_end: int) -> bool:
    """Whether a glued "m" after the digits ending at ``digits_end`` is no million: metres by a length word
    (높이 6.25m), or a speed's unit (설계 속도 900m), which no grammar here reads.

    >>> not_a_million("설계 속도 900m의", 9), not_a_million("순매출액은 59.6m를", 10)
    (True, False)
    """
    if metres_after(text, digits_end) is not None:
        return True
    start = _number_start(text, digits_end)
    return _SPEED_BEFORE.search(text, max(0, start - _REACH), start) is not None


def _number_start(text: str, digits_end: int) -> int:
    """Where the digits ending at ``digits_end`` start (their points and commas included)."""
    start = digits_end
    while start > 0 and (text[start - 1].isdecimal() or text[start - 1] in ".,"):
        start -= 1
    return start


def metres_after(text: str, digits_end: int) -> int | None:
    """Where a glued "m" after the digits ending at ``digits_end`` ends, when it is metres by a length
    word around it (높이 6.25m, 6.25m tall); None for any other "m" (59.6m of a finance story).

    >>> metres_after("높이 6.25m 탑", 7), metres_after("순매출액은 59.6m를", 10)
    (8, None)
    """
    end = digits_end + 1
    if not text.startswith("m", digits_end) or _GLUED.match(text, end):
        return None   # mm, m2, mn, m²: other words (a Hangul particle may follow: 6.25m의)
    if _CURRENCY_AFTER.match(text, end):
        return None   # 6.25m 유로, 6.25m EUR: money
    start = _number_start(text, digits_end)
    before = text[max(0, start - _REACH):start]
    if _CURRENCY_BEFORE.search(before):
        return None   # EUR2m x 3, $5m long-term: money
    if _BEFORE.search(before) or _AFTER.match(text, end):
        return end
    return None

"""Metres or millions: a glued "m" after digits (6.25m), read by the words around it.

Finance writes "EUR17.8m" for millions, and its Korean translation often drops the currency
("순매출액은 59.6m"): a bare "m" there is a million, as both grammars read it. News writes
"높이 6.25m" and "6.25m tall" for metres, where a million would be a silent wrong value (6,250,000
of nothing). So a length word right before the number (높이, 폭, "a height of") or right after
the "m" (6.25m 높이의, "6.25m tall") makes the "m" metres, in both languages, and so does a
side of a size (1.5m x 3.0m); a currency before the digits or after the "m" keeps it money; a speed
word before it (설계 속도 900m) leaves it unread, neither; with none of these, the corpus reading (a
million) stands.

The words before the number are compared as words (the last one or two of a short stretch), not
searched for by a regex anchored at the stretch's end, which the engine would try at every position.
"""
from __future__ import annotations

import re

from ..lazy_regex import compile_lazily
from .tables import (
    EN_LENGTH_ADJECTIVES, EN_LENGTH_NOUNS, KO_CURRENCY_WORDS, KO_CURRENCY_WORDS_BEFORE, KO_LENGTH_WORDS,
)

#: How far before the digits the words looked at may start: a word, a particle, a hedge ("높이는 약 ").
_REACH = 24
#: Hedges that may stand between the word and the number (높이 약 6.25m, a height of about 6.25m).
_HEDGES = frozenset({"약", "최대", "최고", "최소", "총", "about", "around", "some", "nearly", "almost", "approximately",
                     "over"})
#: Particles a Korean length word may take before the number (높이는, 키가, 폭이).
_PARTICLES = frozenset("는은이가도의")
_LENGTHS = frozenset(KO_LENGTH_WORDS) | frozenset(EN_LENGTH_NOUNS)
_SPEEDS = frozenset({"속도", "속력", "풍속", "유속", "speed"})
_AFTER = compile_lazily(
    r"""
    [ ]? (?: (?: 높이 | 길이 | 폭 | 깊이 | 두께 | 너비 | 지름 ) (?= 의 | 로 | [ ,.)] | \Z )   # 6.25m 높이의; not 높이고
           | - ? (?i: %s ) \b (?! -? \w )                                      # 6.25m tall, a 6.25m-long wall
           | [ ] in [ ] (?i: %s ) \b                                           # 185m in length
           | [ ]? [x×] [ ]? \d )                                                # 1.5m x 3.0m: the first side
    """ % ("|".join(EN_LENGTH_ADJECTIVES), "|".join(EN_LENGTH_NOUNS)),
    re.VERBOSE,
)
#: The first side of a size, right before the second one's digits: "1.5m x " of "1.5m x 3.0m".
_SIDE_BEFORE = compile_lazily(r"\dm[ ]?[x×][ ]?\Z")
_GLUED = compile_lazily(r"[A-Za-z0-9²³]")
_CURRENCY_SIGNS = frozenset("$€£¥₩")
_KO_CURRENCIES_BEFORE = tuple(KO_CURRENCY_WORDS_BEFORE)
_CURRENCY_AFTER = compile_lazily(r"[ ]?(?:%s|[A-Z]{3}\b)" % "|".join(sorted(KO_CURRENCY_WORDS, key=len, reverse=True)))


def not_a_million(text: str, digits_end: int) -> bool:
    """Whether a glued "m" after the digits ending at ``digits_end`` is no million: metres by a length word
    (높이 6.25m), or a speed's unit (설계 속도 900m), which no grammar here reads.

    >>> not_a_million("설계 속도 900m의", 9), not_a_million("순매출액은 59.6m를", 10)
    (True, False)
    """
    if metres_after(text, digits_end) is not None:
        return True
    return _named_before(text, _number_start(text, digits_end), _SPEEDS)


def metres_after(text: str, digits_end: int) -> int | None:
    """Where a glued "m" (or one after a space: "a width of 6.25 m") after the digits ending at ``digits_end``
    ends, when it is metres by a length word around it (높이 6.25m, 6.25m tall); None for any other "m"
    (59.6m of a finance story).

    >>> metres_after("높이 6.25m 탑", 7), metres_after("순매출액은 59.6m를", 10)
    (8, None)
    """
    at = digits_end + 1 if text.startswith(" m", digits_end) else digits_end   # 6.25m, or 6.25 m spaced
    end = at + 1
    if not text.startswith("m", at) or _GLUED.match(text, end):
        return None   # mm, m2, mn, m²: other words (a Hangul particle may follow: 6.25m의)
    start = _number_start(text, digits_end)
    if _money_before(text, start) or _CURRENCY_AFTER.match(text, end):
        return None   # EUR2m, 유로43.1m, 6.25m 유로: money
    side = _SIDE_BEFORE.search(text, max(0, start - 6), start)   # six characters: a cheap search
    if side or _named_before(text, start, _LENGTHS) or _AFTER.match(text, end):
        return end
    return None


def _number_start(text: str, digits_end: int) -> int:
    """Where the digits ending at ``digits_end`` start (their points and commas included)."""
    start = digits_end
    while start > 0 and (text[start - 1].isdecimal() or text[start - 1] in ".,"):
        start -= 1
    return start


def _money_before(text: str, start: int) -> bool:
    """A currency right before the digits: a sign or code (€5m, EUR5m, EUR 5m) or a Korean word (유로5m)."""
    before = text[max(0, start - 4):start].rstrip(" ")
    last = before[-1:]
    return last in _CURRENCY_SIGNS or before[-3:].isupper() and before[-3:].isalpha() \
        or before.endswith(_KO_CURRENCIES_BEFORE)


def _named_before(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether one of ``words`` is the last word before ``start``, maybe with a particle (높이는), "of" or a
    colon after it (a height of, length:) and a hedge between it and the number (높이 약 6.25m)."""
    last = text[max(0, start - _REACH):start].split()[-3:]
    if last and last[-1] in _HEDGES:
        last.pop()
    if last and last[-1] == "of":
        last.pop()
    if not last:
        return False
    word = last[-1].rstrip(":").lower()
    return word in words or (word[-1:] in _PARTICLES and word[:-1] in words)

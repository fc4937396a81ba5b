"""Hedge words around a number (약, 가까이, more than…) and how they combine.

A grammar owns two :class:`HedgeTable` objects, one for words before the number and
one for words after it, both compiled from the closed lists in ``tables.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..folding import fold
from ..lazy_regex import compile_lazily
from .model import Qualifier


@dataclass(frozen=True)
class Hedge:
    """A hedge word found in text and where it ends."""

    qualifier: Qualifier
    end: int


#: Space within an expression: a hedge and its number on different lines are not one
#: expression (a line break ends a paragraph, and the extractor's sentences end there).
_SPACE = r"[^\S\r\n\v\f\x1c-\x1e\x85\u2028\u2029]"
_GAP = f"{_SPACE}*"


class HedgeTable:
    """Hedge words of one language on one side of the number.

    ``particles`` may stand between the number and a hedge after it
    (``200명도 채 되지 않는``), and after them one of ``adverbs`` (``2cm가 조금 넘는다``);
    ``word_boundary`` is for languages that separate words by spaces, so "over" never
    matches the start of "overall". ``not_after`` names, for a hedge word, the words
    before it that make it no hedge: "the top 1 percent" is a group, not more than 1 percent.
    ``unless(text, pos)``, asked only where a hedge word stands at ``pos``, says when the words
    around make it no hedge ("Over 10 years,").
    ``names_figure(text, pos)``, asked likewise, says when the word stays in the expression but names
    which value the figure is rather than bounding it (최고 27%를 넘나든다: the peak, about 27%): EXACT.
    """

    def __init__(self, words: dict[str, Qualifier], *, before: bool, particles: tuple[str, ...] = (),
                 adverbs: tuple[str, ...] = (), word_boundary: bool = False,
                 not_after: dict[str, tuple[str, ...]] | None = None,
                 unless: Callable[[str, int], bool] | None = None,
                 names_figure: Callable[[str, int], bool] | None = None) -> None:
        self._unless = unless
        self._names_figure = names_figure
        self._words = {self._key(word): qualifier for word, qualifier in words.items()}
        self._not_after = {self._key(word): frozenset(previous) for word, previous in (not_after or {}).items()}
        self._before = before
        self._first_characters = frozenset(word[0].lower() for word in (*words, *particles, *adverbs))
        spelled = sorted((word for word in words if word[-1].isalnum()), key=len, reverse=True)
        signs = [word for word in words if not word[-1].isalnum()]
        boundary = r"\b" if word_boundary else ""
        self._spelled, self._signs, self._boundary = spelled, signs, boundary
        self._by_character: dict[str, re.Pattern[str]] = {}
        if before:
            pattern = self._before_pattern(spelled, signs)
        else:
            alternation = "|".join(_GAP.join(re.escape(part) for part in word.split()) for word in spelled)
            particle = "|".join(re.escape(p) for p in particles) or "(?!)"
            adverb = rf"(?:{_GAP}(?:{'|'.join(map(re.escape, adverbs))}){_SPACE})?" if adverbs else ""
            pattern = rf"(?:{_GAP}(?:{particle}))?{adverb}{_GAP}(?P<word>{alternation}){boundary}"
            if signs:   # "50%+": glued to the number, and no digit after it (5+3 is a sum)
                pattern = rf"(?:{pattern}|(?P<sign>{'|'.join(map(re.escape, signs))})(?![\w.,]))"
        # Compiled on first use: every grammar builds its tables on import, and an article in
        # one language should not pay for compiling the other's.
        self._pattern = compile_lazily(pattern, re.IGNORECASE)

    def _before_pattern(self, spelled: list[str], signs: list[str]) -> str:
        """The pattern of hedges before the number, of the words ``spelled`` and ``signs`` (in that order)."""
        gap = f"{_SPACE}+" if self._boundary else _GAP
        alternation = "|".join(_GAP.join(re.escape(part) for part in word.split()) for word in spelled)
        if not alternation and self._spelled:   # narrowed to no word (``_at``): none matches there
            alternation = "(?!)"
        pattern = rf"(?P<word>{alternation}){self._boundary}{gap}"
        if self._signs:   # "~$86k": a sign needs no space after it (narrowed to none: no sign matches there)
            pattern = rf"(?:{pattern}|(?P<sign>{'|'.join(map(re.escape, signs)) or '(?!)'}){_GAP})"
        return pattern

    def _at(self, character: str) -> re.Pattern[str]:
        """The pattern as it can match where ``character`` (an ASCII letter) stands, before the number: the same
        match. A hedge before the number opens on its first letter, so only the words and signs opening with a
        character IGNORECASE reads as ``character`` can; kept in their order. Most hedges open on another
        letter than the word at a candidate ("a", "in", "EUR"), and the engine tries none of them."""
        found = self._by_character.get(character)
        if found is None:
            def opens(word: str) -> bool:
                return re.match(re.escape(word[0]), character, re.IGNORECASE) is not None
            source = self._before_pattern([w for w in self._spelled if opens(w)], [w for w in self._signs if opens(w)])
            found = self._by_character[character] = re.compile(source, re.IGNORECASE)
        return found

    @staticmethod
    def _key(word: str) -> str:
        return "".join(fold(word).split())

    def _may_start(self, text: str, pos: int) -> bool:
        """Whether a hedge word or particle may open at ``pos`` (after spaces, for words after
        the number): a quick refusal before the regex, at a digit or a comma say.

        Exact: an ASCII or caseless character (a digit, Hangul) matches a word's first letter
        under IGNORECASE only in its own lower or upper case; any other letter (ſ and K stand
        for s and k) is left to the regex.
        """
        char = text[pos:pos + 1]
        if not self._before and char.isspace():  # what ``text[pos:].lstrip()`` opens with, without copying the rest
            after = _WHITE.match(text, pos).end()  # type: ignore[union-attr]
            char = text[after:after + 1]
        folded = char.lower()
        return folded in self._first_characters or not (char.isascii() or folded == char.upper())

    def match(self, text: str, pos: int) -> Hedge | None:
        """The hedge starting at ``pos`` (after optional space and particle), if any."""
        if not self._may_start(text, pos):
            return None
        character = text[pos]
        narrowed = self._before and character.isascii() and character.isalpha()
        match = (self._at(character) if narrowed else self._pattern).match(text, pos)
        if not match:
            return None
        word = self._key(match.group("word") or match.group("sign"))
        if word in self._not_after and _word_before(text, pos) in self._not_after[word]:
            return None
        if self._unless is not None and self._unless(text, pos):
            return None
        if self._names_figure is not None and self._names_figure(text, pos):
            return Hedge(Qualifier.EXACT, match.end())
        return Hedge(self._words[word], match.end())


_WORD_BEFORE = compile_lazily(r"(\w+)\s+$")
#: White space as ``str.lstrip`` strips it: ``\s`` is ``str.isspace`` in a ``str`` pattern.
_WHITE = compile_lazily(r"\s*")


def _word_before(text: str, pos: int) -> str | None:
    """The word right before ``pos`` and the spaces after it, lower-cased."""
    found = _WORD_BEFORE.search(text, max(0, pos - 16), pos)
    return fold(found.group(1)) if found else None


def conjugated(verbs: dict[tuple[str, str], Qualifier],
               endings: dict[str, tuple[str, ...]]) -> dict[str, Qualifier]:
    """Every written form of the hedge ``verbs``: each head with each ending of its class.

    Verbs are data (a head and a class), so 웃돌았다, 웃도는 and 웃돌아 come from one
    table line, and a missing ending is fixed once for every verb of its class.

    >>> forms = conjugated({("웃", "돌다"): Qualifier.MORE_THAN}, {"돌다": ("돌았다", "도는")})
    >>> {form: q.value for form, q in forms.items()}
    {'웃돌았다': 'more_than', '웃도는': 'more_than'}
    """
    return {head + ending: qualifier for (head, verb_class), qualifier in verbs.items()
            for ending in endings[verb_class] if head + ending}


def combine(before: Qualifier | None, core: Qualifier, after: Qualifier | None) -> Qualifier:
    """One qualifier for the whole expression.

    A range or decade keeps its shape (약 2만5,000~3만 달러 is a range). Otherwise the
    more specific hedge wins over a plain "approximately": 거의 4분의 1 수준 is nearly.

    >>> combine(Qualifier.NEARLY, Qualifier.EXACT, Qualifier.APPROX).value
    'nearly'
    >>> combine(Qualifier.APPROX, Qualifier.RANGE, None).value
    'range'
    """
    if core in (Qualifier.RANGE, Qualifier.DECADE) or (before is None and after is None):
        return core  # without hedge words (most numbers) the core's own qualifier stands
    hedges = [q for q in (after, before, core) if q is not None and q is not Qualifier.EXACT]
    specific = [q for q in hedges if q is not Qualifier.APPROX]
    if specific:
        return specific[0]
    return hedges[0] if hedges else Qualifier.EXACT

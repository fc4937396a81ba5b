"""Words that end a text ("… 7.4% 감소했다", "… a deficit."), found by dict lookups.

The predicate tables ask one question of a claim's written value: does it end with
one of these words (after an optional particle such as 로 or 을, and before an optional
full stop)? As a regex that is one alternation of every conjugated form — hundreds of
Korean verb forms — which costs milliseconds to compile in every process and is tried
at every position of the text. Here the words are indexed by their last part, so a
lookup costs a few dict probes at the text's end.

The answer is exactly the regex's::

    {boundary}\\s*(?:(?P<particle>PARTICLES)\\s*)?(?P<word>WORDS)\\s*[.]?\\s*\\Z

searched case-insensitively, with the words and particles longest first and the parts
of a word joined by ``\\s*``: the leftmost start, and at that start the first particle,
then the first word, in that order, that reaches the end. ``tests/test_speed_shortcuts``
holds the two to each other.
"""
from __future__ import annotations

from typing import Iterable, NamedTuple

from ..folding import fold



class Ending(NamedTuple):
    """Where the match starts (its leading space included), the word as written and as
    the table holds it, and the particle as written."""

    start: int
    word: str
    entry: str
    particle: str | None


class EndingTable:
    """``words`` (written with single spaces between parts) that may end a text."""

    def __init__(self, words: Iterable[str], particles: Iterable[str] = (), boundary: bool = False) -> None:
        ordered = sorted((word for word in words if word), key=len, reverse=True)   # the regex's order
        for word in ordered:
            if any(not c.isascii() and c.lower() != c.upper() for c in word):
                raise ValueError(f"{word!r}: only ASCII and letters without case can be folded exactly")
        self._rank = {word: rank for rank, word in enumerate(ordered)}
        self._by_last: dict[str, list[tuple[str, ...]]] = {}
        for word in ordered:
            parts = tuple(fold(part) for part in word.split())
            self._by_last.setdefault(parts[-1], []).append(parts)
        self._last_lengths = sorted({len(last) for last in self._by_last}, reverse=True)
        self._parts_of = {tuple(fold(part) for part in word.split()): word for word in ordered}
        self._particles = [fold(p) for p in sorted(particles, key=len, reverse=True)]
        self._boundary = boundary

    def find(self, text: str) -> Ending | None:
        """The regex's match of ``text``, or None."""
        ends = _ends(text)
        decompositions = [(begin, particle, word_start, word) for word_start, word in self._words_ending(text, ends)
                          for begin, particle in self._openings(text, word_start)]
        for begin in sorted({begin for begin, *_ in decompositions}):
            start = self._start(text, begin)
            if start is None:
                continue
            here = [(particle, word_start, word) for b, particle, word_start, word in decompositions if b == begin]
            particle, word_start, word = min(here, key=lambda d: self._regex_order(d[0], d[2]))
            end = next(e for e in ends if _matches_at(text, word_start, e, word))
            return Ending(start, text[word_start:end], self._parts_of[word],
                          text[begin:begin + len(particle)] if particle else None)
        return None

    def _words_ending(self, text: str, ends: list[int]) -> list[tuple[int, tuple[str, ...]]]:
        """``(start, parts)`` of every word that ends at one of ``ends``."""
        found = []
        for end in ends:
            for length in self._last_lengths:
                if length > end:
                    continue
                for parts in self._by_last.get(fold(text[end - length:end]), ()):
                    start = _start_of(text, end, parts)
                    if start is not None:
                        found.append((start, parts))
        return found

    def _openings(self, text: str, word_start: int) -> list[tuple[int, str | None]]:
        """Where the match may open before a word at ``word_start``: at the word, or at a particle."""
        openings: list[tuple[int, str | None]] = [(word_start, None)]
        particle_end = _skip_space_back(text, word_start)
        for particle in self._particles:
            begin = particle_end - len(particle)
            if begin >= 0 and fold(text[begin:particle_end]) == particle:
                openings.append((begin, particle))
        return openings

    def _start(self, text: str, begin: int) -> int | None:
        """Where the regex starts for an opening at ``begin``: its leading space, behind ``\\b`` if asked."""
        first = _skip_space_back(text, begin)
        if not self._boundary:
            return first
        return next((s for s in range(first, begin + 1) if _word_char(text, s - 1) != _word_char(text, s)), None)

    def _regex_order(self, particle: str | None, parts: tuple[str, ...]) -> tuple[int, int]:
        """The order the regex tries paths in: each particle (longest first), then none; then the words."""
        particle_rank = self._particles.index(particle) if particle else len(self._particles)
        return particle_rank, self._rank[self._parts_of[parts]]


def _ends(text: str) -> list[int]:
    """Where a word may end for ``\\s*[.]?\\s*\\Z`` to reach the end of ``text``."""
    end = len(text.rstrip())
    ends = [end]
    if end and text[end - 1] == ".":
        ends.append(len(text[:end - 1].rstrip()))
    return ends


def _start_of(text: str, end: int, parts: tuple[str, ...]) -> int | None:
    """Where ``parts`` (folded, any space between them) start when they end at ``end``, if they do."""
    position = end
    for index, part in enumerate(reversed(parts)):
        if index:
            position = _skip_space_back(text, position)
        begin = position - len(part)
        if begin < 0 or fold(text[begin:position]) != part:
            return None
        position = begin
    return position


def _matches_at(text: str, start: int, end: int, parts: tuple[str, ...]) -> bool:
    return _start_of(text, end, parts) == start


def _skip_space_back(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _word_char(text: str, index: int) -> bool:
    """Whether ``\\w`` matches at ``index`` (nothing matches outside the text)."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")

"""Sentence spans in an article: where a quantity's quote starts and ends.

A quote must be a passage of the article, and a sentence is what a fact-checker
quotes. Boundaries are a line break, or ``.``/``!``/``?``/``。`` (with any closing
quotes after it) before a space — never the point inside ``20.32`` or ``U.S.`` before
a lower-case word.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Callable

from checker.lazy_regex import compile_lazily

#: A sentence's end mark. It opens on a character class, so the regex engine finds it
#: by a fast scan (the look-behind comes after the mark: before it, it was tried at every
#: character); line breaks, which end a paragraph, are found apart (``_BREAK``).
#: A run of marks is read once, from its first (a match starting inside the run and
#: giving back a mark never ends on a space: a run of 20,000 dots took 7 s).
_END = compile_lazily(
    r"""
    [.!?。] (?<! [.!?。][.!?。] ) [.!?。]*+ ['"’”」』)\]]*+          # 다. / 했다." / ?)
    (?= \s | $ )
    (?<! \b[A-Z]\. )                  # U.S. , J. Smith: an initial ends no sentence
    """,
    re.VERBOSE,
)
_BREAK = compile_lazily(r"\r(?=\n)|\n")
_SPACE = compile_lazily(r"\s*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, whitespace around it left out.

    >>> text = '메타는 44억 달러를 벌었다. 전년 대비 "절반" 수준이었다.\\nU.S. sales rose 2.5%.'
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['메타는 44억 달러를 벌었다.', '전년 대비 "절반" 수준이었다.', 'U.S. sales rose 2.5%.']
    """
    spans: list[tuple[int, int]] = []
    start = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    for end in _ends(text):
        if end > start:
            spans.append((start, end))
        start = max(start, _SPACE.match(text, end).end())  # type: ignore[union-attr]
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def _ends(text: str) -> list[int]:
    """Where sentences end, in order: after an end mark, and before each line break (before
    both characters of ``\\r\\n``, as a look-ahead ``(?=\\r?\\n)`` finds it)."""
    if "\n" not in text:   # one line, most texts: its end marks alone, in order already
        return [mark.end() for mark in _END.finditer(text)]
    return sorted([*(mark.end() for mark in _END.finditer(text)), *(line.start() for line in _BREAK.finditer(text))])


def sentence_of(spans: list[tuple[int, int]], starts: list[int], position: int) -> int:
    """The index of the sentence holding ``position`` (``starts`` = the spans' starts)."""
    return max(0, bisect_right(starts, position) - 1)


def paragraph_finder(text: str) -> Callable[[int], int]:
    """The paragraph number (line breaks before it) of any position of ``text``.

    The breaks are found once and each position is a bisection, so numbering the
    paragraphs of every phrase of a long article costs time per phrase, not per
    character times phrases.
    """
    if "\n" not in text:   # most texts are one paragraph: no search, no bisection
        return _first_paragraph
    breaks = [match.start() for match in re.finditer("\n", text)]
    return lambda position: bisect_left(breaks, position)


def _first_paragraph(position: int) -> int:
    """``paragraph_finder``'s answer in a text without a line break: every position is in paragraph 0."""
    return 0

"""Coverage: how many of an article's numbers some claim's quote covers.

An unchecked number should be visible, not silently skipped. Until the extractor
lands, the numbers are found by running the quantity grammar at every written digit
that is not part of a name (``H100``, ``GPT-4``).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from checker.claimfile.model import Article
from checker.evaluation.results import Coverage
from checker.quantities import match_quantity

_NUMBER_START = re.compile(r"(?<![\w.,\-])\d")


def article_numbers(text: str, language: str | None) -> list[tuple[int, int]]:
    """Spans of the numbers written in digits in ``text``, one per quantity."""
    spans: list[tuple[int, int]] = []
    position = 0
    for start in _NUMBER_START.finditer(text):
        if start.start() < position:
            continue
        quantity = match_quantity(text, start.start(), language)
        end = quantity.end if quantity is not None and quantity.end > start.start() else start.end()
        spans.append((start.start(), end))
        position = end
    return spans


def article_coverage(article: Article, quote_spans: list[tuple[int, int]]) -> Coverage:
    """How many of the article's numbers start inside some claim's quote."""
    numbers = article_numbers(article.text, article.language)
    quoted = _merged(quote_spans)
    starts = [start for start, _ in quoted]
    covered = 0
    for start, _ in numbers:
        index = bisect_right(starts, start) - 1
        covered += index >= 0 and start < quoted[index][1]
    return Coverage(len(numbers), covered)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, sorted, so one binary search answers "is this offset quoted?".

    >>> _merged([(5, 9), (0, 3), (2, 4), (8, 12)])
    [(0, 4), (5, 12)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged

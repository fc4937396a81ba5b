"""Coverage: how many of an article's numbers some claim's quote covers.

An unchecked number should be visible, not silently skipped. The numbers are the
quantities ``claimcheck extract`` finds (``checker.extraction.numbers``): names, ages,
page chrome and other negatives are not numbers to check, and dates are the periods of
other numbers, not claims of their own — so the coverage line and a fresh draft agree.
"""
from __future__ import annotations

from bisect import bisect_right

from checker.claimfile.model import Article
from checker.evaluation.results import Coverage
from checker.extraction import numbers
from checker.quantities import detect_language
from checker.quantities.model import Kind


def article_numbers(text: str, language: str | None) -> list[tuple[int, int]]:
    """Spans of the quantities in ``text`` a claim could state (dates left out)."""
    quantities, _ = numbers(text, language or detect_language(text))
    return [(q.start, q.end) for q in quantities if q.kind is not Kind.DATE]


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

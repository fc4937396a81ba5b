"""Coverage: how many of an article's numbers some claim's quote covers.

An unchecked number should be visible, not silently skipped. Until the extractor
lands, the numbers are found by running the quantity grammar at every written digit
that is not part of a name (``H100``, ``GPT-4``).
"""
from __future__ import annotations

import re

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
    numbers = article_numbers(article.text, article.language)
    covered = sum(1 for start, end in numbers if any(q_start <= start and end <= q_end for q_start, q_end in quote_spans))
    return Coverage(len(numbers), covered)

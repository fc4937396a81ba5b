"""How every report marks a verdict: a symbol and a word, never colour alone.

Shared by the formats people read (terminal, Markdown, HTML) so a verdict looks the
same wherever an editor meets it.
"""
from __future__ import annotations

from checker.evaluation.intervals import format_decimal
from checker.evaluation.results import Result

SYMBOL = {
    "supported": "✔",
    "imprecise": "≈",
    "refuted": "✘",
    "unverifiable": "?",
    "error": "!",
}


def label(result: Result) -> str:
    """The verdict as a reader sees it: symbol, word, and what qualifies it."""
    text = f"{SYMBOL[result.verdict]} {result.verdict}"
    if result.by_rounding:
        text += " (by rounding)"
    if result.expected is not None and result.expected != result.verdict:
        text += f" (expected {result.expected})"
    return text


def comparison(result: Result) -> str:
    """``claimed → actual`` in one line, e.g. ``44억 달러 → 4,395,000,000 USD``."""
    claimed = (result.claimed or {}).get("text", "")
    actual = result.actual
    if actual is None:
        return claimed
    unit = f" {actual['unit']}" if actual.get("unit") else ""
    return f"{claimed} → {format_decimal(actual['value'])}{unit}"

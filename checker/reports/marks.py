"""How every report marks a verdict: a symbol and a word, never colour alone.

Shared by the formats people read (terminal, Markdown, HTML) so a verdict looks the
same wherever an editor meets it.
"""
from __future__ import annotations

from decimal import Decimal

from checker.evaluation.results import Result
from checker.messages import say, unit_name, verdict_name
from checker.reports.amounts import amount

SYMBOL = {
    "supported": "✔",
    "imprecise": "≈",
    "refuted": "✘",
    "unverifiable": "?",
    "error": "!",
}

#: Marks the line that says a failing verdict rests on figures published after the article (or undated).
LATE = "⚠"


def label(result: Result) -> str:
    """The verdict as a reader sees it: symbol, word, and what qualifies it, in the result's language."""
    language = result.language
    text = f"{SYMBOL[result.verdict]} {verdict_name(result.verdict, language)}"
    if result.by_rounding:
        text += say(language, "by_rounding")
    if result.expected is not None and result.expected != result.verdict:
        text += say(language, "expected", verdict=verdict_name(result.expected, language))
    return text


def comparison(result: Result) -> str:
    """``claimed → actual`` in one line, the actual at the claim's scale (``44억 달러 → 43.95억 달러``), its unit
    as the result's language writes it (``10개월 → 9.62424 개월``)."""
    claimed = result.claimed or {}
    actual = result.actual
    if actual is None:
        return claimed.get("text", "")
    value = actual["value"] if isinstance(actual["value"], Decimal) else Decimal(str(actual["value"]))
    language = result.language
    shown = amount(value, unit_name(actual.get("unit"), language), claimed.get("text", ""),
                   unit_name(claimed.get("unit"), language))
    return f"{claimed.get('text', '')} → {shown}"

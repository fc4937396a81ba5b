"""Amounts as a person reads them: at the scale the claim itself uses.

A claim written ``44억 달러`` is read against ``43.95억 달러``, not ``4,395,000,000 USD``;
``$5.66 trillion`` against ``5.662 trillion USD``; ``466 thousand jobs`` against ``466
thousand jobs``. The scale is the one written after the claim's last digits (a Korean
big unit — 만, 억, 조, 경 — or an English scale word or abbreviation); a claim with none
shows the figure in full, as before. For display only: verdicts, explanations and the
JSON report keep every digit.
"""
from __future__ import annotations

import re
from decimal import Decimal

from checker.evaluation.intervals import format_decimal
from checker.lazy_regex import compile_lazily
from checker.quantities.tables import (
    EN_CASED_SCALE_ABBREVIATIONS,
    EN_SCALE_ABBREVIATIONS,
    EN_SCALE_WORDS,
    KO_BIG_SCALES,
)

DIGITS = 4
"""Significant digits of a scaled figure: enough to see it differs from the claim's."""
_AFTER_LAST_DIGIT = compile_lazily(r"\d(?P<rest>[^\d]*)$")
_ENGLISH_SCALE = compile_lazily(r"^\s*(?P<word>[A-Za-z]+)\b\.?\s*(?P<unit>.*)$")
_WORDS = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}


def amount(value: Decimal, unit: str | None, claimed_text: str, claimed_unit: str | None) -> str:
    """``value`` with ``unit``, at the scale of ``claimed_text`` when it has one.

    >>> amount(Decimal("4395000000"), "USD", "44억 달러", "USD")
    '43.95억 달러'
    >>> amount(Decimal("3672000000"), "USD", "40억 달러 가까이", "USD")  # the unit word, not the hedge after it
    '36.72억 달러'
    >>> amount(Decimal("5662216000000"), "USD", "$5.66 trillion", "USD")
    '5.662 trillion USD'
    >>> amount(Decimal("466000"), "jobs", "466 thousand jobs", "jobs")
    '466 thousand jobs'
    >>> amount(Decimal("4395000000"), "USD", "44 dollars", "USD")
    '4,395,000,000 USD'
    """
    scale = _scale(claimed_text)
    if scale is None or not value.is_finite():
        return f"{format_decimal(value)}{f' {unit}' if unit else ''}"
    factor, word, words_after = scale
    shown = format_decimal((value / factor).normalize(), DIGITS)
    if word in KO_BIG_SCALES:
        own = words_after if unit == claimed_unit and words_after else f" {unit or ''}".rstrip()
        return f"{shown}{word}{own}"
    return f"{shown} {word}{f' {unit}' if unit else ''}"


def korean(value: Decimal, digits: int = 6) -> str:
    """``value`` at the Korean scale a reader would write it (만, 억, 조, 경), with the digits English shows.

    >>> korean(Decimal("1068300000000000")), korean(Decimal("320000")), korean(Decimal("-4395123456"))
    ('1068.3조', '32만', '-43.95123456억')
    >>> korean(Decimal("1330.26")), korean(Decimal("9.5E+40")), korean(Decimal("13302616666666.67"))
    ('1330.26', '9.5e+40', '13.3026조')
    """
    magnitude = abs(value) if value.is_finite() else None
    if magnitude is None or not _KOREAN_SCALES[-1][0] <= magnitude < _KOREAN_TOP:
        return format_decimal(value, digits)
    for factor, word in _KOREAN_SCALES:  # a verdict shows four or five figures: no generator made for each
        if magnitude >= factor:
            break
    # The digits the English sentence shows: a whole number in this range all of them (the quotient is
    # normalized, so how its digits were written does not show), others rounded as format_decimal rounds.
    as_in_english = value if value == value.to_integral_value() else Decimal(format_decimal(value, digits).replace(",", ""))
    return f"{format_decimal((as_in_english / factor).normalize(), _KOREAN_DIGITS)}{word}"


_KOREAN_SCALES = sorted(((Decimal(factor), word) for word, factor in KO_BIG_SCALES.items()), reverse=True)
#: From here on a figure is too large for the largest scale word (10,000경).
_KOREAN_TOP = _KOREAN_SCALES[0][0] * 10**4
#: Significant digits kept when a figure is scaled to 만/억/조: all those of the unscaled figure.
_KOREAN_DIGITS = 34


def _scale(text: str) -> tuple[Decimal, str, str] | None:
    """The scale written after the claim's last digits: (its factor, its word, the words after it)."""
    found = _AFTER_LAST_DIGIT.search(text)
    if found is None:
        return None
    rest = found["rest"]
    korean = rest.lstrip()[:1]
    if korean in KO_BIG_SCALES:  # the unit word after it, not a hedge after that (40억 달러 가까이)
        unit_word = re.match(r"\s*\S*", rest.lstrip()[1:])
        return Decimal(KO_BIG_SCALES[korean]), korean, unit_word.group() if unit_word else ""
    english = _ENGLISH_SCALE.match(rest)
    if english is None:
        return None
    word = english["word"]
    factor = (EN_SCALE_WORDS.get(word.lower()) or EN_CASED_SCALE_ABBREVIATIONS.get(word)
              or EN_SCALE_ABBREVIATIONS.get(word.lower()))
    if factor is None or factor < 1000:
        return None
    return Decimal(factor), _WORDS.get(factor, word.lower()), english["unit"]

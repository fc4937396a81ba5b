"""The key a case-insensitive match is looked up by in a table of words.

A regex compiled with IGNORECASE matches "ſeptember" to "september", "mıllıon" to
"million" and "5 \u212aG" to "5 kg": Unicode folds ſ to s, ı and İ to i, the Kelvin sign to
k. ``str.lower`` maps none of the first three to an ASCII letter, so a table lookup by the
lower-cased match raised ``KeyError`` on such text (a Turkish ı in an English article).
Every lookup of a matched word goes through ``fold``.
"""
from __future__ import annotations

#: Characters a case-insensitive regex matches to an ASCII letter that ``str.lower``
#: does not map to it.
_FOLDS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


def fold(text: str) -> str:
    """``text`` as case-insensitive matching compares it, for tables of ASCII and uncased letters."""
    return text.lower() if text.isascii() else text.translate(_FOLDS).lower()   # no folds in ASCII

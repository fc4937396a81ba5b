"""An amount priced per something the per-unit tables do not name: a rate the draft cannot write.

"$48,700 for every American", "$2,300 per visit": the amount is a rate, but its denominator is no
entry of ``predicates.EN_PER_UNIT``, so the value reader would read the amount as a total. The draft
keeps the amount as written and says so on the claim, for the person who links it.
"""
from __future__ import annotations

import re

from checker.lazy_regex import compile_lazily
from checker.quantities.model import Kind, Quantity
from checker.quantities.predicates import Predicate

#: After an amount: "per" or "for every"/"for each" and the word priced ("for every U.S. household").
_PER_WORD = compile_lazily(r"\s+(?:per|for\s+(?:every|each))\s+(?:(?:U\.S\.|an?|one)\s+)?(?P<what>[A-Za-z][A-Za-z-]*)",
                           re.IGNORECASE)


def unread_rate(text: str, quantity: Quantity, predicate: Predicate | None) -> str | None:
    """A note when money at ``quantity`` is priced per something its words (``predicate``) did not read."""
    if quantity.kind is not Kind.MONEY or (predicate is not None and predicate.per is not None):
        return None
    match = _PER_WORD.match(text, quantity.end)
    if match is None:
        return None
    return (f"priced per {match['what']} ('{match.group().strip()}'): a rate, not a total; "
            "write it per unit before linking it")

"""How often something happened, written as a multiple: "I have cut taxes 63 times".

The English grammar reads "N times" as a multiple (``x``): "seven times higher", "20 times
earnings" and "sales grew five times in a decade" multiply something. Where the words after it
close the count ("raised rates seven times last year", "voted against the bill five times.") and no
verb of growth comes before, the text counts events instead, a claim a source can confirm ("63
tax cuts"), as the Korean grammar reads 3번: a count in ``times``, not a multiple of anything.
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.lazy_regex import compile_lazily
from checker.quantities.model import Kind, Qualifier, Quantity

#: Words after "N times" that close a count of events ("raised rates seven times last year"); a
#: multiple goes on with what it multiplies ("seven times higher", "20 times earnings", "224 times that").
_EVENT_AFTER = compile_lazily(
    r"[ ]*(?:[.,;:!?)]|$|\n)|[ ]+(?:since|in|last|this|during|between|before|after|already|so|and|or|but|per|each"
    r"|every|a|an|on|when|while|until|from|to|with|without|over the|at)\b", re.IGNORECASE)
#: Verbs of growth before "N times": "sales grew five times in a decade" is a multiple.
_GROWTH_BEFORE = compile_lazily(
    r"\b(?:rose|risen|grew|grown|increased|jumped|multiplied|expanded|surged|soared|climbed|fell|dropped|declined"
    r"|shrank|by)\s+(?:\w+\s+)?$", re.IGNORECASE)


def recount(text: str, quantity: Quantity) -> Quantity:
    """``quantity`` as a count of events in ``times`` where "N times" counts them; else as it is."""
    if quantity.kind is not Kind.MULTIPLE or quantity.qualifier is not Qualifier.EXACT:   # the caller's filter too
        return quantity
    if not quantity.text.lower().endswith(" times") or not _EVENT_AFTER.match(text, quantity.end):
        return quantity
    if _GROWTH_BEFORE.search(text, max(0, quantity.start - 32), quantity.start):
        return quantity
    return replace(quantity, kind=Kind.COUNT, unit="times")

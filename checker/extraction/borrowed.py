"""A number whose unit is written on another figure of its clause, and how a draft writes it.

English writes a unit once for two figures: "rose 10 and 20 percent" (the grammar reads the 10 as
10 percent, ``english._shared_unit``), and "added 263,000 jobs in September, down from 315,000 in
August" compares two counts of jobs. Drafted as the bare number the article writes ("315,000"),
the claim would be checked as a plain number against data in its own unit; a reader reads 315,000
jobs, and so does the draft.

A figure compared with a count takes its noun only when "down from", "up from", "compared with" or
"versus" stands right before it (or "to", the count opening with "from": "from 500 ships in 1991 to 275"), the figure before it in its clause is a count, and nothing but
dates stands between them: two figures of one kind. A percent or an amount is not taken so: "up
from 3" after "3.5%" may be points or a percent, and a scale may differ ("$2 billion, up from 900").
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.lazy_regex import compile_lazily
from checker.quantities import parse_quantity
from checker.quantities.model import Kind, Quantity
from checker.quantities.predicates import EN_BALANCES, EN_PER_UNIT, Predicate, read_value

#: Words right before a figure compared with the one before it.
_COMPARED = compile_lazily(r"\b(?:(?:down|up)\s+from|compared\s+(?:with|to)|versus|vs\.?)\s+\Z", re.IGNORECASE)
#: "from 500 ships in 1991 to 275 in 2016": the end of a change whose start names the count.
_TO = compile_lazily(r"\bto\s+\Z", re.IGNORECASE)
_FROM = compile_lazily(r"\bfrom\s+\Z", re.IGNORECASE)
#: How far back the comparing words and the count compared may stand.
_REACH = 24
_CLAUSE_REACH = 120
#: What ends a clause between two figures: a sentence's end, a semicolon, a line break.
_CLAUSE_END = compile_lazily(r"[.!?;](?=\s)|\n")
_YEAR = compile_lazily(r"(?:19|20)\d\d")


def compared_counts(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each bare figure compared with a count before it given the count's noun (asked
    only of a text that ``negatives.may_compare``)."""
    result = list(quantities)
    for index, quantity in enumerate(quantities):
        if quantity.kind is not Kind.NUMBER or quantity.unit is not None or _YEAR.fullmatch(quantity.text):
            continue
        compared = _COMPARED.search(text, max(0, quantity.start - _REACH), quantity.start) is not None
        if not compared and not _TO.search(text, max(0, quantity.start - _REACH), quantity.start):
            continue
        count = _count_before(text, quantities, index)
        if count is not None and (compared or _FROM.search(text, max(0, count.start - _REACH), count.start)):
            result[index] = replace(quantity, kind=Kind.COUNT, unit=count.unit)
    return result


def _count_before(text: str, quantities: list[Quantity], index: int) -> Quantity | None:
    """The count of the clause before quantity ``index``, when only dates stand between them."""
    here = quantities[index]
    for before in reversed(quantities[:index]):
        if here.start - before.end > _CLAUSE_REACH or _CLAUSE_END.search(text, before.end, here.start):
            return None
        if before.kind is Kind.DATE:
            continue
        return before if before.kind is Kind.COUNT and before.unit is not None else None
    return None


def borrowed(quantity: Quantity, language: str) -> bool:
    """Whether ``quantity`` has a unit its own words do not write: its text alone reads as a bare number."""
    if language != "en" or quantity.unit is None or not (quantity.text[-1:].isdigit() or quantity.text.isalpha()):
        return False   # most figures end in their unit's word or sign ("20 percent", "5%"): no reading needed
    alone = parse_quantity(quantity.text, language)
    return alone is not None and alone.kind is Kind.NUMBER and alone.unit is None


#: How a unit is written after a number in a drafted value when no figure of the sentence writes it.
_SPELLED = {"%": "%", "pp": " percentage points"}
#: The words after a figure's last digit: its unit as the article writes it (" percent", " workers").
_AFTER_DIGITS = compile_lazily(r"\d(?P<unit>[ -]?[^\W\d_][^\d]*)\Z")


def spelled(value: str, quantity: Quantity, language: str, mates: list[Quantity]) -> str | None:
    """The drafted ``value`` with the unit ``quantity`` borrows written after it, as a figure of its
    sentence (``mates``) writes that unit ("rose 10" → "rose 10 percent", "950" → "950 workers") or else
    by its name ("315,000 jobs"), when the value reader reads it back so; ``value`` itself when nothing
    is borrowed; None when no spelling reads back (the draft then says which unit the value lacks)."""
    if not borrowed(quantity, language):
        return value
    unit = quantity.unit or ""
    written = [match["unit"] for mate in mates if (mate.kind, mate.unit) == (quantity.kind, quantity.unit)
               for match in [_AFTER_DIGITS.search(mate.text)] if match]
    for suffix in [*written, _SPELLED.get(unit, f" {unit}")]:
        read = read_value(value + suffix, language)
        if read is not None and (read.quantity.kind, read.quantity.unit) == (quantity.kind, quantity.unit):
            return value + suffix
    return None


#: Between two amounts of one change ("from $0.03 to $0.05 a share"), and between an amount priced per unit and
#: the one it is compared with ("$1.20 a share, up from $1.05"; the per-unit words stand between).
_TO_GAP = compile_lazily(r"\s+to\s+", re.IGNORECASE)
_FROM_GAP = compile_lazily(r"(?:\s+(?:per|an?)\s+[a-z]+)?[\s,]+(?:(?:up|down)\s+)?(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+",
                           re.IGNORECASE)
_PER_WORDS = {"".join(word.split()): word for word in EN_PER_UNIT}


def shared_per(text: str, quantities: list[Quantity], predicates: list[Predicate | None], index: int) -> str | None:
    """The per-unit words ("a share") the amount ``index`` takes from the other end of its change or comparison:
    "raised the dividend from $0.03 to $0.05 a share" prices the $0.03 a share too, as does "$1.20 a share,
    up from $1.05" the $1.05. Drafted as a total, the amount would be checked against a series of totals.
    ``predicates`` hold each amount's own words (None: none).
    """
    here, own = quantities[index], predicates[index]
    if here.kind is not Kind.MONEY or (own is not None and own.per is not None):
        return None
    for other, gap in ((index + 1, _TO_GAP), (index - 1, _FROM_GAP)):
        if not 0 <= other < len(quantities):
            continue
        mate, words = quantities[other], predicates[other]
        if mate.kind is not Kind.MONEY or mate.unit != here.unit or words is None or words.per is None:
            continue
        low, high = (here.end, mate.start) if other > index else (mate.end, here.start)
        if low <= high and gap.fullmatch(text, low, high):
            return next((_PER_WORDS[key] for key in map(_key, words.words) if key in _PER_WORDS), None)
    return None


def _key(word: str) -> str:
    return "".join(word.lower().split())


#: From an amount stated as a balance to the amount it is compared with, in one clause: "a $257 billion
#: deficit in October, the first month of the 2025 budget year, up from $67 billion".
_BALANCE_TO_BASE = compile_lazily(r"[^.;!?\n]{0,80}?\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?)\s+",
                                  re.IGNORECASE)


def shared_balance(text: str, quantities: list[Quantity], predicates: list[Predicate | None], index: int) -> str | None:
    """The balance word ("deficit", "surplus") the amount ``index`` takes from the balance it is compared with.

    "a $257 billion deficit …, up from $67 billion" compares two deficits; drafted as "$67 billion", the
    value states a size with no side, which a surplus-or-deficit series (negative for a deficit) cannot
    judge. Dates may stand between the two; ``predicates`` hold each amount's own words (None: none).
    """
    here, own = quantities[index], predicates[index]
    if here.kind is not Kind.MONEY or (own is not None and own.sign != 0) or here.value is None or here.value < 0:
        return None
    mate = next((other for other in reversed(range(index)) if quantities[other].kind is not Kind.DATE), None)
    if mate is None:
        return None
    amount, words = quantities[mate], predicates[mate]
    if amount.kind is not Kind.MONEY or amount.unit != here.unit or words is None or words.sign == 0:
        return None
    balance = next((word for word in words.words if word.lower() in EN_BALANCES), None)
    return balance if balance and _BALANCE_TO_BASE.fullmatch(text, amount.end, here.start) else None

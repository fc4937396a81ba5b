"""Sentences that state what a figure would be, not what it was.

"The unemployment rate would have been 10.9 percent if the participation rate had remained
at 65.5 percent", "gas prices would be at least 15% higher", "물가가 안정됐다면": the
numbers of such a sentence are a counterfactual or a what-if, never a reading of the
reference for the period the sentence names. A draft links none of them, and a sentence
after one ("That's about 11 percent") carries neither its period nor its metric: a link
would check the figure against a value nobody said it had. The mood is read in the number's
clause (:func:`hypothetical_at`): "a small group would have lived below the poverty line -- that a
full-time worker today could not raise a family on the minimum wage of $7.25 an hour -- holds up"
states $7.25 as a fact, whatever the clause before says.
"""
from __future__ import annotations

import re

from checker.lazy_regex import compile_lazily

#: "would have been", "would be", "could have", "wouldn't be", "would've": a conditional mood.
_EN = compile_lazily(r"\b(?:would|could|might)(?:\s+not|n['’]t)?\s+(?:have|be)\b|\b(?:would|could|might)['’]ve\b",
                     re.IGNORECASE)
#: "~였다면", "~했더라면": a condition contrary to fact (not "늘었다면서", "saying it rose").
_KO = compile_lazily(r"(?:었|았|였|했)(?:더라면|다면)(?!서)")
#: Where one clause of a sentence ends and another begins: a dash, a semicolon, ", but", ", while".
_CLAUSE_BREAK = compile_lazily(r"\s(?:--|—|–)\s|;\s|,\s+(?:but|while|whereas)\s")


def hypothetical(sentence: str) -> bool:
    """Whether ``sentence`` states a figure in the conditional mood (either language).

    >>> hypothetical("실업률이 3.5%였다면 고용이 늘었을 것이다"), hypothetical("고용이 5만 명 늘었다면서")
    (True, False)
    """
    return _EN.search(sentence) is not None or _KO.search(sentence) is not None


def hypothetical_at(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Whether the clause of ``sentence`` holding ``text[start:end]`` is in the conditional mood.

    A sentence joins clauses of different moods ("it would have been 10.9 percent, but it was
    8.2 percent"), and a corpus that lost a full stop joins two sentences: the figure's own clause,
    between the dashes, semicolons or ", but" around it, says whether it is a what-if.

    >>> text = "It would have been 10.9 percent, but it was 8.2 percent."
    >>> hypothetical_at(text, (0, len(text)), 19, 31), hypothetical_at(text, (0, len(text)), 44, 55)
    (True, False)
    """
    clause_start, clause_end = clause(text, sentence, start, end)
    return hypothetical(text[clause_start:clause_end])


def clause(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Where the clause of ``sentence`` holding ``text[start:end]`` begins and ends: between the
    dashes, semicolons, ", but" or ", while" around it. A sentence joining two clauses may date them
    apart ("the debt under Bush went up $4.357 trillion over eight years, while it has gone up
    under Obama by $3.801 trillion"), as it may state them in two moods.

    >>> text = "It rose under Bush, while it fell under Obama."
    >>> text[slice(*clause(text, (0, len(text)), 38, 43))]
    'it fell under Obama.'
    """
    first, last = sentence
    breaks = list(_CLAUSE_BREAK.finditer(text, first, last))
    return (max((found.end() for found in breaks if found.end() <= start), default=first),
            min((found.start() for found in breaks if found.start() >= end), default=last))

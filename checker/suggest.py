"""Did-you-mean hints for names users type: keys, metrics, relations, events."""
from __future__ import annotations

from typing import Iterable


def did_you_mean(name: str, choices: Iterable[object], cutoff: float = 60) -> str:
    """`` (did you mean 'quote'?)`` when a choice is close to ``name``, else ``""``.

    >>> did_you_mean("qoute", ["quote", "value"])
    " (did you mean 'quote'?)"
    >>> did_you_mean("zzz", ["quote"])
    ''
    """
    from rapidfuzz import fuzz, process  # imported on the first typo, not by every run (47 modules)

    names = [str(choice) for choice in choices]
    best = process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=cutoff) if names else None
    return f" (did you mean '{best[0]}'?)" if best else ""

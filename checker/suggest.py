"""Did-you-mean hints for names users type: keys, metrics, relations, events.

A metric hint is the riskiest: a key one character off is often another series
(``ecos.404Y014.0AA`` 상품 beside ``*AA`` 총지수), and a claim moved onto it can come out
merely imprecise. So a series hint shows each proposed series' own name, and when
several keys are equally close it proposes all of them rather than picking one.
"""
from __future__ import annotations

from typing import Iterable, Mapping


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


#: Series hints shown at most, the closest first.
MAX_SERIES_HINTS = 3


def did_you_mean_series(metric: str, names: Mapping[str, str], cutoff: float = 60) -> str:
    """`` (did you mean 'KEY' (its name)?)``, or every equally close key with its name, else ``""``.

    >>> did_you_mean_series("ecos.404Y014.AA", {"ecos.404Y014.*AA": "총지수", "ecos.404Y014.0AA": "상품"})
    " (did you mean one of 'ecos.404Y014.*AA' (총지수), 'ecos.404Y014.0AA' (상품); their names differ?)"
    """
    from rapidfuzz import fuzz, process  # as above: only a run with a typo pays for it

    found = process.extract(metric, list(names), scorer=fuzz.ratio, score_cutoff=cutoff, limit=MAX_SERIES_HINTS)
    best = [key for key, score, _ in found if score == found[0][1]] if found else []
    shown = [f"'{key}' ({names[key]})" if names[key] else f"'{key}'" for key in best]
    if len(shown) == 1:
        return f" (did you mean {shown[0]}?)"
    differ = "; their names differ" if len({names[key] for key in best}) > 1 else ""
    return f" (did you mean one of {', '.join(shown)}{differ}?)" if shown else ""

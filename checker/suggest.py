"""Did-you-mean hints for names users type: keys, metrics, relations, events.

A metric hint is the riskiest: a key one character off is often another series
(``ecos.404Y014.0AA`` 상품 beside ``*AA`` 총지수), and a claim moved onto it can come out
merely imprecise. So a series hint shows each proposed series' own name, and when
several keys are equally close it proposes all of them rather than picking one.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from checker.messages import ENGLISH, say


def did_you_mean(name: str, choices: Iterable[object], cutoff: float = 60) -> str:
    """`` (did you mean 'quote'?)`` when a choice is close to ``name``, else ``""``.

    >>> did_you_mean("qoute", ["quote", "value"])
    " (did you mean 'quote'?)"
    >>> did_you_mean("zzz", ["quote"])
    ''
    """
    return series_hint(closest_name(name, choices, cutoff))


def closest_name(name: str, choices: Iterable[object], cutoff: float = 60) -> tuple[tuple[str, str], ...]:
    """The one choice closest to ``name`` (a key, an event), nameless, in the shape :func:`series_hint` takes."""
    from rapidfuzz import fuzz, process  # imported on the first typo, not by every run (47 modules)

    names = [str(choice) for choice in choices]
    best = process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=cutoff) if names else None
    return ((best[0], ""),) if best else ()


#: Series hints shown at most, the closest first.
MAX_SERIES_HINTS = 3


def closest_series(metric: str, names: Mapping[str, str], cutoff: float = 60) -> tuple[tuple[str, str], ...]:
    """Every key equally closest to ``metric``, each with its series' name (``""`` without one).

    All of them, not the first few: ``ecos.403Y004.AA`` is as close to 총지수 ``*AA`` as to three
    items, and a hint cut at three would hide one. Kept apart from the words so a report can say
    the hint in its own language.

    >>> closest_series("ecos.404Y014.AA", {"ecos.404Y014.*AA": "총지수", "ecos.404Y014.0AA": "상품"})
    (('ecos.404Y014.*AA', '총지수'), ('ecos.404Y014.0AA', '상품'))
    """
    from rapidfuzz import fuzz, process  # as above: only a run with a typo pays for it

    found = process.extract(metric, list(names), scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
    return tuple((key, names[key]) for key, score, _ in found if score == found[0][1])


def series_hint(closest: tuple[tuple[str, str], ...], language: str = ENGLISH) -> str:
    """`` (did you mean 'KEY' (its name)?)``, or the first :data:`MAX_SERIES_HINTS` keys of ``closest``
    with their names and how many more there are, else ``""``.

    >>> series_hint((("ecos.404Y014.*AA", "총지수"), ("ecos.404Y014.0AA", "상품")))
    " (did you mean one of 'ecos.404Y014.*AA' (총지수), 'ecos.404Y014.0AA' (상품); their names differ?)"
    >>> series_hint((("ecos.404Y014.*AA", "총지수"),), "ko")
    " ('ecos.404Y014.*AA' (총지수)을(를) 뜻했나?)"
    """
    shown = [f"'{key}' ({name})" if name else f"'{key}'" for key, name in closest[:MAX_SERIES_HINTS]]
    if len(closest) == 1:
        return say(language, "hint.one", series=shown[0])
    more = say(language, "hint.more", count=len(closest) - len(shown)) if len(closest) > len(shown) else ""
    differ = say(language, "hint.names_differ") if len({name for _, name in closest}) > 1 else ""
    return say(language, "hint.several", keys=", ".join(shown) + more, differ=differ) if shown else ""


def did_you_mean_series(metric: str, names: Mapping[str, str], cutoff: float = 60) -> str:
    """:func:`series_hint` in English for the keys closest to ``metric``: a diagnostic on stderr.

    >>> did_you_mean_series("ecos.404Y014.AA", {"ecos.404Y014.*AA": "총지수", "ecos.404Y014.0AA": "상품"})
    " (did you mean one of 'ecos.404Y014.*AA' (총지수), 'ecos.404Y014.0AA' (상품); their names differ?)"
    """
    return series_hint(closest_series(metric, names, cutoff))

"""Suggesting a reference metric for a number from the words before it.

Reference files list the names articles use for each metric (``aliases:``, Korean and
English). The alias that best matches the clause before a number — fuzzily, so
순이익을 and 순이익은 both find 순이익, and "net profits" finds "net profit" — and
sits nearest to it is the suggestion, among metrics whose unit fits the number
(USD money never suggests a % metric). A suggestion is a hint for the person who
links claims: the draft writes it as a comment, never as a link.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.quantities.model import Kind, Quantity

if TYPE_CHECKING:
    from checker.reference.store import ReferenceData  # the readers load only when a draft is linked

#: How far before a number its metric's name may stand, in characters.
WINDOW = 40
#: How far after it ("44억 달러의 순이익"); a whole sentence's reach for a change or multiple.
AFTER = 16
#: Lowest rapidfuzz partial-ratio score for an alias to count as written there.
MIN_SCORE = 88.0


@dataclass(frozen=True)
class Alias:
    metric: str
    name: str
    unit: str | None


def aliases_of(reference: ReferenceData) -> list[Alias]:
    """Every alias of every metric, with the metric's unit (None when it has no rows)."""
    found = []
    for metric, names in sorted(reference.aliases().items()):
        rows = reference.observations(metric)
        unit = rows[0].unit if rows else None
        found.extend(Alias(metric, name, unit) for name in names)
    return found


def _fits(alias: Alias, quantity: Quantity, relative: bool) -> bool:
    """Whether a metric in ``alias.unit`` can be what ``quantity`` measures."""
    if quantity.kind in (Kind.DATE, Kind.DURATION):
        return False
    if alias.unit is None or quantity.kind in (Kind.MULTIPLE, Kind.RATIO):
        return True
    if quantity.kind is Kind.MONEY:
        return alias.unit == quantity.unit
    if quantity.kind in (Kind.PERCENT, Kind.PERCENTAGE_POINT):
        return alias.unit in ("%", "pp") or relative
    return not (alias.unit in ("%", "pp") or alias.unit.isupper())


def suggest(text: str, quantity: Quantity, sentence: tuple[int, int], aliases: list[Alias],
            relative: bool = False) -> str | None:
    """The metric whose alias best names ``quantity`` in the clause before it, or None.

    The name may also follow the number ("44억 달러의 순이익"); one before it wins.
    ``relative``: the number states a change or multiple of the metric (30% 넘게 오른
    주가), so any unit fits and the name may stand anywhere later in the sentence.

    >>> names = [Alias("meta.net_income", "순이익", "USD"), Alias("meta.revenue", "매출", "USD")]
    >>> from dataclasses import replace
    >>> from checker.quantities import parse_quantity
    >>> text = "지난해 4분기 실적(매출 401억 달러, 순이익 140억 달러)"
    >>> q = parse_quantity("140억 달러"); q = replace(q, start=26, end=33)
    >>> suggest(text, q, (0, len(text)), names)
    'meta.net_income'
    """
    nearest = nearest_metrics(text, quantity, sentence, aliases, relative)
    return nearest[0] if nearest else None


def nearest_metrics(text: str, quantity: Quantity, sentence: tuple[int, int], aliases: list[Alias],
                    relative: bool = False) -> list[str]:
    """The metrics whose names stand nearest the number, best match first.

    More than one when names of different metrics end at the same place (one name
    inside another): the words then do not decide between them.
    """
    from rapidfuzz import fuzz  # only a draft with reference aliases pays for loading it
    windows = [text[max(sentence[0], quantity.start - WINDOW):quantity.start]]
    reach = WINDOW if relative else AFTER
    windows.append(text[quantity.end:min(sentence[1], quantity.end + reach)][::-1])
    for window in windows:
        found: list[tuple[int, float, str]] = []
        for alias in aliases:
            if not window.strip() or not _fits(alias, quantity, relative):
                continue
            name = alias.name if window is windows[0] else alias.name[::-1]
            match = fuzz.partial_ratio_alignment(name, window, score_cutoff=MIN_SCORE)
            if match is not None:
                found.append((match.dest_end, match.score, alias.metric))
        if found:
            end = max(position for position, _, _ in found)
            ranked = sorted((item for item in found if item[0] == end), key=lambda item: -item[1])
            return list(dict.fromkeys(metric for _, _, metric in ranked))
    return []

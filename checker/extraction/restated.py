"""A figure the text states again, linked as where it is stated with its metric named.

A fact-check quotes the claim, then restates its figure where it checks it ("we hit a 3.2
(percent)" ... "GDP growth of 2.0 percent, not 3.2 percent"); a news story repeats its lead's
figure further down. The quote's words often name no metric the data would know ("those GDP
numbers"), while the restatement's do. A number no words link takes the link of the figures
that restate it, digit for digit, when every such figure the text links links alike and none
suggests another metric. Only a number written with decimals counts (3.2, $1.60): whole
numbers recur by chance ("20 months" beside "20 percent"); and only in the restated unit, or
as a bare number restating a percent ("3.2 (percent)" is the 3.2 percent it restates).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping

from checker.extraction.model import ChangeLink, Extraction, Found, Link, Rivals
from checker.quantities.model import Kind

#: Digits with a decimal part: a figure unlikely to recur by chance.
_DECIMAL = re.compile(r"\d\.\d")


def restated(extraction: Extraction, index: int,
             decided: Mapping[int, Link | ChangeLink | Rivals | None]) -> Link | None:
    """The link of the figures quantity ``index`` restates, or None when they are none, link
    differently, or one of them (or ``index`` itself) has another metric or period in its words.
    ``decided`` holds the links made from each number's own words."""
    found = extraction.quantities[index]
    if found.metric is not None or found.quantity.value is None or not _DECIMAL.search(found.quantity.text):
        return None
    same = [(other, decided.get(at)) for at, other in enumerate(extraction.quantities)
            if at != index and _same_figure(found, other)]
    linked = {(link.metric, link.period, link.agg) for _, link in same if isinstance(link, Link)}
    if len(linked) != 1 or any(not isinstance(link, Link) and other.metric is not None for other, link in same) \
            or any(isinstance(link, (ChangeLink, Rivals)) for _, link in same):
        return None
    source, link = next((other, link) for other, link in same if isinstance(link, Link))
    if {found.period, *(other.period for other, _ in same)} - {None, link.period}:
        return None   # "3.2 percent in 2017" too: which one the number restates is a person's reading
    why = f"as '{source.quantity.text}', which this number restates digit for digit: check it"
    return replace(link, carried=(("metric", why), ("period", why)))


def _same_figure(found: Found, other: Found) -> bool:
    """Whether ``other`` writes the figure ``found`` writes: one value in one unit, or ``found`` a bare
    number restating a percent ("3.2 (percent)"). A bare "4.357 trillion" restates no dollar figure:
    ``check`` would read it in the series' own unit."""
    a, b = found.quantity, other.quantity
    return a.value == b.value and b.kind not in (Kind.DATE, Kind.DURATION) \
        and ((a.kind, a.unit) == (b.kind, b.unit)
             or (a.kind is Kind.NUMBER and a.unit is None and b.kind is Kind.PERCENT))

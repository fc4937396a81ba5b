"""Tolerances: how far an actual value may sit from a claimed one, per qualifier.

The defaults are DESIGN's table. A project (``claimcheck.yaml``), a claim file
(top-level ``tolerance:``) and a claim (``tolerance:``) may each override any key; the
narrower scope wins. Values are fractions of the claimed value (``3%`` → 0.03), except
``imprecise_factor``, a multiplier of the tolerance band.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Mapping

from checker.evaluation.intervals import format_decimal
from checker.messages import ENGLISH, qualifier_name, say

RELATIVE_DEFAULTS: dict[str, Decimal] = {
    "exact": Decimal(0),
    "approx": Decimal("0.05"),
    "nearly": Decimal("0.10"),
    "more_than": Decimal(0),
    "at_least": Decimal(0),
    "less_than": Decimal(0),
    "at_most": Decimal(0),
    "range": Decimal(0),
    "decade": Decimal(0),
}


@dataclass(frozen=True)
class Tolerances:
    """The tolerances in force for one claim."""

    relative: Mapping[str, Decimal]
    imprecise: Decimal = Decimal("0.05")
    imprecise_factor: Decimal = Decimal(2)

    def for_qualifier(self, qualifier: str) -> Decimal:
        return self.relative.get(qualifier, Decimal(0))

    def override(self, overrides: Mapping[str, Decimal]) -> Tolerances:
        """A copy with ``overrides`` applied; keys are qualifier names, ``imprecise`` or ``imprecise_factor``."""
        relative = dict(self.relative)
        changed = {}
        for key, value in overrides.items():
            if key in ("imprecise", "imprecise_factor"):
                changed[key] = Decimal(value)
            else:
                relative[key] = Decimal(value)
        return replace(self, relative=relative, **changed)

    def describe(self, qualifier: str, language: str = ENGLISH) -> str:
        """The qualifier and its tolerance as a rule line names them: ``approx ±5%`` (약 ±5% in Korean)."""
        share = self.for_qualifier(qualifier)
        name = qualifier_name(qualifier, language)
        return say(language, "qualifier.share", qualifier=name, percent=format_decimal(share * 100)) if share else name


DEFAULT_TOLERANCES = Tolerances(relative=RELATIVE_DEFAULTS)


def effective(*layers: Mapping[str, Decimal]) -> Tolerances:
    """Defaults overridden by each layer in turn (project, file, claim)."""
    tolerances = DEFAULT_TOLERANCES
    for layer in layers:
        if layer:
            tolerances = tolerances.override(layer)
    return tolerances

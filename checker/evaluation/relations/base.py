"""What every relation receives: its operands as figures, positional and by name."""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.evaluation.figures import Figure
from checker.messages import ENGLISH


@dataclass(frozen=True)
class Operands:
    """The resolved operands of one relation claim, in the order (or with the names) written."""

    figures: list[Figure]
    named: dict[str, Figure] = field(default_factory=dict)
    expr: str | None = None
    #: The language of the result's description (``checker.messages``): a relation names what it computed in it.
    language: str = ENGLISH

"""``difference``: a − b, in the operands' shared unit (percents give percentage points)."""
from __future__ import annotations

from checker.evaluation.figures import Figure, require_numbers, require_same_unit, sources_of
from checker.evaluation.relations.base import Operands

NAME = "difference"
ARITY = (2, 2)


def compute(operands: Operands) -> Figure:
    first, second = operands.figures
    unit = require_same_unit(NAME, [first, second])
    a, b = require_numbers(NAME, [first, second])
    return Figure(a - b, "pp" if unit == "%" else unit, f"{first.description} − {second.description}", sources_of([first, second]))

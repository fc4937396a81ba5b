"""The relation registry: one module per relation, each declaring ``NAME``, ``ARITY`` and ``compute``.

Adding a relation is one new module here, named as the relation, and its name in ``NAMES``.
A module is imported when a claim first names its relation, so a run pays only for the
relations its claims use (``expr``'s expression parser, ``extreme``'s and ``rank_among``'s
rankings are most of the registry's import time).
"""
from __future__ import annotations

import importlib
from types import ModuleType

from checker.evaluation.figures import RelationProblem
from checker.suggest import did_you_mean

#: Every relation, each its module's name, in the order messages list them.
NAMES = ("ratio", "multiple", "change", "difference", "sum", "product", "share", "months_between", "days_between",
         "convert", "expr", "extreme", "cagr", "average_change", "rank_among")


def names() -> list[str]:
    return list(NAMES)


def get(name: str) -> ModuleType:
    """The relation module called ``name``; an unknown name is refused with a did-you-mean."""
    if name not in NAMES:
        raise RelationProblem(f"unknown relation '{name}'{did_you_mean(name, names())}; known: {', '.join(names())}")
    return importlib.import_module(f"{__name__}.{name}")


def check_arity(name: str, count: int) -> None:
    """Refuse a relation given too few or too many operands."""
    low, high = get(name).ARITY
    if count < low or (high is not None and count > high):
        wanted = f"{low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
        raise RelationProblem(f"relation {name} takes {wanted} operands, got {count}")

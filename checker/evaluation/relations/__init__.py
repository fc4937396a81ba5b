"""The relation registry: one module per relation, each declaring ``NAME``, ``ARITY`` and ``compute``.

Adding a relation is one new module here and one entry in ``_MODULES``.
"""
from __future__ import annotations

from types import ModuleType

from checker.evaluation.figures import RelationProblem
from checker.suggest import did_you_mean
from checker.evaluation.relations import (
    average_change,
    cagr,
    change,
    convert,
    days_between,
    difference,
    expr,
    extreme,
    months_between,
    multiple,
    product,
    rank_among,
    ratio,
    share,
    sum,
)

_MODULES: tuple[ModuleType, ...] = (
    ratio, multiple, change, difference, sum, product, share, months_between, days_between, convert, expr, extreme,
    cagr, average_change, rank_among,
)
_RELATIONS: dict[str, ModuleType] = {module.NAME: module for module in _MODULES}


def names() -> list[str]:
    return list(_RELATIONS)


def get(name: str) -> ModuleType:
    """The relation module called ``name``; an unknown name is refused with a did-you-mean."""
    try:
        return _RELATIONS[name]
    except KeyError:
        raise RelationProblem(f"unknown relation '{name}'{did_you_mean(name, names())}; known: {', '.join(names())}") from None


def check_arity(name: str, count: int) -> None:
    """Refuse a relation given too few or too many operands."""
    low, high = get(name).ARITY
    if count < low or (high is not None and count > high):
        wanted = f"{low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
        raise RelationProblem(f"relation {name} takes {wanted} operands, got {count}")

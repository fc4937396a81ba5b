"""Each relation over interval operands, as a table of cases (tests/relation_cases.yaml)."""
from __future__ import annotations

import importlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from checker.evaluation import relations
from checker.evaluation.figures import Figure, RelationProblem
from checker.evaluation.intervals import ArithmeticProblem, Interval
from checker.evaluation.relations.base import Operands

CASES = yaml.safe_load((Path(__file__).parent / "relation_cases.yaml").read_text(encoding="utf-8"))


def _figure(text: str) -> Figure:
    numbers, _, unit = text.partition(" ")
    parts = numbers.split("..")
    if "-" in parts[0][1:]:
        first, last = (date.fromisoformat(part) for part in parts)
        return Figure(None, None, text, days=(first, last))
    values = [Decimal(part) for part in parts]
    interval = Interval.exact(values[0]) if len(values) == 1 else Interval(*values)
    return Figure(interval, unit or None, text)


def _rounded(interval: Interval, places: int) -> str:
    step = Decimal(1).scaleb(-places)
    return "..".join(f"{value.quantize(step)}" for value in (interval.low, interval.point, interval.high))


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_relation(case: dict) -> None:
    module = relations.get(case["relation"])
    operands = Operands([_figure(text) for text in case["operands"]])
    if "problem" in case:
        with pytest.raises((RelationProblem, ArithmeticProblem), match=case["problem"].replace("(", r"\(")):
            module.compute(operands)
        return
    result = module.compute(operands)
    assert f"{_rounded(result.interval, case['places'])} {result.unit}" == case["expected"]


@pytest.mark.parametrize("name", relations.NAMES)
def test_each_relation_is_the_module_of_its_name(name: str) -> None:
    """The registry imports a relation by its name: the module must answer to it."""
    assert relations.get(name).NAME == name


def test_every_relation_module_is_registered() -> None:
    """A relation module (one with ``NAME``) left out of ``NAMES`` would be a relation no claim could name."""
    folder = Path(relations.__file__).parent
    modules = [importlib.import_module(f"{relations.__name__}.{path.stem}") for path in folder.glob("[!_]*.py")]
    assert sorted(relations.NAMES) == sorted(module.NAME for module in modules if hasattr(module, "NAME"))


def test_unknown_relation_suggests_the_nearest() -> None:
    with pytest.raises(RelationProblem, match="unknown relation 'ratoi' \\(did you mean 'ratio'\\?\\)"):
        relations.get("ratoi")


@pytest.mark.parametrize("count, message", [(1, "takes 2 operands, got 1"), (3, "takes 2 operands, got 3")])
def test_arity_is_checked(count: int, message: str) -> None:
    with pytest.raises(RelationProblem, match=message):
        relations.check_arity("ratio", count)

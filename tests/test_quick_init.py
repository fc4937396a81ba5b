"""``quick_init`` makes the same frozen objects as the ``__init__`` dataclasses writes.

The classes made per reference row, per claim and per number read (``Observation``, ``Location``, ``Result``, ``Interval``,
``Quantity``, ``Found``, ``StatedRelation``, ``Negative``) take its
cheaper ``__init__``; here each is held to a twin class keeping the generated one:
the same fields from positional and keyword arguments, the same defaults (a fresh
dict from a default factory), the same signature, still frozen, equal and hashed alike.
"""
from __future__ import annotations

import inspect
import pickle
from dataclasses import MISSING, FrozenInstanceError, KW_ONLY, asdict, dataclass, field, replace
from datetime import date
from decimal import Decimal

import pytest

from checker.errors import Location
from checker.evaluation.intervals import Interval
from checker.extraction.model import Found, StatedRelation
from checker.extraction.negatives import Negative
from checker.evaluation.results import Result
from checker.periods import parse_period
from checker.quick_init import quick_init, quick_replace
from checker.quantities.model import Quantity
from checker.reference.model import Observation

#: Every class given quick_init's ``__init__``: the ones made per reference row, per checked claim, per number read
#: and per number an extraction keeps or refuses.
QUICK = [Observation, Location, Result, Interval, Quantity, Found, StatedRelation, Negative]


def _twin(cls: type) -> type:
    """``cls`` again as dataclasses alone makes it: its fields, frozen and slotted, the generated ``__init__``."""
    namespace = {"__annotations__": dict(cls.__annotations__)}
    for each in cls.__dataclass_fields__.values():
        namespace[each.name] = field(default=each.default, default_factory=each.default_factory,
                                     hash=each.hash, compare=each.compare)
    return dataclass(frozen=True, slots="__slots__" in cls.__dict__)(type(cls.__name__, (), namespace))


def _state(made: object) -> dict:
    """Every field's value (the object itself, not a copy), and whether the object grew a ``__dict__``."""
    return {"fields": [(name, id(getattr(made, name))) for name in made.__dataclass_fields__],
            "dict": hasattr(made, "__dict__")}


@pytest.mark.parametrize("cls", QUICK, ids=lambda cls: cls.__name__)
def test_every_field_is_set_from_its_argument(cls: type) -> None:
    """Distinct markers for every field, positionally and by keyword: each lands in its own field, in order."""
    names = list(cls.__dataclass_fields__)
    markers = [object() for _ in names]
    twin = _twin(cls)
    for made, expected in ((cls(*markers), twin(*markers)),
                           (cls(**dict(zip(names, markers))), twin(**dict(zip(names, markers))))):
        assert _state(made) == _state(expected)
        assert [getattr(made, name) for name in names] == markers


@pytest.mark.parametrize("cls", QUICK, ids=lambda cls: cls.__name__)
def test_defaults_are_the_generated_ones(cls: type) -> None:
    required = [name for name, each in cls.__dataclass_fields__.items()
                if each.default is MISSING and each.default_factory is MISSING]
    markers = {name: object() for name in required}
    made, expected = cls(**markers), _twin(cls)(**markers)
    for name in cls.__dataclass_fields__:
        mine, theirs = getattr(made, name), getattr(expected, name)
        assert mine is theirs or (type(mine) is type(theirs) and mine == theirs and name not in markers), name


def _arguments() -> list[tuple[tuple, dict]]:
    where = Location("ref.csv", 3, 1)
    period = parse_period("2022-Q3")
    return [
        (("m.a", period, Decimal("1.50"), Decimal("0.005"), "USD", "s", None, where), {}),
        (("m.a", period, Decimal("4395"), Decimal(0), "KRW", "s", date(2023, 1, 5), where, {"name": "x"},
          date(2024, 1, 1)), {}),
        ((), {"metric": "m.b", "period": period, "value": Decimal("-3"), "precision": Decimal("0.5"), "unit": "%",
              "source": "https://example.org", "vintage": None, "location": where, "retrieved": date(2024, 2, 1)}),
    ]


@pytest.mark.parametrize("args, kwargs", _arguments())
def test_observation_is_the_one_the_generated_init_makes(args: tuple, kwargs: dict) -> None:
    made, twin = Observation(*args, **kwargs), _twin(Observation)(*args, **kwargs)
    assert asdict(made) == asdict(twin)
    assert [getattr(made, name) is getattr(twin, name) for name in Observation.__dataclass_fields__
            if name != "notes"] == [True] * 9
    assert made == Observation(*args, **kwargs) and hash(made) == hash(Observation(*args, **kwargs))
    assert pickle.loads(pickle.dumps(made)) == made
    assert replace(made, value=Decimal(7)).value == Decimal(7)


def test_a_default_factory_gives_each_object_its_own_value() -> None:
    args, _ = _arguments()[0]
    first, second = Observation(*args), Observation(*args)
    assert first.notes == {} and first.notes is not second.notes


@pytest.mark.parametrize("cls", QUICK, ids=lambda cls: cls.__name__)
def test_signature_and_frozenness_are_kept(cls: type) -> None:
    assert str(inspect.signature(cls)) == str(inspect.signature(_twin(cls)))
    made = cls(*(object() for _ in cls.__dataclass_fields__))
    for name in cls.__dataclass_fields__:
        with pytest.raises(FrozenInstanceError):
            setattr(made, name, getattr(made, name))
    with pytest.raises(TypeError):
        cls()  # the required fields are still required


def test_location_defaults() -> None:
    assert (Location("a.yaml"), Location("a.yaml", 4)) == (Location("a.yaml", 1, 1), Location("a.yaml", 4, 1))
    assert str(Location("a.yaml", line=7, column=2)) == "a.yaml:7:2"


def test_refuses_classes_it_would_get_wrong() -> None:
    @dataclass(slots=True)
    class Unfrozen:
        a: int

    @dataclass(frozen=True)
    class Unslotted:
        a: int

    @dataclass(frozen=True, slots=True)
    class Uninitialised:
        a: int
        b: int = field(default=0, init=False)

    @dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            raise AssertionError("quick_init would not call this")

    @dataclass(frozen=True, slots=True)
    class KeywordOnly:
        a: int
        _: KW_ONLY
        b: int = 0

    for cls in (Unfrozen, Unslotted, Uninitialised, Checked, KeywordOnly):
        with pytest.raises(TypeError):
            quick_init(cls)


@pytest.mark.parametrize("cls", QUICK, ids=lambda cls: cls.__name__)
def test_quick_replace_makes_what_replace_makes(cls: type) -> None:
    """``quick_replace``: the object ``dataclasses.replace`` makes, for each field changed and for none; an unknown
    field is refused as there."""
    names = list(cls.__dataclass_fields__)
    made = cls(*(object() for _ in names))
    for name in [None, *names]:
        changes = {name: object()} if name else {}
        mine, theirs = quick_replace(made, **changes), replace(made, **changes)
        assert type(mine) is cls and _state(mine) == _state(theirs)
    with pytest.raises(TypeError):
        quick_replace(made, no_such_field=1)

"""A cheaper ``__init__`` for the frozen, slotted dataclasses made per row and per claim.

A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__(self,
name, value)``, which looks the name up on the type again for every field of every object:
a ten-field :class:`~checker.reference.model.Observation` costs five times an unfrozen
one, and a million-row reference file was mostly that. :func:`quick_init` gives the class
an ``__init__`` with the same signature (defaults and default factories included) that
sets each slot through its own descriptor, found once when the class is made. The object
is the same, field for field, and stays frozen: assigning a field still raises
``FrozenInstanceError``. Only slotted classes: writing a plain object's ``__dict__``
directly would make a dict per object (a third more memory, slower reads).
"""
from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from inspect import getattr_static
from types import MemberDescriptorType
from typing import Any, TypeVar

T = TypeVar("T")


class _Factory:
    """The default of a field made by its factory: a marker no caller passes, shown as dataclasses shows it."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def quick_init(cls: type[T]) -> type[T]:
    """``cls`` (a frozen dataclass with slots, without ``__post_init__``) with the faster ``__init__``."""
    params = getattr(cls, "__dataclass_params__", None)
    if not is_dataclass(cls) or params is None or not params.frozen:
        raise TypeError(f"{cls.__name__}: quick_init is for frozen dataclasses")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init does not call __post_init__")
    names: list[str] = []
    scope: dict[str, object] = {"_MISSING": _FACTORY}
    for each in fields(cls):
        if not each.init or each.kw_only:
            raise TypeError(f"{cls.__name__}.{each.name}: quick_init sets every field from a positional argument")
        slot = getattr_static(cls, each.name, None)
        if not isinstance(slot, MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{each.name}: quick_init is for classes whose fields are slots")
        scope[f"_set_{each.name}"] = slot.__set__  # the slot's own descriptor
        if each.default is not MISSING:
            scope[f"_default_{each.name}"] = each.default
            names.append(f"{each.name}=_default_{each.name}")
        elif each.default_factory is not MISSING:
            scope[f"_factory_{each.name}"] = each.default_factory
            names.append(f"{each.name}=_MISSING")  # shown as dataclasses shows it: <factory>
        else:
            names.append(each.name)
    body = []
    for each in fields(cls):
        if each.default_factory is not MISSING:
            body.append(f"    if {each.name} is _MISSING: {each.name} = _factory_{each.name}()")
        body.append(f"    _set_{each.name}(self, {each.name})")
    source = f"def __init__(self, {', '.join(names)}) -> None:\n" + "\n".join(body or ["    pass"])
    exec(source, scope)  # as dataclasses itself writes __init__: one function, no loop over fields per object
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**cls.__init__.__annotations__}
    cls.__init__ = init
    cls.__quick_fields__ = tuple(each.name for each in fields(cls))  # type: ignore[attr-defined]
    return cls


def quick_replace(made: T, /, **changes: Any) -> T:
    """``dataclasses.replace(made, **changes)`` for an object of a class given quick_init's ``__init__``: the same
    new object, made by one positional call. ``replace`` looks each field up, checks it and passes it by keyword,
    three times the cost: an extraction replaces a quantity at every bare year it dates."""
    cls = type(made)
    values = [changes.pop(name) if name in changes else getattr(made, name) for name in cls.__quick_fields__]  # type: ignore[attr-defined]
    if changes:
        raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument {next(iter(changes))!r}")
    return cls(*values)

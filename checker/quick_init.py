"""A cheaper ``__init__`` for the frozen dataclasses made per row and per claim.

A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__(self,
name, value)``, which looks the name up on the type again for every field of every object:
a ten-field :class:`~checker.reference.model.Observation` costs five times an unfrozen
one, a million-row reference file was mostly that, and a checked claim makes a dozen such
objects (its figure, judgement, result). :func:`quick_init` gives the class an ``__init__``
with the same signature (defaults and default factories included) that sets each field
directly: through its slot's own descriptor, found once when the class is made, or in the
object's ``__dict__``, in field order as the generated one does. The object is the same,
field for field, and stays frozen: assigning a field still raises ``FrozenInstanceError``.
"""
from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from inspect import getattr_static
from types import MemberDescriptorType
from typing import TypeVar

T = TypeVar("T")


class _Factory:
    """The default of a field made by its factory: a marker no caller passes, shown as dataclasses shows it."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def quick_init(cls: type[T]) -> type[T]:
    """``cls`` (a frozen dataclass without ``__post_init__``) with the faster ``__init__``."""
    params = getattr(cls, "__dataclass_params__", None)
    if not is_dataclass(cls) or params is None or not params.frozen:
        raise TypeError(f"{cls.__name__}: quick_init is for frozen dataclasses")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init does not call __post_init__")
    names: list[str] = []
    scope: dict[str, object] = {"_MISSING": _FACTORY}
    slots = {each.name: getattr_static(cls, each.name, None) for each in fields(cls)}
    slots = {name: slot for name, slot in slots.items() if isinstance(slot, MemberDescriptorType)}
    for each in fields(cls):
        if not each.init or each.kw_only:
            raise TypeError(f"{cls.__name__}.{each.name}: quick_init sets every field from a positional argument")
        if each.name in slots:
            scope[f"_set_{each.name}"] = slots[each.name].__set__  # the slot's own descriptor
        if each.default is not MISSING:
            scope[f"_default_{each.name}"] = each.default
            names.append(f"{each.name}=_default_{each.name}")
        elif each.default_factory is not MISSING:
            scope[f"_factory_{each.name}"] = each.default_factory
            names.append(f"{each.name}=_MISSING")  # shown as dataclasses shows it: <factory>
        else:
            names.append(each.name)
    body = ["    _fields = self.__dict__"] if len(slots) < len(names) else []
    for each in fields(cls):
        if each.default_factory is not MISSING:
            body.append(f"    if {each.name} is _MISSING: {each.name} = _factory_{each.name}()")
        body.append(f"    _set_{each.name}(self, {each.name})" if each.name in slots
                    else f"    _fields[{each.name!r}] = {each.name}")
    source = f"def __init__(self, {', '.join(names)}) -> None:\n" + "\n".join(body or ["    pass"])
    exec(source, scope)  # as dataclasses itself writes __init__: one function, no loop over fields per object
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**cls.__init__.__annotations__}
    cls.__init__ = init
    return cls

"""The keys of a rank across entities (``relation: rank_among``): group, rank, direction, ties.

"OECD 1위", "세계 3위", "OECD 최하위", "the highest among OECD countries": one entity's
figure ranked among a group's for one period. The claim says which group (a name the
reference data defines once, or the entities listed in the claim), which place
(``rank: 3`` or ``rank: last``), which way the ranking runs (``direction: highest`` ranks
the highest first; it has no default, since "1위" in unemployment and in growth run
opposite ways), and how a tie counts (``ties: shared``, the default: members tied for a
place all hold it; ``ties: alone``: a tie for the place is not holding it).

This module reads those keys into an :class:`Among` and refuses them on any other
relation; :mod:`checker.evaluation.relations.rank_among` decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.claimfile.schema import RANK_DIRECTIONS, TIES
from checker.claimfile.yamlpos import YamlMap
from checker.errors import InputError

NAME = "rank_among"
LAST = "last"
#: Keys that mean something only on a rank across entities.
KEYS = ("group", "rank", "ties")


@dataclass(frozen=True)
class Among:
    """What a rank claim across entities asks: a place among a group, counted one way."""

    #: The group's name in the reference data, or None when the claim lists the members.
    group: str | None
    #: The members the claim lists (empty when it names a group).
    members: tuple[str, ...]
    #: The place claimed, from 1; None for ``last``.
    rank: int | None
    direction: str
    ties: str

    @property
    def place(self) -> str:
        """The claimed place as written: ``3`` or ``last``."""
        return LAST if self.rank is None else str(self.rank)


def read_among(item: YamlMap, fields: dict[str, Any], problems: list[InputError]) -> Among | None:
    """The rank keys of a ``rank_among`` claim, or None (with problems) when they cannot be read.

    On another relation the keys are refused, and so are ``direction: highest|lowest``
    (which would otherwise be read as a side of a bound).
    """
    if fields["relation"] != NAME:
        _refuse_elsewhere(item, fields, problems)
        return None
    before = len(problems)
    for key in ("group", "rank", "direction"):
        if key not in item:
            problems.append(InputError(item.key_locations["relation"], f"relation {NAME} needs '{key}'"))
    direction = fields["direction"]
    if direction is not None and direction not in RANK_DIRECTIONS:
        problems.append(InputError(item.value_locations["direction"], (
            f"relation {NAME} ranks with direction: {' or '.join(RANK_DIRECTIONS)}, got '{direction}'")))
    rank = _rank(item, fields["rank"], problems)
    group, members = _group(item, fields["group"], problems)
    if len(problems) > before or direction is None or (group is None and not members):
        return None
    return Among(group, members, rank, direction, fields["ties"] or TIES[0])


def _refuse_elsewhere(item: YamlMap, fields: dict[str, Any], problems: list[InputError]) -> None:
    for key in KEYS:
        if key in item:
            problems.append(InputError(item.key_locations[key], f"'{key}' needs 'relation: {NAME}'"))
    if fields["direction"] in RANK_DIRECTIONS:
        problems.append(InputError(item.value_locations["direction"], (
            f"direction: {fields['direction']} needs 'relation: {NAME}' (a change takes up or down)")))


def _rank(item: YamlMap, value: Any, problems: list[InputError]) -> int | None:
    """``rank: 3`` → 3; ``rank: last`` → None (the place counted from the bottom)."""
    if value is None or value == LAST:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    shown = f"'{value}'" if isinstance(value, str) else str(value)
    problems.append(InputError(item.value_locations["rank"], f"key 'rank' should be a place from 1 or '{LAST}', "
                                                             f"got {shown}"))
    return None


def _group(item: YamlMap, value: Any, problems: list[InputError]) -> tuple[str | None, tuple[str, ...]]:
    """A group's name, or the members listed in the claim, each an entity key written once."""
    if value is None:
        return None, ()
    from checker.reference.groups import ENTITY, MIN_MEMBERS  # groups are read by rank claims alone: not loaded else
    if isinstance(value, str):
        if not ENTITY.match(value):
            problems.append(InputError(item.value_locations["group"], (
                f"key 'group' should be a group name like oecd or a list of entities, got '{value}'")))
        return value, ()
    members: dict[str, None] = {}  # ordered, and a set for the twice test (a list made 40,000 members cost 50 s)
    before = len(problems)
    for member, where in zip(value, value.item_locations):  # the schema admits a string or a list
        if not isinstance(member, str) or not ENTITY.match(member):
            problems.append(InputError(where, f"a group member should be an entity key like kr or us, got {member!r}"))
        elif member in members:
            problems.append(InputError(where, f"group lists '{member}' twice"))
        else:
            members[member] = None
    if len(members) < MIN_MEMBERS and len(problems) == before:
        problems.append(InputError(item.value_locations["group"], f"a group needs at least {MIN_MEMBERS} members"))
    return None, tuple(members)

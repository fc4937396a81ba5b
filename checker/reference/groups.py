"""Named groups of entities (``oecd``, ``g7``): who a rank across entities ranks among.

"OECD 1위" ranks one country among the OECD's members, so the members are evidence
like a row: a group is written once in a reference file, under ``groups:``, with the
``source`` that lists them (membership changes: Colombia joined the OECD in 2020), and
a claim names it. A group is a set of entity keys (``kr``, ``sk``), the prefixes of the
metrics it ranks (``kr.gdp_growth``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.errors import InputError, Location

#: An entity key as metrics begin with it: no space, no dot (``kr``, ``us``, ``meta``).
ENTITY = re.compile(r"[^\s.]+\Z")
#: A rank among fewer than two is no rank.
MIN_MEMBERS = 2


@dataclass(frozen=True)
class Group:
    """A named set of entities, the source that lists them, and where it was written."""

    name: str
    members: tuple[str, ...]
    source: str
    location: Location


def build_group(name: str, members: list[tuple[str, Location]], source: str, where: Location) -> Group:
    """A group from its written cells; InputError at the first member or field that cannot be one."""
    if not ENTITY.match(name):
        raise InputError(where, f"group name {name!r} should be one word without dots, like oecd or g7")
    if not source:
        raise InputError(where, f"group {name!r} has no source (the page that lists its members)")
    seen: dict[str, Location] = {}
    for member, at in members:
        if not ENTITY.match(member):
            raise InputError(at, f"group {name!r}: member {member!r} should be an entity key like kr or us")
        if member in seen:
            raise InputError(at, f"group {name!r} lists {member!r} twice (first at line {seen[member].line})")
        seen[member] = at
    if len(seen) < MIN_MEMBERS:
        raise InputError(where, f"group {name!r} needs at least {MIN_MEMBERS} members, got {len(seen)}")
    return Group(name, tuple(seen), source, where)


def conflict(old: Group, new: Group) -> InputError | None:
    """Two files defining one group name with different members: an error, never last-wins."""
    if set(old.members) == set(new.members):
        return None
    return InputError(new.location, (
        f"group {new.name!r} has {len(new.members)} members here and {len(old.members)} at {old.location}"))

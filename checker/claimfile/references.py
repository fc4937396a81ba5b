"""The ``reference:`` list of a claim file: paths, or mappings that say what a file lacks.

``- fx.csv`` and ``- {file: fred/PAYEMS.csv, unit: Thousands of Persons}`` both name a
file inside the repository; the mapping's other keys become the :class:`Entry`'s
overrides, applied when the file is read. Every path is confined with the same
helper as the article, so a mapping cannot reach further than a plain path.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from checker.claimfile.yamlpos import YamlMap, type_name
from checker.errors import InputError, Location
from checker.reference.entry import ENTRY_KEYS, FLAGS, Entry
from checker.suggest import did_you_mean

#: Confines a written path to the repository: (claim path, root, written, where, what) -> path.
Confine = Callable[[Path, "Path | None", str, Location, str], Path]


def read_entries(
    value: Any, where: Location, shown: Path, root: Path | None, confine: Confine, errors: list[InputError]
) -> tuple[tuple[Entry, ...], tuple[Location, ...]]:
    """The usable entries with where each was written; problems go to ``errors``."""
    if value is None:
        return (), ()
    if isinstance(value, (str, YamlMap)):
        items, locations = [value], [where]
    else:
        items, locations = list(value), list(value.item_locations)
    entries: list[Entry] = []
    kept: list[Location] = []
    for item, at in zip(items, locations):
        entry = _entry(item, at, shown, root, confine, errors)
        if entry is not None:
            entries.append(entry)
            kept.append(at)
    return tuple(entries), tuple(kept)


def _entry(
    item: Any, where: Location, shown: Path, root: Path | None, confine: Confine, errors: list[InputError]
) -> Entry | None:
    overrides: dict[str, str] = {}
    if isinstance(item, YamlMap):
        written, overrides = _mapping(item, where, errors)
        if written is None:
            return None
        where = item.value_locations["file"]
    elif isinstance(item, str):
        written = item
    else:
        errors.append(InputError(where, f"a reference should be a path or a mapping with 'file', got {type_name(item)}"))
        return None
    try:
        target = confine(shown, root, written, where, "reference")
    except InputError as error:
        errors.append(error)
        return None
    if not target.is_file():
        problem = "is a directory" if target.is_dir() else "not found"
        errors.append(InputError(where, f"reference '{written}' {problem}"))
        return None
    return Entry(target, **overrides)


def _mapping(item: YamlMap, where: Location, errors: list[InputError]) -> tuple[str | None, dict[str, str]]:
    """The written path and the override keys of a mapping entry."""
    before = len(errors)
    overrides: dict[str, str] = {}
    for key, value in item.items():
        at = item.key_locations[key]
        if key != "file" and key not in ENTRY_KEYS:
            known = ("file",) + ENTRY_KEYS
            errors.append(InputError(at, f"unknown reference key {key!r}{did_you_mean(key, known)} "
                                         f"(keys: {', '.join(known)})"))
        elif key in FLAGS:
            if isinstance(value, bool):
                overrides[key] = "true" if value else "false"
            else:
                errors.append(InputError(item.value_locations[key],
                                         f"reference key '{key}' should be true or false, got {type_name(value)}"))
        elif not isinstance(value, (str, int, Decimal, date)) or isinstance(value, bool) or value == "":
            errors.append(InputError(item.value_locations[key],
                                     f"reference key '{key}' should be a single value, got {type_name(value)}"))
        elif key != "file":
            overrides[key] = value.isoformat() if isinstance(value, date) else str(value)
    if "file" not in item:
        errors.append(InputError(where, "a reference mapping needs 'file: PATH'"))
    if len(errors) > before:
        return None, {}
    return str(item["file"]), overrides

"""YAML / JSON reference files: ``source`` default, ``rows``, ``events``, ``aliases``, ``groups``.

The shape for hand-curated facts. Files are *composed* (parsed to nodes, never
constructed), so no tag can build an object, scalars keep the digits as written
(``474.990`` stays three decimals, not a float) and every row knows its line and
column. JSON is read by the same path (after a strict ``json`` check), since JSON is
YAML's flow style.
"""
from __future__ import annotations

import re

import yaml

from checker.errors import InputError, Location
from checker.lazy_regex import compile_lazily
from checker.suggest import did_you_mean
from checker.reference.cells import Cell, RowDefaults, build_event, build_observation
from checker.reference.files import FileData

NAME = "YAML/JSON"
TOP_KEYS = ("source", "rows", "events", "aliases", "groups")
ROW_KEYS = ("entity", "metric", "period", "value", "unit", "source", "vintage")
NOTE_KEYS = ("note", "notes")
EVENT_KEYS = ("name", "date", "source")
GROUP_KEYS = ("members", "source")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"


def _at(node: yaml.Node, shown: str) -> Location:
    return Location(shown, node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: yaml.Node, shown: str, what: str) -> Cell:
    """A scalar node as a cell (null reads as empty), or an InputError."""
    if not isinstance(node, yaml.ScalarNode):
        raise InputError(_at(node, shown), f"{what} must be a single value, not a list or mapping")
    return Cell("" if node.tag == _NULL else str(node.value), _at(node, shown))


def _pairs(node: yaml.Node, shown: str, what: str) -> list[tuple[Cell, yaml.Node]]:
    """The keys and values of a mapping; a repeated key is an error, never last-wins."""
    if not isinstance(node, yaml.MappingNode):
        raise InputError(_at(node, shown), f"{what} must be a mapping")
    pairs = [(_scalar(key, shown, "a key"), value) for key, value in node.value]
    seen: dict[str, Location] = {}
    for key, _ in pairs:
        if key.text in seen:
            raise InputError(key.location, f"duplicate key {key.text!r} (first at line {seen[key.text].line})")
        seen[key.text] = key.location
    return pairs


def _items(node: yaml.Node, shown: str, what: str) -> list[yaml.Node]:
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise InputError(_at(node, shown), f"{what} must be a list")
    return list(node.value)


#: A JSON escape of a character beyond the BMP as two UTF-16 halves, after an even run of backslashes.
_SURROGATE_PAIR = compile_lazily(r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE)


def _astral(match: re.Match[str]) -> str:
    """``\\ud83d\\ude00`` as YAML's ``\\U0001F600`` (the same character, escaped the way YAML reads)."""
    high, low = int(match[2], 16), int(match[3], 16)
    return f"{match[1]}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08X}"


def _compose(text: str, shown: str, is_json: bool) -> yaml.Node | None:
    if is_json:
        import json  # only a JSON file pays for the JSON parser: reading a YAML file needs none

        from checker import bounded_json

        try:
            bounded_json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(Location(shown, error.lineno, error.colno), f"invalid JSON: {error.msg}") from None
        text = text.replace("\t", " ")  # valid JSON has tabs only as whitespace; YAML wants spaces
        text = _SURROGATE_PAIR.sub(_astral, text)  # YAML takes \U0001F600, not JSON's \ud83d\ude00
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        reason = " ".join(str(error.problem or error.context or "invalid YAML").split())
        raise InputError(where, f"invalid YAML: {reason}") from None
    except yaml.YAMLError as error:
        raise InputError(Location(shown), f"invalid YAML: {' '.join(str(error).split())}") from None


def _row(node: yaml.Node, shown: str, defaults: RowDefaults, data: FileData) -> None:
    cells: dict[str, Cell] = {}
    notes: dict[str, str] = {}
    for key, value in _pairs(node, shown, "a row"):
        name = key.text
        if name in ROW_KEYS:
            cells[name] = _scalar(value, shown, f"{name!r}")
        elif name in NOTE_KEYS or not did_you_mean(name, ROW_KEYS, cutoff=70):
            notes[name] = _scalar(value, shown, f"{name!r}").text
        else:
            raise InputError(key.location, f"unknown key {name!r} in a row{did_you_mean(name, ROW_KEYS, cutoff=70)}")
    data.observations.append(build_observation(cells, _at(node, shown), defaults, notes))


def _event(node: yaml.Node, shown: str, default_source: str, data: FileData) -> None:
    cells: dict[str, Cell] = {}
    for key, value in _pairs(node, shown, "an event"):
        if key.text not in EVENT_KEYS + NOTE_KEYS:
            raise InputError(key.location, f"unknown key {key.text!r} in an event{did_you_mean(key.text, EVENT_KEYS)}")
        cells[key.text] = _scalar(value, shown, f"{key.text!r}")
    data.events.append(build_event(cells, _at(node, shown), default_source))


def _aliases(node: yaml.Node, shown: str, data: FileData) -> None:
    for key, value in _pairs(node, shown, "'aliases'"):
        names = [value] if isinstance(value, yaml.ScalarNode) else _items(value, shown, f"aliases of {key.text}")
        data.aliases.setdefault(key.text, []).extend(
            cell.text for cell in (_scalar(item, shown, "an alias") for item in names) if cell.text
        )


def _groups(node: yaml.Node, shown: str, default_source: str, data: FileData) -> None:
    """``groups: {oecd: {members: [au, at, …], source: …}}``: who a rank across entities ranks among."""
    from checker.reference.groups import build_group  # read only where a file writes groups

    for name, value in _pairs(node, shown, "'groups'"):
        fields = dict((key.text, (key, item)) for key, item in _pairs(value, shown, f"group {name.text!r}"))
        for key, _ in fields.values():
            if key.text not in GROUP_KEYS + NOTE_KEYS:
                raise InputError(key.location, f"unknown key {key.text!r} in a group{did_you_mean(key.text, GROUP_KEYS)}")
        if "members" not in fields:
            raise InputError(name.location, f"group {name.text!r} has no members")
        cells = [_scalar(item, shown, "a member") for item in _items(fields["members"][1], shown, "'members'")]
        source = _scalar(fields["source"][1], shown, "'source'").text.strip() if "source" in fields else ""
        group = build_group(name.text, [(cell.text.strip(), cell.location) for cell in cells],
                            source or default_source, name.location)
        data.groups[group.name] = group


def load_text(text: str, shown: str, is_json: bool, defaults: RowDefaults | None = None) -> FileData:
    data = FileData(shown)
    try:
        root = _compose(text, shown, is_json)
        if root is None:
            raise InputError(Location(shown), "reference file is empty")
        top = dict((key.text, (key, value)) for key, value in _pairs(root, shown, "a reference file"))
    except InputError as error:
        data.errors.append(error)
        return data
    for name, (key, _) in top.items():
        if name not in TOP_KEYS:
            data.errors.append(InputError(key.location, f"unknown key {name!r}{did_you_mean(name, TOP_KEYS)}"))
    defaults = defaults or RowDefaults()
    if "source" in top and not defaults.source:
        try:
            defaults.source = _scalar(top["source"][1], shown, "'source'").text.strip()
        except InputError as error:
            data.errors.append(error)
    sections = (("rows", lambda n: _row(n, shown, defaults, data)), ("events", lambda n: _event(n, shown, defaults.source, data)))
    for section, read in sections:
        if section not in top:
            continue
        try:
            items = _items(top[section][1], shown, f"'{section}'")
        except InputError as error:
            data.errors.append(error)
            continue
        for item in items:
            try:
                read(item)
            except InputError as error:
                data.errors.append(error)
    if "aliases" in top:
        try:
            _aliases(top["aliases"][1], shown, data)
        except InputError as error:
            data.errors.append(error)
    if "groups" in top:
        try:
            _groups(top["groups"][1], shown, defaults.source, data)
        except InputError as error:
            data.errors.append(error)
    return data

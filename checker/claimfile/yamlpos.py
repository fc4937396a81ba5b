"""Safe YAML loading that remembers where every node was written.

Claim-file errors must point at ``path:line:col`` of the offending key or value,
and PyYAML's constructors throw positions away. So we let PyYAML *compose* the node
graph (libyaml's C composer when PyYAML was built with it, its pure-Python one
otherwise; both give every node its marks), and build plain Python values ourselves:
mappings become :class:`YamlMap` (a ``dict`` with the location of every key and
value), sequences :class:`YamlSeq` (a ``list`` with the location of every item).

Safety, because claim files come from pull requests:

- only the YAML core tags (str, int, float, bool, null, timestamp, seq, map) are
  built; ``!!python/object``, ``!!binary``, ``!custom`` and merge keys are errors
  at their position, never constructed;
- aliases are expanded by hand, and only after measuring the expansion on the
  node graph (:data:`MAX_ALIASES` references, :data:`MAX_NODES` nodes,
  :data:`MAX_DEPTH` nesting, no recursion, and at most :data:`MAX_ALIAS_NODES`
  nodes, or as many as the document writes itself, added by aliases: the cost of
  building stays linear in the size of the file), so a "billion laughs" document is
  refused before a single value is built. A document without an anchor (no ``&``
  in its text) has no alias to measure, and only its depth is checked, while it is
  built, straight from the parser's events (no node graph held beside the values);
  whatever that build does not take as it comes (an alias, a refused or repeated key,
  a tagged collection, a syntax error) is built from the node graph instead, so every
  value, position and message is the same either way.

Problems a user can fix without the whole document being unreadable (a bad tag,
a duplicate key) are collected, each with its position, so that the claim-file
loader can charge them to the one claim they sit in. Problems that make the
document unusable raise :class:`YamlRefused`.

Keys are kept as the text written (``on:`` stays ``"on"``, not YAML 1.1's ``True``):
every key in a claim file is a name. Numbers keep their digits as written: a number
with a fraction becomes a ``Decimal`` of its written digits, never a binary float; an
integer becomes an ``int`` only when written in plain decimal (``1_000`` included).
YAML 1.1's other number forms change the digits (``010`` is octal 8, ``1:30`` is base-60
90, ``0x1F``, ``0b11``), so they stay the text written and the key's reader decides
(``value: 010`` reads as 10, ``value: 1:30`` is an error saying it cannot be read).

Tag resolution (YAML 1.1's implicit types) is PyYAML's, memoised per plain scalar text:
it is Python called back from the C composer for every scalar, and claim files repeat
the same keys thousands of times.
"""

from __future__ import annotations

import re
from sys import intern
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    Event, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from checker.errors import Location
from checker.gc_pause import no_cycle_collection

MAX_ALIASES = 1000
"""Alias references a document may use before it is refused."""
MAX_NODES = 2_000_000
"""Nodes a document may have once its aliases are expanded."""
MAX_DEPTH = 100
"""Nesting depth of collections (with aliases expanded)."""
MAX_ALIAS_NODES = 10_000
"""Nodes aliases may add to a document beyond its own count of nodes written."""

_TAG = "tag:yaml.org,2002:"
_SCALAR_NAMES = {
    _TAG + "str": "string",
    _TAG + "int": "integer",
    _TAG + "float": "number",
    _TAG + "bool": "boolean",
    _TAG + "null": "null",
    _TAG + "timestamp": "date",
}
_SCALAR_TAGS = set(_SCALAR_NAMES)
_PLAIN_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
"""An integer in plain decimal; YAML 1.1's octal, hex, binary and base-60 forms are not."""


class _MemoResolver(Resolver):
    """PyYAML's YAML 1.1 tag resolution, computed once per distinct plain scalar text."""

    def __init__(self) -> None:
        super().__init__()
        self.plain_tags: dict[str, str] = {}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tag = self.plain_tags.get(value)
        if tag is None:
            tag = self.plain_tags[value] = super().resolve(kind, value, implicit)
        return tag


class _PyComposer(Reader, Scanner, Parser, Composer, _MemoResolver):
    """The pure-Python composer, for a PyYAML built without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _MemoResolver.__init__(self)


def _c_composer() -> type | None:
    """libyaml's composer (C speed, same marks), or None when PyYAML was built without it."""
    try:
        from yaml.cyaml import CParser
    except ImportError:
        return None

    class _CComposer(CParser, _MemoResolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _MemoResolver.__init__(self)

    return _CComposer


COMPOSERS: dict[str, type] = {name: composer for name, composer in
                              (("c", _c_composer()), ("python", _PyComposer)) if composer is not None}
"""The composers available, fastest first: ``load`` uses the first, benchmarks and tests each."""


class YamlMap(dict):
    """A mapping that knows where it, each of its keys and each value was written."""

    location: Location
    end: tuple[int, int]
    key_locations: dict[str, Location]
    value_locations: dict[str, Location]


class YamlSeq(list):
    """A sequence that knows where it and each of its items was written."""

    location: Location
    end: tuple[int, int]
    item_locations: list[Location]


@dataclass(frozen=True)
class Problem:
    """A fixable problem found while building values; the value was replaced by None."""

    location: Location
    message: str


class YamlRefused(Exception):
    """The document cannot be used at all: syntax error, alias bomb, no document."""

    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message


@dataclass(frozen=True)
class Document:
    """The built value of a document, and the fixable problems found on the way."""

    value: Any
    problems: tuple[Problem, ...]


def load(text: str, path: str, composer: str | None = None) -> Document:
    """Parse ``text`` (one YAML document) and build it with positions.

    ``path`` is only used in locations; ``composer`` names one of :data:`COMPOSERS`
    (default: the fastest). Raises :class:`YamlRefused`.
    """
    kind = COMPOSERS[composer or next(iter(COMPOSERS))]
    with no_cycle_collection():
        if "&" not in text:  # no anchor, so no alias to measure: built as it is parsed
            built = _from_events(text, path, kind)
            if built is not None:
                return built
        root = _compose(text, path, kind)
        if root is None:
            raise YamlRefused(Location(path), "empty YAML document")
        return _Builder(path).build_document(root, aliased="&" in text)


class _Composed(Exception):
    """What the builder from events leaves to the node graph: anything but well-formed names and
    core-tagged values (an alias, a refused or duplicate key, a tagged collection, too deep, a
    syntax error), so every refusal and problem is the one the node graph gives, word for word."""


def _from_events(text: str, path: str, composer: type) -> Document | None:
    """The document built straight from the parser's events, or None when it must be composed.

    A composed node graph holds a node and two marks for every scalar, 40 MB for a file of
    10,000 claims, all alive while the values are built next to it: most of what loading a
    large claim file costs. Values, positions and problems are the same as :meth:`_Builder.build`'s.
    """
    parser = composer(text)
    builder = _Builder(path)
    try:
        parser.get_event()  # stream start
        if parser.check_event(StreamEndEvent):
            return None  # empty: said by the composed path
        parser.get_event()  # document start
        value = builder.from_events(parser, 0)
        parser.get_event()  # document end
        if not parser.check_event(StreamEndEvent):
            return None  # a second document: refused by the composed path
    except Exception:  # _Composed, a refusal, a syntax error, a scalar's constructor failing: as composed
        return None
    finally:
        parser.dispose()
    return Document(value, tuple(builder.problems))


def _compose(text: str, path: str, composer: type) -> Node | None:
    """The document's node graph (None when empty), or YamlRefused at the syntax error."""
    try:
        return yaml.compose(text, Loader=composer)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "syntax error"
        if exc.problem and exc.context:
            # "expected a single document, but found another document"
            joined = exc.problem.startswith("but ")
            reason = f"{exc.context}, {exc.problem}" if joined else f"{reason} ({exc.context})"
        raise YamlRefused(_location(path, mark), f"invalid YAML: {reason}") from None
    except yaml.reader.ReaderError as exc:
        # The C reader gives the character as an int, the Python reader as a str.
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlRefused(
            _offset_location(path, text, exc.position), f"invalid YAML: {exc.reason} (U+{code:04X})"
        ) from None
    except yaml.YAMLError as exc:
        raise YamlRefused(Location(path), f"invalid YAML: {exc}") from None


def type_name(value: Any) -> str:
    """How a built value's type is named in messages (``got list``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, date):
        return "date"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return type(value).__name__


def _tag(parser: Any, kind: type, event: Event) -> str:
    """The event's tag, resolved as the composer resolves it."""
    if event.tag is None or event.tag == "!":
        return parser.resolve(kind, getattr(event, "value", None), event.implicit)
    return event.tag


def _scalar_node(parser: Any, event: ScalarEvent) -> ScalarNode:
    """The node the composer would make of a scalar event (short-lived: only its value is kept)."""
    return ScalarNode(_tag(parser, ScalarNode, event), event.value, event.start_mark, event.end_mark)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _location(path: str, mark: Any) -> Location:
    if mark is None:
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


def _offset_location(path: str, text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(path, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


class _Builder:
    """Turns a composed node graph into values, after measuring what aliases expand to."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.defined: set[int] = set()
        self.measured: dict[int, tuple[int, int, int]] = {}
        self.scalars = SafeConstructor()

    def build_document(self, root: Node, aliased: bool) -> Document:
        """The document's value; ``aliased`` when it may hold an alias, to measure first."""
        if aliased:
            self.defined.add(id(root))
            _, nodes, _ = self.measure(root, 0, set())
            written = len(self.measured)
            allowed = max(MAX_ALIAS_NODES, written)
            if nodes - written > allowed:
                raise YamlRefused(
                    self.at(root), f"aliases add {nodes - written} nodes to the {written} written, more than {allowed}"
                )
        value = self.build(root, 0)
        return Document(value, tuple(self.problems))

    def at(self, node: Node) -> Location:
        return _location(self.path, node.start_mark)

    def measure(self, node: Node, depth: int, stack: set[int]) -> tuple[int, int, int]:
        """Alias references, nodes and height of ``node`` once every alias is expanded.

        Computed on the node graph without expanding anything (each node is
        measured once), so a billion-laughs document is refused in microseconds.
        The first edge reaching a node (in document order) defines it; every later
        edge is an alias reference.
        """
        key = id(node)
        if key in stack:
            raise YamlRefused(self.at(node), "recursive alias: a node contains itself")
        if depth > MAX_DEPTH:
            raise YamlRefused(self.at(node), f"YAML nested deeper than {MAX_DEPTH} levels")
        if key not in self.measured:
            stack.add(key)
            aliases, nodes, height = 0, 1, 0
            for child in _children(node):
                is_alias = id(child) in self.defined
                self.defined.add(id(child))
                child_aliases, child_nodes, child_height = self.measure(child, depth + 1, stack)
                if depth + 1 + child_height > MAX_DEPTH:
                    raise YamlRefused(self.at(child), f"YAML nested deeper than {MAX_DEPTH} levels")
                aliases += child_aliases + is_alias
                nodes += child_nodes
                height = max(height, child_height + 1)
            stack.discard(key)
            if aliases > MAX_ALIASES:
                raise YamlRefused(self.at(node), f"more than {MAX_ALIASES} alias references")
            if nodes > MAX_NODES:
                raise YamlRefused(self.at(node), f"aliases expand to more than {MAX_NODES} nodes")
            self.measured[key] = (aliases, nodes, height)
        return self.measured[key]

    def build(self, node: Node, depth: int) -> Any:
        """Build one node; an aliased node is built afresh at each reference."""
        if depth > MAX_DEPTH:  # reached only by a document without anchors: not measured
            raise YamlRefused(self.at(node), f"YAML nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, ScalarNode):
            return self.build_scalar(node)
        if isinstance(node, SequenceNode) and node.tag == _TAG + "seq":
            return self.build_sequence(node, depth)
        if isinstance(node, MappingNode) and node.tag == _TAG + "map":
            return self.build_mapping(node, depth)
        return self.refuse_tag(node)

    def from_events(self, parser: Any, depth: int) -> Any:
        """Build the next value from the parser's events, as :meth:`build` builds its node."""
        if depth > MAX_DEPTH:
            raise _Composed
        event = parser.get_event()
        if isinstance(event, ScalarEvent):
            return self.build_scalar(_scalar_node(parser, event))
        if isinstance(event, SequenceStartEvent) and _tag(parser, SequenceNode, event) == _TAG + "seq":
            return self.sequence_from_events(parser, event, depth)
        if isinstance(event, MappingStartEvent) and _tag(parser, MappingNode, event) == _TAG + "map":
            return self.mapping_from_events(parser, event, depth)
        raise _Composed

    def sequence_from_events(self, parser: Any, start: Event, depth: int) -> YamlSeq:
        seq = YamlSeq()
        seq.location = _location(self.path, start.start_mark)
        seq.item_locations = []
        while not parser.check_event(SequenceEndEvent):
            where = _location(self.path, parser.peek_event().start_mark)
            seq.append(self.from_events(parser, depth + 1))
            seq.item_locations.append(where)
        end = parser.get_event().end_mark
        seq.end = (end.line + 1, end.column + 1)
        return seq

    def mapping_from_events(self, parser: Any, start: Event, depth: int) -> YamlMap:
        mapping = YamlMap()
        mapping.location = _location(self.path, start.start_mark)
        mapping.key_locations = {}
        mapping.value_locations = {}
        while not parser.check_event(MappingEndEvent):
            event = parser.get_event()
            if not isinstance(event, ScalarEvent):
                raise _Composed
            key_node = _scalar_node(parser, event)
            key = self.build_key(key_node)
            if key is None or key in mapping.key_locations:
                raise _Composed  # its value is skipped, not built: the node graph's way
            where = _location(self.path, parser.peek_event().start_mark)
            mapping[key] = self.from_events(parser, depth + 1)
            mapping.key_locations[key] = self.at(key_node)
            mapping.value_locations[key] = where
        end = parser.get_event().end_mark
        mapping.end = (end.line + 1, end.column + 1)
        return mapping

    def refuse_tag(self, node: Node) -> None:
        tag = node.tag.replace(_TAG, "!!")
        self.problems.append(Problem(self.at(node), f"YAML tag '{tag}' is not allowed"))

    def build_scalar(self, node: ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            return self.refuse_tag(node)
        if node.tag == _TAG + "str":
            return node.value
        if node.tag == _TAG + "float":
            return self.build_decimal(node)
        if node.tag == _TAG + "int" and not _PLAIN_INTEGER.fullmatch(node.value):
            return node.value  # 010, 0x1F, 1:30: YAML 1.1 would change the digits
        try:
            built = self.scalars.construct_object(node, deep=True)
        except (ConstructorError, ValueError, TypeError, AttributeError, KeyError):
            # PyYAML's constructors assume their resolver matched: an explicit tag on text that
            # does not fit it (!!timestamp x, !!bool maybe) fails inside them, not as a ConstructorError.
            kind = _SCALAR_NAMES[node.tag]
            self.problems.append(Problem(self.at(node), f"invalid {kind} '{node.value}'"))
            return None
        finally:
            self.scalars.constructed_objects.clear()
        return built

    def build_decimal(self, node: ScalarNode) -> Decimal | None:
        """A float scalar as a Decimal with its written digits (``4.40`` stays ``4.40``)."""
        text = node.value.replace("_", "").lower()
        special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
        if ":" in text:  # YAML 1.1 base-60 (1:30.5 is 90.5): keep the digits written
            return node.value
        try:
            if text in special:
                return Decimal(special[text])
            return Decimal(text)
        except (InvalidOperation, ValueError):
            self.problems.append(Problem(self.at(node), f"invalid number '{node.value}'"))
            return None

    def build_sequence(self, node: SequenceNode, depth: int) -> YamlSeq:
        seq = YamlSeq()
        seq.location = self.at(node)
        seq.end = (node.end_mark.line + 1, node.end_mark.column + 1)
        seq.item_locations = []
        for item in node.value:
            seq.append(self.build(item, depth + 1))
            seq.item_locations.append(self.at(item))
        return seq

    def build_mapping(self, node: MappingNode, depth: int) -> YamlMap:
        mapping = YamlMap()
        mapping.location = self.at(node)
        mapping.end = (node.end_mark.line + 1, node.end_mark.column + 1)
        mapping.key_locations = {}
        mapping.value_locations = {}
        for key_node, value_node in node.value:
            key = self.build_key(key_node)
            if key is None:
                continue
            if key in mapping.key_locations:
                first = mapping.key_locations[key]
                self.problems.append(
                    Problem(self.at(key_node), f"duplicate key '{key}' (first at line {first.line})")
                )
                continue
            mapping[key] = self.build(value_node, depth + 1)
            mapping.key_locations[key] = self.at(key_node)
            mapping.value_locations[key] = self.at(value_node)
        return mapping

    def build_key(self, node: Node) -> str | None:
        """Keys are names: the scalar's text. Merge keys and complex keys are refused."""
        if not isinstance(node, ScalarNode):
            self.problems.append(Problem(self.at(node), "a mapping key must be a plain name"))
            return None
        if node.tag == _TAG + "merge":
            self.problems.append(Problem(self.at(node), "merge keys ('<<') are not supported"))
            return None
        if node.tag not in _SCALAR_TAGS:
            self.refuse_tag(node)
            return None
        return intern(node.value)  # one string per distinct key, not one per claim that writes it

"""CSV text split into header comments, a header and rows of positioned cells.

Both CSV shapes share this: ``# key: value`` lines before the header (free comments
are allowed too), a header line, then one record per line. Cells keep their 1-based
line and column so an error points at the cell, not just the line. Fields follow RFC
4180 quoting (``"a, b"``, ``""`` for a quote); a record does not span lines.

A reference file may hold a million rows, so a row keeps only its line, split into
field texts when read (a line without quotes splits in C); the cells with their columns are
worked out when a reader asks for them, which the long shape does only for a row
that needs an error message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from checker.errors import InputError, Location
from checker.reference.cells import Cell

_HEADER_COMMENT = re.compile(
    r"""
    ^\#\s*                      # the comment mark
    (?P<key>[A-Za-z_][\w.\-]*)  # key: entity, unit, unit.close, source ...
    \s*:\s*
    (?P<value>.*?)\s*$          # the value; URLs keep their own colons
    """,
    re.VERBOSE,
)


@dataclass
class CsvText:
    """A CSV file in parts; ``comments`` maps a header key to its value cell."""

    comments: dict[str, Cell] = field(default_factory=dict)
    free_comments: list[str] = field(default_factory=list)
    header: list[Cell] = field(default_factory=list)
    rows: list[CsvRow] = field(default_factory=list)


class CsvRow:
    """One record: its line and field texts; positioned cells only on demand.

    Unpacks as ``(location, cells)``, the pair every CSV reader walks.
    """

    __slots__ = ("shown", "number", "line")

    def __init__(self, shown: str, number: int, line: str) -> None:
        self.shown, self.number, self.line = shown, number, line

    @property
    def texts(self) -> list[str]:
        """The field texts, split when asked: a file's rows are all held while it is read, and
        their split fields would hold three times the memory of their lines."""
        return self.line.split(",") if '"' not in self.line else [value for value, _ in split_line(self.line)]

    @property
    def location(self) -> Location:
        return Location(self.shown, self.number, 1)

    def cells(self) -> list[Cell]:
        """The fields with their 1-based columns, for messages that point at a cell."""
        return [Cell(value, Location(self.shown, self.number, column + 1)) for value, column in split_line(self.line)]

    def __iter__(self) -> Iterator[Location | list[Cell]]:
        return iter((self.location, self.cells()))


def split_line(line: str) -> list[tuple[str, int]]:
    """Fields of one CSV line with their 0-based start columns.

    >>> split_line('a,"b, c",d')
    [('a', 0), ('b, c', 2), ('d', 9)]
    >>> split_line('2022-11-01,95.2,,USD')
    [('2022-11-01', 0), ('95.2', 11), ('', 16), ('USD', 17)]
    """
    if '"' not in line:
        return _split_unquoted(line)
    fields: list[tuple[str, int]] = []
    start, index, value, quoted = 0, 0, [], False
    while index < len(line):
        char = line[index]
        if quoted:
            if char == '"' and line[index + 1 : index + 2] == '"':
                value.append('"')
                index += 1
            elif char == '"':
                quoted = False
            else:
                value.append(char)
        elif char == '"' and not "".join(value).strip():
            quoted, value = True, []
        elif char == ",":
            fields.append(("".join(value), start))
            start, value = index + 1, []
        else:
            value.append(char)
        index += 1
    fields.append(("".join(value), start))
    return fields


def _split_unquoted(line: str) -> list[tuple[str, int]]:
    """The common case, a line without quotes: a plain split, columns by running length."""
    fields, column = [], 0
    for value in line.split(","):
        fields.append((value, column))
        column += len(value) + 1
    return fields


def split_csv(text: str, shown: str) -> CsvText:
    """Split the text; an InputError when there is no header line."""
    parts = CsvText()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            if not parts.header:
                match = _HEADER_COMMENT.match(line.strip())
                if match:
                    column = line.index(match["value"]) + 1 if match["value"] else len(line) + 1
                    parts.comments[match["key"].lower()] = Cell(match["value"], Location(shown, number, column))
                else:
                    parts.free_comments.append(line.strip().lstrip("#").strip())
            continue
        if not parts.header:
            parts.header = [Cell(c.text.strip(), c.location) for c in CsvRow(shown, number, line).cells()]
        else:
            parts.rows.append(CsvRow(shown, number, line))
    if not parts.header:
        raise InputError(Location(shown, 1, 1), "CSV file has no header line")
    return parts


def fit_to_header(cells: list[Cell], header: list[Cell], row: Location) -> list[Cell]:
    """The row's cells, or an InputError when their count differs from the header's."""
    while len(cells) > len(header) and not cells[-1].text.strip():
        cells = cells[:-1]
    if len(cells) != len(header):
        raise InputError(row, f"row has {len(cells)} fields, header has {len(header)}")
    return cells

"""What every JSON provider reader needs: exact numbers and the position of each row.

Provider APIs answer in JSON whose numbers must stay the digits published (``Decimal``,
never a float), and whose rows should point back to their place in the saved file. A
saved answer is often one line of megabytes, where ``file:1:757901`` helps no one, so a
row's problem also names its JSON path and what the row is about
(``StatisticSearch.row[412] (TIME 202205, ITEM_CODE1 3AA)``).
(Errors are capped per file afterwards, in :func:`checker.reference.finish.capped`.)
"""
from __future__ import annotations

import bisect
import json
import re
from decimal import Decimal
from typing import Any, Callable

from checker import bounded_json
from checker.errors import InputError, Location
from checker.periods import PeriodError
from checker.reference.cells import parse_value
from checker.reference.files import FileData
from checker.reference.model import Observation


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def load_json(text: str, shown: str) -> Any:
    """The parsed document, numbers as Decimal; an InputError at the syntax error otherwise."""
    try:
        return bounded_json.loads(text, parse_float=Decimal, parse_int=Decimal, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InputError(Location(shown, error.lineno, error.colno), f"invalid JSON: {error.msg}") from None
    except ValueError as error:
        raise InputError(Location(shown), f"invalid JSON: {error}") from None


def value_of(raw: object) -> Decimal:
    """A published number (JSON number or numeric string) as an exact Decimal; ValueError otherwise.

    >>> value_of(Decimal("8092460000")), value_of("1,331.50"), value_of(" -12 ")
    (Decimal('8092460000'), Decimal('1331.50'), Decimal('-12'))
    """
    if isinstance(raw, Decimal):
        return parse_value(str(raw))
    if isinstance(raw, str):
        return parse_value(raw)
    raise ValueError(f"value {raw!r} is not a number")


class RowPositions:
    """Where the n-th occurrence of a row's key sits, as a Location, for rows in document order.

    JSON parsers forget positions; every row of a provider's answer carries one key that
    occurs nowhere else (EDGAR ``accn``, ECOS ``TIME``), so its n-th occurrence in the text
    is the n-th row. When the counts disagree, rows point at the file's start instead of a
    wrong line.
    """

    def __init__(self, text: str, shown: str, key: str, rows: int) -> None:
        self._shown = shown
        self._breaks = [m.start() for m in re.finditer("\n", text)]
        found = [m.start() for m in re.finditer(rf'"{re.escape(key)}"\s*:', text)]
        self._offsets = found if len(found) == rows else []

    def __getitem__(self, index: int) -> Location:
        if not self._offsets:
            return Location(self._shown)
        offset = self._offsets[index]
        line = bisect.bisect_left(self._breaks, offset)
        column = offset - (self._breaks[line - 1] + 1 if line else 0)
        return Location(self._shown, line + 1, column + 1)


#: How much of one identifying value a message shows.
_SHOWN_VALUE = 40


def row_name(rows_path: str, index: int, row: object, identity: tuple[str, ...]) -> str:
    """The row's JSON path and the identifying fields it has, for a message.

    >>> row_name("StatisticSearch.row", 412, {"TIME": "202205", "ITEM_CODE1": "3AA", "ITEM_CODE2": None},
    ...          ("TIME", "ITEM_CODE1", "ITEM_CODE2"))
    'StatisticSearch.row[412] (TIME 202205, ITEM_CODE1 3AA)'
    """
    fields = [(name, row[name]) for name in identity if isinstance(row, dict) and row.get(name) not in (None, "")]
    shown = ", ".join(f"{name} {_short(str(value))}" for name, value in fields)
    return f"{rows_path}[{index}]" + (f" ({shown})" if shown else "")


def _short(value: str) -> str:
    return value if len(value) <= _SHOWN_VALUE else value[:_SHOWN_VALUE] + "…"


def read_rows(data: FileData, text: str, rows: list, key: str, provider: str,
              observe: Callable[[object, Location], Observation | None], *, rows_path: str,
              identity: tuple[str, ...]) -> FileData:
    """Each row through ``observe`` into ``data``, a bad row an error at its place.

    ``key`` is the per-row key that locates rows (see :class:`RowPositions`);
    ``observe`` returns None for a row that publishes no value. A bad row's message
    starts with :func:`row_name` of ``rows_path`` (where the list sits in the document)
    and the ``identity`` fields.
    """
    positions = RowPositions(text, data.path, key, len(rows))
    for index, row in enumerate(rows):
        try:
            found = observe(row, positions[index])
        except (ValueError, PeriodError) as error:
            named = row_name(rows_path, index, row, identity)
            data.errors.append(InputError(positions[index], f"{provider} row {named}: {error}"))
            continue
        if found is not None:
            data.observations.append(found)
    return data


def document_rows(data: FileData, text: str, rows_of: Callable[[Any, str], list]) -> list | None:
    """The provider's rows of the saved answer; None, with the reason in ``data.errors``, when it has none."""
    try:
        return rows_of(load_json(text, data.path), data.path)
    except InputError as error:
        data.errors.append(error)
        return None

"""The Philadelphia Fed's Real-Time Data Set for Macroeconomists, workbooks as published.

``routputMvQd.xlsx`` (real output, quarterly vintages), ``pcpiMvMd.xlsx`` (CPI, monthly
vintages) and their siblings hold one sheet: a ``DATE`` column of observation periods
(``1947:Q1``, ``1947:01``), then one column per vintage named variable + vintage
(``ROUTPUT65Q4``, ``PCPI98M11``), ``#N/A`` where a vintage has no figure. It is one
series with vintages, keyed ``rtdsm.<VARIABLE>`` and sourced to the variable's page.

Vintage dates: the Philadelphia Fed adds each quarterly vintage shortly after the 15th
day of the middle month of its quarter, holding the data as they stood then, so
vintage ``YYQn`` is dated the 15th of the quarter's middle month (``22Q4`` is
2022-11-15) and a monthly vintage ``YYMm`` the 15th of its month (``98M11`` is
1998-11-15; the same mid-month convention, chosen by analogy). Two-digit years from 65
are 19YY (the data set starts with the 1965Q4 vintage), below 65 are 20YY.

Like ALFRED's wide download, a figure is kept from the vintage that first published
it. The workbook states no unit: the reference entry gives it. Real-output vintages
are in the dollars of their own benchmark year, which the workbook does not say, so
the entry's unit applies to every column (see docs/reference-data.md). Workbooks are
read with openpyxl, the optional extra ``claimcheck[xlsx]``.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from checker.errors import InputError, Location
from checker.lazy_regex import compile_lazily
from checker.periods import PeriodError, parse_period
from checker.reference.cells import parse_value
from checker.reference.entry import Entry
from checker.reference.files import MAX_BYTES, FileData
from checker.reference.model import Observation

EXTENSIONS = (".xlsx",)
NAME = "Philadelphia Fed Real-Time Data Set"
PAGE = "https://www.philadelphiafed.org/surveys-and-data/real-time-data-research/{}"
MISSING_EXTRA = "reading .xlsx workbooks needs openpyxl: pip install 'claimcheck[xlsx]'"
#: A vintage column: variable, two-digit year, then Qn or Mm (ROUTPUT65Q4, PCPI98M11, PCPI99M1).
VINTAGE_COLUMN = compile_lazily(r"^([A-Z][A-Z0-9_]*?)(\d{2})(?:Q([1-4])|M(1[0-2]|0?[1-9]))$")
#: An observation period: 1947:Q1 (quarter) or 1947:01 (month).
DATE = compile_lazily(r"^(\d{4}):(?:Q([1-4])|(\d{2}))$")
MISSING = ("", "#N/A")
#: Bounds far above the real workbooks (about 320 rows by 250 vintages quarterly, 950 by
#: 330 monthly): a sheet declaring more is refused before its cells are read.
MAX_ROWS = 5000
MAX_COLUMNS = 1000


def load(path: Path, shown: str, entry: Entry, max_bytes: int = MAX_BYTES) -> FileData:
    """The workbook's first sheet as one series per variable, each cell at its vintage."""
    data = FileData(shown)
    try:
        import openpyxl
    except ImportError:
        data.errors.append(InputError(Location(shown, 1, 1), MISSING_EXTRA))
        return data
    try:
        _check_unpacked_size(path, shown, max_bytes)
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            if not workbook.worksheets:
                raise InputError(Location(shown, 1, 1), "the workbook has no sheet")
            _read_sheet(workbook.worksheets[0], data, entry)
        finally:
            workbook.close()
    except InputError as error:
        data.errors.append(error)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, KeyError) for a damaged workbook
        data.errors.append(InputError(Location(shown, 1, 1), f"cannot read the workbook: {_short(error)}"))
    return data


def vintage_day(year: str, quarter: str | None, month: str | None) -> date:
    """The day a vintage column stands for: the 15th of the quarter's middle month, or of the month.

    >>> vintage_day("65", "4", None), vintage_day("22", "1", None), vintage_day("98", None, "11")
    (datetime.date(1965, 11, 15), datetime.date(2022, 2, 15), datetime.date(1998, 11, 15))
    """
    full = int(year) + (1900 if int(year) >= 65 else 2000)
    return date(full, int(quarter) * 3 - 1 if quarter else int(month or 0), 15)


def _check_unpacked_size(path: Path, shown: str, max_bytes: int) -> None:
    """Refuse a workbook whose parts unpack past the run's byte limit (a zip bomb)."""
    import zipfile  # here, not with the module: only a run that reads a workbook pays for it

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(Location(shown, 1, 1), f"not an .xlsx workbook: {_short(error)}") from None
    if unpacked > max_bytes:
        raise InputError(Location(shown, 1, 1), (
            f"the workbook unpacks to {unpacked:,} bytes, more than the limit of {max_bytes:,}"))


def _read_sheet(sheet: Any, data: FileData, entry: Entry) -> None:
    sheet.reset_dimensions()  # the declared size may lie; only cells present are read
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())  # at most Excel's 16,384 cells
    if len(header) > MAX_COLUMNS:
        raise InputError(Location(data.path, 1, MAX_COLUMNS + 1),
                         f"more than {MAX_COLUMNS} columns: not a Real-Time Data Set workbook")
    columns = _vintage_columns(header, data.path, entry)
    rows = sheet.iter_rows(min_row=2, max_row=MAX_ROWS + 1, max_col=len(header), values_only=True)
    for number, cells in enumerate(rows, start=2):
        if number > MAX_ROWS:
            raise InputError(Location(data.path, number, 1),
                             f"more than {MAX_ROWS} rows: not a Real-Time Data Set workbook")
        _read_row(data, number, cells, columns)


def _vintage_columns(header: tuple, shown: str, entry: Entry) -> list[tuple[int, str, date]]:
    """(index, variable, vintage) of each vintage column, oldest first; InputError for another sheet."""
    if not header or str(header[0] or "").strip().upper() != "DATE":
        raise InputError(Location(shown, 1, 1), (
            "not a Real-Time Data Set workbook: the first cell should be DATE, then columns such as ROUTPUT65Q4"))
    found: list[tuple[int, str, date]] = []
    for index, name in enumerate(header[1:], start=1):
        match = VINTAGE_COLUMN.match(str(name or "").strip())
        if not match:
            raise InputError(Location(shown, 1, index + 1), (
                f"column {str(name or '')[:40]!r} is no vintage (expected a name such as ROUTPUT65Q4 or PCPI98M11)"))
        found.append((index, match.group(1), vintage_day(*match.group(2, 3, 4))))
    named = entry.metric.rsplit(".", 1)[-1]
    if len({variable for _, variable, _ in found}) == 1 and named:
        found = [(index, named, vintage) for index, _, vintage in found]
    return sorted(found, key=lambda column: column[2])


def _read_row(data: FileData, number: int, cells: tuple, columns: list[tuple[int, str, date]]) -> None:
    """One period's figures, each from the vintage that first published it (see module doc)."""
    written = str(cells[0]).strip() if cells and cells[0] is not None else ""
    if not written:
        return
    try:
        period = _period(written)
    except ValueError as error:
        data.errors.append(InputError(Location(data.path, number, 1), str(error)))
        return
    last: dict[str, str] = {}
    for index, variable, vintage in columns:
        text = _text(cells[index]) if index < len(cells) else ""
        if text in MISSING or last.get(variable) == text:
            continue
        last[variable] = text
        where = Location(data.path, number, index + 1)
        try:
            value = parse_value(text)
        except ValueError as error:
            data.errors.append(InputError(where, str(error)))
            continue
        data.observations.append(Observation(
            metric=f"rtdsm.{variable}", period=period, value=value, precision=Decimal(0), unit="",
            source=PAGE.format(variable.lower()), vintage=vintage, location=where))


def _period(written: str):
    """``1947:Q1`` as the quarter, ``1947:01`` as the month."""
    match = DATE.match(written)
    if not match:
        raise ValueError(f"DATE {written[:40]!r} is no period (expected 1947:Q1 or 1947:01)")
    year, quarter, month = match.groups()
    try:
        return parse_period(f"{year}-Q{quarter}" if quarter else f"{year}-{month}")
    except PeriodError as error:
        raise ValueError(f"DATE {written!r}: {error}") from None


def _text(value: Any) -> str:
    """A cell as the digits it shows: a float through its shortest round-trip form (306.4, not 306.39999…)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


def _short(error: Exception) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__

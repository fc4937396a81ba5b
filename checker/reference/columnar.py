"""Reference data in Parquet files and DuckDB databases, read through DuckDB.

A desk's archive of series outgrows CSV: millions of rows of which one run needs a
few metrics. The long shape (``entity, metric, period, value, unit, source`` and an
optional ``vintage``) is queried in DuckDB, filtered to the metrics the run's claims
name, so memory holds the rows a check needs rather than the file. The rows then go
through the same cells as a CSV's (periods, numbers, units, precision, vintages), so
a Parquet file and a CSV of the same rows give the same verdicts.

Values keep their digits when the column is ``DECIMAL`` or text; a ``DOUBLE`` column
is read through its shortest round-trip form (``14.0`` stays one decimal).
A ``.duckdb`` database holds the rows in a table or view named ``observations``.
DuckDB is the optional extra ``claimcheck[parquet]``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from checker.errors import InputError, Location
from checker.reference.cells import Cell, RowDefaults, build_observation
from checker.reference.files import FileData

EXTENSIONS = (".parquet", ".duckdb")
COLUMNS = ("entity", "metric", "period", "value", "unit", "source", "vintage")
REQUIRED = ("metric", "period", "value")
TABLE = "observations"
MISSING_EXTRA = "reading .parquet and .duckdb reference files needs DuckDB: pip install 'claimcheck[parquet]'"


def load_parquet(path: Path, shown: str, defaults: RowDefaults | None = None,
                 metrics: Iterable[str] | None = None) -> FileData:
    """The rows of ``metrics`` (every row when None) of a Parquet file; problems in ``.errors``."""
    return _load(path, shown, defaults, metrics, database=False)


def load_duckdb(path: Path, shown: str, defaults: RowDefaults | None = None,
                metrics: Iterable[str] | None = None) -> FileData:
    """The same, from the table or view ``observations`` of a DuckDB database."""
    return _load(path, shown, defaults, metrics, database=True)


def _load(path: Path, shown: str, defaults: RowDefaults | None, metrics: Iterable[str] | None,
          database: bool) -> FileData:
    data = FileData(shown)
    try:
        import duckdb
    except ImportError:
        data.errors.append(InputError(Location(shown, 1, 1), MISSING_EXTRA))
        return data
    relation, params = (TABLE, []) if database else ("read_parquet(?)", [str(path)])
    kind = "DuckDB file" if database else "Parquet file"
    try:
        connection = duckdb.connect(str(path), read_only=True) if database else duckdb.connect(":memory:")
        with connection:
            names = [str(row[0]) for row in
                     connection.execute(f"DESCRIBE SELECT * FROM {relation}", params).fetchall()]
            _check_shape(names, shown)
            rows = _query(connection, relation, params, names, metrics, defaults or RowDefaults())
    except duckdb.Error as error:
        message = " ".join(str(error).split())[:300]
        data.errors.append(InputError(Location(shown, 1, 1), f"cannot read {kind}: {message}"))
        return data
    except InputError as error:
        data.errors.append(error)
        return data
    for number, row in enumerate(rows, start=1):
        _add(data, names, row, number, defaults or RowDefaults())
    return data


def _check_shape(names: list[str], shown: str) -> None:
    lowered = [name.lower() for name in names]
    missing = [column for column in REQUIRED if column not in lowered]
    if missing:
        raise InputError(Location(shown, 1, 1), (
            f"not the long shape: no column {', '.join(missing)} "
            f"(columns: {', '.join(COLUMNS)}; entity, unit, source and vintage may come from the reference entry)"))


def _query(connection: Any, relation: str, params: list[Any], names: list[str],
           metrics: Iterable[str] | None, defaults: RowDefaults) -> list[tuple]:
    """Every column as text, the rows filtered in DuckDB to the wanted ``entity.metric`` keys."""
    selected = ", ".join(f'CAST("{name}" AS VARCHAR)' for name in (n.replace('"', '""') for n in names))
    sql = f"SELECT {selected} FROM {relation}"
    if metrics is not None:
        wanted = sorted(set(metrics))
        if not wanted:
            return []
        lowered = [name.lower() for name in names]
        entity = f'"{names[lowered.index("entity")]}"' if "entity" in lowered else "NULL"
        metric = f'"{names[lowered.index("metric")]}"'
        written = f"coalesce(nullif(trim({entity}), ''), ?)"
        key = f"CASE WHEN {written} = '' THEN trim({metric}) ELSE {written} || '.' || trim({metric}) END"
        sql += f" WHERE {key} IN (SELECT unnest(?))"
        params = [*params, defaults.entity, defaults.entity, wanted]
    return connection.execute(sql, params).fetchall()


def _add(data: FileData, names: list[str], row: tuple, number: int, defaults: RowDefaults) -> None:
    """One row through the same cells as a long CSV's: known columns, the rest as notes."""
    cells: dict[str, Cell] = {}
    notes: dict[str, str] = {}
    for column, (name, value) in enumerate(zip(names, row), start=1):
        text = value or ""
        if name.lower() in COLUMNS:
            cells[name.lower()] = Cell(text, Location(data.path, number, column))
        elif text.strip():
            notes[name] = text.strip()
    try:
        data.observations.append(build_observation(cells, Location(data.path, number, 1), defaults, notes))
    except InputError as error:
        data.errors.append(error)

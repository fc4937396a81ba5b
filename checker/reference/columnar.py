"""Reference data in Parquet files and DuckDB databases, read through DuckDB.

A desk's archive of series outgrows CSV: millions of rows of which one run needs a
few metrics. The long shape (``entity, metric, period, value, unit, source`` and an
optional ``vintage``) is queried in DuckDB, filtered to the metrics the run's claims
name, so memory holds the rows a check needs rather than the file. The rows then go
through the same cells as a CSV's (periods, numbers, units, precision, vintages), so
a Parquet file and a CSV of the same rows give the same verdicts. A run of many claim
files naming one file queries it once for all their keys (``query``, from
:mod:`checker.evaluation.shared_keys`), and each takes its own keys' rows from the result.

Values keep their digits when the column is ``DECIMAL`` or text; a ``DOUBLE`` column
is read through its shortest round-trip form (``14.0`` stays one decimal).
A ``.duckdb`` database holds the rows in a table named ``observations`` (not a view:
see :mod:`checker.reference.duckdb_sandbox`). Only the long shape's columns are read,
and what they may bring into memory is bounded like a text file: the file's size, each
cell, and the rows the run asks for, counted as the CSV of them, by ``--max-bytes``.
DuckDB is the optional extra ``claimcheck[parquet]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from checker.errors import InputError, Location
from checker.reference.cells import Cell, RowDefaults, build_observation
from checker.reference.duckdb_sandbox import open_database, open_parquet, require_table
from checker.reference.files import FLAG, MAX_BYTES, FileData
from checker.textfiles import check_size

EXTENSIONS = (".parquet", ".duckdb")
COLUMNS = ("entity", "metric", "period", "value", "unit", "source", "vintage")
REQUIRED = ("metric", "period", "value")
TABLE = "observations"
#: Bytes one cell may hold: an address or a unit, never a document. A Parquet file compresses a
#: repeated megabyte to a few bytes, so its size alone does not bound its cells.
MAX_CELL_BYTES = 10_000
MISSING_EXTRA = "reading .parquet and .duckdb reference files needs DuckDB: pip install 'claimcheck[parquet]'"


def load_parquet(path: Path, shown: str, defaults: RowDefaults | None = None,
                 metrics: Iterable[str] | None = None, max_bytes: int = MAX_BYTES,
                 query: Iterable[str] | None = None) -> FileData:
    """The rows of ``metrics`` (every row when None) of a Parquet file; problems in ``.errors``.

    ``query`` (with ``metrics``): every key the run will ask of the file, so one query
    serves all its claim files (see :func:`_selected`).
    """
    return _load(path, shown, defaults or RowDefaults(), metrics, query, database=False, max_bytes=max_bytes)


def load_duckdb(path: Path, shown: str, defaults: RowDefaults | None = None,
                metrics: Iterable[str] | None = None, max_bytes: int = MAX_BYTES,
                query: Iterable[str] | None = None) -> FileData:
    """The same, from the table ``observations`` of a DuckDB database."""
    return _load(path, shown, defaults or RowDefaults(), metrics, query, database=True, max_bytes=max_bytes)


def clear_cache() -> None:
    """Forget the rows kept from run-wide queries (with :func:`checker.reference.clear_cache`)."""
    _SELECTIONS.clear()


@dataclass
class _Selection:
    """What one query gave: the long shape's columns and the rows as text, in the file's order,
    with each row's ``entity.metric`` key last when filtered; or the problem that stopped it."""

    columns: list[tuple[int, str]] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    error: InputError | None = None
    by_key: dict[str, list[int]] = field(default_factory=dict)

    def of(self, metrics: frozenset[str]) -> list[tuple]:
        """The rows of ``metrics`` in the file's order: what a query for them alone returns."""
        if not self.by_key and self.rows:
            for index, row in enumerate(self.rows):
                self.by_key.setdefault(row[-1], []).append(index)
        return [self.rows[index] for index in sorted(i for key in metrics for i in self.by_key.get(key, ()))]


#: The latest run-wide selection of each file (by file, entity and limit), with what it was made
#: for (the file's size and time, the keys): a 5M-row file costs a scan per query, so a run of a
#: hundred claim files naming it scans it once, not a hundred times; a long-lived worker keeps one.
_SELECTIONS: dict[tuple, tuple[tuple, _Selection]] = {}


def _load(path: Path, shown: str, defaults: RowDefaults, metrics: Iterable[str] | None,
          query: Iterable[str] | None, database: bool, max_bytes: int) -> FileData:
    data = FileData(shown)
    asked = None if metrics is None else frozenset(metrics)
    if asked is None or query is None or not asked:  # a file asking nothing queries nothing, as alone
        selection = _select(path, shown, defaults, asked, database, max_bytes)
        rows = selection.rows
    else:
        selection = _selected(path, shown, defaults, asked | frozenset(query), database, max_bytes)
        rows = selection.of(asked)
    if selection.error is not None:
        data.errors.append(selection.error)
        return data
    for number, row in enumerate(rows, start=1):
        _add(data, selection.columns, row, number, defaults)
    return data


def _selected(path: Path, shown: str, defaults: RowDefaults, keys: frozenset[str], database: bool,
              max_bytes: int) -> _Selection:
    """The rows of ``keys``, queried once per file, keys and limit, then kept for the run.

    Each claim file then takes its own keys' rows in the file's order and numbers them
    as its own query would, so its rows, errors and verdicts are those of a query for
    its keys alone; only the size limits are checked on all the rows the run reads.
    """
    try:
        stat = path.stat()
        file = (path.resolve(), shown, database, defaults.entity, max_bytes)
    except (OSError, RuntimeError):
        return _select(path, shown, defaults, keys, database, max_bytes)
    made_for = (stat.st_size, stat.st_mtime_ns, keys)
    kept = _SELECTIONS.get(file)
    if kept is None or kept[0] != made_for:
        kept = _SELECTIONS[file] = (made_for, _select(path, shown, defaults, keys, database, max_bytes))
    return kept[1]


def _select(path: Path, shown: str, defaults: RowDefaults, keys: frozenset[str] | None, database: bool,
            max_bytes: int) -> _Selection:
    try:
        import duckdb
    except ImportError:
        return _Selection(error=InputError(Location(shown, 1, 1), MISSING_EXTRA))
    kind = "DuckDB file" if database else "Parquet file"
    try:
        check_size(path, Location(shown, 1, 1), max_bytes, what="reference file", flag=FLAG)
        connection, relation, params = _open(duckdb, path, shown, database)
        with connection:
            if database:
                require_table(connection, TABLE, shown)
            columns = _columns(connection, relation, params, shown)
            rows = _query(connection, relation, params, [name for _, name in columns], keys, defaults,
                          (shown, max_bytes))
    except duckdb.Error as error:
        message = " ".join(str(error).split())[:300]
        return _Selection(error=InputError(Location(shown, 1, 1), f"cannot read {kind}: {message}"))
    except InputError as error:
        return _Selection(error=error)
    return _Selection(columns, rows)


def _open(duckdb: Any, path: Path, shown: str, database: bool) -> tuple[Any, str, list[Any]]:
    """A sandboxed connection, the relation to select from and its parameters."""
    if database:
        return open_database(duckdb, path), TABLE, []
    connection, literal = open_parquet(duckdb, path, shown)
    return connection, "read_parquet(?)", [literal]


def _columns(connection: Any, relation: str, params: list[Any], shown: str) -> list[tuple[int, str]]:
    """The long shape's columns the relation has, with their 1-based positions; others are never read."""
    names = [str(row[0]) for row in connection.execute(f"DESCRIBE SELECT * FROM {relation}", params).fetchall()]
    _check_shape(names, shown)
    return [(position, name) for position, name in enumerate(names, start=1) if name.lower() in COLUMNS]


def _check_shape(names: list[str], shown: str) -> None:
    lowered = [name.lower() for name in names]
    missing = [column for column in REQUIRED if column not in lowered]
    if missing:
        raise InputError(Location(shown, 1, 1), (
            f"not the long shape: no column {', '.join(missing)} "
            f"(columns: {', '.join(COLUMNS)}; entity, unit, source and vintage may come from the reference entry)"))


def _query(connection: Any, relation: str, params: list[Any], names: list[str],
           metrics: Iterable[str] | None, defaults: RowDefaults, limit: tuple[str, int]) -> list[tuple]:
    """The columns as text, the rows filtered in DuckDB to the wanted ``entity.metric`` keys,
    measured there before any reaches Python. A filtered row ends with its key, so the
    claim files sharing one query each take their own rows."""
    aliases = [f"c{index}" for index in range(len(names))]
    selected = [f'CAST("{name.replace(chr(34), chr(34) * 2)}" AS VARCHAR) AS {alias}'
                for name, alias in zip(names, aliases)]
    before, after, where = [], [], ""
    if metrics is not None:
        wanted = sorted(set(metrics))
        if not wanted:
            return []
        lowered = [name.lower() for name in names]
        entity = f'"{names[lowered.index("entity")]}"' if "entity" in lowered else "NULL"
        metric = f'"{names[lowered.index("metric")]}"'
        written = f"coalesce(nullif(trim({entity}), ''), ?)"
        key = f"CASE WHEN {written} = '' THEN trim({metric}) ELSE {written} || '.' || trim({metric}) END"
        selected.append(f"{key} AS k")
        where = f" WHERE {key} IN (SELECT unnest(?))"
        before, after = [defaults.entity, defaults.entity], [defaults.entity, defaults.entity, wanted]
    sql = f"SELECT {', '.join(selected)} FROM {relation}{where}"
    params = [*before, *params, *after]
    _check_sizes(connection, sql, params, names, aliases, *limit)
    return connection.execute(sql, params).fetchall()


def _check_sizes(connection: Any, sql: str, params: list[Any], names: list[str], aliases: list[str],
                 shown: str, max_bytes: int) -> None:
    """Refuse rows whose text would exceed a cell's limit or, as CSV, ``max_bytes``, before fetching them."""
    widest = ", ".join(f"max(strlen({alias}))" for alias in aliases)
    as_csv = " + ".join(f"coalesce(strlen({alias}), 0) + 1" for alias in aliases)
    *cells, total = connection.execute(f"SELECT {widest}, sum({as_csv}) FROM ({sql})", params).fetchone()
    for name, width in zip(names, cells):
        if width is not None and width > MAX_CELL_BYTES:
            raise InputError(Location(shown, 1, 1), (
                f"column {name} holds a cell of {width} bytes, over the {MAX_CELL_BYTES}-byte limit of a cell"))
    if total is not None and total > max_bytes:
        raise InputError(Location(shown, 1, 1), (
            f"the rows to read are {total} bytes as text, over the {max_bytes}-byte limit of {FLAG}"))


def _add(data: FileData, columns: list[tuple[int, str]], row: tuple, number: int, defaults: RowDefaults) -> None:
    """One row through the same cells as a long CSV's, each at its column's position."""
    cells = {name.lower(): Cell(value or "", Location(data.path, number, position))
             for (position, name), value in zip(columns, row)}
    try:
        data.observations.append(build_observation(cells, Location(data.path, number, 1), defaults, {}))
    except InputError as error:
        data.errors.append(error)

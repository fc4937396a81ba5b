"""Opening a Parquet file or a DuckDB database as data, never as a program.

A DuckDB database may hold views, and a view is a query: one reading
``read_text('/proc/self/environ')`` or a file outside the claim repository would put
them into the rows claimcheck prints, bypassing the confinement of reference paths.
DuckDB also reads a Parquet path as a glob, so ``data[1].parquet`` reads
``data1.parquet``. So every connection is opened with file, network and extension
access off before any of the file is read (a Parquet file is the one path allowed),
the configuration is locked, glob characters are refused, and a database's table must
be a base table of stored columns (no generated one). DuckDB's own memory is capped;
what reaches Python is bounded by the caller (:mod:`checker.reference.columnar`).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from checker.errors import InputError, Location

#: Characters DuckDB expands in a file path (``*``, ``?``, ``[...]``); it has no escape for them.
GLOB_CHARACTERS = "*?["
#: DuckDB's working memory for one reference file (it spills or fails beyond, never takes the machine).
MEMORY_LIMIT = "512MB"
#: Set when the database starts, before the file's catalog is read: no extension is loaded or fetched.
_STARTUP = {"autoload_known_extensions": False, "autoinstall_known_extensions": False, "memory_limit": MEMORY_LIMIT}


def open_database(duckdb: Any, path: Path) -> Any:
    """A read-only connection to a ``.duckdb`` file that can reach nothing outside it.

    The path is made absolute, so a name DuckDB reads as a location (``md:x.duckdb``, a
    MotherDuck database; ``:memory:``) stays a file of the repository.
    """
    return duckdb.connect(os.path.abspath(path), read_only=True,
                          config={**_STARTUP, "enable_external_access": False, "lock_configuration": True})


def open_parquet(duckdb: Any, path: Path, shown: str) -> tuple[Any, str]:
    """An in-memory connection allowed to read ``path`` alone, and the path to give ``read_parquet``."""
    literal = os.path.abspath(path)
    if any(character in literal for character in GLOB_CHARACTERS):
        raise InputError(Location(shown, 1, 1), (
            f"a Parquet path may not hold {', '.join(GLOB_CHARACTERS)} (DuckDB reads them as a pattern "
            "and could read another file): rename the file or its folder"))
    connection = duckdb.connect(":memory:", config=_STARTUP)
    connection.execute(f"SET allowed_paths = [{quoted(literal)}]")  # settable only once the database runs
    connection.execute("SET enable_external_access = false")
    connection.execute("SET lock_configuration = true")
    return connection, literal


def require_table(connection: Any, name: str, shown: str) -> None:
    """Refuse a view (a query the file would run) where a table of rows is expected, and a table with a
    column computed by an expression: a generated column runs its expression at every read, as a view
    does (a few bytes of ``repeat()`` ask any CPU). DuckDB reports a default the same way
    (``column_default``, since 0.9), so one is refused too: tables made from data have neither."""
    where = "lower({}) = lower(?) AND database_name = current_database() AND schema_name = current_schema()"
    views = connection.execute(f"SELECT count(*) FROM duckdb_views() WHERE {where.format('view_name')}",
                               [name]).fetchone()[0]
    if views:
        raise InputError(Location(shown, 1, 1), f"{name} is a view; claimcheck reads only tables")
    computed = connection.execute(
        f"SELECT column_name FROM duckdb_columns() WHERE {where.format('table_name')} AND column_default IS NOT NULL "
        "ORDER BY column_index LIMIT 1", [name]).fetchone()
    if computed:
        raise InputError(Location(shown, 1, 1), f"{name}.{computed[0]} is computed by an expression, not stored; "
                                                "claimcheck reads only stored values")


def quoted(text: str) -> str:
    """``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"

"""Which loader reads a file: a provider's download recognised by its content, else
claimcheck's own shapes (by extension, and for CSV by the header line).

Registries, so a new provider is one module in :mod:`checker.reference.sources` and a
new own shape one module and one line here. Every file then goes through
:func:`checker.reference.finish.finish` (overrides, unit scales, precision, frequency).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import ModuleType

from checker.errors import InputError, Location
from checker.gc_pause import no_cycle_collection
from checker.reference import columnar, csv_long, csv_timeseries, sources, yaml_json
from checker.reference.cells import Cell, RowDefaults
from checker.reference.csv_text import CsvText, split_csv
from checker.reference.entry import Entry
from checker.reference.files import MAX_BYTES, FileData, read_text
from checker.reference.finish import finish
from checker.reference.sources import rtdsm

#: CSV shapes, tried in order against the header's column names.
CSV_SHAPES: tuple[ModuleType, ...] = (csv_long, csv_timeseries)
CSV_EXTENSIONS = (".csv",)
YAML_EXTENSIONS = (".yaml", ".yml")
JSON_EXTENSIONS = (".json",)
#: Header-comment keys that describe the file as a reference entry's keys do.
ENTRY_COMMENTS = ("precision", "frequency", "since", "complete")
#: Characters of a file shown to the recognisers.
HEAD = 4096


def _load_csv(text: str, shown: str, entry: Entry) -> tuple[FileData, Entry]:
    parts = split_csv(text, shown)
    entry = _with_comments(entry, parts, shown)
    names = [cell.text for cell in parts.header]
    for shape in CSV_SHAPES:
        if shape.matches(names):
            return shape.load(parts, shown), entry
    raise InputError(
        parts.header[0].location,
        "unknown CSV shape: the header must be 'entity,metric,period,value,unit,source' (long), "
        "'date,<metric>,...' (time series) or a FRED download ('observation_date,SERIES_ID')",
    )


def _with_comments(entry: Entry, parts: CsvText, shown: str) -> Entry:
    """The entry, with the file's own ``# key:`` lines filling what the entry leaves out.

    Entry keys win over the file's lines (the claim file overrides); the file's lines
    in turn supply what its rows leave empty.
    """
    where = Location(shown, 1, 1)
    for key in ("entity", "unit", "source", "vintage"):
        if getattr(entry, key):
            parts.comments[key] = Cell(getattr(entry, key), where)
    given = {key: parts.comments.pop(key).text for key in ENTRY_COMMENTS if key in parts.comments}
    return replace(entry, **{key: value for key, value in given.items() if not getattr(entry, key)})


def _read(entry: Entry, shown: str, max_bytes: int, metrics: frozenset[str] | None,
          query: frozenset[str] | None) -> tuple[FileData, Entry, bool]:
    """The file's data, the entry completed by the file's own lines, and whether its
    dates stand for longer periods (FRED's first-of-month convention)."""
    suffix = entry.file.suffix.lower()
    defaults = RowDefaults(entity=entry.entity, unit=entry.unit, source=entry.source, vintage=entry.vintage)
    if suffix in columnar.EXTENSIONS:
        load = columnar.load_duckdb if suffix == ".duckdb" else columnar.load_parquet
        return load(entry.file, shown, defaults, metrics, max_bytes, query), entry, False
    if suffix in rtdsm.EXTENSIONS:
        return rtdsm.load(entry.file, shown, entry, max_bytes), entry, False
    if suffix not in CSV_EXTENSIONS + YAML_EXTENSIONS + JSON_EXTENSIONS:
        raise InputError(Location(shown), (f"unknown reference file type {suffix or '(none)'!r}: "
                                           "use .csv, .yaml, .yml, .json, .parquet, .duckdb or .xlsx"))
    text = read_text(entry.file, shown, max_bytes)
    provider = sources.recognise(suffix, text[:HEAD])
    if provider is not None:
        return provider.read(text, shown, entry), entry, getattr(provider, "DATES_NAME_PERIODS", False)
    if suffix in CSV_EXTENSIONS:
        return (*_load_csv(text, shown, entry), False)
    return yaml_json.load_text(text, shown, is_json=suffix in JSON_EXTENSIONS, defaults=defaults), entry, False


def load_file(entry: Entry | Path, shown: str, max_bytes: int = MAX_BYTES,
              metrics: frozenset[str] | None = None, query: frozenset[str] | None = None) -> FileData:
    """Load one reference file; problems are in ``.errors``, never raised.

    ``metrics`` limits what a Parquet file or DuckDB database yields to those keys
    (the filter runs in DuckDB); ``query``, every key the run asks of it, lets one query
    serve all the claim files naming it. Text files are always read whole.
    """
    entry = entry if isinstance(entry, Entry) else Entry(Path(entry))
    with no_cycle_collection():  # a row or two of objects per line, none freed until the file is read
        try:
            data, entry, dates_name_periods = _read(entry, shown, max_bytes, metrics, query)
        except InputError as error:
            return FileData(shown, errors=[error])
        return finish(data, entry, infer_frequency=dates_name_periods)

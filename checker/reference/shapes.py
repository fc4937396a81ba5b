"""Which loader reads a file: chosen by extension, and for CSV by the header line.

A registry, so a new shape (SQLite, Parquet) is one module and one line here.
"""
from __future__ import annotations

from pathlib import Path
from types import ModuleType

from checker.errors import InputError, Location
from checker.reference import csv_long, csv_timeseries, yaml_json
from checker.reference.csv_text import split_csv
from checker.reference.files import FileData, read_text

#: CSV shapes, tried in order against the header's column names.
CSV_SHAPES: tuple[ModuleType, ...] = (csv_long, csv_timeseries)
CSV_EXTENSIONS = (".csv",)
YAML_EXTENSIONS = (".yaml", ".yml")
JSON_EXTENSIONS = (".json",)


def _load_csv(text: str, shown: str) -> FileData:
    parts = split_csv(text, shown)
    names = [cell.text for cell in parts.header]
    for shape in CSV_SHAPES:
        if shape.matches(names):
            return shape.load(parts, shown)
    raise InputError(
        parts.header[0].location,
        "unknown CSV shape: the header must be 'entity,metric,period,value,unit,source' (long) "
        "or 'date,<metric>,...' (time series)",
    )


def load_file(path: Path, shown: str) -> FileData:
    """Load one reference file; problems are in ``.errors``, never raised."""
    suffix = path.suffix.lower()
    try:
        if suffix not in CSV_EXTENSIONS + YAML_EXTENSIONS + JSON_EXTENSIONS:
            raise InputError(Location(shown), f"unknown reference file type {suffix or '(none)'!r}: use .csv, .yaml, .yml or .json")
        text = read_text(path, shown)
        if suffix in CSV_EXTENSIONS:
            return _load_csv(text, shown)
        return yaml_json.load_text(text, shown, is_json=suffix in JSON_EXTENSIONS)
    except InputError as error:
        return FileData(shown, errors=[error])

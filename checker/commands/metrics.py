"""``claimcheck metrics FILE…``: every metric key of reference files, so a user writes keys without reading them.

A claim file stands for the reference files it names, so ``metrics claims.yaml`` lists what its
claims may link to.

A provider's download (2 MB of one-line ECOS JSON) hides its keys: ``ecos.401Y015.2AA.W``
takes its ``W`` from ``ITEM_CODE2``. Each key is listed with its series' own name, unit,
frequency, first and last period and row count (every vintage counts), sorted by key: a
table on a terminal, or ``--format json``. The files are read as ``check`` reads them;
a bad file or row is one ``path:line:col: message`` line on stderr and exit 2, with every
key that did load still listed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.claimfile.load import load_claim_file, looks_like_claim_file
from checker.errors import InputError, printable
from checker.reference import ReferenceData
from checker.reference.entry import Entry
from checker.reference.store import frequency_of
from checker.reports.jsontext import dumps

#: Width when the table goes to a file or pipe, where no terminal says how wide to be (as ``check``).
_PIPED_WIDTH = 160
COLUMNS = ("metric", "name", "unit", "frequency", "first", "last", "rows")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="reference files (CSV, JSON, YAML, …)")
    parser.add_argument("--format", default="table", choices=("table", "json"),
                        help="a table (default) or a JSON list of objects with the same fields")


def run(arguments: argparse.Namespace) -> int:
    entries, errors = _entries(arguments.paths)
    data, reference_errors = ReferenceData.load(entries)
    errors += reference_errors
    for error in errors:
        print(printable(str(error)), file=sys.stderr)
    listed = listing(data)
    if arguments.format == "json":
        sys.stdout.write(dumps(listed) + "\n")
    else:
        _table(listed, sys.stdout)
    return 2 if errors else 0


def _entries(paths: list[Path]) -> tuple[list[Entry | Path], list[InputError]]:
    """The reference files to list: each path as given, a claim file as the files its ``reference:`` names
    (with their overrides), so ``metrics claims.yaml`` lists the keys its claims may use."""
    entries: list[Entry | Path] = []
    errors: list[InputError] = []
    for path in paths:
        if not looks_like_claim_file(path):
            entries.append(path)
            continue
        claim_file, problems = load_claim_file(path)
        errors += problems
        if claim_file is not None:
            entries += claim_file.references
    return list(dict.fromkeys(entries)), errors


def listing(data: ReferenceData) -> list[dict[str, object]]:
    """One entry per metric key, sorted by key, with the fields of :data:`COLUMNS`."""
    names = data.names()
    found = []
    for metric in sorted(data.metrics()):
        rows = data.observations(metric)
        found.append({
            "metric": metric, "name": names[metric],
            "unit": " / ".join(dict.fromkeys(row.unit for row in rows)), "frequency": frequency_of(rows[0]),
            "first": rows[0].period.label, "last": rows[-1].period.label, "rows": len(rows),
        })
    return found


def _table(listed: list[dict[str, object]], stream: TextIO) -> None:
    console = Console(file=stream, soft_wrap=False, width=None if stream.isatty() else _PIPED_WIDTH,
                      markup=False, emoji=False, highlight=False)
    table = Table(expand=False)
    for column in COLUMNS:
        table.add_column(column, overflow="fold", justify="right" if column == "rows" else "left")
    for entry in listed:
        table.add_row(*(Text(printable(str(entry[column]))) for column in COLUMNS))
    console.print(table)
    console.print(Text(f"{len(listed)} metric key(s)"))

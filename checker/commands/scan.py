"""``claimcheck scan``: every quantity of every article in an archive, into one Parquet table.

One row per quantity, the same quantities ``checker.extract`` gives article by article,
so years of articles can be queried at once (which articles state a given figure for a
given period: the repeated claims to re-check when the data are revised). Articles are
the files given and the ``*.txt`` files under the folders given (hidden folders
skipped); the work is spread by ``checker.runner`` (``--workers``, ``--scheduler``), in
batches weighed by the articles' bytes, and the table is written once, atomically, by DuckDB
(``claimcheck[parquet]``), which takes the rows in as they arrive (:class:`Table`). A file
already at ``-o`` is replaced only when it is a Parquet table (a former scan), else with ``--force``.

Each article is dated on its own (``published`` column): by its ``--manifest`` row, else its
front matter, dateline or byline (``checker.extraction.dateline``), else ``--published``; so
"지난해 3분기" in a 2023 article is 2022-Q3 while the same words in a 2020 article are 2019-Q3.

Numbers (``value``, ``low``, ``high``, ``precision``) are DOUBLE, as ``extract --format
json`` gives them; the digits as written are in ``text``. An article that cannot be read
is a one-line error and exit 2; the table still holds every other article.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from checker import runner
from checker.atomic import replaced
from checker.commands.extract import _day
from checker.commands.manifest import Entry, read_manifest
from checker.commands.outputs import overwritten_input, refusal
from checker.errors import InputError, Location, printable
from checker.extraction import extract
from checker.extraction.dateline import dated_by
from checker.textfiles import MAX_BYTES, read_text


ARTICLE_SUFFIXES = (".txt",)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "VARCHAR"), ("start", "BIGINT"), ("end", "BIGINT"), ("text", "VARCHAR"), ("kind", "VARCHAR"),
    ("value", "DOUBLE"), ("low", "DOUBLE"), ("high", "DOUBLE"), ("unit", "VARCHAR"), ("qualifier", "VARCHAR"),
    ("precision", "DOUBLE"), ("period", "VARCHAR"), ("sentence_start", "BIGINT"), ("sentence_end", "BIGINT"),
    ("language", "VARCHAR"), ("published", "DATE"),
)
"""The table's columns and their DuckDB types, in order."""
CHUNK_CHARACTERS = 64 * 2 ** 20
"""Rows (in characters of JSON) gathered on disk before DuckDB takes them in: some 200,000 rows,
a few thousand articles; large enough that each read's fixed cost is nothing, small enough
that the temporary file never holds the archive (a million articles make some 4 GB)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="articles (UTF-8 text), or folders of *.txt articles")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.parquet",
                        help="the Parquet table to write (a table there is replaced atomically)")
    parser.add_argument("--force", action="store_true", help="replace OUT.parquet even if it is no Parquet table")
    parser.add_argument("--lang", default="auto", choices=("auto", "ko", "en"),
                        help="the articles' language (default: auto, per article: Korean when it has Hangul)")
    parser.add_argument("--published", type=_day, metavar="DATE",
                        help="publication date (YYYY-MM-DD) of each article that dates itself nowhere (no --manifest "
                             "row, front matter, dateline or byline), to resolve 지난해, last year …")
    parser.add_argument("--manifest", type=Path, metavar="FILE",
                        help="a CSV with the columns file,published,language: each article's date and language")
    parser.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                        help=f"refuse articles larger than N bytes (default: {MAX_BYTES // 1_000_000} MB)")
    runner.add_arguments(parser)


def run(arguments: argparse.Namespace) -> int:
    try:
        import duckdb
    except ImportError:
        print("claimcheck scan: writing Parquet needs DuckDB: pip install 'claimcheck[parquet]'", file=sys.stderr)
        return 2
    articles, errors = find_articles(arguments.paths)
    overwritten = overwritten_input(arguments.output, articles)
    if overwritten is not None:
        print(refusal("-o", arguments.output, overwritten), file=sys.stderr)
        return 2
    folder = arguments.output.parent
    if not folder.is_dir():  # found now, not after hours of an archive: the table would have nowhere to go
        print(printable(f"claimcheck: -o {arguments.output}: folder {folder} does not exist"), file=sys.stderr)
        return 2
    if not arguments.force and not replaceable(arguments.output):
        print(printable(f"claimcheck: -o {arguments.output} exists and is not a Parquet table; scan replaces only "
                        "a table (use --force to replace it)"), file=sys.stderr)
        return 2
    language = None if arguments.lang == "auto" else arguments.lang
    entries, errors = _manifest(arguments.manifest, articles, errors)
    scan = partial(scan_article, language=language, published=arguments.published, max_bytes=arguments.max_bytes)
    with tempfile.TemporaryDirectory(prefix="claimcheck-scan-") as folder, Table(duckdb, Path(folder)) as table:
        with runner.opened(arguments) as map_files:
            count = undated = 0
            items = list(map(Article, articles, entries))
            outcomes = map_files(scan, items, sizes=sizes(articles)) if map_files else map(scan, items)
            for outcome in outcomes:
                errors += outcome.errors
                table.append(outcome.lines)
                count += outcome.count
                undated += outcome.undated
        table.write(arguments.output)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{printable(str(arguments.output))}: {count} quantities from {len(articles)} articles{_undated(undated)}",
          file=sys.stderr)
    return 2 if errors else 0


def replaceable(output: Path) -> bool:
    """Whether ``output`` is free to write: absent, or a Parquet table (a former scan's, begun and ended by
    ``PAR1``). Anything else there (a claim file ``-o`` named by a slip, a folder, a FIFO) is the user's."""
    try:
        if not os.path.lexists(output) or os.path.islink(output):
            return True   # a link is replaced, never written through
        if not output.is_file():
            return False
        with open(output, "rb") as stream:
            head = stream.read(4)
            stream.seek(max(0, output.stat().st_size - 4))
            return head == stream.read(4) == b"PAR1"
    except OSError:
        return False


def _undated(count: int) -> str:
    """What the summary says of articles dated nowhere: their "last year", "지난달" have no period."""
    if not count:
        return ""
    return (f"; {count} dated nowhere (no --manifest row, front matter, dateline or byline, and no --published), "
            "so their periods relative to now are empty")


def find_articles(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Files as given; folders searched for ``*.txt`` (sorted, hidden folders and non-regular files skipped)."""
    found: list[Path] = []
    errors: list[InputError] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(_text_files(path))
        elif path.is_file():
            found.append(path)
        else:
            reason = "not a regular file" if path.exists() else "no such file or directory"
            errors.append(InputError(Location(str(path)), reason))
    return list(dict.fromkeys(found)), errors


def sizes(articles: Iterable[Path]) -> list[int]:
    """Each article's bytes, for the runner to batch by (an article's cost follows its length);
    0 for one that cannot be read now: reading it will say why."""
    found = []
    for article in articles:
        try:
            found.append(article.stat().st_size)
        except OSError:
            found.append(0)
    return found


def _manifest(path: Path | None, articles: list[Path],
              errors: list[InputError]) -> tuple[list[Entry], list[InputError]]:
    """Each article's ``--manifest`` entry (:data:`UNLISTED` where it has none), and the manifest's
    errors after ``errors``: a row naming no article of the run is one.

    Entries are matched here, once, so each article travels with its own entry, never
    with the whole manifest (a million rows pickled into every batch).
    """
    if path is None:
        return [UNLISTED] * len(articles), errors
    entries, problems = read_manifest(path)
    resolved = [article.resolve() for article in articles]
    scanned = set(resolved)
    problems += [InputError(entry.where or Location(str(path)),
                            f"{entry.file} is in the manifest but not among the articles scanned")
                 for name, entry in entries.items() if name not in scanned]
    return [entries.get(name, UNLISTED) for name in resolved], errors + problems


def _text_files(folder: Path) -> Iterable[Path]:
    for parent, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            path = Path(parent) / name
            if name.endswith(ARTICLE_SUFFIXES) and not name.startswith(".") and path.is_file():
                yield path


UNLISTED = Entry(None, None)
"""The entry of an article the manifest does not list (or of every article, without ``--manifest``)."""


class Article(NamedTuple):
    """An article to scan and its manifest entry: what one item of a batch carries."""

    path: Path
    entry: Entry = UNLISTED


class Scanned(NamedTuple):
    """One article's rows as the lines the table is read from, their number, and the errors reading it.

    The rows are encoded where the article is scanned, on a worker in a parallel run, so
    the command, the one serial part of a run, only appends text; and one string per article
    is the quickest result to pickle back and unpickle (copied, not walked object by object).
    Each row is a JSON array, without the column names, half the bytes of a JSON object.
    """

    lines: str
    count: int
    errors: list[InputError]
    undated: bool = False
    """Dated nowhere (no manifest row, front matter, dateline, byline or ``--published``): "last year" in it
    has no period, which the run's summary counts."""


def scan_article(item: Article, language: str | None, published: date | None,
                 max_bytes: int = MAX_BYTES) -> Scanned:
    """The rows of one article, dated by its manifest entry, else itself, else ``published``;
    a bug costs this article, never the run."""
    path, entry = item
    where = Location(str(path), 1, 1)
    try:
        text = read_text(path, where, max_bytes, what="article")
        article = dated_by(text, str(path), entry.published, published, "manifest")
        extraction = extract(article.text, entry.language or language, article.published)
    except InputError as problem:
        return Scanned("", 0, [problem])
    except Exception as problem:  # a bug must cost one article, never the run
        return Scanned("", 0, [InputError(where, f"internal error while scanning this article: {problem!r}")])
    rows = []
    for found in extraction.quantities:
        quantity = found.quantity
        rows.append([  # in COLUMNS order
            str(path), quantity.start, quantity.end, quantity.text, quantity.kind.value, _decimal(quantity.value),
            _decimal(quantity.low), _decimal(quantity.high), quantity.unit, quantity.qualifier.value,
            _decimal(quantity.precision), found.period, found.sentence[0], found.sentence[1], extraction.language,
            article.published.isoformat() if article.published else None,
        ])
    return Scanned("".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows),
                   len(rows), [], article.published is None)


def _decimal(value: object) -> str | None:
    """A Decimal as its exact text, for DuckDB to read into a DOUBLE."""
    return None if value is None else str(value)


class Table:
    """The table being scanned, in DuckDB: fed rows as results arrive, then written as one Parquet file.

    Rows (JSON arrays, one a line, in :data:`COLUMNS` order) gather in a temporary file
    that DuckDB takes in whenever it holds :data:`CHUNK_CHARACTERS`: the file on disk stays
    small however large the archive, and the reading is spread over the run (the workers
    go on with the batches in flight meanwhile) instead of all left to its end.
    """

    def __init__(self, duckdb: Any, folder: Path) -> None:
        columns = ", ".join(f'"{name}" {kind}' for name, kind in COLUMNS)
        self.connection = duckdb.connect()
        self.connection.execute("SET enable_progress_bar = false")  # a terminal gets our summary line, not a bar
        self.connection.execute(f"CREATE TABLE quantities ({columns})")
        self.rows, self.size = folder / "rows.jsonl", 0
        self.stream = self.rows.open("w", encoding="utf-8")

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *problem: object) -> None:
        self.stream.close()
        self.connection.close()

    def append(self, lines: str) -> None:
        """Add rows; DuckDB takes them in once the file holds :data:`CHUNK_CHARACTERS`."""
        self.stream.write(lines)
        self.size += len(lines)
        if self.size >= CHUNK_CHARACTERS:
            self._take_in()

    def write(self, output: Path) -> None:
        """Every row appended, as one Parquet file at ``output``, replaced atomically."""
        self._take_in()
        with replaced(output) as temporary:
            self.connection.execute(f"COPY quantities TO {_literal(temporary)} (FORMAT parquet)")

    def _take_in(self) -> None:
        """Insert the file's rows, in order, and start it afresh.

        Each array is read as text (numbers written as text stay exact until DuckDB casts
        them to the column's type) and its items go to the columns by position.
        """
        self.stream.close()
        if self.size:
            values = ", ".join(f"row[{number}]" for number in range(1, len(COLUMNS) + 1))
            self.connection.execute(f"INSERT INTO quantities SELECT {values} FROM read_json({_literal(self.rows)}, "
                                    "format = 'newline_delimited', records = false, columns = {'row': 'VARCHAR[]'})")
        self.stream, self.size = self.rows.open("w", encoding="utf-8"), 0


def _literal(path: Path) -> str:
    """A path as an SQL string literal (DuckDB takes no parameters in COPY or table functions)."""
    return "'" + str(path).replace("'", "''") + "'"

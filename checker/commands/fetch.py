"""``claimcheck fetch SOURCE:ID -o FILE``: an official series by id, as a reference file ``check`` reads.

``SOURCE:ID`` names the provider and the series: ``fred:PAYEMS``, ``edgar:CIK0001318605``,
``ecos:731Y001/D/0000001``, ``kosis:101/DT_1B040A3/T20``, ``dart:00126380/2024/H1``. The
provider's module fetches it (keys and base URLs from the environment: ``FRED_API_KEY``,
``ECOS_API_KEY``, ``KOSIS_API_KEY``, ``DART_API_KEY``, ``SEC_USER_AGENT``,
``CLAIMCHECK_<SOURCE>_URL``), its reader reads the answer exactly as it reads a saved
download, and the rows are written atomically with their sources, vintages, units as
published, the retrieval time and the request. Every failure is one line naming the
source, exit 2, and no file; without ``--force`` no file is ever replaced, not even one
created while the download ran. The API keys are blanked in everything printed and
written, rows that echo one included.

``--as-of YYYY-MM-DD`` asks for the figures as published that day from the providers that
keep earlier releases (FRED through ALFRED, EDGAR by filing date); the others' files hold
today's figures, said in a note, dated by their ``retrieved`` line. ``--for CLAIMS.yaml -o
DIR`` fetches every provider series a claim file uses (:mod:`checker.commands.fetch_for`).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date, datetime, timezone
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Mapping, TextIO

from checker.atomic import write_text
from checker.errors import printable
from checker.reference.entry import Entry
from checker.reference.model import Observation
from checker.reference.sources import dart, ecos, edgar, fred_fetch, kosis
from checker.reference.sources.http import Answer, FetchError, FetchOptions, redact
from checker.reference.write import SUFFIXES, render

#: Source prefix -> the module that fetches it (and reads its answers).
FETCHERS: dict[str, ModuleType] = {"fred": fred_fetch, "edgar": edgar, "ecos": ecos, "kosis": kosis, "dart": dart}
_ENTITY = re.compile(r"^[\w-]+\Z")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("series", metavar="SOURCE:ID", nargs="?", default="",
                        help="fred:PAYEMS, edgar:CIK0001318605, ecos:731Y001/D/0000001, kosis:101/DT_1B040A3/T20, "
                             "dart:00126380/2024/H1")
    parser.add_argument("--for", dest="claims", type=Path, metavar="CLAIMS.yaml",
                        help="fetch every provider series the claim file uses, as of its article's date, into -o DIR")
    parser.add_argument("--as-of", default="", metavar="YYYY-MM-DD",
                        help="the figures as published on that day (FRED via ALFRED, EDGAR by filing date)")
    parser.add_argument("--start", default="", metavar="DATE", help="first period (ECOS and KOSIS need it)")
    parser.add_argument("--end", default="", metavar="DATE", help="last period")
    parser.add_argument("--vintages", action="store_true",
                        help="every vintage of a FRED series (ALFRED), each row dated by its realtime_start")
    parser.add_argument("--entity", default="", metavar="NAME",
                        help="name the rows' entity (edgar:CIK0001318605 --entity tesla gives tesla.Revenues)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="the reference file to write (.csv, .json or .yaml); with --for, the folder")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(arguments: argparse.Namespace) -> int:
    from checker.commands import EXIT_OK, EXIT_USAGE  # the registry imports this module first
    from checker.commands import fetch_for  # it imports this module

    if (arguments.claims is None) == (not arguments.series):
        print("claimcheck fetch: give either SOURCE:ID or --for CLAIMS.yaml", file=sys.stderr)
        return EXIT_USAGE
    if arguments.claims is not None:
        return fetch_for.run(arguments, os.environ)
    secrets = FetchOptions(environment=os.environ).secrets()

    def say(text: str, stream: TextIO = sys.stdout) -> None:
        print(printable(redact(text, secrets)), file=stream)

    try:
        text, count = fetched(arguments, os.environ)
        write_text(arguments.output, text, replace=arguments.force)
    except FetchError as problem:
        say(f"claimcheck fetch: {problem}", sys.stderr)
        return EXIT_USAGE
    except FileExistsError:
        say(f"claimcheck fetch: {arguments.output} was created while the download ran: nothing written "
            "(use --force to replace it)", sys.stderr)
        return EXIT_USAGE
    except OSError as problem:
        say(f"claimcheck fetch: cannot write {arguments.output}: {problem.strerror or problem}", sys.stderr)
        return EXIT_USAGE
    if arguments.as_of and without_vintages(arguments.series.partition(":")[0]):
        say(f"claimcheck fetch: {no_vintages_note(arguments.series, arguments.as_of)}", sys.stderr)
    say(f"wrote {count} rows to {arguments.output}; add it to the claim file's reference list:")
    say(f"  - {arguments.output}")
    return EXIT_OK


def fetched(arguments: argparse.Namespace, environment: Mapping[str, str],
            keep: frozenset[str] = frozenset()) -> tuple[str, int]:
    """The reference file's text and its row count, or a FetchError; nothing is written here.

    ``keep``: only the rows of these metrics (``--for`` keeps what the claims use), each of
    which must be in the answer.
    """
    source, _, ident = arguments.series.partition(":")
    provider = FETCHERS.get(source.strip().lower())
    if provider is None or not ident.strip():
        raise FetchError(f"{arguments.series!r} is not SOURCE:ID with SOURCE one of {', '.join(FETCHERS)}")
    output: Path = arguments.output
    if output.suffix.lower() not in SUFFIXES:
        raise FetchError(f"{output}: write a {', '.join(SUFFIXES)} file")
    if output.exists() and not arguments.force:
        raise FetchError(f"{output} exists: use --force to replace it")
    if not output.parent.is_dir() and str(output.parent):
        raise FetchError(f"{output}: folder {output.parent} does not exist")
    if arguments.entity and not _ENTITY.match(arguments.entity):
        raise FetchError(f"--entity {arguments.entity!r} must be letters, digits, _ and -")
    if arguments.vintages and provider is not fred_fetch:
        raise FetchError("--vintages is for fred: (EDGAR and OpenDART date every row by its filing already)")
    as_of = as_of_day(arguments.as_of)
    if as_of is not None and arguments.vintages:
        raise FetchError("--as-of and --vintages exclude each other: one vintage, or all of them")
    options = FetchOptions(arguments.start, arguments.end, arguments.vintages, environment, as_of)
    retrieved = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    answer = provider.fetch(ident.strip(), options)
    rows = distinct(rows_of(answer, provider, source), source)
    if keep:
        rows = [row for row in rows if row.metric in keep]
        missing = sorted(keep - {row.metric for row in rows})
        if missing:
            when = f" as of {as_of}" if as_of is not None else ""
            raise FetchError(f"{source}: the answer holds no rows of {', '.join(missing)}{when} "
                             f"(request {answer.request})")
    if not rows:
        raise FetchError(f"{source}: the answer holds no values (request {answer.request})")
    provenance = {"retrieved": retrieved, "request": answer.request}
    if as_of is not None:
        provenance["as_of"] = as_of.isoformat()
    hide = partial(redact, secrets=options.secrets())
    return render(rows, output.suffix.lower(), provenance, arguments.entity, hide), len(rows)


def distinct(rows: list[Observation], source: str) -> list[Observation]:
    """``rows`` with repeats of one figure dropped; FetchError when one series has two values for a period
    and vintage (the answer contradicts itself, and the file would make every claim on that period unverifiable)."""
    kept: dict[tuple, Observation] = {}
    for row in rows:
        first = kept.setdefault((row.metric, row.period.start, row.period.end, row.vintage), row)
        if first.value != row.value:
            vintage = f" (vintage {row.vintage})" if row.vintage else ""
            raise FetchError(f"{source}: the answer gives {row.metric} {row.period.label}{vintage} twice, "
                             f"as {first.value} and {row.value}; nothing written")
    return list(kept.values())


def as_of_day(written: str) -> date | None:
    """``--as-of``'s day (None when not given), or a FetchError: only ``YYYY-MM-DD``, never a guess."""
    if not written:
        return None
    try:
        if _DAY.match(written):
            return date.fromisoformat(written)
    except ValueError:
        pass
    raise FetchError(f"--as-of {written!r} is not a day written YYYY-MM-DD")


def without_vintages(source: str) -> bool:
    """Whether ``source`` keeps no earlier releases, so ``--as-of`` can only record when it was retrieved."""
    return source.strip().lower() not in ("fred", "edgar")


def no_vintages_note(series: str, as_of: str) -> str:
    """What ``--as-of`` gave for a source without vintages: today's figures, said so, never passed off as older."""
    return (f"note: {series}: the provider keeps no earlier releases, so these are today's figures, not those of "
            f"{as_of}; the file records when they were retrieved")


def rows_of(answer: Answer, provider: ModuleType, source: str) -> list[Observation]:
    """The answer's observations: built by the provider, or read from its pages by its reader."""
    if answer.observations:
        return list(answer.observations)
    rows: list[Observation] = []
    for number, page in enumerate(answer.pages, start=1):
        shown = f"{source} answer page {number}"
        data = provider.read(page, shown, Entry(Path(shown)))
        if data.errors:
            raise FetchError(f"{source}: {len(data.errors)} problem(s) in the answer, first: {data.errors[0]}")
        rows.extend(data.observations)
    return rows

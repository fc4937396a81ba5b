"""``claimcheck extract``: draft a claim file (or JSON) from an article's numbers."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from checker.claimfile.load import load_claim_file, looks_like_claim_file
from checker.commands.outputs import overwritten_input, refusal
from checker.errors import InputError, Location, printable
from checker.extraction import extract
from checker.extraction.dateline import dated_by
from checker.extraction.draft import draft, dump
from checker.extraction.fiscal import FiscalCalendar, filed_calendar, year_end
from checker.extraction.metrics import aliases_of
from checker.extraction.update import merge
from checker.extraction.worded import worded_values
from checker.messages import say
from checker.periods import PeriodError
from checker.textfiles import MAX_BYTES, read_text

if TYPE_CHECKING:
    from checker.extraction.metrics import Alias
    from checker.extraction.model import ChangeLink, Extraction, Link, Rivals
    from checker.quantities.predicates import Predicate
    from checker.reference.store import ReferenceData


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _fiscal_year_end(text: str) -> tuple[int, int]:
    try:
        return year_end(text)
    except PeriodError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


#: What a ``--reference`` file may lack and a reference entry gives (``--unit FILE=UNIT`` …): the option's
#: placeholder, how its help and errors name the value, and an example.
PER_FILE_KEYS: dict[str, tuple[str, str, str]] = {
    "unit": ("UNIT", "a unit", "U6RATE.csv=Percent"),
    "title": ("TITLE", "a title", '"GFDEBTN.csv=Federal Debt: Total Public Debt"'),
    "entity": ("NAME", "an entity", "DEXKOUS.csv=fx"),
    "source": ("URL", "a source", "DEXKOUS.csv=https://fred.stlouisfed.org/series/DEXKOUS"),
}


def _file_equals(key: str):
    """The argparse type of ``--KEY FILE=VALUE``: it must hold ``=`` with something on either side."""
    placeholder, _, example = PER_FILE_KEYS[key]

    def checked(text: str) -> str:
        if "=" not in text.strip("="):
            raise argparse.ArgumentTypeError(f"{text!r} is not FILE={placeholder} (e.g. {example.strip(chr(34))})")
        return text
    return checked


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Optional to argparse only so that a missing ARTICLE, which --reference's list swallows when
    # named after it, gets a message saying so (run: _missing_article) instead of "required: ARTICLE".
    parser.add_argument("article", type=Path, nargs="?", metavar="ARTICLE", help="the article, a UTF-8 text file")
    parser.add_argument("--published", type=_day, metavar="DATE",
                        help="publication date (YYYY-MM-DD), to resolve 지난해, last year … (default: the --update "
                             "file's published: for this article, else the article's front matter, dateline or "
                             "byline date)")
    parser.add_argument("--fiscal-year-end", type=_fiscal_year_end, metavar="MM-DD",
                        help="the company's fiscal year end (a month's last day, e.g. 09-30), to date 'fiscal 2022', "
                             "'the fiscal fourth quarter' (default: the spans of --reference companyfacts, if any)")
    parser.add_argument("--lang", default="auto", choices=("auto", "ko", "en"),
                        help="the article's language (default: auto, Korean when it has Hangul)")
    parser.add_argument("--reference", nargs="+", action="extend", type=Path, default=[], metavar="PATH",
                        help="reference data files, for metric suggestions from their aliases (repeatable: "
                             "every file named is read)")
    helps = {"unit": "the unit of a --reference file that states none (a FRED graph CSV: {example})",
             "title": "the series title of a --reference file that states none (a FRED graph CSV: {example}), "
                      "whose parts name its metric",
             "entity": "the entity of a --reference time-series CSV that names none ({example})",
             "source": "the source of a --reference time-series CSV that names none ({example})"}
    for key, (placeholder, _, example) in PER_FILE_KEYS.items():
        parser.add_argument(f"--{key}", action="append", type=_file_equals(key), default=[],
                            metavar=f"FILE={placeholder}", help=helps[key].format(example=example) + "; repeatable")
    parser.add_argument("--format", default="yaml", choices=("yaml", "json"),
                        help="a claim-file draft (default) or the extraction as JSON")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: stdout)")
    target.add_argument("--update", type=Path, metavar="FILE",
                        help="add the claims FILE does not hold yet, keeping every hand edit and comment")
    parser.add_argument("--force", action="store_true", help="overwrite an existing -o FILE")


def run(arguments: argparse.Namespace) -> int:
    if arguments.article is None:
        print(printable(_missing_article(arguments.reference)), file=sys.stderr)
        return 2
    output: Path | None = arguments.output or arguments.update
    overwritten = overwritten_input(output, [arguments.article, *arguments.reference]) if output else None
    if overwritten is not None:
        print(refusal("--update" if arguments.update else "--output", output, overwritten), file=sys.stderr)
        return 2
    if arguments.output is not None and arguments.output.exists() and not arguments.force:
        print(printable(f"claimcheck: {arguments.output} exists; use --force to overwrite it or --update to merge"),
              file=sys.stderr)
        return 2
    try:
        text = read_text(arguments.article, Location(str(arguments.article), 1, 1), MAX_BYTES, what="article")
        given = arguments.published or _date_of_updated(arguments.update, arguments.article)
        article = dated_by(text, str(arguments.article), given, None, "--published")
    except InputError as problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        given = {key: _per_file(f"--{key}", what, getattr(arguments, key), arguments.reference)
                 for key, (_, what, _) in PER_FILE_KEYS.items()}
    except InputError as problem:
        print(problem, file=sys.stderr)
        return 2
    reference, problems = _reference_data(arguments.reference, given)
    for problem in problems:
        print(problem, file=sys.stderr)
    language = None if arguments.lang == "auto" else arguments.lang
    aliases = aliases_of(reference) if reference is not None else []
    calendar = _calendar(arguments, reference)
    extraction = extract(article.text, language, article.published, aliases, calendar)
    extraction.file = str(arguments.article)
    undated = _relative_to_now(extraction, aliases, calendar) if article.published is None else 0
    if undated:
        print(printable(say(extraction.language, "extract.undated", file=arguments.article, count=undated)),
              file=sys.stderr)
    if reference is not None:
        from checker.extraction.linking import vetted
        extraction = vetted(extraction, reference)
    if arguments.format == "json":
        from checker.reports.jsontext import dumps  # the reports' writer: no NEL, line separator or bidi mark raw
        rendered = dumps(extraction.to_dict()) + "\n"
    else:
        worded = worded_values(extraction)
        document = draft(extraction, arguments.article, output, arguments.reference,
                         reference.metrics() if reference is not None else [],
                         _links(extraction, reference, aliases, worded), worded)
        _give_keys(document, arguments.reference, given)
        rendered = dump(document)
    if arguments.update is not None:
        try:
            rendered, added = _merged(arguments.update, document if arguments.format == "yaml" else None)
        except InputError as problem:
            print(problem, file=sys.stderr)
            return 2
        print(printable(f"{arguments.update}: {len(added)} new claim(s) added"), file=sys.stderr)
    if output is None:
        sys.stdout.write(rendered)
    else:
        from checker.atomic import write_text  # its tempfile and shutil are for -o and --update only
        try:
            write_text(output, rendered, replace=arguments.force or arguments.update is not None)
        except FileExistsError:  # created while the article was read: the user's file is kept
            print(printable(f"claimcheck: {output} was created meanwhile; nothing written (use --force to "
                            "overwrite it or --update to merge)"), file=sys.stderr)
            return 2
    return 2 if problems else 0


def _date_of_updated(update: Path | None, article: Path) -> date | None:
    """The publication date the claim file ``--update`` merges into gives this article: the claims added
    are dated as ``check`` will judge them ("last year" in a file published 2023-01-01 is 2022), without
    --published repeating what the file says. None when the file gives none or quotes another article."""
    if update is None or not update.is_file():
        return None
    claim_file, _ = load_claim_file(update)
    if claim_file is None or not claim_file.article.path.is_file() or not claim_file.article.path.samefile(article):
        return None
    return claim_file.article.published


def _relative_to_now(extraction: Extraction, aliases: list[Alias], calendar: FiscalCalendar | None) -> int:
    """How many numbers of an undated article a publication date would give a period ("last year", "지난달"):
    the article is read again as if published today, and only a phrase relative to now reads differently."""
    probe = extract(extraction.text, extraction.language, date.today(), aliases, calendar)
    undated = {found.quantity.start for found in extraction.quantities if found.period is None}
    return sum(found.period is not None and found.quantity.start in undated for found in probe.quantities)


def _missing_article(references: list[Path]) -> str:
    """Why ARTICLE is missing: ``--reference`` takes every path after it, the article too when it comes last."""
    if not references:
        return "claimcheck extract: error: the following arguments are required: ARTICLE"
    return (f"claimcheck extract: error: no ARTICLE: --reference took every path after it "
            f"({', '.join(map(str, references))}); name ARTICLE before --reference, or end the reference "
            "files with --")


def _links(extraction: Extraction, reference: ReferenceData | None, aliases: list[Alias],
           worded: list[tuple[str, Predicate] | None]) -> dict[int, Link | ChangeLink | Rivals]:
    """The drafted claims linked to ``reference``; none without it (and the linker is not loaded)."""
    if reference is None:
        return {}
    from checker.extraction.linking import links
    return links(extraction, reference, aliases, worded)


def _calendar(arguments: argparse.Namespace, reference: ReferenceData | None) -> FiscalCalendar | None:
    """``--fiscal-year-end`` as a calendar, else the one the reference's EDGAR filings state, else None."""
    if arguments.fiscal_year_end is not None:
        return FiscalCalendar(year_end=arguments.fiscal_year_end)
    return filed_calendar(reference) if reference is not None else None


def _per_file(option: str, what: str, given: list[str], references: list[Path]) -> dict[Path, str]:
    """``--unit FILE=UNIT`` (or ``--title FILE=TITLE``) by reference path. A value may hold ``=``
    (``Index 2015=100``), so FILE is the part before whichever ``=`` names a ``--reference`` file;
    none is an error."""
    units: dict[Path, str] = {}
    for text in given:
        for at in (position for position, char in enumerate(text) if char == "="):
            file, unit = Path(text[:at]), text[at + 1:].strip()
            matches = _references_named(file, references)
            if len(set(matches)) > 1 and unit:
                raise InputError(Location(str(file), 1, 1),
                                 f"{option} {text}: {len(set(matches))} --reference files are named {file}; give its path")
            if matches and unit:
                if not unit.isprintable():  # the draft and every report would carry it: a line break, ESC, a bidi mark
                    raise InputError(Location(str(file), 1, 1), f"{option} {text}: {what} is one line of visible text")
                units.update((path, unit) for path in matches)
                break
        else:
            file = Path(text.partition("=")[0])
            raise InputError(Location(str(file), 1, 1), f"{option} {text}: {file} is not one of the --reference files")
    return units


def _references_named(file: Path, references: list[Path]) -> list[Path]:
    """The ``--reference`` paths FILE names: the same path, or, for a bare file name as the help's example writes
    it (``U6RATE.csv=Percent``), the one reference of that name wherever it lies."""
    same = [path for path in references if path == file or path.resolve() == file.resolve()]
    if same or file.name != str(file):
        return same
    return [path for path in references if path.name == file.name]


def _reference_data(paths: list[Path],
                    given: dict[str, dict[Path, str]]) -> tuple[ReferenceData | None, list[InputError]]:
    """The ``--reference`` files read, or None without any: an unlinked draft never loads the readers.

    A file without a unit, entity or source says so naming ``--unit``, ``--entity`` or ``--source``,
    the way this command gives one.
    """
    claim_files = [path for path in paths if looks_like_claim_file(path)]
    claim_file_problems = [_claim_file_given(path) for path in claim_files]
    paths = [path for path in paths if path not in claim_files]
    if not paths:
        return None, claim_file_problems
    from checker.reference.entry import Entry
    from checker.reference.store import ReferenceData
    reference, problems = ReferenceData.load([Entry(path, **{key: values.get(path, "") for key, values in given.items()})
                                                for path in paths])
    return reference, claim_file_problems + [_with_option(problem, paths) for problem in problems]


def _with_option(problem: InputError, paths: list[Path]) -> InputError:
    """A reader's problem, where it asks for a reference entry's key, asking for this command's option instead."""
    from checker.reference.csv_timeseries import MissingKey
    from checker.reference.finish import MissingUnit
    if isinstance(problem, MissingUnit):
        return InputError(problem.location, (
            f"{problem.metric} has no unit: this file does not say one, so give the unit its provider states "
            f"with --unit {_named(paths, problem.file)}=UNIT (e.g. Percent, Thousands of Persons)"))
    if isinstance(problem, MissingKey) and problem.key in PER_FILE_KEYS:
        placeholder = PER_FILE_KEYS[problem.key][0]
        return InputError(problem.location, f"{problem.what} names no {problem.key}: give it with "
                                            f"--{problem.key} {_named(paths, problem.file)}={placeholder}")
    return problem


def _claim_file_given(path: Path) -> InputError:
    """A claim file given as ``--reference``: the reference files it names are what to give instead."""
    claim_file, _ = load_claim_file(path)
    named = [str(entry.file) for entry in claim_file.references] if claim_file is not None else []
    instead = f" ({' '.join(named)})" if named else ""
    return InputError(Location(str(path), 1, 1), "a claim file, not reference data: give --reference the files "
                      f"its reference: names{instead}")


def _named(paths: list[Path], name: str) -> str:
    """The ``--reference`` path as the user wrote it for the file called ``name``."""
    return next((str(path) for path in paths if path.name == name), name)


def _give_keys(document: object, references: list[Path], given: dict[str, dict[Path, str]]) -> None:
    """The draft's ``reference:`` entries of files given ``--unit``, ``--title``, ``--entity`` or ``--source``
    written with them, so ``check`` reads them alike."""
    listed = document.get("reference") if isinstance(document, dict) else None
    if not any(given.values()) or listed is None:
        return
    for position, path in enumerate(references):
        keys = {key: values[path] for key, values in sorted(given.items()) if path in values}
        if keys:
            listed[position] = {"file": listed[position], **keys}


def _merged(path: Path, document: object) -> tuple[str, list[str]]:
    """The claim file with the draft's new claims, in the file's own line endings (CRLF stays CRLF)."""
    where = Location(str(path), 1, 1)
    if document is None:
        raise InputError(where, "--update merges claim files: use --format yaml")
    existing = read_text(path, where, MAX_BYTES, what="claim file")
    merged, added = merge(existing, document, where)
    if "\r\n" in existing:
        merged = merged.replace("\r\n", "\n").replace("\n", "\r\n")
    return merged, added

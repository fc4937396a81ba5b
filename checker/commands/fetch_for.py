"""``claimcheck fetch --for CLAIMS.yaml -o DIR``: the provider series a claim file uses, as its article saw them.

A claim file names provider series by the keys their readers give (``fred.PAYEMS``,
``cik1318605.EarningsPerShareDiluted``, ``ecos.731Y001.0000001``,
``dart.00126380.ifrs-full_Revenue``). Each key becomes the request ``claimcheck fetch``
makes, as of the article's ``published`` date (or ``--as-of``); each request is one file
in DIR (an existing file is kept unless ``--force``) and the ``reference:`` lines to add
are printed relative to the claim file. A key that cannot become a request without a
guess is a failure saying how to fetch it by hand:

- ``kosis.<TBL>.<ITM>``: the key does not name the organisation (``orgId``) KOSIS needs;
- ``ecos.`` looked up with ``agg`` (the rows' cycle is not the asked period's), or at
  periods of two lengths;
- ``dart.`` at a period no report ends with (reports end in March, June, September, December);
- a key a claim looks up with an ``as_of:`` of another day or ``latest``: a file as of the
  article would answer it with the article's figures.

ECOS and KOSIS are asked for the span of the periods the claims name. Every failure is one
line; the other series are still fetched; exit 2 if any failed.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Mapping
from urllib.parse import quote

from checker.atomic import write_text
from checker.claimfile import ClaimFile, load_claim_file
from checker.commands.fetch import as_of_day, fetched, no_vintages_note, without_vintages
from checker.errors import printable
from checker.periods import Period
from checker.reference.sources.http import FetchError, FetchOptions, redact

#: A period's granularity -> the ECOS cycle whose rows are such periods.
ECOS_CYCLES = {"year": "A", "half": "S", "quarter": "Q", "month": "M", "day": "D"}
#: The month a period ends in -> the OpenDART report that ends with it.
DART_REPORTS = {3: "Q1", 6: "H1", 9: "Q3", 12: "FY"}
#: The first part of the metric keys of providers with a fetch (EDGAR's is ``cik<CIK>``).
PROVIDERS = ("fred", "ecos", "kosis", "dart")
_CIK_KEY = re.compile(r"^cik(?P<cik>\d{1,10})\.")
#: A key's part that a request can carry: a slash would split the provider's path.
_PART = re.compile(r"^[^/\\]+\Z")
_DART_CORP = re.compile(r"^\d{8}\Z")


@dataclass(frozen=True)
class Asked:
    """One lookup a claim makes: the period, whether it aggregates finer rows, the vintage it asks."""

    claim: str
    period: Period
    agg: str | None
    as_of: date | str | None


@dataclass(frozen=True)
class Request:
    """One ``claimcheck fetch`` to make: its SOURCE:ID, the file it writes, the metrics it keeps."""

    series: str
    file_name: str
    start: str = ""
    end: str = ""
    metrics: frozenset[str] = field(default_factory=frozenset)


class Unfetchable(Exception):
    """A metric key that names no request without a guess; the message says what to do instead."""


def run(arguments: argparse.Namespace, environment: Mapping[str, str]) -> int:
    from checker.commands import EXIT_OK, EXIT_USAGE  # the registry imports the command modules first

    try:
        claim_file, as_of = _claim_file_and_day(arguments)
    except FetchError as problem:
        print(printable(f"claimcheck fetch: {problem}"), file=sys.stderr)
        return EXIT_USAGE
    requests, failures, others = plan(asked_lookups(claim_file), as_of)
    if not requests and not failures:
        print(printable(f"claimcheck fetch: {arguments.claims}: the claims look up no provider series "
                        "(fred., cik..., ecos., kosis., dart.)"), file=sys.stderr)
        return EXIT_USAGE
    if others:
        print(printable(f"not provider keys, left to the claim file's reference files: {', '.join(others)}"))
    for failure in failures:
        print(printable(f"claimcheck fetch: {failure}"), file=sys.stderr)
    written = [path for request in requests if (path := _fetch_one(request, arguments, as_of, environment))]
    _print_references(written, arguments.claims, arguments.output, as_of)
    return EXIT_USAGE if failures or len(written) < len(requests) else EXIT_OK


def _claim_file_and_day(arguments: argparse.Namespace) -> tuple[ClaimFile, str]:
    """The claim file and the day to fetch as of, or a FetchError before any request."""
    as_of_day(arguments.as_of)
    if arguments.start or arguments.end or arguments.vintages or arguments.entity:
        raise FetchError("--for takes no --start, --end, --vintages or --entity: the claim file says what to fetch")
    folder: Path = arguments.output
    if not folder.is_dir():
        raise FetchError(f"-o {folder}: with --for, -o names an existing folder")
    claim_file, errors = load_claim_file(arguments.claims)
    if claim_file is None:
        raise FetchError(str(errors[0]) if errors else f"{arguments.claims}: not a claim file")
    published = claim_file.article.published if claim_file.article is not None else None
    if not arguments.as_of and published is None:
        raise FetchError(f"{arguments.claims}: the article has no published date: give --as-of YYYY-MM-DD")
    return claim_file, arguments.as_of or published.isoformat()


def asked_lookups(claim_file: ClaimFile) -> dict[str, list[Asked]]:
    """Every metric the claims look up (directly or through an operand), with the lookups made of it."""
    asked: dict[str, list[Asked]] = {}
    for claim in claim_file.claims:
        operands = claim.operands.values() if isinstance(claim.operands, dict) else claim.operands
        lookups = [(claim.metric, claim.period, claim.agg, claim.as_of),
                   *((o.metric, o.period, o.agg, o.as_of) for o in operands)]
        for metric, period, agg, as_of in lookups:
            if metric and period is not None:
                asked.setdefault(metric, []).append(Asked(claim.id, period, agg, as_of))
    return asked


def plan(asked: Mapping[str, list[Asked]], day: str) -> tuple[list[Request], list[str], list[str]]:
    """(the requests to make as of ``day``, one line per key that names none, the keys of no provider)."""
    requests: dict[str, Request] = {}
    failures: list[str] = []
    others: list[str] = []
    for metric in sorted(asked):
        try:
            found = _requests_of(metric, asked[metric], day)
        except Unfetchable as reason:
            failures.append(f"{metric}: {reason}")
            continue
        if found is None:
            others.append(metric)
        for request in found or ():
            known = requests.get(request.series)
            requests[request.series] = replace(known, metrics=known.metrics | request.metrics) if known else request
    return list(requests.values()), failures, others


def _requests_of(metric: str, lookups: list[Asked], day: str) -> list[Request] | None:
    """The requests that give ``metric`` at ``lookups`` as of ``day``; None for a key of no provider."""
    source, _, rest = metric.partition(".")
    parts = rest.split(".")
    if source not in PROVIDERS and not _CIK_KEY.match(metric):
        return None
    other = next((lookup for lookup in lookups if lookup.as_of is not None and str(lookup.as_of).strip() != day), None)
    if other is not None:  # a file as of the article would answer it with the article's figures, in silence
        raise Unfetchable(f"claim {other.claim} asks as_of: {other.as_of}, and --for fetches as of {day} only: "
                          "fetch it by hand (--as-of DATE, or none for the newest figures)")
    if not all(_PART.match(part) for part in parts):
        raise Unfetchable("a part of the key holds / or \\, which no provider code has")
    if source == "fred":
        return [Request(f"fred:{rest}", _file_name("fred", rest), metrics=frozenset({metric}))]
    if cik := _CIK_KEY.match(metric):
        ident = f"CIK{int(cik['cik']):010d}"
        return [Request(f"edgar:{ident}", f"edgar-{ident}.csv", metrics=frozenset({metric}))]
    if source == "ecos":
        return [_ecos(metric, parts, lookups)]
    if source == "dart":
        return _dart(metric, parts, lookups)
    raise Unfetchable("a KOSIS key does not name the organisation (orgId) a request needs: "
                      f"fetch it by hand, claimcheck fetch kosis:ORG/{'/'.join(parts[:2])} --start ... -o FILE")


def _ecos(metric: str, parts: list[str], lookups: list[Asked]) -> Request:
    """``ecos.STAT.ITEM1[.ITEM2...]`` over the span of the asked periods, in their cycle."""
    by_hand = f"fetch it by hand, claimcheck fetch ecos:{parts[0]}/CYCLE/{'/'.join(parts[1:])} --start --end"
    if len(parts) < 2:
        raise Unfetchable("an ECOS key is ecos.STAT.ITEM1[.ITEM2...]")
    if any(lookup.agg for lookup in lookups):
        raise Unfetchable(f"a lookup with agg: does not say the cycle of the rows it needs: {by_hand}")
    cycles = {ECOS_CYCLES.get(lookup.period.granularity) for lookup in lookups}
    if len(cycles) != 1 or None in cycles:
        raise Unfetchable(f"the claims ask it at periods of more than one length or none ECOS has: {by_hand}")
    cycle = cycles.pop()
    start = min(lookup.period.start for lookup in lookups).isoformat()
    end = max(lookup.period.end for lookup in lookups).isoformat()
    ident = "/".join(parts[1:])
    return Request(f"ecos:{parts[0]}/{cycle}/{ident}", _file_name("ecos", parts[0], cycle, *parts[1:]),
                   start, end, frozenset({metric}))


def _dart(metric: str, parts: list[str], lookups: list[Asked]) -> list[Request]:
    """``dart.CORP.ACCOUNT``: one request per report (year and the quarter it ends with) the periods need."""
    if len(parts) != 2 or not _DART_CORP.match(parts[0]):
        raise Unfetchable("an OpenDART key is dart.CORP_CODE.ACCOUNT_ID with an 8-digit corp_code")
    requests = []
    for period in sorted({lookup.period for lookup in lookups}, key=lambda p: (p.start, p.end)):
        report = DART_REPORTS.get(period.end.month) if _ends_a_month(period.end) else None
        if report is None:
            raise Unfetchable(f"no OpenDART report ends with {period.label} (reports end in March, June, "
                              "September or December)")
        series = f"dart:{parts[0]}/{period.end.year}/{report}"
        requests.append(Request(series, f"dart-{parts[0]}-{period.end.year}-{report}.csv", metrics=frozenset({metric})))
    return requests


def _file_name(*parts: str) -> str:
    """``ecos-404Y014-M-%2AAA.csv``: the codes kept apart and readable, a ``*`` no shell or system trips on."""
    return "-".join(quote(part, safe="-_") for part in parts) + ".csv"


def _ends_a_month(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def _fetch_one(request: Request, arguments: argparse.Namespace, as_of: str,
               environment: Mapping[str, str]) -> Path | None:
    """Fetch and write one request's file; its path, or None after printing why not."""
    output = arguments.output / request.file_name
    one = argparse.Namespace(series=request.series, output=output, start=request.start, end=request.end,
                             vintages=False, entity="", force=arguments.force, as_of=as_of)
    try:
        text, count = fetched(one, environment, keep=request.metrics)
        write_text(output, text, replace=arguments.force)
    except FetchError as problem:
        print(printable(redact(f"claimcheck fetch: {request.series}: {problem}", secrets(environment))),
              file=sys.stderr)
        return None
    except FileExistsError:
        print(printable(f"claimcheck fetch: {output} was created while the download ran: nothing written "
                        "(use --force to replace it)"), file=sys.stderr)
        return None
    except OSError as problem:
        print(printable(f"claimcheck fetch: cannot write {output}: {problem.strerror or problem}"), file=sys.stderr)
        return None
    print(printable(f"wrote {count} rows of {', '.join(sorted(request.metrics))} to {output}"))
    if without_vintages(request.series.partition(":")[0]):
        print(printable(f"claimcheck fetch: {no_vintages_note(request.series, as_of)}"), file=sys.stderr)
    return output


def _print_references(written: Iterable[Path], claims: Path, folder: Path, as_of: str) -> None:
    """The ``reference:`` lines to add, each path relative to the claim file's folder."""
    paths = [Path(os.path.relpath(path, claims.parent)).as_posix() for path in written]
    if not paths:
        return
    print(printable(f"fetched as of {as_of} into {folder}; add to the reference list of {claims}:"))
    for path in paths:
        print(printable(f"  - {path}"))


def secrets(environment: Mapping[str, str]) -> list[str]:
    """The API keys of the environment, to blank in every message (a provider's error may echo one)."""
    return FetchOptions(environment=environment).secrets()

"""SEC EDGAR XBRL ``companyfacts`` JSON, read as ``data.sec.gov`` serves it.

Shape: ``{cik, entityName, facts: {<taxonomy>: {<Tag>: {label, description, units:
{<unit>: [{start?, end, val, accn, fy, fp, form, filed, frame?}]}}}}}``.

- Metric ``cik<CIK>.<Tag>`` (``cik1318605.Revenues``), for every taxonomy (``us-gaap``,
  ``dei``, ``ifrs-full``, ...). A tag name that occurs in more than one taxonomy of the
  file is ambiguous, so none of them gets the bare key: each is ``cik<CIK>.<taxonomy>.<Tag>``
  (a lookup of the bare key then fails and suggests both, rather than mixing two facts).
  A tag reported in more than one unit gets the unit in its key too
  (``cik<CIK>.<Tag>.USD_per_shares``), since one metric has one unit.
- Unit: the ``units`` key as published (``USD``, ``shares``, ``USD/shares``, ``pure``).
- Period from ``start``/``end``: a calendar quarter is ``2022-Q3``, a calendar year
  ``2021``, one calendar month ``2022-01``, other whole-month spans their month range
  ``2022-01..2022-09``; spans not on month bounds (52/53-week fiscal years) are their
  exact day range ``2021-09-26..2022-09-24``; no ``start`` (a balance) is the day ``end``.
- Vintage: each row's ``filed`` date, so a figure restated in a later filing is a later
  vintage of the same period (Tesla's 2015-12-31 assets: 8,092,460,000 in the 10-K filed
  2016-02-24, 8,067,939,000 from the 10-Q filed 2016-05-10).
- The same (metric, period, filed date) repeated across filings (a 10-K and its 10-K/A
  the same day) is one row when the values agree; when they disagree the first row in
  the file is kept and the disagreement is an error naming both filings, never a choice
  made in silence.
- Source: the company's ``companyfacts`` URL; each row's form, accession number and the
  filing's fiscal year and period (``fy``, ``fp``: what ``checker.extraction.fiscal`` reads a
  company's fiscal calendar from) are kept in its notes, with the tag's ``label`` (``name``),
  the ``entityName`` (``entity``) and the company's filings page (``link``).
- Fetch (``claimcheck fetch edgar:CIK0001318605``): ``{CLAIMCHECK_SEC_URL}/api/xbrl/companyfacts/``,
  one request, with the User-Agent the SEC requires (``SEC_USER_AGENT``); the answer's
  ``cik`` must be the one asked for, or the fetch fails with nothing written. With ``--as-of
  DATE`` each period keeps its latest filing on or before DATE, and periods first filed
  after it are left out: the figures a reader of that day could find (Tesla's Q3 2021
  diluted EPS as of 2021-11-01 is 1.44 from the 10-Q filed 2021-10-25, not the 0.48 the
  2022 10-Q restated after the split).
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterable, NamedTuple

from checker.errors import InputError, Location
from checker.periods import PeriodError, day_period, span_period
from checker.reference.entry import Entry
from checker.reference.files import FileData
from checker.reference.model import Observation
from checker.reference.sources.http import Answer, Client, FetchError, FetchOptions
from checker.reference.sources.jsonrows import RowPositions, load_json, row_name, value_of
from checker.reference.sources.recognisers import is_edgar as recognise

NAME = "SEC EDGAR companyfacts"
URL = "https://data.sec.gov/api/xbrl/companyfacts/CIK{cik:010d}.json"
#: The company's filings on EDGAR, the page a reader opens (the companyfacts JSON is for programs).
FILINGS = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={cik:010d}"
_NAME_PART = re.compile(r"^[\w-]+\Z")


def source_url(cik: int) -> str:
    return URL.format(cik=cik)


def _day(raw: object, what: str) -> date:
    if not isinstance(raw, str):
        raise ValueError(f"{what} {raw!r} is not a date")
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"{what} {raw!r} is not a date (YYYY-MM-DD)") from None


def _cik(document: object, shown: str) -> tuple[int, dict]:
    if not isinstance(document, dict) or not isinstance(document.get("facts"), dict):
        raise InputError(Location(shown), "EDGAR companyfacts: expected an object with 'cik' and 'facts'")
    raw = document.get("cik")
    try:
        cik = int(str(raw).strip())
    except ValueError:
        raise InputError(Location(shown), f"EDGAR companyfacts: cik {raw!r} is not a number") from None
    return cik, document["facts"]


class _Facts(NamedTuple):
    """The facts of one tag in one unit: its key, unit, rows, label and JSON path (``facts.dei.X.units.USD``)."""

    metric: str
    unit: str
    rows: list
    label: str
    path: str


def _metric_names(facts: dict, cik: int) -> list[_Facts]:
    """The facts of every tag and unit, with the keys the module docstring gives."""
    taxonomies: dict[str, list[str]] = {}
    for taxonomy, tags in facts.items():
        for tag in tags if isinstance(tags, dict) else ():
            taxonomies.setdefault(tag, []).append(taxonomy)
    series: list[_Facts] = []
    for taxonomy, tags in facts.items():
        for tag, body in (tags.items() if isinstance(tags, dict) else ()):
            units = body.get("units") if isinstance(body, dict) else None
            if not isinstance(units, dict):
                continue
            name = tag if len(taxonomies[tag]) == 1 else f"{taxonomy}.{tag}"
            label = body.get("label")
            for unit, rows in units.items():
                key = name if len(units) == 1 else f"{name}.{unit.replace('/', '_per_')}"
                series.append(_Facts(f"cik{cik}.{key}", unit, rows if isinstance(rows, list) else [],
                                     " ".join(label.split()) if isinstance(label, str) else "",
                                     f"facts.{taxonomy}.{tag}.units.{unit}"))
    return series


def _observation(metric: str, unit: str, row: object, source: str, where: Location, label: str,
                 link: str, entity: str = "") -> Observation:
    if not isinstance(row, dict):
        raise ValueError("row is not an object")
    end = _day(row.get("end"), "end")
    period = span_period(_day(row["start"], "start"), end) if row.get("start") else day_period(end)
    notes = ({key: str(row[key]) for key in ("form", "accn", "fy", "fp") if key in row}
             | ({"name": label} if label else {}) | ({"entity": entity} if entity else {}) | {"link": link})
    return Observation(
        metric=metric,
        period=period,
        value=value_of(row.get("val")),
        precision=Decimal(0),
        unit=unit,
        source=source,
        vintage=_day(row.get("filed"), "filed"),
        location=where,
        notes=notes,
    )


def read(text: str, shown: str, entry: Entry) -> FileData:
    """Every fact of the file as an observation; problems in ``.errors``, never raised."""
    data = FileData(shown)
    try:
        document = load_json(text, shown)
        cik, facts = _cik(document, shown)
    except InputError as error:
        data.errors.append(error)
        return data
    source, link = source_url(cik), FILINGS.format(cik=cik)
    named = document.get("entityName")  # the company, so a draft links its figures only where the article names it
    entity = " ".join(named.split()) if isinstance(named, str) else ""
    series = _metric_names(facts, cik)
    positions = RowPositions(text, shown, "accn", sum(len(facts.rows) for facts in series))
    kept: dict[tuple, Observation] = {}
    index = 0
    for metric, unit, rows, label, path in series:
        if not _NAME_PART.match(metric.split(".", 1)[1].replace(".", "_")):
            data.errors.append(InputError(Location(shown), (
                f"EDGAR tag {metric!r} cannot be a metric key (letters, digits, _ and -)")))
            index += len(rows)
            continue
        for number, row in enumerate(rows):
            where = positions[index]
            index += 1
            try:
                found = _observation(metric, unit, row, source, where, label, link, entity)
            except (ValueError, PeriodError) as error:
                named = row_name(path, number, row, ("accn", "end"))
                data.errors.append(InputError(where, f"{metric} {named}: {error}"))
                continue
            key = (found.metric, found.period.start, found.period.end, found.vintage)
            first = kept.setdefault(key, found)
            if first is not found and first.value != found.value:
                data.errors.append(InputError(where, (
                    f"{metric} {found.period.label} filed {found.vintage} is {found.value} in "
                    f"{found.notes.get('form', '?')} {found.notes.get('accn', '?')} and {first.value} in "
                    f"{first.notes.get('form', '?')} {first.notes.get('accn', '?')} (kept the first)")))
    data.observations.extend(kept.values())
    return data


# --------------------------------------------------------------------------- fetch

BASE = "https://data.sec.gov"
_IDENT = re.compile(r"^(?:CIK)?(?P<cik>\d{1,10})\Z", re.IGNORECASE)


def fetch(ident: str, options: FetchOptions) -> Answer:
    """``CIK0001318605`` (or ``1318605``): the company's companyfacts, as one answer.

    The SEC asks every client to name itself in the User-Agent (``SEC_USER_AGENT``, e.g.
    ``Jane Doe jane@example.org``) and to stay under 10 requests a second; this is one
    request.
    """
    match = _IDENT.match(ident.strip())
    if match is None:
        raise FetchError(f"EDGAR: {ident!r} is not a CIK (CIK0001318605 or 1318605)")
    agent = options.setting("SEC_USER_AGENT")
    if not agent:
        raise FetchError("EDGAR: the SEC requires a User-Agent naming you: set SEC_USER_AGENT, "
                         "e.g. 'Jane Doe jane@example.org'")
    cik = int(match["cik"])
    client = Client("EDGAR", headers={"User-Agent": agent, "Accept-Encoding": "gzip, deflate"},
                    limits=options.limits())
    answer = client.get(f"{options.base_url('CLAIMCHECK_SEC_URL', BASE)}/api/xbrl/companyfacts/CIK{cik:010d}.json")
    if answer.status == 403:
        raise FetchError("EDGAR: the SEC refused the request (HTTP 403): SEC_USER_AGENT must name you and an "
                         "email address, and requests must stay under 10 a second")
    if answer.status == 404:
        raise FetchError(f"EDGAR: no companyfacts for CIK {cik:010d} (HTTP 404): check the CIK")
    if answer.status != 200:
        raise FetchError(f"EDGAR: HTTP {answer.status} from {answer.url}")
    _check_cik(answer.text, cik)
    if options.as_of is None:
        return Answer((answer.text,), answer.url)
    data = read(answer.text, "EDGAR answer", Entry(Path("EDGAR answer")))
    if data.errors:
        raise FetchError(f"EDGAR: {len(data.errors)} problem(s) in the answer, first: {data.errors[0]}")
    return Answer((), answer.url, tuple(filed_by(data.observations, options.as_of)))


def filed_by(rows: Iterable[Observation], day: date) -> list[Observation]:
    """Per metric and period, the row of the latest filing on or before ``day``; later filings dropped."""
    latest: dict[tuple[str, date, date], Observation] = {}
    for row in rows:
        if row.vintage is None or row.vintage > day:
            continue
        key = (row.metric, row.period.start, row.period.end)
        if key not in latest or latest[key].vintage < row.vintage:
            latest[key] = row
    return list(latest.values())


def _check_cik(text: str, cik: int) -> None:
    """FetchError when the answer is another company's facts (they would be written under this CIK's request)."""
    try:
        answered, _ = _cik(load_json(text, "EDGAR answer"), "EDGAR answer")
    except InputError:
        return  # not companyfacts: the reader says why
    if answered != cik:
        raise FetchError(f"EDGAR: asked for CIK {cik:010d}, the answer is the companyfacts of CIK {answered:010d}; "
                         "nothing written")

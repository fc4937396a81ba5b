"""FRED and ALFRED by series id: the observations with the series' own unit and frequency.

A FRED download carries no unit; the API's ``fred/series`` does (``units``: ``Thousands
of Persons``, with its scale) and so does its frequency, so a fetched file needs no
``unit:`` in its reference entry and its months are months, not first days.

- ``{base}/series?series_id=ID`` gives ``title``, ``frequency_short`` and ``units``.
- ``{base}/series/observations?series_id=ID`` gives ``[{realtime_start, realtime_end,
  date, value}]``, paged by ``offset`` until ``count``; with ``--vintages`` it asks ALFRED
  for every vintage (``realtime_start=1776-07-04&realtime_end=9999-12-31``) and each
  row's ``realtime_start`` is its vintage. ``.`` (no value) is skipped. A short page
  before ``count``, a ``count`` that changes, or one over the page limit fails the fetch.
- ``--as-of DATE`` asks ALFRED for the real-time period ``DATE..DATE`` (both requests, so
  the unit is the one of that day too: ``Chained 2012 Dollars`` in 2022): the figures as
  published on DATE, one per period, each row dated by its ``realtime_start`` (ALFRED
  clips it to DATE). A row whose real-time period does not hold DATE, or a second value
  for one period, is an answer to another question: a FetchError, never a row.
- Metric ``fred.<ID>``; period by ``frequency_short`` (``M`` month, ``Q`` quarter, ``SA``
  half, ``A`` year, daily and weekly series their day); source the series' FRED page.
- The metadata must be the series asked for (its ``id``), or the fetch fails: its unit
  would be another series'.
- FRED's ``error_message`` (a bad key, an unknown series) is one FetchError.
"""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from checker import bounded_json
from checker.errors import Location
from checker.periods import Period, day_period, half_period, month_period, quarter_period, year_period
from checker.reference.cells import parse_value
from checker.reference.model import Observation
from checker.reference.sources.fred import PAGE
from checker.reference.sources.http import (
    Answer, Client, FetchError, FetchOptions, Response, fetch_pages, shortened,
)

BASE = "https://api.stlouisfed.org/fred"
#: Observations asked per request (FRED's maximum).
LIMIT = 100000
ALL_VINTAGES = {"realtime_start": "1776-07-04", "realtime_end": "9999-12-31"}
#: frequency_short -> the period a dated observation stands for.
PERIODS = {
    "M": lambda day: month_period(day.year, day.month),
    "Q": lambda day: quarter_period(day.year, (day.month - 1) // 3 + 1),
    "SA": lambda day: half_period(day.year, 1 if day.month <= 6 else 2),
    "A": lambda day: year_period(day.year),
}


def fetch(ident: str, options: FetchOptions) -> Answer:
    """``PAYEMS``: every observation (every vintage with ``--vintages``) as rows."""
    series = ident.strip().upper()
    key = options.key("FRED_API_KEY", "FRED", "https://fred.stlouisfed.org/docs/api/api_key.html")
    client = Client("FRED", secrets=[key], limits=options.limits())
    base = options.base_url("CLAIMCHECK_FRED_URL", BASE)
    common = {"series_id": series, "api_key": key, "file_type": "json"}
    if options.as_of is not None:
        common.update(realtime_start=options.as_of.isoformat(), realtime_end=options.as_of.isoformat())
    meta = _metadata(_document(client, f"{base}/series?{urlencode(common)}"), series)
    unit, frequency = str(meta.get("units", "")).strip(), str(meta.get("frequency_short", "")).strip()
    if not unit:
        raise FetchError(f"FRED: series {series} has no units in its metadata")
    query = {**common, "limit": LIMIT}
    query.update({name: value for name, value in (("observation_start", options.start),
                                                  ("observation_end", options.end)) if value})
    if options.vintages:
        query.update(ALL_VINTAGES)
    dated = options.vintages or options.as_of is not None  # each row's realtime_start is its vintage
    rows: list[Observation] = []

    def page(offset: int) -> tuple[int, int]:
        document = _document(client, f"{base}/series/observations?{urlencode({**query, 'offset': offset})}")
        found = document.get("observations")
        if not isinstance(found, list) or not str(document.get("count", "")).isdigit():
            raise FetchError(f"FRED: the observations of {series} come without a list and a count")
        rows.extend(row for item in found if (row := _row(item, series, unit, frequency, dated, options.as_of)))
        return len(found), int(document["count"])

    fetch_pages("FRED", client.limits, LIMIT, page)
    if options.as_of is not None:
        _check_as_of(rows, options.as_of)
    request = client.redact(f"{base}/series/observations?{urlencode(query)}")
    return Answer((), request, tuple(rows))


def _check_as_of(rows: list[Observation], day: date) -> None:
    """A FetchError when a period has two values as of ``day``: ALFRED gives one."""
    seen: set[tuple[date, date]] = set()
    for row in rows:
        if (row.period.start, row.period.end) in seen:
            raise FetchError(f"FRED: two values of {row.metric} {row.period.label} as of {day}")
        seen.add((row.period.start, row.period.end))


def _metadata(document: dict, series: str) -> dict:
    """The ``seriess`` entry of ``series``; FetchError when the answer is about another series."""
    found = document.get("seriess")
    meta = found[0] if isinstance(found, list) and len(found) == 1 and isinstance(found[0], dict) else {}
    answered = str(meta.get("id", "")).strip()
    if answered.upper() != series:
        raise FetchError(f"FRED: asked for series {series}, the answer describes {shortened(answered) or 'no series'}; "
                         "nothing written")
    return meta


def _document(client: Client, url: str) -> dict:
    answer: Response = client.get(url)
    try:
        document = bounded_json.loads(answer.text)
    except json.JSONDecodeError as error:
        raise FetchError(f"FRED: HTTP {answer.status} from {answer.url} is not JSON ({error.msg})") from None
    if not isinstance(document, dict):
        raise FetchError(f"FRED: HTTP {answer.status} from {answer.url} is not a FRED answer")
    if "error_message" in document or answer.status != 200:
        code = document.get("error_code", answer.status)
        raise FetchError(client.redact(f"FRED {code}: {' '.join(str(document.get('error_message', '')).split())}"))
    return document


def _row(item: object, series: str, unit: str, frequency: str, dated: bool, as_of: date | None) -> Observation | None:
    """The observation ``item`` gives, dated by its ``realtime_start`` when ``dated``; None for no value."""
    if not isinstance(item, dict) or str(item.get("value", ".")).strip() in (".", ""):
        return None
    try:
        day = date.fromisoformat(str(item["date"]))
        value = parse_value(str(item["value"]))
        vintage = date.fromisoformat(str(item["realtime_start"])) if dated else None
        current_until = date.fromisoformat(str(item["realtime_end"])) if as_of else None
    except (KeyError, ValueError) as error:
        raise FetchError(f"FRED: observation {shortened(repr(item))} cannot be read "
                         f"({shortened(str(error))})") from None
    if as_of is not None and not (vintage and current_until and vintage <= as_of <= current_until):
        raise FetchError(f"FRED: the value of {series} for {day} was current {vintage}..{current_until}, "
                         f"not on {as_of}: not the answer to an --as-of request")
    period: Period = PERIODS.get(frequency, day_period)(day)
    return Observation(
        metric=f"fred.{series}", period=period, value=value, precision=Decimal(0), unit=unit,
        source=PAGE.format(series), vintage=vintage, location=Location(f"fred:{series}"),
    )

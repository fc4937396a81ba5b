"""KOSIS ``statisticsParameterData`` JSON, read as the Open API answers it.

Shape (KOSIS Open API guide, 통계자료 ``Param/statisticsParameterData.do``,
``format=json&jsonVD=Y``): a JSON list of rows ``{ORG_ID, TBL_ID, TBL_NM, C1, C1_NM,
C1_OBJ_NM, ... C8, ITM_ID, ITM_NM, UNIT_NM, PRD_SE, PRD_DE, DT, LST_CHN_DE}``; a failed
request answers ``{"err": "30", "errMsg": "데이터가 존재하지 않습니다."}``.

- Metric ``kosis.<TBL_ID>.<ITM_ID>`` (``kosis.DT_1B040A3.T20``). When the file's rows of
  one table and item differ by classification (``C1`` region, ``C2`` sex, ...), the codes
  of each level that varies are appended in level order (``kosis.DT_1B040A3.T20.11``
  for Seoul when the file holds several regions); a level with one value in the whole
  file is left out, so a one-series download keeps the short key. Rows never share a
  key unless they are the same series.
- Period from ``PRD_DE`` read by ``PRD_SE``: ``Y`` ``2023``; ``H`` ``202301``/``20231``
  (half); ``Q`` ``202303``/``20233`` (quarter); ``M`` ``202401``; ``D`` ``20240102``.
  Other cycles (``F`` multi-year, ``IR`` irregular) are refused with their code.
- Unit ``UNIT_NM`` as published (``명``, ``천명``, ``%``, ``2020=100``), value ``DT``.
  KOSIS's symbols for a figure not published (``-``, ``x``, ``…``) skip the row.
- Vintage: ``LST_CHN_DE``, the day KOSIS last changed the figure, when present.
- Source: the table's KOSIS page ``https://kosis.kr/statHtml/statHtml.do?orgId=..&tblId=..``.
- A saved ``err`` answer is one error.
- Fetch (``claimcheck fetch kosis:ORG/TBL/ITM[/OBJ1...] --start [--end]``, the cycle read
  from the form of ``--start``): ``{CLAIMCHECK_KOSIS_URL}/Param/statisticsParameterData.do``
  with ``KOSIS_API_KEY``; ``objL1=ALL`` when no classification code is given. Every row
  must be of the ORG_ID, TBL_ID, ITM_ID, cycle and classification codes asked for, or the
  fetch fails with nothing written.
"""
from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from urllib.parse import quote, urlencode

from checker import bounded_json
from checker.errors import InputError, Location
from checker.periods import (
    Period, PeriodError, checked_day, parse_period, day_period, half_period, month_period, quarter_period, year_period,
)
from checker.reference.entry import Entry
from checker.reference.files import FileData
from checker.reference.keys import provider_key
from checker.reference.model import Observation
from checker.reference.sources.http import Answer, Client, FetchError, FetchOptions, shortened
from checker.reference.sources.jsonrows import document_rows, read_rows, value_of
from checker.reference.sources.recognisers import is_kosis as recognise

NAME = "KOSIS statisticsParameterData"
PAGE = "https://kosis.kr/statHtml/statHtml.do?orgId={org}&tblId={table}"
LEVELS = tuple(f"C{n}" for n in range(1, 9))
#: The names KOSIS gives a row's table, item and classifications, in the order a reader says them.
NAMES = ("TBL_NM", "ITM_NM", "C1_NM", "C2_NM")
NOT_PUBLISHED = {"", "-", "x", "X", "…", "..."}
_FORMS = {
    "Y": re.compile(r"^(?P<year>\d{4})\Z"),
    "H": re.compile(r"^(?P<year>\d{4})0?(?P<part>[12])\Z"),
    "Q": re.compile(r"^(?P<year>\d{4})0?(?P<part>[1-4])\Z"),
    "M": re.compile(r"^(?P<year>\d{4})(?P<part>\d{2})\Z"),
    "D": re.compile(r"^(?P<year>\d{4})(?P<part>\d{2})(?P<day>\d{2})\Z"),
}


def period_of(cycle: str, written: str) -> Period:
    """The period ``PRD_DE`` names in cycle ``PRD_SE``.

    >>> [period_of(se, de).label for se, de in (("Y", "2023"), ("H", "202302"), ("Q", "202303"), ("M", "202401"))]
    ['2023', '2023-H2', '2023-Q3', '2024-01']
    """
    form = _FORMS.get(cycle.strip().upper())
    if form is None:
        raise PeriodError(f"PRD_SE {cycle!r} is not a cycle claimcheck reads (Y, H, Q, M or D)")
    match = form.match(written.strip())
    if match is None:
        raise PeriodError(f"PRD_DE {written!r} is not a {cycle} period")
    year = int(match["year"])
    if cycle.upper() == "Y":
        return year_period(year)
    part = int(match["part"])
    if cycle.upper() == "H":
        return half_period(year, part, written)
    if cycle.upper() == "Q":
        return quarter_period(year, part, written)
    if cycle.upper() == "M":
        return month_period(year, part, written)
    return day_period(checked_day(year, part, int(match["day"]), written))


def _rows(document: object, shown: str) -> list:
    if isinstance(document, dict) and "err" in document:
        raise InputError(Location(shown), (
            f"KOSIS answered with an error, not data: {document.get('err')}: {document.get('errMsg', '')}"))
    if not isinstance(document, list):
        raise InputError(Location(shown), "KOSIS statisticsParameterData: expected a list of rows")
    return document



def _text(row: dict, key: str) -> str:
    value = row.get(key)
    return value.strip() if isinstance(value, str) else ""


def varying_levels(rows: list) -> dict[tuple[str, str], tuple[str, ...]]:
    """Per (table, item), the classification levels whose codes differ between its rows."""
    seen: dict[tuple[str, str], dict[str, set[str]]] = {}
    for row in rows:
        if isinstance(row, dict):
            levels = seen.setdefault((_text(row, "TBL_ID"), _text(row, "ITM_ID")), {})
            for level in LEVELS:
                levels.setdefault(level, set()).add(_text(row, level))
    return {series: tuple(level for level in LEVELS if len(codes[level]) > 1) for series, codes in seen.items()}


def metric_of(row: dict, levels: tuple[str, ...]) -> str:
    codes = [_text(row, "TBL_ID"), _text(row, "ITM_ID"), *(_text(row, level) for level in levels)]
    return provider_key("kosis", codes)


def _vintage(row: dict) -> date | None:
    written = _text(row, "LST_CHN_DE")
    if not written:
        return None
    try:
        return date.fromisoformat(written)
    except ValueError:
        raise ValueError(f"LST_CHN_DE {written!r} is not a date (YYYY-MM-DD)") from None


def _observation(row: object, levels: dict, where: Location) -> Observation | None:
    if not isinstance(row, dict):
        raise ValueError("row is not an object")
    if _text(row, "DT") in NOT_PUBLISHED:
        return None
    return Observation(
        metric=metric_of(row, levels[(_text(row, "TBL_ID"), _text(row, "ITM_ID"))]),
        period=period_of(_text(row, "PRD_SE"), _text(row, "PRD_DE")),
        value=value_of(row.get("DT")),
        precision=Decimal(0),
        unit=_text(row, "UNIT_NM"),
        source=PAGE.format(org=_text(row, "ORG_ID"), table=_text(row, "TBL_ID")),
        vintage=_vintage(row),
        location=where,
        notes={**{key.lower(): _text(row, key) for key in NAMES if _text(row, key)},
               "name": " · ".join(_text(row, key) for key in NAMES if _text(row, key)),
               "link": PAGE.format(org=quote(_text(row, "ORG_ID"), safe=""), table=quote(_text(row, "TBL_ID"), safe=""))},
    )


def read(text: str, shown: str, entry: Entry) -> FileData:
    """Every published row as an observation; problems in ``.errors``, never raised."""
    data = FileData(shown)
    rows = document_rows(data, text, _rows)
    if rows is None:
        return data
    levels = varying_levels(rows)
    return read_rows(data, text, rows, "PRD_DE", "KOSIS", lambda row, where: _observation(row, levels, where),
                     rows_path="", identity=("PRD_DE", "ITM_ID", *LEVELS))


# --------------------------------------------------------------------------- fetch

BASE = "https://kosis.kr/openapi"
#: A period's granularity (from ``--start``) -> KOSIS's cycle and how its PRD_DE writes a day's period.
CYCLES = {
    "year": ("Y", lambda day: f"{day.year}"),
    "half": ("H", lambda day: f"{day.year}0{1 if day.month <= 6 else 2}"),
    "quarter": ("Q", lambda day: f"{day.year}0{(day.month - 1) // 3 + 1}"),
    "month": ("M", lambda day: f"{day.year}{day.month:02d}"),
    "day": ("D", lambda day: f"{day.year}{day.month:02d}{day.day:02d}"),
}


def _cycle(options: FetchOptions) -> tuple[str, str, str]:
    """(prdSe, startPrdDe, endPrdDe), the cycle read from the form of ``--start``."""
    if not options.start:
        raise FetchError("KOSIS needs --start (its form sets the cycle: 2023, 2023-Q1, 2023-01 or 2023-01-02)")
    try:
        first, last = parse_period(options.start), parse_period(options.end or options.start)
    except PeriodError as error:
        raise FetchError(f"KOSIS: {error}") from None
    if first.granularity not in CYCLES:
        raise FetchError(f"KOSIS: --start {options.start!r} must be a year, half, quarter, month or day")
    cycle, written = CYCLES[first.granularity]
    return cycle, written(first.start), written(last.end)


def fetch(ident: str, options: FetchOptions) -> Answer:
    """``ORG/TBL/ITM[/OBJ1[/OBJ2...]]`` (``101/DT_1B040A3/T20/00``) from statisticsParameterData."""
    parts = [part.strip() for part in ident.split("/")]
    if not 3 <= len(parts) <= 11 or not all(parts):
        raise FetchError(f"KOSIS: {ident!r} is not ORG/TBL/ITM[/OBJ1...] (e.g. 101/DT_1B040A3/T20/00)")
    cycle, start, end = _cycle(options)
    key = options.key("KOSIS_API_KEY", "KOSIS", "https://kosis.kr/openapi/")
    client = Client("KOSIS", secrets=[key], limits=options.limits())
    levels = parts[3:] or ["ALL"]
    query = {"method": "getList", "apiKey": key, "orgId": parts[0], "tblId": parts[1], "itmId": parts[2],
             **{f"objL{n}": code for n, code in enumerate(levels, start=1)},
             "prdSe": cycle, "startPrdDe": start, "endPrdDe": end, "format": "json", "jsonVD": "Y"}
    url = f"{options.base_url('CLAIMCHECK_KOSIS_URL', BASE)}/Param/statisticsParameterData.do?{urlencode(query)}"
    answer = client.get(url)
    try:
        document = bounded_json.loads(answer.text)
    except json.JSONDecodeError as error:
        raise FetchError(f"KOSIS: HTTP {answer.status} from {answer.url} is not JSON ({error.msg})") from None
    if isinstance(document, dict) and "err" in document:
        raise FetchError(client.redact(f"KOSIS error {document.get('err')}: {document.get('errMsg', '')}"))
    if not isinstance(document, list):
        raise FetchError(f"KOSIS: HTTP {answer.status} from {answer.url} is not a list of rows")
    _check_rows(document, {"ORG_ID": parts[0], "TBL_ID": parts[1], "ITM_ID": parts[2], "PRD_SE": cycle,
                           **{level: code for level, code in zip(LEVELS, parts[3:])}})
    return Answer((answer.text,), answer.url)


def _check_rows(rows: list, asked: dict[str, str]) -> None:
    """FetchError unless every row is of the organisation, table, item, cycle and classification
    codes asked for: rows of another table or item would be written under the request's name."""
    for row in rows:
        if not isinstance(row, dict):
            continue  # the reader reports it
        for name, code in asked.items():
            if _text(row, name).upper() != code.upper():
                raise FetchError(f"KOSIS: asked for {name} {code}, the answer holds "
                                 f"{shortened(repr(row.get(name)))}; nothing written")

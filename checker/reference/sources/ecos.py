"""Bank of Korea ECOS ``StatisticSearch`` JSON, read as the Open API answers it.

Shape (ECOS Open API developer guide, ``StatisticSearch``): ``{"StatisticSearch":
{"list_total_count": N, "row": [{STAT_CODE, STAT_NAME, ITEM_CODE1, ITEM_NAME1,
ITEM_CODE2..4, ITEM_NAME2..4, UNIT_NAME, WGT, TIME, DATA_VALUE}]}}``; a failed request
answers ``{"RESULT": {"CODE": "INFO-200", "MESSAGE": ...}}`` with HTTP 200.

- Metric ``ecos.<STAT_CODE>.<ITEM_CODE1>`` (``ecos.731Y001.0000001``), codes exactly as
  published (the total index is ``ecos.403Y003.*AA``). A statistic with
  more item dimensions has rows that differ only in ``ITEM_CODE2..4``, so the codes a
  row gives are appended (``ecos.<STAT>.<ITEM1>.<ITEM2>``), as the request names them.
- Period from ``TIME`` by its form: ``2024`` year, ``2024S1`` half, ``2024Q1`` quarter,
  ``202401`` month, ``20240102`` day. Semi-monthly (``SM``) rows are refused: no period
  of claimcheck is half a month.
- Unit: ``UNIT_NAME`` as published (``원``, ``%``, ``십억원``); an empty one is left empty
  for the reference entry's ``unit:`` to supply.
- A row without ``DATA_VALUE`` (not yet published) is skipped. ECOS carries no vintage.
- Source: the ECOS statistics search page (the site has no stable per-table address);
  the series' name (``STAT_NAME`` and ``ITEM_NAME1..4``: ``수입금액지수 · 총지수``) is kept
  in each row's notes, so evidence shows it beside the code.
- A saved ``RESULT`` answer (``INFO-100`` bad key, ``INFO-200`` no data) is one error.
- Fetch (``claimcheck fetch ecos:STAT/CYCLE/ITEM1[/ITEM2...] --start --end``):
  ``{CLAIMCHECK_ECOS_URL}/StatisticSearch/{ECOS_API_KEY}/json/kr/{first}/{last}/...``, page
  after page until ``list_total_count``; the key sits in the path, so it is blanked in
  everything shown. Every row must be of the statistic, items and cycle asked for, or
  the fetch fails with nothing written.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from urllib.parse import quote

from checker import bounded_json
from checker.errors import InputError, Location
from checker.periods import (
    Period, PeriodError, checked_day, parse_period, day_period, half_period, month_period, quarter_period, year_period,
)
from checker.reference.entry import Entry
from checker.reference.files import FileData
from checker.reference.keys import provider_key
from checker.reference.model import Observation
from checker.reference.sources.http import (
    Answer, Client, FetchError, FetchOptions, Response, fetch_pages, shortened,
)
from checker.reference.sources.jsonrows import document_rows, read_rows, value_of
from checker.reference.sources.recognisers import is_ecos as recognise

NAME = "Bank of Korea ECOS StatisticSearch"
SOURCE = "https://ecos.bok.or.kr/#/SearchStat"
#: ECOS numbers its statistics as an outline (``3.3.1.2.1. 수입금액지수``); the name is what follows.
_OUTLINE = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_TIME = re.compile(
    r"""
    ^(?P<year>\d{4})
    (?:
        S(?P<half>\d)                 # 2024S1: half-year
      | Q(?P<quarter>\d)              # 2024Q1: quarter
      | (?P<month>\d{2})              # 202401: month
        (?P<day>\d{2})?               # 20240102: day
    )?\Z
    """,
    re.VERBOSE,
)


def period_of(time: str) -> Period:
    """The period an ECOS ``TIME`` names.

    >>> [period_of(t).label for t in ("2024", "2024S2", "2024Q1", "202401", "20240102")]
    ['2024', '2024-H2', '2024-Q1', '2024-01', '2024-01-02']
    """
    match = _TIME.match(time.strip())
    if match is None:
        raise PeriodError(f"TIME {time!r} is not a period (2024, 2024S1, 2024Q1, 202401 or 20240102)")
    year = int(match["year"])
    if match["half"]:
        return half_period(year, int(match["half"]), time)
    if match["quarter"]:
        return quarter_period(year, int(match["quarter"]), time)
    if match["day"]:
        return day_period(checked_day(year, int(match["month"]), int(match["day"]), time))
    if match["month"]:
        return month_period(year, int(match["month"]), time)
    return year_period(year)


def provider_error(document: object) -> str | None:
    """ECOS's own error (``INFO-200: 해당하는 데이터가 없습니다.``) if the answer is one."""
    for holder in (document, document.get("StatisticSearch") if isinstance(document, dict) else None):
        result = holder.get("RESULT") if isinstance(holder, dict) else None
        if isinstance(result, dict) and result.get("CODE") not in (None, "INFO-000"):
            return f"{result.get('CODE')}: {result.get('MESSAGE', '')}".strip()
    return None


def _rows(document: object, shown: str) -> list:
    error = provider_error(document)
    if error is not None:
        raise InputError(Location(shown), f"ECOS answered with an error, not data: {error}")
    search = document.get("StatisticSearch") if isinstance(document, dict) else None
    rows = search.get("row") if isinstance(search, dict) else None
    if not isinstance(rows, list):
        raise InputError(Location(shown), "ECOS StatisticSearch: expected {'StatisticSearch': {'row': [...]}}")
    return rows


def metric_of(row: dict) -> str:
    """``ecos.<STAT_CODE>.<ITEM_CODE1>[.<ITEM_CODE2>...]``, or ValueError naming a bad code."""
    codes = [row.get("STAT_CODE"), row.get("ITEM_CODE1")]
    codes += [row.get(f"ITEM_CODE{n}") for n in (2, 3, 4) if row.get(f"ITEM_CODE{n}") not in (None, "")]
    return provider_key("ecos", codes)


def _observation(row: object, where: Location) -> Observation | None:
    if not isinstance(row, dict):
        raise ValueError("row is not an object")
    raw = row.get("DATA_VALUE")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    unit = row.get("UNIT_NAME")
    return Observation(
        metric=metric_of(row),
        period=period_of(str(row.get("TIME", ""))),
        value=value_of(raw),
        precision=Decimal(0),
        unit=unit.strip() if isinstance(unit, str) else "",
        source=SOURCE,
        vintage=None,
        location=where,
        notes={"statistic": str(row.get("STAT_NAME", "")), "item": str(row.get("ITEM_NAME1", "")),
               "name": name_of(row)},
    )


def name_of(row: dict) -> str:
    """``수입금액지수 · 총지수``: the statistic (without ECOS's outline number) and each item's name.

    >>> name_of({"STAT_NAME": "3.3.1.2.1. 수입금액지수", "ITEM_NAME1": "총지수", "ITEM_NAME2": None})
    '수입금액지수 · 총지수'
    """
    statistic = _OUTLINE.sub("", _named(row, "STAT_NAME"))
    return " · ".join(name for name in (statistic, *(_named(row, f"ITEM_NAME{n}") for n in (1, 2, 3, 4))) if name)


def _named(row: dict, key: str) -> str:
    value = row.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def read(text: str, shown: str, entry: Entry) -> FileData:
    """Every row with a value as an observation; problems in ``.errors``, never raised."""
    data = FileData(shown)
    rows = document_rows(data, text, _rows)
    if rows is None:
        return data
    return read_rows(data, text, rows, "TIME", "ECOS", _observation, rows_path="StatisticSearch.row",
                     identity=("TIME", "ITEM_CODE1", "ITEM_CODE2", "ITEM_CODE3", "ITEM_CODE4"))


# --------------------------------------------------------------------------- fetch

BASE = "https://ecos.bok.or.kr/api"
#: Rows asked per request; ECOS answers ``list_total_count`` so the pages can follow.
PAGE = 10000
#: ECOS's cycle letters and how its TIME writes a period's first or last day.
CYCLES = {
    "A": lambda day: f"{day.year}",
    "S": lambda day: f"{day.year}S{1 if day.month <= 6 else 2}",
    "Q": lambda day: f"{day.year}Q{(day.month - 1) // 3 + 1}",
    "M": lambda day: f"{day.year}{day.month:02d}",
    "D": lambda day: f"{day.year}{day.month:02d}{day.day:02d}",
}
#: How TIME is written in each cycle, so a row of another cycle is noticed.
_CYCLE_TIMES = {cycle: re.compile(pattern) for cycle, pattern in (
    ("A", r"^\d{4}\Z"), ("S", r"^\d{4}S[12]\Z"), ("Q", r"^\d{4}Q[1-4]\Z"), ("M", r"^\d{6}\Z"), ("D", r"^\d{8}\Z"))}
_HINTS = {"INFO-100": "check ECOS_API_KEY", "INFO-200": "no data for this statistic, cycle and dates"}


def _span(options: FetchOptions, cycle: str) -> tuple[str, str]:
    if not options.start or not options.end:
        raise FetchError("ECOS needs --start and --end (e.g. --start 2024-02-01 --end 2024-02-29)")
    try:
        first, last = parse_period(options.start), parse_period(options.end)
    except PeriodError as error:
        raise FetchError(f"ECOS: {error}") from None
    return CYCLES[cycle](first.start), CYCLES[cycle](last.end)


def fetch(ident: str, options: FetchOptions) -> Answer:
    """``STAT/CYCLE/ITEM1[/ITEM2...]`` (``731Y001/D/0000001``) from StatisticSearch, every page."""
    parts = [part.strip() for part in ident.split("/")]
    if len(parts) < 3 or not all(parts) or parts[1].upper() not in CYCLES:
        raise FetchError(f"ECOS: {ident!r} is not STAT/CYCLE/ITEM1[/ITEM2...] with CYCLE one of {', '.join(CYCLES)}")
    stat, cycle, items = parts[0], parts[1].upper(), parts[2:]
    start, end = _span(options, cycle)
    key = options.key("ECOS_API_KEY", "ECOS", "https://ecos.bok.or.kr/api/")
    client = Client("ECOS", secrets=[key], limits=options.limits())
    base = options.base_url("CLAIMCHECK_ECOS_URL", BASE)
    tail = "/".join(quote(part, safe="") for part in (stat, cycle, start, end, *items))

    def url(first: int) -> str:
        return f"{base}/StatisticSearch/{quote(key, safe='')}/json/kr/{first}/{first + PAGE - 1}/{tail}"

    pages: list[str] = []

    def page(received: int) -> tuple[int, int]:
        answer = client.get(url(received + 1))
        search = _checked(answer, client)["StatisticSearch"]
        rows = search.get("row") if isinstance(search.get("row"), list) else []
        _check_rows(rows, stat, cycle, items)
        pages.append(answer.text)
        return len(rows), _count(search.get("list_total_count"), answer)

    fetch_pages("ECOS", client.limits, PAGE, page)
    return Answer(tuple(pages), client.redact(url(1)))


def _check_rows(rows: list, stat: str, cycle: str, items: list[str]) -> None:
    """FetchError unless every row is of the statistic, items and cycle asked for: an answer about
    another table, item or cycle would be written under the request's name."""
    asked = [code.upper() for code in (stat, *items)]
    for row in rows:
        if not isinstance(row, dict):
            continue  # the reader reports it
        codes = [row.get("STAT_CODE"), *(row.get(f"ITEM_CODE{n}") for n in range(1, len(items) + 1))]
        if [code.strip().upper() if isinstance(code, str) else code for code in codes] != asked:
            raise FetchError(f"ECOS: asked for {'/'.join(asked)}, the answer holds "
                             f"{shortened('/'.join(map(str, codes)))}; nothing written")
        written = str(row.get("TIME", "")).strip()
        if not _CYCLE_TIMES[cycle].match(written):
            raise FetchError(f"ECOS: asked for cycle {cycle}, the answer holds TIME {shortened(written)!r}; "
                             "nothing written")


def _count(written: object, answer: Response) -> int:
    """``list_total_count`` as a number of rows, or a FetchError: a page count must be exact."""
    try:
        return int(str(written))
    except ValueError:
        raise FetchError(f"ECOS: list_total_count {written!r} from {answer.url} is not a number") from None


def _checked(answer: Response, client: Client) -> dict:
    try:
        document = bounded_json.loads(answer.text)
    except json.JSONDecodeError as error:
        raise FetchError(f"ECOS: HTTP {answer.status} from {answer.url} is not JSON ({error.msg})") from None
    error = provider_error(document)
    if error is not None:
        code = error.split(":", 1)[0]
        hint = f"; {_HINTS[code]}" if code in _HINTS else ""
        raise FetchError(client.redact(f"ECOS {error}{hint}"))
    if not isinstance(document, dict) or not isinstance(document.get("StatisticSearch"), dict):
        raise FetchError(f"ECOS: HTTP {answer.status} from {answer.url} is not a StatisticSearch answer")
    return document

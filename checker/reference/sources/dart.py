"""OpenDART ``fnlttSinglAcntAll`` JSON (단일회사 전체 재무제표), read as the API answers it.

Shape (OpenDART developer guide DS003 / 2019020): ``{"status": "000", "message": "정상",
"list": [{rcept_no, reprt_code, bsns_year, corp_code, sj_div, sj_nm, account_id,
account_nm, account_detail, thstrm_nm, thstrm_amount, thstrm_add_amount, frmtrm_nm,
frmtrm_amount, frmtrm_q_nm, frmtrm_q_amount, frmtrm_add_amount, bfefrmtrm_nm,
bfefrmtrm_amount, ord, currency}]}``; a failed request is ``{"status": "013", "message":
"조회된 데이타가 없습니다."}`` (any status but ``000``), one error here.

- Metric ``dart.<corp_code>.<account_id>`` (``dart.00126380.ifrs-full_Revenue``). Rows
  whose ``account_id`` is ``-표준계정코드 미사용-`` (a company's own line, no standard id)
  and statement-of-changes-in-equity rows (``SCE``: one account per equity component,
  told apart only by ``account_detail``) are not read. The same account in the income
  statement and the comprehensive income statement (``IS``/``CIS``) is one row when the
  amounts agree; when they disagree the first is kept and the other is an error.
- Periods, from ``bsns_year`` and ``reprt_code`` (11013 Q1, 11012 half-year, 11014 Q3,
  11011 annual), assuming a December fiscal year (most Korean listed companies): the
  guide says ``thstrm_amount`` is the **3-month** amount for quarterly and half-year
  reports' income statements (IS/CIS), so it is the quarter (``2024-Q2`` from a half-year
  report), and ``thstrm_add_amount`` (당기누적금액) the year to date (``2024-01..2024-06``);
  the balance sheet (``BS``) is the day the period ends (``2024-06-30``); the cash-flow
  statement (``CF``) of an interim report is cumulative, so its ``thstrm_amount`` is the
  year to date; an annual report's amounts are the year. A report filed before the end of
  the period it would cover means another fiscal year: an error, never a shifted period.
  Prior-period columns (``frmtrm_*``) are not read.
- Unit: ``currency`` (``KRW``); amounts are in units of it, not thousands.
- Vintage: the filing date, ``rcept_no``'s first 8 digits (YYYYMMDD).
- Source: the filing's DART viewer page ``https://dart.fss.or.kr/dsaf001/main.do?rcpNo=...``.
- Fetch (``claimcheck fetch dart:CORP_CODE/YEAR[/REPORT[/CFS|OFS]]``): ``{CLAIMCHECK_DART_URL}/fnlttSinglAcntAll.json``
  with ``DART_API_KEY``; consolidated statements unless ``OFS`` is asked. Every row must be
  of the corp_code, year and report asked for, or the fetch fails with nothing written.
"""
from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from urllib.parse import quote, urlencode

from checker import bounded_json
from checker.errors import InputError, Location
from checker.periods import Period, day_period, month_period, quarter_period, range_period, year_period
from checker.reference.entry import Entry
from checker.reference.files import FileData
from checker.reference.keys import provider_key
from checker.reference.model import Observation
from checker.reference.sources.http import Answer, Client, FetchError, FetchOptions, shortened
from checker.reference.sources.jsonrows import RowPositions, document_rows, row_name, value_of
from checker.reference.sources.recognisers import is_dart as recognise

NAME = "OpenDART fnlttSinglAcntAll"
VIEWER = "https://dart.fss.or.kr/dsaf001/main.do?rcpNo={rcept_no}"
NO_STANDARD_ID = "-표준계정코드 미사용-"
#: reprt_code -> (name, the quarter the report ends with)
REPORTS = {
    "11013": ("Q1 report", 1), "11012": ("half-year report", 2), "11014": ("Q3 report", 3), "11011": ("annual report", 4),
}
INCOME = ("IS", "CIS")
SKIPPED = ("SCE",)
_RECEIPT = re.compile(r"^(?P<day>\d{8})\d{6}\Z")


def periods(year: int, report: str, statement: str) -> tuple[Period, Period | None]:
    """The periods of ``thstrm_amount`` and ``thstrm_add_amount`` for one report and statement.

    >>> [p.label if p else None for p in periods(2024, "11012", "IS")]
    ['2024-Q2', '2024-01..2024-06']
    >>> [p.label if p else None for p in periods(2024, "11012", "BS")]
    ['2024-06-30', None]
    >>> [p.label if p else None for p in periods(2024, "11014", "CF")]
    ['2024-01..2024-09', None]
    """
    quarter = REPORTS[report][1]
    whole = quarter_period(year, quarter)
    if statement == "BS":
        return day_period(whole.end), None
    if quarter == 4:
        return year_period(year), None
    if quarter == 1:
        return whole, None  # the first quarter is its own year to date
    first, last = month_period(year, 1), month_period(year, 3 * quarter)
    to_date = range_period(first, last, f"{first.label}..{last.label}")
    return (whole, to_date) if statement in INCOME else (to_date, None)


def filed_on(rcept_no: str) -> date:
    """The filing day a DART receipt number starts with (``20240814001234`` -> 2024-08-14)."""
    match = _RECEIPT.match(rcept_no.strip())
    if match is None:
        raise ValueError(f"rcept_no {rcept_no!r} is not a 14-digit receipt number")
    day = match["day"]
    try:
        return date(int(day[:4]), int(day[4:6]), int(day[6:]))
    except ValueError:
        raise ValueError(f"rcept_no {rcept_no!r} does not start with a date (YYYYMMDD)") from None


def _text(row: dict, key: str) -> str:
    value = row.get(key)
    return value.strip() if isinstance(value, str) else ""


def _rows(document: object, shown: str) -> list:
    if not isinstance(document, dict):
        raise InputError(Location(shown), "OpenDART: expected an object with 'status' and 'list'")
    status = str(document.get("status", ""))
    if status != "000":
        raise InputError(Location(shown), (
            f"OpenDART answered with an error, not data: status {status}: {document.get('message', '')}"))
    rows = document.get("list")
    if not isinstance(rows, list):
        raise InputError(Location(shown), "OpenDART: status 000 but no 'list' of rows")
    return rows


def _observations(row: dict, where: Location) -> list[Observation]:
    """The row's current-period amounts (one or two), or ValueError naming the bad field."""
    report, statement = _text(row, "reprt_code"), _text(row, "sj_div")
    if report not in REPORTS:
        raise ValueError(f"reprt_code {report!r} is not 11013, 11012, 11014 or 11011")
    if statement not in INCOME + ("BS", "CF"):
        raise ValueError(f"sj_div {statement!r} is not BS, IS, CIS or CF")
    metric = provider_key("dart", [_text(row, "corp_code"), _text(row, "account_id")])
    if not re.fullmatch(r"\d{4}", _text(row, "bsns_year")):
        raise ValueError(f"bsns_year {row.get('bsns_year')!r} is not a year")
    amount, to_date = periods(int(_text(row, "bsns_year")), report, statement)
    filed = filed_on(_text(row, "rcept_no"))
    if filed <= amount.end:
        raise ValueError((
            f"the {REPORTS[report][0]} for {row.get('bsns_year')} was filed {filed}, before {amount.end}: "
            "the company's fiscal year does not end in December, which this reader assumes"))
    common = {
        "metric": metric, "precision": Decimal(0), "unit": _text(row, "currency"),
        "source": VIEWER.format(rcept_no=_text(row, "rcept_no")), "vintage": filed, "location": where,
        "notes": {"account_nm": _text(row, "account_nm"), "sj_div": statement, "name": _text(row, "account_nm"),
                  "link": VIEWER.format(rcept_no=quote(_text(row, "rcept_no"), safe=""))},
    }
    found = []
    for field, period in (("thstrm_amount", amount), ("thstrm_add_amount", to_date)):
        if period is not None and _text(row, field):
            found.append(Observation(period=period, value=value_of(row[field]), **common))
    return found


def read(text: str, shown: str, entry: Entry) -> FileData:
    """Every current-period amount as an observation; problems in ``.errors``, never raised."""
    data = FileData(shown)
    rows = document_rows(data, text, _rows)
    if rows is None:
        return data
    positions = RowPositions(text, shown, "rcept_no", len(rows))
    kept: dict[tuple, Observation] = {}
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            data.errors.append(InputError(positions[index], f"OpenDART row list[{index}] is not an object"))
            continue
        if _text(row, "sj_div") in SKIPPED or _text(row, "account_id") == NO_STANDARD_ID:
            continue
        try:
            found = _observations(row, positions[index])
        except ValueError as error:
            named = row_name("list", index, row, ("account_id", "sj_div"))
            data.errors.append(InputError(positions[index], f"OpenDART row {named}: {error}"))
            continue
        for observation in found:
            key = (observation.metric, observation.period.start, observation.period.end, observation.vintage)
            first = kept.setdefault(key, observation)
            if first is not observation and first.value != observation.value:
                data.errors.append(InputError(observation.location, (
                    f"{observation.metric} {observation.period.label} is {observation.value} here and "
                    f"{first.value} at {first.location} (kept the first)")))
    data.observations.extend(kept.values())
    return data


# --------------------------------------------------------------------------- fetch

BASE = "https://opendart.fss.or.kr/api"
#: Report names a desk writes -> reprt_code.
REPORT_NAMES = {"Q1": "11013", "H1": "11012", "Q3": "11014", "FY": "11011", "ANNUAL": "11011"}
STATEMENTS = ("CFS", "OFS")  # consolidated, separate
_HINTS = {
    "010": "the key is not registered: check DART_API_KEY", "011": "the key cannot be used: check DART_API_KEY",
    "013": "no statements for this company, year and report", "020": "the daily request limit is reached: try tomorrow",
}


def fetch(ident: str, options: FetchOptions) -> Answer:
    """``CORP_CODE/YEAR[/REPORT[/CFS|OFS]]`` (``00126380/2024/H1``) from fnlttSinglAcntAll."""
    parts = [part.strip().upper() for part in ident.split("/")]
    report = REPORT_NAMES.get(parts[2], parts[2]) if len(parts) > 2 else "11011"
    statements = parts[3] if len(parts) > 3 else "CFS"
    if not 2 <= len(parts) <= 4 or not re.fullmatch(r"\d{8}", parts[0]) or not re.fullmatch(r"\d{4}", parts[1]) \
            or report not in REPORTS or statements not in STATEMENTS:
        raise FetchError(f"OpenDART: {ident!r} is not CORP_CODE/YEAR[/REPORT[/CFS|OFS]] "
                         "(an 8-digit corp_code; REPORT Q1, H1, Q3, FY or 11013, 11012, 11014, 11011)")
    key = options.key("DART_API_KEY", "OpenDART", "https://opendart.fss.or.kr/")
    client = Client("OpenDART", secrets=[key], limits=options.limits())
    query = {"crtfc_key": key, "corp_code": parts[0], "bsns_year": parts[1], "reprt_code": report, "fs_div": statements}
    answer = client.get(f"{options.base_url('CLAIMCHECK_DART_URL', BASE)}/fnlttSinglAcntAll.json?{urlencode(query)}")
    try:
        document = bounded_json.loads(answer.text)
    except json.JSONDecodeError as error:
        raise FetchError(f"OpenDART: HTTP {answer.status} from {answer.url} is not JSON ({error.msg})") from None
    status = str(document.get("status", "")) if isinstance(document, dict) else ""
    if status != "000":
        hint = f"; {_HINTS[status]}" if status in _HINTS else ""
        message = document.get("message", "") if isinstance(document, dict) else ""
        raise FetchError(client.redact(f"OpenDART status {status or '?'}: {message}{hint}"))
    _check_rows(document.get("list"), {"corp_code": parts[0], "bsns_year": parts[1], "reprt_code": report})
    return Answer((answer.text,), answer.url)


def _check_rows(rows: object, asked: dict[str, str]) -> None:
    """FetchError unless every row is of the company, year and report asked for: another company's
    statements would be written under the request's name."""
    for row in rows if isinstance(rows, list) else ():
        if not isinstance(row, dict):
            continue  # the reader reports it
        for name, code in asked.items():
            if _text(row, name) != code:
                raise FetchError(f"OpenDART: asked for {name} {code}, the answer holds "
                                 f"{shortened(repr(row.get(name)))}; nothing written")

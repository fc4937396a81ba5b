"""``claimcheck fetch`` against a local server (127.0.0.1 only) that answers as each provider does.

What the server answers, and where it comes from:
- FRED: ``fred/series`` metadata as the FRED API documents it (title, frequency_short,
  units) and ``fred/series/observations`` built from the real FRED downloads in
  ``../shared/reference-data/us/`` (PAYEMS; the three A191RL1Q225SBEA vintages, each
  file's rows stamped with its upstream commit date as ``realtime_start``, which
  approximates, not copies, ALFRED's vintage dates). Paging by ``offset``/``count``.
- EDGAR: the real Tesla companyfacts file of ``../shared/reference-data/edgar/``.
- ECOS, KOSIS, OpenDART: the documented response shapes of
  ``tests/reference_cases/sources/`` (illustrative values, see its README), and each
  provider's documented error answers.
No test reaches the internet; every test asserts that the API key appears nowhere.
"""
from __future__ import annotations

import csv
import gzip
import json
import os
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from urllib3.util import Retry, Timeout

import checker
from checker.cli import main
from checker.periods import parse_period
from checker.reference.sources import ecos, fred_fetch, http
from checker.reference.store import ReferenceData, clear_cache

CASES = Path(__file__).parent / "reference_cases" / "sources"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference-data"
TESLA = SHARED / "edgar" / "CIK0001318605.companyfacts.json"
US = SHARED / "us"
needs_us = pytest.mark.skipif(not (US / "PAYEMS.csv").is_file(), reason=f"shared FRED files not found in {US}")
needs_tesla = pytest.mark.skipif(not TESLA.is_file(), reason=f"shared EDGAR file not found at {TESLA}")
KEY = "K3Y-s3cret/=+"  # characters that change when URL-encoded
#: A route's answer: (path, query, headers) -> (status, body), or a Raw that writes the whole response itself.
Handler = Callable[[str, dict, dict], "tuple[int, str] | Raw"]


class Raw:
    """A response written byte by byte as a hostile server would: ``pieces`` with ``pause`` seconds between."""

    def __init__(self, pieces: Iterable[bytes], pause: float = 0.0) -> None:
        self.pieces, self.pause = pieces, pause

    def write(self, stream) -> None:
        try:
            for piece in self.pieces:
                stream.write(piece)
                stream.flush()
                time.sleep(self.pause)
        except OSError:
            pass  # the client hung up, as it should


class Provider(BaseHTTPRequestHandler):
    routes: dict[str, Handler] = {}
    seen: list[tuple[str, dict, dict]] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        parts = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        headers = dict(self.headers)
        self.seen.append((parts.path, query, headers))
        for prefix, handler in self.routes.items():
            if parts.path.startswith(prefix):
                answer = handler(parts.path, query, headers)
                break
        else:
            answer = 404, "not found"
        if isinstance(answer, Raw):
            self.close_connection = True
            answer.write(self.wfile)
            return
        status, body = answer
        payload = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:  # the request lines hold the key: keep them out of stderr
        return


def serve(handler: type[BaseHTTPRequestHandler]) -> tuple[ThreadingHTTPServer, str]:
    """A server on a free loopback port, serving in a thread, and its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture()
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A local provider server; CLAIMCHECK_*_URL and the keys point at it; retries do not sleep."""
    Provider.routes, Provider.seen = {}, []
    httpd, base = serve(Provider)
    for name, path in (("FRED", "/fred"), ("SEC", ""), ("ECOS", "/api"), ("KOSIS", "/openapi"), ("DART", "/dart/api")):
        monkeypatch.setenv(f"CLAIMCHECK_{name}_URL", base + path)
    for name in ("FRED_API_KEY", "ECOS_API_KEY", "KOSIS_API_KEY", "DART_API_KEY"):
        monkeypatch.setenv(name, KEY)
    monkeypatch.setenv("SEC_USER_AGENT", "Claimcheck Tests tests@example.org")
    monkeypatch.setattr(http, "RETRIES", Retry(total=3, backoff_factor=0, status_forcelist=http.RETRY_STATUSES,
                                               allowed_methods=frozenset({"GET"}), raise_on_status=False))
    monkeypatch.chdir(tmp_path)
    clear_cache()
    yield Provider
    httpd.shutdown()
    httpd.server_close()


def fetch(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(["fetch", *argv])
    out, err = capsys.readouterr()
    assert KEY not in out + err and "K3Y" not in out + err
    return code, out, err


def no_key_in(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "K3Y" not in text


# ----------------------------------------------------------------------------- ECOS

def ecos_pages(path: str, query: dict, headers: dict) -> tuple[int, str]:
    """StatisticSearch/KEY/json/kr/FIRST/LAST/STAT/CYCLE/START/END/ITEM, rows FIRST..LAST of the case file."""
    parts = path.split("/")
    key, first, last, start, end = parts[3], int(parts[6]), int(parts[7]), parts[10], parts[11]
    if key != KEY.replace("/", "%2F").replace("=", "%3D").replace("+", "%2B"):
        return 200, json.dumps({"RESULT": {"CODE": "INFO-100", "MESSAGE": "인증키가 유효하지 않습니다."}}, ensure_ascii=False)
    rows = json.loads((CASES / "ecos_731Y001_D.json").read_text(encoding="utf-8"))["StatisticSearch"]["row"]
    rows = [row for row in rows if start <= row["TIME"] <= end]
    if not rows:
        return 200, json.dumps({"RESULT": {"CODE": "INFO-200", "MESSAGE": "해당하는 데이터가 없습니다."}}, ensure_ascii=False)
    page = {"StatisticSearch": {"list_total_count": len(rows), "row": rows[first - 1:last]}}
    return 200, json.dumps(page, ensure_ascii=False)


def test_ecos_pages_until_the_total_and_checks_a_mean(server, capsys, monkeypatch) -> None:
    monkeypatch.setattr(ecos, "PAGE", 5)
    server.routes["/api/StatisticSearch/"] = ecos_pages
    code, out, _ = fetch(capsys, "ecos:731Y001/D/0000001", "--start", "2024-02-01", "--end", "2024-02-29",
                         "-o", "won.csv")
    assert code == 0 and "wrote 19 rows to won.csv" in out and "  - won.csv" in out
    assert [path.split("/")[6] for path, _, _ in server.seen] == ["1", "6", "11", "16"]
    assert server.seen[0][0].endswith("/731Y001/D/20240201/20240229/0000001")
    no_key_in(Path("won.csv"))
    data, errors = ReferenceData.load([Path("won.csv")])
    assert errors == []
    mean = data.lookup("ecos.731Y001.0000001", parse_period("2024-02"), agg="mean")
    assert (mean.candidates[0].value, mean.unit) == (Decimal("1332.00"), "KRW")
    text = Path("won.csv").read_text(encoding="utf-8")
    assert text.startswith("# retrieved: ") and "/StatisticSearch/***/json/kr/1/5/731Y001/" in text


@pytest.mark.parametrize("key, start, message", [
    ("wrong-key", "2024-02-01", "ECOS INFO-100: 인증키가 유효하지 않습니다.; check ECOS_API_KEY"),
    (KEY, "2025-02-01", "ECOS INFO-200: 해당하는 데이터가 없습니다.; no data for this statistic, cycle and dates"),
])
def test_ecos_errors_are_one_line_and_write_nothing(server, capsys, monkeypatch, key, start, message) -> None:
    monkeypatch.setenv("ECOS_API_KEY", key)
    server.routes["/api/StatisticSearch/"] = ecos_pages
    code, out, err = fetch(capsys, "ecos:731Y001/D/0000001", "--start", start, "--end", "2025-02-28", "-o", "won.csv")
    assert (code, out, err) == (2, "", f"claimcheck fetch: {message}\n")
    assert not Path("won.csv").exists()
    assert "wrong-key" not in err


def test_ecos_needs_dates(server, capsys) -> None:
    code, _, err = fetch(capsys, "ecos:731Y001/D/0000001", "-o", "won.csv")
    assert code == 2 and "ECOS needs --start and --end" in err and server.seen == []


# ----------------------------------------------------------------------------- KOSIS

def kosis_answer(path: str, query: dict, headers: dict) -> tuple[int, str]:
    if query.get("apiKey") != KEY:
        return 200, json.dumps({"err": "11", "errMsg": "인증KEY값이 유효하지 않습니다."}, ensure_ascii=False)
    rows = json.loads((CASES / "kosis_DT_1B040A3_M.json").read_text(encoding="utf-8"))
    rows = [row for row in rows if query["startPrdDe"] <= row["PRD_DE"] <= query["endPrdDe"]
            and (query["objL1"] == "ALL" or row["C1"] == query["objL1"])]
    if not rows:
        return 200, json.dumps({"err": "30", "errMsg": "데이터가 존재하지 않습니다."}, ensure_ascii=False)
    return 200, json.dumps(rows, ensure_ascii=False)


def test_kosis_cycle_from_the_start_and_one_region(server, capsys) -> None:
    server.routes["/openapi/Param/statisticsParameterData.do"] = kosis_answer
    code, _, _ = fetch(capsys, "kosis:101/DT_1B040A3/T20/00", "--start", "2024-01", "--end", "2024-02", "-o", "pop.json")
    assert code == 0
    query = server.seen[0][1]
    assert {k: query[k] for k in ("orgId", "tblId", "itmId", "objL1", "prdSe", "startPrdDe", "endPrdDe", "jsonVD")} == {
        "orgId": "101", "tblId": "DT_1B040A3", "itmId": "T20", "objL1": "00", "prdSe": "M",
        "startPrdDe": "202401", "endPrdDe": "202402", "jsonVD": "Y"}
    no_key_in(Path("pop.json"))
    data, errors = ReferenceData.load([Path("pop.json")])
    assert errors == []
    found = data.lookup("kosis.DT_1B040A3.T20", parse_period("2024-02"))
    assert (found.candidates[0].value, found.unit, found.vintage) == (Decimal("51290000"), "people", date(2024, 3, 5))


def test_kosis_error_answer(server, capsys, monkeypatch) -> None:
    monkeypatch.setenv("KOSIS_API_KEY", "wrong-key")
    server.routes["/openapi/Param/statisticsParameterData.do"] = kosis_answer
    code, _, err = fetch(capsys, "kosis:101/DT_1B040A3/T20", "--start", "2024-01", "-o", "pop.csv")
    assert (code, err) == (2, "claimcheck fetch: KOSIS error 11: 인증KEY값이 유효하지 않습니다.\n")
    assert not Path("pop.csv").exists()


# ----------------------------------------------------------------------------- OpenDART

def dart_answer(path: str, query: dict, headers: dict) -> tuple[int, str]:
    if query.get("crtfc_key") != KEY:
        return 200, json.dumps({"status": "010", "message": "등록되지 않은 키입니다."}, ensure_ascii=False)
    if (query["corp_code"], query["bsns_year"], query["reprt_code"]) != ("01234567", "2024", "11012"):
        return 200, json.dumps({"status": "013", "message": "조회된 데이타가 없습니다."}, ensure_ascii=False)
    return 200, (CASES / "dart_01234567_2024_11012.json").read_text(encoding="utf-8")


def test_dart_half_year_report_to_yaml(server, capsys) -> None:
    server.routes["/dart/api/fnlttSinglAcntAll.json"] = dart_answer
    code, _, _ = fetch(capsys, "dart:01234567/2024/H1", "--entity", "example", "-o", "example.yaml")
    assert code == 0 and server.seen[0][1]["fs_div"] == "CFS"
    no_key_in(Path("example.yaml"))
    data, errors = ReferenceData.load([Path("example.yaml")])
    assert errors == []
    first_half = data.lookup("example.01234567.ifrs-full_Revenue", parse_period("2024-H1"))  # entity: the first part
    assert (first_half.candidates[0].value, first_half.vintage) == (Decimal("600000000000"), date(2024, 8, 14))


@pytest.mark.parametrize("series, key, message", [
    ("dart:01234567/2023/FY", KEY, "OpenDART status 013: 조회된 데이타가 없습니다.; no statements for this company, "
                                   "year and report"),
    ("dart:01234567/2024/H1", "wrong-key", "OpenDART status 010: 등록되지 않은 키입니다.; the key is not registered: "
                                       "check DART_API_KEY"),
])
def test_dart_status_errors(server, capsys, monkeypatch, series, key, message) -> None:
    monkeypatch.setenv("DART_API_KEY", key)
    server.routes["/dart/api/fnlttSinglAcntAll.json"] = dart_answer
    code, _, err = fetch(capsys, series, "-o", "x.csv")
    assert (code, err) == (2, f"claimcheck fetch: {message}\n") and not Path("x.csv").exists()


# ----------------------------------------------------------------------------- EDGAR

def edgar_answer(path: str, query: dict, headers: dict) -> tuple[int, str]:
    if "@" not in headers.get("User-Agent", ""):
        return 403, "<html>Your request has been identified as part of a network of automated tools</html>"
    if path != "/api/xbrl/companyfacts/CIK0001318605.json":
        return 404, "<html>Not found</html>"
    return 200, TESLA.read_text(encoding="utf-8")


@needs_tesla
def test_edgar_tesla_by_cik_with_an_entity_name(server, capsys) -> None:
    server.routes["/api/xbrl/companyfacts/"] = edgar_answer
    code, out, _ = fetch(capsys, "edgar:1318605", "--entity", "tesla", "-o", "tesla.csv")
    assert code == 0 and "wrote 17718 rows" in out
    assert server.seen[0][2]["User-Agent"] == "Claimcheck Tests tests@example.org"
    data, errors = ReferenceData.load([Path("tesla.csv")])
    assert errors == []
    revenue = data.lookup("tesla.Revenues", parse_period("2022-Q3"))
    assert (revenue.candidates[0].value, revenue.unit) == (Decimal("21454000000"), "USD")
    march = data.lookup("tesla.Assets", parse_period("2015-12-31"), published=date(2016, 3, 15))
    assert march.candidates[0].value == Decimal("8092460000")
    assert march.later.candidates[0].value == Decimal("8067939000")


@pytest.mark.parametrize("agent, series, message", [
    ("", "edgar:CIK0001318605", "EDGAR: the SEC requires a User-Agent naming you: set SEC_USER_AGENT"),
    ("nobody", "edgar:CIK0001318605", "EDGAR: the SEC refused the request (HTTP 403)"),
    ("Jane Doe jane@example.org", "edgar:CIK0000000001", "EDGAR: no companyfacts for CIK 0000000001 (HTTP 404)"),
    ("Jane Doe jane@example.org", "edgar:TSLA", "EDGAR: 'TSLA' is not a CIK"),
])
def test_edgar_errors(server, capsys, monkeypatch, agent, series, message) -> None:
    monkeypatch.setenv("SEC_USER_AGENT", agent)
    server.routes["/api/xbrl/companyfacts/"] = edgar_answer
    code, _, err = fetch(capsys, series, "-o", "x.json")
    assert code == 2 and err.startswith(f"claimcheck fetch: {message}") and not Path("x.json").exists()
    assert len(err.splitlines()) == 1


# ----------------------------------------------------------------------------- FRED

def fred_csv(name: str) -> list[tuple[str, str]]:
    with open(US / name, encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    return [(row[0], row[2] if len(row) == 5 else row[1]) for row in rows[1:]]


FRED_SERIES = {
    "PAYEMS": ({"title": "All Employees, Total Nonfarm", "frequency_short": "M", "units": "Thousands of Persons"},
               [("2025-05-14", "PAYEMS.csv")]),
    "A191RL1Q225SBEA": ({"title": "Real Gross Domestic Product", "frequency_short": "Q",
                         "units": "Percent Change from Preceding Period"},
                        [("2019-03-08", "A191RL1Q225SBEA.vintage-2019.csv"),
                         ("2020-12-27", "A191RL1Q225SBEA.vintage-2020.csv"),
                         ("2025-05-24", "A191RL1Q225SBEA.csv")]),
    "GASREGW": ({"title": "US Regular All Formulations Gas Price", "frequency_short": "W", "units": "Dollars per Gallon"},
                [("2024-12-18", "GASREGW.csv")]),
}


def fred_answer(path: str, query: dict, headers: dict) -> tuple[int, str]:
    if query.get("api_key") != KEY:
        return 400, json.dumps({"error_code": 400, "error_message": "Bad Request.  The value for variable api_key is "
                                "not registered.  Read https://fred.stlouisfed.org/docs/api/api_key.html for more information."})
    if query["series_id"] not in FRED_SERIES:
        return 400, json.dumps({"error_code": 400, "error_message": "Bad Request.  The series does not exist."})
    meta, vintages = FRED_SERIES[query["series_id"]]
    if path.endswith("/series"):
        return 200, json.dumps({"seriess": [{"id": query["series_id"], **meta}]})
    if "realtime_start" not in query:
        vintages = vintages[-1:]
    first, last = query.get("observation_start", "0000"), query.get("observation_end", "9999")
    rows = [{"realtime_start": day, "realtime_end": day, "date": when, "value": value}
            for day, name in vintages for when, value in fred_csv(name) if first <= when <= last]
    offset, limit = int(query["offset"]), int(query["limit"])
    return 200, json.dumps({"count": len(rows), "offset": offset, "limit": limit,
                            "observations": rows[offset:offset + limit]})


@needs_us
def test_fred_payrolls_with_their_unit_and_months(server, capsys, monkeypatch) -> None:
    monkeypatch.setattr(fred_fetch, "LIMIT", 1000)
    server.routes["/fred/series"] = fred_answer
    code, _, _ = fetch(capsys, "fred:PAYEMS", "-o", "payems.csv")
    assert code == 0
    assert [query["offset"] for path, query, _ in server.seen if path.endswith("observations")] == ["0", "1000"]
    no_key_in(Path("payems.csv"))
    data, errors = ReferenceData.load([Path("payems.csv")])
    assert errors == []
    september, august = (data.lookup("fred.PAYEMS", parse_period(month)) for month in ("2021-09", "2021-08"))
    assert september.unit == "people"
    assert september.candidates[0].value - august.candidates[0].value == Decimal("466000")


@needs_us
def test_fred_vintages_from_alfred(server, capsys) -> None:
    server.routes["/fred/series"] = fred_answer
    code, _, _ = fetch(capsys, "fred:A191RL1Q225SBEA", "--vintages", "-o", "gdp.csv")
    assert code == 0
    query = next(query for path, query, _ in server.seen if path.endswith("observations"))
    assert (query["realtime_start"], query["realtime_end"]) == ("1776-07-04", "9999-12-31")
    data, errors = ReferenceData.load([Path("gdp.csv")])
    assert errors == []
    early = data.lookup("fred.A191RL1Q225SBEA", parse_period("2018-Q1"), published=date(2019, 6, 1))
    assert (early.candidates[0].value, early.vintage, early.unit) == (Decimal("2.2"), date(2019, 3, 8), "%")
    newest = data.lookup("fred.A191RL1Q225SBEA", parse_period("2018-Q1"), as_of="latest")
    assert newest.candidates[0].value == Decimal("3.3")
    assert early.later is not None and early.later.candidates[0].value == Decimal("3.3")


@needs_us
def test_fred_weekly_series_skips_missing_values(server, capsys) -> None:
    server.routes["/fred/series"] = fred_answer
    code, out, _ = fetch(capsys, "fred:GASREGW", "--start", "1990-11-01", "--end", "1991-01-31", "-o", "gas.json")
    query = next(query for path, query, _ in server.seen if path.endswith("observations"))
    assert (query["observation_start"], query["observation_end"]) == ("1990-11-01", "1991-01-31")
    assert code == 0 and "wrote 7 rows" in out  # 5 weeks to 1990-12-03, six weeks of '.' (no value), 2 in 1991
    data, errors = ReferenceData.load([Path("gas.json")])
    assert errors == []
    rows = data.observations("fred.GASREGW")
    assert [row.period.label for row in rows][4:] == ["1990-12-03", "1991-01-21", "1991-01-28"]
    assert rows[-1].unit == "USD/gallons"


@pytest.mark.parametrize("series, key, message", [
    ("fred:PAYEMS", "wrong-key", "FRED 400: Bad Request. The value for variable api_key is not registered."),
    ("fred:NOSUCH", KEY, "FRED 400: Bad Request. The series does not exist."),
])
def test_fred_error_message(server, capsys, monkeypatch, series, key, message) -> None:
    monkeypatch.setenv("FRED_API_KEY", key)
    server.routes["/fred/series"] = fred_answer
    code, _, err = fetch(capsys, series, "-o", "x.csv")
    assert code == 2 and err.startswith(f"claimcheck fetch: {message}") and not Path("x.csv").exists()


# ----------------------------------------------------------------------------- HTTP, output, keys

def flaky(statuses: list[int], then: Handler) -> Handler:
    def answer(path: str, query: dict, headers: dict) -> tuple[int, str]:
        return (statuses.pop(0), "busy") if statuses else then(path, query, headers)
    return answer


def test_rate_limits_and_server_errors_are_retried(server, capsys) -> None:
    server.routes["/dart/api/fnlttSinglAcntAll.json"] = flaky([429, 503], dart_answer)
    code, _, _ = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    assert code == 0 and len(server.seen) == 3


def test_a_server_that_stays_down_fails_after_the_retries(server, capsys) -> None:
    server.routes["/dart/api/fnlttSinglAcntAll.json"] = flaky([503] * 10, dart_answer)
    code, _, err = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    assert code == 2 and len(server.seen) == 4 and not Path("x.csv").exists()
    assert err.startswith("claimcheck fetch: OpenDART: HTTP 503 from http://127.0.0.1:")
    assert "crtfc_key=%2A%2A%2A" in err or "crtfc_key=***" in err
    assert err.endswith("after 3 retries; try again later\n")


def test_a_timeout_is_one_line(server, capsys, monkeypatch) -> None:
    monkeypatch.setattr(http, "TIMEOUT", Timeout(connect=2.0, read=0.2))
    monkeypatch.setattr(http, "RETRIES", Retry(total=1, backoff_factor=0))

    def slow(path: str, query: dict, headers: dict) -> tuple[int, str]:
        time.sleep(1)
        return dart_answer(path, query, headers)

    server.routes["/dart/api/fnlttSinglAcntAll.json"] = slow
    code, _, err = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    assert code == 2 and "(timed out, 1 retries)" in err and len(err.splitlines()) == 1


def test_nothing_listens(capsys, monkeypatch, tmp_path) -> None:
    with socket.socket() as probe:  # a port just freed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DART_API_KEY", KEY)
    monkeypatch.setenv("CLAIMCHECK_DART_URL", f"http://127.0.0.1:{port}/api")
    monkeypatch.setattr(http, "RETRIES", Retry(total=1, backoff_factor=0))
    monkeypatch.setattr(http, "TIMEOUT", Timeout(connect=1.0, read=1.0))
    code, _, err = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    assert code == 2 and "OpenDART: no answer from" in err and "(could not connect, 1 retries)" in err


def test_an_existing_file_needs_force(server, capsys) -> None:
    server.routes["/dart/api/fnlttSinglAcntAll.json"] = dart_answer
    Path("x.csv").write_text("keep me", encoding="utf-8")
    code, _, err = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    assert (code, err) == (2, "claimcheck fetch: x.csv exists: use --force to replace it\n") and server.seen == []
    assert Path("x.csv").read_text(encoding="utf-8") == "keep me"
    assert fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv", "--force")[0] == 0
    assert Path("x.csv").read_text(encoding="utf-8").startswith("# retrieved: ")


@pytest.mark.parametrize("argv, message", [
    (["nasa:GISTEMP", "-o", "x.csv"], "'nasa:GISTEMP' is not SOURCE:ID with SOURCE one of fred, edgar, ecos, kosis, dart"),
    (["dart:01234567/2024", "-o", "x.txt"], "x.txt: write a .csv, .json, .yaml, .yml file"),
    (["dart:01234567/2024", "-o", "no/such/x.csv"], "no/such/x.csv: folder no/such does not exist"),
    (["dart:01234567/2024", "--vintages", "-o", "x.csv"], "--vintages is for fred:"),
    (["dart:1234/2024", "-o", "x.csv"], "OpenDART: '1234/2024' is not CORP_CODE/YEAR"),
    (["kosis:101/DT_1B040A3/T20", "-o", "x.csv"], "KOSIS needs --start"),
])
def test_usage_errors_before_any_request(server, capsys, argv, message) -> None:
    code, _, err = fetch(capsys, *argv)
    assert code == 2 and err.startswith(f"claimcheck fetch: {message}") and server.seen == []


def test_a_key_too_short_to_be_one_is_refused_before_any_request(server, capsys, monkeypatch) -> None:
    monkeypatch.setenv("DART_API_KEY", "k")  # blanked everywhere, it would blank every k of every message and file
    assert refused(capsys, "dart:01234567/2024/H1") == ("claimcheck fetch: DART_API_KEY has 1 characters, too few for "
                                                        "an API key: check it (free at https://opendart.fss.or.kr/)\n")
    assert server.seen == []


@pytest.mark.parametrize("name, series, route, handler", [
    ("ECOS_API_KEY", "ecos:731Y001/D/0000001", "/api/StatisticSearch/", ecos_pages),
    ("KOSIS_API_KEY", "kosis:101/DT_1B040A3/T20", "/openapi/", kosis_answer),
    ("DART_API_KEY", "dart:01234567/2024/H1", "/dart/api/", dart_answer),
    ("FRED_API_KEY", "fred:PAYEMS", "/fred/", fred_answer),
])
def test_a_missing_key_says_which_variable(server, capsys, monkeypatch, name, series, route, handler) -> None:
    monkeypatch.delenv(name)
    server.routes[route] = handler
    code, _, err = fetch(capsys, series, "--start", "2024-02-01", "--end", "2024-02-29", "-o", "x.csv")
    assert code == 2 and f"needs an API key: set {name}" in err and server.seen == []


@pytest.mark.parametrize("series, route", [
    ("ecos:731Y001/D/0000001", "/api/StatisticSearch/"),
    ("kosis:101/DT_1B040A3/T20", "/openapi/"),
    ("dart:01234567/2024/H1", "/dart/api/"),
    ("fred:PAYEMS", "/fred/"),
])
def test_the_key_never_shows_even_in_a_broken_answer(server, capsys, series, route) -> None:
    server.routes[route] = lambda path, query, headers: (500 if "fred" in route else 200, f"<html>{path}?{query}</html>")
    code, _, err = fetch(capsys, series, "--start", "2024-02-01", "--end", "2024-02-29", "-o", "x.csv")
    assert code == 2 and len(err.splitlines()) == 1 and "***" in err and not Path("x.csv").exists()


# ----------------------------------------------------------------------------- fetch, then check

CLAIMS = {
    # PAYEMS 2021-09 147,712 and 2021-08 147,246 thousand (whole thousands, ± 500 each): added
    # 466,000 ± 1,000. "466,000 jobs" (± 500) lies inside → supported; "466 jobs" → refuted.
    # Tesla 2022-Q3 revenue 21,454,000,000 USD (10-Q filed 2022-10-24); "$21.45 billion" is
    # ± 0.005 billion → [21.445, 21.455] billion holds it → supported.
    "us.yaml": ("2022-10-25", "en", "The U.S. economy added 466,000 jobs in September 2021, not 466 jobs. "
                "Tesla's revenue was $21.45 billion in the third quarter of 2022.",
                ["payems.csv", "tesla.json"], """
  - {id: payrolls, quote: "added 466,000 jobs", relation: difference, value: "466,000 jobs",
     of: [{metric: fred.PAYEMS, period: 2021-09}, {metric: fred.PAYEMS, period: 2021-08}]}
  - {id: payrolls-careless, quote: "466 jobs", relation: difference, value: 466 jobs,
     of: [{metric: fred.PAYEMS, period: 2021-09}, {metric: fred.PAYEMS, period: 2021-08}]}
  - {id: tesla-revenue, quote: "$21.45 billion", metric: tesla.Revenues, period: 2022-Q3, value: $21.45 billion}
"""),
    # Real GDP 2018-Q1: 2.2 in the vintage of 2019-03-08 (what an article of June 2019 could
    # know) → "2.2 percent" supported; the newest vintage says 3.3 → refuted with as_of: latest.
    "gdp.yaml": ("2019-06-01", "en", "Real GDP grew at a 2.2 percent annual rate in the first quarter of 2018.",
                 ["gdp.csv"], """
  - {id: gdp-then, quote: "2.2 percent", metric: fred.A191RL1Q225SBEA, period: 2018-Q1, value: 2.2 percent}
  - {id: gdp-now, quote: "2.2 percent", metric: fred.A191RL1Q225SBEA, period: 2018-Q1, value: 2.2 percent,
     as_of: latest}
"""),
    # The 19 illustrative February 2024 rates average 1,332.00 won; "1,332원" (± 0.5) holds it.
    "won.yaml": ("2024-03-05", "ko", "2월 원/달러 환율은 평균 1,332원이었다.", ["won.csv"], """
  - {id: won-mean, quote: "평균 1,332원", metric: ecos.731Y001.0000001, period: 2024-02, agg: mean, value: "1,332원"}
"""),
}
VERDICTS = {"payrolls": "supported", "payrolls-careless": "refuted", "tesla-revenue": "supported",
            "gdp-then": "supported", "gdp-now": "refuted", "won-mean": "supported"}


def claim_file(name: str) -> None:
    published, language, article, references, claims = CLAIMS[name]
    Path(name).with_suffix(".txt").write_text(article + "\n", encoding="utf-8")
    Path(name).write_text(
        f"version: 1\narticle: {{file: {Path(name).with_suffix('.txt')}, published: {published}, language: {language}}}\n"
        f"reference: [{', '.join(references)}]\nclaims:{claims}", encoding="utf-8")


@needs_us
@needs_tesla
def test_fetched_files_check_claims_as_worked_out_by_hand(server, capsys, monkeypatch) -> None:
    for route, handler in (("/fred/series", fred_answer), ("/api/xbrl/companyfacts/", edgar_answer),
                           ("/api/StatisticSearch/", ecos_pages)):
        server.routes[route] = handler
    for argv in (["fred:PAYEMS", "-o", "payems.csv"], ["fred:A191RL1Q225SBEA", "--vintages", "-o", "gdp.csv"],
                 ["edgar:CIK0001318605", "--entity", "tesla", "-o", "tesla.json"],
                 ["ecos:731Y001/D/0000001", "--start", "2024-02-01", "--end", "2024-02-29", "-o", "won.csv"]):
        assert fetch(capsys, *argv)[0] == 0
    verdicts = {}
    for name in CLAIMS:
        claim_file(name)
        code = main(["check", name, "--format", "json"])
        report = json.loads(capsys.readouterr().out)
        verdicts.update({result["id"]: result["verdict"] for result in report["results"]})
        assert report["errors"] == []
        assert code == {"us.yaml": 1, "gdp.yaml": 1, "won.yaml": 0}[name]  # 1: a refuted claim
    assert verdicts == VERDICTS


@pytest.mark.parametrize("url", ["opendart.example/api", "http://opendart.example/api", "ftp://127.0.0.1/api"])
def test_a_base_url_must_be_https_but_for_loopback(server, capsys, monkeypatch, url) -> None:
    monkeypatch.setenv("CLAIMCHECK_DART_URL", url)
    code, _, err = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    assert (code, err) == (2, "claimcheck fetch: CLAIMCHECK_DART_URL must be an https:// address (http:// only for "
                              f"this machine: 127.0.0.1, ::1, localhost), not {url!r}\n")


# ----------------------------------------------------------------------------- hostile servers
# Each attack of issue 23 on a real socket: the fetch ends in one line, exit 2, no file, no key shown.

def head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{name.replace('_', '-')}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def refused(capsys: pytest.CaptureFixture, *argv: str, output: str = "x.csv") -> str:
    """The one line a refused fetch prints; it wrote nothing."""
    code, out, err = fetch(capsys, *argv, "-o", output)
    assert (code, out, len(err.splitlines())) == (2, "", 1), err
    assert not Path(output).exists()
    return err


def gzip_bomb(expanded: int) -> bytes:
    """gzip members of zeros: about a thousandth of ``expanded`` on the wire."""
    member = gzip.compress(bytes(1_000_000), 9)
    return member * (expanded // 1_000_000)


def test_a_gzip_bomb_stops_at_the_byte_limit_in_bounded_memory(server, tmp_path) -> None:
    """3 MB of gzip that expands to 3 GB (the SEC request asks for gzip): read to the 64 MB limit, no further,
    in a process that may not take 1 GB (today: a MemoryError traceback)."""
    bomb = gzip_bomb(3_000_000_000)
    assert len(bomb) < 4_000_000
    server.routes["/api/xbrl/companyfacts/"] = lambda *_: Raw([head(Content_Encoding="gzip",
                                                                    Content_Length=str(len(bomb))), bomb])
    limited = "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); " \
              "from checker.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", limited, "fetch", "edgar:1318605", "-o", "x.json"],
                          capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(Path(checker.__file__).parents[1])})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("claimcheck fetch: EDGAR: the answer from http://127.0.0.1:") and \
        done.stderr.endswith("is over the limit of 67,108,864 bytes for one fetch "
                             "(CLAIMCHECK_FETCH_MAX_BYTES raises it)\n"), done.stderr
    assert not (tmp_path / "x.json").exists()


def endless_chunks() -> Iterable[bytes]:
    yield head(Transfer_Encoding="chunked")
    for _ in range(1000):  # 64 MB: far past the limit below, and an end, so today's code finishes too
        yield b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    yield b"0\r\n\r\n"


def test_an_endless_chunked_body_stops_at_the_byte_limit(server, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_FETCH_MAX_BYTES", "1000000")
    server.routes["/dart/api/"] = lambda *_: Raw(endless_chunks())
    err = refused(capsys, "dart:01234567/2024/H1")
    assert err.endswith("is over the limit of 1,000,000 bytes for one fetch (CLAIMCHECK_FETCH_MAX_BYTES raises it)\n")


def test_all_pages_of_one_fetch_share_the_byte_limit(server, capsys, monkeypatch) -> None:
    monkeypatch.setattr(ecos, "PAGE", 5)
    monkeypatch.setenv("CLAIMCHECK_FETCH_MAX_BYTES", "3000")  # one page is about 1,900 bytes
    server.routes["/api/StatisticSearch/"] = ecos_pages
    err = refused(capsys, "ecos:731Y001/D/0000001", "--start", "2024-02-01", "--end", "2024-02-29")
    assert "is over the limit of 3,000 bytes for one fetch" in err and len(server.seen) == 2


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_server_dripping_a_byte_at_a_time_is_cut_at_the_deadline(server, capsys, monkeypatch, where) -> None:
    """Every byte comes before the read timeout, so only the request's deadline can end it."""
    monkeypatch.setenv("CLAIMCHECK_FETCH_SECONDS", "1")
    answer = (CASES / "dart_01234567_2024_11012.json").read_bytes()
    if where == "body":
        drip = [head(Content_Length=str(len(answer))), *(answer[i:i + 1] for i in range(12)), answer[12:]]
    else:
        drip = [b"HTTP/1.1 200 OK\r\nX-Slow: ", *(b"x" for _ in range(12)), b"\r\n", head()[17:], answer]
    server.routes["/dart/api/"] = lambda *_: Raw(drip, pause=0.5)  # 6 s: today's code waits it out and writes
    err = refused(capsys, "dart:01234567/2024/H1")
    assert "no complete answer from http://127.0.0.1:" in err
    assert err.endswith("within 1 s; CLAIMCHECK_FETCH_SECONDS raises the limit, or try again later\n")


def test_a_retry_after_longer_than_the_deadline_is_not_waited(server, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_FETCH_SECONDS", "2")
    monkeypatch.setattr(http, "RETRIES", Retry(total=1, backoff_factor=0, status_forcelist=http.RETRY_STATUSES,
                                               allowed_methods=frozenset({"GET"}), raise_on_status=False))
    server.routes["/dart/api/"] = lambda *_: Raw([head("503 Service Unavailable", Retry_After="5",
                                                       Content_Length="4"), b"busy"])
    err = refused(capsys, "dart:01234567/2024/H1")
    assert err.endswith("within 2 s (a retry after 5 s would pass); CLAIMCHECK_FETCH_SECONDS raises the limit, "
                        "or try again later\n") and len(server.seen) == 1


def test_a_retry_after_the_deadline_has_passed_names_no_pause() -> None:
    """A slow read can spend the whole deadline before urllib3 asks to retry: the reason is the
    deadline, not "a retry after 0 s would pass" (seen on a loaded machine)."""
    _, patient = http._urllib3_classes()
    with http._Deadline(0.01) as deadline:
        time.sleep(0.02)
        assert deadline.left() <= 0
        with pytest.raises(http._Expired) as expired:
            patient(total=1, backoff_factor=0).sleep()
    assert str(expired.value) == ""


class Elsewhere(BaseHTTPRequestHandler):
    """A second host (another port): it must never be asked anything."""

    seen: list[tuple[str, dict]] = []

    def do_GET(self) -> None:  # noqa: N802
        self.seen.append((self.path, dict(self.headers)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.mark.parametrize("series, route", [("fred:PAYEMS", "/fred/"), ("edgar:1318605", "/api/xbrl/")])
def test_a_redirect_to_another_host_is_refused(server, capsys, series, route) -> None:
    """The FRED key rides in the query and the SEC identity in the User-Agent: neither may go elsewhere."""
    Elsewhere.seen = []
    other, base = serve(Elsewhere)
    try:
        server.routes[route] = lambda path, query, headers: Raw([head(
            "302 Found", Location=f"{base}{path}?{urlencode(query)}", Content_Length="0")])
        err = refused(capsys, series)
    finally:
        other.shutdown()
        other.server_close()
    assert Elsewhere.seen == []
    assert f"redirects to another host ({base}); refused, so the key and the request's identity go to no one else" \
        in err


@pytest.mark.parametrize("location", ["http://[::1/x", "//[]/x"])
def test_a_redirect_to_no_address_is_one_line(server, capsys, location) -> None:  # found by the fetch fuzz target
    server.routes["/dart/api/"] = lambda *_: Raw([head("302 Found", Location=location, Content_Length="0")])
    assert refused(capsys, "dart:01234567/2024/H1").endswith(f"redirects to {location!r}, which is no address\n")


def test_a_redirect_on_the_same_host_is_followed(server, capsys) -> None:
    server.routes["/dart/api/moved/"] = lambda path, query, headers: Raw([head(
        "301 Moved Permanently", Location=f"/dart/api/{path.rsplit('/', 1)[1]}?{urlencode(query)}",
        Content_Length="0")])
    server.routes["/dart/api/"] = dart_answer
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("CLAIMCHECK_DART_URL", os.environ["CLAIMCHECK_DART_URL"] + "/moved")
    try:
        code, out, _ = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    finally:
        monkeypatch.undo()
    assert code == 0 and [path for path, _, _ in server.seen] == ["/dart/api/moved/fnlttSinglAcntAll.json",
                                                                   "/dart/api/fnlttSinglAcntAll.json"]


def fred_counting(count: int, rows: int, stop_after: int = 3) -> Handler:
    """FRED answers whose ``count`` is ``count`` and whose pages hold ``rows`` observations (then none); after
    ``stop_after`` observation pages an error, so a fetch that would page on for ever ends today too."""
    pages = []

    def answer(path: str, query: dict, headers: dict) -> tuple[int, str]:
        if path.endswith("/series"):
            return fred_answer(path, query, headers)
        pages.append(query["offset"])
        if len(pages) > stop_after:
            return 400, json.dumps({"error_code": 400, "error_message": "enough"})
        first = len(pages) == 1
        found = [{"realtime_start": "2025-01-01", "realtime_end": "2025-01-01", "date": f"{1900 + n}-01-01",
                  "value": "1"} for n in range(rows if first else 0)]
        return 200, json.dumps({"count": count, "offset": query["offset"], "observations": found})
    return answer


def test_a_count_of_ten_to_the_fifteenth_is_refused_on_the_first_page(server, capsys, monkeypatch) -> None:
    monkeypatch.setattr(fred_fetch, "LIMIT", 100)
    server.routes["/fred/series"] = fred_counting(10**15, 100)
    err = refused(capsys, "fred:PAYEMS")
    assert err == ("claimcheck fetch: FRED: the answer announces 1,000,000,000,000,000 rows, 10,000,000,000,000 "
                   "pages of 100: over the 200-page limit (CLAIMCHECK_FETCH_MAX_PAGES raises it)\n")


def test_a_list_total_count_of_ten_to_the_twelfth_is_refused_on_the_first_page(server, capsys, monkeypatch) -> None:
    monkeypatch.setattr(ecos, "PAGE", 5)

    def huge(path: str, query: dict, headers: dict) -> tuple[int, str]:
        if len(server.seen) > 3:  # so that today's code, which pages on for ever, ends too
            return 200, json.dumps({"RESULT": {"CODE": "INFO-200", "MESSAGE": "enough"}})
        status, body = ecos_pages(path, query, headers)
        return status, body.replace('"list_total_count": 19', '"list_total_count": 1000000000000')

    server.routes["/api/StatisticSearch/"] = huge
    err = refused(capsys, "ecos:731Y001/D/0000001", "--start", "2024-02-01", "--end", "2024-02-29")
    assert "the answer announces 1,000,000,000,000 rows, 200,000,000,000 pages of 5: over the 200-page limit" in err
    assert len(server.seen) == 1


def test_a_short_page_before_the_count_is_an_incomplete_download(server, capsys, monkeypatch) -> None:
    monkeypatch.setattr(fred_fetch, "LIMIT", 100)
    server.routes["/fred/series"] = fred_counting(5000, 10)
    err = refused(capsys, "fred:PAYEMS")
    assert err == ("claimcheck fetch: FRED: the answer announces 5,000 rows but its pages hold only 10; "
                   "nothing written: try again\n")


@pytest.mark.parametrize("setting, written, message", [
    ("CLAIMCHECK_FETCH_MAX_PAGES", "lots", "a positive whole number, not 'lots'"),
    ("CLAIMCHECK_FETCH_MAX_BYTES", "-1", "a positive whole number, not '-1'"),
    ("CLAIMCHECK_FETCH_SECONDS", "1e300", "a positive number up to 86400, not '1e300'"),  # a timer cannot wait that
    ("CLAIMCHECK_FETCH_SECONDS", "nan", "a positive number up to 86400, not 'nan'"),
])
def test_an_invalid_limit_is_one_line(server, capsys, monkeypatch, setting, written, message) -> None:
    monkeypatch.setenv(setting, written)
    server.routes["/dart/api/"] = dart_answer
    assert refused(capsys, "dart:01234567/2024/H1") == f"claimcheck fetch: {setting} must be {message}\n"


# ----------------------------------------------------------------------------- keys echoed, answers mismatched

def echoing_fred_units(path: str, query: dict, headers: dict) -> tuple[int, str]:
    status, body = fred_answer(path, query, headers)
    return status, body.replace('"Thousands of Persons"', json.dumps(f"Thousands of Persons {query['api_key']}"))


@needs_us
@pytest.mark.parametrize("output", ["payems.csv", "payems.json", "payems.yaml"])
def test_a_key_echoed_in_the_metadata_is_never_written(server, capsys, output) -> None:
    server.routes["/fred/series"] = echoing_fred_units
    code, _, _ = fetch(capsys, "fred:PAYEMS", "-o", output)
    assert code == 0
    no_key_in(Path(output))
    assert "Thousands of Persons ***" in Path(output).read_text(encoding="utf-8")


def test_a_key_echoed_in_a_value_is_never_printed(server, capsys) -> None:
    def echo(path: str, query: dict, headers: dict) -> tuple[int, str]:
        status, body = dart_answer(path, query, headers)
        return status, body.replace('"600000000000"', json.dumps(f"{query['crtfc_key']} 6"), 1)

    server.routes["/dart/api/"] = echo
    err = refused(capsys, "dart:01234567/2024/H1")  # refused() checks the key is not in it
    assert "value '*** 6'" in err


def mismatched(handler: Handler, old: str, new: str) -> Handler:
    def answer(path: str, query: dict, headers: dict) -> tuple[int, str]:
        status, body = handler(path, query, headers)
        return status, body.replace(old, new)
    return answer


MISMATCHES = [
    ("fred:UNRATE", "/fred/series", lambda path, query, headers: fred_answer(
        path, {**query, "series_id": "PAYEMS"}, headers),
     "FRED: asked for series UNRATE, the answer describes PAYEMS; nothing written"),
    ("ecos:731Y001/D/0000001", "/api/StatisticSearch/", mismatched(ecos_pages, '"731Y001"', '"817Y002"'),
     "ECOS: asked for 731Y001/0000001, the answer holds 817Y002/0000001; nothing written"),
    ("ecos:731Y001/D/0000001", "/api/StatisticSearch/", mismatched(ecos_pages, '"0000001"', '"0000002"'),
     "ECOS: asked for 731Y001/0000001, the answer holds 731Y001/0000002; nothing written"),
    ("ecos:731Y001/D/0000001", "/api/StatisticSearch/", mismatched(ecos_pages, '"731Y001"', json.dumps(KEY.upper())),
     "ECOS: asked for 731Y001/0000001, the answer holds ***/0000001; nothing written"),  # the key echoed, any case
    ("ecos:731Y001/M/0000001", "/api/StatisticSearch/", lambda path, query, headers: ecos_pages(
        path.replace("/M/202402/202402/", "/D/20240201/20240229/"), query, headers),
     "ECOS: asked for cycle M, the answer holds TIME '20240201'; nothing written"),
    ("kosis:101/DT_1B040A3/T20", "/openapi/", mismatched(kosis_answer, '"DT_1B040A3"', '"DT_1B04005N"'),
     "KOSIS: asked for TBL_ID DT_1B040A3, the answer holds 'DT_1B04005N'; nothing written"),
    ("kosis:101/DT_1B040A3/T20", "/openapi/", lambda path, query, headers: mismatched(
        kosis_answer, '"ORG_ID": "101"', f'"ORG_ID": {json.dumps(query["apiKey"])}')(path, query, headers),
     "KOSIS: asked for ORG_ID 101, the answer holds '***'; nothing written"),
    ("dart:01234567/2024/H1", "/dart/api/", mismatched(dart_answer, '"01234567"', '"07654321"'),
     "OpenDART: asked for corp_code 01234567, the answer holds '07654321'; nothing written"),
]


@pytest.mark.parametrize("series, route, handler, message", MISMATCHES)
def test_an_answer_for_another_series_is_refused(server, capsys, series, route, handler, message) -> None:
    server.routes[route] = handler
    err = refused(capsys, series, "--start", "2024-02", "--end", "2024-02")
    assert err == f"claimcheck fetch: {message}\n"


REAL_ECOS = SHARED / "ecos" / "import_cost2.json"


@pytest.mark.skipif(not REAL_ECOS.is_file(), reason=f"shared ECOS answer not found at {REAL_ECOS}")
@pytest.mark.parametrize("item, message", [
    ("312AA", None),  # the real answer's rows of the item asked for: written
    ("*", "ECOS: asked for 403Y003/*, the answer holds 403Y003/312AA; nothing written"),  # every item: refused
])
def test_a_real_ecos_answer_holds_only_the_items_asked_for(server, capsys, item, message) -> None:
    """The real 403Y003 answer (274 items, ITEM_CODE2..4 null), served whole or cut to the item asked for."""
    document = json.loads(REAL_ECOS.read_text(encoding="utf-8"))
    rows = [row for row in document["StatisticSearch"]["row"] if item == "*" or row["ITEM_CODE1"] == item]
    answer = json.dumps({"StatisticSearch": {"list_total_count": len(rows), "row": rows}}, ensure_ascii=False)
    server.routes["/api/StatisticSearch/"] = lambda *_: (200, answer)
    code, out, err = fetch(capsys, f"ecos:403Y003/M/{item}", "--start", "2022-05", "--end", "2022-06", "-o", "x.csv")
    if message is None:
        assert (code, err) == (0, "") and f"wrote {len(rows)} rows" in out
    else:
        assert (code, err) == (2, f"claimcheck fetch: {message}\n")


@needs_tesla
def test_another_companys_facts_are_refused(server, capsys) -> None:
    server.routes["/api/xbrl/companyfacts/"] = lambda *_: (200, TESLA.read_text(encoding="utf-8"))
    assert refused(capsys, "edgar:CIK0000320193") == ("claimcheck fetch: EDGAR: asked for CIK 0000320193, the answer "
                                                      "is the companyfacts of CIK 0001318605; nothing written\n")


@pytest.mark.parametrize("series, route, handler", [
    ("fred:PAYEMS", "/fred/series", lambda path, query, headers: (200, json.dumps({"count": 2, "observations": [
        {"realtime_start": "2025-01-01", "date": "2024-01-01", "value": "1"},
        {"realtime_start": "2025-01-01", "date": "2024-01-01", "value": "2"}]}))
     if path.endswith("observations") else fred_answer(path, query, headers)),
    ("ecos:731Y001/D/0000001", "/api/StatisticSearch/", mismatched(ecos_pages, '"TIME": "20240202"',
                                                                   '"TIME": "20240201"')),
])
def test_two_values_for_one_period_are_refused_at_fetch_time(server, capsys, series, route, handler) -> None:
    server.routes[route] = handler
    err = refused(capsys, series, "--start", "2024-02-01", "--end", "2024-02-29")
    assert " twice, as " in err and err.endswith("; nothing written\n")


# ----------------------------------------------------------------------------- nesting, output

@pytest.mark.parametrize("series, route", [
    ("fred:PAYEMS", "/fred/"), ("edgar:1318605", "/api/xbrl/"), ("ecos:731Y001/D/0000001", "/api/StatisticSearch/"),
    ("kosis:101/DT_1B040A3/T20", "/openapi/"), ("dart:01234567/2024/H1", "/dart/api/"),
])
def test_a_bracket_bomb_answer_is_one_line(server, capsys, series, route) -> None:
    server.routes[route] = lambda *_: (200, "[" * 400_000)
    err = refused(capsys, series, "--start", "2024-02-01", "--end", "2024-02-29")
    assert "nested deeper than 64 levels" in err


def test_a_file_created_while_the_download_ran_is_never_replaced(server, capsys) -> None:
    def meanwhile(path: str, query: dict, headers: dict) -> tuple[int, str]:
        Path("x.csv").write_text("keep me", encoding="utf-8")  # another process, after fetch looked
        return dart_answer(path, query, headers)

    server.routes["/dart/api/"] = meanwhile
    code, out, err = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    assert (code, out) == (2, "") and err == ("claimcheck fetch: x.csv was created while the download ran: nothing "
                                              "written (use --force to replace it)\n")
    assert Path("x.csv").read_text(encoding="utf-8") == "keep me"
    assert [path.name for path in Path().iterdir()] == ["x.csv"]  # no temporary file left


def test_an_output_that_cannot_be_written_is_one_line(server, capsys) -> None:
    server.routes["/dart/api/"] = dart_answer
    Path("x.csv").mkdir()
    code, out, err = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv", "--force")
    assert (code, out) == (2, "") and err.startswith("claimcheck fetch: cannot write x.csv: ")

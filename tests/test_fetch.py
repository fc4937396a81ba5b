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
import json
import socket
import threading
import time
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from urllib3.util import Retry, Timeout

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
#: A route's answer: (path, query, headers) -> (status, body).
Handler = Callable[[str, dict, dict], tuple[int, str]]


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
                status, body = handler(parts.path, query, headers)
                break
        else:
            status, body = 404, "not found"
        payload = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:  # the request lines hold the key: keep them out of stderr
        return


@pytest.fixture()
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A local provider server; CLAIMCHECK_*_URL and the keys point at it; retries do not sleep."""
    Provider.routes, Provider.seen = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
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
    ("wrong", "2024-02-01", "ECOS INFO-100: 인증키가 유효하지 않습니다.; check ECOS_API_KEY"),
    (KEY, "2025-02-01", "ECOS INFO-200: 해당하는 데이터가 없습니다.; no data for this statistic, cycle and dates"),
])
def test_ecos_errors_are_one_line_and_write_nothing(server, capsys, monkeypatch, key, start, message) -> None:
    monkeypatch.setenv("ECOS_API_KEY", key)
    server.routes["/api/StatisticSearch/"] = ecos_pages
    code, out, err = fetch(capsys, "ecos:731Y001/D/0000001", "--start", start, "--end", "2025-02-28", "-o", "won.csv")
    assert (code, out, err) == (2, "", f"claimcheck fetch: {message}\n")
    assert not Path("won.csv").exists()
    assert "wrong" not in err


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
    monkeypatch.setenv("KOSIS_API_KEY", "wrong")
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
    ("dart:01234567/2024/H1", "wrong", "OpenDART status 010: 등록되지 않은 키입니다.; the key is not registered: "
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
    ("fred:PAYEMS", "wrong", "FRED 400: Bad Request. The value for variable api_key is not registered."),
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


def test_a_base_url_must_be_http(server, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_DART_URL", "opendart.example/api")
    code, _, err = fetch(capsys, "dart:01234567/2024/H1", "-o", "x.csv")
    assert (code, err) == (2, "claimcheck fetch: CLAIMCHECK_DART_URL must start with http:// or https://, "
                              "not 'opendart.example/api'\n")

"""``claimcheck fetch --as-of DATE`` and ``fetch --for CLAIMS.yaml``: the figures as the article's writer saw them.

The local server of ``test_fetch`` answers; ALFRED's real-time requests are answered as
ALFRED does: ``realtime_start=realtime_end=DATE`` gives the vintage current on DATE, each
row's real-time period clipped to ``DATE..DATE``. The vintages are the real FRED downloads
of ``shared/reference-data/us`` (A191RL1Q225SBEA: 2018-Q1 growth 2.2 % in the early-2019
copy, 3.8 % late 2020, 3.3 % in 2025), dated as ``test_fetch`` dates them (the upstream
commits). EDGAR is the real Tesla companyfacts: Q3 2021 diluted EPS 1.44 in the 10-Q filed
2021-10-25, restated 0.48 in the 10-Q filed 2022-10-24 after the 3-for-1 split.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from checker.cli import main
from checker.periods import parse_period
from checker.reference.store import ReferenceData
from test_fetch import (  # noqa: F401  (server is a fixture)
    FRED_SERIES, KEY, dart_answer, ecos_pages, edgar_answer, fetch, fred_answer, fred_csv, needs_tesla, needs_us, no_key_in,
    server,
)

GDP = "A191RL1Q225SBEA"
EPS = "cik1318605.EarningsPerShareDiluted"


def alfred_answer(path: str, query: dict, headers: dict) -> tuple[int, str]:
    """``fred_answer``, but a real-time period of one day answers with the vintage current that day."""
    day = query.get("realtime_start")
    if path.endswith("/series") or day is None or day != query.get("realtime_end") or query.get("api_key") != KEY \
            or query.get("series_id") not in FRED_SERIES:
        return fred_answer(path, query, headers)
    current = [name for published, name in FRED_SERIES[query["series_id"]][1] if published <= day]
    if not current:
        return 400, json.dumps({"error_code": 400, "error_message": "Bad Request.  No vintage on that date."})
    rows = [{"realtime_start": day, "realtime_end": day, "date": when, "value": value}  # clipped to DATE..DATE
            for when, value in fred_csv(current[-1])]
    offset, limit = int(query["offset"]), int(query["limit"])
    return 200, json.dumps({"count": len(rows), "offset": offset, "limit": limit,
                            "observations": rows[offset:offset + limit]})


def write_claims(name: str, published: str, article: str, references: list[str], claims: str,
                 language: str = "en") -> Path:
    Path(name).with_suffix(".txt").write_text(article + "\n", encoding="utf-8")
    listed = f"reference: [{', '.join(references)}]\n" if references else ""
    Path(name).write_text(f"version: 1\narticle: {{file: {Path(name).with_suffix('.txt').name}, published: {published}, "
                          f"language: {language}}}\n{listed}claims:{claims}", encoding="utf-8")
    return Path(name)


def verdicts(capsys: pytest.CaptureFixture, claims: Path) -> dict[str, str]:
    main(["check", str(claims), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == []
    return {result["id"]: result["verdict"] for result in report["results"]}


GDP_CLAIM = f"""
  - {{id: gdp, quote: "2.2 percent", metric: fred.{GDP}, period: 2018-Q1, value: 2.2 percent}}
"""


# ----------------------------------------------------------------------------- FRED --as-of

@needs_us
def test_fred_as_of_asks_alfred_for_that_day_and_dates_every_row(server, capsys) -> None:
    server.routes["/fred/series"] = alfred_answer
    code, out, err = fetch(capsys, f"fred:{GDP}", "--as-of", "2019-06-01", "-o", "gdp.csv")
    assert (code, err) == (0, "")
    for path, query, _ in server.seen:  # the unit too is the one of that day
        assert (query["realtime_start"], query["realtime_end"]) == ("2019-06-01", "2019-06-01"), path
    text = Path("gdp.csv").read_text(encoding="utf-8")
    assert "# as_of: 2019-06-01\n" in text
    rows = [line for line in text.splitlines() if not line.startswith("#")][1:]
    assert rows and all(row.endswith(",2019-06-01") for row in rows)  # the vintage column of every row
    no_key_in(Path("gdp.csv"))
    data, errors = ReferenceData.load([Path("gdp.csv")])
    assert errors == []
    found = data.lookup(f"fred.{GDP}", parse_period("2018-Q1"), as_of="latest")
    assert (found.candidates[0].value, found.vintage) == (Decimal("2.2"), date(2019, 6, 1))
    assert len(data.observations(f"fred.{GDP}")) == 287  # 1947-Q2 .. 2018-Q4, one value per quarter


@needs_us
def test_a_claim_is_judged_on_the_vintage_its_writer_saw(server, capsys) -> None:
    """2.2 % was right in June 2019; the newest vintage (3.3 %) makes it look refuted."""
    server.routes["/fred/series"] = alfred_answer
    assert fetch(capsys, f"fred:{GDP}", "--as-of", "2019-06-01", "-o", "then.csv")[0] == 0
    assert fetch(capsys, f"fred:{GDP}", "-o", "now.csv")[0] == 0
    article = "Real GDP grew at a 2.2 percent annual rate in the first quarter of 2018."
    then = write_claims("then.yaml", "2019-06-01", article, ["then.csv"], GDP_CLAIM)
    now = write_claims("now.yaml", "2019-06-01", article, ["now.csv"], GDP_CLAIM)
    assert verdicts(capsys, then) == {"gdp": "supported"}
    assert verdicts(capsys, now) == {"gdp": "refuted"}


@needs_us
def test_an_alfred_row_not_current_on_the_day_is_refused(server, capsys) -> None:
    def stale(path: str, query: dict, headers: dict) -> tuple[int, str]:
        status, body = alfred_answer(path, query, headers)
        document = json.loads(body)
        for row in document.get("observations", []):
            row["realtime_start"], row["realtime_end"] = "2025-05-24", "9999-12-31"  # today's figures, mislabelled
        return status, json.dumps(document)

    server.routes["/fred/series"] = stale
    code, out, err = fetch(capsys, f"fred:{GDP}", "--as-of", "2019-06-01", "-o", "gdp.csv")
    assert code == 2 and not Path("gdp.csv").exists()
    assert err.startswith(f"claimcheck fetch: FRED: the value of {GDP} for 1947-04-01 was current 2025-05-24..9999-12-31, "
                          "not on 2019-06-01") and len(err.splitlines()) == 1


@pytest.mark.parametrize("written", ["2019-13-01", "2019/06/01", "20190601", "2019-6-1", "yesterday", "2019-06-01T00:00"])
def test_as_of_takes_a_day_written_yyyy_mm_dd_only(server, capsys, written) -> None:
    server.routes["/fred/series"] = alfred_answer
    code, out, err = fetch(capsys, f"fred:{GDP}", "--as-of", written, "-o", "gdp.csv")
    assert (code, out, err) == (2, "", f"claimcheck fetch: --as-of {written!r} is not a day written YYYY-MM-DD\n")
    assert server.seen == [] and not Path("gdp.csv").exists()


def test_as_of_and_vintages_exclude_each_other(server, capsys) -> None:
    code, _, err = fetch(capsys, f"fred:{GDP}", "--as-of", "2019-06-01", "--vintages", "-o", "gdp.csv")
    assert code == 2 and "--as-of and --vintages exclude each other" in err and server.seen == []


# ----------------------------------------------------------------------------- EDGAR --as-of

@needs_tesla
def test_edgar_as_of_keeps_the_latest_filing_on_or_before_the_day(server, capsys) -> None:
    server.routes["/api/xbrl/companyfacts/"] = edgar_answer
    code, out, _ = fetch(capsys, "edgar:CIK0001318605", "--as-of", "2021-11-01", "-o", "tesla.csv")
    assert code == 0
    data, errors = ReferenceData.load([Path("tesla.csv")])
    assert errors == []
    rows = data.observations(EPS)
    assert max(row.vintage for row in rows) <= date(2021, 11, 1)
    q3 = [row for row in rows if row.period.label == "2021-Q3"]
    assert [(row.value, row.vintage) for row in q3] == [(Decimal("1.44"), date(2021, 10, 25))]
    assert len({(row.period.start, row.period.end) for row in rows}) == len(rows)  # one filing per period


@needs_tesla
def test_the_restated_eps_does_not_refute_the_article(server, capsys) -> None:
    """Tesla's Q3 2021 diluted EPS as reported (1.44), asked against the newest figures (as_of: latest):
    the file fetched as of the article holds no later filing, so it is supported; the full file's
    newest filing (0.48 after the split) refutes it."""
    server.routes["/api/xbrl/companyfacts/"] = edgar_answer
    assert fetch(capsys, "edgar:CIK0001318605", "--as-of", "2021-10-26", "-o", "then.csv")[0] == 0
    assert fetch(capsys, "edgar:CIK0001318605", "-o", "now.csv")[0] == 0
    claim = f"""
  - {{id: eps, quote: "$1.44", metric: {EPS}, period: 2021-Q3, value: $1.44, as_of: latest}}
"""
    article = "Tesla earned $1.44 a share, diluted, in the third quarter of 2021."
    assert verdicts(capsys, write_claims("then.yaml", "2021-10-26", article, ["then.csv"], claim)) == {"eps": "supported"}
    assert verdicts(capsys, write_claims("now.yaml", "2021-10-26", article, ["now.csv"], claim)) == {"eps": "refuted"}


# ----------------------------------------------------------------------------- no vintages: retrieved

def test_ecos_as_of_says_it_has_todays_figures_and_records_the_retrieval_day(server, capsys) -> None:
    server.routes["/api/StatisticSearch/"] = ecos_pages
    code, out, err = fetch(capsys, "ecos:731Y001/D/0000001", "--start", "2024-02-01", "--end", "2024-02-29",
                           "--as-of", "2024-03-05", "-o", "won.csv")
    assert code == 0 and "wrote 19 rows" in out
    assert err == ("claimcheck fetch: note: ecos:731Y001/D/0000001: the provider keeps no earlier releases, so "
                   "these are today's figures, not those of 2024-03-05; the file records when they were retrieved\n")
    data, errors = ReferenceData.load([Path("won.csv")])
    assert errors == []
    rows = data.observations("ecos.731Y001.0000001")
    assert {(row.vintage, row.retrieved) for row in rows} == {(None, datetime.now(timezone.utc).date())}


@pytest.mark.parametrize("written, day", [("2026-12-04", date(2026, 12, 4)),
                                          ("2026-12-04T23:30:00-05:00", date(2026, 12, 5))])
def test_a_retrieved_line_dates_the_rows_in_utc(tmp_path, written, day) -> None:
    path = tmp_path / "x.csv"
    path.write_text(f"# retrieved: {written}\nmetric,period,value,unit,source\nkr.rate,2024-02,3.5,%,https://x.example\n",
                    encoding="utf-8")
    data, errors = ReferenceData.load([path])
    assert errors == [] and data.observations("kr.rate")[0].retrieved == day


def test_a_retrieved_line_that_is_no_day_is_an_error(tmp_path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"rows": [{"metric": "kr.rate", "period": "2024-02", "value": "3.5", "unit": "%",
                                          "source": "https://x.example", "retrieved": "last week"}]}), encoding="utf-8")
    _, errors = ReferenceData.load([path])
    assert [error.message for error in errors] == [
        "retrieved 'last week' must be a day or an ISO time (2024-03-05 or 2024-03-05T09:30:00+00:00)"]


# ----------------------------------------------------------------------------- --for

FOR_CLAIMS = f"""
  - {{id: gdp, quote: "2.2 percent", metric: fred.{GDP}, period: 2018-Q1, value: 2.2 percent}}
  - {{id: eps, quote: "$1.44", metric: {EPS}, period: 2021-Q3, value: $1.44}}
  - {{id: eps-growth, quote: "$1.44", relation: difference, value: $1.44,
     of: [{{metric: {EPS}, period: 2021-Q3}}, {{value: $0}}]}}
  - {{id: payrolls, quote: "147.7 million", metric: us.payrolls, period: 2021-09, value: 147.7 million}}
  - {{id: population, quote: "51.3 million", metric: kosis.DT_1B040A3.T20, period: 2024-02, value: 51.3 million}}
"""
FOR_ARTICLE = ("Real GDP grew at a 2.2 percent rate in 2018's first quarter. Tesla earned $1.44 a share. "
               "Payrolls reached 147.7 million. Korea had 51.3 million people.")


@needs_us
@needs_tesla
def test_for_fetches_each_provider_series_as_of_the_article(server, capsys) -> None:
    server.routes.update({"/fred/series": alfred_answer, "/api/xbrl/companyfacts/": edgar_answer})
    Path("articles").mkdir()
    Path("articles/reference").mkdir()
    claims = write_claims("articles/economy.yaml", "2019-06-01", FOR_ARTICLE, [], FOR_CLAIMS)
    code = main(["fetch", "--for", str(claims), "-o", "articles/reference"])
    out, err = capsys.readouterr()
    assert code == 2  # the KOSIS key names no organisation: one line, the others still fetched
    assert err == ("claimcheck fetch: kosis.DT_1B040A3.T20: a KOSIS key does not name the organisation (orgId) a "
                   "request needs: fetch it by hand, claimcheck fetch kosis:ORG/DT_1B040A3/T20 --start ... -o FILE\n")
    assert "not provider keys, left to the claim file's reference files: us.payrolls" in out
    assert out.endswith("fetched as of 2019-06-01 into articles/reference; add to the reference list of "
                        "articles/economy.yaml:\n  - reference/edgar-CIK0001318605.csv\n"
                        f"  - reference/fred-{GDP}.csv\n")
    assert KEY not in out + err
    observations = [query for path, query, _ in server.seen if path.endswith("observations")]
    assert [(query["realtime_start"], query["realtime_end"]) for query in observations] == [("2019-06-01", "2019-06-01")]
    data, errors = ReferenceData.load([Path("articles/reference/edgar-CIK0001318605.csv"),
                                       Path(f"articles/reference/fred-{GDP}.csv")])
    assert errors == []
    assert set(data.metrics()) == {EPS, f"fred.{GDP}"}  # only what the claims use
    assert max(row.vintage for row in data.observations(EPS)) <= date(2019, 6, 1)  # Q3 2021 not yet filed


@needs_tesla
def test_for_writes_no_file_over_another_and_checks_on_what_it_wrote(server, capsys) -> None:
    server.routes["/api/xbrl/companyfacts/"] = edgar_answer
    claim = f"""
  - {{id: eps, quote: "$1.44", metric: {EPS}, period: 2021-Q3, value: $1.44}}
"""
    claims = write_claims("tesla.yaml", "2021-10-26", "Tesla earned $1.44 a share.", [], claim)
    assert main(["fetch", "--for", str(claims), "-o", "."]) == 0
    assert capsys.readouterr().out.endswith("add to the reference list of tesla.yaml:\n  - edgar-CIK0001318605.csv\n")
    write_claims("tesla.yaml", "2021-10-26", "Tesla earned $1.44 a share.", ["edgar-CIK0001318605.csv"], claim)
    assert verdicts(capsys, claims) == {"eps": "supported"}
    Path("edgar-CIK0001318605.csv").write_text("kept", encoding="utf-8")
    assert main(["fetch", "--for", str(claims), "-o", "."]) == 2
    _, err = capsys.readouterr()
    assert err == ("claimcheck fetch: edgar:CIK0001318605: edgar-CIK0001318605.csv exists: "
                   "use --force to replace it\n")
    assert Path("edgar-CIK0001318605.csv").read_text(encoding="utf-8") == "kept"
    assert main(["fetch", "--for", str(claims), "-o", ".", "--force"]) == 0


def test_for_korean_series_by_cycle_and_report(server, capsys) -> None:
    server.routes.update({"/api/StatisticSearch/": ecos_pages, "/dart/api/fnlttSinglAcntAll.json": dart_answer})
    korean = """
  - {id: won, quote: "1,334.6원", metric: ecos.731Y001.0000001, period: 2024-02-05, value: "1,334.6원"}
  - {id: revenue, quote: "3,100억 원", metric: dart.01234567.ifrs-full_Revenue, period: 2024-Q2, value: "3,100억 원"}
"""
    claims = write_claims("kr.yaml", "2024-09-01", "환율 1,334.6원, 매출 3,100억 원.", [], korean, "ko")
    assert main(["fetch", "--for", str(claims), "-o", "."]) == 0
    out, err = capsys.readouterr()
    assert "no earlier releases" in err and KEY not in out + err
    ecos_path = next(path for path, _, _ in server.seen if "StatisticSearch" in path)
    assert ecos_path.endswith("/731Y001/D/20240205/20240205/0000001")
    dart_query = next(query for path, query, _ in server.seen if "fnltt" in path)
    assert (dart_query["bsns_year"], dart_query["reprt_code"]) == ("2024", "11012")
    assert out.endswith("  - dart-01234567-2024-H1.csv\n  - ecos-731Y001-D-0000001.csv\n")
    write_claims("kr.yaml", "2024-09-01", "환율 1,334.6원, 매출 3,100억 원.",
                 ["dart-01234567-2024-H1.csv", "ecos-731Y001-D-0000001.csv"], korean, "ko")
    assert verdicts(capsys, claims) == {"won": "supported", "revenue": "supported"}


@pytest.mark.parametrize("argv, message", [
    (["fetch", "-o", "."], "give either SOURCE:ID or --for CLAIMS.yaml"),
    (["fetch", "fred:PAYEMS", "--for", "x.yaml", "-o", "."], "give either SOURCE:ID or --for CLAIMS.yaml"),
    (["fetch", "--for", "x.yaml", "-o", "nowhere"], "-o nowhere: with --for, -o names an existing folder"),
    (["fetch", "--for", "x.yaml", "--vintages", "-o", "."], "--for takes no --start, --end, --vintages or --entity"),
    (["fetch", "--for", "missing.yaml", "-o", "."], "missing.yaml:1:1: "),
    (["fetch", "--for", "x.yaml", "--as-of", "2024-02-30", "-o", "."], "--as-of '2024-02-30' is not a day"),
])
def test_for_usage_errors_are_one_line_before_any_request(server, capsys, argv, message) -> None:
    write_claims("x.yaml", "2024-09-01", "1,334.6원", [], """
  - {id: won, quote: "1,334.6원", metric: ecos.731Y001.0000001, period: 2024-02-05, value: "1,334.6원"}
""")
    code = main(argv)
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith(f"claimcheck fetch: {message}") and len(err.splitlines()) == 1
    assert server.seen == []


@pytest.mark.parametrize("lookup, message", [
    ("metric: ecos.731Y001.0000001, period: 2024-02, agg: mean",
     "ecos.731Y001.0000001: a lookup with agg: does not say the cycle of the rows it needs: fetch it by hand, "
     "claimcheck fetch ecos:731Y001/CYCLE/0000001 --start --end"),
    ("metric: dart.01234567.ifrs-full_Revenue, period: 2024-05",
     "dart.01234567.ifrs-full_Revenue: no OpenDART report ends with 2024-05 (reports end in March, June, "
     "September or December)"),
    ("metric: ecos.731Y001.0000001, period: 2024-02-05, as_of: latest",
     "ecos.731Y001.0000001: claim one asks as_of: latest, and --for fetches as of 2024-09-01 only: fetch it by "
     "hand (--as-of DATE, or none for the newest figures)"),
    ("metric: us.rate, period: 2024-02-05",
     "kr.yaml: the claims look up no provider series (fred., cik..., ecos., kosis., dart.)"),
])
def test_for_a_key_that_names_no_request_is_one_line_and_no_guess(server, capsys, lookup, message) -> None:
    claims = write_claims("kr.yaml", "2024-09-01", "1,334원", [], f"""
  - {{id: one, quote: "1,334원", {lookup}, value: "1,334원"}}
""", "ko")
    assert main(["fetch", "--for", str(claims), "-o", "."]) == 2
    out, err = capsys.readouterr()
    assert err == f"claimcheck fetch: {message}\n" and server.seen == []


@needs_tesla
def test_for_a_tag_not_filed_by_the_day_fails_that_file_only(server, capsys) -> None:
    server.routes["/api/xbrl/companyfacts/"] = edgar_answer
    claims = write_claims("tesla.yaml", "2021-10-26", "Tesla earned $1.44 a share.", [], """
  - {id: eps, quote: "$1.44", metric: cik1318605.NoSuchTag, period: 2021-Q3, value: $1.44}
""")
    assert main(["fetch", "--for", str(claims), "-o", "."]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("claimcheck fetch: edgar:CIK0001318605: edgar: the answer holds no rows of "
                                        "cik1318605.NoSuchTag as of 2021-10-26 (request http://127.0.0.1:")
    assert not Path("edgar-CIK0001318605.csv").exists()

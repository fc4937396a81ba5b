"""Reference data: the three file shapes, bad input, lookups, aggregates and vintages."""
from __future__ import annotations

import csv
import doctest
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import checker.reference.cells
import checker.reference.csv_text
import checker.reference.store as store
from checker.periods import parse_period
from checker.reference import LookupFailure, ReferenceData, clear_cache
from checker.reference.entry import Entry

CASES = Path(__file__).parent / "reference_cases"
SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE = SHARED / "reference-data"
needs_shared = pytest.mark.skipif(not REFERENCE.is_dir(), reason=f"shared reference data not found at {REFERENCE}")


def load(*paths: Path) -> ReferenceData:
    data, errors = ReferenceData.load(paths)
    assert [str(e) for e in errors] == []
    return data


@pytest.fixture(scope="module")
def cases() -> ReferenceData:
    return load(CASES / "meta.yaml", CASES / "fx.json", CASES / "results.csv", CASES / "prices.csv")


# ----------------------------------------------------------------------------- good files

# (metric, period, agg, value, precision, unit, source starts with, description)
GOOD = [
    ("meta.net_income", "2022-Q3", None, "4395000000", "0.5", "USD", "https://investor.fb.com/financials/",
     "meta.net_income in 2022-Q3: 4395000000"),
    ("meta.employees", "2022-12-31", None, "86482", "0.5", "people", "https://investor.fb.com/investor-news/",
     "meta.employees on 2022-12-31: 86482"),
    ("fx.usd_krw", "2022-10-25", None, "1433.50", "0.005", "KRW/USD", "https://fred.stlouisfed.org/",
     "fx.usd_krw on 2022-10-25: 1433.50"),
    ("fx.usd_krw", "2022-10-25..2022-10-26", "mean", "1424.635", "0.005", "KRW/USD", "https://fred.stlouisfed.org/",
     "mean fx.usd_krw of 2022-10-25..2022-10-26: 1424.64 over 2 rows, 2022-10-25..2022-10-26"),
    ("meta.revenue", "2022", None, "116609000000", "0.5", "USD", "https://investor.fb.com/annual-report/",
     "meta.revenue in 2022: 116609000000"),
    ("meta.revenue", "2022-Q3", None, "27714000000", "0.5", "USD", "https://investor.fb.com/financials/",
     "meta.revenue in 2022-Q3: 27714000000"),
    ("tiny.close", "2022-11-01..2022-11-04", "min", "88.91", "0.005", "USD", "tests/reference_cases/prices.csv",
     "min tiny.close of 2022-11-01..2022-11-04: 88.91 on 2022-11-03"),
    ("tiny.volume", "2022-11-01..2022-11-04", "sum", "3500", "1", "shares", "tests/reference_cases/prices.csv",
     "sum tiny.volume of 2022-11-01..2022-11-04: 3500 over 2 rows, 2022-11-01..2022-11-04"),
    ("tiny.close", "2022-11-01..2022-11-04", "last", "90.79", "0.005", "USD", "tests/", "last tiny.close of 2022-11-01..2022-11-04: 90.79 on 2022-11-04"),
    ("tiny.close", "2022-11-01..2022-11-02", "first", "95.20", "0.005", "USD", "tests/",
     "first tiny.close of 2022-11-01..2022-11-02: 95.20 on 2022-11-01"),
    ("tiny.close", "2022-11-01..2022-11-04", "max", "95.20", "0.005", "USD", "tests/", "max tiny.close of 2022-11-01..2022-11-04: 95.20 on 2022-11-01"),
]


@pytest.mark.parametrize("metric, period, agg, value, precision, unit, source, description", GOOD,
                         ids=[f"{g[0]}-{g[1]}-{g[2]}" for g in GOOD])
def test_good_lookup(cases, metric, period, agg, value, precision, unit, source, description):
    found = cases.lookup(metric, parse_period(period), agg)
    [candidate] = found.candidates
    assert candidate.value == Decimal(value)
    width = (candidate.high - candidate.low) / 2
    assert width == Decimal(precision)
    assert found.unit == unit
    assert candidate.rows[0].source.startswith(source)
    assert candidate.describe("en") == description
    assert found.later is None


def test_any_gives_every_row(cases):
    found = cases.lookup("tiny.close", parse_period("2022-11-01..2022-11-04"), "any")
    assert [c.value for c in found.candidates] == [Decimal(v) for v in ("95.20", "90.50", "88.91", "90.79")]
    assert found.candidates[2].describe("en") == "tiny.close on 2022-11-03: 88.91"


def test_notes_events_aliases(cases):
    row = cases.lookup("meta.employees", parse_period("2022-12-31")).candidates[0].rows[0]
    assert row.notes == {"note": "headcount at year end"}
    assert (row.location.line, row.location.column) == (6, 5)
    revenue = cases.lookup("meta.revenue", parse_period("2022-Q3")).candidates[0].rows[0]
    assert revenue.notes == {"filing": "10-Q"}
    close = cases.observations("tiny.close")[0]
    assert close.notes == {"exchange": "NASDAQ"}
    assert (close.location.line, close.location.column) == (7, 12)
    assert cases.event("meta.rename").date == date(2021, 10, 28)
    assert cases.event("meta.horizon_worlds_europe").source == "https://investor.fb.com/financials/"
    assert cases.aliases()["meta.net_income"] == ["순이익", "net income", "net profit"]
    assert cases.aliases()["fx.usd_krw"] == ["원/달러 환율", "won-dollar rate"]
    assert {"meta.net_income", "fx.usd_krw", "tiny.close", "tiny.volume"} <= cases.metrics()


# (metric, period, agg, message)
FAILURES = [
    ("meta.net_incme", "2022-Q3", None, "unknown metric 'meta.net_incme' (did you mean 'meta.net_income'?)"),
    ("tiny.close", "2022-11", None,
     "tiny.close has daily rows in 2022-11; say which with agg: last, first, min, max, mean, sum, any"),
    ("tiny.close", "2022-11", "median", "unknown agg 'median'"),
    ("tiny.close", "2025-01", "last", "no data for tiny.close in 2025-01 (rows cover 2022-11-01..2022-11-04)"),
    ("meta.net_income", "2022-02", None,
     "no data for meta.net_income in 2022-02 (rows cover 2021-07-01..2022-09-30; nearest rows 2021-Q3 and 2022-Q3)"),
    ("meta.revenue", "2022-11", None, "2022-11 lies inside the row for 2022"),
]


@pytest.mark.parametrize("metric, period, agg, message", FAILURES, ids=[f"{f[0]}-{f[1]}-{f[2]}" for f in FAILURES])
def test_lookup_failure(cases, metric, period, agg, message):
    with pytest.raises(LookupFailure) as caught:
        cases.lookup(metric, parse_period(period), agg)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_event(cases):
    with pytest.raises(LookupFailure, match=r"unknown event 'meta.renam' \(did you mean 'meta.rename'\?\)"):
        cases.event("meta.renam")


def test_files_parsed_once(monkeypatch, tmp_path):
    clear_cache()
    calls = []
    real = store.load_file
    monkeypatch.setattr(store, "load_file", lambda path, shown, *rest: calls.append(path) or real(path, shown, *rest))
    ReferenceData.load([CASES / "meta.yaml"])
    ReferenceData.load([CASES / "meta.yaml", CASES / ".." / "reference_cases" / "meta.yaml"])
    assert len(calls) == 1


def test_files_combined_once_per_distinct_set(monkeypatch):
    """Many claim files naming one reference folder combine (and sort) its rows once per run."""
    clear_cache()
    builds = []
    real = store._Builder.build
    monkeypatch.setattr(store._Builder, "build", lambda self: builds.append(1) or real(self))
    for _ in range(5):
        first, _ = ReferenceData.load([CASES / "meta.yaml", CASES / "prices.csv"])
    ReferenceData.load([CASES / "prices.csv"])
    assert len(builds) == 2
    assert first.metrics() >= {"meta.net_income", "tiny.close"}


def test_merged_combines_and_reports_disagreement(tmp_path):
    first = load(CASES / "meta.yaml")
    other = tmp_path / "other.csv"
    other.write_text("entity,metric,period,value,unit,source\nmeta,net_income,2022-Q3,4400000000,USD,x\n"
                     "meta,net_income,2023-Q3,11583000000,USD,x\n", encoding="utf-8")
    both, errors = first.merged(load(other))
    assert [e.message for e in errors] == [
        f"duplicate rows disagree: meta.net_income 2022-Q3 is 4400000000 here and 4395000000 at {CASES / 'meta.yaml'}:4:5"
        "; if they are two releases of one series, give each file's entry its vintage:"]
    assert both.lookup("meta.net_income", parse_period("2023-Q3")).candidates[0].value == Decimal("11583000000")


# ----------------------------------------------------------------------------- bad input

LONG = "entity,metric,period,value,unit,source\n"
TS = "# entity: t\n# unit: USD\n# source: s\ndate,close\n"

# (file name, bytes, [(line, column, message)], number of good rows)
BAD = [
    ("missing.csv", None, [(1, 1, "reference file not found")], 0),
    ("empty.csv", b"", [(1, 1, "reference file is empty")], 0),
    ("blank.yaml", b"\n  \n", [(1, 1, "reference file is empty")], 0),
    ("ragged.csv", (LONG + "m,a,2022,1,USD,s\nm,a,2023,2,USD\n").encode(), [(3, 1, "row has 5 fields, header has 6")], 1),
    ("abc.csv", (LONG + "m,a,2022,abc,USD,s\nm,a,2023,2,USD,s\n").encode(), [(2, 10, "value 'abc' is not a number")], 1),
    ("nan.csv", (LONG + "m,a,2022,NaN,USD,s\n").encode(), [(2, 10, "value 'NaN' is not a finite number")], 0),
    ("inf.csv", (LONG + "m,a,2022,inf,USD,s\n").encode(), [(2, 10, "value 'inf' is not a finite number")], 0),
    ("huge.csv", (LONG + "m,a,2022,1e400,USD,s\n").encode(), [(2, 10, "value '1e400' is out of range")], 0),
    ("period.csv", (LONG + "m,a,2022-Q5,1,USD,s\n").encode(), [(2, 5, "bad period: 2022-Q5: quarter must be 1-4")], 0),
    ("date.csv", (LONG + "m,a,2023-02-30,1,USD,s\n").encode(), [(2, 5, "bad period: 2023-02-30: day must be 1-28")], 0),
    ("nosource.csv", (LONG + "m,a,2022,1,USD,\n").encode(), [(2, 1, "row of m.a has no source")], 0),
    ("nounit.csv", (LONG + "m,a,2022,1,,s\n").encode(), [(2, 12, "row of m.a has no unit")], 0),
    ("dupe.csv", (LONG + "m,a,2022,1,USD,s\nm,a,2022,1.0,USD,s\nm,a,2022,2,USD,s\n").encode(),
     [(4, 1, "duplicate rows disagree: m.a 2022 is 2 here and 1 at ")], 1),
    ("vintage.csv", b"entity,metric,period,value,unit,source,vintage\nm,a,2022,1,USD,s,2020\n",
     [(2, 18, "vintage '2020' must be a day (YYYY-MM-DD)")], 0),
    ("typo.csv", b"entity,metric,period,value,unit,source,vintge\n", [(1, 40, "unknown column 'vintge' (did you mean 'vintage'?)")], 0),
    ("shape.csv", b"when,price\n2022,1\n", [(1, 1, "unknown CSV shape")], 0),
    ("bom.csv", b"\xef\xbb\xbf" + (LONG + "m,a,2022,1,USD,s\n").encode(), [], 1),
    ("crlf.csv", (LONG + "m,a,2022,1,USD,s\n").replace("\n", "\r\n").encode(), [], 1),
    ("utf16.csv", (LONG + "m,a,2022,1,USD,s\n").encode("utf-16"), [(1, 1, "reference file is UTF-16; save it as UTF-8")], 0),
    ("nul.csv", (LONG + "m,a,2022,1,USD,s\n\x00\n").encode(), [(3, 1, "reference file contains NUL bytes")], 0),
    ("latin1.csv", (LONG + "m,a,2022,1,USD,caf\xe9\n").encode("latin-1"), [(2, 19, "reference file is not valid UTF-8 (byte 0xe9)")], 0),
    ("type.txt", b"x", [(1, 1, "unknown reference file type '.txt'")], 0),
    ("ts-noentity.csv", b"# unit: USD\n# source: s\ndate,close\n2022-01-03,1\n",
     [(3, 1, "time-series CSV names no entity: give it in the reference entry, '- {file: ts-noentity.csv, "
             "entity: NAME}', or add a '# entity: NAME' line before the header")], 0),
    ("ts-nosource.csv", b"# entity: t\n# unit: USD\ndate,close\n2022-01-03,1\n",
     [(3, 1, "time-series CSV names no source: give it in the reference entry, '- {file: ts-nosource.csv, "
             "source: URL}', or add a '# source: URL' line before the header")], 0),
    ("ts-nounit.csv", b"# entity: t\n# source: s\n# unit.open: USD\ndate,open,close\n2022-01-03,1,2\n",
     [(4, 11, "no unit for column 'close': give it in the reference entry, '- {file: ts-nounit.csv, unit: UNIT}', "
              "or add a '# unit: UNIT' or '# unit.close: UNIT' line before the header")], 1),
    ("ts-bad.csv", (TS + "2022-01-03,1\n2022-01-32,2\n2022-01-05,x\n2022-01-06\n2022-01-07,.\n").encode(),
     [(6, 1, "bad period: 2022-01-32: day must be 1-31"), (7, 12, "value 'x' is not a number"),
      (8, 1, "row has 1 fields, header has 2")], 1),
    ("yaml-syntax.yaml", b"rows: [\n  {a: 1\n", [(3, 1, "invalid YAML")], 0),
    ("yaml-list.yaml", b"- 1\n- 2\n", [(1, 1, "a reference file must be a mapping")], 0),
    ("yaml-rows.yaml", b"source: s\nrowz: []\n", [(2, 1, "unknown key 'rowz' (did you mean 'rows'?)")], 0),
    ("yaml-row7.yaml", b"source: s\nrows:\n" + b"".join(
        b"  - {entity: m, metric: a, period: 20%02d, value: %s, unit: USD}\n" % (i, b"1" if i != 7 else b"x")
        for i in range(1, 10)) + b"  - {entity: m, metric: a, period: 2030, value: [1], unit: USD}\n"
     + b"  - {entity: m, metric: a, period: 2031, value: 1, unti: USD}\n"
     + b"  - {entity: m, metric: a, period: 2032, value: .nan, unit: USD}\n",
     [(9, 49, "value 'x' is not a number"), (12, 49, "'value' must be a single value"),
      (13, 52, "unknown key 'unti' in a row (did you mean 'unit'?)"), (14, 49, "value '.nan' is not a finite number")], 8),
    ("yaml-event.yaml", b"events:\n  - {name: e, date: 2021-10-28}\n  - {name: f, date: 2021-13-01, source: s}\n",
     [(2, 5, "event 'e' has no source"), (3, 21, "event date: 2021-13-01: month must be 1-12")], 0),
    ("yaml-tag.yaml", b"source: !!python/object:os.system echo\nrows: []\n", [], 0),
    ("json-bad.json", b'{"rows": [1,]}', [(1, 13, "invalid JSON")], 0),
    ("json-row.json", b'{"source": "s", "rows": [\n\t{"entity": "m", "metric": "a", "period": "2022", "value": 1.50, "unit": "%"}]}',
     [], 1),
]


@pytest.mark.parametrize("name, content, expected, good", BAD, ids=[b[0] for b in BAD])
def test_bad_input(tmp_path, name, content, expected, good):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    data, errors = ReferenceData.load([path])
    found = [(e.location.line, e.location.column, e.message) for e in errors]
    assert len(found) == len(expected), found
    for (line, column, message), (want_line, want_column, want) in zip(found, expected):
        assert message.startswith(want), message
        assert (line, column) == (want_line, want_column), message
        assert "\n" not in message
    assert all(str(e).startswith(f"{path}:") for e in errors)
    assert sum(len(data.observations(m)) for m in data.metrics()) == good



@pytest.mark.parametrize("line", ['a,b,,c', 'a,"b, c",d', ' "q ""x"" r" ,2', '"open,2', 'x"y,"",z'])
def test_csv_row_texts_are_the_cells_texts(line):
    """A row keeps bare texts for the common read; they are the texts its positioned cells hold."""
    row = checker.reference.csv_text.split_csv(f"h1,h2\n{line}\n", "r.csv").rows[0]
    assert row.texts == [cell.text for cell in row.cells()]
    assert (row.location.line, row.location.column) == (2, 1)


def test_long_csv_errors_point_at_the_cell_among_clean_rows(tmp_path):
    """Clean rows are read without columns; a bad one is read again so its message keeps the cell's column."""
    rows = [f"m,a,{2000 + year},{year},USD,s" for year in range(20)]
    rows[7] = 'm,a,2007,"1,2x",USD,s'
    rows[12] = "m,a,2012-13,1,USD,s"
    path = tmp_path / "r.csv"
    path.write_text("entity,metric,period,value,unit,source\n" + "\n".join(rows) + "\n", encoding="utf-8")
    data, errors = ReferenceData.load([path])
    assert [(e.location.line, e.location.column) for e in errors] == [(9, 10), (14, 5)]
    assert len(data.observations("m.a")) == 18


def test_rows_of_a_series_share_their_key_unit_and_source(tmp_path):
    """A million-row file holds each series' key, unit and source once, not a copy per row (issue 25, item 3)."""
    path = tmp_path / "r.csv"
    path.write_text("entity,metric,period,value,unit,source\n"
                    + "".join(f"m,a,{year},{year},USD,https://example.org/a\n" for year in range(2000, 2003)),
                    encoding="utf-8")
    first, *others = load(path).observations("m.a")
    for row in others:
        assert (row.metric, row.unit, row.source) == (first.metric, first.unit, first.source)
        assert row.metric is first.metric and row.unit is first.unit and row.source is first.source


def test_json_keeps_written_digits(tmp_path):
    path = tmp_path / "r.json"
    path.write_bytes(BAD[-1][1])
    row = load(path).observations("m.a")[0]
    assert (row.value, row.precision, row.location.line, row.location.column) == (Decimal("1.50"), Decimal("0.005"), 2, 2)


def test_doctests():
    for module in (checker.reference.cells, checker.reference.csv_text):
        assert doctest.testmod(module).failed == 0


# ----------------------------------------------------------------------------- real data

def time_series_copy(source: Path, target: Path, header: str) -> Path:
    """The shared download with DESIGN header lines instead of its free first line."""
    lines = source.read_text(encoding="utf-8").splitlines()
    target.write_text(header + "\n".join(line for line in lines if not line.startswith("#")) + "\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def market(tmp_path_factory) -> ReferenceData:
    if not REFERENCE.is_dir():
        pytest.skip(f"shared reference data not found at {REFERENCE}")
    folder = tmp_path_factory.mktemp("market")
    meta = time_series_copy(REFERENCE / "META_daily_2021-10_to_2024-02.csv", folder / "meta.csv",
                            "# entity: meta\n# unit: USD\n# source: ../shared/reference-data/META_daily_2021-10_to_2024-02.csv\n")
    fx = time_series_copy(REFERENCE / "DEXKOUS_2021-10_to_2024-02.csv", folder / "fx.csv",
                          "# entity: fx\n# unit: KRW/USD\n# source: https://fred.stlouisfed.org/series/DEXKOUS\n")
    return load(meta, fx)


# (metric, period, agg, value shown, description)
MARKET = [
    ("meta.close", "2022-11", "min", "88.91", "min meta.close of 2022-11: 88.91 on 2022-11-03"),
    ("meta.close", "2023", "last", "353.96", "last meta.close of 2023: 353.96 on 2023-12-29"),
    ("meta.close", "2021-11", "mean", "336.53", "mean meta.close of 2021-11: 336.53 over 21 rows, 2021-11-01..2021-11-30"),
    ("meta.close", "2022-11-03", None, "88.91", "meta.close on 2022-11-03: 88.91"),
    ("meta.high", "2021-10..2024-02", "max", None, "max meta.high of 2021-10..2024-02:"),
    ("fx.krw_per_usd", "2022-10", "max", None, "max fx.krw_per_usd of 2022-10:"),
]


@needs_shared
@pytest.mark.parametrize("metric, period, agg, value, description", MARKET, ids=[f"{m[0]}-{m[1]}-{m[2]}" for m in MARKET])
def test_market(market, metric, period, agg, value, description):
    [candidate] = market.lookup(metric, parse_period(period), agg).candidates
    if value is not None:
        assert round(candidate.value, 2) == Decimal(value)
    assert candidate.low <= candidate.value <= candidate.high
    assert candidate.describe("en").startswith(description)


@needs_shared
def test_market_errors(market):
    with pytest.raises(LookupFailure, match=r"meta.close has daily rows in 2022-11; say which with agg"):
        market.lookup("meta.close", parse_period("2022-11"))
    with pytest.raises(LookupFailure, match=r"no data for meta.close in 2025-01 \(rows cover 2021-10-01\.\."):
        market.lookup("meta.close", parse_period("2025-01"), "last")
    with pytest.raises(LookupFailure, match=r"nearest rows 2022-11-04 and 2022-11-07"):
        market.lookup("meta.close", parse_period("2022-11-05"))
    assert market.lookup("fx.krw_per_usd", parse_period("2022-11-03")).unit == "KRW/USD"


@needs_shared
def test_shared_files_without_design_header_are_refused():
    _, errors = ReferenceData.load([REFERENCE / "DEXKOUS_2021-10_to_2024-02.csv"])
    assert [e.message.split(":")[0] for e in errors][:2] == [
        "time-series CSV names no entity", "time-series CSV names no source"]


@needs_shared
def test_the_entry_that_the_time_series_messages_suggest_loads_the_download_as_published():
    """The messages name the claim file's entry first: following them, the FRED download loads unedited."""
    _, errors = ReferenceData.load([REFERENCE / "DEXKOUS_2021-10_to_2024-02.csv"])
    assert "'- {file: DEXKOUS_2021-10_to_2024-02.csv, entity: NAME}'" in errors[0].message
    assert "'- {file: DEXKOUS_2021-10_to_2024-02.csv, unit: UNIT}'" in errors[2].message
    entry = Entry(REFERENCE / "DEXKOUS_2021-10_to_2024-02.csv", entity="fx", unit="KRW/USD",
                  source="https://fred.stlouisfed.org/series/DEXKOUS")
    data, errors = ReferenceData.load([entry])
    assert errors == []
    assert data.lookup("fx.krw_per_usd", parse_period("2022-10-25")).candidates[0].value == Decimal("1432.46")


# ----------------------------------------------------------------------------- vintages

GDP = REFERENCE / "us"
#: FRED A191RL1Q225SBEA (real GDP growth, % SAAR) in three vintages; dates from LICENSE-NOTE.txt.
GDP_VINTAGES = [
    ("A191RL1Q225SBEA.vintage-2019.csv", "2019-03-08"),
    ("A191RL1Q225SBEA.vintage-2020.csv", "2020-12-27"),
    ("A191RL1Q225SBEA.csv", "2025-05-24"),
]


@pytest.fixture(scope="module")
def gdp(tmp_path_factory) -> ReferenceData:
    if not GDP.is_dir():
        pytest.skip(f"shared reference data not found at {GDP}")
    path = tmp_path_factory.mktemp("gdp") / "gdp.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["entity", "metric", "period", "value", "unit", "source", "vintage"])
        for name, vintage in GDP_VINTAGES:
            with (GDP / name).open(encoding="utf-8") as handle:
                for day, value in list(csv.reader(handle))[1:]:
                    first = date.fromisoformat(day)
                    quarter = f"{first.year}-Q{(first.month - 1) // 3 + 1}"
                    writer.writerow(["us", "gdp_growth", quarter, value, "%", f"../shared/reference-data/us/{name}", vintage])
    return load(path)


# (published, as_of, value used, vintage used, later value or None)
VINTAGES = [
    (date(2019, 6, 1), None, "2.2", "2019-03-08", "3.3"),
    (date(2021, 1, 15), None, "3.8", "2020-12-27", "3.3"),
    (date(2025, 6, 1), None, "3.3", "2025-05-24", None),
    (None, None, "3.3", "2025-05-24", None),
    (date(2025, 6, 1), date(2019, 12, 31), "2.2", "2019-03-08", "3.3"),
    (date(2019, 6, 1), "latest", "3.3", "2025-05-24", None),
    (date(2019, 6, 1), "2020-12-31", "3.8", "2020-12-27", "3.3"),
    (date(2018, 5, 1), None, "2.2", "2019-03-08", "3.3"),  # before any vintage: the oldest known figure
]


@needs_shared
@pytest.mark.parametrize("published, as_of, value, vintage, later", VINTAGES,
                         ids=[f"published={v[0]}-as_of={v[1]}" for v in VINTAGES])
def test_vintage(gdp, published, as_of, value, vintage, later):
    found = gdp.lookup("us.gdp_growth", parse_period("2018-Q1"), published=published, as_of=as_of)
    assert found.candidates[0].value == Decimal(value)
    assert found.vintage == date.fromisoformat(vintage)
    cutoff = published if as_of is None else None
    after = f", published after {cutoff}" if cutoff and found.vintage > cutoff else ""
    assert found.candidates[0].describe("en").endswith(f"(vintage {vintage}{after})")
    assert (found.later.candidates[0].value if found.later else None) == (Decimal(later) if later else None)
    assert found.revised is (later is not None)


@needs_shared
def test_vintage_unrevised_quarter_and_aggregate(gdp):
    assert gdp.lookup("us.gdp_growth", parse_period("1948-Q1"), published=date(2019, 6, 1)).later is None
    yearly = gdp.lookup("us.gdp_growth", parse_period("2018"), "mean", published=date(2019, 6, 1))
    assert yearly.vintage == date(2019, 3, 8) and yearly.later is not None
    with pytest.raises(LookupFailure, match="as_of 'soon'|as_of: 'soon' is not a period"):
        gdp.lookup("us.gdp_growth", parse_period("2018-Q1"), as_of="soon")


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(path for path in CASES.iterdir() if path.is_file())), st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=4)),
                                                          max_size=6))
def test_mangled_files_give_errors_not_tracebacks(tmp_path, original, edits):
    content = bytearray(original.read_bytes())
    for position, replacement in edits:
        at = position % (len(content) + 1)
        content[at:at + len(replacement)] = replacement
    path = tmp_path / f"mangled{original.suffix}"
    path.write_bytes(bytes(content))
    clear_cache()
    data, errors = ReferenceData.load([path])
    assert all("\n" not in str(error) for error in errors)
    for metric in data.metrics():
        assert all(row.source for row in data.observations(metric))


def test_metric_names_are_checked(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text('source: s\nrows:\n  - {metric: "a\\nb", period: 2022, value: 1, unit: USD}\n'
                    '  - {metric: close, period: 2022, value: 1, unit: USD}\n', encoding="utf-8")
    _, errors = ReferenceData.load([path])
    assert [str(e).split(": ", 1)[1] for e in errors] == [
        "metric 'a\\nb' must be entity.metric (parts without spaces)",
        "metric 'close' must be entity.metric (parts without spaces)"]

"""Provider downloads read as published: SEC EDGAR, Bank of Korea ECOS, KOSIS, OpenDART.

Which fields come from documentation rather than a recorded response:
- EDGAR: the real Tesla ``companyfacts`` file in ``../shared/reference-data/edgar/``
  (recorded response, see its LICENSE-NOTE.txt); the small cases built below follow the
  same shape with illustrative values.
- ECOS, KOSIS, OpenDART: every field of ``tests/reference_cases/sources/*.json`` and of
  the cases built below follows the providers' documented response shapes (listed with
  their URLs in ``tests/reference_cases/sources/README.md``); no value is a published
  figure.
"""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from checker.errors import Location
from checker.periods import parse_period
from checker.reference import sources
from checker.reference.keys import METRIC
from checker.reference.entry import Entry
from checker.reference.files import FileData
from checker.reference.shapes import load_file
from checker.reference.sources import dart, ecos, edgar, kosis
from checker.reference.store import ReferenceData, clear_cache

CASES = Path(__file__).parent / "reference_cases" / "sources"
TESLA = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "edgar" / "CIK0001318605.companyfacts.json"
needs_tesla = pytest.mark.skipif(not TESLA.is_file(), reason=f"shared EDGAR file not found at {TESLA}")


def read(module, text: str, name: str = "case.json") -> FileData:
    return module.read(text, name, Entry(Path(name)))


def rows(data: FileData) -> dict[tuple[str, str], list]:
    """(metric, period label) -> the rows' (value, unit, vintage), in file order."""
    found: dict[tuple[str, str], list] = {}
    for row in data.observations:
        found.setdefault((row.metric, row.period.label), []).append((row.value, row.unit, row.vintage))
    return found


def messages(data: FileData) -> list[str]:
    return [str(error) for error in data.errors]


# ----------------------------------------------------------------------------- recognition

HEADS = {
    "edgar": '{"cik":1318605,"entityName":"Tesla, Inc.","facts":{"dei":{}}}',
    "ecos": (CASES / "ecos_731Y001_D.json").read_text(encoding="utf-8"),
    "ecos error": '{"RESULT":{"CODE":"INFO-200","MESSAGE":"해당하는 데이터가 없습니다."}}',
    "ecos error, message first": '{"RESULT": {"MESSAGE": "인증키가 유효하지 않습니다.", "CODE": "INFO-100"}}',
    "kosis": (CASES / "kosis_DT_1B040A3_M.json").read_text(encoding="utf-8"),
    "kosis error": '{"err":"30","errMsg":"데이터가 존재하지 않습니다."}',
    "dart": (CASES / "dart_01234567_2024_11012.json").read_text(encoding="utf-8"),
    "dart error": '{"status":"013","message":"조회된 데이타가 없습니다."}',
}
EXPECTED = {"edgar": edgar, "ecos": ecos, "ecos error": ecos, "ecos error, message first": ecos, "kosis": kosis, "kosis error": kosis,
            "dart": dart, "dart error": dart}


@pytest.mark.parametrize("name", HEADS)
def test_each_provider_recognises_its_own_answers_only(name: str) -> None:
    head = HEADS[name][:4096]
    assert sources.recognise(".json", head) is EXPECTED[name]
    assert [m.NAME for m in (edgar, ecos, kosis, dart) if m.recognise(".json", head)] == [EXPECTED[name].NAME]


@pytest.mark.parametrize("own", [
    '{"source": "https://x", "rows": [{"entity": "fx", "metric": "usd_krw", "period": "2024-02", "value": 1, "unit": "원"}]}',
    "rows:\n  - {entity: meta, metric: list, period: 2022, value: 1, unit: USD, source: x}\n",
    '[{"a": 1}]',
])
def test_claimchecks_own_files_are_no_provider_answer(own: str) -> None:
    assert sources.recognise(".json", own) is None


# ----------------------------------------------------------------------------- EDGAR

@pytest.fixture(scope="module")
def tesla() -> FileData:
    return read(edgar, TESLA.read_text(encoding="utf-8"), "tesla.json")


@needs_tesla
def test_edgar_reads_every_fact_of_the_real_file(tesla: FileData) -> None:
    assert tesla.errors == []
    assert len(tesla.observations) == 17718
    assert all(row.precision == 0 and row.vintage is not None for row in tesla.observations)
    assert {row.source for row in tesla.observations} == {"https://data.sec.gov/api/xbrl/companyfacts/CIK0001318605.json"}


@needs_tesla
def test_edgar_assets_restated_in_a_later_filing_are_a_later_vintage(tesla: FileData) -> None:
    assets = rows(tesla)[("cik1318605.Assets", "2015-12-31")]
    assert assets[:2] == [(Decimal("8092460000"), "USD", date(2016, 2, 24)),
                          (Decimal("8067939000"), "USD", date(2016, 5, 10))]


@needs_tesla
def test_edgar_periods_quarter_year_to_date_year_and_day(tesla: FileData) -> None:
    found = rows(tesla)
    assert found[("cik1318605.Revenues", "2022-Q3")] == [(Decimal("21454000000"), "USD", date(2022, 10, 24))]
    assert found[("cik1318605.Revenues", "2022-01..2022-09")] == [(Decimal("57144000000"), "USD", date(2022, 10, 24))]
    assert ("cik1318605.Revenues", "2021") in found
    assert ("cik1318605.EntityCommonStockSharesOutstanding", "2011-07-31") in found  # dei, shares


@needs_tesla
def test_edgar_rows_point_at_their_place_in_the_file(tesla: FileData) -> None:
    text = TESLA.read_text(encoding="utf-8")
    row = next(r for r in tesla.observations if r.metric == "cik1318605.Assets" and r.vintage == date(2016, 2, 24))
    assert row.location.line == 1
    assert text[row.location.column - 1:].startswith('"accn":"0001564590-16-013195"')
    assert row.notes == {"form": "10-K", "accn": "0001564590-16-013195", "fy": "2015", "fp": "FY", "name": "Assets",
                         "entity": "Tesla, Inc.",
                         "link": "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001318605"}


@needs_tesla
def test_edgar_end_to_end_lookup_takes_the_vintage_an_article_could_know() -> None:
    clear_cache()
    data, _ = ReferenceData.load([Entry(TESLA, entity="tesla")])
    march = data.lookup("tesla.Assets", parse_period("2015-12-31"), published=date(2016, 3, 15))
    assert march.candidates[0].value == Decimal("8092460000")
    assert march.vintage == date(2016, 2, 24)
    assert march.later is not None and march.later.candidates[0].value == Decimal("8067939000")
    revenue = data.lookup("tesla.Revenues", parse_period("2022-Q3"))
    assert (revenue.candidates[0].value, revenue.unit) == (Decimal("21454000000"), "USD")


@needs_tesla
def test_edgar_real_file_loads_without_errors() -> None:
    """Every unit of the file, XBRL ids included (pure, D, sqft, Segment, shares_unit), is one the table reads."""
    data = load_file(Entry(TESLA), "tesla.json")
    assert [str(e) for e in data.errors] == [] and len(data.observations) == 17718


def edgar_file(facts: dict, cik: object = 1) -> str:
    return json.dumps({"cik": cik, "entityName": "Example", "facts": facts}, indent=1)


def fact(unit: str, *found: dict) -> dict:
    return {"label": "x", "description": "x", "units": {unit: list(found)}}


ROW = {"end": "2022-09-30", "val": 5, "accn": "0000000001-22-000001", "fy": 2022, "fp": "Q3", "form": "10-Q",
       "filed": "2022-10-24"}


def test_edgar_a_tag_in_two_taxonomies_is_named_by_taxonomy_never_mixed() -> None:
    data = read(edgar, edgar_file({"us-gaap": {"Shares": fact("shares", ROW)},
                                   "dei": {"Shares": fact("shares", {**ROW, "val": 7})}}))
    assert sorted(rows(data)) == [("cik1.dei.Shares", "2022-09-30"), ("cik1.us-gaap.Shares", "2022-09-30")]


def test_edgar_a_tag_in_two_units_gets_the_unit_in_its_key() -> None:
    data = read(edgar, edgar_file({"us-gaap": {"Price": {"units": {"USD/shares": [ROW], "USD/Unit": [ROW]}}}}))
    assert sorted(metric for metric, _ in rows(data)) == ["cik1.Price.USD_per_Unit", "cik1.Price.USD_per_shares"]


def test_edgar_repeated_filings_of_one_figure_are_one_row() -> None:
    data = read(edgar, edgar_file({"us-gaap": {"Assets": fact("USD", ROW, {**ROW, "form": "8-K"})}}))
    assert data.errors == [] and rows(data) == {("cik1.Assets", "2022-09-30"): [(5, "USD", date(2022, 10, 24))]}


def test_edgar_filings_of_one_day_that_disagree_are_an_error_naming_both() -> None:
    data = read(edgar, edgar_file({"us-gaap": {"Assets": fact("USD", ROW, {**ROW, "val": 6, "form": "10-Q/A"})}}))
    assert rows(data)[("cik1.Assets", "2022-09-30")] == [(5, "USD", date(2022, 10, 24))]
    [message] = messages(data)
    assert "is 6 in 10-Q/A" in message and "and 5 in 10-Q 0000000001-22-000001" in message


@pytest.mark.parametrize("start, end, label", [
    ("2022-07-01", "2022-09-30", "2022-Q3"),
    ("2022-01-01", "2022-12-31", "2022"),
    ("2022-01-01", "2022-06-30", "2022-01..2022-06"),
    ("2022-02-01", "2022-04-30", "2022-02..2022-04"),
    ("2022-03-01", "2022-03-31", "2022-03"),
    ("2021-09-26", "2022-09-24", "2021-09-26..2022-09-24"),
])
def test_edgar_spans_are_read_as_a_reader_would_name_them(start: str, end: str, label: str) -> None:
    data = read(edgar, edgar_file({"us-gaap": {"Revenues": fact("USD", {**ROW, "start": start, "end": end})}}))
    assert [row.period.label for row in data.observations] == [label]
    assert data.observations[0].period == parse_period(label)


@pytest.mark.parametrize("text, message", [
    ('{"cik": 1, "facts": [', "case.json:1:22: invalid JSON"),
    ('{"cik": "abc", "facts": {}}', "case.json:1:1: EDGAR companyfacts: cik 'abc' is not a number"),
    ('{"cik": 1, "facts": 3}', "case.json:1:1: EDGAR companyfacts: expected an object with 'cik' and 'facts'"),
])
def test_edgar_a_broken_file_is_one_error(text: str, message: str) -> None:
    data = read(edgar, text)
    assert data.observations == [] and len(data.errors) == 1 and str(data.errors[0]).startswith(message)


def test_edgar_a_bad_row_is_an_error_at_its_line_and_the_rest_still_load() -> None:
    text = edgar_file({"us-gaap": {"Assets": fact("USD", {**ROW, "filed": "soon"}, {**ROW, "end": "2022-06-30"})}})
    data = read(edgar, text)
    assert list(rows(data)) == [("cik1.Assets", "2022-06-30")]
    [error] = data.errors
    assert error.message == ("cik1.Assets facts.us-gaap.Assets.units.USD[0] (accn 0000000001-22-000001, end 2022-09-30): "
                             "filed 'soon' is not a date (YYYY-MM-DD)")
    assert text.splitlines()[error.location.line - 1].strip().startswith('"accn"')


# ----------------------------------------------------------------------------- ECOS

def test_ecos_daily_rates_by_statistic_and_item() -> None:
    data = read(ecos, (CASES / "ecos_731Y001_D.json").read_text(encoding="utf-8"))
    assert data.errors == []
    found = rows(data)
    assert found[("ecos.731Y001.0000001", "2024-02-01")] == [(Decimal("1331.50"), "원", None)]
    assert len(found) == 19
    first = data.observations[0]
    assert first.location == Location("case.json", 18, 9)
    assert first.source == ecos.SOURCE and first.notes["item"] == "원/미국달러(매매기준율)"


def test_ecos_end_to_end_mean_of_february() -> None:
    clear_cache()
    data, errors = ReferenceData.load([CASES / "ecos_731Y001_D.json"])
    assert errors == []
    mean = data.lookup("ecos.731Y001.0000001", parse_period("2024-02"), agg="mean")
    assert mean.candidates[0].value == Decimal("1332.00")
    assert mean.unit == "KRW"


def ecos_answer(*found: dict) -> str:
    base = {"STAT_CODE": "200Y102", "STAT_NAME": "x", "ITEM_CODE1": "10111", "ITEM_NAME1": "x", "ITEM_CODE2": None,
            "UNIT_NAME": "십억원", "TIME": "2024Q1", "DATA_VALUE": "1"}
    return json.dumps({"StatisticSearch": {"list_total_count": len(found), "row": [{**base, **row} for row in found]}},
                      ensure_ascii=False, indent=1)


@pytest.mark.parametrize("time, label", [
    ("2024", "2024"), ("2024S2", "2024-H2"), ("2024Q1", "2024-Q1"), ("202401", "2024-01"), ("20240102", "2024-01-02"),
])
def test_ecos_time_forms(time: str, label: str) -> None:
    data = read(ecos, ecos_answer({"TIME": time}))
    assert [row.period.label for row in data.observations] == [label]


def test_ecos_more_item_codes_are_part_of_the_key() -> None:
    data = read(ecos, ecos_answer({"ITEM_CODE2": "A"}, {"ITEM_CODE2": "B"}))
    assert sorted(rows(data)) == [("ecos.200Y102.10111.A", "2024-Q1"), ("ecos.200Y102.10111.B", "2024-Q1")]


def test_ecos_unit_scale_is_applied_exactly_after_reading() -> None:
    data = load_file_text(ecos_answer({"DATA_VALUE": "612345.6"}), "gdp.json")
    assert [(row.value, row.unit, row.notes["unit as published"]) for row in data.observations] == [
        (Decimal("612345600000000.0"), "KRW", "십억원")]


def test_ecos_rows_without_a_value_are_skipped_and_bad_rows_are_errors() -> None:
    text = ecos_answer({"DATA_VALUE": None}, {"TIME": "2024M1"}, {"DATA_VALUE": "n/a"}, {"TIME": "2024Q4"})
    data = read(ecos, text)
    assert list(rows(data)) == [("ecos.200Y102.10111", "2024-Q4")]
    assert [e.message for e in data.errors] == [
        "ECOS row StatisticSearch.row[1] (TIME 2024M1, ITEM_CODE1 10111): TIME '2024M1' is not a period "
        "(2024, 2024S1, 2024Q1, 202401 or 20240102)",
        "ECOS row StatisticSearch.row[2] (TIME 2024Q1, ITEM_CODE1 10111): value 'n/a' is not a number"]
    lines = text.splitlines()
    assert [lines[e.location.line - 1].strip() for e in data.errors] == ['"TIME": "2024M1",', '"TIME": "2024Q1",']


def test_ecos_daily_rows_stay_days_whatever_their_dates() -> None:
    """Only FRED dates a month by its first day: a provider's day rows stay days."""
    text = ecos_answer({"TIME": "20240201", "UNIT_NAME": "원"}, {"TIME": "20240301", "UNIT_NAME": "원"})
    assert [row.period.label for row in read(ecos, text).observations] == ["2024-02-01", "2024-03-01"]
    assert [row.period.label for row in load_file_text(text, "rates.json").observations] == ["2024-02-01", "2024-03-01"]


@pytest.mark.parametrize("text, code", [
    ('{"RESULT": {"CODE": "INFO-100", "MESSAGE": "인증키가 유효하지 않습니다."}}', "INFO-100"),
    ('{"RESULT": {"CODE": "INFO-200", "MESSAGE": "해당하는 데이터가 없습니다."}}', "INFO-200"),
])
def test_ecos_a_saved_error_answer_is_one_clear_error(text: str, code: str) -> None:
    data = read(ecos, text)
    assert data.observations == []
    assert messages(data) == [f"case.json:1:1: ECOS answered with an error, not data: {code}: "
                              f"{json.loads(text)['RESULT']['MESSAGE']}"]


# ----------------------------------------------------------------------------- KOSIS

def test_kosis_rows_by_table_item_and_the_classification_that_varies() -> None:
    data = read(kosis, (CASES / "kosis_DT_1B040A3_M.json").read_text(encoding="utf-8"))
    assert data.errors == []
    found = rows(data)
    assert found[("kosis.DT_1B040A3.T20.00", "2024-01")] == [(Decimal("51300000"), "명", date(2024, 2, 5))]
    assert found[("kosis.DT_1B040A3.T20.11", "2024-02")] == [(Decimal("9376000"), "명", date(2024, 3, 5))]
    assert len(found) == 4  # 202403 of Seoul is '-': not published
    assert data.observations[0].source == "https://kosis.kr/statHtml/statHtml.do?orgId=101&tblId=DT_1B040A3"


def kosis_answer(*found: dict) -> str:
    base = {"ORG_ID": "101", "TBL_ID": "DT_1DA7002S", "C1": "0", "C1_NM": "계", "ITM_ID": "T90", "ITM_NM": "고용률",
            "UNIT_NM": "%", "PRD_SE": "M", "PRD_DE": "202404", "DT": "62.9", "LST_CHN_DE": "2024-05-15"}
    return json.dumps([{**base, **row} for row in found], ensure_ascii=False, indent=1)


def test_kosis_one_series_keeps_the_short_key() -> None:
    data = read(kosis, kosis_answer({}, {"PRD_DE": "202405"}))
    assert sorted(rows(data)) == [("kosis.DT_1DA7002S.T90", "2024-04"), ("kosis.DT_1DA7002S.T90", "2024-05")]


@pytest.mark.parametrize("cycle, written, label", [
    ("Y", "2023", "2023"), ("H", "202302", "2023-H2"), ("Q", "202303", "2023-Q3"), ("Q", "20231", "2023-Q1"),
    ("M", "202312", "2023-12"), ("D", "20231231", "2023-12-31"),
])
def test_kosis_periods_by_cycle(cycle: str, written: str, label: str) -> None:
    data = read(kosis, kosis_answer({"PRD_SE": cycle, "PRD_DE": written}))
    assert [row.period.label for row in data.observations] == [label]


def test_kosis_bad_rows_are_errors() -> None:
    data = read(kosis, kosis_answer({"PRD_SE": "F", "PRD_DE": "2020"}, {"PRD_SE": "Q", "PRD_DE": "202305"},
                                    {"DT": "abc"}, {"PRD_DE": "202406"}))
    assert list(rows(data)) == [("kosis.DT_1DA7002S.T90", "2024-06")]
    assert [e.message for e in data.errors] == [
        "KOSIS row [0] (PRD_DE 2020, ITM_ID T90, C1 0): PRD_SE 'F' is not a cycle claimcheck reads (Y, H, Q, M or D)",
        "KOSIS row [1] (PRD_DE 202305, ITM_ID T90, C1 0): PRD_DE '202305' is not a Q period",
        "KOSIS row [2] (PRD_DE 202404, ITM_ID T90, C1 0): value 'abc' is not a number"]


def test_kosis_a_saved_error_answer_is_one_clear_error() -> None:
    data = read(kosis, '{"err": "30", "errMsg": "데이터가 존재하지 않습니다."}')
    assert messages(data) == ["case.json:1:1: KOSIS answered with an error, not data: 30: 데이터가 존재하지 않습니다."]


# ----------------------------------------------------------------------------- OpenDART

def test_dart_half_year_report_quarter_year_to_date_balance_and_cash_flow() -> None:
    data = read(dart, (CASES / "dart_01234567_2024_11012.json").read_text(encoding="utf-8"))
    assert data.errors == []
    filed = date(2024, 8, 14)
    assert rows(data) == {
        ("dart.01234567.ifrs-full_Assets", "2024-06-30"): [(Decimal("1200000000000"), "KRW", filed)],
        ("dart.01234567.ifrs-full_Revenue", "2024-Q2"): [(Decimal("310000000000"), "KRW", filed)],
        ("dart.01234567.ifrs-full_Revenue", "2024-01..2024-06"): [(Decimal("600000000000"), "KRW", filed)],
        ("dart.01234567.dart_OperatingIncomeLoss", "2024-Q2"): [(Decimal("41000000000"), "KRW", filed)],
        ("dart.01234567.dart_OperatingIncomeLoss", "2024-01..2024-06"): [(Decimal("75500000000"), "KRW", filed)],
        ("dart.01234567.ifrs-full_ProfitLoss", "2024-Q2"): [(Decimal("30500000000"), "KRW", filed)],
        ("dart.01234567.ifrs-full_ProfitLoss", "2024-01..2024-06"): [(Decimal("58000000000"), "KRW", filed)],
        ("dart.01234567.ifrs-full_CashFlowsFromUsedInOperatingActivities", "2024-01..2024-06"): [
            (Decimal("88000000000"), "KRW", filed)],
    }
    revenue = next(r for r in data.observations if r.metric.endswith("Revenue"))
    assert revenue.source == "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20240814001234"
    assert revenue.notes == {"account_nm": "매출액", "sj_div": "IS", "name": "매출액",
                             "link": "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20240814001234"}


def test_dart_half_year_is_what_a_korean_article_calls_상반기() -> None:
    clear_cache()
    data, errors = ReferenceData.load([CASES / "dart_01234567_2024_11012.json"])
    assert errors == []
    first_half = data.lookup("dart.01234567.ifrs-full_Revenue", parse_period("2024년 상반기"))
    assert first_half.candidates[0].value == Decimal("600000000000")


def dart_answer(*found: dict) -> str:
    base = {"rcept_no": "20240514000001", "reprt_code": "11013", "bsns_year": "2024", "corp_code": "01234567",
            "sj_div": "IS", "account_id": "ifrs-full_Revenue", "account_nm": "매출액", "thstrm_amount": "100",
            "thstrm_add_amount": "100", "currency": "KRW"}
    return json.dumps({"status": "000", "message": "정상", "list": [{**base, **row} for row in found]},
                      ensure_ascii=False, indent=1)


@pytest.mark.parametrize("report, statement, labels", [
    ("11013", "IS", ["2024-Q1"]),
    ("11014", "IS", ["2024-Q3", "2024-01..2024-09"]),
    ("11011", "IS", ["2024"]),
    ("11011", "BS", ["2024-12-31"]),
    ("11014", "CF", ["2024-01..2024-09"]),
])
def test_dart_periods_by_report(report: str, statement: str, labels: list[str]) -> None:
    data = read(dart, dart_answer({"reprt_code": report, "sj_div": statement, "rcept_no": "20250320000001",
                                   "thstrm_add_amount": "" if report == "11011" else "300"}))
    assert data.errors == []
    assert [row.period.label for row in data.observations] == labels


def test_dart_income_statements_that_disagree_are_an_error() -> None:
    data = read(dart, dart_answer({}, {"sj_div": "CIS", "thstrm_amount": "101", "thstrm_add_amount": "101"}))
    assert rows(data) == {("dart.01234567.ifrs-full_Revenue", "2024-Q1"): [(100, "KRW", date(2024, 5, 14))]}
    assert [e.message.split(" at ")[0] for e in data.errors] == ["dart.01234567.ifrs-full_Revenue 2024-Q1 is 101 here and 100"]


def test_dart_a_report_filed_before_its_period_ends_is_another_fiscal_year() -> None:
    data = read(dart, dart_answer({"rcept_no": "20240214000001"}))
    assert data.observations == []
    assert "filed 2024-02-14, before 2024-03-31: the company's fiscal year does not end in December" in messages(data)[0]


@pytest.mark.parametrize("text, message", [
    ('{"status": "013", "message": "조회된 데이타가 없습니다."}', "status 013: 조회된 데이타가 없습니다."),
    ('{"status": "020", "message": "요청 제한을 초과하였습니다."}', "status 020: 요청 제한을 초과하였습니다."),
])
def test_dart_a_saved_error_answer_is_one_clear_error(text: str, message: str) -> None:
    assert messages(read(dart, text)) == [f"case.json:1:1: OpenDART answered with an error, not data: {message}"]


def test_dart_bad_receipt_number_is_an_error_at_its_row() -> None:
    data = read(dart, dart_answer({"rcept_no": "2024"}))
    [error] = data.errors
    assert error.message == ("OpenDART row list[0] (account_id ifrs-full_Revenue, sj_div IS): rcept_no '2024' is not "
                             "a 14-digit receipt number")
    assert error.location.line == 6


# ----------------------------------------------------------------------------- all providers

def test_every_metric_key_is_one_the_reference_files_accept() -> None:
    keys = {row.metric for module, name in ((ecos, "ecos_731Y001_D.json"), (kosis, "kosis_DT_1B040A3_M.json"),
                                            (dart, "dart_01234567_2024_11012.json"))
            for row in read(module, (CASES / name).read_text(encoding="utf-8")).observations}
    keys |= {"ecos.200Y102.10111.A", "ecos.404Y014.*AA", "cik1318605.Revenues", "cik1.us-gaap.Shares", "cik1.Price.USD_per_shares"}
    assert all(METRIC.match(key) for key in keys), sorted(k for k in keys if not METRIC.match(k))


def test_values_are_exact_decimals_never_floats() -> None:
    data = read(edgar, edgar_file({"us-gaap": {"EPS": fact("USD/shares", {**ROW, "val": 0.1})}}))
    assert data.observations[0].value == Decimal("0.1") and str(data.observations[0].value) == "0.1"


def load_file_text(text: str, name: str) -> FileData:
    """A provider answer loaded as ``reference:`` loads it (finish applied), from a temp file."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        return load_file(Entry(path), name)


# ----------------------------------------------------------------------------- nesting

DEEP = "[" * 400_000
NESTS = {  # a head each reader recognises, then a 400 KB bracket nest (a RecursionError traceback before)
    "edgar.json": '{"cik": 1, "facts": ' + DEEP,
    "ecos.json": '{"StatisticSearch": {"row": ' + DEEP,
    "kosis.json": '[{"TBL_ID": "T", "ITM_ID": "I", "PRD_DE": "2024", "DT": ' + DEEP,
    "dart.json": '{"status": "000", "rcept_no": "", "bsns_year": "", "account_id": "", "list": ' + DEEP,
    "fred.json": '{"realtime_start": "", "observations": ' + DEEP,
    "own.json": '{"rows": ' + DEEP,
}


@pytest.mark.parametrize("name", NESTS)
def test_a_bracket_nest_in_a_saved_file_is_one_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(NESTS[name], encoding="utf-8")
    clear_cache()
    _, errors = ReferenceData.load([Entry(path, metric="fred.PAYEMS")])
    assert [error.message for error in errors] == ["invalid JSON: nested deeper than 64 levels"]
    before = NESTS[name][:errors[0].location.column]  # up to the bracket named, which opens level 65
    assert errors[0].location.line == 1 and before[-1] == "[" and before.count("[") + before.count("{") == 65

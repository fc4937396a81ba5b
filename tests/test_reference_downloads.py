"""Official downloads read as published: FRED styles, units with scale, precision, frequency.

The shared FRED files (../shared/reference-data/us, verbatim downloads) are read
unedited through reference entries; small inline files cover each header style on
its own, so the tests also run where the shared folder is absent.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checker.evaluation.engine import check
from checker.periods import parse_period
from checker.quantities import units
from checker.quantities.units import UnitError, read_unit
from checker.reference import LookupFailure, ReferenceData, clear_cache
from checker.reference.entry import Entry
from reference_support import fresh_cache, load  # noqa: F401 (fresh_cache: an autouse fixture)
from checker.reference.model import NoData

US = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "us"
needs_us = pytest.mark.skipif(not US.is_dir(), reason=f"shared FRED downloads not found at {US}")




def point(data: ReferenceData, metric: str, period: str, agg: str | None = None, **kw) -> tuple[Decimal, Decimal]:
    [candidate] = data.lookup(metric, parse_period(period), agg, **kw).candidates
    return candidate.value, (candidate.high - candidate.low) / 2


# ------------------------------------------------------------------------- FRED styles

STYLES = {
    "observation_date": "observation_date,PAYEMS\n2021-08-01,147246\n2021-09-01,147712\n",
    "DATE": "DATE,PAYEMS\n2021-08-01,147246\n2021-09-01,147712\n",
    "quoted Date": '"Date","PAYEMS"\n2021-08-01,147246\n2021-09-01,147712\n',
    "CRLF, no final newline": "DATE,PAYEMS\r\n2021-08-01,147246\r\n2021-09-01,147712",
    "M/D/YYYY and an extra column": "DATE,PAYEMS,month_year\n8/1/2021,147246,8_2021\n9/1/2021,147712,9_2021\n",
    "missing value": "DATE,PAYEMS\n2021-07-01,.\n2021-08-01,147246\n2021-09-01,147712\n",
    "ALFRED long": ('"date","series_id","value","realtime_start","realtime_end"\n'
                   '2021-08-01,"PAYEMS",147246,2025-05-14,2025-05-14\n2021-09-01,"PAYEMS",147712,2025-05-14,2025-05-14\n'),
}


@pytest.mark.parametrize("style", STYLES)
def test_fred_header_styles_read_as_published(tmp_path: Path, style: str) -> None:
    path = tmp_path / "PAYEMS.csv"
    path.write_bytes(STYLES[style].encode())
    data = load(Entry(path, unit="Thousands of Persons"))
    assert point(data, "fred.PAYEMS", "2021-09") == (Decimal(147712000), Decimal(500))
    [row] = [r for r in data.observations("fred.PAYEMS") if r.period.label == "2021-09"]
    assert row.unit == "people"
    assert row.source == "https://fred.stlouisfed.org/series/PAYEMS"
    assert row.notes["unit as published"] == "Thousands of Persons"


def test_fred_api_observations_json_needs_its_metric(tmp_path: Path) -> None:
    path = tmp_path / "obs.json"
    path.write_text('{"realtime_start":"2024-01-01","realtime_end":"2024-01-01","observations":['
                    '{"realtime_start":"2024-01-01","realtime_end":"2024-01-01","date":"2023-10-01","value":"4.9"},'
                    '{"realtime_start":"2024-01-01","realtime_end":"2024-01-01","date":"2024-01-01","value":"."},'
                    '{"realtime_start":"2024-01-01","realtime_end":"2024-01-01","date":"2024-04-01","value":"3.3"}]}')
    _, errors = ReferenceData.load([Entry(path, unit="Percent")])
    assert len(errors) == 1 and "add 'metric: <SERIES_ID>'" in errors[0].message
    clear_cache()
    data = load(Entry(path, unit="Percent", metric="A191RL1Q225SBEA"))
    assert point(data, "fred.A191RL1Q225SBEA", "2023-Q4") == (Decimal("4.9"), Decimal("0.05"))
    assert data.observations("fred.A191RL1Q225SBEA")[0].vintage.isoformat() == "2024-01-01"


def test_fred_without_unit_is_one_error_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "PAYEMS.csv"
    path.write_text("DATE,PAYEMS\n" + "".join(f"{1950 + i}-01-01,{1000 + i}\n" for i in range(50)))
    data, errors = ReferenceData.load([Entry(path)])
    assert len(errors) == 1
    assert "has no unit" in errors[0].message and "{file: PAYEMS.csv, unit: UNIT}" in errors[0].message
    assert data.metrics() == set()


def test_errors_are_capped_per_file(tmp_path: Path) -> None:
    path = tmp_path / "PAYEMS.csv"
    path.write_text("DATE,PAYEMS\n" + "".join(f"{1950 + i}-01-01,x{i}\n" for i in range(40)))
    _, errors = ReferenceData.load([Entry(path, unit="Persons")])
    assert len(errors) == 11
    assert errors[-1].message == "… and 30 more like this"


def test_entry_renames_entity_and_metric(tmp_path: Path) -> None:
    path = tmp_path / "gdp.csv"
    path.write_text("DATE,GDP\n2019-01-01,3.1\n2019-04-01,2.0\n")
    data = load(Entry(path, unit="Percent", metric="us.gdp_growth"))
    assert data.metrics() == {"us.gdp_growth"}
    clear_cache()
    data = load(Entry(path, unit="Percent", entity="us"))
    assert data.metrics() == {"us.GDP"}


def test_entry_metric_on_a_file_of_many_series_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text("DATE,PAYEMS,USPRIV\n2021-08-01,147246,125000\n2021-09-01,147712,125300\n")
    _, errors = ReferenceData.load([Entry(path, unit="Thousands of Persons", metric="jobs")])
    assert len(errors) == 1 and "names one series, but this file has 2" in errors[0].message


def test_entry_title_names_a_fred_series_that_gives_only_its_id(tmp_path: Path) -> None:
    """A FRED graph CSV (``"Date","U6RATE"``) names no series: the report showed a bare ``fred.U6RATE``.
    The entry's ``title`` stands beside the key in every evidence line, like an ECOS item name."""
    path = tmp_path / "U6RATE.csv"
    path.write_text('"Date","U6RATE"\n2013-03-01,13.8\n2013-04-01,14\n')
    titled = load(Entry(path, unit="Percent", title="U-6 unemployment rate"))
    [candidate] = titled.lookup("fred.U6RATE", parse_period("2013-04")).candidates
    assert candidate.rows[0].name == "U-6 unemployment rate"
    assert titled.names() == {"fred.U6RATE": "U-6 unemployment rate"}
    clear_cache()
    assert load(Entry(path, unit="Percent")).names() == {"fred.U6RATE": ""}


@needs_us
def test_a_claim_on_the_shared_u6_download_names_the_series_by_its_entry_title(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "U6RATE.csv").write_bytes((US / "U6RATE.csv").read_bytes())
    (tmp_path / "article.txt").write_text("The U-6 rate went up last month to 13.5 percent.\n")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\narticle: {file: article.txt, published: 2013-05-05}\nreference:\n  - {file: U6RATE.csv, unit: Percent, title: U-6 unemployment rate}\nclaims:\n"
        "  - {id: u6, quote: 13.5 percent, value: 13.5 percent, metric: fred.U6RATE, period: 2013-04}\n")
    [result] = check([tmp_path / "claims.yaml"]).results
    assert "fred.U6RATE (U-6 unemployment rate) 2013-04 = 14 %" in result.explanation
    assert result.steps[0].startswith("fred.U6RATE in 2013-04: 14 (U-6 unemployment rate) → 14 %")


@pytest.mark.parametrize("title, message", [
    ("jobs", "'title: jobs' names one series, but this file has 2 (fred.PAYEMS, fred.USPRIV); give each series its own file and title"),
    ("jobs\x1b[2J", "title 'jobs\\x1b[2J': a title is one line of visible text"),
])
def test_entry_title_is_one_line_for_one_series(tmp_path: Path, title: str, message: str) -> None:
    path = tmp_path / "two.csv"
    path.write_text("DATE,PAYEMS,USPRIV\n2021-08-01,147246,125000\n2021-09-01,147712,125300\n")
    _, errors = ReferenceData.load([Entry(path, unit="Thousands of Persons", title=title)])
    assert [error.message for error in errors] == [message]


# ------------------------------------------------------------------------- shared downloads

@needs_us
def test_u6_april_2013_is_fourteen_point_zero() -> None:
    """FRED writes 14 for 14.0: the column's one decimal makes it 14.0 ± 0.05, not 14 ± 0.5."""
    data = load(Entry(US / "U6RATE.csv", unit="Percent"))
    assert point(data, "fred.U6RATE", "2013-04") == (Decimal(14), Decimal("0.05"))


@needs_us
def test_payrolls_september_2021_gain_from_the_alfred_file() -> None:
    data = load(Entry(US / "PAYEMS.csv", unit="Thousands of Persons"))
    september, _ = point(data, "fred.PAYEMS", "2021-09")
    august, _ = point(data, "fred.PAYEMS", "2021-08")
    assert september - august == Decimal(466000)


@pytest.mark.parametrize("name, unit, metric, period, value, half", [
    ("A191RL1Q225SBEA.csv", "Percent Change from Preceding Period", "fred.A191RL1Q225SBEA", "2020-Q2", None, "0.05"),
    ("GFDEBTN.csv", "Millions of Dollars", "fred.GFDEBTN", "2008-Q4", "10699805000000", "500000"),
    ("FEDMINNFRWG.csv", "Dollars per Hour", "fred.FEDMINNFRWG", "2019-03", "7.25", "0.005"),
    ("CPIAUCSL.csv", "Index 1982-1984=100", "fred.CPIAUCSL", "2020-01", None, "0.0005"),
    ("CIVPART.csv", "Percent", "fred.CIVPART", "2020-01", None, "0.05"),
    ("MANEMP.csv", "Thousands of Persons", "fred.MANEMP", "2020-01", None, "500"),
    ("CE16OV.csv", "Thousands of Persons", "fred.CE16OV", "2020-01", None, "500"),
])
@needs_us
def test_every_shared_download_loads_unedited(name, unit, metric, period, value, half) -> None:
    data = load(Entry(US / name, unit=unit))
    found, width = point(data, metric, period)
    if value is not None:
        assert found == Decimal(value)
    assert width == Decimal(half)


@needs_us
def test_weekly_gas_prices_need_an_agg_for_a_month_and_the_message_says_weekly() -> None:
    data = load(Entry(US / "GASREGW.csv", unit="U.S. Dollars per Gallon"))
    with pytest.raises(LookupFailure, match="has weekly rows in 2008-07; say which with agg"):
        data.lookup("fred.GASREGW", parse_period("2008-07"))
    value, _ = point(data, "fred.GASREGW", "2008-07", "max")
    assert data.observations("fred.GASREGW")[0].unit == "USD/gallons"
    assert value > Decimal(4)


@needs_us
def test_a_year_of_a_monthly_series_needs_agg_and_names_monthly() -> None:
    data = load(Entry(US / "U6RATE.csv", unit="Percent"))
    with pytest.raises(LookupFailure, match="fred.U6RATE has monthly rows in 2013"):
        data.lookup("fred.U6RATE", parse_period("2013"))


EDGAR = US.parent / "edgar" / "CIK0001318605.companyfacts.json"
needs_edgar = pytest.mark.skipif(not EDGAR.is_file(), reason=f"shared Tesla companyfacts not found at {EDGAR}")


@needs_edgar
def test_a_year_the_filings_reach_only_in_part_is_unverifiable_and_names_what_they_hold(tmp_path: Path) -> None:
    """Tesla's companyfacts end with the 10-Q for 2022-Q3: "net income for 2022" has no figure there
    (the 10-K comes later), which is unverifiable, not an input error asking for an agg: no agg gives it."""
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "tesla.json").write_bytes(EDGAR.read_bytes())
    (tmp_path / "article.txt").write_text("Net income for 2022 was $12.6 billion. Net income in 2021 was $5.5 billion.\n")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\narticle: {file: article.txt, published: 2023-01-30, language: en}\nreference: [tesla.json]\n"
        "claims:\n"
        "  - {id: y2022, quote: Net income for 2022 was $12.6 billion., value: $12.6 billion,"
        " metric: cik1318605.NetIncomeLoss, period: 2022}\n"
        "  - {id: y2021, quote: Net income in 2021 was $5.5 billion., value: $5.5 billion,"
        " metric: cik1318605.NetIncomeLoss, period: 2021}\n")
    y2022, y2021 = check([tmp_path / "claims.yaml"]).results
    assert y2022.verdict == "unverifiable"
    assert y2022.explanation.startswith("no data for cik1318605.NetIncomeLoss over the whole of 2022: the rows "
                                        "inside it (2022-Q1, 2022-01..2022-06, 2022-01..2022-09, 2022-Q2, 2022-Q3) "
                                        "cover 2022-01-01..2022-09-30 only")
    assert y2021.verdict == "supported"


@needs_edgar
def test_nine_months_the_filings_do_hold_are_checked_and_a_length_they_never_publish_still_asks_for_an_agg() -> None:
    """Only a length the series publishes (years, quarters) is a figure a later filing may give; a half
    of 2021 is no row Tesla files, so the claim must say how its quarters combine."""
    data = load(EDGAR)
    value, _ = point(data, "cik1318605.Revenues", "2022-01..2022-09")
    assert value == Decimal("57144000000")
    with pytest.raises(LookupFailure, match="cik1318605.NetIncomeLoss has quarterly rows in 2021-H2; say which") as raised:
        data.lookup("cik1318605.NetIncomeLoss", parse_period("2021-H2"), None)
    assert not isinstance(raised.value, NoData)


@needs_us
def test_vintage_files_side_by_side() -> None:
    """Two downloads of the same series, dated by their entries (dates from the LICENSE-NOTE)."""
    old = Entry(US / "A191RL1Q225SBEA.vintage-2019.csv", unit="Percent", metric="fred.A191RL1Q225SBEA",
                vintage="2019-03-08")
    new = Entry(US / "A191RL1Q225SBEA.csv", unit="Percent", vintage="2025-05-24")
    data = load(old, new)
    then = data.lookup("fred.A191RL1Q225SBEA", parse_period("2018-Q3"), published=parse_period("2020-01-10").start)
    assert then.vintage.isoformat() == "2019-03-08"
    assert then.later is not None and then.later.vintage.isoformat() == "2025-05-24"


# ------------------------------------------------------------------------- frequency and coverage

def test_frequency_inferred_from_first_of_month_dates(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("DATE,GDPQ\n2022-01-01,1\n2022-04-01,2\n2022-07-01,3\n2022-10-01,4\n")
    data = load(Entry(path, unit="Billions of Dollars"))
    assert point(data, "fred.GDPQ", "2022-Q3") == (Decimal(3 * 10**9), Decimal(5 * 10**8))
    assert point(data, "fred.GDPQ", "2022", "sum")[0] == Decimal(10 * 10**9)


def test_declared_frequency_wins(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("DATE,ENDM\n2022-01-31,1\n2022-02-28,2\n")
    data = load(Entry(path, unit="Percent", frequency="monthly"))
    assert point(data, "fred.ENDM", "2022-02")[0] == Decimal(2)


def test_sum_over_three_of_four_quarters_is_unverifiable(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("DATE,REV\n2022-01-01,10\n2022-04-01,10\n2022-07-01,10\n")
    data = load(Entry(path, unit="Billions of Dollars"))
    with pytest.raises(NoData, match="data for 2022 end on 2022-09-30, so its sum over 2022 is unknown"):
        data.lookup("fred.REV", parse_period("2022"), "sum")
    for agg in ("max", "min", "any", "mean", "last"):
        with pytest.raises(NoData, match=f"data for 2022 end on 2022-09-30, so its {agg} over 2022 is unknown"):
            data.lookup("fred.REV", parse_period("2022"), agg)


def test_last_close_of_a_year_the_daily_data_stop_short_of(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    days = [f"2022-01-{day:02}" for day in range(3, 8)] + [f"2022-06-{day:02}" for day in range(27, 31)]
    path.write_text("# entity: x\n# unit: USD\n# source: test\ndate,close\n" + "".join(f"{day},95\n" for day in days))
    data = load(Entry(path))
    with pytest.raises(NoData, match="end on 2022-06-30"):
        data.lookup("x.close", parse_period("2022"), "last")
    assert point(data, "x.close", "2022-06", "last")[0] == Decimal(95)
    with pytest.raises(NoData, match="data for 2022-01 end on 2022-01-07"):
        data.lookup("x.close", parse_period("2022-01"), "mean")


# ------------------------------------------------------------------------- units with scale

@pytest.mark.parametrize("written, base, scale", [
    ("Thousands of Persons", "people", 10**3), ("Millions of Dollars", "USD", 10**6),
    ("Billions of Chained 2017 Dollars", "USD (chained 2017)", 10**9), ("thousand jobs", "people", 10**3),
    ("million USD", "USD", 10**6), ("천명", "people", 10**3), ("백만원", "KRW", 10**6), ("십억원", "KRW", 10**9),
    ("억원", "KRW", 10**8), ("조원", "KRW", 10**12), ("천달러", "USD", 10**3), ("Percent", "%", 1),
    ("Percent Change from Preceding Period", "%", 1), ("Index 1982-1984=100", "index (1982-1984=100)", 1),
    ("Index 2015 = 100", "index (2015=100)", 1), ("2020=100", "index (2020=100)", 1), ("Index", "index", 1),
    ("Constant 2012 Dollars", "USD (constant 2012)", 1), ("Chained 2017 Dollars per Hour", "USD (chained 2017)/hours", 1),
    ("U.S. Dollars per Gallon", "USD/gallons", 1), ("USD/shares", "USD/shares", 1), ("KRW/USD", "KRW/USD", 1),
    ("persons", "people", 1), ("employees", "people", 1), ("명", "people", 1), ("barrels", "barrels", 1),
    # the unit as FRED's page writes it, with the series' adjustment after a comma
    ("Percent Change from Preceding Period, Seasonally Adjusted Annual Rate", "%", 1),
    ("Thousands of Persons, Seasonally Adjusted", "people", 10**3),
    ("Dollars per Gallon, Not Seasonally Adjusted", "USD/gallons", 1),
])
def test_unit_scales(written: str, base: str, scale: int) -> None:
    assert read_unit(written) == units.Unit(base, Decimal(scale))


@pytest.mark.parametrize("written, word", [
    ("furlongs of persons", "furlongs"), ("thousand furlongs", "furlongs"), ("Millions of Widgets", "Widgets"),
    ("백만 파섹", "파섹"),
])
def test_unknown_unit_words_are_named(written: str, word: str) -> None:
    with pytest.raises(UnitError, match=f"unknown unit word '{word}'"):
        read_unit(written)


def test_no_table_entry_is_dropped() -> None:
    """Every word of every table reads as a unit, and every scale multiplies it."""
    tables = (units.MONEY, units.DIMENSIONLESS, units.DURATIONS, units.MORE_COUNTS, units.PHYSICAL, units.XBRL,
              units.EN_COUNTERS, units.KO_COUNTERS)
    for table in tables:
        for word in table:
            assert read_unit(word).scale == 1, word
            for scale_word, scale in units.EN_SCALES.items():
                assert read_unit(f"{scale_word}s of {word}") == units.Unit(read_unit(word).base, scale), word
    for prefix, scale in units.KO_SCALES.items():
        assert read_unit(prefix + "원") == units.Unit("KRW", scale)


def test_scaled_korean_file_checks_korean_claims(tmp_path: Path) -> None:
    path = tmp_path / "kr.csv"
    path.write_text("entity,metric,period,value,unit,source\n"
                    "kr,employed,2023,28416,천명,KOSIS\n"
                    "kr,exports,2023,632226,백만달러,MOTIE\n"
                    "kr,budget,2023,638.7,조원,MOEF\n")
    data = load(Entry(path))
    assert point(data, "kr.employed", "2023") == (Decimal(28416000), Decimal(500))
    assert point(data, "kr.exports", "2023") == (Decimal(632226 * 10**6), Decimal(5 * 10**5))
    assert point(data, "kr.budget", "2023") == (Decimal("638.7") * 10**12, Decimal("0.05") * 10**12)


def test_unknown_unit_in_a_long_csv_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("entity,metric,period,value,unit,source\n" +
                    "".join(f"x,m,{2000 + i},{i},thousand furlongs,src\n" for i in range(20)))
    data, errors = ReferenceData.load([Entry(path)])
    assert [error.message for error in errors] == ["x.m: unknown unit word 'furlongs' in 'thousand furlongs'"]
    assert data.metrics() == set()


def test_declared_precision(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("DATE,RATE\n2022-01-01,4\n2022-02-01,5\n")
    assert point(load(Entry(path, unit="Percent", precision="0.1")), "fred.RATE", "2022-01")[1] == Decimal("0.05")
    clear_cache()
    _, errors = ReferenceData.load([Entry(path, unit="Percent", precision="0.3")])
    assert "must be the published step" in errors[0].message


def test_duplicate_keys_in_reference_yaml_and_json_are_errors(tmp_path: Path) -> None:
    json_path = tmp_path / "d.json"
    json_path.write_text('{"rows": [{"entity": "a", "metric": "b", "period": "2022", "value": 1, '
                         '"value": 5000000, "unit": "USD", "source": "s"}]}')
    yaml_path = tmp_path / "d.yaml"
    yaml_path.write_text("source: s\nrows:\n  - {entity: a, metric: b, period: 2022, value: 1, unit: USD}\n"
                         "rows:\n  - {entity: a, metric: c, period: 2022, value: 2, unit: USD}\n")
    for path, line in ((json_path, 1), (yaml_path, 4)):
        _, errors = ReferenceData.load([Entry(path)])
        assert len(errors) == 1 and "duplicate key" in errors[0].message, path
        assert errors[0].location.line == line


# ------------------------------------------------------------------------- end to end

def korean_repository(root: Path, units_written: tuple[str, str, str]) -> Path:
    """A claim repository whose reference file states Korean figures with scale units."""
    (root / "claimcheck.yaml").write_text("")
    (root / "article.txt").write_text(
        "지난해 취업자 수는 2,840만 명을 넘었다. 국세 수입은 약 258조 9,000억 원으로 집계됐다. "
        "수출액은 28조 원을 웃돌았다.\n", encoding="utf-8")
    employed, tax, exports = units_written
    (root / "kr.csv").write_text(
        "# source: synthetic figures for claimcheck's tests (not real statistics)\n"
        "entity,metric,period,value,unit\n"
        f"kr,employed,2023,28416,{employed}\nkr,tax_revenue,2023,258900000,{tax}\nkr,exports,2023,28312,{exports}\n",
        encoding="utf-8")
    claims = root / "claims.yaml"
    claims.write_text("""version: 1
article: {file: article.txt, published: 2024-01-20, language: ko}
reference: [kr.csv]
claims:
  - {id: employed, quote: "2,840만 명을 넘었다", value: "2,840만 명을 넘었다", metric: kr.employed, period: 2023}
  - {id: tax, quote: "약 258조 9,000억 원", value: "약 258조 9,000억 원", metric: kr.tax_revenue, period: 2023}
  - {id: exports, quote: 28조 원을 웃돌았다, value: 28조 원을 웃돌았다, metric: kr.exports, period: 2023}
""", encoding="utf-8")
    return claims


def test_korean_scale_units_give_the_verdicts_worked_by_hand(tmp_path: Path) -> None:
    """28,416 천명 = 28,416,000 > 2,840만; 258,900,000 백만원 = 258.9조; 28,312 십억원 = 28.312조 > 28조."""
    from checker import check

    report = check([korean_repository(tmp_path, ("천명", "백만원", "십억원"))])
    assert {r.id: r.verdict for r in report.results} == {"employed": "supported", "tax": "supported",
                                                        "exports": "supported"}


def test_the_same_figures_without_their_scale_are_refuted(tmp_path: Path) -> None:
    """The silent failure this guards against: a dropped scale word turns true claims false."""
    from checker import check

    report = check([korean_repository(tmp_path, ("명", "원", "원"))])
    assert {r.id: r.verdict for r in report.results} == {"employed": "refuted", "tax": "refuted",
                                                        "exports": "refuted"}


@pytest.mark.parametrize("key, value, message", [
    ("vintage", "2024-13-01", "vintage '2024-13-01' must be a day (YYYY-MM-DD)"),
    ("frequency", "fortnightly", "frequency: unknown frequency 'fortnightly'"),
    ("precision", "0.25", "precision '0.25' must be the published step"),
])
def test_bad_entry_values_are_one_error_each(tmp_path: Path, key: str, value: str, message: str) -> None:
    path = tmp_path / "PAYEMS.csv"
    path.write_text("DATE,PAYEMS\n2021-08-01,147246\n2021-09-01,147712\n")
    _, errors = ReferenceData.load([Entry(path, unit="Thousands of Persons", **{key: value})])
    assert len(errors) == 1 and errors[0].message.startswith(message)
    assert (errors[0].location.line, errors[0].location.column) == (1, 1)


def test_json_escapes_of_characters_beyond_the_bmp_are_read(tmp_path: Path) -> None:
    """json.dumps writes 😀 as a surrogate pair escape; JSON allows it, YAML's reader would not."""
    path = tmp_path / "r.json"
    path.write_text('{"source": "s \\ud83d\\ude00", "rows": [{"entity": "x", "metric": "m", "period": "2022", '
                    '"value": 1, "unit": "USD", "note": "\\\\ud83d literal backslash"}]}')
    data = load(Entry(path))
    [row] = data.observations("x.m")
    assert row.source == "s \U0001F600" and row.notes["note"] == "\\ud83d literal backslash"


def test_entry_keys_written_as_numbers_and_kosis_index_units(tmp_path: Path) -> None:
    """``precision: 0.1`` unquoted in a claim file reaches the loader as a number; KOSIS writes ``2020=100``."""
    from checker import check

    (tmp_path / "claimcheck.yaml").write_text("")
    (tmp_path / "a.txt").write_text("The index stood at 105.0.\n")
    (tmp_path / "cpi.csv").write_text("DATE,CPI\n2023-01-01,105\n2023-02-01,106\n")
    (tmp_path / "c.yaml").write_text(
        "version: 1\narticle: {file: a.txt, published: 2023-03-10, language: en}\n"
        "reference: [{file: cpi.csv, unit: 2020=100, precision: 0.1}]\n"
        "claims:\n  - {id: cpi, quote: stood at 105.0, value: '105.0', metric: fred.CPI, period: 2023-01}\n")
    [result] = check([tmp_path / "c.yaml"]).results
    assert result.verdict == "supported" and "[104.95, 105.05]" in result.explanation


def test_month_start_dates_outside_fred_stay_days_but_are_held_to_coverage(tmp_path: Path) -> None:
    """Only FRED says a first-of-month date is the month; elsewhere such rows stay days, "monthly-dated",
    and a year's last value over data that stop in September is unknown, not September's figure."""
    path = tmp_path / "jobs.csv"
    header = "# entity: us\n# unit: Thousands of Persons\n# source: test\ndate,payrolls\n"
    path.write_text(header + "2021-07-01,147000\n2021-08-01,147246\n2021-09-01,147712\n")
    data = load(Entry(path))
    assert data.observations("us.payrolls")[0].period.label == "2021-07-01"
    with pytest.raises(NoData, match="data for 2021 end on 2021-09-01"):
        data.lookup("us.payrolls", parse_period("2021"), "last")
    clear_cache()
    path.write_text(header + "".join(f"2021-{month:02}-01,{147000 + month}\n" for month in range(1, 13)))
    assert point(load(Entry(path)), "us.payrolls", "2021", "last")[0] == Decimal(147012000)

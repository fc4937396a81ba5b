"""The relation ``extreme``: records, "N년 만에 최저", "the highest since 2008", and their rank words.

Records need the series from its start (``since:`` / ``complete: true`` on the reference entry, or a
FRED answer holding the whole series); a figure equal to an earlier extreme matches it. The real
FRED U-6 download and an ECOS answer (../shared/reference-data) are read unedited.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checker import check
from checker.reference import ReferenceData, clear_cache
from checker.reference.entry import Entry
from checker.evaluation import relations
from checker.quantities.predicates import read_rank

#: The issue's series: 2023 is the lowest in three years; 2022 is not the highest in two.
GROWTH = {"2020": "-0.7", "2021": "4.3", "2022": "2.6", "2023": "1.4"}
MONTHLY = {"2023-01": "5", "2023-02": "3", "2023-03": "4", "2023-04": "2", "2023-05": "2.5"}
#: The whole series, as the entry says: what a record claim needs.
COMPLETE = "{file: reference.csv, complete: true}"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference-data"
U6RATE = SHARED / "us" / "U6RATE.csv"
ECOS_VOLUME = SHARED / "ecos" / "import_amount2.json"
needs_u6 = pytest.mark.skipif(not U6RATE.is_file(), reason=f"shared FRED download not found at {U6RATE}")
needs_ecos = pytest.mark.skipif(not ECOS_VOLUME.is_file(), reason=f"shared ECOS answer not found at {ECOS_VOLUME}")


# The rank sentences are tested in English (language="en") though the fixtures' article is Korean;
# test_korean_reports checks them in Korean.
def repository(tmp_path: Path, claims: str, rows: dict[str, str], extra: str = "", entry: str = "reference.csv") -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text("기사.\n", encoding="utf-8")
    lines = "".join(f"kr,series,{period},{value},%,https://example.org/{period},\n" for period, value in rows.items())
    (tmp_path / "reference.csv").write_text("entity,metric,period,value,unit,source,vintage\n" + lines + extra,
                                            encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\narticle: {file: article.txt, published: 2024-02-19, language: ko}\n"
                    f"reference: [{entry}]\nclaims:\n" + claims, encoding="utf-8")
    return path


def ranked(tmp_path: Path, value: str, period: str, rows: dict[str, str] = GROWTH, extra: str = "",
           agg: str = "", entry: str = "reference.csv"):
    lookup = f"{{metric: kr.series, period: '{period}'{', agg: ' + agg if agg else ''}}}"
    report = check([repository(tmp_path, f"  - {{id: r, value: '{value}', relation: extreme, of: [{lookup}]}}\n",
                               rows, extra, entry)], language="en")
    assert not report.errors, report.errors
    return report.results[0]


@pytest.mark.parametrize("value, period, verdict, says", [
    ("3년 만에 최저", "2023", "supported", "2020 (-0.7), 3 years back, was the last row as low"),
    ("lowest in three years", "2023", "supported", "the streak ends 3 years back"),
    ("a three-year low", "2023", "supported", "the streak ends 3 years back"),
    ("2년 만에 최고", "2022", "refuted", "2021 (4.3), 1 year back, was the last row as high"),
    ("the highest in two years", "2022", "refuted", "a streak shorter than 2 years"),
    ("2년 만에 최저", "2023", "imprecise", "a streak longer than 2 years"),
    ("역대 최고치", "2022", "refuted", "2021 (4.3) was as high or higher: no record"),
    ("the lowest on record", "2020", "unverifiable", "no row before 2020"),
    ("the highest since 2021", "2022", "supported", "the highest since 2021 (4.3)"),
    ("2020년 이후 최고", "2022", "refuted", "2021 (4.3) was as high or higher, after 2020"),
    ("the lowest since 2021", "2023", "imprecise", "longer than since 2021"),
    ("the highest since 2019", "2021", "unverifiable", "the series starts in 2020, after 2019"),
    ("10년 만에 최고", "2021", "unverifiable", "less than 10 years back"),
    ("5년 만에 최저", "2020", "unverifiable", "the series starts in 2020, less than 5 years back"),
])
def test_rank_over_the_yearly_series(tmp_path: Path, value: str, period: str, verdict: str, says: str) -> None:
    result = ranked(tmp_path, value, period)
    assert (result.verdict, result.check) == (verdict, "reference"), result.explanation
    assert says in result.explanation


def test_a_span_in_months_must_match_exactly(tmp_path: Path) -> None:
    assert ranked(tmp_path, "3개월 만에 최저", "2023-04", MONTHLY).verdict == "imprecise"  # never this low
    result = ranked(tmp_path, "3개월 만에 최고", "2023-03", MONTHLY)
    assert (result.verdict, "2023-01 (5), 2 months back" in result.explanation) == ("refuted", True)
    assert ranked(tmp_path, "2개월 만에 최고", "2023-03", MONTHLY).verdict == "supported"


def test_evidence_names_the_rows_and_sources(tmp_path: Path) -> None:
    result = ranked(tmp_path, "2년 만에 최고", "2022")
    assert result.sources == ("https://example.org/2022", "https://example.org/2021", "https://example.org/2020")
    assert result.actual["value"] == Decimal("2.6")
    assert any(step.startswith("kr.series 2021 = 4.3") for step in result.steps)


def test_earlier_rows_are_taken_at_the_vintage_the_writer_knew(tmp_path: Path) -> None:
    """2021 was first published as 4.3 and revised to 1.0 after the article: 2022 was no record then."""
    rows = {"2020": "-0.7", "2022": "2.6"}
    extra = ("kr,series,2021,4.3,%,https://example.org/first,2022-01-25\n"
             "kr,series,2021,1.0,%,https://example.org/revised,2024-06-01\n")
    assert ranked(tmp_path, "사상 최대", "2022", rows, extra).verdict == "refuted"


def test_an_aggregate_over_several_rows_cannot_be_ranked(tmp_path: Path) -> None:
    result = ranked(tmp_path, "사상 최대", "2020..2021", agg="mean")
    assert result.verdict == "error"
    assert "extreme ranks one row" in result.explanation


def test_a_min_aggregate_ranks_its_row(tmp_path: Path) -> None:
    whole_year = {**MONTHLY, **{f"2023-{month:02}": "3" for month in range(6, 13)}}
    result = ranked(tmp_path, "사상 최저", "2023", whole_year, agg="min", entry=COMPLETE)
    assert (result.verdict, result.actual["value"]) == ("supported", Decimal(2))
    assert "kr.series 2023-04 = 2 %" in result.explanation


def test_a_min_aggregate_over_a_year_the_rows_stop_short_of_is_unverifiable(tmp_path: Path) -> None:
    result = ranked(tmp_path, "사상 최저", "2023", MONTHLY, agg="min")
    assert result.verdict == "unverifiable" and "data for 2023 end on 2023-05-31" in result.explanation


def test_words_that_are_no_rank_are_an_error_at_the_value(tmp_path: Path) -> None:
    path = repository(tmp_path, "  - {id: r, value: 3.6%, relation: extreme, of: [{metric: kr.series, period: '2023'}]}\n",
                      GROWTH)
    result = check([path], language="en").results[0]
    assert result.verdict == "error"
    assert "cannot read '3.6%' as a rank" in result.explanation


# --------------------------------------------------------------------------- a record needs the whole series

@pytest.mark.parametrize("entry, verdict, says", [
    ("reference.csv", "unverifiable", "no earlier row is as high, but a record needs the whole series: the data start "
     "2020; the series' start is unknown (set complete: true or since: on the reference entry)."),
    (COMPLETE, "supported", "no earlier row is as high: a record since the series began in 2020 (complete: true)."),
    ("{file: reference.csv, since: 2020}", "supported", "a record since the series began in 2020 (since: 2020)"),
    ("{file: reference.csv, since: 2020-01-01}", "supported", "(since: 2020-01-01)"),
    ("{file: reference.csv, since: 2015-01-01}", "unverifiable",
     "the data start 2020; the series began 2015-01-01 (since: 2015-01-01)."),
])
def test_a_record_needs_the_series_from_its_start(tmp_path: Path, entry: str, verdict: str, says: str) -> None:
    result = ranked(tmp_path, "사상 최대", "2021", entry=entry)
    assert (result.verdict, result.check) == (verdict, "reference"), result.explanation
    assert says in result.explanation


def test_a_record_beaten_or_equalled_is_refuted_whatever_the_start(tmp_path: Path) -> None:
    """Incomplete data can still refute a record, and equalling one is no record; the evidence names the start."""
    unknown = "kr.series: the series' start is unknown (no complete: or since: on its reference entry)"
    beaten = ranked(tmp_path, "역대 최고치", "2022")
    assert (beaten.verdict, unknown in beaten.steps) == ("refuted", True)
    equalled = ranked(tmp_path, "역대 최저", "2023-04", {**MONTHLY, "2023-02": "2"})
    assert (equalled.verdict, unknown in equalled.steps) == ("refuted", True)
    assert "2023-02 (2) was as low or lower: no record" in equalled.explanation


def test_the_evidence_says_where_the_series_began(tmp_path: Path) -> None:
    assert "kr.series began 2020-01-01 (complete: true)" in ranked(tmp_path, "record high", "2021", entry=COMPLETE).steps
    assert not any("start" in step or "began" in step for step in ranked(tmp_path, "3년 만에 최저", "2023").steps)


def test_a_csv_may_say_where_its_series_began(tmp_path: Path) -> None:
    path = repository(tmp_path, "  - {id: r, value: record high, relation: extreme, of: [{metric: kr.series, period: '2021'}]}\n",
                      GROWTH)
    reference = tmp_path / "reference.csv"
    reference.write_text("# since: 2020\n" + reference.read_text(encoding="utf-8"), encoding="utf-8")
    result = check([path], language="en").results[0]
    assert (result.verdict, "(since: 2020)" in result.explanation) == ("supported", True), result.explanation


@pytest.mark.parametrize("entry, error", [
    ("{file: reference.csv, complete: 'yes'}", "claims.yaml:3:45: reference key 'complete' should be true or false"),
    ("{file: reference.csv, since: 2021}", "since: 2021 says the series began then, but kr.series has a row from "
     "2020-01-01: a series cannot begin after its first row"),
    ("{file: reference.csv, since: 2020..2021}", "since '2020..2021' must be one date"),
    ("{file: reference.csv, since: soon}", "since: "),
    ("{file: reference.csv, since: 2020, complete: true}", "give since: (the day the series began) or complete: true, "
     "not both"),
])
def test_a_start_the_data_contradict_or_that_cannot_be_read_is_an_error(tmp_path: Path, entry: str, error: str) -> None:
    claim = "  - {id: r, value: record high, relation: extreme, of: [{metric: kr.series, period: '2021'}]}\n"
    report = check([repository(tmp_path, claim, GROWTH, entry=entry)], language="en")
    assert any(error in str(problem) for problem in report.errors), [str(problem) for problem in report.errors]
    assert all(result.verdict != "supported" for result in report.results)  # the start stays unknown


@needs_ecos
def test_a_record_on_three_months_of_ecos_is_unverifiable(tmp_path: Path) -> None:
    """The issue's case: a real ECOS answer of 2022-04..06; May's import volume was called "역대 최고치"."""
    (tmp_path / "volume.json").write_bytes(ECOS_VOLUME.read_bytes())
    path = repository(tmp_path, "  - {id: r, value: 역대 최고치, relation: extreme, "
                                "of: [{metric: ecos.403Y004.3AA, period: 2022-05}]}\n", {}, entry="volume.json")
    report = check([path], language="en")
    result = report.results[0]
    assert result.verdict == "unverifiable", result.explanation
    assert ("ecos.403Y004.3AA (수입물량지수 · 공산품) 2022-05 = 140.98" in result.explanation
            and "the data start 2022-04; the series' start is unknown" in result.explanation)


# --------------------------------------------------------------------------- ties match the earlier extreme

TIED = {"2022-12": "1", "2023-01": "5", "2023-02": "2", "2023-03": "4", "2023-04": "2"}


@pytest.mark.parametrize("value, verdict, says", [
    ("4개월 만에 최저", "supported", "it matches 2023-02 (2), 2 months back; 2022-12 (1), 4 months back, was the last "
     "row lower: the lowest in 4 months, as the words say."),
    ("2개월 만에 최저", "supported", "the lowest in 2 months"),
    ("the lowest in three months", "supported", "the lowest in 3 months"),
    ("5개월 만에 최저", "refuted", "2022-12 (1), 4 months back, was the last row lower: a streak shorter than 5 months"),
])
def test_a_figure_equal_to_the_earlier_extreme_matches_it(tmp_path: Path, value: str, verdict: str, says: str) -> None:
    result = ranked(tmp_path, value, "2023-04", TIED)
    assert result.verdict == verdict, result.explanation
    assert says in result.explanation


@needs_u6
@pytest.mark.parametrize("value, verdict, says", [
    ("the lowest since 2000", "supported", "it matches 2019-07 (6.9); the last row lower was 2000-10 (6.8)"),
    ("a 19-year low", "supported", "2000-10 (6.8), 18 years 11 months back, was the last row lower: the lowest in "
     "19 years, as the words say."),
    ("19년 만에 최저", "supported", "the lowest in 19 years"),
    ("the lowest since 1998", "refuted", "but 2000-10 (6.8) was lower, after 1998."),
    ("a 21-year low", "refuted", "2000-10 (6.8), 18 years 11 months back, was the last row lower: a streak shorter "
     "than 21 years"),
])
def test_ties_on_the_real_u6_rate(tmp_path: Path, value: str, verdict: str, says: str) -> None:
    """FRED U6RATE (late-2023 download): September 2019 was 6.9, as July 2019; the last lower month was 2000-10."""
    (tmp_path / "U6RATE.csv").write_bytes(U6RATE.read_bytes())
    path = repository(tmp_path, f"  - {{id: r, value: '{value}', relation: extreme, "
                                f"of: [{{metric: fred.U6RATE, period: 2019-09}}]}}\n", {},
                      entry="{file: U6RATE.csv, unit: Percent}")
    result = check([path], language="en").results[0]
    assert result.verdict == verdict, result.explanation
    assert says in result.explanation


@needs_u6
def test_a_record_on_the_real_u6_rate_needs_its_start(tmp_path: Path) -> None:
    """U-6 begins in January 1994 (BLS), the download's first row; only the entry can say the download is whole."""
    (tmp_path / "U6RATE.csv").write_bytes(U6RATE.read_bytes())
    claim = "  - {id: r, value: a record high, relation: extreme, of: [{metric: fred.U6RATE, period: 2020-04}]}\n"
    graph = check([repository(tmp_path, claim, {}, entry="{file: U6RATE.csv, unit: Percent}")],
                  language="en").results[0]
    assert graph.verdict == "unverifiable"
    assert "the data start 1994-01; the series' start is unknown" in graph.explanation
    dated = check([repository(tmp_path, claim, {}, entry="{file: U6RATE.csv, unit: Percent, since: 1994-01-01}")],
                  language="en")
    assert dated.results[0].verdict == "supported"
    assert "a record since the series began in 1994-01 (since: 1994-01-01)" in dated.results[0].explanation


def fred_answer(observation_start: str, count: int) -> str:
    """A ``fred/series/observations`` answer as the API sends it (file_type=json)."""
    days = ["2019-01-01", "2020-01-01", "2021-01-01"]
    rows = ",".join(f'{{"realtime_start":"2024-01-02","realtime_end":"2024-01-02","date":"{day}","value":"{value}"}}'
                    for day, value in zip(days, ("1.0", "0.5", "2.5")))
    return ('{"realtime_start":"2024-01-02","realtime_end":"2024-01-02",'
            f'"observation_start":"{observation_start}","observation_end":"9999-12-31","units":"lin",'
            '"output_type":1,"file_type":"json","order_by":"observation_date","sort_order":"asc",'
            f'"count":{count},"offset":0,"limit":100000,"observations":[{rows}]}}')


@pytest.mark.parametrize("observation_start, count, start", [
    ("1776-07-04", 3, "2019-01-01"),      # FRED's default: the earliest available, all of it
    ("1600-01-01", 3, "2019-01-01"),
    ("2019-01-01", 3, None),              # a window: earlier observations may exist
    ("1776-07-04", 5, None),              # one page of more
])
def test_a_fred_answer_of_the_whole_series_knows_its_start(tmp_path: Path, observation_start: str, count: int,
                                                           start: str | None) -> None:
    clear_cache()
    path = tmp_path / "series.json"
    path.write_text(fred_answer(observation_start, count), encoding="utf-8")
    data, errors = ReferenceData.load([Entry(path, unit="Percent", metric="GROWTH")])
    assert [str(error) for error in errors] == []
    found = data.series_start("fred.GROWTH")
    assert (found.day.isoformat() if found else None) == start
    if found:
        assert found.basis == f"FRED observation_start {observation_start}"


def test_extreme_is_registered_with_one_operand() -> None:
    assert relations.get("extreme").ARITY == (1, 1)


@pytest.mark.parametrize("text, extreme, window, months, since", [
    ("사상 최대", "max", "record", None, None),
    ("역대 최저치", "min", "record", None, None),
    ("사상 최소", "min", "record", None, None),
    ("3년 만에 최저", "min", "span", 36, None),
    ("10년 만에 최고", "max", "span", 120, None),
    ("3년 만에 최저치로 떨어졌다", "min", "span", 36, None),
    ("사상 최대를 기록했다", "max", "record", None, None),
    ("2008년 이후 최고", "max", "since", None, 2008),
    ("record high", "max", "record", None, None),
    ("an all-time low", "min", "record", None, None),
    ("the lowest on record", "min", "record", None, None),
    ("the biggest ever", "max", "record", None, None),
    ("the highest since 2008", "max", "since", None, 2008),
    ("the smallest since 2019", "min", "since", None, 2019),
    ("lowest in three years", "min", "span", 36, None),
    ("the largest in 18 months", "max", "span", 18, None),
    ("a 10-year high", "max", "span", 120, None),
])
def test_rank_words(text: str, extreme: str, window: str, months: int | None, since: int | None) -> None:
    rank = read_rank(text)
    assert (rank.extreme, rank.window, rank.months, rank.since) == (extreme, window, months, since)


@pytest.mark.parametrize("text", ["3.6%", "최대", "사상", "3.5년 만에 최저", "highest", "the highest in a while"])
def test_not_rank_words(text: str) -> None:
    assert read_rank(text) is None

"""Drafts that link themselves to reference data as providers publish it (issue 21, item 5).

Real provider files from ../shared (FRED graph CSVs, EDGAR companyfacts, ECOS), read in
place and skipped when absent; no test reaches the internet.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from checker import check
from checker.cli import main
from checker.extraction import extract
from checker.extraction.events import term_under
from checker.extraction.metrics import Alias, named_in, nearest_metrics
from checker.quantities.model import Kind, Quantity

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference-data"
U6RATE = SHARED / "us" / "U6RATE.csv"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/reference-data is absent")


def _article(folder: Path, text: str) -> Path:
    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    return path


@needs_shared
def test_a_fred_graph_csv_without_unit_names_the_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _article(tmp_path, "The U-6 unemployment rate rose to 7.2% in March 2022.\n")
    assert main(["extract", str(article), "--reference", str(U6RATE)]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"{U6RATE}:2:12: fred.U6RATE has no unit")
    assert f"--unit {U6RATE}=UNIT" in errors[0]


@needs_shared
def test_unit_flag_reads_the_file_and_the_draft_keeps_the_unit(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    article = _article(tmp_path, "The U-6 unemployment rate rose to 7.2% in March 2022.\n")
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "--published", "2022-04-10", "--reference", str(U6RATE),
                 "--unit", f"{U6RATE}=Percent", "-o", str(draft)]) == 0
    assert capsys.readouterr().err == ""
    (entry,) = yaml.safe_load(draft.read_text(encoding="utf-8"))["reference"]
    assert entry["unit"] == "Percent" and entry["file"].endswith("U6RATE.csv")
    assert main(["check", str(draft)]) == 0


def test_unit_for_a_file_that_is_no_reference_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _article(tmp_path, "Up 3%.\n")
    assert main(["extract", str(article), "--unit", "other.csv=Percent"]) == 2
    assert capsys.readouterr().err == "other.csv:1:1: --unit other.csv=Percent: other.csv is not one of the --reference files\n"


# --- names from the provider, as whole words -----------------------------------------

EDGAR = SHARED / "edgar" / "CIK0001318605.companyfacts.json"
ECOS = [SHARED / "ecos" / "import_amount2.json", SHARED / "ecos" / "import_cost2.json"]


def _drafted(tmp_path: Path, text: str, published: str, references: list[Path], language: str,
             *units: str, titles: tuple[str, ...] | list[str] = ()) -> list[dict]:
    article = _article(tmp_path, text)
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "--published", published, "--lang", language, "-o", str(draft),
                 "--force", "--reference", *map(str, references), *(f"--unit={unit}" for unit in units),
                 *(f"--title={title}" for title in titles)]) == 0
    return yaml.safe_load(draft.read_text(encoding="utf-8"))["claims"]


def _comments(tmp_path: Path) -> str:
    return (tmp_path / "draft.yaml").read_text(encoding="utf-8")


@needs_shared
def test_edgar_labels_link_a_company_the_article_names(tmp_path: Path) -> None:
    """The companyfacts ``label`` (Net Income (Loss) Attributable to Parent) is the name; the
    draft checks as supported."""
    claims = _drafted(tmp_path, "Tesla reported net income of $5.5 billion for 2021, and revenues of "
                                "$53.8 billion in 2021.\n", "2022-02-10", [EDGAR], "en")
    assert [(c["metric"], c["period"]) for c in claims] == [
        ("cik1318605.NetIncomeLoss", "2021"), ("cik1318605.Revenues", "2021")]
    assert main(["check", str(tmp_path / "draft.yaml")]) == 0


@needs_shared
def test_edgar_figures_of_an_unnamed_company_stay_unlinked(tmp_path: Path) -> None:
    claims = _drafted(tmp_path, "Nokia reported net income of $5.5 billion for 2021.\n", "2022-02-10", [EDGAR], "en")
    assert "metric" not in claims[0] and "cik1318605" not in _comments(tmp_path)  # not even as a suggestion


@needs_shared
def test_a_percent_level_or_share_is_never_suggested_a_money_metric(tmp_path: Path) -> None:
    """Tesla's companyfacts: "gross margin was 25.6%" and "88% of revenue" were each suggested
    cik1318605.Revenues (USD), which check can only refuse as a unit mismatch; "rose 51%" states a
    change of revenue, so it keeps the metric its change is drafted on."""
    claims = _drafted(tmp_path, "Tesla's gross margin was 25.6% in 2022, while revenues rose 51% to $81.5 billion.\n"
                                "Its automotive sales were $71.5 billion, 88% of revenues.\n", "2023-02-01", [EDGAR], "en")
    comments = {line.split("value: ")[1].split("  #")[0]: line for line in _comments(tmp_path).splitlines()
                if "value: " in line}
    assert "cik1318605" not in comments["25.6%"] and "cik1318605" not in comments["88%"]
    assert "suggested: metric: cik1318605.Revenues, period: 2022" in comments["rose 51%"]
    assert [c["id"] for c in claims] == ["percent-25.6", "percent-51", "money-usd-81500000000",
                                         "money-usd-71500000000", "percent-88"]


def test_money_and_counts_are_suggested_only_metrics_of_their_unit() -> None:
    """A suggestion check would refuse as a unit mismatch is no suggestion: dollars are not won, people
    are not an index; dollars may be a price per gallon, which check reads per one gallon."""
    names = [Alias("kr.exports", "exports", "KRW"), Alias("kr.exports", "수출", "KRW"),
             Alias("ecos.index", "imports", "지수(2015=100)"), Alias("us.gas", "gas price", "USD/gallons")]
    for text, expected in (("exports reached $5 billion", []), ("수출은 5조 원이었다", ["kr.exports"]),
                           ("imports employ 300 people", []), ("the gas price was $3.10", ["us.gas"])):
        quantity = next(f.quantity for f in extract(text).quantities)
        assert nearest_metrics(text, quantity, (0, len(text)), names) == expected, text


@needs_shared
def test_ecos_items_name_their_series_not_the_total(tmp_path: Path) -> None:
    """수입물량지수 · 곡류 is written 곡류 수입물량지수: that item, not the 총지수 whose name it contains."""
    claims = _drafted(tmp_path, "4월 곡류 수입물량지수는 60.83을 기록했다. 총 수입물량지수는 121.51이었다.\n",
                      "2022-05-20", ECOS, "ko")
    assert [(c.get("metric"), c.get("period")) for c in claims] == [
        ("ecos.403Y004.101111AA", "2022-04"), ("ecos.403Y004.*AA", "2022-04")]


@needs_shared
def test_two_series_of_one_name_are_rivals_named_in_a_comment(tmp_path: Path) -> None:
    """ECOS publishes two items called 임산물 (10131AA, 1013AA): the draft links neither."""
    claims = _drafted(tmp_path, "4월 임산물 수입금액지수는 100을 기록했다.\n", "2022-05-20", ECOS, "ko")
    assert "metric" not in claims[0]
    assert "the words name ecos.403Y003.10131AA and ecos.403Y003.1013AA alike" in _comments(tmp_path)


def test_a_korean_compound_is_not_the_word_inside_it() -> None:
    """확장실업률 is not 실업률, whose name it ends with; 실업률은 is 실업률 with a particle. Korean writes
    a compound apart or run together: 체감 실업률 and 확장 실업률 were suggested as 실업률, a wrong hint
    (the extended rate, 고용보조지표3, runs two to three times the official one); 청년 실업률 is 실업률 of an age."""
    names = [Alias("kosis.unemployment", "실업률", "%")]
    for text, expected in (("확장실업률은 8.1%였다", []), ("실업률은 3.1%였다", ["kosis.unemployment"]),
                           ("체감 실업률이 8.1%", []), ("확장 실업률은 8.1%였다", []), ("고용보조지표3 실업률은 8.1%", []),
                           ("청년 실업률은 8.1%", ["kosis.unemployment"])):
        quantity = _percent(text)
        assert nearest_metrics(text, quantity, (0, len(text)), names) == expected, text


def test_a_korean_compound_is_its_words_with_or_without_spaces() -> None:
    names = [Alias("kosis.participation", "경제활동 참가율", "%")]
    for text in ("경제활동참가율은 64.2%였다", "경제활동 참가율은 64.2%였다"):
        assert nearest_metrics(text, _percent(text), (0, len(text)), names) == ["kosis.participation"], text
    text = "청년경제활동참가율은 64.2%였다"
    assert nearest_metrics(text, _percent(text), (0, len(text)), names) == []


def test_english_names_match_whole_words_up_to_a_plural() -> None:
    names = [Alias("us.rate", "unemployment rate", "%")]
    for text, expected in (("the unemployment rates hit 3.5%", ["us.rate"]), ("the Unemployment Rate hit 3.5%", ["us.rate"]),
                           ("the underemployment rate hit 3.5%", [])):
        assert nearest_metrics(text, _percent(text), (0, len(text)), names) == expected, text


@pytest.mark.parametrize("text, expected", [
    ("participation in the labor force was 62.5%", ["us.participation"]),
    ("growth in GDP was 3.2%", ["us.growth"]),
    ("the labor force participation rate was 62.5%", ["us.participation"]),
    ("the growth of the labor force was 1.2%", []),   # "labor force growth" is no name listed
    # past the words right after a percent, a name is another figure's: the what-if's rate, not this one
    ("would have been 10.9 percent if the labor force participation rate had stayed", []),
])
def test_an_english_name_is_also_its_last_word_with_the_others_after_in_or_of(text: str, expected: list[str]) -> None:
    names = [Alias("us.participation", "labor force participation", "%"), Alias("us.growth", "GDP growth", "%")]
    assert nearest_metrics(text, _percent(text), (0, len(text)), names) == expected


@pytest.mark.parametrize("text, expected", [
    ("The broadest measure fell to 8.3% in October, a rate known as U-6, down from 8.5%.", ["us.u6"]),
    ("The broader jobless rate was 8.3% in October 2021, the measure called U-6.", ["us.u6"]),
    # a clause of its own names its own figure: the headline rate is not U-6
    ("The jobless rate fell to 4.6% in October, and a broader measure known as U-6 fell to 8.3%.", []),
    ("Unemployment fell to 4.6%, a rate that is known as U-6.", []),
    ("Unemployment fell to 4.6% as the measure known as U-6 fell.", []),
])
def test_a_name_set_off_after_a_figure_names_it(text: str, expected: list[str]) -> None:
    """Issue 21 item 5: "fell to 8.3% in October ... known as U-6, down from 8.5%" named only the second figure."""
    names = [Alias("us.u6", "U-6", "%")]
    assert nearest_metrics(text, _percent(text), (0, len(text)), names) == expected


def test_a_counts_noun_starts_a_name_that_may_run_past_the_words_after_it() -> None:
    """liar2 valid.csv id 4587: "has added 2.8 million jobs in the private sector"; a number with no noun
    of its own reaches no further: "135,000, and jobs in the private sector" is not a count of those jobs."""
    names = [Alias("us.private", "private-sector jobs", "people")]
    for text, expected in (("The economy has added 2.8 million jobs in the private sector since then.", ["us.private"]),
                           ("The state added 135,000, and jobs in the private sector rose.", [])):
        quantity = next(f.quantity for f in extract(text, "en").quantities if f.quantity.kind in (Kind.COUNT, Kind.NUMBER))
        assert nearest_metrics(text, quantity, (0, len(text)), names) == expected, text


def _percent(text: str) -> Quantity:
    found = extract(text).quantities
    return next(f.quantity for f in found if f.quantity.kind is Kind.PERCENT)


# --- a place the series is not about ----------------------------------------------------

LIAR2 = Path(__file__).resolve().parents[2] / "shared" / "peer-corpora" / "liar2" / "valid.csv"
PAYEMS = SHARED / "us" / "PAYEMS.csv"
THOUSANDS = f"{PAYEMS}=Thousands of Persons"


def _payrolls(tmp_path: Path) -> Path:
    names = tmp_path / "names.yaml"
    names.write_text("aliases:\n  fred.PAYEMS: [nonfarm payroll]\n", encoding="utf-8")
    return names


@needs_shared
@pytest.mark.skipif(not LIAR2.is_file(), reason="../shared liar2 is absent")
def test_a_states_figure_is_not_the_nations(tmp_path: Path) -> None:
    """PolitiFact's justification of liar2 valid.csv id 11169: California's payroll jobs in January 2011."""
    import csv
    with LIAR2.open(encoding="utf-8", newline="") as stream:
        row = next(row for row in csv.DictReader(stream) if row["id"] == "11169")
    claims = _drafted(tmp_path, row["justification"], "2016-01-21", [PAYEMS, _payrolls(tmp_path)], "en", THOUSANDS)
    payroll = next(c for c in claims if str(c["value"]).startswith("about 14.3 million"))
    assert "metric" not in payroll
    nation = _drafted(tmp_path, "The nation had about 130.1 million nonfarm payroll jobs in January 2011.\n",
                      "2016-01-21", [PAYEMS, _payrolls(tmp_path)], "en", THOUSANDS)
    assert (nation[0]["metric"], nation[0]["period"]) == ("fred.PAYEMS", "2011-01")


# --- changes against the period before ------------------------------------------------------

def _checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    main(["check", str(tmp_path / "draft.yaml")])
    return capsys.readouterr().out


@needs_shared
def test_rose_x_percent_to_y_is_a_change_against_the_year_before(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    claims = _drafted(tmp_path, "Tesla's revenues rose 71% to $53.8 billion in 2021.\n", "2022-02-10", [EDGAR], "en")
    assert claims[0]["relation"] == "change" and claims[0]["quote"] == "Tesla's revenues rose 71% to $53.8 billion in 2021."
    assert claims[0]["of"] == [{"metric": "cik1318605.Revenues", "period": "2020"},
                               {"metric": "cik1318605.Revenues", "period": "2021"}]
    assert "supported percent-71" in _checked(tmp_path, capsys)


@needs_shared
def test_a_change_of_an_unnamed_company_is_no_relation(tmp_path: Path) -> None:
    claims = _drafted(tmp_path, "Nokia's revenues rose 71% to $53.8 billion in 2021.\n", "2022-02-10", [EDGAR], "en")
    assert "relation" not in claims[0]


@needs_shared
def test_korean_change_against_the_month_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'전월 대비 X% 상승한 Y': ECOS 곡류 수입물량지수 went from 60.83 (April 2022) to 164.39 (May)."""
    claims = _drafted(tmp_path, "5월 곡류 수입물량지수는 전월 대비 170.2% 상승한 164.39를 기록했다.\n", "2022-06-20", ECOS, "ko")
    assert claims[0]["of"] == [{"metric": "ecos.403Y004.101111AA", "period": "2022-04"},
                               {"metric": "ecos.403Y004.101111AA", "period": "2022-05"}]
    assert "supported percent-170.2" in _checked(tmp_path, capsys)


@needs_shared
def test_a_quarters_rise_without_its_base_is_not_guessed(tmp_path: Path) -> None:
    """Against the quarter before or the year before? The words do not say, so no relation."""
    claims = _drafted(tmp_path, "Tesla's revenues rose 57% to $13.8 billion in the third quarter of 2021.\n",
                      "2021-11-10", [EDGAR], "en")
    assert "relation" not in claims[0]


@needs_shared
def test_from_a_to_b_is_two_values_of_one_metric(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """B of "from A to B" takes A's metric, with a comment saying so; both check as supported. (B stands
    far enough from "revenues" that the name before it does not reach it.)"""
    claims = _drafted(tmp_path, "Tesla's revenues, the company said, grew from $31.5 billion in 2020 to $53.8 billion in 2021.\n",
                      "2022-02-10", [EDGAR], "en")
    assert [(c["metric"], c["period"]) for c in claims] == [
        ("cik1318605.Revenues", "2020"), ("cik1318605.Revenues", "2021")]
    assert "metric of '$31.5 billion', where the change starts: check it" in _comments(tmp_path)
    assert "2 supported" in _checked(tmp_path, capsys)


@needs_shared
def test_a_unit_may_hold_an_equals_sign(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CPI's unit as FRED states it, 'Index 1982-1984=100': FILE is what names a --reference file."""
    cpi = SHARED / "us" / "CPIAUCSL.csv"
    article = _article(tmp_path, "Prices rose.\n")
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "--reference", str(cpi), "--unit", f"{cpi}=Index 1982-1984=100",
                 "-o", str(draft)]) == 0
    assert capsys.readouterr().err == ""
    (entry,) = yaml.safe_load(draft.read_text(encoding="utf-8"))["reference"]
    assert entry["unit"] == "Index 1982-1984=100"


@needs_shared
def test_a_count_change_from_the_previous_month_is_a_difference(tmp_path: Path) -> None:
    """FRED PAYEMS, a monthly series: "rose by 531,000 from the previous month in October 2021"."""
    claims = _drafted(tmp_path, "Nonfarm payrolls rose by 531,000 from the previous month in October 2021.\n",
                      "2021-11-10", [PAYEMS, _payrolls(tmp_path)], "en", THOUSANDS)
    assert claims[0]["relation"] == "difference"
    assert claims[0]["of"] == [{"metric": "fred.PAYEMS", "period": "2021-10"}, {"metric": "fred.PAYEMS", "period": "2021-09"}]
    unsaid = _drafted(tmp_path, "Nonfarm payrolls rose by 531,000 in October 2021.\n",
                      "2021-11-10", [PAYEMS, _payrolls(tmp_path)], "en", THOUSANDS)
    # No base words: the month before is a reading the draft must own up to (issue 22, item 7), so it says so.
    assert unsaid[0]["of"] == claims[0]["of"]
    assert "the sentence names no base: the change is read against the period before, 2021-09" in _comments(tmp_path)


# --- what would be, and a multiple's base -------------------------------------------------------

LIAR2_TEST = LIAR2.with_name("test.csv")
CIVPART = SHARED / "us" / "CIVPART.csv"
GFDEBTN = SHARED / "us" / "GFDEBTN.csv"


#: The names US articles use for the FRED series, as benchmarks/linking_eval.py gives them.
US_NAMES = Path(__file__).resolve().parents[1] / "benchmarks" / "linking" / "us-aliases.yaml"


def _liar2(path: Path, row_id: str) -> str:
    """A liar2 statement and its justification, read in place (the corpus is not ours to copy)."""
    import csv
    with path.open(encoding="utf-8", newline="") as stream:
        row = next(row for row in csv.DictReader(stream) if row["id"] == row_id)
    return f"{row['statement']}\n\n{row['justification']}"


@needs_shared
@pytest.mark.skipif(not LIAR2_TEST.is_file(), reason="../shared liar2 is absent")
def test_a_figure_in_the_conditional_mood_links_nothing_nor_carries_but_one_dated_by_its_own_words(
        tmp_path: Path) -> None:
    """liar2 test.csv id 5915: "The general unemployment rate in June 2012 would have been 10.9 percent if
    the labor force participation rate had remained at the 65.5 percent in place when Obama became
    president. That's about 11 percent." — 10.9 and 11 percent are what-ifs (and the unemployment rate);
    65.5 is January 2009's rate, as the words right after it say, not June 2012's."""
    claims = _drafted(tmp_path, _liar2(LIAR2_TEST, "5915"), "2012-06-09", [CIVPART, US_NAMES], "en", f"{CIVPART}=Percent")
    linked = {str(c["value"]): (c["metric"], c["period"]) for c in claims if "metric" in c}
    assert linked == {"65.5 percent": ("fred.CIVPART", "2009-01")}
    assert "2009-01 holds 2009-01-20, the day the term began" in _comments(tmp_path)
    stated = _drafted(tmp_path, "The labor force participation rate was 63.8 percent in June 2012.\n", "2012-07-09",
                      [CIVPART, US_NAMES], "en", f"{CIVPART}=Percent")
    assert (stated[0]["metric"], stated[0]["period"]) == ("fred.CIVPART", "2012-06")


@needs_shared
@pytest.mark.skipif(not LIAR2_TEST.is_file(), reason="../shared liar2 is absent")
def test_a_multiple_of_a_named_base_is_of_that_base_not_the_year_before_it(tmp_path: Path) -> None:
    """liar2 test.csv id 10146: "today's national debt is about triple what it was in January 2001":
    January 2001 is the base (its quarter), "today" the latest quarter out; a lookup of January 2000
    against it would be a wrong claim."""
    claims = _drafted(tmp_path, _liar2(LIAR2_TEST, "10146"), "2015-04-07", [GFDEBTN, US_NAMES], "en",
                      f"{GFDEBTN}=Millions of USD")
    triple = next(c for c in claims if c["value"] == "about triple")
    assert triple["relation"] == "multiple"
    assert triple["of"] == [{"metric": "fred.GFDEBTN", "period": "2014-Q4"}, {"metric": "fred.GFDEBTN", "period": "2001-Q1"}]


# --- periods stated as events: a president's term ---------------------------------------------


@needs_shared
@pytest.mark.skipif(not LIAR2.is_file(), reason="../shared liar2 is absent")
def test_under_a_president_from_a_to_b_is_his_terms_first_and_last_day(tmp_path: Path) -> None:
    """liar2 valid.csv id 1802: "Under President George W. Bush, "the national debt went from $5 trillion
    to $12 trillion": the quarters holding 20 January 2001 and 20 January 2009 (20th Amendment)."""
    claims = _drafted(tmp_path, _liar2(LIAR2, "1802"), "2010-06-22", [GFDEBTN, US_NAMES], "en",
                      f"{GFDEBTN}=Millions of USD")
    linked = {c["value"]: (c["metric"], c["period"]) for c in claims if "metric" in c}
    assert linked == {"$5 trillion": ("fred.GFDEBTN", "2001-Q1"), "$12 trillion": ("fred.GFDEBTN", "2009-Q1")}
    assert "2001-Q1 holds 2001-01-20, where the change starts: the day the term began" in _comments(tmp_path)


@needs_shared
@pytest.mark.skipif(not LIAR2.is_file(), reason="../shared liar2 is absent")
def test_the_debt_under_bush_is_the_national_debt_under_the_bush_the_text_names(tmp_path: Path) -> None:
    """liar2 valid.csv id 1802, its justification: "the debt under Bush went up $4.357 trillion over eight
    years, while it has gone up under Obama by $3.801 trillion in two years": the text wrote "the national
    debt" and "President George W. Bush", so "the debt" and "Bush" are those; the clause after ", while"
    is Obama's, whose term was not over."""
    claims = _drafted(tmp_path, _liar2(LIAR2, "1802"), "2010-06-22", [GFDEBTN, US_NAMES], "en",
                      f"{GFDEBTN}=Millions of USD")
    change = next(c for c in claims if c["value"] == "up $4.357 trillion")
    assert (change["relation"], change["of"]) == (
        "difference", [{"metric": "fred.GFDEBTN", "period": "2009-Q1"}, {"metric": "fred.GFDEBTN", "period": "2001-Q1"}])
    assert main(["check", str(tmp_path / "draft.yaml")]) in (0, 1)   # a verdict, not an error
    obama = next(c for c in claims if c["value"] == "$3.801 trillion")
    assert "relation" not in obama and "metric" not in obama


@needs_shared
@pytest.mark.parametrize("text", [
    # The text never writes "the national debt": "the debt" may be anyone's.
    "Under President George W. Bush, the debt rose by $4.9 trillion.\n",
    # Nor names which Bush.
    "The national debt grew. Under Bush, the debt rose by $4.9 trillion.\n",
    # Names both in full: "Bush" is either.
    "George H. W. Bush and George W. Bush both borrowed. Under Bush, the national debt rose by $4.9 trillion.\n",
])
def test_a_short_name_the_text_never_writes_in_full_links_nothing(tmp_path: Path, text: str) -> None:
    claims = _drafted(tmp_path, text, "2010-06-22", [GFDEBTN, US_NAMES], "en", f"{GFDEBTN}=Millions of USD")
    assert [c for c in claims if "relation" in c or "metric" in c] == []


@pytest.mark.parametrize("sentence, text, start", [
    ("Under Bush, it rose.", "President George W. Bush spoke. Under Bush, it rose.", date(2001, 1, 20)),
    ("Under President Bush, it rose.", "George H. W. Bush spoke. Under President Bush, it rose.", date(1989, 1, 20)),
    ("Under Bush, it rose.", "Under Bush, it rose.", None),   # no Bush named in full: either
    ("Under Bush, it rose.", "Bushfires spread. Under Bush, it rose.", None),
])
def test_a_name_two_presidents_share_is_the_one_the_text_names_in_full(sentence: str, text: str,
                                                                      start: date | None) -> None:
    term = term_under(sentence, date(2010, 6, 22), text)
    assert (term.start if term else None) == start


def test_a_short_name_stands_only_in_the_text_that_wrote_the_full_one() -> None:
    names = [Alias("fred.GFDEBTN", "national debt", "USD"), Alias("fred.MTSDS133FMS", "federal deficit", "USD"),
             Alias("other.debt", "public debt", "USD")]
    text = "The national debt and the public debt are not the deficit. The debt is $6 trillion."
    shortened = named_in(text, names)
    assert [a for a in shortened if a not in names] == [Alias("fred.GFDEBTN", "the debt", "USD"),
                                                          Alias("other.debt", "the debt", "USD")]
    six = next(f.quantity for f in extract(text, "en").quantities if f.quantity.kind is Kind.MONEY)
    assert sorted(nearest_metrics(text, six, (0, len(text)), shortened)) == ["fred.GFDEBTN", "other.debt"]  # rivals
    assert named_in("The debt is $6 trillion.", names) is names
    assert named_in("The federal deficits grew.", names) is names   # "federal deficit" is not written whole


@needs_shared
def test_when_right_after_a_figure_dates_that_figure_among_others(tmp_path: Path) -> None:
    claims = _drafted(tmp_path, "The labor force participation rate was 65.7 percent when Obama took office and is "
                      "63.8 percent in June 2012.\n", "2012-07-09", [CIVPART, US_NAMES], "en", f"{CIVPART}=Percent")
    assert (claims[0]["value"], claims[0]["metric"], claims[0]["period"]) == ("65.7 percent", "fred.CIVPART", "2009-01")
    assert claims[1]["value"] == "63.8 percent" and claims[1].get("period") != "2009-01"
    said = _drafted(tmp_path, "The participation rate was 65.7 percent when Obama said it would fall.\n", "2012-07-09",
                    [CIVPART, US_NAMES], "en", f"{CIVPART}=Percent")
    assert "period" not in said[0]


@needs_shared
def test_when_a_president_took_office_is_the_month_his_term_began(tmp_path: Path) -> None:
    claims = _drafted(tmp_path, "When Barack Obama took office, the labor force participation rate was 65.7 percent.\n",
                      "2012-07-09", [CIVPART, US_NAMES], "en", f"{CIVPART}=Percent")
    assert (claims[0]["metric"], claims[0]["period"]) == ("fred.CIVPART", "2009-01")


@needs_shared
@pytest.mark.parametrize("text, published", [
    # Two presidents answer to "President Bush": which term is a person's reading.
    ("Under President Bush, the national debt went from $5.7 trillion to $10.6 trillion.\n", "2010-06-22"),
    # Written in his second term, "under Trump" may be either.
    ("Under Donald Trump, the national debt went from $20 trillion to $27 trillion.\n", "2025-06-01"),
    # A president's plan is no term: its figures are the plan's.
    ("Under Obama's plan, the national debt went from $10.6 trillion to $20 trillion.\n", "2017-06-01"),
    # "When Obama took office" is the base a figure of now is compared with, not the figure's day.
    ("The national debt is now $16 trillion, far more than when Obama took office.\n", "2013-02-01"),
    ("The national debt is $16 trillion, twice what it was when Obama took office.\n", "2013-02-01"),
    ("The national debt is $6 trillion more than when Obama took office.\n", "2013-02-01"),
    # Two rates in one sentence: which is the one "when Obama took office" is not said.
    ("When Obama took office, the labor force participation rate was 65.7 percent; it is 63.8 percent now.\n",
     "2012-07-09"),
])
def test_a_term_the_words_leave_open_links_nothing(tmp_path: Path, text: str, published: str) -> None:
    claims = _drafted(tmp_path, text, published, [GFDEBTN, CIVPART, US_NAMES], "en",
                      f"{GFDEBTN}=Millions of USD", f"{CIVPART}=Percent")
    assert [c for c in claims if "metric" in c and c.get("period")] == []


@needs_shared
def test_a_term_not_over_when_written_has_a_first_day_only(tmp_path: Path) -> None:
    claims = _drafted(tmp_path, "Under President Obama, the national debt went from $10.6 trillion to $15 trillion.\n",
                      "2012-06-22", [GFDEBTN, US_NAMES], "en", f"{GFDEBTN}=Millions of USD")
    assert [(c["value"], c.get("period")) for c in claims] == [("$10.6 trillion", "2009-Q1"), ("$15 trillion", None)]


@needs_shared
def test_when_a_president_left_office_is_the_period_his_term_ended(tmp_path: Path) -> None:
    claims = _drafted(tmp_path, "When President George W. Bush left office, the national debt stood at $10.6 trillion.\n",
                      "2012-06-22", [GFDEBTN, US_NAMES], "en", f"{GFDEBTN}=Millions of USD")
    assert (claims[0]["metric"], claims[0]["period"]) == ("fred.GFDEBTN", "2009-Q1")
    assert "2009-Q1 holds 2009-01-20, the day the term ended" in _comments(tmp_path)


# --- "today": the period holding the day, where no reading of it differs ------------------------

FEDMINNFRWG = SHARED / "us" / "FEDMINNFRWG.csv"


@needs_shared
def test_todays_minimum_wage_is_the_month_holding_the_day_while_it_stands_still(tmp_path: Path) -> None:
    """FEDMINNFRWG is $7.25 from 2009 on: the month holding the day and the latest published agree.
    US_NAMES lists "federal minimum wage" only; the bare name is the federal one where no state is named."""
    claims = _drafted(tmp_path, "Today a full-time worker on the minimum wage earns $7.25 an hour.\n", "2014-02-04",
                      [FEDMINNFRWG, US_NAMES], "en", f"{FEDMINNFRWG}=USD")
    assert (claims[0]["metric"], claims[0]["period"]) == ("fred.FEDMINNFRWG", "2014-02")
    assert "'Today' on 2014-02-04: 2014-02 holds that day" in _comments(tmp_path)
    assert main(["check", str(tmp_path / "draft.yaml")]) == 0


@needs_shared
@pytest.mark.parametrize("wage, code", [("$1.60", 0), ("$1.40", 0), ("$2.10", 1)])
def test_a_level_that_holds_for_years_is_any_of_its_values_in_the_year_stated(tmp_path: Path, wage: str,
                                                                             code: int) -> None:
    """FEDMINNFRWG rose from $1.40 to $1.60 in February 1968: "$1.60 an hour in 1968" is the wage
    in force in 1968 (either), and $2.10 (1975's) is not; payrolls' year stays unlinked (a sum or a mean)."""
    claims = _drafted(tmp_path, f"The federal minimum wage was {wage} an hour in 1968.\n", "2014-02-04",
                      [FEDMINNFRWG, US_NAMES], "en", f"{FEDMINNFRWG}=USD")
    assert (claims[0]["metric"], claims[0]["period"], claims[0]["agg"]) == ("fred.FEDMINNFRWG", "1968", "any")
    assert main(["check", str(tmp_path / "draft.yaml")]) == code
    moving = _drafted(tmp_path, "Nonfarm payrolls were 130 million in 2011.\n", "2014-02-04", [PAYEMS, US_NAMES], "en",
                      f"{PAYEMS}=Thousands of Persons")
    assert "period" not in moving[0] or "agg" not in moving[0]
    wanted = _drafted(tmp_path, "In 2017, a worker was paid $7,000. We need a $15 minimum wage.\n", "2019-02-07",
                      [FEDMINNFRWG, US_NAMES], "en", f"{FEDMINNFRWG}=USD")
    assert [c for c in wanted if "metric" in c] == []   # a wage wanted, in no year: 2017 is the sentence before's


@needs_shared
@pytest.mark.parametrize("text", [
    # A statistic that moves month to month: "now" may be this month's or the last one published.
    "Nonfarm payrolls now stand at 136,000 thousand.\n",
    # A state's wage is not the federal one.
    "Today the minimum wage in Ohio is $7.95 an hour.\n",
])
def test_today_where_its_readings_differ_links_nothing(tmp_path: Path, text: str) -> None:
    claims = _drafted(tmp_path, text, "2014-02-04", [FEDMINNFRWG, PAYEMS, US_NAMES], "en",
                      f"{FEDMINNFRWG}=USD", f"{PAYEMS}=Thousands of Persons")
    assert [c for c in claims if "metric" in c] == []


@needs_shared
@pytest.mark.skipif(not LIAR2_TEST.is_file(), reason="../shared liar2 is absent")
def test_a_level_proposed_is_not_todays(tmp_path: Path) -> None:
    """liar2 test.csv id 8655: "who gains from a minimum-wage hike to $10.10," rather than "who currently
    earns the minimum wage"": $10.10 is where the wage would go, not where it stood in April 2014."""
    claims = _drafted(tmp_path, _liar2(LIAR2_TEST, "8655"), "2014-04-04", [FEDMINNFRWG, US_NAMES], "en",
                      f"{FEDMINNFRWG}=USD")
    assert [c["value"] for c in claims if "metric" in c] == []


@needs_shared
def test_a_change_under_a_president_is_over_his_term(tmp_path: Path) -> None:
    claims = _drafted(tmp_path, "Under President George W. Bush, the national debt rose by $4.9 trillion.\n",
                      "2010-06-22", [GFDEBTN, US_NAMES], "en", f"{GFDEBTN}=Millions of USD")
    assert claims[0]["relation"] == "difference"
    assert claims[0]["of"] == [{"metric": "fred.GFDEBTN", "period": "2009-Q1"}, {"metric": "fred.GFDEBTN", "period": "2001-Q1"}]
    assert "a change over the term from 2001-01-20 to 2009-01-20: 2001-Q1 to 2009-Q1" in _comments(tmp_path)
    assert main(["check", str(tmp_path / "draft.yaml")]) in (0, 1)   # a verdict, not an error
    ongoing = _drafted(tmp_path, "Under President Obama, the national debt rose by $4.9 trillion.\n",
                       "2012-06-22", [GFDEBTN, US_NAMES], "en", f"{GFDEBTN}=Millions of USD")
    assert "relation" not in ongoing[0]


@needs_shared
def test_a_relation_the_reference_cannot_answer_is_not_drafted(tmp_path: Path) -> None:
    """The shared companyfacts file ends before Tesla's FY2022 10-K: "rose 51% to $81.5 billion in
    2022" drafted a change over a year of quarterly rows with no agg, an error in ``check``."""
    claims = _drafted(tmp_path, "Tesla said its revenue rose 51% to $81.5 billion in 2022.\n", "2023-01-26", [EDGAR], "en")
    assert [claim.get("relation") for claim in claims] == [None, None]
    assert check([tmp_path / "draft.yaml"]).errors == []
    assert [result.verdict for result in check([tmp_path / "draft.yaml"]).results] == ["unverifiable"] * 2


# --- "now" and "the most recent": the latest period out, where the reference can tell ---------

GDP_GROWTH = SHARED / "us" / "A191RL1Q225SBEA.csv"
U6RATE_UNIT = f"{U6RATE}=Percent"


@needs_shared
@pytest.mark.skipif(not LIAR2.is_file(), reason="../shared liar2 is absent")
def test_the_most_recent_quarters_growth_is_the_latest_quarter_out(tmp_path: Path) -> None:
    """liar2 valid.csv id 14789 (28 June 2018): "the most recent saw GDP growth of 2.0 percent, not
    3.2 percent": 2018-Q1 ended 89 days before, and 2018-Q2 was not over; "growth of" names the
    series (a growth rate), so 2.0 percent is its level, not a change of it."""
    claims = _drafted(tmp_path, _liar2(LIAR2, "14789"), "2018-06-28", [GDP_GROWTH, US_NAMES], "en",
                      f"{GDP_GROWTH}=Percent")
    linked = {c["value"]: (c["metric"], c["period"]) for c in claims if "metric" in c}
    assert linked == {"growth of 2.0 percent": ("fred.A191RL1Q225SBEA", "2018-Q1"),
                      "3.2 percent": ("fred.A191RL1Q225SBEA", "2018-Q1"),
                      "3.2": ("fred.A191RL1Q225SBEA", "2018-Q1")}   # the statement's "3.2 (percent)", restated
    assert "as '3.2 percent', which this number restates digit for digit: check it" in _comments(tmp_path)
    assert "assumed out by then (the reference holds no release dates): check it" in _comments(tmp_path)
    assert check([tmp_path / "draft.yaml"]).errors == []


@needs_shared
@pytest.mark.parametrize("text, published, files, unit", [
    # A monthly statistic: the latest month out may be last month's or the one before.
    ("The U-6 unemployment rate is now 7 percent.\n", "2024-01-15", [U6RATE], U6RATE_UNIT),
    # 2018-Q1 had ended 45 days before: BEA's estimate is out by then in most years, not in all.
    ("GDP growth is now 2.0 percent.\n", "2018-05-15", [GDP_GROWTH], f"{GDP_GROWTH}=Percent"),
])
def test_now_when_the_latest_period_out_is_unsure_links_nothing(tmp_path: Path, text: str, published: str,
                                                                 files: list[Path], unit: str) -> None:
    claims = _drafted(tmp_path, text, published, [*files, US_NAMES], "en", unit)
    assert [c for c in claims if "metric" in c] == []


@needs_shared
def test_a_change_since_a_president_took_office_ends_at_the_latest_quarter_out(tmp_path: Path) -> None:
    """On 15 December 2010 2010-Q3 had been over 76 days; Obama took office on 20 January 2009 (2009-Q1)."""
    claims = _drafted(tmp_path, "The national debt has increased by $3.5 trillion since Obama took office.\n", "2010-12-15",
                      [GFDEBTN, US_NAMES], "en", f"{GFDEBTN}=Millions of USD")
    assert claims[0]["relation"] == "difference"
    assert claims[0]["of"] == [{"metric": "fred.GFDEBTN", "period": "2010-Q3"}, {"metric": "fred.GFDEBTN", "period": "2009-Q1"}]
    assert "a change since the term began on 2009-01-20: from 2009-Q1" in _comments(tmp_path)
    assert main(["check", str(tmp_path / "draft.yaml")]) in (0, 1)   # a verdict, not an error
    monthly = _drafted(tmp_path, "Private-sector jobs have increased by 10 million since Obama took office.\n", "2016-07-20",
                       [SHARED / "us" / "USPRIV.csv", US_NAMES], "en", f"{SHARED / 'us' / 'USPRIV.csv'}=Thousands of Persons")
    assert "relation" not in monthly[0] and "fred.USPRIV" in _comments(tmp_path)   # which month was the latest out is unsure


@needs_shared
@pytest.mark.skipif(not LIAR2.is_file(), reason="../shared liar2 is absent")
def test_a_figure_outside_the_clause_in_the_conditional_mood_is_stated(tmp_path: Path) -> None:
    """liar2 valid.csv id 8494: "... would have lived below the poverty line The second part of the
    center's  -- that a full-time worker today could not raise a family of two on the minimum wage of
    $7.25 an hour -- holds up": a lost full stop joins two sentences, and $7.25 is stated between
    dashes, in a clause of its own; $1.15 "would have lived" below the line and stays unlinked."""
    claims = _drafted(tmp_path, _liar2(LIAR2, "8494"), "2014-02-04", [FEDMINNFRWG, US_NAMES], "en",
                      f"{FEDMINNFRWG}=USD")
    linked = {c["value"]: (c["metric"], c["period"]) for c in claims if "metric" in c and c.get("period")}
    assert linked == {"$7.25 an hour": ("fred.FEDMINNFRWG", "2014-02")}
    assert main(["check", str(tmp_path / "draft.yaml")]) == 0


@needs_shared
def test_a_multiple_or_percent_over_a_term_relates_its_two_ends(tmp_path: Path) -> None:
    """"Doubled" is their ``multiple`` (later over earlier), "rose 93 percent" their ``change`` (from
    the earlier to the later): the quarters holding 20 January 2001 and 20 January 2009."""
    ends = [{"metric": "fred.GFDEBTN", "period": "2009-Q1"}, {"metric": "fred.GFDEBTN", "period": "2001-Q1"}]
    doubled = _drafted(tmp_path, "The national debt doubled under President George W. Bush.\n", "2010-06-22",
                       [GFDEBTN, US_NAMES], "en", f"{GFDEBTN}=Millions of USD")
    assert (doubled[0]["relation"], doubled[0]["of"]) == ("multiple", ends)
    assert main(["check", str(tmp_path / "draft.yaml")]) in (0, 1)   # a verdict, not an error
    rose = _drafted(tmp_path, "Under President George W. Bush, the national debt rose 93 percent.\n", "2010-06-22",
                    [GFDEBTN, US_NAMES], "en", f"{GFDEBTN}=Millions of USD")
    assert (rose[0]["relation"], rose[0]["of"]) == ("change", ends[::-1])
    assert [r.verdict for r in check([tmp_path / "draft.yaml"]).results] == ["supported"]   # 5,773,740 to 11,126,941


@needs_shared
@pytest.mark.skipif(not LIAR2_TEST.is_file(), reason="../shared liar2 is absent")
def test_a_share_of_people_is_no_level_of_a_dollar_series(tmp_path: Path) -> None:
    """liar2 test.csv id 10950: "62.7 percent of minimum wage workers age 16 and older are women" is
    a share of workers, not the minimum wage: a percent names a dollar series only as its change."""
    claims = _drafted(tmp_path, _liar2(LIAR2_TEST, "10950"), "2015-09-18", [FEDMINNFRWG, US_NAMES], "en",
                      f"{FEDMINNFRWG}=USD")
    assert [c["value"] for c in claims if "metric" in c or "relation" in c] == []


# --- a weekly series dates each week by one day ----------------------------------------------

GASREGW = SHARED / "us" / "GASREGW.csv"


def _gas(tmp_path: Path, sentence: str) -> dict:
    names = tmp_path / "names.yaml"
    names.write_text("aliases:\n  fred.GASREGW: [gas prices]\n", encoding="utf-8")
    return _drafted(tmp_path, sentence, "2012-03-01", [GASREGW, names], "en", f"{GASREGW}=USD")[0]


@needs_shared
def test_a_day_of_a_weekly_series_is_the_week_dated_on_or_just_before_it(tmp_path: Path) -> None:
    """GASREGW rows are Mondays: the inauguration (Tuesday 2009-01-20) falls in the week dated 2009-01-19,
    and the draft says it read the week, not the day."""
    claim = _gas(tmp_path, "Gas prices were $1.84 a gallon when Obama took office.\n")
    assert (claim["metric"], claim["period"]) == ("fred.GASREGW", "2009-01-19")
    assert "the week dated 2009-01-19 holds 2009-01-20" in _comments(tmp_path)


@needs_shared
@pytest.mark.parametrize("sentence, week", [
    # liar2 valid.csv id 20652: "he" is the president whose words the sentence reports; Trump left on 2021-01-20
    ("Trump said that gas prices were $1.86 a gallon when he left office.\n", "2021-01-18"),
    ("Gas prices were $2.38 when Trump left the White House.\n", "2021-01-18"),
    ("President Obama said gas prices were $1.84 when he took office.\n", "2009-01-19"),
    # "he" could be either president the sentence names, or someone it does not name as the speaker
    ("Trump said Biden's gas prices were $1.86 a gallon when he left office.\n", None),
    ("Voters said gas prices were $1.86 a gallon when he left office.\n", None),
    ("Trump said the Fed kept gas prices at $1.86 a gallon when he left office.\n", None),
    ('Trump said, "Gas prices were $1.86 a gallon when he left office."\n', None),
])
def test_when_he_left_office_is_the_day_the_speakers_term_ended(tmp_path: Path, sentence: str, week: str | None) -> None:
    names = tmp_path / "names.yaml"
    names.write_text("aliases:\n  fred.GASREGW: [gas prices]\n", encoding="utf-8")
    claim = _drafted(tmp_path, sentence, "2021-12-08", [GASREGW, names], "en", f"{GASREGW}=USD")[0]
    assert claim.get("period") == week


@needs_shared
def test_a_day_of_a_monthly_series_is_its_month_and_no_week_reaches_before_the_first(tmp_path: Path) -> None:
    """Only a weekly series reaches back to the row before: a monthly one holds the day itself."""
    from checker.extraction.linking import holding
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    reference, problems = ReferenceData.load([Entry(GASREGW, unit="USD"), Entry(PAYEMS, unit="Thousands of Persons")])
    assert not problems
    assert holding(reference, "fred.GASREGW", date(2009, 1, 25)) == {"2009-01-19"}
    assert holding(reference, "fred.GASREGW", date(2009, 1, 26)) == {"2009-01-26"}
    assert holding(reference, "fred.PAYEMS", date(2009, 1, 20)) == {"2009-01"}
    assert holding(reference, "fred.GASREGW", date(1990, 8, 19)) == set()   # before the first week


# --- a count's own noun names its metric ------------------------------------------------------

EXAMPLE_PAYEMS = Path(__file__).resolve().parents[1] / "examples" / "us-economy" / "reference" / "fred" / "PAYEMS.csv"


def _jobs_added(tmp_path: Path, sentence: str, names: str) -> dict:
    aliases = tmp_path / "names.yaml"
    aliases.write_text(f"aliases:\n  fred.PAYEMS: [{names}]\n", encoding="utf-8")
    return _drafted(tmp_path, sentence, "2021-10-08", [EXAMPLE_PAYEMS, aliases], "en",
                    f"{EXAMPLE_PAYEMS}=Thousands of Persons")[0]


def test_jobs_added_in_a_month_is_the_monthly_change_of_the_series_called_jobs(tmp_path: Path) -> None:
    """examples/us-economy/payrolls-illustration.txt: the count's noun is the name, and the draft is
    the hand-written claim's difference of September and August 2021."""
    claim = _jobs_added(tmp_path, "The U.S. economy added 466,000 jobs in September 2021.\n", "jobs")
    assert claim["relation"] == "difference"
    assert claim["of"] == [{"metric": "fred.PAYEMS", "period": "2021-09"}, {"metric": "fred.PAYEMS", "period": "2021-08"}]


def test_jobs_the_economy_added_in_the_reports_month_are_payrolls_with_no_jobs_name(tmp_path: Path) -> None:
    """A jobs report's sentence (:mod:`linking_payrolls`): the nation's economy, the month, a week after."""
    claim = _jobs_added(tmp_path, "The U.S. economy added 466,000 jobs in September 2021.\n", "nonfarm payrolls")
    assert claim["relation"] == "difference"
    assert claim["of"] == [{"metric": "fred.PAYEMS", "period": "2021-09"}, {"metric": "fred.PAYEMS", "period": "2021-08"}]


@pytest.mark.parametrize("sentence, names", [
    ("Amazon added 466,000 jobs in September 2021.\n", "nonfarm payrolls"),   # no name written, a company's jobs
    ("The U.S. economy added 466,000 workers in September 2021.\n", "jobs"),            # another noun
])
def test_a_count_whose_noun_is_no_name_of_the_metric_links_nothing(tmp_path: Path, sentence: str, names: str) -> None:
    claim = _jobs_added(tmp_path, sentence, names)
    assert "relation" not in claim and "metric" not in claim


# --- a multiple of what the level was then ----------------------------------------------------

def _debt(tmp_path: Path, sentence: str, published: str) -> dict:
    names = tmp_path / "names.yaml"
    names.write_text("aliases:\n  fred.GFDEBTN: [national debt]\n", encoding="utf-8")
    return _drafted(tmp_path, sentence, published, [GFDEBTN, names], "en", f"{GFDEBTN}=Millions of USD")[0]


@needs_shared
def test_today_a_multiple_of_what_it_was_in_a_month_is_the_latest_quarter_out_over_the_quarter_holding_it(
        tmp_path: Path) -> None:
    """A week into April 2015 the first quarter's figure was surely not out: "today" is 2014-Q4."""
    claim = _debt(tmp_path, "The national debt today is about triple what it was in January 2001.\n", "2015-04-07")
    assert claim["relation"] == "multiple"
    assert claim["of"] == [{"metric": "fred.GFDEBTN", "period": "2014-Q4"}, {"metric": "fred.GFDEBTN", "period": "2001-Q1"}]


@needs_shared
def test_today_a_multiple_of_what_it_was_when_a_term_began_is_over_the_quarter_holding_that_day(
        tmp_path: Path) -> None:
    claim = _debt(tmp_path, "Today the national debt is about triple what it was when George W. Bush took office.\n",
                  "2015-04-07")
    assert claim["of"] == [{"metric": "fred.GFDEBTN", "period": "2014-Q4"}, {"metric": "fred.GFDEBTN", "period": "2001-Q1"}]
    assert "2001-Q1 holds 2001-01-20, the day the term began" in _comments(tmp_path)


@needs_shared
@pytest.mark.parametrize("sentence, published", [
    ("The national debt today is about triple what it was when Bush took office.\n", "2015-04-07"),  # which Bush
    ("The national debt was about triple what it was in January 2001.\n", "2015-04-07"),     # no "today"
    ("The national debt today is about triple what it was in 2001.\n", "2015-04-07"),        # four quarters
    ("The national debt today is about triple what it was in January 2001.\n", "2015-05-10"),  # Q1 may be out
])
def test_a_multiple_of_then_with_no_today_or_no_one_row_or_an_unsure_latest_quarter_links_nothing(
        tmp_path: Path, sentence: str, published: str) -> None:
    claim = _debt(tmp_path, sentence, published)
    assert "relation" not in claim and "metric" not in claim


# --- a figure restated: the quote's number takes the link of its restatement ----------------------------------

@needs_shared
@pytest.mark.parametrize("text, linked", [
    # The quote names no metric; the restatement does, with its quarter.
    ("We hit a 3.2 (percent).\n\nGDP growth was 3.2 percent in the first quarter of 2018.\n",
     {"3.2", "3.2 percent"}),
    # A whole number recurs by chance: "20" is not the 20 percent.
    ("It lasted 20 straight months.\n\nGDP growth was 20 percent in the first quarter of 2018.\n", {"20 percent"}),
    # Money is no restatement of a percent.
    ("We paid $3.2 for it.\n\nGDP growth was 3.2 percent in the first quarter of 2018.\n", {"3.2 percent"}),
    # Nor is a bare number one of a dollar figure: check would read it in the series' unit.
    ("It is 3.2.\n\nThe price of gas was $3.2 in the week of March 5, 2018.\n", {"$3.2"}),
    # Two restatements that link differently leave the quote to a person.
    ("We hit a 3.2 (percent).\n\nGDP growth was 3.2 percent in the first quarter of 2018 and 3.2 percent in "
     "the third quarter of 2017.\n", {"3.2 percent"}),
    # Nor does the quote take a period other than its own.
    ("We hit a 3.2 (percent) in 2016.\n\nGDP growth was 3.2 percent in the first quarter of 2018.\n",
     {"3.2 percent"}),
])
def test_a_number_restated_with_its_metric_takes_the_restatements_link(tmp_path: Path, text: str,
                                                                      linked: set[str]) -> None:
    gas = SHARED / "us" / "GASREGW.csv"
    claims = _drafted(tmp_path, text, "2018-06-28", [GDP_GROWTH, gas, US_NAMES], "en", f"{GDP_GROWTH}=Percent",
                      f"{gas}=USD")
    assert {c["value"] for c in claims if "metric" in c} == linked
    assert all((c["metric"], c["period"]) == ("fred.A191RL1Q225SBEA", "2018-Q1") for c in claims
               if "metric" in c and c["value"].startswith("3.2") and len(linked) == 2)


# --- the one period a text names, carried past its paragraphs ---------------------------------------------

ECOS_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ecos-import-prices" / "article.ko.txt"


@needs_shared
def test_a_release_story_is_about_the_one_period_it_names(tmp_path: Path) -> None:
    """examples/ecos-import-prices: "5월" is named once, and each line after it is its own paragraph; the
    draft links 164.39 and "150을 넘었다" as the hand-made claims do (2022-05), saying where the month came from."""
    claims = _drafted(tmp_path, ECOS_EXAMPLE.read_text(encoding="utf-8"), "2022-06-15", ECOS, "ko")
    linked = {c["value"]: (c["metric"], c["period"]) for c in claims if "metric" in c}
    assert linked["164.39"] == ("ecos.403Y004.101111AA", "2022-05")
    assert linked["150을 넘었다"] == ("ecos.403Y004.3AA", "2022-05")
    assert "the one period the text names ('5월'): check it" in _comments(tmp_path)


@needs_shared
@pytest.mark.parametrize("text, linked", [
    ("Tesla's results for 2021 are out.\n\nRevenues were $53.8 billion.\n", {"$53.8 billion": "2021"}),
    # named only after the number: the period may be another figure's
    ("Tesla's revenues were $81.5 billion.\n\nIn 2021 they were $53.8 billion.\n", {}),
    # two periods: which one a number of neither is of is a person's reading
    ("Tesla's results for 2021 and 2020 are out.\n\nRevenues were $53.8 billion.\n", {}),
])
def test_a_number_takes_the_texts_one_period_only_when_named_before_it(tmp_path: Path, text: str,
                                                                      linked: dict[str, str]) -> None:
    claims = _drafted(tmp_path, text, "2022-02-10", [EDGAR], "en")
    assert {c["value"]: c["period"] for c in claims if c.get("metric") == "cik1318605.Revenues"} == linked


# --- a FRED title given in the reference entry names its series -------------------------------------------

@needs_shared
@pytest.mark.parametrize("text, linked", [
    ("The total public debt was $29.6 trillion in the fourth quarter of 2021.\n", "2021-Q4"),
    ("The federal debt was $29.6 trillion in the fourth quarter of 2021.\n", "2021-Q4"),
    ("Public debt was $29.6 trillion in the fourth quarter of 2021.\n", None),   # "Public Debt" is no part of the title
])
def test_the_parts_of_a_fred_title_name_the_series(text: str, linked: str | None) -> None:
    from checker.extraction.linking import links
    from checker.extraction.metrics import aliases_of
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    reference, problems = ReferenceData.load([Entry(GFDEBTN, unit="Millions of USD",
                                                    title="Federal Debt: Total Public Debt")])
    assert problems == []
    aliases = aliases_of(reference)
    extraction = extract(text, "en", "2022-06-01", aliases)
    made = [(link.metric, link.period) for link in links(extraction, reference, aliases).values()]
    assert made == ([("fred.GFDEBTN", linked)] if linked else [])


@needs_shared
def test_title_flag_names_a_graph_csv_and_the_draft_keeps_it(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """``--title FILE=TITLE`` gives extract what a reference entry's ``title:`` gives check."""
    claims = _drafted(tmp_path, "The total public debt was $29.6 trillion in the fourth quarter of 2021.\n",
                      "2022-06-01", [GFDEBTN], "en", f"{GFDEBTN}=Millions of USD",
                      titles=[f"{GFDEBTN}=Federal Debt: Total Public Debt"])
    assert (claims[0]["metric"], claims[0]["period"]) == ("fred.GFDEBTN", "2021-Q4")
    (entry,) = yaml.safe_load(_comments(tmp_path))["reference"]
    assert entry["title"] == "Federal Debt: Total Public Debt" and entry["unit"] == "Millions of USD"
    capsys.readouterr()
    assert main(["check", str(tmp_path / "draft.yaml")]) == 0


def test_title_for_a_file_that_is_no_reference_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _article(tmp_path, "Up 3%.\n")
    assert main(["extract", str(article), "--title", "other.csv=Debt"]) == 2
    assert capsys.readouterr().err == "other.csv:1:1: --title other.csv=Debt: other.csv is not one of the --reference files\n"


@needs_shared
def test_unit_and_title_take_a_reference_by_its_bare_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The help's example, ``U6RATE.csv=Percent``, names a reference given with its directories."""
    article = _article(tmp_path, "The U-6 unemployment rate rose to 7.2% in March 2022.\n")
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "--published", "2022-04-10", "--reference", str(U6RATE),
                 "--unit", "U6RATE.csv=Percent", "--title", "U6RATE.csv=Total unemployed (U-6)", "-o", str(draft)]) == 0
    assert capsys.readouterr().err == ""
    (entry,) = yaml.safe_load(draft.read_text(encoding="utf-8"))["reference"]
    assert (entry["unit"], entry["title"]) == ("Percent", "Total unemployed (U-6)")


@needs_shared
def test_a_bare_name_two_references_share_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _article(tmp_path, "Up 3%.\n")
    copy = tmp_path / "copy" / U6RATE.name
    copy.parent.mkdir()
    copy.write_bytes(U6RATE.read_bytes())
    assert main(["extract", str(article), "--reference", str(U6RATE), str(copy), "--unit", "U6RATE.csv=Percent"]) == 2
    assert capsys.readouterr().err == (
        "U6RATE.csv:1:1: --unit U6RATE.csv=Percent: 2 --reference files are named U6RATE.csv; give its path\n")

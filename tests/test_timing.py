"""Every failing verdict says when its figures were published, next to the article's date (issue 20, item 1).

Real files as FRED publishes them (``../shared/reference-data/us``): the GDP graph CSV carries no
vintage, so a 2022 article checked against it is judged on figures of unknown date; PAYEMS in
ALFRED's long form is dated by its realtime_start (2025-05-14), after a 2022 article. Worked by hand:
Q3 2022 GDP growth is 2.7 in the copied file; the article's "3.2%" (third estimate, 2022-12-22) allows
[3.15, 3.25] and the imprecise band [3.04, 3.36], so 2.7 refutes it. Payrolls in September 2022:
153,513 − 153,286 = 227 thousand; the first release's "263,000 jobs" is refuted.
"""
from __future__ import annotations

import io
import json
import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from checker import reports
from checker.cli import main
from checker.errors import Location
from checker.evaluation.engine import check
from checker.evaluation.timing import AFTER, BEFORE, RETRIEVED, UNKNOWN, Dated, dated, timing, warning
from checker.periods import parse_period
from checker.reference.model import Observation

US = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "us"
TESLA = US.parent / "edgar" / "CIK0001318605.companyfacts.json"
needs_shared = pytest.mark.skipif(not US.is_dir(), reason="../shared/reference-data/us is not beside the project")

GDP_ARTICLE = "The economy grew at a 3.2% annual rate in the July-September quarter, the government said.\n"
JOBS_ARTICLE = "Employers added 263,000 jobs in September, the government said Friday.\n"


def _row(vintage: date | None = None, retrieved: date | None = None) -> Observation:
    return Observation("us.gdp", parse_period("2022-Q3"), Decimal("2.7"), Decimal("0.05"), "%", "FRED", vintage,
                       Location("gdp.csv", 2, 1), retrieved=retrieved)


def test_a_row_is_dated_by_its_vintage_else_by_the_day_its_file_was_retrieved() -> None:
    assert dated(_row(date(2025, 5, 14), retrieved=date(2026, 12, 4))) == Dated(date(2025, 5, 14), "vintage")
    assert dated(_row(retrieved=date(2026, 12, 4))) == Dated(date(2026, 12, 4), RETRIEVED)
    assert dated(_row()).day is None


def test_one_row_after_the_article_makes_the_evidence_late_and_one_undated_row_unknown() -> None:
    article = date(2022, 12, 22)
    early, late, undated = Dated(date(2022, 10, 27)), Dated(date(2025, 5, 24)), Dated(None)
    assert timing([early], article).relation == BEFORE
    assert timing([early, late, undated], article).relation == AFTER
    assert timing([early, late, undated], article).day == date(2025, 5, 24)
    assert timing([early, undated], article).relation == UNKNOWN
    assert timing([early], None).relation == UNKNOWN
    assert timing([], article) is None
    statement = timing([early], article, as_of=date(2013, 5, 5))
    assert (statement.relation, statement.stated) == (AFTER, "as_of")
    assert warning(statement).startswith("against figures published 2022-10-27, after the claim's as_of date "
                                         "(2013-05-05)")
    assert warning(timing([early], article)) is None
    assert warning(timing([late], article)) == ("against figures published 2025-05-24, after the article "
                                                "(2022-12-22); the first release may have differed")


def _repository(root: Path, article: str, published: str, reference: str, claim: str) -> Path:
    (root / ".git").mkdir()
    (root / "article.txt").write_text(article, encoding="utf-8")
    claims = root / "claims.yaml"
    claims.write_text("version: 1\n"
                      f"article: {{file: article.txt, published: {published}, language: en}}\n"
                      f"reference: [{reference}]\n"
                      "claims:\n" + claim, encoding="utf-8")
    return claims


def _gdp(root: Path) -> Path:
    shutil.copy(US / "A191RL1Q225SBEA.csv", root / "A191RL1Q225SBEA.csv")
    return _repository(root, GDP_ARTICLE, "2022-12-22", "{file: A191RL1Q225SBEA.csv, unit: Percent}",
                       "  - id: gdp-q3-2022\n"
                       "    quote: The economy grew at a 3.2% annual rate in the July-September quarter\n"
                       "    value: 3.2%\n"
                       "    metric: fred.A191RL1Q225SBEA\n"
                       "    period: 2022-Q3\n")


def _payrolls(root: Path, published: str = "2022-10-07") -> Path:
    shutil.copy(US / "PAYEMS.csv", root / "PAYEMS.csv")
    return _repository(root, JOBS_ARTICLE, published, "{file: PAYEMS.csv, unit: Thousands of Persons}",
                       "  - id: jobs-september-2022\n"
                       "    quote: Employers added 263,000 jobs in September\n"
                       "    value: 263,000 jobs\n"
                       "    relation: difference\n"
                       "    of: [{metric: fred.PAYEMS, period: 2022-09}, {metric: fred.PAYEMS, period: 2022-08}]\n")


def _rendered(claims: Path, name: str) -> str:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    reports.get(name).render(check([claims]), stream)
    return re.sub(r"\x1b\[[0-9;]*m", "", stream.getvalue())


@needs_shared
def test_a_fred_graph_csv_has_no_date_so_a_failing_verdict_says_it_is_unknown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    claims = _gdp(tmp_path)
    [result] = check([claims]).results
    assert result.verdict == "refuted" and result.actual["value"] == Decimal("2.7")
    assert result.timing.relation == UNKNOWN
    said = "against figures of unknown publication date"
    terminal = _rendered(claims, "rich")
    assert max(len(line) for line in terminal.splitlines()) <= 80
    assert "⚠ figures of" in terminal  # the mark in the claimed → actual cell
    below = " ".join(line.strip() for line in terminal.split("┘\n", 1)[1].splitlines())
    assert below.startswith(f"⚠ gdp-q3-2022: {said}")
    assert "1 judged on figures published after the article or at an unknown date" in below
    for name in ("markdown", "parsable", "junit", "sarif", "github", "claimreview", "html"):
        assert said in _rendered(claims, name), name
    entry = json.loads(_rendered(claims, "json"))["results"][0]
    assert entry["evidence_timing"] == {"relation": "unknown", "date": None, "dated_by": None, "compared_with": "article",
                                        "article_published": "2022-12-22"}
    assert entry["timing_warning"].startswith(said)


@needs_shared
def test_alfred_rows_published_after_the_article_name_their_date(tmp_path: Path) -> None:
    claims = _payrolls(tmp_path)
    [result] = check([claims]).results
    assert result.verdict == "refuted" and result.actual["value"] == Decimal("227000")
    assert result.timing_warning == ("against figures published 2025-05-14, after the article (2022-10-07); "
                                     "the first release may have differed")
    markdown = _rendered(claims, "markdown")
    assert "<br>⚠ against figures published 2025-05-14, after the article \\(2022-10-07\\)" in markdown


@needs_shared
def test_figures_published_before_the_article_fail_without_a_warning(tmp_path: Path) -> None:
    claims = _payrolls(tmp_path, published="2025-06-01")
    [result] = check([claims]).results
    assert result.verdict == "refuted" and result.timing.relation == BEFORE
    assert result.timing_warning is None
    assert "judged on figures published after" not in _rendered(claims, "parsable")


def test_a_fetched_file_is_dated_by_its_retrieval(tmp_path: Path) -> None:
    (tmp_path / "gdp.csv").write_text(
        "# retrieved: 2026-12-04T09:30:00+00:00\n"
        "entity,metric,period,value,unit,source,vintage\n"
        "us,gdp_growth,2022-Q3,2.7,%,https://fred.stlouisfed.org/series/A191RL1Q225SBEA,\n", encoding="utf-8")
    claims = _repository(tmp_path, GDP_ARTICLE, "2022-12-22", "gdp.csv",
                         "  - id: gdp-q3-2022\n"
                         "    quote: The economy grew at a 3.2% annual rate\n"
                         "    value: 3.2%\n"
                         "    metric: us.gdp_growth\n"
                         "    period: 2022-Q3\n")
    [result] = check([claims]).results
    assert result.verdict == "refuted"
    assert result.timing_warning == ("against figures retrieved 2026-12-04, after the article (2022-12-22); "
                                     "the first release may have differed")


@needs_shared
def test_late_evidence_warn_lets_ci_pass_on_such_failures_only(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    claims = _payrolls(tmp_path)
    assert main(["check", str(claims), "--format", "parsable"]) == 1
    assert main(["check", str(claims), "--format", "parsable", "--late-evidence", "warn"]) == 0
    assert "refuted jobs-september-2022" in capsys.readouterr().out
    (tmp_path / "later").mkdir()
    on_time = _payrolls(tmp_path / "later", published="2025-06-01")
    assert main(["check", str(on_time), "--format", "parsable", "--late-evidence", "warn"]) == 1


@needs_shared
def test_explain_dates_the_evidence_of_every_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = _payrolls(tmp_path, published="2025-06-01")
    assert main(["explain", f"{claims}#jobs-september-2022"]) == 0
    assert ("published figures published 2025-05-14, on or before the article (2025-06-01)"
            in capsys.readouterr().out)


@needs_shared
@pytest.mark.parametrize(("published", "seen"), [
    ("2021-10-20", "the first filing, made after the article; none was public on its date"),
    ("2021-11-01", "the filing the article could have seen"),
])
def test_a_restated_filing_is_named_beside_the_one_used(tmp_path: Path, published: str, seen: str) -> None:
    """Tesla's Q3 2021 diluted EPS: 1.44 in the 10-Q filed 2021-10-25, 0.48 after the 2022 3-for-1 split
    (10-Q filed 2022-10-24), both in the real companyfacts file; the results release was 2021-10-20."""
    shutil.copy(TESLA, tmp_path / "tesla.json")
    claims = _repository(tmp_path, "Tesla earned $1.44 per share on a diluted basis in the third quarter.\n",
                         published, "{file: tesla.json, entity: tesla}",
                         "  - id: eps\n"
                         "    quote: Tesla earned $1.44 per share on a diluted basis\n"
                         "    value: $1.44 per share\n"
                         "    metric: tesla.EarningsPerShareDiluted\n"
                         "    period: 2021-Q3\n")
    [result] = check([claims]).results
    assert result.verdict == "supported"
    assert (f"Restated: 10-Q 0000950170-21-002253 filed 2021-10-25 gives 1.44 USD/shares (used: {seen}); "
            "10-Q 0000950170-22-019867 filed 2022-10-24 gives 0.48 USD/shares, which would make the claim refuted."
            ) in result.explanation
    assert result.revised["used_filing"] == "10-Q 0000950170-21-002253"


def test_a_relation_names_each_operand_revised_after_the_vintage_it_used(tmp_path: Path) -> None:
    """Synthetic rows (two vintages of two months): the relation uses the vintage of the article's day
    and names what the newest vintage says of each operand."""
    (tmp_path / "payrolls.csv").write_text(
        "entity,metric,period,value,unit,source,vintage\n"
        "us,payrolls,2022-08,100000,Thousands of Persons,synthetic rows for this test,2022-10-07\n"
        "us,payrolls,2022-09,100263,Thousands of Persons,synthetic rows for this test,2022-10-07\n"
        "us,payrolls,2022-08,100100,Thousands of Persons,synthetic rows for this test,2025-05-14\n"
        "us,payrolls,2022-09,100327,Thousands of Persons,synthetic rows for this test,2025-05-14\n",
        encoding="utf-8")
    claims = _repository(tmp_path, JOBS_ARTICLE, "2022-10-07", "payrolls.csv",
                         "  - id: jobs\n"
                         "    quote: Employers added 263,000 jobs in September\n"
                         "    value: 263,000 jobs\n"
                         "    relation: difference\n"
                         "    of: [{metric: us.payrolls, period: 2022-09}, {metric: us.payrolls, period: 2022-08}]\n")
    [result] = check([claims]).results
    assert result.verdict == "supported" and result.timing.relation == BEFORE
    assert ("Revised operands: us.payrolls 2022-09 was revised: 100,263,000 people in the vintage of 2022-10-07 "
            "used, 100,327,000 people in the newest (2025-05-14); us.payrolls 2022-08 was revised: 100,000,000 "
            "people in the vintage of 2022-10-07 used, 100,100,000 people in the newest (2025-05-14).") in result.explanation


@needs_shared
def test_a_rank_claim_dates_every_row_it_ranked(tmp_path: Path) -> None:
    """U-6 in September 2019 was 6.9 (real FRED graph CSV, no vintage); the last lower month is 2000-10,
    so "the lowest since 1998" is refuted, on rows of unknown date."""
    shutil.copy(US / "U6RATE.csv", tmp_path / "U6RATE.csv")
    claims = _repository(tmp_path, "The broad jobless rate fell to 6.9%, the lowest since 1998.\n", "2019-10-04",
                         "{file: U6RATE.csv, unit: Percent}",
                         "  - id: u6-low\n"
                         "    quote: the lowest since 1998\n"
                         "    value: the lowest since 1998\n"
                         "    relation: extreme\n"
                         "    of: [{metric: fred.U6RATE, period: 2019-09}]\n")
    [result] = check([claims]).results
    assert result.verdict == "refuted" and result.timing.relation == UNKNOWN
    assert result.timing_warning.startswith("against figures of unknown publication date")

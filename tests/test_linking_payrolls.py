""""Employers added 263,000 jobs": "jobs" as the payroll series only in a jobs report's sentence (issue 21 item 5)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.cli import main
from checker.extraction import extract
from checker.extraction.linking import links
from checker.extraction.metrics import Alias, aliases_of

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference-data"
PAYEMS = SHARED / "us" / "PAYEMS.csv"
TITLE = "All Employees, Total Nonfarm"   # FRED's title: "Total Nonfarm" names the series
needs_shared = pytest.mark.skipif(not PAYEMS.is_file(), reason="../shared/reference-data is absent")


@needs_shared
@pytest.mark.parametrize("text, published, linked", [
    ("Employers added 263,000 jobs in September, the government said Friday.", "2022-10-07", ("2022-09", "2022-08")),
    ("The U.S. economy added 263,000 jobs in September.", "2022-10-07", ("2022-09", "2022-08")),
    ("The economy lost 20.5 million jobs in April.", "2020-05-08", ("2020-04", "2020-03")),
    ("Tesla added 263,000 jobs in September.", "2022-10-07", None),                   # a company
    ("The stimulus created 263,000 jobs in September.", "2022-10-07", None),          # a plan
    ("Employers added 263,000 jobs in manufacturing in September.", "2022-10-07", None),   # a sector
    ("Texas employers added 263,000 jobs in September.", "2022-10-07", None),         # a state
    ("Employers added 26,000 jobs in September, the state labor department said.", "2022-10-07", None),
    ("Ohio had a good month. Employers added 26,000 jobs in September.", "2022-10-07", None),
    ("WASHINGTON (AP) — Employers added 263,000 jobs in September.", "2022-10-07", ("2022-09", "2022-08")),
    ("America's employers added 190,000 jobs in March.", "2024-04-05", ("2024-03", "2024-02")),   # the nation's
    ("Canada's employers added 19,000 jobs in March.", "2024-04-05", None),           # another nation's
    ("Employers added 263,000 jobs in 2021.", "2022-01-07", None),                    # a year: no report's month
    ("Employers added 263,000 jobs in September.", "2023-03-01", None),               # long after the report
    ("Employers would have added 263,000 jobs in September.", "2022-10-07", None),    # no report's verb
    # a rank's span is no base: it was the change from April 2021 to September 2022
    ("Employers added 263,000 jobs in September, the smallest gain since April 2021.", "2022-10-07",
     ("2022-09", "2022-08")),
])
def test_jobs_are_payrolls_only_in_a_jobs_reports_sentence(text: str, published: str,
                                                           linked: tuple[str, str] | None) -> None:
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    reference, problems = ReferenceData.load([Entry(PAYEMS, unit="Thousands of Persons", title=TITLE)])
    assert problems == []
    aliases = aliases_of(reference)
    extraction = extract(text, "en", published, aliases)
    made = [(link.metric, link.period, link.earlier, link.relation) for link in links(extraction, reference, aliases).values()]
    assert made == ([("fred.PAYEMS", *linked, "difference")] if linked else [])


def test_no_payroll_series_or_two_name_none() -> None:
    from checker.extraction.linking_payrolls import payroll_metric
    assert payroll_metric([Alias("fred.GFDEBTN", "national debt", "USD")]) is None
    assert payroll_metric([Alias("a", "payrolls", "jobs"), Alias("b", "nonfarm payrolls", "jobs")]) is None
    assert payroll_metric([Alias("a", "payrolls", "jobs"), Alias("a", "nonfarm payrolls", "jobs")]) == \
        Alias("a", "jobs", "jobs")


@needs_shared
def test_a_jobs_reports_change_checks_as_the_months_difference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The shared PAYEMS is a 2025 vintage: September 2022 added 227,000 jobs there (263,000 first printed)."""
    article = tmp_path / "article.txt"
    article.write_text("Employers added 227,000 jobs in September, the government said Friday.\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "--published", "2022-10-07", "--lang", "en", "-o", str(draft),
                 "--reference", str(PAYEMS), f"--unit={PAYEMS}=Thousands of Persons", f"--title={PAYEMS}={TITLE}"]) == 0
    (claim,) = yaml.safe_load(draft.read_text(encoding="utf-8"))["claims"]
    assert claim["relation"] == "difference" and "'jobs' read as fred.PAYEMS" in draft.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(draft)]) == 0

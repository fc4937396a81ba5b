"""What a new user trips on with the command line, on the project's own material (issue 21)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.cli import main
from checker.evaluation.engine import check
from checker.extraction import extract

ROOT = Path(__file__).resolve().parents[1]
PAYROLLS = ROOT / "examples" / "us-economy"
META_ARTICLE = ROOT / "claims" / "articles" / "meta-ai-pivot.ko.txt"


def test_reference_named_before_the_article_says_how_to_fix_the_command(capsys) -> None:
    """``--reference`` takes every path after it: the article is swallowed, and the error says so."""
    code = main(["extract", "--reference", str(PAYROLLS / "reference/fred/PAYEMS.csv"),
                 str(PAYROLLS / "payrolls-illustration.txt")])
    error = capsys.readouterr().err
    assert code == 2
    assert "name ARTICLE before --reference, or end the reference files with --" in error
    assert "payrolls-illustration.txt" in error and "Traceback" not in error and len(error.splitlines()) == 1


def test_ending_the_reference_files_with_a_double_dash_drafts_the_article(capsys) -> None:
    code = main(["extract", "--published", "2022-10-07", "--reference", str(PAYROLLS / "reference/fred/PAYEMS.csv"),
                 "--unit", f"{PAYROLLS / 'reference/fred/PAYEMS.csv'}=Thousands of Persons", "--",
                 str(PAYROLLS / "payrolls-illustration.txt")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "reference: [{file: " in captured.out and "PAYEMS.csv, unit: Thousands of Persons}]" in captured.out
    assert "quote: The U.S. economy added 466,000 jobs in September 2021." in captured.out


def test_reference_given_twice_reads_both_files(capsys) -> None:
    """A repeated ``--reference`` kept only its last list, so ``--unit`` for the first file was refused as
    "not one of the --reference files", and its series were never suggested."""
    fred = PAYROLLS / "reference" / "fred"
    code = main(["extract", str(PAYROLLS / "payrolls-illustration.txt"), "--published", "2022-10-07",
                 "--reference", str(fred / "PAYEMS.csv"), "--reference", str(fred / "U6RATE.csv"),
                 "--unit", "PAYEMS.csv=Thousands of Persons", "--unit", "U6RATE.csv=Percent"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "PAYEMS.csv, unit: Thousands of Persons}" in captured.out and "U6RATE.csv, unit: Percent}" in captured.out


def test_extract_with_no_article_at_all_is_still_the_usage_error(capsys) -> None:
    assert main(["extract"]) == 2
    assert "required: ARTICLE" in capsys.readouterr().err


def test_metrics_of_a_claim_file_lists_the_keys_of_the_files_it_names(capsys) -> None:
    code = main(["metrics", str(ROOT / "claims" / "meta-ai-pivot.yaml"), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    listed = {entry["metric"] for entry in json.loads(captured.out)}
    alone = main(["metrics", "--format", "json",
                  *(str(ROOT / "claims" / "reference" / name) for name in ("meta.yaml", "meta-stock.csv", "fx.csv"))])
    assert alone == 0
    assert listed == {entry["metric"] for entry in json.loads(capsys.readouterr().out)}
    assert "silicon_valley.black_share" in listed


def test_metrics_of_a_claim_file_whose_references_are_missing_names_them(tmp_path: Path, capsys) -> None:
    """The ECOS example's downloads are fetched, not committed: in a copy without them each is named."""
    example = ROOT / "examples" / "ecos-import-prices"
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    for name in ("claims.yaml", "article.ko.txt"):
        (tmp_path / name).write_text((example / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["metrics", str(tmp_path / "claims.yaml")]) == 2
    error = capsys.readouterr().err
    assert "reference 'import_cost2.json' not found" in error and "unknown key" not in error


@pytest.mark.parametrize(("article", "language", "words"), [
    (META_ARTICLE, "ko", "발행일이 없어"),
    (ROOT / "examples" / "us-economy" / "statements.txt", "en", "no publication date"),
])
def test_an_undated_article_warns_that_relative_periods_stay_unresolved(article: Path, language: str, words: str,
                                                                        capsys) -> None:
    assert main(["extract", "--lang", language, str(article)]) == 0
    error = capsys.readouterr().err
    assert words in error and "--published" in error and str(article) in error


def test_a_dated_article_gives_no_such_warning(capsys) -> None:
    assert main(["extract", "--published", "2024-02-19", str(META_ARTICLE)]) == 0
    assert capsys.readouterr().err == ""


def test_an_undated_article_whose_periods_are_all_written_out_gives_no_warning(capsys) -> None:
    """"466,000 jobs in September 2021" needs no publication date: warning there would be noise."""
    assert main(["extract", str(PAYROLLS / "payrolls-illustration.txt")]) == 0
    assert capsys.readouterr().err == ""


def _periods(text: str, published: str | None) -> dict[str, str | None]:
    return {found.quantity.text: found.period for found in extract(text, "ko", published).quantities}


def test_an_unresolvable_year_word_clears_the_year_carried_from_earlier_sentences() -> None:
    """"지난해 7월 … 9월에는": with no publication date 9월 is of no known year, not 2022 from a paragraph before."""
    text = META_ARTICLE.read_text(encoding="utf-8")
    undated = {found.quantity.text: found.period for found in extract(text, "ko", None).quantities}
    assert undated["2022년 3분기"] == "2022-Q3"   # the year is named there
    assert undated["9월"] is None
    dated = {found.quantity.text: found.period for found in extract(text, "ko", "2024-02-19").quantities}
    assert dated["9월"] == "2023-09"


def test_an_unresolvable_period_in_the_sentence_is_not_skipped_for_an_earlier_one() -> None:
    """"2021년 … 지난해 수출은 3억 달러": undated, 3억 달러 is of "last year", whatever that is, never 2021."""
    sentence = "2021년 수출은 5억 달러였고 지난해 수출은 3억 달러였다."
    assert _periods(sentence, None)["3억 달러"] is None
    assert _periods(sentence, "2023-01-02")["3억 달러"] == "2022"
    assert _periods(sentence, None)["5억 달러"] == "2021"


def test_update_dates_the_new_claims_by_the_claim_files_published_date(tmp_path: Path, capsys) -> None:
    """The Meta story carries no date; its claim file says 2024-02-19. Claims merged into that file are
    dated as check will judge them ("지난해 4분기" is 2023-Q4) without --published repeating it."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    claim_file = tmp_path / "claims" / "meta-ai-pivot.yaml"
    text = claim_file.read_text(encoding="utf-8")
    claim_file.write_text(text[:text.index("  - id: horizon-worlds-ten-months-after-rename")], encoding="utf-8")
    assert main(["extract", str(tmp_path / "claims" / "articles" / "meta-ai-pivot.ko.txt"),
                 "--update", str(claim_file)]) == 0
    captured = capsys.readouterr()
    assert "warning" not in captured.err and "new claim(s) added" in captured.err
    merged = claim_file.read_text(encoding="utf-8")
    assert "value: 401억 달러  # period: 2023-Q4" in merged


def test_a_claim_file_given_as_reference_names_the_files_to_give_instead(monkeypatch, capsys) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["extract", "claims/articles/meta-ai-pivot.ko.txt", "--published", "2024-02-19", "--reference",
                 "claims/meta-ai-pivot.yaml"])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        "claims/meta-ai-pivot.yaml:1:1: a claim file, not reference data: give --reference the files its reference: "
        "names (claims/reference/meta.yaml claims/reference/meta-stock.csv claims/reference/fx.csv)"]


@pytest.mark.parametrize(("given", "says"), [
    ("claims/reference/meta.yaml", "not a claim file: no top-level 'version', 'article' or 'claims' (its keys: rows, "
                                   "events, aliases); a reference file or an article is named in a claim file"),
    ("claims/reference/fx.csv", "got string; a reference file or an article is named in a claim file"),
    ("claims/articles/meta-ai-pivot.ko.txt", "got string; a reference file or an article is named in a claim file"),
])
def test_check_given_a_reference_file_or_an_article_says_what_it_takes(given: str, says: str, monkeypatch,
                                                                      capsys) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", given]) == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith(given)]
    assert len(errors) == 1 and says in errors[0] and "unknown key" not in errors[0]


@pytest.mark.parametrize(("front_matter", "hint"), [
    ("", "; give it as published: YYYY-MM-DD under article:"),
    ("---\npublished: 2024-02-19\n---\n", "; the article dates itself 2024-02-19: write published: 2024-02-19 under article:"),
])
def test_a_relative_period_in_a_claim_file_without_published_says_what_to_write(tmp_path: Path, front_matter: str,
                                                                                 hint: str) -> None:
    """"지난해 4분기" needs the claim file's published:; the error says the date the article gives itself (as extract
    reads it), never judging by it unasked."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    article = tmp_path / "claims" / "articles" / "meta-ai-pivot.ko.txt"
    article.write_text(front_matter + article.read_text(encoding="utf-8"), encoding="utf-8")
    claim_file = tmp_path / "claims" / "meta-ai-pivot.yaml"
    text = claim_file.read_text(encoding="utf-8").replace("  published: 2024-02-19\n", "")
    claim_file.write_text(text.replace("period: 2023-Q4", "period: 지난해 4분기", 1), encoding="utf-8")
    report = check([claim_file])
    [relative] = [result for result in report.results if "지난해 4분기" in result.explanation]
    assert relative.verdict == "error"
    assert relative.explanation.endswith(f"bad period 지난해 4분기: a relative period needs the article's published date{hint}")


def test_a_time_series_csv_without_entity_or_source_takes_them_from_options(tmp_path: Path, capsys) -> None:
    """A time-series CSV naming no entity or source asked for a reference entry extract cannot write, or an
    edit of the download; ``--entity`` and ``--source`` give them as ``--unit`` gives a unit (written here)."""
    (tmp_path / "krw.csv").write_text("date,krw_per_usd\n2022-09-28,1440.50\n2022-11-01,1416.20\n", encoding="utf-8")
    (tmp_path / "fx.txt").write_text("원·달러 환율이 9월 28일 달러당 1,440.5원을 기록했다.\n", encoding="utf-8")
    base = ["extract", str(tmp_path / "fx.txt"), "--published", "2022-11-02", "--reference", str(tmp_path / "krw.csv"),
            "--unit", "krw.csv=KRW/USD", "--title", "krw.csv=원·달러 환율"]
    assert main(base) == 2
    error = capsys.readouterr().err
    assert "names no entity: give it with --entity " in error and "krw.csv=NAME" in error
    assert "names no source: give it with --source " in error and "reference entry" not in error
    code = main([*base, "--entity", "krw.csv=fx", "--source", "krw.csv=https://fred.stlouisfed.org/series/DEXKOUS"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "entity: fx, source: https://fred.stlouisfed.org/series/DEXKOUS" in captured.out
    assert "metric: fx.krw_per_usd" in captured.out

"""Drafts that link themselves to reference data as providers publish it (issue 21, item 5).

Real provider files from ../shared (FRED graph CSVs, EDGAR companyfacts, ECOS), read in
place and skipped when absent; no test reaches the internet.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.cli import main

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

"""The adoption commands around the reports: lint, explain, baselines, --output, the progress bar."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checker import progress
from reports_support import run_cli, tricky_repository


def test_lint_passes_the_worked_example() -> None:
    done = run_cli("lint", "claims/", "claims/reference/meta-stock.csv")
    assert (done.returncode, done.stderr) == (0, "")
    assert "32 claims" in done.stdout and "no problem(s)" in done.stdout


def test_lint_reports_unknown_names_without_evaluating(tmp_path: Path) -> None:
    claims = tricky_repository(tmp_path)
    done = run_cli("lint", claims.name, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["claims.yaml:32:13: unknown metric 'acme.proft' (did you mean 'acme.profit'?)"]


def test_lint_reports_a_broken_reference_file(tmp_path: Path) -> None:
    broken = tmp_path / "reference" / "bad.csv"
    broken.parent.mkdir()
    broken.write_text("entity,metric,period,value,unit,source\nacme,revenue,2023,lots,USD,x\n", encoding="utf-8")
    done = run_cli("lint", "reference/bad.csv", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("reference/bad.csv:2:") and "Traceback" not in done.stderr


@pytest.mark.parametrize(("claim_id", "lines"), [
    ("stock-low-nov-2022", ["verdict   ≈ imprecise", "allowed   [90, 100]", "imprecise [80, 110]",
                            "series    21 daily values 2022-11-01..2022-11-30, from 88.91 to 118.1"]),
    ("h100-cost-in-won", ["checked   against the article's numbers and reference data",
                          "  1. '적게 잡아도 90억 달러' (h100-cost-at-least-9bn-as-stated) as stated: "
                          "9,000,000,000 [8,550,000,000, 9,450,000,000] USD"]),
], ids=["daily-series", "relation-operands"])
def test_explain_prints_the_evidence_trail(claim_id: str, lines: list[str]) -> None:
    done = run_cli("explain", "--lang", "en", f"claims/meta-ai-pivot.yaml#{claim_id}")
    assert done.returncode == 0, done.stderr
    printed = done.stdout.splitlines()
    assert printed[0].startswith(f"claim     {claim_id}  (claims/meta-ai-pivot.yaml:")
    assert all(line in printed for line in lines), done.stdout
    assert any(line.startswith("  - ") for line in printed)       # sources
    assert printed[-1].startswith("because   Checked against")


@pytest.mark.parametrize(("target", "message"), [
    ("claims/meta-ai-pivot.yaml#h100-cost", "no claim 'h100-cost' (did you mean one of "
     "'h100-cost-at-least-9bn-as-stated', 'h100-cost-at-least-9bn', 'h100-cost-in-won'?)"),
    ("claims/meta-ai-pivot.yaml#horizon", "no claim 'horizon' (did you mean one of "
     "'horizon-worlds-ten-months-after-rename', 'horizon-worlds-ten-months-as-stated'?)"),
    ("claims/meta-ai-pivot.yaml#Stock-Nov-2021", "no claim 'Stock-Nov-2021' (did you mean 'stock-nov-2021'?)"),
    ("claims/meta-ai-pivot.yaml#layof-2022-11000", "no claim 'layof-2022-11000' (did you mean 'layoff-2022-11000'?)"),
    ("claims/meta-ai-pivot.yaml", "expected FILE#CLAIM_ID, got 'claims/meta-ai-pivot.yaml'; its claims: "
     "'black-share-silicon-valley', 'horizon-worlds-ten-months-after-rename', 'horizon-worlds-ten-months-as-stated', "
     "'metaverse-spend-10bn', 'metaverse-spend-in-won' and 27 more"),
], ids=["part-of-several-ids", "part-of-two-ids", "case", "typo", "no-id"])
def test_explain_bad_targets(target: str, message: str) -> None:
    done = run_cli("explain", target)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_explain_of_a_missing_file_says_so_once() -> None:
    """No "no claim 'x'" after the file's own error: nothing was read to miss it in."""
    done = run_cli("explain", "claims/meta-ai-pivt.yaml#x")
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["claims/meta-ai-pivt.yaml:1:1: no such file or directory"]


def test_baseline_accepts_known_failures_and_catches_new_ones(tmp_path: Path) -> None:
    claims = tricky_repository(tmp_path)
    claims.write_text(claims.read_text(encoding="utf-8").replace("  - id: typo-metric", "  - id: typo-metric\n"
                      "    expect: error"), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    first = run_cli("check", "claims.yaml", "--format", "parsable", "--baseline", str(baseline), "--write-baseline",
                    cwd=tmp_path)
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["failures"]
    assert {(entry["id"], entry["verdict"]) for entry in recorded} == {("revenue-ruled-refuted", "supported"),
                                                                       ("profit", "refuted")}
    assert first.returncode == 2  # typo-metric is invalid input: never baselined
    claims.write_text(claims.read_text(encoding="utf-8").replace("metric: acme.proft", "metric: acme.profit"),
                      encoding="utf-8")
    assert run_cli("check", "claims.yaml", "--baseline", str(baseline), cwd=tmp_path).returncode == 1  # now refuted: new
    claims.write_text(claims.read_text(encoding="utf-8").replace("    expect: error\n", ""), encoding="utf-8")
    claims.write_text(claims.read_text(encoding="utf-8").replace("  - id: typo-metric", "  - id: profit-again"),
                      encoding="utf-8")
    assert run_cli("check", "claims.yaml", "--baseline", str(baseline), cwd=tmp_path).returncode == 1
    baseline_only = run_cli("check", "claims.yaml", "--baseline", str(baseline), "--write-baseline", cwd=tmp_path)
    assert baseline_only.returncode == 0
    assert run_cli("check", "claims.yaml", cwd=tmp_path).returncode == 1


def test_a_bad_baseline_file_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "baseline.json").write_text("[1, 2]", encoding="utf-8")
    done = run_cli("check", "claims/", "--baseline", str(tmp_path / "baseline.json"))
    assert done.returncode == 2 and "not a baseline file" in done.stderr


@pytest.mark.parametrize("name", ["junit", "sarif", "html", "claimreview", "markdown"])
def test_output_writes_the_format_while_the_human_report_prints(tmp_path: Path, name: str) -> None:
    target = tmp_path / f"report.{name}"
    done = run_cli("check", "claims/", "--lang", "en", "--format", name, "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 1000
    assert done.stdout.splitlines()[-1].startswith("coverage: ")  # parsable, since stdout is a pipe


def test_output_never_replaces_another_claim_file(tmp_path: Path) -> None:
    """A claim file this run does not read is still someone's hand work: ``--output`` refuses it, and a former
    report at the same path is replaced as before."""
    other = tmp_path / "other-article.yaml"
    written = "version: 1\narticle: {file: other.txt, published: 2024-01-02}\nclaims: []\n"
    other.write_text(written, encoding="utf-8")
    done = run_cli("check", "claims/", "--format", "json", "--output", str(other))
    assert done.returncode == 2 and other.read_text(encoding="utf-8") == written
    assert "is a claim file, written by hand; write the report elsewhere" in done.stderr
    report = tmp_path / "report.json"
    report.write_text("{}", encoding="utf-8")
    assert run_cli("check", "claims/", "--format", "json", "--output", str(report)).returncode == 0
    assert report.stat().st_size > 1000


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "environment", "expected"), [
    (Terminal(), {}, True),
    (Terminal(), {"CI": "true"}, False),
    (Terminal(), {"GITHUB_ACTIONS": "true"}, False),
    (Terminal(), {"TERM": "dumb"}, False),
    (io.StringIO(), {}, False),
], ids=["terminal", "ci", "github-actions", "dumb-terminal", "pipe"])
def test_progress_bar_only_on_a_terminal_outside_ci(stream, environment: dict, expected: bool) -> None:
    assert progress.wanted(stream, environment) is expected


def test_no_progress_bar_in_piped_output() -> None:
    done = run_cli("check", "claims/", "--format", "parsable")
    assert "\x1b" not in done.stdout + done.stderr and "checking claim files" not in done.stderr

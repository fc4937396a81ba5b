"""GitHub workflow commands: one annotation per claim worth a look, escaped per GitHub's rules,
and the Markdown summary appended to $GITHUB_STEP_SUMMARY."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from checker import reports
from checker.reports import github
from reports_support import tricky, worked_example

# GitHub's syntax: ::level key=value,key=value::message, with %, CR, LF (and : , in values) escaped.
COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:\r\n]*)(?:,[a-z]+=[^,:\r\n]*)*)::([^\r\n]*)$")


def unescape(text: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]], text)


def annotations(report, monkeypatch) -> list[tuple[str, dict, str]]:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    stream = io.StringIO()
    github.render(report, stream)
    found = []
    for line in stream.getvalue().splitlines():
        if line.startswith("::"):
            match = COMMAND.match(line)
            assert match, line
            properties = dict(pair.split("=", 1) for pair in match[2].split(","))
            found.append((match[1], {key: unescape(value) for key, value in properties.items()}, unescape(match[3])))
    return found


def test_levels_and_locations(tmp_path: Path, monkeypatch) -> None:
    report = tricky(tmp_path)
    found = {props["title"].split()[1]: (level, props) for level, props, _ in annotations(report, monkeypatch)}
    assert {claim: level for claim, (level, _) in found.items()} == {
        "revenue-ruled-refuted": "error", "profit": "error", "staff": "notice", "typo-metric": "error"}
    by_id = {result.id: result for result in report.results}
    for claim, (_, props) in found.items():
        result = by_id[claim]
        assert (props["file"], props["line"], props["col"]) == (result.file, str(result.line), str(result.column))
    assert "expected refuted" in found["revenue-ruled-refuted"][1]["title"]


def test_imprecise_is_a_warning_and_percent_signs_survive(monkeypatch) -> None:
    found = annotations(worked_example(), monkeypatch)
    warning = next(message for level, props, message in found if props["title"] == "imprecise black-share-silicon-valley")
    assert [level for level, *_ in found].count("warning") == 2
    assert "The claim '2%' (exact)" in warning


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("50%", "50%25", "50%25"),
    ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),
    ("x: y, z", "x: y, z", "x%3A y%2C z"),
], ids=["percent", "newlines", "colon-comma"])
def test_escaping(text: str, data: str, prop: str) -> None:
    assert (github.escape_data(text), github.escape_property(text)) == (data, prop)


def test_step_summary_is_appended(tmp_path: Path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    report = worked_example()
    github.render(report, io.StringIO())
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## claimcheck: 32 claims") and report.coverage.line() in text


@pytest.mark.parametrize(("environment", "expected"), [({"GITHUB_ACTIONS": "true"}, "github"), ({}, "parsable")],
                         ids=["actions", "pipe"])
def test_auto_picks_github_under_actions(monkeypatch, environment: dict, expected: str) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    assert reports.resolve("auto", io.StringIO()) == expected

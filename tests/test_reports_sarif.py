"""SARIF output, validated against the official OASIS SARIF 2.1.0 schema (copied beside this file)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checker.evaluation.results import VERDICTS
from checker.reports import sarif
from reports_support import VERDICTS as TRICKY_VERDICTS, tricky, worked_example

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra: pip install '.[test]'")
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def rendered(report) -> dict:
    stream = io.StringIO()
    sarif.render(report, stream)
    return json.loads(stream.getvalue())


@pytest.mark.parametrize("make", [lambda tmp: worked_example(), tricky], ids=["worked-example", "every-verdict"])
def test_output_is_valid_sarif_2_1_0(tmp_path: Path, make) -> None:
    log = rendered(make(tmp_path))
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0"


def test_a_rule_per_verdict_and_a_located_result_per_claim() -> None:
    report = worked_example()
    run = rendered(report)["runs"][0]
    assert [rule["name"] for rule in run["tool"]["driver"]["rules"]] == [*VERDICTS, sarif.INVALID_INPUT]
    assert len(run["results"]) == len(report.results)
    for entry, result in zip(run["results"], report.results):
        region = entry["locations"][0]["physicalLocation"]["region"]
        assert (entry["ruleId"], region["startLine"], region["startColumn"]) == (
            f"claimcheck/{result.verdict}", result.line, result.column)
        assert run["tool"]["driver"]["rules"][entry["ruleIndex"]]["id"] == entry["ruleId"]


LEVELS = {"revenue": ("none", "pass"), "revenue-ruled-refuted": ("error", None), "profit": ("error", None),
          "staff": ("note", None), "typo-metric": ("error", None)}


@pytest.mark.parametrize("claim_id", list(LEVELS), ids=list(LEVELS))
def test_levels_follow_verdicts_and_rulings(tmp_path: Path, claim_id: str) -> None:
    entries = {entry["properties"]["id"]: entry for entry in rendered(tricky(tmp_path))["runs"][0]["results"]}
    entry = entries[claim_id]
    assert (entry["level"], entry.get("kind")) == LEVELS[claim_id], TRICKY_VERDICTS[claim_id]

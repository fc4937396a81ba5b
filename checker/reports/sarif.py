"""``sarif``: SARIF 2.1.0, for code-scanning views (GitHub, GitLab, IDEs).

One rule per verdict kind (``claimcheck/refuted`` …, plus ``claimcheck/invalid-input``
for files that cannot be used) and one result per claim, located at the claim's file,
line and column. Levels: refuted, error and a ruling mismatch ``error``; imprecise
``warning``; unverifiable ``note``; a supported claim is a result of kind ``pass``, so
a viewer can show what was checked, not only what failed. The claimed and actual
values, the rule and the sources ride along in each result's ``properties``.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import TextIO
from urllib.parse import quote

from checker import version
from checker.errors import InputError
from checker.evaluation.results import VERDICTS, Report, Result
from checker.messages import say, verdict_name
from checker.reports.jsontext import dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INVALID_INPUT = "invalid-input"
_PROPERTIES = ("id", "quote", "expected", "claimed", "actual", "rule", "check", "by_rounding", "sources", "note",
               "evidence_timing")
_LEVEL = {"supported": "none", "imprecise": "warning", "refuted": "error", "unverifiable": "note", "error": "error"}


def render(report: Report, stream: TextIO) -> None:
    rule_ids = [*VERDICTS, INVALID_INPUT]
    driver = {
        "name": "claimcheck",
        "version": version.package_version(),
        "informationUri": "https://pypi.org/project/claimcheck/",
        "rules": [{"id": f"claimcheck/{rule}", "name": rule,
                   "shortDescription": {"text": say(report.language, f"sarif.{rule}")}} for rule in rule_ids],
    }
    results = [_error(error, rule_ids.index(INVALID_INPUT)) for error in report.errors]
    results += [_result(result, rule_ids.index(result.verdict)) for result in report.results]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "results": results,
            "properties": {"summary": report.summary(), "coverage": report.coverage.line(), "commit": version.commit()},
        }],
    }
    stream.write(dumps(log) + "\n")


def _result(result: Result, rule_index: int) -> dict:
    mismatch = result.expected is not None and result.expected != result.verdict
    language = result.language
    message = result.explanation
    if mismatch:
        message = say(language, "mismatch.sarif", expected=verdict_name(result.expected, language),
                      verdict=verdict_name(result.verdict, language), text=message)
    if result.timing_warning:
        message += "\n" + say(language, "note", text=result.timing_warning)
    entry = {
        "ruleId": f"claimcheck/{result.verdict}",
        "ruleIndex": rule_index,
        "level": "error" if mismatch else _LEVEL[result.verdict],
        "message": {"text": message},
        "locations": [_location(result.file, result.line, result.column)],
        "partialFingerprints": {"claimId/v1": f"{result.file}#{result.id}"},
        "properties": {key: value for key, value in result.to_dict().items() if key in _PROPERTIES},
    }
    if result.verdict == "supported" and not mismatch:
        entry["kind"] = "pass"
    return entry


def _error(error: InputError, rule_index: int) -> dict:
    where = error.location
    return {
        "ruleId": f"claimcheck/{INVALID_INPUT}",
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": error.message},
        "locations": [_location(where.path, where.line, where.column)],
    }


def _location(path: str, line: int, column: int) -> dict:
    return {"physicalLocation": {
        "artifactLocation": {"uri": quote(PurePath(path).as_posix())},
        "region": {"startLine": max(line, 1), "startColumn": max(column, 1)},
    }}


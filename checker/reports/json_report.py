"""``json``: the report as DESIGN's JSON contract (``check --format json``)."""
from __future__ import annotations

from typing import TextIO

from checker import version
from checker.evaluation.results import Report
from checker.reports.jsontext import dumps



def render(report: Report, stream: TextIO) -> None:
    stream.write(dumps({**report.to_dict(), "claimcheck": version.describe()}) + "\n")

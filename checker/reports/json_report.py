"""``json``: the report as DESIGN's JSON contract (``check --format json``)."""
from __future__ import annotations

import json
from typing import TextIO

from checker.evaluation.results import Report

NAME = "json"


def render(report: Report, stream: TextIO) -> None:
    json.dump(report.to_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")

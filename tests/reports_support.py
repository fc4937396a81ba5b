"""What the report tests share: the worked example's report, and a small claim repository
with every verdict, a ruling mismatch, and markup in its article and claim file."""
from __future__ import annotations

from pathlib import Path

from checker.evaluation.engine import check
from checker.evaluation.results import Report

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = '애크미는 2023년 매출 100억 달러를 기록했다. 이익은 50억 달러였다.\n직원은 <script>alert("x")</script> 500명이다.\n'
REFERENCE = """source: https://example.org/data?a=1&b=2
rows:
  - {entity: acme, metric: revenue, period: 2023, value: 10000000000, unit: USD}
  - {entity: acme, metric: profit, period: 2023, value: 2000000000, unit: USD}
"""
CLAIMS = """version: 1
article:
  file: article.txt
  published: 2024-01-10
  language: ko
  source: {title: "<b>Acme</b> results", url: "https://example.org/a?x=1&y=<2>", publisher: Acme Daily}
reference: [reference/data.yaml]
claims:
  - id: revenue
    quote: 2023년 매출 100억 달러
    value: 100억 달러
    metric: acme.revenue
    period: 2023
  - id: revenue-ruled-refuted
    quote: 매출 100억 달러를 기록했다
    value: 100억 달러
    metric: acme.revenue
    period: 2023
    expect: refuted
  - id: profit
    quote: 이익은 50억 달러였다
    value: 50억 달러
    metric: acme.profit
    period: 2023
  - id: staff
    quote: <script>alert("x")</script> 500명
    value: 500명
    note: <img src=x onerror=alert(1)> & "quotes"
  - id: typo-metric
    quote: 이익은 50억 달러
    value: 50억 달러
    metric: acme.proft
    period: 2023
"""
#: The verdicts the engine gives the claims above, in order.
VERDICTS = {"revenue": "supported", "revenue-ruled-refuted": "supported", "profit": "refuted",
            "staff": "unverifiable", "typo-metric": "error"}


def worked_example() -> Report:
    """The worked example's report in English (the article is Korean; tests of Korean reports say so)."""
    return check([ROOT / "claims"], language="en")


def tricky_repository(folder: Path) -> Path:
    """Write the small repository into ``folder``; returns the claim file."""
    (folder / "reference").mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "reference" / "data.yaml").write_text(REFERENCE, encoding="utf-8")
    claims = folder / "claims.yaml"
    claims.write_text(CLAIMS, encoding="utf-8")
    return claims


def tricky(folder: Path, language: str = "en") -> Report:
    """The small repository's report, English unless ``language`` asks (its article is Korean)."""
    return check([tricky_repository(folder)], language=language)


def run_cli(*arguments: str, cwd: Path = ROOT, environment: dict | None = None):
    """``python -m checker ARGUMENTS`` in ``cwd``, outside CI unless ``environment`` says otherwise."""
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key not in ("CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env.update({"PYTHONPATH": str(ROOT), **(environment or {})})
    return subprocess.run([sys.executable, "-m", "checker", *arguments], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=env)

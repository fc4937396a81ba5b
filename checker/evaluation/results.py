"""What the engine hands to reports: one result per claim, input errors, totals, coverage.

Reports render these and never compute a verdict; ``to_dict`` is the JSON contract of
DESIGN ("check --format json").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable

from checker.claimfile.model import Article
from checker.errors import InputError
from checker.evaluation.timing import Timing, warning
from checker.messages import ENGLISH, say, verdict_name
from checker.quick_init import quick_init

VERDICTS = ("supported", "imprecise", "refuted", "unverifiable", "error")
#: ``--fail-on`` is a threshold: each level fails on itself and on every level before it.
FAIL_LEVELS = ("refuted", "imprecise", "unverifiable")


@quick_init
@dataclass(frozen=True, slots=True)
class Result:
    """The verdict on one claim and the evidence a person needs to retrace it.

    Slotted: a run of 100,000 claims holds as many results to its end, and a dict per
    result would cost it about 60 MB.
    """

    file: str
    line: int
    column: int
    id: str
    quote: str | None
    verdict: str
    explanation: str
    by_rounding: bool = False
    expected: str | None = None
    claimed: dict | None = None
    actual: dict | None = None
    sources: tuple[str, ...] = ()
    rule: str | None = None
    check: str | None = None
    revised: dict | None = None
    steps: tuple[str, ...] = ()
    note: str | None = None
    quote_span: tuple[int, int] | None = None
    #: The allowed interval and the imprecise band the verdict was decided by, for pictures
    #: of the claim (``{"allowed": (low, high), "imprecise": (low, high)}``, ``None`` unbounded).
    bands: dict[str, tuple[Decimal | None, Decimal | None]] | None = None
    #: The daily rows behind an aggregate lookup (``(ISO date, value)``), for a sparkline.
    series: tuple[tuple[str, Decimal], ...] = ()
    #: How the reference rows behind the verdict are dated against the article (None: no rows).
    timing: Timing | None = None
    #: The provider pages of the tables behind the verdict, ``(series name or metric, URL)`` (FRED, EDGAR, KOSIS, DART).
    links: tuple[tuple[str, str], ...] = ()
    #: The language the result's words are in (``checker.messages``); not a JSON field: codes stay codes.
    language: str = ENGLISH

    @property
    def timing_warning(self) -> str | None:
        """Said on its own line by every report: a failing verdict on figures the writer may not have seen."""
        return None if self.verdict == "supported" else warning(self.timing, self.language)

    def fails(self, fail_on: str = "refuted") -> bool:
        """Whether this result fails a run: a ruling mismatch, or a verdict at or past ``fail_on``."""
        if self.expected is not None:
            return self.verdict != self.expected
        return self.verdict in FAIL_LEVELS[: FAIL_LEVELS.index(fail_on) + 1]

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "id": self.id,
            "quote": self.quote,
            "verdict": self.verdict,
            "by_rounding": self.by_rounding,
            "expected": self.expected,
            "claimed": _jsonable(self.claimed),
            "actual": _jsonable(self.actual),
            "rule": self.rule,
            "check": self.check,
            "revised": _jsonable(self.revised),
            "explanation": self.explanation,
            "steps": list(self.steps),
            "sources": list(self.sources),
            "links": [{"name": name, "url": url} for name, url in self.links],
            "note": self.note,
            "evidence_timing": self.timing.to_dict() if self.timing else None,
            "timing_warning": self.timing_warning,
        }


@dataclass(frozen=True)
class Coverage:
    """How many of the articles' numbers some claim covers, so an unchecked number shows."""

    numbers_in_articles: int = 0
    numbers_with_claims: int = 0

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(
            self.numbers_in_articles + other.numbers_in_articles,
            self.numbers_with_claims + other.numbers_with_claims,
        )

    def line(self, language: str = ENGLISH) -> str:
        total, covered = self.numbers_in_articles, self.numbers_with_claims
        share = say(language, "coverage.share", percent=covered * 100 // total) if total else ""
        return say(language, "coverage", covered=covered, total=total, share=share)


@dataclass
class Report:
    """Everything one run found."""

    results: list[Result] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)
    #: The article each claim file quotes, by the claim file as results name it, for
    #: reports that show the article itself (HTML) or cite it (ClaimReview).
    articles: dict[str, Article] = field(default_factory=dict)
    #: Every file the run read (claim files, articles, reference files), so the command
    #: line can refuse to write a report or baseline over one of them.
    inputs: list[Path] = field(default_factory=list)
    #: The language of the report's own words (headings, totals): the first claim file's.
    language: str = ENGLISH

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        for result in self.results:
            counts[result.verdict] += 1
        return counts

    def exit_code(self, fail_on: str = "refuted", accepted: Callable[[Result], bool] | None = None) -> int:
        """DESIGN's codes: 2 for any input error (it wins), 1 for a failed claim, else 0.

        ``accepted`` names failures already known (a baseline) that no longer fail the run.
        """
        if self.errors or any(result.verdict == "error" for result in self.results):
            return 2
        failed = (result for result in self.results if result.fails(fail_on))
        return 1 if any(accepted is None or not accepted(result) for result in failed) else 0

    def late_evidence(self) -> int:
        """How many failing verdicts rest on figures published after the article, or at an unknown date."""
        return sum(1 for result in self.results if result.timing_warning)

    def totals_line(self) -> str:
        language = self.language
        counts = ", ".join(say(language, "totals.count", count=count, verdict=verdict_name(verdict, language))
                           for verdict, count in self.summary().items())
        late = self.late_evidence()
        dated = say(language, "totals.late", count=late) if late else ""
        errors = say(language, "totals.errors", count=len(self.errors)) if self.errors else ""
        return say(language, "totals", count=len(self.results), counts=counts, late=dated, errors=errors)

    def to_dict(self) -> dict:
        return {
            "version": 1,
            "results": [result.to_dict() for result in self.results],
            "errors": [error.to_dict() for error in self.errors],
            "summary": self.summary(),
            "coverage": {
                "numbers_in_articles": self.coverage.numbers_in_articles,
                "numbers_with_claims": self.coverage.numbers_with_claims,
            },
        }


def _jsonable(value):
    """Decimals become JSON numbers (ints when whole) so consumers need no string parsing.

    A value no JSON number can hold (an ``expr`` result of 9.5e+999999: a float is
    infinite, an int a million digits) is written as its decimal string instead.

    >>> _jsonable([Decimal("4395000000"), Decimal("0.25"), Decimal("9.5E+999999")])
    [4395000000, 0.25, '9.5E+999999']
    """
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, Decimal):
        if value.is_finite() and abs(value.adjusted()) <= _JSON_EXPONENT:
            return int(value) if value == value.to_integral_value() else float(value)
        return str(value)
    return value


_JSON_EXPONENT = 300
"""Decimal exponents a JSON number (a double, as readers parse it) can carry."""

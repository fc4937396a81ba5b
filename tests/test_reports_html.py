"""The HTML article view, read back by an HTML parser: one mark per claim with its verdict,
nothing fetched from outside, and everything from articles and claim files escaped."""
from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

from checker.evaluation.results import Result
from checker.reports import html, svg
from reports_support import VERDICTS, tricky, worked_example


class Page(HTMLParser):
    """The parts of a page the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict] = []
        self.tags: list[tuple[str, dict]] = []
        self.depth = 0          # marks open right now
        self.nested = 0         # marks opened inside another
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "mark" and "claim" in attributes.get("class", "").split():
            self.nested += self.depth > 0
            self.depth += 1
            self.marks.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def page(report) -> tuple[str, Page]:
    stream = io.StringIO()
    html.render(report, stream)
    parsed = Page()
    parsed.feed(stream.getvalue())
    parsed.close()
    return stream.getvalue(), parsed


def test_every_claim_of_the_worked_example_is_marked_with_its_verdict() -> None:
    report = worked_example()
    text, parsed = page(report)
    assert [(m["data-claim-id"], m["data-verdict"]) for m in parsed.marks] != []
    assert sorted((m["data-claim-id"], m["data-verdict"]) for m in parsed.marks) == sorted(
        (result.id, result.verdict) for result in report.results)
    assert all(mark["tabindex"] == "0" for mark in parsed.marks)
    assert report.coverage.line() in text and report.totals_line() in text


def test_the_page_is_self_contained() -> None:
    text, parsed = page(worked_example())
    assert not [tag for tag, _ in parsed.tags if tag in ("script", "link", "img", "iframe", "object")]
    assert not [attrs for _, attrs in parsed.tags if "src" in attrs]
    assert "@import" not in text and "url(" not in text and "@font-face" not in text


def test_markup_from_the_article_and_claim_file_is_shown_as_text(tmp_path: Path) -> None:
    report = tricky(tmp_path)
    text, parsed = page(report)
    assert not [tag for tag, _ in parsed.tags if tag in ("script", "img")]
    assert not [attrs for _, attrs in parsed.tags if any(name.startswith("on") for name in attrs)]
    shown = "".join(parsed.texts)
    assert '<script>alert("x")</script>' in shown and "<img src=x onerror=alert(1)>" in shown
    assert "<b>Acme</b> results" in shown
    assert sorted((m["data-claim-id"], m["data-verdict"]) for m in parsed.marks) == sorted(VERDICTS.items())


def test_claims_sharing_a_number_nest_instead_of_crossing(tmp_path: Path) -> None:
    _, parsed = page(tricky(tmp_path))
    assert parsed.nested == 2        # the two revenue claims, and profit with typo-metric
    assert parsed.depth == 0


def test_daily_series_get_a_sparkline_with_the_band() -> None:
    result = next(r for r in worked_example().results if r.id == "stock-low-nov-2022")
    picture = svg.sparkline(result)
    assert picture is not None and picture.count("<polyline") == 1 and "<rect" in picture
    assert "21 daily values 2022-11-01..2022-11-30" in picture


def test_number_line_shades_the_allowed_interval_and_marks_the_actual_value() -> None:
    result = next(r for r in worked_example().results if r.id == "q3-2022-net-income")
    picture = svg.number_line(result)
    assert picture.count("<rect") == 2 and "<circle" in picture and "4,395,000,000" in picture
    assert svg.sparkline(result) is None


def test_an_invalid_claim_has_no_picture() -> None:
    bare = Result(file="f.yaml", line=1, column=1, id="x", quote=None, verdict="error", explanation="bad")
    assert svg.number_line(bare) is None and svg.sparkline(bare) is None

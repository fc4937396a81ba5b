"""Markdown summary, read back by markdown-it-py (a CommonMark parser; rich already depends on it)
with GitHub's table extension: every claim is a table row, cells intact, markup escaped."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt

from checker.reports import markdown
from reports_support import tricky, worked_example


def rendered(report) -> str:
    stream = io.StringIO()
    markdown.render(report, stream)
    return stream.getvalue()


def table_rows(text: str) -> list[list[str]]:
    """The body rows of every table, as the text of their cells."""
    rows, row, cell = [], None, None
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type == "tr_open":
            row = []
        elif token.type in ("td_open", "th_open"):
            cell = token.type
        elif token.type == "inline" and row is not None and cell:
            row.append(token.content)
        elif token.type == "tr_close":
            if cell == "td_open":
                rows.append(row)
            row, cell = None, None
    return rows


def test_every_claim_is_a_row_after_the_counts() -> None:
    report = worked_example()
    text = rendered(report)
    rows = table_rows(text)
    counts, claims = rows[:5], rows[5:]
    assert [row[1] for row in counts] == [str(n) for n in report.summary().values()]
    assert sorted(row[1].strip("`") for row in claims) == sorted(result.id for result in report.results)
    assert all(len(row) == 5 for row in claims)
    assert report.coverage.line() in text and report.totals_line() in text


def test_quotes_and_explanations_cannot_break_the_table_or_inject_html(tmp_path: Path) -> None:
    report = tricky(tmp_path)
    report.results[0] = replace(report.results[0], explanation="a | b <script>x</script>\nc")
    text = rendered(report)
    assert "<script>" not in text
    rows = [row for row in table_rows(text) if len(row) == 5]
    assert len(rows) == len(report.results)
    assert any(row[4] == "a | b &lt;script&gt;x&lt;/script&gt; c" for row in rows)

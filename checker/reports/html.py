"""``html``: one self-contained page an editor opens offline: the article with its numbers marked.

A summary header (counts by verdict, totals, coverage), then each article's text with
every claimed quantity wrapped as ``<mark class="claim" data-claim-id data-verdict>``
at its place (the claimed value inside the claim's quote, else the whole quote),
coloured by verdict and also marked by a symbol, so colour is never the only cue.
Hovering or focusing a mark (it takes the keyboard focus) shows the evidence; the same
evidence, with a number line and, for a daily series, a sparkline, is listed below the
article. No script, font or stylesheet is fetched: the page works from a USB stick.
Everything from articles and claim files is escaped.

A claim whose quote is not in the article (or whose file has no article) is still
marked, in a list after the text, so every result has exactly one mark.
"""
from __future__ import annotations

import html
from typing import TextIO

from checker.claimfile.model import Article
from checker.errors import printable_lines
from checker.claimfile.quotes import fold
from checker.evaluation.results import Report, Result
from checker.messages import dates, say, verdict_name
from checker.reports import svg
from checker.reports.links import is_web
from checker.reports.marks import LATE, SYMBOL, comparison, label

Span = tuple[int, int, int]  # start, end, index of the result


def escape(text: str) -> str:
    """``text`` as HTML, its controls and bidi marks shown as escapes (a browser would reorder the
    text around a bidi mark, a terminal showing the file act on ESC), its line breaks kept."""
    return html.escape(printable_lines(text))

_COLOURS = {
    "supported": ("#1a7f37", "#dafbe1"),
    "imprecise": ("#9a6700", "#fff8c5"),
    "refuted": ("#cf222e", "#ffebe9"),
    "unverifiable": ("#0969da", "#ddf4ff"),
    "error": ("#8250df", "#fbefff"),
}

_STYLE = """
body{font:16px/1.7 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Apple SD Gothic Neo",sans-serif;
 margin:0 auto;max-width:52rem;padding:1rem 1.5rem 4rem;color:#1f2328;background:#fff}
header{border-bottom:1px solid #d0d7de;margin-bottom:1.5rem}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
.counts li,.badge{border-radius:1em;padding:0 .6em;font-weight:600;white-space:nowrap}
.article-text{white-space:pre-wrap;border-left:3px solid #d0d7de;padding-left:1rem}
mark.claim{position:relative;border-radius:3px;padding:0 1px;cursor:help;border-bottom:2px solid}
mark.claim::before{font-size:.75em;font-weight:700;margin-right:1px}
mark.claim:focus{outline:2px solid #1f2328;outline-offset:1px}
.tip{display:none;position:absolute;left:0;top:1.8em;z-index:10;width:24rem;max-width:80vw;
 white-space:normal;background:#fff;color:#1f2328;border:1px solid #8c959f;border-radius:6px;
 padding:.5rem .7rem;box-shadow:0 4px 12px rgba(0,0,0,.2);font-size:.85rem;line-height:1.4}
.tip>span{display:block}
mark.claim:focus>.tip,mark.claim:hover:not(:has(mark.claim:hover))>.tip{display:block}
.evidence li{margin-bottom:1.2rem}
.evidence dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0;font-size:.9rem}
.evidence dt{color:#57606a}.evidence dd{margin:0;overflow-wrap:anywhere}
svg{display:block;margin:.3rem 0}
.meta,.coverage,.totals{color:#57606a}
.late{color:#9a6700;font-weight:600}
"""


def _verdict_css() -> str:
    rules = []
    for verdict, (ink, paper) in _COLOURS.items():
        rules.append(f'mark.claim[data-verdict="{verdict}"]{{background:{paper};border-color:{ink}}}'
                     f'mark.claim[data-verdict="{verdict}"]::before{{content:"{SYMBOL[verdict]}";color:{ink}}}'
                     f'.v-{verdict}{{background:{paper};color:{ink}}}')
    return "\n".join(rules)


def render(report: Report, stream: TextIO) -> None:
    numbers = {id(result): index for index, result in enumerate(report.results, 1)}
    stream.write(f'<!DOCTYPE html>\n<html lang="{report.language}"><head><meta charset="utf-8">'
                 '<meta name="viewport" content="width=device-width, initial-scale=1">'
                 f'<title>{escape(say(report.language, "html.page_title", count=len(report.results)))}</title>'
                 f'<style>{_STYLE}{_verdict_css()}</style></head><body>\n')
    stream.write(_header(report))
    stream.write("<main>\n")
    for file, results in _by_file(report.results).items():
        stream.write(_section(file, report.articles.get(file), results, numbers))
    stream.write("</main></body></html>\n")


def _header(report: Report) -> str:
    language = report.language
    counted = (say(language, "html.count", symbol=SYMBOL[verdict], verdict=verdict_name(verdict, language),
                   count=count) for verdict, count in report.summary().items())
    counts = "".join(f'<li class="v-{verdict}">{text}</li>' for verdict, text in zip(report.summary(), counted))
    errors = ""
    if report.errors:
        items = "".join(f"<li><code>{escape(str(error.location))}</code>: {escape(error.message)}</li>"
                        for error in report.errors)
        errors = f'<h2>{say(language, "html.input_errors")}</h2><ul class="errors">{items}</ul>'
    return (f'<header><h1>{say(language, "html.title")}</h1><ul class="counts">{counts}</ul>'
            f'<p class="totals">{escape(report.totals_line())}</p>'
            f'<p class="coverage">{escape(report.coverage.line(report.language))}</p>{errors}</header>\n')


def _by_file(results: list[Result]) -> dict[str, list[Result]]:
    grouped: dict[str, list[Result]] = {}
    for result in results:
        grouped.setdefault(result.file, []).append(result)
    return grouped


def _section(file: str, article: Article | None, results: list[Result], numbers: dict[int, int]) -> str:
    source = article.source if article is not None and isinstance(article.source, dict) else {}
    title = source.get("title") or (str(article.path) if article is not None else file)
    language = results[0].language
    meta = [say(language, "html.claims_file", file=f"<code>{escape(file)}</code>")]
    if article is not None:
        meta.append(say(language, "html.article_file", file=f"<code>{escape(str(article.path))}</code>"))
        if article.published is not None:
            meta.append(say(language, "html.published", date=dates(article.published.isoformat(), language)))
    url = source.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        meta.append(f'<a href="{escape(url)}">{escape(url)}</a>')
    placed = _spans(article, results) if article is not None else []
    placed_ids = {index for _, _, index in placed}
    body = [f"<section><h2>{escape(str(title))}</h2><p class=\"meta\">{' · '.join(meta)}</p>"]
    if article is not None:
        lang = f' lang="{escape(article.language)}"' if article.language else ""
        marks = _marked(article.text, placed, results, numbers)
        body.append(f'<div class="article-text"{lang}>{marks}</div>')
    unplaced = [index for index in range(len(results)) if index not in placed_ids]
    if unplaced:
        items = "".join(f"<li>{_open(results[i], numbers)}{escape(results[i].quote or results[i].id)}"
                        f"{_close(results[i], numbers)}</li>" for i in unplaced)
        body.append(f'<h3>{say(language, "html.unplaced")}</h3><ul class="unplaced">{items}</ul>')
    body.append(f'<h3>{say(language, "html.evidence")}</h3><ol class="evidence">')
    body.extend(_evidence(result, numbers) for result in results)
    body.append("</ol></section>\n")
    return "".join(body)


def _spans(article: Article, results: list[Result]) -> list[Span]:
    """Where each claim is marked: its claimed value inside its quote, else the quote; nested, never crossing."""
    placed: list[Span] = []
    for index, result in sorted(enumerate(results), key=lambda item: _start(item[1])):
        if result.quote_span is None:
            continue
        start, end = _value_span(article.text, result)
        for other_start, other_end, _ in placed:
            if other_start < start < other_end < end or start < other_start < end < other_end:
                start, end = other_start, other_end  # crossing marks cannot nest: share the other's span
        placed.append((start, end, index))
    return placed


def _start(result: Result) -> int:
    return result.quote_span[0] if result.quote_span else -1


def _value_span(text: str, result: Result) -> tuple[int, int]:
    """The claimed value's text inside the quote (found as quotes are: spacing forgiven), else the quote."""
    start, end = result.quote_span
    needle = fold((result.claimed or {}).get("text") or "").folded
    if not needle:
        return start, end
    quote = fold(text[start:end])
    at = quote.folded.find(needle)
    while at > 0 and (quote.folded[at - 1].isdigit() or quote.folded[at - 1] in ".,"):
        at = quote.folded.find(needle, at + 1)  # "1년" must not match the tail of "2021년"
    if at < 0:
        return start, end
    found = quote.span(at, at + len(needle))
    return start + found[0], start + found[1]


def _marked(text: str, spans: list[Span], results: list[Result], numbers: dict[int, int]) -> str:
    """``text`` escaped, with a mark opened and closed around every span (identical spans nest)."""
    out: list[str] = []
    position = 0
    stack: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        while stack and stack[-1][1] <= span[0]:
            position = _close_top(text, position, stack, results, numbers, out)
        out.append(escape(text[position:span[0]]))
        position = span[0]
        out.append(_open(results[span[2]], numbers))
        stack.append(span)
    while stack:
        position = _close_top(text, position, stack, results, numbers, out)
    out.append(escape(text[position:]))
    return "".join(out)


def _close_top(text: str, position: int, stack: list[Span], results: list[Result], numbers: dict[int, int],
               out: list[str]) -> int:
    _, end, index = stack.pop()
    out.append(escape(text[position:end]))
    out.append(_close(results[index], numbers))
    return end


def _open(result: Result, numbers: dict[int, int]) -> str:
    number = numbers[id(result)]
    return (f'<mark class="claim" data-claim-id="{escape(result.id)}" data-verdict="{result.verdict}" '
            f'tabindex="0" aria-describedby="tip-{number}">')


def _close(result: Result, numbers: dict[int, int]) -> str:
    number = numbers[id(result)]
    picture = svg.number_line(result) or ""
    sources = "".join(f"<span>{_source(source)}</span>" for source in result.sources[:3])
    return (f'<span class="tip" role="tooltip" id="tip-{number}">'
            f'<span class="badge v-{result.verdict}">{escape(label(result))}</span>'
            f"<span><b>{escape(result.id)}</b></span>"
            f"<span>{escape(comparison(result))}</span>{_late(result)}"
            f"<span>{escape(result.rule or result.explanation)}</span>{picture}{sources}"
            f'<span><a href="#claim-{number}">{say(result.language, "html.full_evidence")}</a></span></span></mark>')


def _late(result: Result) -> str:
    """The line saying the figures were published after the article (or undated), when the verdict fails."""
    return f'<span class="late">{escape(f"{LATE} {result.timing_warning}")}</span>' if result.timing_warning else ""


def _evidence(result: Result, numbers: dict[int, int]) -> str:
    number = numbers[id(result)]
    checked = say(result.language, f"check_code.{result.check}") if result.check else ""
    rows = [("col.claimed_actual", escape(comparison(result))),
            ("html.published_row", escape(f"{LATE} {result.timing_warning}" if result.timing_warning else "")),
            ("col.rule", escape(result.rule or "")),
            ("html.checked_row", escape(checked)), ("col.explanation", escape(result.explanation))]
    if result.steps:
        rows.append(("html.steps_row", "<br>".join(escape(step) for step in result.steps)))
    if result.sources:
        rows.append(("html.sources_row", "<br>".join(_source(source) for source in result.sources)))
    tables = [f'<a href="{escape(url)}">{escape(name)}</a>' for name, url in result.links if is_web(url)]
    if tables:
        rows.append(("html.tables_row", "<br>".join(tables)))
    if result.revised:
        rows.append(("html.revised_row", escape(str(result.revised))))
    if result.note:
        rows.append(("html.note_row", escape(result.note)))
    details = "".join(f"<dt>{say(result.language, key)}</dt><dd>{value}</dd>" for key, value in rows if value)
    pictures = (svg.number_line(result) or "") + (svg.sparkline(result) or "")
    return (f'<li id="claim-{number}"><span class="badge v-{result.verdict}">{escape(label(result))}</span> '
            f"<code>{escape(result.id)}</code> <span class=\"meta\">{escape(result.file)}:{result.line}</span>"
            f"<br><q>{escape(result.quote or '')}</q><dl>{details}</dl>{pictures}</li>")


def _source(source: str) -> str:
    """A source as a link when it is a web address (each of several joined by ' ; '), else as text."""
    pieces = []
    for piece in source.split(" ; "):
        piece = piece.strip()
        if is_web(piece):
            pieces.append(f'<a href="{escape(piece)}">{escape(piece)}</a>')
        else:
            pieces.append(escape(piece))
    return " ; ".join(pieces)

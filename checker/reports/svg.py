"""Small inline SVG pictures of one claim: a number line and, for a daily series, a sparkline.

Editors would rather look than read. The number line shades what the claim allows
(and, lighter, the imprecise band around it) and marks the value the evidence gave;
the sparkline draws the daily rows behind an aggregate (a month of closing prices)
with the allowed band across it. Pictures only: the verdict was decided by the
engine, and float coordinates here never feed back into it. Every label is escaped.
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, localcontext
from html import escape

from checker.evaluation.intervals import format_decimal
from checker.evaluation.results import Result
from checker.messages import say

WIDTH, HEIGHT, MARGIN = 260, 48, 12
_ALLOWED, _IMPRECISE, _ACTUAL, _LINE = "#2f81f7", "#d4a72c", "#cf222e", "#57606a"


def number_line(result: Result) -> str | None:
    """The claim's allowed interval shaded on a line, the actual value marked; None without numbers."""
    bands = result.bands or {}
    claimed = result.claimed or {}
    allowed = bands.get("allowed") or (_decimal(claimed.get("low")), _decimal(claimed.get("high")))
    imprecise = bands.get("imprecise") or (None, None)
    actual = result.actual or {}
    points = [value for value in (*allowed, *imprecise, *(_decimal(actual.get(k)) for k in ("low", "value", "high")),
                                  _decimal(claimed.get("value"))) if value is not None]
    if not points:
        return None
    scale = _Scale(min(points), max(points), MARGIN, WIDTH - MARGIN)
    axis = HEIGHT - 20
    parts = [f'<line x1="{MARGIN}" y1="{axis}" x2="{WIDTH - MARGIN}" y2="{axis}" stroke="{_LINE}"/>']
    for (low, high), colour, opacity in ((imprecise, _IMPRECISE, "0.25"), (allowed, _ALLOWED, "0.45")):
        if low is None and high is None:
            continue
        left, right = scale.x(low, MARGIN), scale.x(high, WIDTH - MARGIN)
        parts.append(f'<rect x="{left:.1f}" y="{axis - 9}" width="{max(right - left, 2):.1f}" height="18" '
                     f'fill="{colour}" fill-opacity="{opacity}"/>')
    if actual.get("value") is not None:
        x = scale.x(_decimal(actual["value"]), 0)
        low, high = scale.x(_decimal(actual.get("low")), x), scale.x(_decimal(actual.get("high")), x)
        parts.append(f'<line x1="{low:.1f}" y1="{axis}" x2="{high:.1f}" y2="{axis}" stroke="{_ACTUAL}" stroke-width="3"/>')
        parts.append(f'<circle cx="{x:.1f}" cy="{axis}" r="4" fill="{_ACTUAL}"/>')
        parts.append(_text(x, 10, format_decimal(_decimal(actual["value"])), "middle"))
    parts.append(_text(MARGIN, HEIGHT - 4, format_decimal(scale.low), "start"))
    parts.append(_text(WIDTH - MARGIN, HEIGHT - 4, format_decimal(scale.high), "end"))
    title = say(result.language, "svg.claimed", text=claimed.get("text", ""), allowed=_interval(allowed))
    if actual.get("value") is not None:
        title += say(result.language, "svg.actual", value=format_decimal(_decimal(actual["value"])))
    return _svg("number-line", title, parts)


def sparkline(result: Result) -> str | None:
    """The daily series behind the claim with its allowed band; None when there is no series."""
    if len(result.series) < 2:
        return None
    values = [value for _, value in result.series]
    low, high = (result.bands or {}).get("allowed", (None, None))
    bounds = [value for value in (*values, low, high) if value is not None]
    top, bottom = 6, HEIGHT - 14
    scale = _Scale(min(bounds), max(bounds), bottom, top)
    step = (WIDTH - 2 * MARGIN) / (len(values) - 1)
    parts = []
    if low is not None or high is not None:
        upper, lower = scale.x(high, top), scale.x(low, bottom)
        parts.append(f'<rect x="{MARGIN}" y="{upper:.1f}" width="{WIDTH - 2 * MARGIN}" height="{max(lower - upper, 1):.1f}" '
                     f'fill="{_ALLOWED}" fill-opacity="0.25"/>')
    line = " ".join(f"{MARGIN + index * step:.1f},{scale.x(value, 0):.1f}" for index, value in enumerate(values))
    parts.append(f'<polyline points="{line}" fill="none" stroke="{_LINE}" stroke-width="1.5"/>')
    actual = _decimal((result.actual or {}).get("value"))
    if actual is not None and actual in values:
        index = values.index(actual)
        parts.append(f'<circle cx="{MARGIN + index * step:.1f}" cy="{scale.x(actual, 0):.1f}" r="3" fill="{_ACTUAL}"/>')
    first, last = result.series[0][0], result.series[-1][0]
    parts.append(_text(MARGIN, HEIGHT - 2, first, "start"))
    parts.append(_text(WIDTH - MARGIN, HEIGHT - 2, last, "end"))
    title = say(result.language, "svg.series", count=len(values), first=first, last=last,
                low=format_decimal(min(values)), high=format_decimal(max(values)), allowed=_interval((low, high)))
    return _svg("sparkline", title, parts)


class _Scale:
    """Maps values in [low, high] (padded a little) onto pixels ``start``..``end``."""

    def __init__(self, low: Decimal, high: Decimal, start: float, end: float) -> None:
        with _unbounded():  # an expr may yield 9.5e+999999: the padding must not overflow
            pad = (high - low) * Decimal("0.08") or (abs(high) * Decimal("0.1") or Decimal(1))
            self.low, self.high = low - pad, high + pad
        self.start, self.end = start, end

    def x(self, value: Decimal | None, default: float) -> float:
        if value is None:
            return default
        with _unbounded():
            share = float((value - self.low) / (self.high - self.low))
        return self.start + share * (self.end - self.start)


def _unbounded() -> AbstractContextManager[Context]:
    """Arithmetic for drawing only, with the widest exponents Decimal has."""
    return localcontext(Context(prec=28, Emax=MAX_EMAX, Emin=MIN_EMIN))


def _svg(kind: str, title: str, parts: list[str]) -> str:
    return (f'<svg class="{kind}" role="img" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{"".join(parts)}</svg>')


def _text(x: float, y: float, label: str, anchor: str) -> str:
    return f'<text x="{x:.1f}" y="{y}" font-size="9" text-anchor="{anchor}" fill="{_LINE}">{escape(label)}</text>'


def _interval(bounds: tuple[Decimal | None, Decimal | None]) -> str:
    low, high = bounds
    return f"[{format_decimal(low) if low is not None else '−∞'}, {format_decimal(high) if high is not None else '∞'}]"


def _decimal(value: object) -> Decimal | None:
    """Result dicts hold Decimals (and, from older callers, ints or floats); the picture needs one type."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value))

"""``extreme``: a figure is the highest or lowest of its series over the window its words give.

``of: [one lookup]`` (``{metric: kr.gdp_growth, period: 2023}``; an ``agg`` must pick one
row, as min or max do) and a value of rank words, read by
:func:`checker.quantities.predicates.read_rank`: ``사상 최대``, ``역대 최고치``, ``3년 만에
최저``, ``10년 만에 최고``, ``2008년 이후 최고``, ``record high``, ``the lowest on record``,
``the highest since 2008``, ``lowest in three years``, ``a three-year low``.

Unlike the arithmetic relations it computes no figure: it ranks the row among the
earlier rows of the same frequency (each at the vintage the article's writer could
know) and decides. The streak is the time back to the latest earlier row at least as
extreme (as high for a high, as low for a low), compared by the values as written:

- a **record** holds when no earlier row is as extreme *and* the rows reach back to the
  series' start (:mod:`checker.reference.series_start`: ``since:`` or ``complete: true``
  on the reference entry, or a provider file that holds the whole series). Three months of
  an index are no history: without the start a record is ``unverifiable``, saying where
  the data start;
- **N years** (N년 만에, in N years) holds when that row lies N years back, to the nearest
  year (N months: exactly N months back) — the streak ends where the text says;
- **since YEAR** holds when that row lies in YEAR.

A figure equal to that row matches the earlier extreme rather than ending the streak
there: it is the joint extreme back to the last row beyond it, so N years or YEAR
anywhere in between holds ("3.5 %, a 50-year low" in September 2022: July 2022 was 3.5
too, the last lower month was in 1969). A record must beat every row; equalling one is
no record.

A streak shorter than the words say is ``refuted`` and the evidence names the row that
ends it; a longer one (the figure is more extreme than claimed, even a record) is
``imprecise``; a series that does not reach back far enough to tell is ``unverifiable``.
A supported result names the window and the series' first period ("a record since the
series began in 1994-01 (since: 1994-01-01)").

PASS: ``value: 3년 만에 최저`` for 2023 = 1.4 in the series 2020 −0.7, 2021 4.3, 2022 2.6.
FAIL: ``value: 2년 만에 최고`` for 2022 = 2.6 there: 2021 (4.3) was higher, one year back.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.claimfile.model import Operand
from checker.evaluation.figures import RelationProblem
from checker.evaluation.intervals import format_decimal
from checker.evaluation.timing import Dated, dated
from checker.periods import Period, range_period
from checker.quantities.predicates import Rank
from checker.reference import ReferenceData
from checker.reference.model import Observation, SeriesStart, labelled

NAME = "extreme"
ARITY = (1, 1)

#: How far the streak may miss a span stated in years and still be "N years" (to the nearest year).
_YEAR_SLACK_MONTHS = 6
_WORD = {"max": "high", "min": "low"}


@dataclass(frozen=True)
class Ranked:
    """The decision on a rank claim, with the evidence a person needs to retrace it."""

    verdict: str
    explanation: str
    actual: dict
    sources: tuple[str, ...]
    steps: tuple[str, ...]
    #: When each row the ranking read was published: the ranked row and every earlier one.
    dated: tuple[Dated, ...] = ()


def rank(words: Rank, operand: Operand, reference: ReferenceData, published: date | None) -> Ranked:
    """Decide whether the looked-up row is the extreme the ``words`` say."""
    row, unit = _row(operand, reference, published)
    earlier = _earlier(operand, row, reference, published)
    ends = _streak_ends(words.extreme, row, earlier)
    start = reference.series_start(row.metric)
    verdict, reason = _decide(words, row, earlier, ends, start)
    first = earlier[0] if earlier else row
    rows = [r for r in (row, ends.matched, ends.beyond, first) if r is not None]
    steps = [f"{labelled(r.metric, (r,))} {r.period.label} = {r.value} {unit} (source: {r.source})" for r in rows]
    if words.window == "record":
        steps.append(_start_step(row.metric, start))
    shown = f"{labelled(row.metric, (row,))} {row.period.label} = {format_decimal(row.value)} {unit}"
    text = f"Ranked {shown} against the {len(earlier)} earlier rows from {first.period.label}: {reason}"
    return Ranked(verdict, text, {"value": row.value, "low": row.low, "high": row.high, "unit": unit},
                  tuple(dict.fromkeys(r.source for r in rows)), tuple(dict.fromkeys(steps)),
                  tuple(dated(r) for r in (row, *earlier)))


def _row(operand: Operand, reference: ReferenceData, published: date | None) -> tuple[Observation, str]:
    """The one row the lookup names (an aggregate over several rows has no place in a series)."""
    if operand.metric is None or operand.period is None:
        raise RelationProblem("extreme takes one lookup, {metric: …, period: …}")
    found = reference.lookup(operand.metric, operand.period, operand.agg, published=published, as_of=operand.as_of)
    rows = found.candidates[0].rows if len(found.candidates) == 1 else ()
    if len(rows) != 1:
        raise RelationProblem(f"extreme ranks one row of {operand.metric}; agg {operand.agg} gives more than one")
    return rows[0], found.unit


def _earlier(operand: Operand, row: Observation, reference: ReferenceData,
             published: date | None) -> list[Observation]:
    """The rows before ``row`` at its frequency, each at the vintage the lookup would use."""
    same = [r for r in reference.observations(row.metric)
            if r.period.granularity == row.period.granularity and r.period.end < row.period.start]
    if not same:
        return []
    window = range_period(min(same, key=lambda r: r.period.start).period, row.period, "extreme")
    found = reference.lookup(row.metric, window, "any", published=published, as_of=operand.as_of)
    rows = [c.rows[0] for c in found.candidates]
    if any(r.period.granularity != row.period.granularity for r in rows):
        raise RelationProblem(f"{row.metric} mixes frequencies before {row.period.label}; extreme ranks one frequency")
    return sorted((r for r in rows if r.period.end < row.period.start), key=lambda r: r.period.start)


@dataclass(frozen=True)
class _Ends:
    """Where the figure's streak ends: at the latest earlier row at least as extreme
    (``matched``), and for a figure equal to that row, at the latest one beyond it."""

    matched: Observation | None
    beyond: Observation | None
    tie: bool


def _streak_ends(extreme: str, row: Observation, earlier: list[Observation]) -> _Ends:
    def as_extreme(candidate: Observation) -> bool:
        return candidate.value >= row.value if extreme == "max" else candidate.value <= row.value

    matched = next((r for r in reversed(earlier) if as_extreme(r)), None)
    beyond = next((r for r in reversed(earlier) if as_extreme(r) and r.value != row.value), None)
    return _Ends(matched, beyond, matched is not None and matched.value == row.value)


def _decide(words: Rank, row: Observation, earlier: list[Observation], ends: _Ends,
            start: SeriesStart | None) -> tuple[str, str]:
    word = _WORD[words.extreme]
    first = earlier[0].period if earlier else row.period
    if words.window == "record":
        if not earlier:
            return "unverifiable", f"the series has no row before {row.period.label} to beat."
        if ends.matched is not None:
            return "refuted", f"{_named(ends.matched)} was as {word} or {word}er: no record."
        return _record(word, first, start)
    if words.window == "since":
        return _since(words.since, word, row, first, ends)
    return _span(words, word, row, first, ends)


def _record(word: str, first: Period, start: SeriesStart | None) -> tuple[str, str]:
    """No earlier row is as extreme: a record only if the rows reach back to the series' start."""
    short = f"no earlier row is as {word}, but a record needs the whole series: the data start {first.label}"
    if start is None:
        return "unverifiable", (f"{short}; the series' start is unknown "
                                "(set complete: true or since: on the reference entry).")
    if first.start > start.day:
        return "unverifiable", f"{short}; the series began {start.day} ({start.basis})."
    return "supported", f"no earlier row is as {word}: a record since the series began in {first.label} ({start.basis})."


def _since(year: int, word: str, row: Observation, first: Period, ends: _Ends) -> tuple[str, str]:
    if ends.matched is None:
        if first.start.year > year:
            return "unverifiable", f"the series starts in {first.label}, after {year}."
        return "imprecise", (f"no earlier row is as {word}: a record within data from {first.label}, "
                             f"not just since {year}.")
    found = ends.matched.period.start.year
    if found < year:
        return "imprecise", f"the {word}est since {_named(ends.matched)}, longer than since {year}."
    if not ends.tie:
        if found > year:
            return "refuted", f"{_named(ends.matched)} was as {word} or {word}er, after {year}."
        return "supported", f"the {word}est since {_named(ends.matched)}, the last row as {word}."
    matches = f"it matches {_named(ends.matched)}"
    if ends.beyond is None:
        if first.start.year > year:
            return "unverifiable", f"{matches}, and the series starts in {first.label}, after {year}."
        return "supported", (f"{matches}; no earlier row is {word}er within data from {first.label}: "
                             f"the {word}est since {year}.")
    if ends.beyond.period.start.year > year:
        return "refuted", f"{matches}, but {_named(ends.beyond)} was {word}er, after {year}."
    return "supported", (f"{matches}; the last row {word}er was {_named(ends.beyond)}: "
                         f"the {word}est since {year}, as the words say.")


def _span(words: Rank, word: str, row: Observation, first: Period, ends: _Ends) -> tuple[str, str]:
    wanted = words.months or 0
    slack = _YEAR_SLACK_MONTHS if words.stated_in_years else 0
    if ends.matched is None:
        if _months(first.start, row.period.start) < wanted - slack:
            return "unverifiable", f"the series starts in {first.label}, less than {_span_words(wanted)} back."
        return "imprecise", (f"no earlier row is as {word}: a record within data from {first.label}, "
                             f"longer than {_span_words(wanted)}.")
    gap = _months(ends.matched.period.start, row.period.start)
    said = f"{_named(ends.matched)}, {_span_words(gap)} back, was the last row as {word}"
    if gap >= wanted + max(slack, 1):
        return "imprecise", f"{said}: a streak longer than {_span_words(wanted)}."
    if not ends.tie:
        if gap < wanted - slack:
            return "refuted", f"{said}: a streak shorter than {_span_words(wanted)}."
        return "supported", f"{said}: the streak ends {_span_words(wanted)} back, as the words say."
    return _tied_span(wanted, slack, word, row, first, ends)


def _tied_span(wanted: int, slack: int, word: str, row: Observation, first: Period,
               ends: _Ends) -> tuple[str, str]:
    """A figure equal to the earlier extreme matches it: it is the joint extreme back to the last row beyond it."""
    gap = _months(ends.matched.period.start, row.period.start)
    matches = f"it matches {_named(ends.matched)}, {_span_words(gap)} back"
    if ends.beyond is None:
        if _months(first.start, row.period.start) < wanted - slack:
            return "unverifiable", (f"{matches}, and no earlier row is {word}er, but the series starts in "
                                    f"{first.label}, less than {_span_words(wanted)} back.")
        return "supported", (f"{matches}; no earlier row is {word}er within data from {first.label}: "
                             f"the {word}est in {_span_words(wanted)}.")
    reach = _months(ends.beyond.period.start, row.period.start)
    beyond = f"{matches}; {_named(ends.beyond)}, {_span_words(reach)} back, was the last row {word}er"
    if reach < wanted - slack:
        return "refuted", f"{beyond}: a streak shorter than {_span_words(wanted)}."
    return "supported", f"{beyond}: the {word}est in {_span_words(wanted)}, as the words say."


def _start_step(metric: str, start: SeriesStart | None) -> str:
    """The evidence a record rests on besides the rows: where the series began."""
    if start is None:
        return f"{metric}: the series' start is unknown (no complete: or since: on its reference entry)"
    return f"{metric} began {start.day} ({start.basis})"


def _named(row: Observation) -> str:
    return f"{row.period.label} ({format_decimal(row.value)})"


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def _span_words(months: int) -> str:
    """12 → '1 year', 30 → '2 years 6 months'."""
    years, rest = divmod(months, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest or not parts:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


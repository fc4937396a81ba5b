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
from checker.messages import ENGLISH, dates, say, unit_name
from checker.periods import Period, range_period
from checker.quantities.predicates import Rank
from checker.reference import ReferenceData
from checker.reference.model import Observation, SeriesStart, labelled

NAME = "extreme"
ARITY = (1, 1)

#: How far the streak may miss a span stated in years and still be "N years" (to the nearest year).
_YEAR_SLACK_MONTHS = 6


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


def rank(words: Rank, operand: Operand, reference: ReferenceData, published: date | None,
         language: str = ENGLISH) -> Ranked:
    """Decide whether the looked-up row is the extreme the ``words`` say; the evidence in ``language``."""
    row, found_unit = _row(operand, reference, published)
    unit = unit_name(found_unit, language)
    earlier = _earlier(operand, row, reference, published)
    ends = _streak_ends(words.extreme, row, earlier)
    start = reference.series_start(row.metric)
    say_ = _Say(language, words.extreme)
    verdict, reason = _decide(words, row, earlier, ends, start, say_)
    first = earlier[0] if earlier else row
    rows = [r for r in (row, ends.matched, ends.beyond, first) if r is not None]
    steps = [say(language, "rank.step", row=labelled(r.metric, (r,)), period=dates(r.period.label, language),
                 value=r.value, unit=unit, source=r.source) for r in rows]
    if words.window == "record":
        steps.append(_start_step(row.metric, start, language))
    shown = f"{labelled(row.metric, (row,))} {dates(row.period.label, language)} = {format_decimal(row.value)} {unit}"
    text = say(language, "rank.ranked", shown=shown, count=len(earlier), first=dates(first.period.label, language),
               reason=reason)
    return Ranked(verdict, text, {"value": row.value, "low": row.low, "high": row.high, "unit": found_unit},
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


@dataclass(frozen=True)
class _Say:
    """The rank sentences in one language, for one extreme (high or low): the catalogue's ``rank.*``."""

    language: str
    extreme: str

    def __call__(self, key: str, **fields: object) -> str:
        words = {name: say(self.language, f"rank.{name}.{self.extreme}") for name in ("word", "er", "est")}
        return say(self.language, f"rank.{key}", **{**words, **fields})

    def label(self, period: Period) -> str:
        return dates(period.label, self.language)

    def named(self, row: Observation) -> str:
        """A row as the evidence names it: its period and value, ``2021-09 (4.3)``."""
        return f"{self.label(row.period)} ({format_decimal(row.value)})"

    def span(self, months: int) -> str:
        """12 → '1 year', 30 → '2 years 6 months' (2년 6개월)."""
        years, rest = divmod(months, 12)
        parts = [say(self.language, "span.year" if years == 1 else "span.years", count=years)] if years else []
        if rest or not parts:
            parts.append(say(self.language, "span.month" if rest == 1 else "span.months", count=rest))
        return " ".join(parts)


def _decide(words: Rank, row: Observation, earlier: list[Observation], ends: _Ends,
            start: SeriesStart | None, say_: _Say) -> tuple[str, str]:
    first = earlier[0].period if earlier else row.period
    if words.window == "record":
        if not earlier:
            return "unverifiable", say_("no_row_before", period=say_.label(row.period))
        if ends.matched is not None:
            return "refuted", say_("no_record", row=say_.named(ends.matched))
        return _record(first, start, say_)
    if words.window == "since":
        return _since(words.since, row, first, ends, say_)
    return _span(words, row, first, ends, say_)


def _record(first: Period, start: SeriesStart | None, say_: _Say) -> tuple[str, str]:
    """No earlier row is as extreme: a record only if the rows reach back to the series' start."""
    if start is None:
        return "unverifiable", say_("record_start_unknown", first=say_.label(first))
    if first.start > start.day:
        return "unverifiable", say_("record_short", first=say_.label(first),
                                    day=dates(str(start.day), say_.language), basis=start.basis)
    return "supported", say_("record", first=say_.label(first), basis=start.basis)


def _since(year: int, row: Observation, first: Period, ends: _Ends, say_: _Say) -> tuple[str, str]:
    shown = say_.label(first)
    if ends.matched is None:
        if first.start.year > year:
            return "unverifiable", say_("since_starts_after", first=shown, year=year)
        return "imprecise", say_("since_record_within", first=shown, year=year)
    found = ends.matched.period.start.year
    matched = say_.named(ends.matched)
    if found < year:
        return "imprecise", say_("since_longer", row=matched, year=year)
    if not ends.tie:
        if found > year:
            return "refuted", say_("since_refuted", row=matched, year=year)
        return "supported", say_("since_supported", row=matched)
    if ends.beyond is None:
        if first.start.year > year:
            return "unverifiable", say_("since_tie_starts_after", row=matched, first=shown, year=year)
        return "supported", say_("since_tie_within", row=matched, first=shown, year=year)
    beyond = say_.named(ends.beyond)
    if ends.beyond.period.start.year > year:
        return "refuted", say_("since_tie_refuted", row=matched, beyond=beyond, year=year)
    return "supported", say_("since_tie_supported", row=matched, beyond=beyond, year=year)


def _span(words: Rank, row: Observation, first: Period, ends: _Ends, say_: _Say) -> tuple[str, str]:
    wanted = words.months or 0
    slack = _YEAR_SLACK_MONTHS if words.stated_in_years else 0
    span = say_.span(wanted)
    if ends.matched is None:
        if _months(first.start, row.period.start) < wanted - slack:
            return "unverifiable", say_("span_starts_short", first=say_.label(first), span=span)
        return "imprecise", say_("span_record_within", first=say_.label(first), span=span)
    gap = _months(ends.matched.period.start, row.period.start)
    said = say_("span_last", row=say_.named(ends.matched), gap=say_.span(gap))
    if gap >= wanted + max(slack, 1):
        return "imprecise", say_("span_longer", said=said, span=span)
    if not ends.tie:
        if gap < wanted - slack:
            return "refuted", say_("span_shorter", said=said, span=span)
        return "supported", say_("span_ends", said=said, span=span)
    return _tied_span(wanted, slack, row, first, ends, say_)


def _tied_span(wanted: int, slack: int, row: Observation, first: Period, ends: _Ends,
               say_: _Say) -> tuple[str, str]:
    """A figure equal to the earlier extreme matches it: it is the joint extreme back to the last row beyond it."""
    gap = _months(ends.matched.period.start, row.period.start)
    matches = say_("tie_matches", row=say_.named(ends.matched), gap=say_.span(gap))
    span = say_.span(wanted)
    if ends.beyond is None:
        if _months(first.start, row.period.start) < wanted - slack:
            return "unverifiable", say_("tie_starts_short", matches=matches, first=say_.label(first), span=span)
        return "supported", say_("tie_within", matches=matches, first=say_.label(first), span=span)
    reach = _months(ends.beyond.period.start, row.period.start)
    beyond = say_("tie_beyond", matches=matches, beyond=say_.named(ends.beyond), reach=say_.span(reach))
    if reach < wanted - slack:
        return "refuted", say_("span_shorter", said=beyond, span=span)
    return "supported", say_("tie_supported", said=beyond, span=span)


def _start_step(metric: str, start: SeriesStart | None, language: str) -> str:
    """The evidence a record rests on besides the rows: where the series began."""
    if start is None:
        return say(language, "rank.start_unknown", metric=metric)
    return say(language, "rank.began", metric=metric, day=dates(str(start.day), language), basis=start.basis)


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month

"""Which drafted claims can be linked to reference data without a person choosing.

A draft links a number to ``metric`` and ``period`` only when the evidence leaves no
choice: the article names the period, the metric's aliases (or its series title) name
it and no other metric's would, the metric's unit fits the number, and the reference
holds a row for exactly that period. A period coarser than day rows gets the
aggregate its words imply, with a comment saying why: dated events (layoffs,
launches) add up (``sum``); a level a daily series fell to is its ``min``, one it rose
to its ``max``, a level stated plainly for the period its ``mean``; a level that holds its value for
long spans (a legal minimum wage) any of its values there (``any``). A metric or period
its own sentence leaves unsaid may come from earlier in the paragraph (:mod:`carried`),
or, for a number with no period at all, be the only period the reference holds, or the one period
the text names before it (a release story's month); a period stated
as an event (a president's term: :mod:`events`) or as "today" is read where the reference leaves
no choice (for a quarter, the latest surely out by then); each is written with a comment saying so.
"Jobs" alone names the payroll series only in a jobs report's sentence (:mod:`linking_payrolls`), and
"earned", "profit" or "net income" a company's net income or, for a figure per share, the per-share tag its
words name (:mod:`linking_earnings`); a company's fourth quarter, which no filing states, is its year less
the first nine months (:mod:`linking_quarters`). A company's figure (an EDGAR fact) links only
where the article names the company, and no figure links in a sentence naming a place
its series does not (:mod:`places`: California's payrolls are not the nation's) or a nation other than
its provider's (Japan's GDP is not FRED's), nor in a story in another nation's language that has not
named the provider's (a Korean story's CPI is Korea's), nor in a
sentence in the conditional mood (:mod:`hypotheticals`: "would have been 10.9 percent"), nor a figure dated
a year whose own words name a part of one ("$2.3 billion in its fourth quarter"), but for
one the words right after it date by an event ("the 65.5 percent in place when Obama became president"). Every
other suggestion stays a comment (monthly rows summed into a year; two metrics named
alike, :class:`Rivals`, each named), because that reading is the fact-checker's call.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Sequence

from checker.extraction import carried, events, metrics, places, relations
from checker.extraction.hypotheticals import clause, hypothetical, hypothetical_at
from checker.extraction.changes import EN_FROM, EN_FROM_REACH
from checker.extraction.context import previous
from checker.extraction.dateline import wire_lead_end
from checker.extraction.linking_earnings import earnings_alias, says_per_share
from checker.extraction.linking_payrolls import jobs_report
from checker.extraction.linking_quarters import fourth_quarter
from checker.extraction.model import ChangeLink, Extraction, Found, Link, Rivals, StatedRelation
from checker.extraction.restated import restated
from checker.extraction.worded import worded_values
from checker.periods import PeriodError, parse_period, shifted
from checker.quantities.predicates import EN_BASES, KO_BASES, Predicate, read_value
from checker.quantities.model import Kind, Quantity
from checker.reference.model import LookupFailure

if TYPE_CHECKING:
    from checker.reference.store import ReferenceData  # the readers load only when a draft is linked

#: The share of a series' rows that repeat the row before, above which it is a level that holds for
#: long spans (the federal minimum wage: 98% of its months; no monthly statistic reaches 30%).
HELD_SHARE = 0.9
#: Kinds of number that are the figure itself (a change or multiple is a relation, not a lookup).
LEVELS = (Kind.MONEY, Kind.COUNT, Kind.NUMBER, Kind.PERCENT)
#: A level stated for a period of a daily or weekly series: the aggregate its words imply.
LEVEL_AGGS: dict[str | None, tuple[str, str]] = {
    "down": ("min", "a fall to this level: the lowest value in"),
    "up": ("max", "a rise to this level: the highest value in"),
    None: ("mean", "a level stated for a period: the mean of the rows in"),
}


def link(extraction: Extraction, index: int, reference: ReferenceData,
         aliases: Sequence[metrics.Alias]) -> Link | ChangeLink | None:
    """The link for quantity ``index``, or None when a person must decide (the suggestion stays a comment);
    a company's fourth quarter, which no filing states, is its year less the first nine months
    (:mod:`linking_quarters`), for a figure its own words name (a metric carried from another
    sentence and a derived lookup would be two readings stacked)."""
    found = extraction.quantities[index]
    if found.quantity.kind not in LEVELS:
        return None
    named = _named(extraction, index, reference, aliases)
    if named is None:
        return None
    found, taken = named
    assert found.metric is not None and found.period is not None
    if not names_company(extraction.text, reference, found.metric) or _elsewhere(extraction, found, reference) \
            or _year_for_a_part(extraction, found):
        return None
    try:
        period = parse_period(found.period)
    except PeriodError:
        return None
    try:
        reference.lookup(found.metric, period, published=extraction.published)
        return Link(found.metric, found.period, carried=taken)
    except LookupFailure:
        pass
    if "metric" not in dict(taken) \
            and (derived := fourth_quarter(reference, found.metric, period, extraction.published)) is not None:
        return replace(derived, why="; ".join([*(why for _, why in taken), derived.why or ""]))   # its own words name it
    rows = reference.observations_within(found.metric, period)
    if rows and "period" not in dict(taken) and _held(reference, found.metric):   # its own sentence dates it
        return Link(found.metric, found.period, "any", f"{found.metric} holds each value for long spans (a level set by law "
                    f"or rule): a level stated for {found.period} is any of its values there (the draft's reading: check it)",
                    taken)
    if not rows or any(row.period.granularity != "day" for row in rows):
        return None
    if all(row.notes.get("frequency") == "irregular" for row in rows):
        return Link(found.metric, found.period, "sum",
                    f"{found.metric} rows are dated events; the draft adds those of {found.period}", taken)
    agg, why = LEVEL_AGGS[_movement(extraction, found)]
    return Link(found.metric, found.period, agg, f"{why} {found.period} (the draft's reading: check it)", taken)


def _held(reference: ReferenceData, metric: str) -> bool:
    """Whether ``metric`` is a level that holds its value for long spans (:data:`HELD_SHARE` of its
    rows repeat the one before): "the minimum wage was $1.60 an hour in 1968" is the wage in force in
    1968, whichever month, though it rose from $1.40 in February. A statistic that moves month to month
    (payrolls, a price index) is no such level: its year is a sum or a mean, a person's call. Read only
    for a year its own sentence states: "In 2017, the CEO got paid $21.8 million. ... We need a $15
    minimum wage" wants a wage, in no year."""
    rows = reference.observations(metric)
    repeats = sum(earlier.value == later.value for earlier, later in zip(rows, rows[1:]))
    return len(rows) > 1 and repeats >= HELD_SHARE * (len(rows) - 1)


def _named(extraction: Extraction, index: int, reference: ReferenceData,
           aliases: Sequence[metrics.Alias]) -> tuple[Found, tuple[tuple[str, str], ...]] | None:
    """Quantity ``index`` with the metric and period its words name or its paragraph carries, and
    which were carried; None when either is unknown or the words name more than one metric."""
    found = extraction.quantities[index]
    taken: list[tuple[str, str]] = []
    if found.metric is None:
        from_before = _from_first_value(extraction, index) or _compared_with(extraction, index) \
            or carried.metric(extraction, index)
        if from_before is None or not _unique(extraction, from_before[1], aliases) \
                or _total_per_share(extraction, found, reference, from_before[0].value):
            return None
        found = replace(found, metric=from_before[0].value)
        taken.append(("metric", from_before[0].why))
    elif not _unique(extraction, found, aliases):
        return None
    if (own := _own_event_period(extraction, index, reference, found.metric)) is not None:
        found = replace(found, period=own.value)   # "in place when Obama became president", not "in June 2012"
        taken.append(("period", own.why))
    elif found.period is None:
        period = _event_period(extraction, index, reference, found.metric) \
            or _today(extraction, index, reference, found.metric) or carried.period(extraction, index) \
            or _only_period(reference, found.metric, extraction.published) or _texts_period(extraction, index)
        if period is None:
            return None
        found = replace(found, period=period.value)
        taken.append(("period", period.why))
    return found, tuple(taken)


#: Words right after a figure naming a span shorter than a year as its own: "$2.3 billion in its fourth
#: quarter", "in the quarter", "in the second half", "in the last three months of the year".
_OWN_PART = re.compile(r"\s+(?:in|for|during|over)\s+(?:the|its|their|this|that)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:quarter|half|months?|weeks?)\b", re.IGNORECASE)


def _year_for_a_part(extraction: Extraction, found: Found) -> bool:
    """Whether a figure dated a whole year says right after it that it is of a part of one: "net income was
    $5.5 billion in 2021 and $2.3 billion in its fourth quarter" leaves the second figure the sentence's
    year where its own words were not read as a period; its link would check a quarter against the year."""
    if found.period is None or extraction.language != "en" or not _OWN_PART.match(extraction.text, found.quantity.end):
        return False
    try:
        return parse_period(found.period).granularity == "year"
    except PeriodError:
        return False


def _total_per_share(extraction: Extraction, found: Found, reference: ReferenceData, metric: str) -> bool:
    """Whether ``metric``, carried to ``found`` from an earlier figure, is a total while the number's own
    sentence states a figure per share ("Tesla's revenue was $53.8 billion in 2021. Earnings per share were
    $5.60": not revenue)."""
    rows = reference.observations(metric)
    per_share = bool(rows) and "/shares" in (rows[0].unit or "")
    return not per_share and says_per_share(extraction.text[found.sentence[0]:found.sentence[1]])


#: "from A (in 2020) to B": English "from" before A, "to" right before B; Korean "A에서 B로".
_EN_TO = re.compile(r"^[^.;:!?]{0,30}?\bto\s+$", re.IGNORECASE)
_KO_FROM_TO = re.compile(r"^(?:에서|에서부터|부터)\s[^.;:!?]{0,30}$")
_KO_TO = re.compile(r"(?:으로|로)(?![\uac00-\ud7a3])")


def _change_start(extraction: Extraction, index: int) -> int | None:
    """The index of A when quantity ``index`` is B of "from A to B" ("from $31.5 billion in 2020 to
    $53.8 billion in 2021"; "315억 달러에서 538억 달러로"): one sentence, one kind and unit; else None."""
    earlier = next((i for i in range(index - 1, max(-1, index - 4), -1)   # past at most the dates between
                    if extraction.quantities[i].quantity.kind is not Kind.DATE), None)
    if earlier is None:
        return None
    first, second = extraction.quantities[earlier], extraction.quantities[index]
    a, b, text = first.quantity, second.quantity, extraction.text
    if first.sentence != second.sentence or (a.kind, a.unit) != (b.kind, b.unit):
        return None
    between = text[a.end:b.start]
    if extraction.language == "en":
        joined = _starts_change(extraction, earlier) and _EN_TO.match(between)
    else:
        joined = _KO_FROM_TO.match(between) and _KO_TO.match(text, b.end)
    return earlier if joined else None


def _starts_change(extraction: Extraction, index: int) -> bool:
    """Whether English "from" stands right before quantity ``index`` ("went from $5 trillion")."""
    found = extraction.quantities[index]
    start = found.quantity.start
    return EN_FROM.search(extraction.text, max(found.sentence[0], start - EN_FROM_REACH), start) is not None


def _from_first_value(extraction: Extraction, index: int) -> tuple[carried.Carried, Found] | None:
    """The metric of A for B of "from A to B" ("revenues grew from $31.5 billion in 2020 to $53.8
    billion in 2021"; "매출이 315억 달러에서 538억 달러로"): a change of one metric names it once."""
    earlier = _change_start(extraction, index)
    if earlier is None or extraction.quantities[earlier].metric is None:
        return None
    first = extraction.quantities[earlier]
    return carried.Carried(first.metric, f"metric of '{first.quantity.text}', where the change starts: check it"), first


#: Between B and its base A in "rose 71% to $53.8 billion in 2021, from $31.5 billion a year earlier": B's own
#: period words at most, then "from" (up/down from, compared with) right before A.
_THEN_FROM = re.compile(r"^(?:\s+(?:in|for|during)\s+[^,;:.!?]{1,30}?)?,?\s+(?:(?:up|down)\s+)?"
                        r"(?:from|compared\s+(?:with|to))\s+$", re.IGNORECASE)


def _compared_with(extraction: Extraction, index: int) -> tuple[carried.Carried, Found] | None:
    """The metric of B for A, the base B is compared with right after it ("revenues rose 71% to $53.8 billion
    in 2021, from $31.5 billion a year earlier"; "$56.5 mn, down from $232.9 mn"): one sentence, one kind and
    unit, English only (Korean puts the base first: :func:`_from_first_value`)."""
    earlier = next((i for i in range(index - 1, max(-1, index - 4), -1)   # past at most the dates between
                    if extraction.quantities[i].quantity.kind is not Kind.DATE), None)
    if extraction.language != "en" or earlier is None:
        return None
    first, second = extraction.quantities[earlier], extraction.quantities[index]
    a, b = first.quantity, second.quantity
    if first.metric is None or first.sentence != second.sentence or (a.kind, a.unit) != (b.kind, b.unit) \
            or not _THEN_FROM.match(extraction.text[a.end:b.start]):
        return None
    return carried.Carried(first.metric, f"metric of '{a.text}', the figure it is compared with: check it"), first


def _event_period(extraction: Extraction, index: int, reference: ReferenceData,
                  metric: str | None) -> carried.Carried | None:
    """The period of ``metric``'s rows holding the day an event of the number's sentence dates it
    (:mod:`events`): "when Obama took office" (or "left office") for the sentence's one figure of its kind; "under
    President George W. Bush ... from $5 trillion to $12 trillion" for A (the term's first day) and B
    (its last). None for any other figure, or when no one row holds the day."""
    found = extraction.quantities[index]
    sentence = extraction.text[found.sentence[0]:found.sentence[1]]
    if extraction.language != "en" or metric is None:
        return None
    day, why = events.term_day(sentence, extraction.published, extraction.text) or (None, "")
    if day is not None and any(other.sentence == found.sentence and other.quantity.kind is found.quantity.kind
                               for other in extraction.quantities if other is not found):
        return None   # which of two figures is the one "when X took office" is a person's reading
    if day is None and (term := _term_under(extraction, found)) is not None:
        if _starts_change(extraction, index):
            day, why = term.start, "where the change starts: the day the term began"
        elif _change_start(extraction, index) is not None:
            day, why = term.end, "where the change ends: the day the term ended"
    return None if day is None else _holding(reference, metric, day, why)


def _own_day(extraction: Extraction, index: int) -> tuple[date, str] | None:
    """The day a "when Obama became president" right after quantity ``index`` dates it (:func:`events.day_after`)."""
    if extraction.language != "en":
        return None
    found = extraction.quantities[index]
    return events.day_after(extraction.text, found.quantity.end, extraction.published, found.sentence[0])


def _own_event_period(extraction: Extraction, index: int, reference: ReferenceData,
                      metric: str | None) -> carried.Carried | None:
    """The period of ``metric``'s rows holding the day the words right after quantity ``index`` date
    it by ("65.5 percent in place when Obama became president"): its own, over any other period its
    sentence names ("in June 2012" is the what-if's). None without such words."""
    own = _own_day(extraction, index)
    return None if own is None or metric is None else _holding(reference, metric, *own)


def _holding(reference: ReferenceData, metric: str, day: date, why: str) -> carried.Carried | None:
    """The one period of ``metric``'s rows holding ``day``, said why; None when no one row holds it."""
    held = holding(reference, metric, day)
    if len(held) != 1:
        return None
    (label,) = held
    if label == day.isoformat() or not _weekly(reference, metric):
        return carried.Carried(label, f"{label} holds {day.isoformat()}, {why}: check it")
    return carried.Carried(label, f"the week dated {label} holds {day.isoformat()} ({metric} is weekly, "
                                  f"each week dated by one day), {why}: check it")


#: Days after a weekly row's date that still fall in its week.
WEEK = timedelta(days=7)


def holding(reference: ReferenceData, metric: str, day: date) -> set[str]:
    """The labels of ``metric``'s rows holding ``day``. A weekly series dates each week by one day
    (FRED's gasoline prices: Mondays), so no row holds a Tuesday; the week holding it is the row on or
    just before it, when the next row starts after it ("gas prices when Obama took office", a
    Tuesday, are the week dated Monday 2009-01-19). Daily and other series take only a row holding the day."""
    rows = reference.observations(metric)
    held = {row.period.label for row in rows if row.period.contains(day)}
    if held or not _weekly(reference, metric):
        return held
    before = [(row, later) for row, later in zip(rows, rows[1:]) if row.period.start <= day < later.period.start]
    return {row.period.label for row, later in before
            if day - row.period.start < WEEK and later.period.start - row.period.start == WEEK}


def _weekly(reference: ReferenceData, metric: str) -> bool:
    """Whether ``metric``'s rows are a weekly series (its frequency note, inferred or declared)."""
    rows = reference.observations(metric)
    return bool(rows) and rows[0].notes.get("frequency") == "weekly"


def _term_under(extraction: Extraction, found: Found) -> events.Term | None:
    """The term the number's clause states it under (:func:`hypotheticals.clause`), else its sentence:
    "the debt under Bush went up $4.357 trillion, while it has gone up under Obama by $3.801 trillion"
    states each figure under one term, where the sentence names two."""
    start, end = clause(extraction.text, found.sentence, found.quantity.start, found.quantity.end)
    return events.term_under(extraction.text[start:end], extraction.published, extraction.text) \
        or events.term_under(extraction.text[found.sentence[0]:found.sentence[1]], extraction.published, extraction.text)


#: Words dating a level to the day the text was written: "a full-time worker today", "is now",
#: "the most recent (quarter)", "the latest figures".
_TODAY = re.compile(r"\b(?:today|now|currently|(?:the\s+)?(?:most\s+recent|latest))\b", re.IGNORECASE)
#: "a hike to $10.10", "raise it to $15": a level something moves to, not the one in force.
_MOVED_TO = re.compile(r"\bto\s+$", re.IGNORECASE)
#: How long after a period ends its figure may still be the latest published (a quarter's GDP: a month).
PUBLICATION_LAG = timedelta(days=92)
#: How long after a quarter ends its US official figure is surely out: BEA's advance GDP estimate comes
#: by the end of the next month, and the longest delay on record (the 2019 shutdown) was 59 days. No
#: such bound holds for a month: a jobs report may come on the 1st or, in a shutdown, seven weeks
#: later, so "now" for a monthly statistic is this month's or the last one's, and stays unread.
RELEASED_WITHIN = {"quarter": timedelta(days=60)}
#: How soon after a quarter ends its US official figure can first come out: never within three weeks
#: (BEA's advance GDP estimate, the fastest, comes about 30 days after). A quarter that ended less
#: long ago than this was surely not out, so "now" is the quarter before it, if that one surely was.
UNRELEASED_WITHIN = {"quarter": timedelta(days=21)}


def _today(extraction: Extraction, index: int, reference: ReferenceData, metric: str | None) -> carried.Carried | None:
    """The period a level its sentence dates "today", "now" or "the most recent" is of: the period
    holding the publication day when ``metric`` holds one value from there back over
    :data:`PUBLICATION_LAG`, else the latest quarter surely out by then (:func:`_latest_released`).

    "Today" is the period holding the day or the latest one published by then, and a reference
    without release dates cannot say which; where the value is the same in all of them (a legal
    minimum wage unchanged for years) either reading checks alike. A level something moves to
    ("a hike to $10.10") stays unlinked."""
    found, published = extraction.quantities[index], extraction.published
    sentence = extraction.text[found.sentence[0]:found.sentence[1]]
    if metric is None or published is None or extraction.language != "en" or not (said := _TODAY.search(sentence)) \
            or _MOVED_TO.search(extraction.text, max(found.sentence[0], found.quantity.start - 8), found.quantity.start):
        return None
    rows = [row for row in reference.observations(metric)
            if row.period.start <= published and row.period.end >= published - PUBLICATION_LAG]
    held = {row.period.label for row in rows if row.period.contains(published)}
    if len(held) != 1 or len({row.value for row in rows}) != 1:
        return _latest_released(reference, metric, published, said.group(0))
    (label,), first = held, min(row.period.label for row in rows)
    return carried.Carried(label, f"'{said.group(0)}' on {published.isoformat()}: {label} holds that day, and {metric} "
                                  f"is {rows[0].value} in every period from {first}: check it")


def _latest_released(reference: ReferenceData, metric: str, published: date, said: str) -> carried.Carried | None:
    """The quarter before the one holding ``published``, when it ended at least :data:`RELEASED_WITHIN`
    before and ``metric`` is quarterly: a figure "now" is the latest one out, and the quarter holding
    the day was not over. One that ended within :data:`UNRELEASED_WITHIN` was surely not out either, so
    "today" a week into April is the fourth quarter. None for other granularities, or a quarter too
    recent to be sure it was out and too old to be sure it was not."""
    rows = reference.observations(metric)
    granularity = rows[-1].period.granularity if rows else None
    lag = RELEASED_WITHIN.get(granularity or "")
    latest = previous(parse_period(f"{published.year}-Q{(published.month - 1) // 3 + 1}"))
    if lag is not None and latest is not None and published - latest.end < UNRELEASED_WITHIN[granularity or ""]:
        latest = previous(latest)   # a quarter ended days ago is not out yet: the one before is the latest
    if lag is None or latest is None or published - latest.end < lag:
        return None
    return carried.Carried(latest.label, f"'{said}' on {published.isoformat()}: {latest.label} is the latest "
                                         f"{granularity} that ended {lag.days} days or more before, assumed out by "
                                         "then (the reference holds no release dates): check it")


def _texts_period(extraction: Extraction, index: int) -> carried.Carried | None:
    """The one period the whole text names, named before quantity ``index``, when nothing in the number's
    sentence has a period: a release story names its month once and goes on about it paragraph after
    paragraph ("5월 수입물량지수는 128.44 ... ¶ 품목별로는 곡류 수입물량지수가 164.39를 기록했다"). None when
    the text names two periods, or names its one only after the number (which may be another's)."""
    found = extraction.quantities[index]
    periods = {other.period for other in extraction.quantities if other.period}
    dates = [other for other in extraction.quantities if other.quantity.kind is Kind.DATE and other.period]
    if len(periods) != 1 or not dates or dates[0].quantity.start > found.quantity.start \
            or any(other.period for other in extraction.quantities if other.sentence == found.sentence):
        return None
    return carried.Carried(dates[0].period, f"the one period the text names ('{dates[0].quantity.text}'): check it")


def _only_period(reference: ReferenceData, metric: str | None, published: date | None) -> carried.Carried | None:
    """The one period the reference holds for ``metric``, when it ended before the article was published."""
    periods = {row.period.label: row.period for row in reference.observations(metric or "")}
    if len(periods) != 1:
        return None
    (label, period), = periods.items()
    if published is not None and period.end >= published:
        return None
    return carried.Carried(label, f"the text names no period; the reference holds {metric} for {label} only: check it")


#: Words that state a change against the same period a year earlier (전월 대비 and 전 분기 대비 do not).
YEAR_ON_YEAR = tuple(base for base in (*KO_BASES, *EN_BASES) if "전월" not in base and "분기" not in base)


def year_on_year(extraction: Extraction, found: Found, reference: ReferenceData,
                 aliases: Sequence[metrics.Alias]) -> tuple[str, str, str] | None:
    """``(metric, period, a year earlier)`` for a change the sentence states against the year before
    ("전년 대비 32만 7,000명 늘었다", "up 12,000 from a year earlier"), when the words name one metric and
    the reference holds both periods; None otherwise (the change stays a comment)."""
    start, end = found.sentence
    sentence = extraction.text[start:end]
    if found.metric is None or found.period is None or not any(base in sentence for base in YEAR_ON_YEAR):
        return None
    if not _linkable(extraction, found, reference, aliases):
        return None
    try:
        period = parse_period(found.period)
    except PeriodError:
        return None
    earlier = shifted(period, years=-1)
    if earlier is None or not _holds(extraction, reference, found.metric, period, earlier):
        return None
    return found.metric, period.label, earlier.label


def _linkable(extraction: Extraction, found: Found, reference: ReferenceData,
              aliases: Sequence[metrics.Alias], relative: bool = False) -> bool:
    """The checks every drafted change passes: one metric named, its company named, no other place."""
    return (_unique(extraction, found, aliases, relative) and names_company(extraction.text, reference, found.metric)
            and not _elsewhere(extraction, found, reference) and not _year_for_a_part(extraction, found))


def _holds(extraction: Extraction, reference: ReferenceData, metric: str, *periods: object) -> bool:
    """Whether the reference has ``metric`` for every one of ``periods`` (labels or periods) as published."""
    try:
        for asked in periods:
            reference.lookup(metric, parse_period(asked) if isinstance(asked, str) else asked,
                             published=extraction.published)
    except (LookupFailure, PeriodError):
        return False
    return True


def period_on_period(extraction: Extraction, found: Found, reference: ReferenceData,
                     aliases: Sequence[metrics.Alias]) -> tuple[str, str, str] | None:
    """``(metric, period, the period before)`` for a change the words state against the month or
    quarter before ("rose by 531,000 from the previous month", "전월 대비 5만 명 늘었다"), when
    they name one metric and the reference holds both periods; None otherwise."""
    if found.metric is None or found.period is None:
        return None
    quantity, (start, end) = found.quantity, found.sentence
    words = extraction.text[max(start, quantity.start - 24):quantity.start] + " " + \
        extraction.text[quantity.end:min(end, quantity.end + 32)]
    earlier = relations.period_before(found.period, words)
    if earlier is None or not _linkable(extraction, found, reference, aliases) \
            or not _holds(extraction, reference, found.metric, found.period, earlier):
        return None
    return found.metric, found.period, earlier


def change_without_base(extraction: Extraction, found: Found, reference: ReferenceData,
                        aliases: Sequence[metrics.Alias]) -> tuple[str, str, str, str] | None:
    """``(metric, period, base, why)`` for a change stated with no base words ("32만 명 늘었다"): the
    base is the one other period its sentence names, else the period before (the year, quarter or
    month before), which the draft says it chose; None when the reference lacks either period, or
    when base words stand in the sentence (전월 대비: :func:`year_on_year` and :func:`period_on_period` read those)."""
    start, end = found.sentence
    if any(base in extraction.text[start:end] for base in (*KO_BASES, *EN_BASES)):
        return None
    if found.metric is None or found.period is None or not _linkable(extraction, found, reference, aliases):
        return None
    named = sorted({other.period for other in extraction.quantities if other.sentence == found.sentence
                    and other.quantity.kind is Kind.DATE and other.period and other.period != found.period
                    and not _starts_a_rank(extraction.text, other.quantity)})
    if len(named) > 1:
        return None
    try:
        period = parse_period(found.period)
        base = parse_period(named[0]) if named else (
            shifted(period, years=-1) if period.granularity == "year" else previous(period))
    except PeriodError:
        return None
    if base is None or not _holds(extraction, reference, found.metric, period, base):
        return None
    why = (f"the change is read against {base.label}, the other period its sentence names: check it" if named
           else f"the sentence names no base: the change is read against the period before, {base.label}: check it")
    return found.metric, period.label, base.label, why


#: A superlative and "since" right before a date, or 이후 and a superlative right after it: the date opens
#: the span a rank is over ("the smallest since April 2021", "2021년 4월 이후 최소"), no base of a change.
_RANK_SINCE_BEFORE = re.compile(r"\b(?:highest|lowest|largest|smallest|biggest|greatest|fastest|slowest|weakest|"
                                r"strongest|most|fewest|least|best|worst)\s+(?:\w+\s+){0,2}since\s+$", re.IGNORECASE)
_RANK_SINCE_AFTER = re.compile(r"\s*(?:이후|이래)\s*(?:가장\s*)?(?:최저|최고|최대|최소|최악|최다|최소치|최고치|최저치|높|낮|많|적)")


def _starts_a_rank(text: str, date: Quantity) -> bool:
    """Whether ``date`` opens the span of a rank ("the smallest since April 2021"), not a change's base:
    "Employers added 263,000 jobs in September, … the smallest since April 2021" was drafted as the
    change from April 2021 to September 2022."""
    return bool(_RANK_SINCE_BEFORE.search(text[max(0, date.start - 48):date.start])
                or _RANK_SINCE_AFTER.match(text, date.end))


def change_over_term(extraction: Extraction, found: Found, reference: ReferenceData,
                     aliases: Sequence[metrics.Alias], relative: bool = False) -> tuple[str, str, str, str] | None:
    """``(metric, period, base, why)`` for a change its sentence states over a president's term and no
    other period ("Under President George W. Bush, the national debt rose by $7 trillion"): from the
    period holding the day the term began to the one holding the day it ended (:mod:`events`); None
    for a term not over when the text was written, or when the reference lacks either period."""
    if found.metric is None or found.period is not None or extraction.language != "en":
        return None
    term = _term_under(extraction, found)
    if term is None or term.end is None or not _unique(extraction, found, aliases, relative) \
            or not names_company(extraction.text, reference, found.metric) or _elsewhere(extraction, found, reference):
        return None
    ends = [holding(reference, found.metric, day) for day in (term.end, term.start)]
    if any(len(held) != 1 for held in ends):
        return None
    (period,), (base,) = ends
    try:
        for asked in (period, base):
            reference.lookup(found.metric, parse_period(asked), published=extraction.published)
    except (LookupFailure, PeriodError):
        return None
    return found.metric, period, base, (f"a change over the term from {term.start.isoformat()} to "
                                        f"{term.end.isoformat()}: {base} to {period}, the periods holding those days: check it")


def change_since_term(extraction: Extraction, found: Found, reference: ReferenceData,
                      aliases: Sequence[metrics.Alias], relative: bool = False) -> tuple[str, str, str, str] | None:
    """``(metric, period, base, why)`` for a change its sentence counts "since Obama took office" and
    dates no other way: from the period holding the day the term began to the latest quarter
    surely out when the text was written (:func:`_latest_released`); None when either is unsure."""
    if found.metric is None or found.period is not None or extraction.language != "en" or extraction.published is None:
        return None
    sentence = extraction.text[found.sentence[0]:found.sentence[1]]
    term = events.term_since(sentence, extraction.published, extraction.text)
    if term is None or not _linkable(extraction, found, reference, aliases, relative):
        return None
    held = holding(reference, found.metric, term.start)
    latest = _latest_released(reference, found.metric, extraction.published, "now")
    if len(held) != 1 or latest is None:
        return None
    (base,) = held
    if base == latest.value or not _holds(extraction, reference, found.metric, base, latest.value):
        return None
    return found.metric, latest.value, base, (f"a change since the term began on {term.start.isoformat()}: from {base}, "
                                              f"the period holding that day, to {latest.why}")


#: The relation a percent or a multiple states between the two ends of a term: "up 115 percent", "doubled".
_RELATIVE = {Kind.PERCENT: "change", Kind.MULTIPLE: "multiple"}


def _relative_over_term(extraction: Extraction, index: int, reference: ReferenceData,
                        aliases: Sequence[metrics.Alias]) -> ChangeLink | None:
    """A percent change or a multiple stated over a president's term ("the debt doubled under President
    George W. Bush", "up 40 percent since Obama took office"): ``change`` or ``multiple`` of the metric
    between the periods :func:`change_over_term` or :func:`change_since_term` read. None for a metric in
    percent (a rise of a rate "by 2 percent" may be points or a share of it), and for a number the
    extraction already states a relation of ("rose 51% to $81.5 billion")."""
    found = extraction.quantities[index]
    relation = _RELATIVE.get(found.quantity.kind)
    rows = reference.observations(found.metric or "")
    if relation is None or not rows or rows[0].unit == "%" or any(r.claim == index for r in extraction.relations):
        return None
    over = change_over_term(extraction, found, reference, aliases, True) \
        or change_since_term(extraction, found, reference, aliases, True)
    return ChangeLink(*over, relation=relation) if over else None


#: "(about triple) what it was in (January 2001)", "... what it was when George W. Bush took office": a multiple of
#: the metric's level at the date or the event that follows.
_WHAT_IT_WAS = re.compile(r"\s+what\s+(?:it|they)\s+(?:was|were|had\s+been)\s+", re.IGNORECASE)
_IN = re.compile(r"in\s+$", re.IGNORECASE)


def _multiple_of_then(extraction: Extraction, index: int, reference: ReferenceData,
                      aliases: Sequence[metrics.Alias]) -> ChangeLink | None:
    """A multiple a level "today" is of the level at a date or event its words name: "today's national
    debt is about triple what it was in January 2001" (or "when George W. Bush took office") is the ``multiple``
    of the latest period out (:func:`_today`) over the one period holding January 2001 (the day his
    term began). None unless "what it was" follows the number, the sentence dates the level "today"
    or "now", and one row of the metric holds all of the date."""
    found = extraction.quantities[index]
    said = _WHAT_IT_WAS.match(extraction.text, found.quantity.end)
    if found.metric is None or said is None or not _linkable(extraction, found, reference, aliases, True):
        return None
    base = _then(extraction, index, said.end(), found.metric, reference)
    now = _today(extraction, index, reference, found.metric)
    if base is None or now is None or not _holds(extraction, reference, found.metric, now.value, base.value):
        return None
    return ChangeLink(found.metric, now.value, base.value, f"a multiple of the level then: {base.why}; now: {now.why}",
                      relation="multiple")


def _then(extraction: Extraction, index: int, start: int, metric: str,
          reference: ReferenceData) -> carried.Carried | None:
    """The period of the level a comparison starting at ``start`` names: the date right after "in" (the
    one row holding all of it), or the day of a "when Obama took office" (:func:`events.when_at`)."""
    if extraction.language == "en" and (event := events.when_at(extraction.text, start, extraction.published)):
        return _holding(reference, metric, *event)
    then = extraction.quantities[index + 1] if index + 1 < len(extraction.quantities) else None
    if then is None or then.quantity.kind is not Kind.DATE or then.period is None \
            or not _IN.fullmatch(extraction.text, start, then.quantity.start):
        return None
    try:
        asked = parse_period(then.period)
    except PeriodError:
        return None
    held = holding(reference, metric, asked.start)
    if len(held) != 1 or held != holding(reference, metric, asked.end):
        return None
    (label,) = held
    return carried.Carried(label, f"{label} holds all of {then.period}: check it")


def _movement(extraction: Extraction, found: Found) -> str | None:
    """``down`` for "fell to X" / "X까지 떨어졌다", ``up`` for a rise to X, else None."""
    text, quantity = extraction.text, found.quantity
    start, end = found.sentence
    after = text[quantity.start:end].strip().rstrip(".")
    words = text[start:quantity.start].split()
    written = [after] + [" ".join(words[-count:] + [text[quantity.start:quantity.end]]) for count in (1, 2, 3)]
    for candidate in written:
        worded = read_value(candidate, extraction.language)
        if worded is not None and worded.predicate.form == "level" and worded.predicate.direction:
            return worded.predicate.direction
    return None


def _names_the_change(extraction: Extraction, found: Found, said: str, aliases: Sequence[metrics.Alias]) -> bool:
    """Whether the change word a percent is stated with ends a name of its metric, a percent series:
    "GDP growth of 2.0 percent" is a level of the series "GDP growth" (a growth rate), not a change of it."""
    if found.metric is None or found.quantity.kind is not Kind.PERCENT:
        return False
    start = extraction.text.rfind(said, found.sentence[0], found.quantity.end)
    word = re.match(r"\w+", said)
    if start < 0 or word is None:
        return False
    before = extraction.text[found.sentence[0]:start + word.end()]
    return any(alias.metric == found.metric and alias.unit == found.quantity.unit
               and re.search(rf"(?<!\w){re.escape(alias.name)}$", before, re.IGNORECASE) for alias in aliases)


def _unique(extraction: Extraction, found: Found, aliases: Sequence[metrics.Alias], relative: bool = False) -> bool:
    """The words name one metric for this number: no other metric's name stands as near. A number
    stated as ``relative`` to the metric (a percent change, a multiple) may name one in any unit."""
    nearest = metrics.nearest_metrics(extraction.text, found.quantity, found.sentence, aliases, relative)
    return nearest == [found.metric]


#: What follows a company's name in its filings' ``entityName`` and not in an article ("Tesla, Inc.").
_LEGAL_FORM = re.compile(r"[\s,]+(?:inc|corp|corporation|co|company|ltd|limited|plc|llc|l\.p|lp|n\.v|s\.a|ag|se|"
                         r"holdings|group)\.?$", re.IGNORECASE)


def names_company(text: str, reference: ReferenceData, metric: str) -> bool:
    """Whether ``text`` names the company a company's figure is of (its EDGAR ``entity`` note,
    without the legal form: Tesla for "Tesla, Inc."), as whole words; True for other figures.

    "Revenue rose to $81.5 billion" in an article about another company is not Tesla's revenue.
    """
    rows = reference.observations(metric)
    entity = rows[0].notes.get("entity", "") if rows else ""
    if not entity:
        return True
    name = entity
    while (shorter := _LEGAL_FORM.sub("", name)) != name:
        name = shorter
    return re.search(rf"(?<!\w){re.escape(name or entity)}(?!\w)", text, re.IGNORECASE) is not None


def _elsewhere(extraction: Extraction, found: Found, reference: ReferenceData) -> bool:
    """Whether the number's sentence names a place (a US state, a 시·도) its series' name does not, or a nation
    other than its provider's (:func:`places.other_nation`: Japan's GDP is not FRED's), or the story is in
    another nation's language and has not named the provider's (:func:`places.home_unnamed`); a wire's mark
    opening it ("(서울=연합뉴스) 박기자 =") names where the story was filed, not a place it is about."""
    start, end = found.sentence
    start = wire_lead_end(extraction.text, start)
    sentence = extraction.text[start:end]
    return places.other_place(sentence, reference.names().get(found.metric or "", "")) is not None \
        or places.other_nation(sentence, found.metric or "") is not None \
        or places.home_unnamed(extraction.text[:end], found.metric or "", extraction.language)


def vetted(extraction: Extraction, reference: ReferenceData) -> Extraction:
    """The extraction less what names a company the article does not name or a series of no place
    its sentence names, lookups the reference cannot answer, and lookups of a sentence in the conditional mood: such relations are
    dropped and such suggestions cleared, as :func:`link` refuses such a number (a comment suggesting Tesla's revenue for Nokia's misleads as a link would)."""
    def fits(found: Found, metric: str) -> bool:
        return names_company(extraction.text, reference, metric) \
            and not _elsewhere(extraction, replace(found, metric=metric), reference)

    def kept(relation: StatedRelation) -> bool:
        found = extraction.quantities[relation.claim]
        looks_up = any(isinstance(operand, dict) for operand in relation.operands)
        if looks_up and hypothetical(extraction.text[found.sentence[0]:found.sentence[1]]):
            return False
        lookups = [operand for operand in relation.operands if isinstance(operand, dict) and "metric" in operand]
        return all(fits(found, operand["metric"]) and _answers(extraction, reference, operand) for operand in lookups)
    quantities = [found if found.metric is None or fits(found, found.metric) else replace(found, metric=None)
                  for found in extraction.quantities]
    return replace(extraction, quantities=quantities, relations=[r for r in extraction.relations if kept(r)])


def _answers(extraction: Extraction, reference: ReferenceData, operand: dict[str, str]) -> bool:
    """Whether the reference answers a drafted lookup as written: a relation over a period it lacks,
    or a year of quarterly rows with no ``agg``, would be an error in ``check``, so it is not drafted."""
    if "period" not in operand:
        return True
    try:
        reference.lookup(operand["metric"], parse_period(operand["period"]), operand.get("agg"),
                         published=extraction.published)
    except (LookupFailure, PeriodError):
        return False
    return True


def rivals(extraction: Extraction, index: int, aliases: Sequence[metrics.Alias]) -> Rivals | None:
    """The metrics named alike for quantity ``index`` when there are several, else None."""
    found = extraction.quantities[index]
    if found.quantity.kind in (Kind.DATE, Kind.DURATION):
        return None
    nearest = metrics.nearest_metrics(extraction.text, found.quantity, found.sentence, aliases,
                                      found.quantity.kind in metrics.RELATIVE)
    return Rivals(tuple(sorted(nearest))) if len(nearest) > 1 else None


def _earnings_link(extraction: Extraction, index: int, reference: ReferenceData,
                   aliases: Sequence[metrics.Alias]) -> Link | ChangeLink | None:
    """The link of a company's figure its clause names as news does ("Tesla earned $5.5 billion",
    "$1.44 per share on a diluted basis": :mod:`linking_earnings`), said so; None for any other."""
    earned = earnings_alias(extraction, index, aliases)
    if earned is None:
        return None
    named = extraction.quantities[index]
    quantities = [*extraction.quantities[:index], replace(named, metric=earned.metric), *extraction.quantities[index + 1:]]
    found = link(replace(extraction, quantities=quantities), index, reference, [*aliases, earned])
    why = f"'{earned.name}' read as {earned.metric}"
    return None if found is None else replace(found, why=f"{why}; {found.why}" if found.why else f"{why}: check it")


def _said_as_payrolls(change: ChangeLink, jobs: metrics.Alias | None) -> ChangeLink:
    """``change`` with a comment saying "jobs" was read as the payroll series, when it was (:mod:`linking_payrolls`)."""
    if jobs is None:
        return change
    said = (f"'jobs' read as {jobs.metric}: the nation's employers or economy add them in a month whose report "
            "was the latest when the text came out")
    return replace(change, why=f"{said}; {change.why}" if change.why else f"{said}: check it")


def links(extraction: Extraction, reference: ReferenceData, aliases: Sequence[metrics.Alias],
          worded: Sequence[tuple[str, Predicate] | None] | None = None) -> dict[int, Link | ChangeLink | Rivals]:
    """The links of every quantity the evidence decides, by index in ``extraction.quantities``.

    A number stated as a change (32만 7,000명 늘었다) is a difference against a year
    earlier, or the month or quarter before, when its words say so; a percent change is left to the relations the
    extraction states (전년 대비 7.4% 감소), but for one over a president's term, which is a ``change`` of
    its two ends, as a multiple over it ("doubled under President George W. Bush") is their ``multiple``.
    A number whose words name two metrics alike gets their :class:`Rivals` instead of a link; one
    stated plainly that no words link may restate, digit for digit, a figure they do ("we hit a 3.2
    (percent)" ... "not 3.2 percent": :mod:`restated`). ``worded`` is ``worded_values(extraction)``
    when the caller has it (the draft needs it too). The names are those the extraction read
    (:func:`metrics.named_in`: "the debt" once the text wrote "the national debt").
    """
    worded = worded_values(extraction) if worded is None else worded
    aliases = metrics.named_in(extraction.text, aliases)
    decided: dict[int, Link | ChangeLink | Rivals | None] = {}
    levels = []   # stated plainly, unlinked: each may restate a figure linked elsewhere (:mod:`restated`)
    for index, found in enumerate(extraction.quantities):
        if hypothetical_at(extraction.text, found.sentence, found.quantity.start, found.quantity.end) \
                and _own_day(extraction, index) is None:   # "if it had remained at the 65.5 percent in place when ..."
            decided[index] = None
        elif worded[index] is not None and worded[index][1].form == "change" \
                and not _names_the_change(extraction, found, worded[index][0], aliases):  # type: ignore[index]
            jobs = jobs_report(extraction, index, aliases)   # "Employers added 263,000 jobs": payrolls
            found, names = (replace(found, metric=jobs.metric), [*aliases, jobs]) if jobs else (found, aliases)
            change = None if found.quantity.kind is Kind.PERCENT else (
                year_on_year(extraction, found, reference, names)
                or period_on_period(extraction, found, reference, names)
                or change_without_base(extraction, found, reference, names)
                or change_over_term(extraction, found, reference, names)
                or change_since_term(extraction, found, reference, names))
            decided[index] = _said_as_payrolls(ChangeLink(*change), jobs) if change \
                else _relative_over_term(extraction, index, reference, aliases)
        elif found.quantity.kind is Kind.MULTIPLE:
            decided[index] = _relative_over_term(extraction, index, reference, aliases) \
                or _multiple_of_then(extraction, index, reference, aliases)
        else:
            decided[index] = _earnings_link(extraction, index, reference, aliases) \
                or link(extraction, index, reference, aliases)
            levels.append(index)
    decided.update((index, rivals(extraction, index, aliases)) for index, found in decided.items() if found is None)
    stated = dict(decided)   # a restatement takes the link of a figure its words name, not another restatement's
    decided.update((index, restated(extraction, index, stated)) for index in levels if decided[index] is None)
    return {index: found for index, found in decided.items() if found is not None}

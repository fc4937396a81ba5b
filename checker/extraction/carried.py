"""What a sentence leaves to the ones before it: the period and metric its paragraph carries.

News prose names a period or a subject once and goes on without it. In the worked
example: "메타는 2022년 3분기 44억 달러의 순이익을 기록했다. … '리얼리티 랩스' 부문이 40억
달러 가까이 적자를 낸 게" is still the third quarter of 2022; "메타의 주가는 2022년 11월 90달러
대까지 떨어졌다. 2021년 11월 약 340달러였던 게" is still the share price; "11월 9일 메타는
1만1,000명을 잘라내는 … 정리해고를 단행했다. … 그리고 4개월 뒤 1만 명을" are layoffs, four
months after 9 November. English does the same with pronouns ("Shares fell to $90 in
November. A year earlier they traded at $340").

A drafted link may take what its own sentence leaves unsaid from earlier in the same
paragraph — never across a line break, and only from the nearest quantity that says it,
so a sentence naming another period or metric in between ends the carrying:

* the period, when no quantity of the number's sentence has one: that of the nearest
  earlier sentence naming one; or, right after "N개월 뒤" / "N years later", the nearest
  earlier date moved on by N months or years;
* the metric, when no quantity of the number's sentence names one: that of the nearest
  earlier sentence naming one for the same kind of number in the same unit.

A sentence naming two periods (or two metrics for such numbers) carries neither: which
one the next sentence continues is a person's reading. Nor does a sentence in the
conditional mood (:mod:`hypotheticals`): "would have been 10.9 percent if the rate had
remained at 65.5 percent. That's about 11 percent" is no figure of the period it names.

Each carried key is written with a comment saying where it came from, for the person
who checks the draft.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from dateutil.relativedelta import relativedelta

from checker.extraction.hypotheticals import hypothetical
from checker.extraction.model import Extraction, Found
from checker.lazy_regex import compile_lazily
from checker.periods import PeriodError, parse_period
from checker.quantities.model import Kind

#: Words after a duration that make it a time later than the story's last date.
_LATER = compile_lazily(r"\s*(?:뒤|후|이후|later|after)\b\s*", re.IGNORECASE)
#: Duration units a later period can be counted in, and the granularity of the result.
_STEPS: dict[str, tuple[str, str]] = {"months": ("months", "month"), "years": ("years", "year")}


@dataclass(frozen=True)
class Carried:
    """A key taken from earlier in the paragraph: its value and the words saying where from."""

    value: str
    why: str


#: How many quantities on each side a key is carried across: a paragraph or sentence of
#: thousands of numbers (a table pasted as prose, a hostile input) costs time per number,
#: not per number squared; no article carries a period over more.
NEAREST = 50


def _earlier(extraction: Extraction, index: int) -> list[Found]:
    """The ``NEAREST`` quantities before ``index`` in its paragraph, nearest first: those ending
    after the last line break before it (one search back, not one slice of the text per quantity)."""
    here = extraction.quantities[index]
    paragraph_start = extraction.text.rfind("\n", 0, here.quantity.start)
    found = []
    for position in range(index - 1, max(-1, index - 1 - NEAREST), -1):
        before = extraction.quantities[position]
        if before.quantity.end <= paragraph_start:
            break
        found.append(before)
    return found


def _sentence_mates(extraction: Extraction, index: int) -> list[Found]:
    """The quantities of ``index``'s sentence, up to ``NEAREST`` on each side (they stand next
    to each other, in text order)."""
    quantities, sentence = extraction.quantities, extraction.quantities[index].sentence
    first, last = index, index
    while first > max(0, index - NEAREST) and quantities[first - 1].sentence == sentence:
        first -= 1
    while last + 1 < min(len(quantities), index + NEAREST + 1) and quantities[last + 1].sentence == sentence:
        last += 1
    return quantities[first:last + 1]


def _from_nearest_sentence(extraction: Extraction, earlier: list[Found],
                           value: Callable[[Found], str | None]) -> Found | None:
    """The quantity giving ``value`` in the nearest earlier sentence that gives one, if that
    sentence gives only one (two periods or metrics there leave the choice to a person) and
    states what was, not what would be."""
    givers = [before for before in earlier if value(before)]
    if not givers:
        return None
    sentence = givers[0].sentence
    if hypothetical(extraction.text[sentence[0]:sentence[1]]):
        return None
    values = {value(before) for before in givers if before.sentence == sentence}
    return givers[0] if len(values) == 1 else None


def period(extraction: Extraction, index: int) -> Carried | None:
    """The period the paragraph gives quantity ``index`` when its own sentence names none."""
    found = extraction.quantities[index]
    if found.period is not None:
        return None
    later = _later_than_last_date(extraction, index)
    if later is not None:
        return later
    if any(mate.period for mate in _sentence_mates(extraction, index)):
        return None
    source = _from_nearest_sentence(extraction, _earlier(extraction, index), lambda before: before.period)
    if source is None or source.period is None:
        return None
    return Carried(source.period, f"period carried from '{source.quantity.text}' earlier in the paragraph: check it")


def _later_than_last_date(extraction: Extraction, index: int) -> Carried | None:
    """"4개월 뒤 1만 명": the nearest earlier date of the paragraph, N months (or years) on."""
    found = extraction.quantities[index]
    earlier = _earlier(extraction, index)
    duration = earlier[0] if earlier else None
    if duration is None or duration.quantity.kind is not Kind.DURATION or duration.quantity.value is None:
        return None
    gap = _LATER.fullmatch(extraction.text, duration.quantity.end, found.quantity.start)
    step = _STEPS.get(duration.quantity.unit or "")
    count = duration.quantity.value
    if gap is None or step is None or count != int(count) or duration.sentence != found.sentence:
        return None
    anchor = next((before for before in earlier[1:] if before.quantity.kind is Kind.DATE and before.period), None)
    if anchor is None:
        return None
    try:
        start = parse_period(anchor.period).start
    except PeriodError:
        return None
    moved: date = start + relativedelta(**{step[0]: int(count)})
    label = f"{moved.year:04d}-{moved.month:02d}" if step[1] == "month" else f"{moved.year:04d}"
    why = f"'{duration.quantity.text}' after '{anchor.quantity.text}' ({anchor.period}) is {label}: check it"
    return Carried(label, why)


def metric(extraction: Extraction, index: int) -> tuple[Carried, Found] | None:
    """The metric the paragraph gives quantity ``index``, and the quantity that named it."""
    found = extraction.quantities[index]
    if found.metric is not None or any(mate.metric for mate in _sentence_mates(extraction, index)):
        return None
    kind = (found.quantity.kind, found.quantity.unit)
    alike = [before for before in _earlier(extraction, index) if (before.quantity.kind, before.quantity.unit) == kind]
    source = _from_nearest_sentence(extraction, alike, lambda before: before.metric)
    if source is None or source.metric is None:
        return None
    why = f"metric carried from '{source.quantity.text}' earlier in the paragraph: check it"
    return Carried(source.metric, why), source

"""A drafted number together with the words that give it meaning: sign, change, rank.

"7.4% 감소했다" is a fall of 7.4%, "99억 7,000만 달러 적자" a negative balance, "3년 만에
최저" a rank. The grammar reads a number alone; the predicate tables
(:mod:`checker.quantities.predicates`) read it with those words. A draft writes the
words into the claim's ``value`` so the claim keeps its sign and kind exactly as the
article states them, rather than a bare number a person must remember to negate.
"""
from __future__ import annotations

import itertools
import re
from decimal import Decimal

from checker.extraction.borrowed import borrowed
from checker.extraction.model import Extraction, Found
from checker.lazy_regex import compile_lazily
from checker.quantities.model import Kind, Quantity
from checker.quantities.predicates import Predicate, Rank, Worded, read_rank, read_value

#: Words searched around a number for its predicate: before it (English "fell 7.4%") and after it.
WORDS_BEFORE = 3
WORDS_AFTER = 4
#: Words after a number searched for its rank ("5% in March, the lowest level in three years").
RANK_WORDS = 12
#: A sentence without one of these holds no rank words, so it is not searched for them.
RANK_HINTS = compile_lazily(r"최대|최고|최저|최소|record|highest|lowest|high|low", re.IGNORECASE)
_WORD = compile_lazily(r"\S+")
#: After "a year": the words that make it a time before or after, not a rate per year ("a year earlier").
_TIME_AGO = compile_lazily(r"\s+(?:earlier|ago|before|later|prior|after)\b", re.IGNORECASE)


#: How far back the words before a number are first looked for: a sentence of thousands
#: of characters is not read from its start for every number in it.
_LOOK_BACK = 256


def _word_starts_before(text: str, start: int, pos: int) -> list[int]:
    """Where the last ``WORDS_BEFORE`` words of ``text[start:pos]`` start.

    Read from a window before ``pos``; a word the window cuts is dropped (its start lies
    before the window), and only when the window holds too few whole words is the
    sentence read from ``start``. The same starts as reading it all, at a cost per number.
    """
    low = max(start, pos - _LOOK_BACK)
    starts = [m.start() for m in _WORD.finditer(text, low, pos)]
    if low > start and starts and starts[0] == low and not text[low - 1].isspace():
        starts = starts[1:]                      # a word the window cut: it starts before ``low``
    if low > start and len(starts) < WORDS_BEFORE:
        starts = [m.start() for m in _WORD.finditer(text, start, pos)]
    return starts[-WORDS_BEFORE:]


def worded_value(text: str, found: Found, language: str) -> tuple[str, Predicate] | None:
    """The number's text with the predicate words around it, and what they say; None without any.

    The shortest span that the predicate tables read with a sign, a change, a per-unit
    or an annual rate wins, so the value stays as close to the number as the words allow;
    a span read as another kind is passed over ("fell by 2 points" without the "to 3.5%"
    that makes its points percentage points; "$50,000 a year" for the duration "a year").
    """
    quantity = found.quantity
    start, end = found.sentence
    before = _word_starts_before(text, start, quantity.start)
    after = [m.end() for m in itertools.islice(_WORD.finditer(text, quantity.end, end), WORDS_AFTER)]
    spans = sorted(((first, last) for first in [quantity.start, *reversed(before)]
                    for last in [quantity.end, *after] if (first, last) != (quantity.start, quantity.end)),
                   key=lambda span: span[1] - span[0])
    for index, (first, last) in enumerate(spans):
        written = text[first:last].strip().rstrip(".,")
        worded = read_value(written, language)
        if worded is not None and _annual_cut_from_a_time_ago(worded, text, last):
            continue
        if worded is not None and _meaningful(worded.predicate) and _same_kind(worded.quantity, quantity, language) \
                and _same_size(worded.quantity, quantity):
            return _richest(text, quantity, (first, last), (written, worded.predicate), spans[index + 1:], language)
    return None


def _annual_cut_from_a_time_ago(worded: Worded, text: str, last: int) -> bool:
    """Whether the span's "a year" is the start of "a year earlier" (ago, before) cut short: a time before,
    no annual rate ("$1.05 a year earlier"; "$3.07 a gallon a year earlier", where "a gallon" read first)."""
    return worded.predicate is not None and worded.predicate.annual and _TIME_AGO.match(text, last) is not None


def _richest(text: str, quantity: Quantity, span: tuple[int, int], best: tuple[str, Predicate],
             longer: list[tuple[int, int]], language: str) -> tuple[str, Predicate]:
    """The shortest span that says everything the words around the number say.

    The shortest meaningful span can drop a meaning a longer one keeps: in "연평균 7.2% 인상돼"
    both "7.2% 인상돼" (a rise) and "연평균 7.2%" (an annual rate) are shortest, and either alone
    misstates the claim (a 7.2% rise over five years is not 7.2% a year). A longer span holding
    the shorter one wins when it reads every meaning of it and more, with the same sign.
    """
    for first, last in longer:
        if first > span[0] or last < span[1]:
            continue
        written = text[first:last].strip().rstrip(".,")
        worded = read_value(written, language)
        if (worded is not None and worded.predicate is not None and not _annual_cut_from_a_time_ago(worded, text, last)
                and _same_kind(worded.quantity, quantity, language)
                and _same_size(worded.quantity, quantity)
                and _meanings(worded.predicate) > _meanings(best[1]) and _same_sign(worded.predicate, best[1])):
            span, best = (first, last), (written, worded.predicate)
    return best


def _meanings(predicate: Predicate) -> set[str]:
    """What a predicate adds to its number: a sign, a change, a per-unit, an annual rate."""
    said = {"sign": bool(predicate.sign), "change": predicate.form == "change", "per": bool(predicate.per),
            "annual": predicate.annual}
    return {meaning for meaning, holds in said.items() if holds}


def _same_sign(longer: Predicate, shorter: Predicate) -> bool:
    """Whether the longer words keep the sign the shorter ones give (none given is kept by any)."""
    return not shorter.sign or longer.sign == shorter.sign


def worded_values(extraction: Extraction) -> list[tuple[str, Predicate] | None]:
    """``worded_value`` of every quantity of ``extraction``, by index: computed once for a draft,
    whose links and claims both need it (each reads dozens of spans through the predicate tables)."""
    return [worded_value(extraction.text, found, extraction.language) for found in extraction.quantities]


def rank_words(text: str, found: Found, language: str, until: int | None = None,
               since: int | None = None) -> tuple[str, Rank] | None:
    """Rank words stated of the number: after it (:func:`rank_words_after`), else right before it
    (:func:`rank_words_before`), the words before stopping at ``since``, where the number before ends."""
    return rank_words_after(text, found, language, until) or rank_words_before(text, found, language, since)


#: Words before a number searched for its rank ("역대 최대인 6836억 달러", "a record profit of $3.3 billion").
RANK_WORDS_BEFORE = 5
#: What may stand between rank words and their number: nothing, a Korean 인/의 ending the words,
#: or, in English, "of" after a noun the rank words name ("a record profit of"; "a record of 12 wins" is a history).
_RANK_GAP = compile_lazily(r"\s*(?:of\s*)?$", re.IGNORECASE)
_RANK_WORD_LAST = compile_lazily(r"(?:record|high|low|highest|lowest)$", re.IGNORECASE)
#: Words before "record" that make it a history, not a rank ("an excellent track record having more than 18 years").
_NO_RANK_BEFORE = compile_lazily(r"\b(?:track|criminal|voting|safety|service|police)\s+$", re.IGNORECASE)


def rank_words_before(text: str, found: Found, language: str, since: int | None = None) -> tuple[str, Rank] | None:
    """Rank words right before the number, within ``RANK_WORDS_BEFORE`` words and after ``since``:
    "역대 최대인 6836억 달러", "사상 최고치인 3.5%", "a record low 3.5 percent", "a record profit of
    $3.3 billion". The words must end at the number, or at an "of" after a noun they name: in "a record
    of 12 wins" the record is a history, not a rank of 12.
    """
    start = found.sentence[0] if since is None else max(found.sentence[0], since)
    pos = found.quantity.start
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, max(start, pos - _LOOK_BACK), pos)][-RANK_WORDS_BEFORE:]
    if not words or not RANK_HINTS.search(text, words[0][0], pos):
        return None
    for last in range(len(words) - 1, -1, -1):
        gap = text[words[last][1]:pos]
        if not _RANK_GAP.match(gap):
            continue
        for first in range(last + 1):
            written = text[words[first][0]:words[last][1]].strip().rstrip(".,")
            if (gap.strip() and _RANK_WORD_LAST.search(written)) or _NO_RANK_BEFORE.search(text, start, words[first][0]):
                continue
            rank = read_rank(written, language)
            if rank is not None:
                return written, rank
    return None


def rank_words_after(text: str, found: Found, language: str, until: int | None = None) -> tuple[str, Rank] | None:
    """Rank words stated of the number's sentence after it ("3년 만에 최저", "a record high"),
    within ``RANK_WORDS`` words of it: each span of them is read, so a long sentence is not.

    The words stop at ``until``, where the next number found starts: in "수출은 3.2% 늘었고
    수입은 5.1%로 역대 최고" the record is 5.1%'s, not 3.2%'s. A rank's own window (13년 2개월만의)
    is no number found (see ``negatives.rank_window``), so it stays within the words.
    """
    start, end = found.sentence
    end = end if until is None else max(found.quantity.end, min(end, until))
    words = [(m.start(), m.end()) for m in itertools.islice(_WORD.finditer(text, found.quantity.end, end), RANK_WORDS)]
    if not words or not RANK_HINTS.search(text, found.quantity.end, words[-1][1]):
        return None
    for first in range(len(words)):
        for last in range(len(words) - 1, first - 1, -1):
            written = text[words[first][0]:words[last][1]].strip().rstrip(".,")
            rank = read_rank(written, language)
            if rank is not None and not _touches(text, words[last][1], until):
                return written, rank
    return None


def _touches(text: str, end: int, number: int | None) -> bool:
    """Whether rank words ending at ``end`` stand right before the next number: "3.2% 늘었고 역대 최대인
    6836억 달러" ranks 6,836억, not 3.2% (:func:`rank_words_before` reads them for it)."""
    return number is not None and text[end:number].strip() == ""


def previous_end(extraction: Extraction, index: int) -> int | None:
    """Where the number before quantity ``index`` ends (None for the first): the start of its rank words."""
    return extraction.quantities[index - 1].quantity.end if index > 0 else None


def next_start(extraction: Extraction, index: int) -> int | None:
    """Where the number after quantity ``index`` starts (None for the last): the end of its rank words."""
    following = extraction.quantities[index + 1:index + 2]
    return following[0].quantity.start if following else None


def _same_kind(worded: Quantity, found: Quantity, language: str) -> bool:
    """Whether the words read the number as what it was found to be; a bare number may take the
    unit its words give (US$ 4.31 per share), and words reading a bare number may be those of a
    number whose unit is written on another ("rose 10" of "rose 10 and 20 percent": ``borrowed``)."""
    if worded.kind is found.kind or (found.kind is Kind.NUMBER and found.unit is None):
        return True
    return worded.kind is Kind.NUMBER and worded.unit is None and borrowed(found, language)


def _same_size(worded: Quantity, found: Quantity) -> bool:
    """Whether the words read the number's own size, its sign aside: a span reaching the next number ("increased
    from 3.5 percent to 11.1" for the 3.5, a range of 3.5 to 11.1) states another quantity, not the number's."""
    def sizes(quantity: Quantity) -> tuple[Decimal | None, ...]:
        return tuple(None if bound is None else abs(bound) for bound in (quantity.value, quantity.low, quantity.high))
    mine = sizes(found)
    return sizes(worded) in (mine, (mine[0], mine[2], mine[1]))


def _meaningful(predicate: Predicate | None) -> bool:
    """Words that change what the number means (not a bare "기록했다")."""
    return predicate is not None and bool(
        predicate.sign or predicate.form == "change" or predicate.per or predicate.annual)

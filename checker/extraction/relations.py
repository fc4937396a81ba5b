"""Arithmetic the text states between its own numbers, as relation claims.

Each detector below reads one way articles state a relation and is registered in
:data:`DETECTORS` (relation name → function), so a new pattern is one function and one
entry. A detector gets the whole :class:`Article` view and yields
:class:`StatedRelation` objects whose operands are quantity indices (the article's
own numbers: an internal-consistency check) or lookups ``{"metric", "period", "agg"}``
when the other side is not in the text ("전년 대비 절반", "3배나 뛰어올랐던").

- convert: "100억 달러(약 13조 원)" — an amount and the same in another currency;
- ratio: "340달러였던 게 … 거의 4분의 1 수준으로" (the new value over the old one),
  "전년 대비 절반 수준" (over the same metric a year earlier);
- multiple: "지난해에만 3배나 뛰어올랐던 메타 주가";
- change: "fell to $1.4B from $2.2B, a decline of 37%", "전날 대비 20.32% 급등", "rose 71% to
  $53.8 billion in 2021" and "전월 대비 0.3% 상승" (against the period before);
- cagr: "2017년 6470원에서 2022년 9160원으로 연평균 7.2% 올랐다" (an average annual rate, never a change);
- months_between / days_between: "그로부터 10개월 뒤인 2022년 8월";
- product: "35만 개 … 개당 2만5,000~3만 달러 … 적게 잡아도 90억 달러".
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterator

from checker.extraction.changes import EN_FROM, EN_FROM_REACH, ko_went_to
from checker.extraction.model import Found, StatedRelation
from checker.folding import fold
from checker.lazy_regex import compile_lazily
from checker.periods import PeriodError, parse_period, shifted
from checker.quantities.model import Kind, Qualifier

#: After a Korean number, where a change came from: "6470원에서", "전월(128.44)보다" (the base of a comparison).
_FROM_MARK = compile_lazily(r"\s*\)?\s*(?:였던|이던|에서|으로부터|부터|보다)")
#: After a percent, the whole it is a part of: "profit rose to EUR 13.1 mn, representing 7.7% of net sales"
#: states a share, not the change of the sentence's verb.
_SHARE_OF = compile_lazily(r"\s*of\s+(?:its\s+|the\s+|total\s+|net\s+|gross\s+)*(?:sales|revenues?|turnover|income|"
                           r"profits?|assets|gdp|output|budget|spending|market)\b", re.IGNORECASE)
#: The Korean share: "순매출액의 7.7%", "7.7%를 차지했다" (a part of a whole, not a change).
_KO_SHARE_BEFORE = compile_lazily(r"(?:매출|매출액|순매출|순매출액|수익|이익|자산|총액|GDP|국내총생산|예산|지출|시장|전체)의[ ]?$")
_KO_SHARE_AFTER = compile_lazily(r"[ ]?[을를]?[ ]?차지")
#: Between an amount and the same amount in another currency: "euro742.2 million US$ 964 million", "(about 13 trillion won)".
_CONVERSION_GAP = compile_lazily(r"[\s(（,]*(?:or|about|approximately|roughly|some|약)?[\s(（]*", re.IGNORECASE)
_EN_TO = compile_lazily(r"\bto\s*$", re.IGNORECASE)
#: The most characters between two of the three numbers of one stated change ("to $53.8 billion from",
#: "growth in domestic beer sales last year to"): a longer gap holds another clause.
_TRIO_GAP = 60
#: Words joining two clauses, which no gap inside one stated change holds: "spending increased 142% and
#: per-pupil costs have increased from $3,659 to $11,024" states two changes, not one.
_CLAUSE_JOIN = compile_lazily(r"\b(?:and|but|while|whereas)\b|;|[\uac00-\ud7a3](?:고|며|지만|는데)[ ,]", re.IGNORECASE)
_YEAR_EARLIER = compile_lazily(r"(?:전년(?:\s*동(?:기|월))?\s*대비|전년보다|지난해보다|작년보다|year[- ](?:on|over)[- ]year|a year earlier"
                               r"|from a year ago)\s*$",
                               re.IGNORECASE)
_PREVIOUS_DAY = compile_lazily(r"(?:전날|전일)\s*대비\s*$|from the (?:previous|prior) (?:day|session)\s*$", re.IGNORECASE)
_FALL = compile_lazily(r"폭락|급락|하락|떨어|감소|줄|쪼그라|추락|인하|내렸|내린|내려|fell|fall|drop|declin|plung|slump|lost|down|decrease|shrank", re.IGNORECASE)
_CHANGE = compile_lazily(r"폭락|급락|하락|떨어|감소|줄|급등|상승|올랐|오른|오르|뛰|늘|증가|인상|인하|내렸|내린|내려|올렸|올린|rose|rise|fell|fall|drop|declin|"
                         r"jump|gain|climb|grow|grew|increase|decrease|up|down|surge|plung|advanc|soar|slipp|tumbl", re.IGNORECASE)
#: Words naming the period a change is against, before or after the number ("from the previous month").
_MONTH_BEFORE = compile_lazily(r"전월|전달|지난달\s*대비|한\s*달\s*전(?:보다|에\s*비해|과\s*비교해)|(?:from|than) (?:the (?:previous|prior|preceding) month|a month (?:earlier|before|ago))"
                               r"|month[- ]on[- ]month", re.IGNORECASE)
_QUARTER_BEFORE = compile_lazily(r"전\s*분기|직전\s*분기|(?:from|than) (?:the (?:previous|prior|preceding) quarter|a quarter "
                                 r"(?:earlier|before|ago))|quarter[- ]on[- ]quarter", re.IGNORECASE)
_YEAR_BEFORE = compile_lazily(r"전년(?:\s*동(?:기|월))?\s*대비|전년보다|지난해보다|작년보다|year[- ](?:on|over)[- ]year"
                              r"|a year (?:earlier|before|ago)"
                              r"|(?:from|than) (?:the (?:previous|prior) year|last year)", re.IGNORECASE)
#: The level a change reached, right after it: "rose 71% to $53.8 billion", "71% 상승한 538억 달러".
_TO_LEVEL = compile_lazily(r"\s*(?:to|at)\s+$|\s*(?:상승|증가|하락|감소|급등|급락|성장)?[한된]\s*$|\s*(?:늘어난|줄어든|오른|떨어진|뛴)\s*$",
                           re.IGNORECASE)
#: An average annual rate right before a percent ("연평균 7.2%", "an average annual rate of 3%", "a CAGR of 8%"):
#: not the change between two stated numbers but its compound rate per year (``cagr``).
_AVERAGE_ANNUAL = compile_lazily(r"(?:연\s*평균|(?:average|compound)\s+annual(?:\s+growth)?(?:\s+rate)?(?:\s+of)?|CAGR\s+of|"
                                 r"annual\s+average(?:\s+rate)?(?:\s+of)?)\s*$", re.IGNORECASE)
#: The years an average annual rate runs over, written in its sentence ("5년간", "5년 동안", "over ten years").
_YEARS_OVER = compile_lazily(r"(\d+)\s*년\s*(?:간|동안)|over\s+(?:the\s+(?:past|last)\s+)?(\d+)\s+years", re.IGNORECASE)
_AFTER = compile_lazily(r"\s*(?:뒤|후|만에|이후|later|after)")
_SINCE = compile_lazily(r"(?:그로부터|이로부터|그 후|이후|since then)\s*$", re.IGNORECASE)
_PER_UNIT = compile_lazily(r"(?:개당|대당|주당|1인당|장당|per\s+\w+|each|apiece|a piece)", re.IGNORECASE)
_OPEN_PAREN = compile_lazily(r"\s*[(（]\s*")
#: Between an English multiple and the number it is of: "double the 0.2% increase", "twice the $5 billion".
_THE_BASE = compile_lazily(r"\s+the\s+", re.IGNORECASE)
#: After a multiple, words making what follows its base: "about triple what it was in January 2001".
_BASE_FOLLOWS = compile_lazily(r"\s*(?:what\s+\w+\s+(?:was|were|had\s+been)|the\s+(?:level|amount|size)\s+of|than|"
                               r"that\s+of|those\s+of)\b", re.IGNORECASE)


#: The words of each case-insensitive pattern that is an alternation of plain words and nothing else
#: (``_CHANGE``, ``_FALL``), read off it at its first search; None for any other pattern.
_PLAIN_WORDS: dict[re.Pattern[str], tuple[str, ...] | None] = {}


def holds_word(pattern: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text) is not None``; for a case-insensitive alternation of plain words, by
    looking for each word in ``fold(text)``, as case-insensitive matching compares letters.

    The regex engine tries every word at every character (30 µs for a sentence holding none);
    ``in`` scans for one word at a time in C. ``tests/test_speed_shortcuts.py`` holds the two equal.
    """
    words = _PLAIN_WORDS.get(pattern, ())
    if words == ():
        source = pattern.pattern.split("|")   # ASCII letters, or letters without case (Hangul), only
        plain = pattern.flags & re.IGNORECASE and all(
            word.isalpha() and (word.isascii() or word.lower() == word.upper()) for word in source)
        words = _PLAIN_WORDS[pattern] = tuple(fold(word) for word in source) if plain else None
    if words is None:
        return pattern.search(text) is not None
    folded = fold(text)
    for word in words:   # a loop, not ``any`` over a generator: most sentences are searched in full
        if word in folded:
            return True
    return False


#: How many quantities on each side of a relation word a detector considers.
NEAREST = 12


@dataclass
class Article:
    """What a detector reads: the text and its quantities with sentence indices."""

    text: str
    found: list[Found]
    sentence_of: list[int]
    published: date | None

    def __post_init__(self) -> None:
        self._by_sentence: dict[int, list[int]] = {}
        for i, sentence in enumerate(self.sentence_of):
            self._by_sentence.setdefault(sentence, []).append(i)
        self._sentences: dict[tuple[int, int], list[int]] = {}
        self._clause_has: dict[tuple[object, int], bool] = {}

    def in_sentences(self, index: int, back: int = 0) -> list[int]:
        """Indices of the quantities nearest quantity ``index`` (at most ``NEAREST`` on each
        side) in its sentence and the ``back`` sentences before it, in order.

        Read from an index by sentence, so a long article costs time per quantity, not per
        quantity times the article's quantities; and a relation joins numbers near each
        other, so a sentence of hundreds of numbers (a table pasted as prose, a hostile
        input) costs time per number, not per number squared.
        """
        sentence = self.sentence_of[index]
        key = (sentence, back)
        if key not in self._sentences:
            self._sentences[key] = sorted(i for s in range(sentence - back, sentence + 1)
                                          for i in self._by_sentence.get(s, ()))
        indices = self._sentences[key]
        here = bisect_left(indices, index)
        return indices[max(0, here - NEAREST):here + NEAREST + 1]

    def clause_has(self, pattern: re.Pattern[str], index: int) -> bool:
        """Whether the sentence of quantity ``index`` holds ``pattern``: searched once a sentence
        (a pattern of words alone, by ``holds_word``)."""
        key = (pattern, self.sentence_of[index])
        if key not in self._clause_has:
            self._clause_has[key] = holds_word(pattern, self.clause(index))
        return self._clause_has[key]

    def kind(self, index: int) -> Kind:
        return self.found[index].quantity.kind

    def span(self, *indices: int) -> tuple[int, int]:
        quantities = [self.found[i].quantity for i in indices]
        return min(q.start for q in quantities), max(q.end for q in quantities)

    def before(self, index: int, width: int = 16) -> str:
        quantity = self.found[index].quantity
        start = max(self.found[index].sentence[0], quantity.start - width)
        return self.text[start:quantity.start]

    def clause(self, index: int) -> str:
        start, end = self.found[index].sentence
        return self.text[start:end]


Detector = Callable[[Article], Iterator[StatedRelation]]
_AMOUNTS = (Kind.MONEY, Kind.COUNT, Kind.NUMBER)


def _lookup(found: Found, period: str | None, agg: str | None = None) -> dict[str, str]:
    operand = {"period": period} if period else {}
    if found.metric:
        operand = {"metric": found.metric, **operand}
    return {**operand, "agg": agg} if agg else operand


def _shift(label: str | None, years: int = 0, days: int = 0) -> str | None:
    """The period ``label`` moved back by whole years or days ("2022-Q3" → "2021-Q3"; both ends of a range)."""
    if label is None:
        return None
    try:
        period = parse_period(label)
    except PeriodError:
        return None
    if days:
        return (period.start - timedelta(days=days)).isoformat() if period.granularity == "day" else None
    moved = shifted(period, years=-years)
    return moved.label if moved else None


def convert(article: Article) -> Iterator[StatedRelation]:
    """An amount followed by the same amount in another currency in parentheses."""
    for index in range(len(article.found) - 1):
        first, second = article.found[index].quantity, article.found[index + 1].quantity
        if Kind.MONEY != first.kind or Kind.MONEY != second.kind or first.unit == second.unit:
            continue
        joiner = _OPEN_PAREN.match(article.text, first.end)
        if joiner is None or joiner.end() != second.start:
            continue
        rate = {"metric": f"fx.{first.unit}_{second.unit}".lower()}
        if article.published:
            end = article.published - timedelta(days=1)
            rate.update(period=f"{end.replace(day=1).isoformat()}..{end.isoformat()}", agg="mean")
        yield StatedRelation("convert", (index, rate), index + 1, *article.span(index, index + 1))


def ratio(article: Article) -> Iterator[StatedRelation]:
    """A fraction of an earlier value: of the same metric a year earlier, or of another number."""
    for index, found in enumerate(article.found):
        if found.quantity.kind is not Kind.RATIO:
            continue
        near = [i for i in article.in_sentences(index, back=1) if i < index and article.kind(i) in _AMOUNTS]
        direction = "down" if article.clause_has(_FALL, index) else None
        if _YEAR_EARLIER.search(article.before(index)) and near:
            base = near[-1]
            earlier = _lookup(article.found[base], _shift(article.found[base].period, years=1))
            yield StatedRelation("ratio", (base, earlier), index, *article.span(base, index), direction)
            continue
        same = [i for i in article.in_sentences(index) if i < index and i in near]
        old = next((i for i in reversed(same) if _FROM_MARK.match(article.text, article.found[i].quantity.end)), None)
        if old is None:
            continue
        unit = article.found[old].quantity.unit
        new = next((i for i in reversed(near) if i != old and article.found[i].quantity.unit == unit), None)
        if new is not None:
            yield StatedRelation("ratio", (new, old), index, *article.span(new, old, index), direction)


def multiple(article: Article) -> Iterator[StatedRelation]:
    """N배 / tripled: of two stated numbers when the sentence has them, else of a metric over its period.

    The new value may follow the multiple: "7600만 유로에서 2배인 13100만 유로". A period named as
    the base ("triple what it was in January 2001") is not the multiple's own: with the later
    period unsaid, no lookup is drafted (a year before the base would be a wrong one).
    """
    for index, found in enumerate(article.found):
        if found.quantity.kind is not Kind.MULTIPLE:
            continue
        base = _base_after(article, index)
        if base is not None:   # "rose 0.4%, double the 0.2% increase": the base is written, not a period's
            new = _multiplied(article, index, base)
            if new is not None:
                yield StatedRelation("multiple", (new, base), index, *article.span(new, base, index))
            continue
        same = [i for i in article.in_sentences(index) if i != index and article.kind(i) in _AMOUNTS]
        pairs = [(a, b) for a in same for b in same
                 if a != b and article.found[a].quantity.unit == article.found[b].quantity.unit
                 and _FROM_MARK.match(article.text, article.found[a].quantity.end)]
        if pairs:  # the pair nearest the multiple: a later "7백만 유로에서" belongs to another clause
            old, new = min(pairs, key=lambda pair: (abs(pair[0] - index) + abs(pair[1] - index), -pair[0]))
            yield StatedRelation("multiple", (new, old), index, *article.span(old, new, index))
        elif found.period and _shift(found.period, years=1) and not _BASE_FOLLOWS.match(article.text, found.quantity.end):
            yield StatedRelation("multiple", (_lookup(found, found.period, "last"),
                                              _lookup(found, _shift(found.period, years=1), "last")),
                                 index, found.quantity.start, found.quantity.end)


def _base_after(article: Article, index: int) -> int | None:
    """The number an English multiple ``index`` is of, right after it: "double the 0.2% increase",
    "twice the $5 billion of 2020", "three times that"… only when written with "the"."""
    nearby = article.in_sentences(index)
    following = [i for i in nearby if i > index]
    if not following or article.kind(following[0]) not in (*_AMOUNTS, Kind.PERCENT):
        return None
    base = following[0]
    return base if _THE_BASE.fullmatch(article.text, article.found[index].quantity.end,
                                       article.found[base].quantity.start) else None


def _multiplied(article: Article, index: int, base: int) -> int | None:
    """The number that is the multiple ``index`` of ``base``: the one right before the multiple, of the
    base's kind and unit, with no clause joiner between ("prices rose 0.4%, double the 0.2% …")."""
    before = [i for i in article.in_sentences(index) if i < index and article.kind(i) is not Kind.DATE]
    if not before:
        return None
    new = before[-1]
    first, second = article.found[new].quantity, article.found[base].quantity
    gap = article.text[first.end:article.found[index].quantity.start]
    same = first.kind is second.kind and first.unit == second.unit
    return new if same and len(gap) <= _TRIO_GAP and not _CLAUSE_JOIN.search(gap) else None


def change(article: Article) -> Iterator[StatedRelation]:
    """A percent change: from one stated number to another, or of a metric over its period."""
    for index, found in enumerate(article.found):
        quantity = found.quantity
        if (quantity.kind is not Kind.PERCENT or not article.clause_has(_CHANGE, index)
                or _a_share(article, index)):
            continue
        direction = "down" if article.clause_has(_FALL, index) else None
        pair = _from_and_to(article, index)
        if _AVERAGE_ANNUAL.search(article.before(index, 40)):
            yield from _average_annual(article, index, pair, direction)
            continue
        if pair:
            start, end = pair
            yield StatedRelation("change", (start, end), index, *article.span(start, end, index), direction)
            continue
        period = found.period
        if _PREVIOUS_DAY.search(article.before(index)):
            base = _shift(period, days=1)
        elif period and period.endswith("-YTD"):
            base = str(int(period[:4]) - 1)
        elif _YEAR_EARLIER.search(article.before(index)):
            base = _shift(period, years=1)
        else:
            yield from _change_to_level(article, index, direction)
            continue
        if base is None:
            continue
        agg = "last" if period and (period.endswith("-YTD") or len(period) == 4) else None
        yield StatedRelation("change", (_lookup(found, base, agg), _lookup(found, period, agg)),
                             index, quantity.start, quantity.end, direction)


def _a_share(article: Article, index: int) -> bool:
    """Whether the percent ``index`` is a share of a whole: "7.7% of net sales", "순매출액의 7.7%를 차지했다"."""
    quantity = article.found[index].quantity
    return bool(_SHARE_OF.match(article.text, quantity.end) or _KO_SHARE_AFTER.match(article.text, quantity.end)
                or _KO_SHARE_BEFORE.search(article.before(index, 8)))


def _from_and_to(article: Article, index: int) -> tuple[int, int] | None:
    """The two stated numbers a percent ``index`` changes between, when the three stand together.

    One must be marked as where the change came from ("from $31.5 billion", "6470원에서"), the
    other as where it went ("to $53.8 billion", "9160원으로", the level the change reached) or be
    the sentence's only other number of that unit; and no other number may stand between the
    three (a date may: "rose 13% in 2008 to EUR 349.1 mn from EUR 309.6 mn in 2007"). A sentence
    of two changes ("sales rose 9.7% to EUR 63.1 mn from EUR 57.5 mn, and another division's rose
    16.4% to EUR 41.2 mn from EUR 35.4 mn") or a third amount ("it earned $5.5 billion as revenue
    jumped 71% to $53.8 billion from $31.5 billion") paired a percent with another clause's
    numbers, a true claim refuted. When no trio decides, or two do, no pair.
    """
    numbers = [i for i in article.in_sentences(index) if article.kind(i) is not Kind.DATE]
    nearby = [i for before, i in zip([None, *numbers], numbers) if before is None or not _converts(article, before, i)]
    here = nearby.index(index)
    reached = _reached(article, index)
    pairs = {pair for first in range(max(0, here - 2), here + 1)
             if len(trio := nearby[first:first + 3]) == 3 and index in trio
             for pair in _marked_pairs(article, index, trio, reached)}
    return pairs.pop() if len(pairs) == 1 else None


def _converts(article: Article, before: int, after: int) -> bool:
    """Whether the amount ``after`` restates ``before`` in another currency right beside it
    ("to euro742.2 million US$ 964 million from euro735 million", "$10 billion (about 13 trillion won)")."""
    first, second = article.found[before].quantity, article.found[after].quantity
    return (first.kind is Kind.MONEY and second.kind is Kind.MONEY and first.unit != second.unit
            and _CONVERSION_GAP.fullmatch(article.text, first.end, second.start) is not None)


def _marked_pairs(article: Article, index: int, trio: list[int], reached: int | None) -> Iterator[tuple[int, int]]:
    """The (from, to) readings of the two amounts of ``trio`` beside the percent ``index``."""
    one, other = (i for i in trio if i != index)
    quantities = [article.found[i].quantity for i in trio]
    kinds = {article.kind(one), article.kind(other)}
    if (not (kinds <= {Kind.MONEY, Kind.COUNT} or kinds == {Kind.NUMBER})
            or article.found[one].quantity.unit != article.found[other].quantity.unit
            or any(later.start - earlier.end > _TRIO_GAP or _CLAUSE_JOIN.search(article.text, earlier.end, later.start)
                   for earlier, later in zip(quantities, quantities[1:]))):
        return
    unit = article.found[one].quantity.unit
    # Bare numbers (an index: "136.32로 전월(140.98)보다 3.3% 하락") pair only where both ends are marked.
    alone = kinds != {Kind.NUMBER} and sum(
        1 for i in article.in_sentences(index)
        if article.kind(i) in (Kind.MONEY, Kind.COUNT) and article.found[i].quantity.unit == unit) == 2
    for start, end in ((one, other), (other, one)):
        came_from = EN_FROM.search(article.before(start, EN_FROM_REACH)) or _FROM_MARK.match(article.text, article.found[start].quantity.end)
        if came_from and (alone or end == reached or _destination(article, end)):
            yield start, end


def _destination(article: Article, index: int) -> bool:
    """Whether the words at number ``index`` mark it as where a change went ("to $53.8 billion",
    "9160원으로", "9160원이 됐다")."""
    return bool(_EN_TO.search(article.before(index, 8))
                or ko_went_to(article.text, article.found[index].quantity.end))


def _average_annual(article: Article, index: int, pair: tuple[int, int] | None,
                    direction: str | None) -> Iterator[StatedRelation]:
    """An average annual rate between two stated numbers: ``cagr`` over the years between them.

    "6470원에서 9160원으로 연평균 7.2% 올랐다" is 7.2% a year, not the 41.6% change from one to the
    other, which a ``change`` draft would hold against it (a true statement refuted). The years
    are those between the two numbers' years, else those the sentence writes ("5년간"); with
    neither, or with no pair, nothing is drafted: a year's change would be a wrong reading too.
    """
    if pair is None:
        return
    years = _years_between(article, *pair)
    if years is None:
        return
    start, end = pair
    yield StatedRelation("cagr", (start, end, {"value": str(years)}), index, *article.span(start, end, index), direction)


def _years_between(article: Article, start: int, end: int) -> int | None:
    """The whole years from the number ``start`` to ``end``: their periods' years, else the
    sentence's "N년간" / "over N years"; None when neither says."""
    first, last = article.found[start].period, article.found[end].period
    if first and last and first[:4].isdigit() and last[:4].isdigit() and len(first) == len(last):
        years = int(last[:4]) - int(first[:4])
        return years if years > 0 else None
    written = _YEARS_OVER.search(article.clause(index=end))
    if written is None:
        return None
    years = int(written.group(1) or written.group(2))
    return years if years > 0 else None


def _change_to_level(article: Article, index: int, direction: str | None) -> Iterator[StatedRelation]:
    """A percent change of a metric against the period before, its sentence quoted whole.

    The period before is the one the words name after the number too ("rose 665% from a
    year earlier", "전월 대비", "from the previous quarter"); with no such words, the year
    before a year's figure that the text states it reached ("revenues rose 71% to $53.8
    billion in 2021", "71% 상승한 538억 달러"). The metric and period are the percent's, or
    those of the level it reached. Nothing else is a guess worth drafting: a quarter's
    rise may be against the quarter before or the year before.
    """
    found = article.found[index]
    reached = _reached(article, index)
    level = article.found[reached] if reached is not None else None
    metric = found.metric or (level.metric if level else None)
    period = found.period or (level.period if level else None)
    if metric is None or period is None:
        return
    base = _period_before(article, index, period, level is not None)
    if base is None:
        return
    stated = Found(found.quantity, found.sentence, period, metric)
    yield StatedRelation("change", (_lookup(stated, base), _lookup(stated, period)), index, *found.sentence, direction)


def _reached(article: Article, index: int) -> int | None:
    """The number a change reached when it follows the change in its sentence ("rose 71% to $53.8 billion")."""
    following = [i for i in article.in_sentences(index) if i > index and article.kind(i) in _AMOUNTS]
    if not following:
        return None
    level = article.found[following[0]]
    between = article.text[article.found[index].quantity.end:level.quantity.start]
    # the length first: the search costs the square of a gap's blanks (20,000 of them: 23 s)
    return following[0] if len(between) <= 40 and _TO_LEVEL.search(between) else None


#: How far after a change its base words may stand: "rose 8.2% in September from a year earlier" (the month
#: between), up to where another clause starts (", while exports fell 3% from a year earlier" is another's).
_BASE_AFTER = 48
_OTHER_CLAUSE = compile_lazily(r",\s*(?:and|but|while|whereas|as)\b|;")


def _period_before(article: Article, index: int, period: str, reached: bool) -> str | None:
    """The label of the period a change of quantity ``index`` in ``period`` is against."""
    quantity = article.found[index].quantity
    after = article.text[quantity.end:min(article.found[index].sentence[1], quantity.end + _BASE_AFTER)]
    after = after[:cut.start()] if (cut := _OTHER_CLAUSE.search(after)) else after
    return period_before(period, article.before(index, 24) + " " + after, reached) \
        or _over_twelve_months(article, index, period)


#: A sentence's opening span of a year to a month: "In the 12 months through November, the CPI advanced 2.7%".
_TWELVE_MONTHS = compile_lazily(r"\b(?:in|over|during|for)\s+the\s+(?:12|twelve)\s+months\s+(?:through|to|ended|ending)\s",
                                re.IGNORECASE)


def _over_twelve_months(article: Article, index: int, period: str) -> str | None:
    """The month a year before ``period`` for the first percent after "in the 12 months through November"
    in its sentence (a price report's lead), when the percent is of a month; None otherwise ("after
    rising 2.6% in October", the next percent of the sentence, is left unread: its span is unsaid)."""
    found = article.found[index]
    said = _TWELVE_MONTHS.search(article.text, found.sentence[0], found.quantity.start)
    if said is None or any(article.kind(other) is Kind.PERCENT and said.end() <= article.found[other].quantity.start
                           for other in article.in_sentences(index) if other < index):
        return None
    try:
        return _shift(period, years=1) if parse_period(period).granularity == "month" else None
    except PeriodError:
        return None


def period_before(period: str, words: str, reached: bool = False) -> str | None:
    """The label of the period a change of ``period`` is against, from the ``words`` around the
    number: the month or quarter before when they say so (and the period is a month or quarter),
    the year before when they say so, or for a year's figure the text says the change ``reached``.

    >>> period_before("2022-05", "전월 대비"), period_before("2022-Q1", "from the previous quarter")
    ('2022-04', '2021-Q4')
    >>> period_before("2022-Q1", "rose 4% from a year earlier"), period_before("2022-Q1", "rose") is None
    ('2021-Q1', True)
    """
    try:
        parsed = parse_period(period)
    except PeriodError:
        return None
    earlier = parsed.start - timedelta(days=1)
    if _MONTH_BEFORE.search(words):
        return f"{earlier.year}-{earlier.month:02d}" if parsed.granularity == "month" else None
    if _QUARTER_BEFORE.search(words):
        return f"{earlier.year}-Q{(earlier.month - 1) // 3 + 1}" if parsed.granularity == "quarter" else None
    if _YEAR_BEFORE.search(words) or (reached and parsed.granularity == "year"):
        return _shift(period, years=1)
    return None


def months_between(article: Article) -> Iterator[StatedRelation]:
    """N개월 뒤인 2022년 8월 / 1년 만에: a time span between two stated dates."""
    dates = [i for i, f in enumerate(article.found) if f.quantity.kind is Kind.DATE and f.period]
    for index, found in enumerate(article.found):
        quantity = found.quantity
        if quantity.kind is not Kind.DURATION or quantity.unit not in ("months", "years", "days"):
            continue
        marker = _AFTER.match(article.text, quantity.end)
        if marker is None:
            continue
        sentence = article.sentence_of[index]
        after = [i for i in dates if i > index and article.sentence_of[i] == sentence
                 and article.found[i].quantity.start - marker.end() <= 4]
        earlier = [i for i in dates if i < index]
        if not _SINCE.search(article.before(index, 12)):
            earlier = [i for i in earlier if article.sentence_of[i] == sentence]
        if not earlier:
            continue
        start = earlier[-1]
        if after:
            end = after[0]
        else:
            later = [i for i in dates if article.sentence_of[i] in (sentence - 1, sentence) and i != start
                     and str(article.found[i].period) > str(article.found[start].period)]
            if not later:
                continue
            end = later[-1]
        name = "days_between" if quantity.unit == "days" else "months_between"
        yield StatedRelation(name, (start, end), index, *article.span(start, end, index))


def product(article: Article) -> Iterator[StatedRelation]:
    """A total stated after a count and a per-unit price ("개당 …", "each")."""
    for index, found in enumerate(article.found):
        if found.quantity.kind is not Kind.MONEY or found.quantity.qualifier is Qualifier.RANGE:
            continue
        near = [i for i in article.in_sentences(index, back=1) if i < index]
        counts = [i for i in near if article.kind(i) is Kind.COUNT]
        if not counts:   # most amounts: no count before them, so no price is looked for
            continue
        prices = [i for i in near if article.kind(i) is Kind.MONEY and article.found[i].quantity.unit == found.quantity.unit
                  and _PER_UNIT.search(article.before(i, 24))]
        if prices:
            yield StatedRelation("product", (counts[-1], prices[-1]), index,
                                 *article.span(counts[-1], prices[-1], index))


DETECTORS: dict[str, Detector] = {
    detector.__name__: detector for detector in (convert, ratio, multiple, change, months_between, product)
}


#: The kinds of quantity an article must all hold for a detector to find anything: each walks the
#: article for a quantity of one of them and looks near it for the others, skipping every other kind.
#: Most articles hold money and percentages alone: the other detectors are not asked to walk them.
#: A detector not listed is asked of every article. ``tests/test_speed_shortcuts.py`` holds each entry
#: to its detector's answers.
DETECTOR_KINDS: dict[str, frozenset[Kind]] = {
    "convert": frozenset({Kind.MONEY}), "ratio": frozenset({Kind.RATIO}), "multiple": frozenset({Kind.MULTIPLE}),
    "change": frozenset({Kind.PERCENT}), "months_between": frozenset({Kind.DURATION, Kind.DATE}),
    "product": frozenset({Kind.MONEY, Kind.COUNT}),
}


def stated_relations(article: Article) -> list[StatedRelation]:
    """Every relation every detector finds, in the order of the quantity stating it."""
    kinds = {found.quantity.kind for found in article.found}
    found = [relation for name, detector in DETECTORS.items() if DETECTOR_KINDS.get(name, kinds) <= kinds
             for relation in detector(article)]
    return sorted(found, key=lambda relation: (relation.claim, relation.relation))

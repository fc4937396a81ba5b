"""The period a number is about, read from the words before it in its sentence.

"지난해 4분기 실적(매출 401억 달러" is about 2023-Q4 when the article appeared in
2024; "2022년 3분기 44억 달러" about 2022-Q3. Period phrases are found by one regex
and resolved by ``checker.periods.parse_period`` against the published date; the
nearest phrase before the number in its sentence wins. A month or day written without
a year ("11월 9일") takes the year of the latest period named before it in the article,
as a reader does.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from checker.extraction.sentences import paragraph_finder
from checker.lazy_regex import compile_lazily
from checker.periods import (INDEX_BASE_AFTER, KOREAN_YEAR_WORDS, Period, PeriodError, month_period, parse_period,
                             quarter_period, range_period, shifted)
from checker.quantities.model import Kind, Qualifier, Quantity
from checker.quick_init import quick_replace

if TYPE_CHECKING:
    from checker.extraction.fiscal import FiscalCalendar

#: The first characters of every phrase below: checked first, it spares the engine trying
#: each branch at every position (three times faster on news text; the matches are the same).
_FIRST = r"(?=[\d올지전lLtTaAyY%s])" % "".join(sorted({w[0] for w in KOREAN_YEAR_WORDS}))
_PHRASE = compile_lazily(
    _FIRST + r"""
    (?: (?P<ko> (?<![\uac00-\ud7a3]) (?:%s|올(?=[ ]?(?:들어|\d))|\d{4}[ ]?년) [ ]?   # 지난해, 올 들어, 2022년
          (?: \d(?:[/·ㆍ・]4)?[ ]?분기 | [상하]반기 | \d{1,2}[ ]?[~-][ ]?\d{1,2}[ ]?월   # 2022년 3분기, 4/4분기, 올 1~9월
            | \d{1,2}[ ]?월(?:[ ]?\d{1,2}[ ]?일)? | 들어 )? )
      | (?P<day> 지난[ ]?\d{1,2}[ ]?일 | 전날 | 전일 )        # 지난 2일, 전날
      | (?P<last_month> 지(?<![\uac00-\ud7a3]지)난[ ]?달(?![ ]?\d{1,2}[ ]?일) )   # 지난달: the month before publication's
      | (?P<month_day> (?<![\d~-])(?:\d{1,2}[ ]?[~-][ ]?)?\d{1,2}[ ]?월(?:[ ]?\d{1,2}[ ]?일)? )   # 11월 9일, 1~9월: year from context
      | (?P<quarter> (?<![\d/·ㆍ・~-])[1-4](?:[/·ㆍ・]4)?[ ]?분기(?![ ]?(?:연속|째|만에|동안|간|이상|이내|마다)) )   # 3분기, 2·4분기
      | (?P<en> (?i: last[ ]year | this[ ]year | a[ ]year[ ](?:earlier|ago|before)
              | the[ ](?:previous|prior)[ ]year | year[ -]to[ -]date ) )
      | (?<![\d,.$억조])(?P<year> (?:19|20)\d{2} )(?![\d,.%%]|[ ]?년|만|천|억)  # in 2022; 1억2000만 is no year
    )
    """ % "|".join(sorted((w for w in KOREAN_YEAR_WORDS if w != "올"), key=len, reverse=True)),
    re.VERBOSE,   # case matters only to the English words, which say so (?i:): the rest compiles faster
)
#: "…한 뒤", "…된 후에": what follows is later than the period named before it, which does not carry over
#: to it ("지난 달 7.41% 하락한 뒤 1.21% 오른 DKK250에 거래됐다": the 1.21% is of the day reported).
_LATER = compile_lazily(r"[\uac00-\ud7a3][ ](?:뒤|후)(?:에|에는)?[ ,]")
#: A period followed by these is the base of a comparison (전날 대비), not the number's own.
_BASE = compile_lazily(r"\s*(?:대비|보다|에 비해|에 비해서|earlier|before)")
#: The period of a figure a comparison starts from: "2021년 10월 1일의 1,187.24원보다 21.3% 높은". It dates that
#: figure, but the story does not move to its year: "환율은 이후 내려 11월 1일에는" is still the story's November.
_BASE_FIGURE = compile_lazily(r"의[ ]?[\d,.]+[ ]?[^\s\d.,]{0,4}[ ]?(?:대비|보다|에[ ]?비해)")
_BARE_YEAR = compile_lazily(r"(?:19|20)\d{2}")
#: A year before 1900 where only a year can stand: after "in", "since", "until", "born", "took place"
#: and before the clause goes on ("a meteor shower that took place 1833", "not born until 1890,"). Four
#: digits without a comma and no noun after them: "in 1500 schools" counts schools.
_OLD_YEAR = compile_lazily(
    r"(?<![\w$])(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]orn|[Dd]ied|[Pp]lace|[Ff]ounded|[Bb]uilt|[Cc]irca)"
    r"[ ](?P<year>1[0-8]\d\d)(?=[.,;:!?)]|$|[ ](?:and|to|when|during|after|before|until|by|in|at|on|for|as|the|a)\b)")
#: The first year of a span up to a modern year ("between 1790 and 2010", "from 1870 to 2020"); "from 1500."
#: alone or "from 1500 to 1800" may be amounts, and stay numbers.
_OLD_YEAR_SPAN = compile_lazily(r"(?<![\w$])(?:[Bb]etween|[Ff]rom)[ ](?P<year>1[0-8]\d\d)(?=[ ](?:and|to)[ ](?:19|20)\d\d\b)")
#: 4/4분기 and 2·4분기 (a middle dot for the slash): the quarter's number, then "of four".
_QUARTER_FRACTION = compile_lazily(r"(\d)[/·ㆍ・]4(?=[ ]?분기)")
#: "전년 동월 438만 유로": the figure of the period just named, a year earlier, not of that period.
_SAME_PERIOD_A_YEAR_EARLIER = compile_lazily(
    r"(?:전년|지난해|작년)[ ]?(?:동기|동월|동분기|같은[ ]?기간|동기간)(?:의|에는|에|엔|에도)?"
    r"(?:[ ](?!대비|보다|비해)[\uac00-\ud7a3]{1,5})?[ ]*[(（]?[ ]*$")   # 작년 동기 순이익 12.5m, 전년 동월(3.1%); 전년 동기 대비 12%: the change
#: "지난해 동기": 지난해 there names no period of its own (the year before the one just named), so it is no phrase;
#: read as one, it would shift the year once and 동기 once more.
_FISCAL_YEAR_BEFORE = compile_lazily(r"회계[ ]?연도(?:의)?[ ]?$")
_SAME_PERIOD_AFTER = compile_lazily(r"[ ]?(?:동기|동월|동분기|같은[ ]?기간|동기간)")
_MONTH_NUMBER = compile_lazily(r"(?P<month>\d{1,2})[ ]?월")
_QUARTER_NUMBER = compile_lazily(r"(?P<quarter>[1-4])[ ]?분기")
#: "전월의 102.82달러", "전분기 …", "전월에는 539억 달러", "전월(176.42)보다": the figure of the period before the one just named.
_PREVIOUS_PERIOD = compile_lazily(r"(?:전월|전달|전분기)(?:의|에는|에|엔|에도)?[ ]*[(（]?[ ]*$")
_MONTH_RANGE = compile_lazily(r"(?P<head>.*?)(?P<first>\d{1,2})[ ]?[~-][ ]?(?P<last>\d{1,2})[ ]?월")
#: Hedge words after which a bare year is the year compared with, not a bound: "an
#: increase of 23 % over 2006" (over 2,000 or over 2006 people stay bounds); "near 2020 levels",
#: "about 2020 election results", "around 2015": a year approached, not about 2,020 of something.
YEAR_HEDGES: tuple[str, ...] = ("over", "near", "about", "around")
_HEDGED_YEAR = compile_lazily(r"(?:%s)\s+(?P<year>(?:19|20)\d{2})" % "|".join(YEAR_HEDGES), re.IGNORECASE)
#: Words around "N일" that make it a day of the month, not N days: 지난 2일, 오는 5일, 지난달 24일,
#: 26일(현지시간) 밝혔다, 17일 밝혔다, 16일 오후 4시, 14일 발표한 (통계). Without them "N일" stays days (90일 이내에, 3일 동안).
_DAY_OF_MONTH_BEFORE = compile_lazily(r"(?:지난|오는|지난달|이달|다음달)[ ]?$")
_DAY_OF_MONTH_AFTER = compile_lazily(
    r"[ ]?(?:\([ ]?현지[ ]?시간[ ]?\)|(?:오전|오후|새벽|아침|저녁|밤)(?![\uac00-\ud7a3])"
    r"|(?:밝혔|발표했|전했|말했|보도했|공시했|공개했)[다고]|(?:발표한|공개한|공시한|밝힌)(?![\uac00-\ud7a3]))")
#: "스폰다는 12일 3세대 제품을 내놨다": a subject with 는/은 right before "N일", and a verb of announcing
#: or releasing closing its sentence, make it the day the news happened, as a wire writes it; "N일" that
#: a span word follows (30일 이내, 3일 동안, 5일째, 14일의 유예기간) stays days.
_DAY_OF_MONTH_SUBJECT = compile_lazily(r"[\uac00-\ud7a3A-Za-z0-9)][는은][ ]$")
_SPAN_AFTER_DAYS = compile_lazily(r"의|[ ]?(?:동안|간|이내|내|만에|만|째|후|뒤|전|이상|이하|연속|가량|넘게|미만|정도)")
_NEWS_VERB = compile_lazily(
    r"(?:밝혔|발표했|전했|말했|보도했|공시했|공개했|내놨|내놓았|출시했|선보였|발표한다|출시한다|공개한다|선보인다|열었|개최했|체결했|서명했)"
    r"[^.!?\n]{0,4}[.!?\n]")
_SENTENCE_REACH = 200


def resolve(phrase: str, published: date | None, year: int | None) -> Period | None:
    """``phrase`` as a period, or None when it cannot be read without guessing.

    >>> resolve("지난해 4분기", date(2024, 2, 19), None).label
    '2023-Q4'
    >>> resolve("11월 9일", None, 2022).label
    '2022-11-09'
    >>> resolve("올 1~9월", date(2011, 1, 1), None).label
    '2011-01..2011-09'
    """
    months = _MONTH_RANGE.fullmatch(phrase)
    if months:   # 올 1~9월: from the first month to the last
        first, last = (resolve(f"{months['head']}{m}월", published, year) for m in (months["first"], months["last"]))
        try:
            return range_period(first, last, phrase) if first and last else None
        except PeriodError:
            return None
    try:
        return parse_period(phrase, published)
    except PeriodError:
        if not re.match(r"\d", phrase):
            return None
        year = year if year is not None else _year_of_latest_such_month(phrase, published)
        if year is None:
            return None
        try:
            return parse_period(f"{year}년 {phrase}", published)
        except PeriodError:
            return None


def _year_of_latest_such_month(phrase: str, published: date | None) -> int | None:
    """A month or quarter named without a year, with no year before it in the story: the latest such month
    not after publication, as a reader takes "4월" in a June 2022 story (2022-04) and "11월" in it (2021-11);
    the latest such quarter begun by then ("3분기" in an October 2022 story is 2022-Q3, in August 2021-Q3)."""
    month = _MONTH_NUMBER.match(phrase)
    quarter = _QUARTER_NUMBER.fullmatch(phrase)
    first = int(month["month"]) if month else 3 * int(quarter["quarter"]) - 2 if quarter else None
    if published is None or first is None or not 1 <= first <= 12:
        return None
    return published.year if first <= published.month else published.year - 1


def as_date(text: str, quantity: Quantity) -> Quantity:
    """A number the grammar read as something else but that names a date.

    "지난 2일" and "26일(현지시간) 밝혔다" are days of a month, not days; a bare 1900-2099 in English prose
    is a year ("in 2022", "mid-2022"), never a count, and so is one after "over" (23 % over 2006), and one
    before 1900 where only a year can stand ("took place 1833.", ``_OLD_YEAR``).
    """
    if _is_day_of_month(text, quantity):
        return quick_replace(quantity, kind=Kind.DATE, value=None, unit=None, precision=Decimal(0))
    if quantity.kind is Kind.DURATION and _is_year_during(text, quantity):   # 2010년 동안: during 2010
        return quick_replace(quantity, kind=Kind.DATE, value=None, unit=None, date=quantity.text[:4], precision=Decimal(0),
                       text=quantity.text[:5], end=quantity.start + 5)
    if (quantity.kind is Kind.NUMBER and quantity.qualifier is Qualifier.EXACT
            and (_BARE_YEAR.fullmatch(quantity.text)
                 or (len(quantity.text) == 4 and quantity.text[0] == "1" and _old_year(text, quantity)))):
        return quick_replace(quantity, kind=Kind.DATE, value=None, date=quantity.text, precision=Decimal(0))
    hedged = _HEDGED_YEAR.fullmatch(quantity.text) if quantity.kind is Kind.NUMBER else None
    if hedged:
        start = quantity.start + hedged.start("year")
        return quick_replace(quantity, kind=Kind.DATE, value=None, date=hedged["year"], precision=Decimal(0),
                       qualifier=Qualifier.EXACT, text=hedged["year"], start=start)
    return quantity


#: "2010년 동안", "2022년간": a calendar year the sentence is about; a span of that many years needs
#: words of its own before it (지난 2000년 동안, 과거 1900년간, 약 2000년간) or a comma (2,000년 동안).
_YEAR_DURING = compile_lazily(r"(?:19|20)\d\d년[ ]?(?:동안|간)")
_SPAN_OPENER_BEFORE = compile_lazily(r"(?:지난|과거|향후|앞으로|이후|최근)[ ]?$")


def _is_year_during(text: str, quantity: Quantity) -> bool:
    """"2010년 동안 확대될 것이다": a four-digit calendar year before 동안/간 names the year, as "during 2010"."""
    if quantity.unit != "years" or quantity.qualifier is not Qualifier.EXACT:
        return False
    return bool(_YEAR_DURING.fullmatch(quantity.text)
                and not _SPAN_OPENER_BEFORE.search(text[max(0, quantity.start - 4):quantity.start]))


def _old_year(text: str, quantity: Quantity) -> bool:
    """Whether a bare four digits before 1900 (the caller's test) are a year by the words around them (``_OLD_YEAR``,
    ``_OLD_YEAR_SPAN``)."""
    return any(found is not None and found.start("year") == quantity.start
               for found in (_OLD_YEAR.search(text, max(0, quantity.start - 8), quantity.end + 8),
                             _OLD_YEAR_SPAN.search(text, max(0, quantity.start - 8), quantity.end + 10)))


def _is_day_of_month(text: str, quantity: Quantity) -> bool:
    """"지난 2일", "26일(현지시간) 밝혔다": a bare number of days that names a day of the month."""
    if quantity.kind is not Kind.DURATION or quantity.unit != "days" or quantity.qualifier is not Qualifier.EXACT:
        return False
    if quantity.value is None or not 1 <= quantity.value <= 31 or not quantity.text[:-1].isdecimal():
        return False
    return bool(_DAY_OF_MONTH_BEFORE.search(text[max(0, quantity.start - 4):quantity.start])
                or _DAY_OF_MONTH_AFTER.match(text, quantity.end)
                or _news_day(text, quantity) or _paired_day(text, quantity))


#: "21일 연방법원과 23일 지방법원에": two "N일", each before a noun and joined by 과/와/및/a comma, are the days
#: two things happened, as a wire writes them; a count of days takes a span word (3일 동안) or a particle
#: (5일이 걸렸다), and no noun names what a bare "21일" lasts. Read from the first day (after it) or the second;
#: the days go up, as dates told in order do ("3일 출근과 2일 재택" stays days).
_NOT_A_SPAN = r"(?!(?:동안|간|이내|내|만에|만|째|후|뒤|전|이상|이하|연속|가량|넘게|미만|정도)(?![\uac00-\ud7a3]))"
_DAY = r"(?P<day>3[01]|[12]\d|[1-9])일"
_PAIRED_DAY_AFTER = compile_lazily(r"[ ]%s[\uac00-\ud7a3]+(?:[ ][\uac00-\ud7a3]+){0,2}?(?:과|와|,|[ ]및)[ ]%s[ ]%s"
                                   % (_NOT_A_SPAN, _DAY, _NOT_A_SPAN))
_PAIRED_DAY_BEFORE = compile_lazily(r"(?<![\d.,])%s[ ]%s[\uac00-\ud7a3]+(?:[ ][\uac00-\ud7a3]+){0,2}?(?:과|와|,|[ ]및)[ ]$"
                                    % (_DAY, _NOT_A_SPAN))
_PAIR_REACH = 40


def _paired_day(text: str, quantity: Quantity) -> bool:
    """"21일 연방법원과 23일 지방법원에": either of two days of the month joined as ``_PAIRED_DAY_AFTER`` reads them."""
    if not text.startswith(" ", quantity.end) or not quantity.text[:-1].isdecimal():
        return False
    day = int(quantity.text[:-1])
    later = _PAIRED_DAY_AFTER.match(text, quantity.end, quantity.end + _PAIR_REACH)
    if later is not None and int(later["day"]) > day:
        return True
    earlier = _PAIRED_DAY_BEFORE.search(text, max(0, quantity.start - _PAIR_REACH), quantity.start)
    return earlier is not None and int(earlier["day"]) < day


def _news_day(text: str, quantity: Quantity) -> bool:
    """"스폰다는 12일 … 내놨다": the subject's day of news (``_DAY_OF_MONTH_SUBJECT``), not 12 days."""
    if not _DAY_OF_MONTH_SUBJECT.search(text, max(0, quantity.start - 3), quantity.start):
        return False
    if _SPAN_AFTER_DAYS.match(text, quantity.end):
        return False
    sentence_end = min(len(text), quantity.end + _SENTENCE_REACH)
    for mark in ".!?\n":
        found = text.find(mark, quantity.end, sentence_end)
        sentence_end = found + 1 if found >= 0 else sentence_end
    return _NEWS_VERB.search(text, quantity.end, sentence_end) is not None


def periods(text: str, quantities: list[Quantity], sentences: list[tuple[int, int]],
            sentence_index: list[int], published: date | None,
            calendar: FiscalCalendar | None = None) -> list[tuple[str | None, str | None]]:
    """``(period label, note)`` of each quantity (its own for a date): a fiscal year ("2022 회계연도")
    takes the days of ``calendar``, and without them no period and a note why (:mod:`fiscal`)."""
    if not quantities:
        return []
    from checker.extraction.fiscal import korean_phrases  # ``check`` reads its quotes without periods: not loaded

    fiscal = korean_phrases(text, calendar)
    phrases: list[tuple[int, int, Period | None, str | None]] = [
        (phrase.start, phrase.end, phrase.period, phrase.note) for phrase in fiscal
        if not _BASE.match(text, phrase.end)]
    paragraph = -1
    latest: int | None = None        # the latest year named in this paragraph
    reached: int | None = None       # the latest year the story reached before it
    most: int | None = None          # the largest year named in this paragraph
    paragraph_of = paragraph_finder(text)
    for match in _PHRASE.finditer(text):
        if any(phrase.start <= match.start() < phrase.end for phrase in fiscal):
            continue   # the year of "2022 회계연도" is no calendar year
        if INDEX_BASE_AFTER.match(text, match.end()):
            continue   # 수입물량지수(2015년=100): the base of an index, part of its unit, no figure's period
        phrase = _QUARTER_FRACTION.sub(r"\1", text[match.start():match.end()])   # 4/4분기 is 4분기
        if match["day"] and not phrase.startswith("지난"):
            phrase = "전날"
        elif match["last_month"]:
            phrase = "지난달"   # written apart too (지난 달), as the period grammar reads it run together
        here = paragraph_of(match.start())
        if here != paragraph:
            paragraph, latest, reached, most = here, None, max(filter(None, (reached, most)), default=None), None
        if match["ko"] and _SAME_PERIOD_AFTER.match(text, match.end()) and phrase.strip() in KOREAN_YEAR_WORDS:
            continue   # 지난해 동기: no period of its own (and no year for the story)
        if match["quarter"] and _FISCAL_YEAR_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue   # 2008 회계연도 3분기: a fiscal quarter, whose days the story does not give
        period = resolve(phrase.strip(), published, latest or reached)
        if period is not None and not match["day"] and not _BASE_FIGURE.match(text, match.end()):
            latest = period.end.year
            most = max(most or 0, latest)
        elif period is None and _names_a_year(match):
            latest = reached = most = None   # "지난해" undated: the months after it are of no year known
        if not _BASE.match(text, match.end()):
            phrases.append((match.start(), match.end(), period, None))
    phrases.sort(key=lambda phrase: phrase[0])
    labels: list[tuple[str | None, str | None]] = []
    cursor = 0
    for quantity, index in zip(quantities, sentence_index):
        start = sentences[index][0] if sentences else 0
        while cursor < len(phrases) and phrases[cursor][1] <= quantity.start:
            cursor += 1
        own = next(((p, n) for s, e, p, n in phrases[cursor:cursor + 3] if s <= quantity.start < e), None)
        before, note = _last_period(phrases, cursor, start)
        if quantity.kind is Kind.DATE:
            absolute = quantity.date if quantity.date and not quantity.date.startswith("-") else None
            labels.append((own[0].label if own[0] else None, own[1]) if own and (own[0] or own[1])
                          else (absolute, None))
        elif quantity.kind is Kind.DURATION:
            labels.append((None, None))
        elif note is not None:
            labels.append((None, note))   # the nearest period named is a fiscal one the run cannot date
        elif _SAME_PERIOD_A_YEAR_EARLIER.search(text, max(start, quantity.start - 16), quantity.start):
            named = before or _last_period(phrases, cursor, text.rfind("\n", 0, start) + 1)[0]
            earlier = shifted(named, years=-1) if named else None   # 전년 동월 438만 유로
            labels.append((earlier.label if earlier else None, None))
        elif _PREVIOUS_PERIOD.search(text, max(start, quantity.start - 8), quantity.start):
            named = before or _last_period(phrases, cursor, text.rfind("\n", 0, start) + 1)[0]
            earlier = previous(named) if named else None   # 지난 5월 … 전월의 102.82달러: April's
            labels.append((earlier.label if earlier else None, None))
        elif before is not None and _later(text, phrases[cursor - 1][1], quantity.start):
            labels.append((None, None))   # 지난 달 7.41% 하락한 뒤 1.21% 오른: the 1.21% is of a later day
        elif before is not None and _day_of_release(text, before, phrases[cursor - 1][1], quantity.start):
            labels.append((None, None))   # 지난 2일 물가는 5.4%: the day the figure came out, not its period
        else:
            labels.append((before.label if before else None, None))
    return labels


def _later(text: str, start: int, end: int) -> bool:
    """Whether a sequence word (…한 뒤, …된 후) stands in ``text[start:end]``; looked for as a character
    first, as most spans (all English ones) hold neither."""
    if text.find("뒤", start, end) < 0 and text.find("후", start, end) < 0:
        return False
    return _LATER.search(text, start, end) is not None


#: Between a day and a figure: a statistic counted over a month, a quarter or a year (물가, 실업률, 매출). Then the
#: day names when the figure came out, not the days it counts. Not a word of release alone ("9월 5일 이 정보가
#: 공개되었을 때 주가는 8% 하락했다": the price fell on that day).
_RELEASED = compile_lazily(
    r"물가|인플레이션|실업|고용|취업자|성장률|국내총생산|GDP|경상수지|무역수지|수출|수입|산업생산|소매판매"
    r"|매출|영업이익|순이익|순손실|영업손실|실적")


def _day_of_release(text: str, period: Period, start: int, end: int) -> bool:
    """Whether the day named at ``start`` is when the figure at ``end`` was released ("지난 2일 물가는 5.4%",
    "3월 2일 발표된 … 3.1%"): a day is the period of a market's figure (지난 2일 코스피는 2.1% 올랐다), but no
    price index, jobs count or company result counts a single day, and dated so it would be checked against
    a day no source publishes."""
    return period.granularity == "day" and _RELEASED.search(text, start, end) is not None


def _names_a_year(match: re.Match[str]) -> bool:
    """A phrase that names its year in words (지난해 11월, 올 들어, 지난달, last year): unresolved, it leaves the story's
    year unknown, and a month named after it must not take the year of an earlier sentence."""
    return bool(match["en"] or match["last_month"] or (match["ko"] and not match["ko"][0].isdigit()))


def previous(period: Period) -> Period | None:
    """The month or quarter before ``period``; None for any other granularity (no step to take)."""
    day = period.start - timedelta(days=1)
    if period.granularity == "month":
        return month_period(day.year, day.month)
    if period.granularity == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    return None


def _last_period(phrases: list[tuple[int, int, Period | None, str | None]], cursor: int,
                 start: int) -> tuple[Period | None, str | None]:
    """The period and note of the last phrase before ``cursor`` that starts at or after ``start`` (its
    sentence's): a fiscal phrase without days, or a phrase the run cannot date ("지난해" with no publication
    date), leaves the number without a period rather than with an earlier phrase's, which is not its own."""
    if cursor > 0 and phrases[cursor - 1][0] >= start:
        return phrases[cursor - 1][2], phrases[cursor - 1][3]
    return None, None

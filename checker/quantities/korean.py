"""Korean quantity grammar: 44억 달러, 1만1,000명, 30% 넘게, 2만5,000~3만 달러, 90달러 대.

A number (digits with 만/억/조/경, Sino-Korean or native words) is followed by an
optional unit: a currency, a percent or percentage-point word, 배, a duration or a
counter. Two such cores joined by ~, -, 에서 … 사이 make a range; 대 after a money or
percent amount makes a decade. Expressions written with $ or US$ are read by the
English grammar, as Korean news writes them too.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..lazy_regex import compile_lazily
from . import english
from .assemble import Core, date_core, decade, from_num, join_range, longest
from .hedges import HedgeTable, conjugated
from .model import Kind, Qualifier
from .numerals import (
    ARABIC, Num, is_hangul, korean_minus_end, scan_english, scan_korean, scan_native_korean, scan_slash_fraction,
)
from .precision import words_precision
from .tables import (
    CURRENCY_PREFIXES, KO_COUNTED_NOUNS, KO_COUNTER_ENDINGS, KO_COUNTERS, KO_CURRENCY_WORDS, KO_CURRENCY_WORDS_BEFORE,
    KO_DURATIONS, KO_HALF_WORDS, KO_HEDGE_ADVERBS, KO_HEDGE_PARTICLES, KO_INDIAN_SCALES, KO_LATIN_CURRENCY_SIGNS_AFTER,
    KO_HEDGE_VERB_ENDINGS, KO_HEDGE_VERBS, KO_MINUS, KO_PERCENT_POINT_WORDS, KO_PERCENT_WORDS, KO_PREFIX_HEDGES,
    KO_HEDGES_NOT_AFTER, KO_POUND_MONEY_SCALE, KO_RATIO_JOINERS, KO_SUFFIX_HEDGES,
    KO_NATIVE_LOOKALIKES, KO_SINO_DIGITS, KO_SINO_ONLY_COUNTERS, KO_TRAILING_PARTICLES, KO_UNITS_OPENING_WORDS,
    KO_WEEK_MARKERS, KO_WEIGHT_OR_MONEY_WORDS,
)

NAME = "ko"

#: Korean words are Hangul: at a Latin word only the English core can start (US$, EUR).
FIRST_WORDS = english.FIRST_WORDS
#: "최고 27%를 넘나든다": the peak goes back and forth across the figure, so 최고 names which value the
#: figure is (the highest), not an upper bound the verb would contradict; 넘나든다 hedges it (about).
#: One amount and its particle between them: "최고 27%까지 오르고 3%를 넘나든다" is two figures.
_PEAK_CROSSED = compile_lazily(r"(?:최고|최대)[ ]?\d[\d.,]*[^\d\s]{0,6}[ ]?(?:[^\d\s]{1,4}[ ]?)?넘나[들드든]")


def _peak_crossed(text: str, pos: int) -> bool:
    """Whether the 최고 or 최대 at ``pos`` names a peak the figure after it is crossed by (최고 27%를
    넘나든다 is "a peak of about 27%", not "up to 27%"): then it hedges nothing."""
    return text.startswith(("최고", "최대"), pos) and _PEAK_CROSSED.match(text, pos) is not None


PREFIX_HEDGES = HedgeTable(KO_PREFIX_HEDGES, before=True, not_after=KO_HEDGES_NOT_AFTER, names_figure=_peak_crossed)
SUFFIX_HEDGES = HedgeTable({**KO_SUFFIX_HEDGES, **conjugated(KO_HEDGE_VERBS, KO_HEDGE_VERB_ENDINGS)},
                           before=False, particles=KO_HEDGE_PARTICLES, adverbs=KO_HEDGE_ADVERBS)


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


#: What may be left after a whole expression in parse_quantity (3배나, 2%밖에).
#: Korean has no article between a hedge and its number.
ARTICLE_AFTER_HEDGE = None
TRAILING = compile_lazily(r"\s*(?:%s)?\s*[.,]?\s*" % _alternation(KO_TRAILING_PARTICLES))

_UNIT = compile_lazily(
    r"""
    [ ]?                                        # 44억 달러 and 44억달러 alike
    (?:
        (?P<pp> %s )                            # %%포인트, %%p, 퍼센트포인트
      | (?P<percent> %s )                       # %%, 퍼센트, 프로
      | (?P<currency> %s ) 화?                   # 달러, 원, 유로 …, 달러화
      | (?P<multiple> 배 (?! %s ) )             # 3배, not 26만 배럴
      | (?P<duration> %s )                      # 개월, 년, 일, 분, 초 …
      | (?P<counter> %s )                       # 명, 개, 대, 건, 주, 곳 …
      | (?P<counted> %s )                       # 250여 고객: a noun counted with no counter
    )
    """
    % (
        _alternation(KO_PERCENT_POINT_WORDS), _alternation(KO_PERCENT_WORDS),
        _alternation(KO_CURRENCY_WORDS), _alternation(word[1:] for word in KO_COUNTERS if word.startswith("배")),
        _alternation(KO_DURATIONS), _alternation(KO_COUNTERS), _alternation(KO_COUNTED_NOUNS),
    ),
    re.VERBOSE,
)
#: Suffixes that change what a matched unit means.
_WEEK_MARKER = compile_lazily(r"[ ]?(?:%s)" % _alternation(KO_WEEK_MARKERS))
_NOT_MINUTES = compile_lazily(r"의|기")                  # 4분의 1, 3분기
_SINO_ONLY_DURATIONS = {"일", "년", "분", "초", "개월", "주일"}
_DURING = compile_lazily(r"[ ]?(?:동안|간)")              # 3주 동안, 10년간
#: Syllables after 대 that make it a word (대비, 대표, 대상, 대회 …), neither a decade nor a counter.
_DAE_WORD = "[비표상응한책규출형량부기신체화학통회우립결폭거중선열전]"
_DECADE = compile_lazily(r"[ ]?대(?!%s)" % _DAE_WORD)
_DAE_WORD_AFTER = compile_lazily(_DAE_WORD)
#: "0.33유로 대 0.27유로": 대 between two amounts is "versus", not the decade of the first.
_VERSUS = compile_lazily(r"[ ]+[-+−]?\d")
_APPROX_MARKER = compile_lazily(r"여(?=[ ]?\S)")         # 100여 명: "a hundred-odd"
_FRACTION = compile_lazily(r"[ ]?분의[ ]?")             # 4분의 1
_MIXED = compile_lazily(r"[ ]?[과와][ ]")                # 일과 이분의 일 = 1½
_CENTS = compile_lazily(r"[ ]?(?P<amount>\d{1,2}(?:\.\d+)?|[이삼사오육칠팔구]?십?[일이삼사오육칠팔구]?)[ ]?센트")
_HALF_A_CENT = Decimal("0.005")
_RANGE_JOINERS = ("~", "-", "–", "—", "에서부터", "에서", "부터", "내지")
_RANGE_JOINER = compile_lazily(r"[ ]*(?:%s)[ ]*" % "|".join(map(re.escape, _RANGE_JOINERS)))
_RANGE_CLOSE = compile_lazily(r"[ ]*(?:사이|까지)")
#: Years of duration in this span are calendar years: no news story states a span of 1,900 years.
_YEARS_OF_DATES = (1800, 2199)
_WEEKS_IN_A_YEAR = 52
_SHARE_WORD = compile_lazily(r"주식|주주|주당|매수|매도|매입|보유|지분|배정|상장|신주|자사주")
_HALF_OF = compile_lazily(r"의[ ]?(?:절반|반(?![\uac00-\ud7a3]))")      # 1%의 절반(은), not 1%의 반도체
#: Kinds "N의 절반" halves: a rate. "44억 달러의 절반" also states the 44억 달러, so it stays two numbers.
_HALVED_KINDS = (Kind.PERCENT, Kind.PERCENTAGE_POINT)
_RATIO_JOINER = compile_lazily(r"[ ]*(?:%s)[ ]*" % "|".join(KO_RATIO_JOINERS))
_CURRENCY_SIGN = compile_lazily(                         # ₩13조: signs only, not codes (USD 4억 reads as English)
    "|".join(re.escape(sign) for sign in sorted(CURRENCY_PREFIXES, key=len, reverse=True) if not sign[0].isalpha()))

# What each pattern opens with, checked before it: most places match none of them, and a
# look at one or two characters costs far less than a regex (the patterns have no IGNORECASE).
_CURRENCY_SIGN_STARTS = frozenset(sign[0] for sign in CURRENCY_PREFIXES if not sign[0].isalpha())
_UNIT_STARTS = frozenset(word[0] for word in (
    *KO_PERCENT_POINT_WORDS, *KO_PERCENT_WORDS, *KO_CURRENCY_WORDS, "배", *KO_DURATIONS, *KO_COUNTERS,
    *KO_COUNTED_NOUNS))
#: A counter's word goes on only with one of these (두 개의, 한 명씩); see _ends_word.
_COUNTER_ENDING = compile_lazily(_alternation(KO_COUNTER_ENDINGS))
_DECADE_STARTS = ("대", " 대")
_FRACTION_STARTS = ("분의", " 분의")
_MIXED_STARTS = ("과 ", "와 ", " 과 ", " 와 ")
_RANGE_JOINER_STARTS = (" ", *_RANGE_JOINERS)
_DATE = compile_lazily(
    r"""
    (?: (?P<year> \d{4} ) 년                     # 2022년
        (?: [ ]? (?P<quarter> [1-4] ) 분기       # 2022년 3분기
          | [ ]? (?P<month> 1[0-2] | 0?[1-9] ) 월     # 2022년 8월
            (?: [ ]? (?P<day> 3[01] | [12]\d | 0?[1-9] ) 일 )?   # 2022년 11월 9일
        )?
      | (?P<month_only> 1[0-2] | 0?[1-9] ) 월    # 11월
        (?: [ ]? (?P<day_only> 3[01] | [12]\d | 0?[1-9] ) 일 )?   # 11월 9일
    )
    (?! 간 | 동안 | 만에 | [ ]만에 )              # 2022년간 would be a duration
    """,
    re.VERBOSE,
)


def _date(text: str, pos: int) -> Core | None:
    match = _DATE.match(text, pos) if text[pos:pos + 1].isdecimal() else None  # a year, a month: digits
    if not match:
        return None
    year, month, day = match["year"], match["month"] or match["month_only"], match["day"] or match["day_only"]
    if match["quarter"]:
        return date_core(f"{year}-Q{match['quarter']}", match.end())
    label = year or "-"
    if month:
        label += f"-{int(month):02d}"
    if day:
        label += f"-{int(day):02d}"
    return date_core(label, match.end())


def _number(text: str, pos: int) -> Num | None:
    return _number_and_script(text, pos)[0]


def _number_and_script(text: str, pos: int) -> tuple[Num | None, bool]:
    """The longer reading, Sino-Korean or native, and whether it is native."""
    sino, native = scan_korean(text, pos), scan_native_korean(text, pos)
    if native and (sino is None or native.end > sino.end):
        return native, True
    return sino, False


def _unit_may_follow(text: str, pos: int) -> bool:
    """Whether a unit word of ``_UNIT`` may stand at ``pos``, after one space if any."""
    follows = text[pos:pos + 1]
    return (text[pos + 1:pos + 2] if follows == " " else follows) in _UNIT_STARTS


def _unit(num: Num, text: str, pos: int, qualifier: Qualifier, native: bool = False) -> Core | None:
    """The core for ``num`` followed by the unit at ``pos``, if there is one.

    Native numerals (한, 두, 세) take native counters: 한 달 and 두 시간, never 한 일.
    """
    match = _UNIT.match(text, pos) if _unit_may_follow(text, pos) else None
    physical = None if match or native else (english.physical_unit(text, pos) or _latin_measure(text, pos))
    if physical:
        return from_num(num, Kind.COUNT, *physical, qualifier)   # 1억199만L, 200kW
    if not (match or native):
        code = english.currency_code_after(num, text, pos, qualifier) or _latin_sign_after(num, text, pos, qualifier)
        if code:
            return code   # 307.8 EUR로, 1.5 MEUR의, 134,700Ls였다
    if not match or (native and not _native_unit(match, text)):
        return None
    end = match.end()
    if (num.worded or match["counted"] or match["percent"] in KO_UNITS_OPENING_WORDS
            or match["currency"] in KO_UNITS_OPENING_WORDS) and not _ends_word(text, end):
        return None   # 구조 개편 (no 9조 items), 250여 고객사업, 이노바 2 프로젝트, 3 라트비아
    if match["counted"]:
        return from_num(num, Kind.COUNT, KO_COUNTED_NOUNS[match["counted"]], end, qualifier)
    if match["pp"]:
        return from_num(num, Kind.PERCENTAGE_POINT, "pp", end, qualifier)
    if match["percent"]:
        return from_num(num, Kind.PERCENT, "%", end, qualifier)
    if match["currency"]:
        if _a_weight(num, match):
            return from_num(num, Kind.COUNT, "pounds", end, qualifier)
        money = from_num(num, Kind.MONEY, KO_CURRENCY_WORDS[match["currency"]], end, qualifier)
        return _with_cents(money, text) if money.unit == "USD" else money
    if match["multiple"]:
        return from_num(num, Kind.MULTIPLE, "x", end, qualifier)
    if match["duration"]:
        word = match["duration"]
        if word == "분" and _NOT_MINUTES.match(text, end):
            return None
        during = _DURING.match(text, end)
        end = during.end() if during else end
        return from_num(num, Kind.DURATION, KO_DURATIONS[word], end, qualifier)
    counter = match["counter"]
    if counter == "대" and _DAE_WORD_AFTER.match(text, end):
        return None   # 2024 대회, 3대책: a word that opens with 대
    if counter == "주" and _WEEK_MARKER.match(text, end):
        during = _DURING.match(text, end)
        end = during.end() if during else end
        return from_num(num, Kind.DURATION, "weeks", end, qualifier)
    if counter in KO_UNITS_OPENING_WORDS and not _ends_word(text, end):
        return None   # 1주택, 2001 주식, 10주차: words that open with 주, no shares
    return from_num(num, Kind.COUNT, KO_COUNTERS[counter], end, qualifier)


#: Latin unit abbreviations Korean text writes after a number that the English grammar leaves to its
#: own readings ("$5mm" is five million there): 강수량 50mm, 두께 2cm, 80만 mt (metric tonnes), and
#: basis points, as Korean finance news writes a rate's change (금리를 25bp 올렸다, 스왑+105bps), and an
#: index's points (65,003.34pt로), and a camera's megapixels (1200 MP 스냅퍼: Korean writes MPs 의원).
#: Not before a currency word or code ("5mm 유로" would be five million euros): then nothing is read.
_LATIN_MEASURE = compile_lazily(r"[ ]?(?P<unit>mm|cm|mt|bps|bp|pt|MP)(?![A-Za-z0-9])(?![ ]?(?:%s|[A-Z]{3}\b))"
                                % _alternation(KO_CURRENCY_WORDS))
_LATIN_MEASURES = {"mm": "millimetres", "cm": "centimetres", "mt": "tonnes", "bps": "basis points",
                   "bp": "basis points", "pt": "points", "MP": "megapixels"}
_LATIN_MEASURE_STARTS = frozenset(unit[0] for unit in _LATIN_MEASURES)


def _latin_measure(text: str, pos: int) -> tuple[str, int] | None:
    """The unit of "50mm", "80만 mt" in Korean text and where it ends (``_LATIN_MEASURE``), if written at ``pos``."""
    if text[pos + (text[pos:pos + 1] == " "):][:1] not in _LATIN_MEASURE_STARTS:
        return None   # most places: no letter to open any
    measure = _LATIN_MEASURE.match(text, pos)
    return (_LATIN_MEASURES[measure["unit"]], measure.end()) if measure else None


#: Not before digits: in "30만 Ls 371,500" the sign may open the next amount, as a code does ("73m USD90.3m").
_LATIN_SIGN_AFTER = compile_lazily(r"[ ]?(?P<sign>%s)(?![A-Za-z0-9])(?![ ]?\d)"
                                   % _alternation(KO_LATIN_CURRENCY_SIGNS_AFTER))
_LATIN_SIGN_STARTS = frozenset(sign[0] for sign in KO_LATIN_CURRENCY_SIGNS_AFTER)


def _latin_sign_after(num: Num, text: str, pos: int, qualifier: Qualifier) -> Core | None:
    """Money in a Latin currency sign written after the amount (134,700Ls), a particle glued to it or not."""
    at = pos + 1 if text.startswith(" ", pos) else pos
    match = _LATIN_SIGN_AFTER.match(text, pos) if text[at:at + 1] in _LATIN_SIGN_STARTS else None
    if match is None:
        return None
    return from_num(num, Kind.MONEY, KO_LATIN_CURRENCY_SIGNS_AFTER[match["sign"]], match.end(), qualifier)


def _ends_word(text: str, end: int) -> bool:
    """Whether the unit word ending at ``end`` ends its word, or only a particle or hedge follows
    (두 개의, 250여 고객에게): 두 원자로 and 두 프로젝트 are nouns that open with 원 and 프로."""
    return not is_hangul(text[end:end + 1]) or _COUNTER_ENDING.match(text, end) is not None


def _native_unit(unit: re.Match[str], text: str) -> bool:
    """Whether a native numeral (한, 두, 세) takes ``unit``: native counters, ending their word.

    Sino-Korean durations and counters (한 일, 한 회의) are other words after a native
    numeral, and a counter that goes on into a word (두 회사, 두 주주) is no counter at all.
    """
    if unit["duration"] in _SINO_ONLY_DURATIONS or unit["counter"] in KO_SINO_ONLY_COUNTERS:
        return False
    return _ends_word(text, unit.end())


def _a_weight(num: Num, unit: re.Match[str]) -> bool:
    """"5파운드" is the weight; "500만 파운드" and "파운드화" are money (as "£5" is, read apart)."""
    return (unit["currency"] in KO_WEIGHT_OR_MONEY_WORDS and num.scale < KO_POUND_MONEY_SCALE
            and not unit.group().endswith("화"))


def _fraction(num: Num, text: str, pos: int) -> Core | None:
    """``4분의 1`` = 1/4: the denominator is written first."""
    match = _FRACTION.match(text, pos) if text.startswith(_FRACTION_STARTS, pos) else None
    numerator = _number(text, match.end()) if match else None
    if numerator is None or num.value == 0:
        return None
    value = numerator.value / num.value
    return Core(Kind.RATIO, "ratio", value, words_precision(value), numerator.end, worded=True)


def _slash_fraction(text: str, pos: int) -> Core | None:
    """``3/4`` written with digits: a ratio like 4분의 3."""
    num = scan_slash_fraction(text, pos)
    return Core(Kind.RATIO, "ratio", num.value, num.precision, num.end, worded=True) if num else None


def _mixed(num: Num, text: str, pos: int) -> Core | None:
    """``일과 이분의 일``: a whole number and a fraction."""
    joiner = _MIXED.match(text, pos) if text.startswith(_MIXED_STARTS, pos) else None
    denominator = _number(text, joiner.end()) if joiner else None
    fraction = _fraction(denominator, text, denominator.end) if denominator else None
    if fraction is None or fraction.value is None:
        return None
    value = num.value + fraction.value
    return Core(Kind.NUMBER, None, value, words_precision(value), fraction.end, worded=True)


def _with_cents(core: Core, text: str) -> Core:
    """``1달러 20센트``: cents are a hundredth of the dollar. Cents written with decimals (43달러 55.77센트)
    are read too: left out, the dollars alone would be a wrong amount, not a rounded one."""
    match = _CENTS.match(text, core.end)
    amount = scan_korean(match["amount"], 0) if match and match["amount"] else None
    if amount is None or core.value is None:
        return core
    return Core(core.kind, core.unit, core.value + amount.value / 100, min(_HALF_A_CENT, amount.precision / 100),
                match.end(), worded=core.worded)


def _half(text: str, pos: int) -> Core | None:
    """절반, 반: a ratio of one half (반 only as a word of its own)."""
    for word, value in KO_HALF_WORDS.items():
        if text.startswith(word, pos):
            end = pos + len(word)
            if word == "반" and is_hangul(text[end:end + 1]):
                return None
            return Core(Kind.RATIO, "ratio", value, words_precision(value), end, worded=True)
    return None


def _single(text: str, pos: int) -> Core | None:
    """One number and its unit, a fraction, or 절반."""
    num, native = _number_and_script(text, pos)
    if num is None:
        return longest(_half(text, pos), _slash_fraction(text, pos))
    if native and text.startswith(KO_NATIVE_LOOKALIKES, pos):
        return None   # 세척, 세대, 석회: words, not 3 ships, 3 units, 3 times
    end, qualifier = num.end, Qualifier.EXACT
    marker = _APPROX_MARKER.match(text, end) if text.startswith("여", end) else None
    if marker:
        end, qualifier = marker.end(), Qualifier.APPROX
    core = _unit(num, text, end, qualifier, native) or (
        None if marker else (_fraction(num, text, end) or _mixed(num, text, end)))
    if core is None and not marker:
        if num.worded and is_hangul(text[num.end:num.end + 1]):
            return None  # 이미, 사람: a Hangul numeral must end a word or take a unit
        core = longest(from_num(num, Kind.NUMBER, None, num.end), _slash_fraction(text, pos))
    if core is not None and core.kind in (Kind.MONEY, Kind.PERCENT, Kind.COUNT, Kind.NUMBER):
        decade_match = _DECADE.match(text, core.end) if text.startswith(_DECADE_STARTS, core.end) else None
        if decade_match and core.value is not None and core.kind is not Kind.NUMBER \
                and _ends_word(text, decade_match.end()) and not _VERSUS.match(text, decade_match.end()):
            return decade(core, decade_match.end())
    return core


def _a_year(core: Core) -> bool:
    """2008년 in "2008~2010년", "1999년부터 2017년까지": a calendar year, which ends a range of
    dates; read as years of duration it would be a span of 2,010 years, a silent wrong value."""
    return (core.unit == "years" and core.value is not None and core.value == core.value.to_integral_value()
            and _YEARS_OF_DATES[0] <= core.value <= _YEARS_OF_DATES[1])


def _range(first: Core, text: str) -> Core | None:
    joiner = _RANGE_JOINER.match(text, first.end) if text.startswith(_RANGE_JOINER_STARTS, first.end) else None
    if not joiner:
        return None
    second = _single(text, joiner.end())
    if second is None or _a_year(first) or _a_year(second) \
            or (first.unit is None and english.bare_years(text, first, joiner.end(), second)):
        return None   # 1995-2009, 1998~2006: a span of years, a period, not 1,995 to 2,009 of nothing
    close = _RANGE_CLOSE.match(text, second.end)
    if _weeks_between(first, second, joiner.group(), close, text):
        first, second = _as_weeks(first), _as_weeks(second)
    return join_range(first, second, close.end() if close else second.end)


def _weeks_between(first: Core, second: Core, joiner: str, close: re.Match[str] | None, text: str) -> bool:
    """"1주에서 6주까지", "2~4주 동안": a span of weeks, not shares. 주 from … to, or before 동안/간,
    between numbers no greater than a year of weeks: no one trades one to six shares in the news."""
    if first.unit != "shares" or second.unit != "shares" or first.value is None or second.value is None:
        return False
    if max(first.value, second.value) > _WEEKS_IN_A_YEAR or _SHARE_WORD.search(text, max(0, second.end - 40),
                                                                             second.end + 40):
        return False   # "5주에서 10주까지 매수": shares where the words around are the market's
    from_to = joiner.strip() in ("에서", "부터", "에서부터") and close is not None and close.group().strip() == "까지"
    return from_to or _DURING.match(text, second.end) is not None


def _as_weeks(core: Core) -> Core:
    """``core``, a count of shares, as the same number of weeks."""
    return core._replace(kind=Kind.DURATION, unit="weeks")


def plausible_in_running_text(text: str, pos: int, core: Core) -> bool:
    """Whether a core read at ``pos`` of running text is a quantity, not a word.

    Rejects a number starting inside a Hangul word, a bare number written in Hangul
    (이 아바타, 조 바이든), and a single Sino-Korean digit before a counter (사명, 이 회):
    news writes those with digits.
    """
    if pos > 0 and is_hangul(text[pos - 1]) and is_hangul(text[pos:pos + 1]):
        return False
    if core.worded and core.kind is Kind.NUMBER:
        return False
    if not core.worded or core.kind is Kind.RATIO:
        return True  # digits, or a fraction: no single-digit reading to rule out
    sino = scan_korean(text, pos)
    single_digit = text[pos:pos + 1] in KO_SINO_DIGITS and sino is not None and sino.end == pos + 1
    return not single_digit


def _sign_prefixed(text: str, pos: int) -> Core | None:
    """A currency sign before a number read the Korean way: ₩13조, $4억."""
    sign = _CURRENCY_SIGN.match(text, pos) if text[pos:pos + 1] in _CURRENCY_SIGN_STARTS else None
    if not sign:
        return None
    num, native = _number_and_script(text, sign.end())
    if num is None or native or num.worded:
        return None
    return from_num(num, Kind.MONEY, CURRENCY_PREFIXES[sign.group()], num.end)


#: "유로 1.71", "유로0.27": a currency word written before digits, as translated finance text writes "EUR 1.71".
_CURRENCY_WORD_BEFORE = compile_lazily(r"(?:%s)[ ]?(?=\d)" % _alternation(KO_CURRENCY_WORDS_BEFORE))
_CURRENCY_WORD_STARTS = frozenset(word[0] for word in KO_CURRENCY_WORDS_BEFORE)
#: "유로 2024" is the football tournament, "달러 2022년" a year: a year-like whole number names no amount.
_YEAR_LIKE = compile_lazily(r"(?:19|20)\d\d(?![\d.,])")


def _longest_num(*nums: Num | None) -> Num | None:
    """The reading that reaches furthest; the first on ties."""
    return max((num for num in nums if num is not None), key=lambda num: num.end, default=None)


def _word_prefixed(text: str, pos: int) -> Core | None:
    """유로 1.71: money whose currency word stands before the digits and ends a word of its own."""
    if text[pos:pos + 1] not in _CURRENCY_WORD_STARTS or (pos > 0 and is_hangul(text[pos - 1])):
        return None
    word = _CURRENCY_WORD_BEFORE.match(text, pos)
    if not word or _YEAR_LIKE.match(text, word.end()):
        return None
    # "달러 111.1mln": an English scale abbreviation may follow, which only the English numerals read
    num = _longest_num(scan_korean(text, word.end()), scan_english(text, word.end()))
    if num is None or num.worded or _unit(num, text, num.end, Qualifier.EXACT):
        return None  # "달러 3억 원": the unit after the number is the amount's own
    currency = KO_CURRENCY_WORDS_BEFORE[word.group().rstrip()]
    return from_num(num, Kind.MONEY, currency, num.end)


def _english_may_read_more(text: str, pos: int, single: Core | None, digits: re.Match[str] | None) -> bool:
    """Whether the English grammar may read a longer expression at ``pos`` than ``single``; ``digits``:
    ``ARABIC``'s match at ``pos`` (``_digits_at``).

    At Hangul it reads nothing: its words are Latin. Digits that Hangul follows (44억,
    2022년, 3명) it reads as a bare number at most: its units, scale words, joiners,
    fractions and dates all go on with a space, a Latin letter, a sign or punctuation. So
    when ``single`` reaches as far, the English reading cannot be longer and is not made
    (it would lose the tie too): at most places in Korean text that halves the work.
    """
    first = text[pos:pos + 1]
    if is_hangul(first):
        return False
    if single is None or not first.isdecimal():
        return True
    assert digits is not None  # ARABIC reads every digit
    return not (is_hangul(text[digits.end():digits.end() + 1]) and single.end >= digits.end())


def _ratio_between(whole: Core, text: str) -> Core | None:
    """``4명 중 1명``: one count of the same counter out of another is the ratio 1/4, not two counts."""
    joiner = _RATIO_JOINER.match(text, whole.end) if whole.kind is Kind.COUNT else None
    part = _single(text, joiner.end()) if joiner else None
    if part is None or part.kind is not Kind.COUNT or part.unit != whole.unit or not whole.value:
        return None
    if part.value is None or part.value > whole.value or part.qualifier is not Qualifier.EXACT:
        return None
    value = part.value / whole.value
    return Core(Kind.RATIO, "ratio", value, words_precision(value), part.end, worded=True)


def _half_of(whole: Core, text: str) -> Core | None:
    """``1%의 절반``: half of a stated amount is that amount halved (0.5%), not a ratio beside it."""
    half = _HALF_OF.match(text, whole.end) if text.startswith("의", whole.end) else None
    if half is None or whole.value is None or whole.kind not in _HALVED_KINDS:
        return None
    return whole._replace(value=whole.value / 2, precision=whole.precision / 2, end=half.end(), worded=True)


#: The English percent and percentage-point abbreviations, which a Hangul particle may follow (3.8pct와, 50PCT도,
#: 30pc를, 10ppt로): ppt and pp are points, as the English grammar reads them.
_LATIN_PERCENT = compile_lazily(r"[ ]?(?:(?P<percent>pct|PCT|pc)|(?P<points>ppt|pp))(?![A-Za-z])")
_LATIN_AFTER = compile_lazily(r"[ ]{0,2}[A-Za-z]")
#: A minus written as a word (마이너스 68.6 mn): the English numerals after it lose no scale.
_MINUS_WORD_STARTS = frozenset(word[0] for word in KO_MINUS)


def _latin_abbreviated(text: str, pos: int, digits: re.Match[str] | None) -> Core | None:
    """2.7mln 유로, 6.8M유로, 3.8pct와: digits with an English abbreviation, in Korean text (``digits``:
    ``ARABIC``'s match at ``pos``, ``_digits_at``).

    Translated finance news keeps the English scale or percent abbreviation and writes the
    currency in Korean after it. The English grammar reads the number but not the Korean
    unit (and no word boundary before a particle): read as a bare number, "2.7mln 유로"
    would lose its currency, and "41mln유로로" would pass for a number glued to a word.
    """
    first = text[pos:pos + 1]
    start = pos if first.isdecimal() else korean_minus_end(text, pos) if first in _MINUS_WORD_STARTS else -1
    if start > pos:   # 마이너스 68.6 mn
        digits = ARABIC.match(text, start) if text[start:start + 1].isdecimal() else None
    if start < 0 or digits is None or not _LATIN_AFTER.match(text, digits.end()):
        return None  # most Korean numbers: a Hangul unit, a particle or punctuation follows the digits
    num = scan_english(text, start)
    if num is None or num.worded:
        return None
    if start > pos:   # the Korean minus word, which the English numerals do not read
        num = num._replace(value=-num.value)
    if num.scale == 1:
        percent = _LATIN_PERCENT.match(text, num.end)
        if percent is None:
            return None
        if percent["points"]:
            return from_num(num, Kind.PERCENTAGE_POINT, "pp", percent.end())
        return from_num(num, Kind.PERCENT, "%", percent.end())
    unit = _unit(num, text, num.end, Qualifier.EXACT)
    if unit is None and start > pos:   # 마이너스 68.6 mn: the English grammar reads none of it after the word
        return from_num(num, Kind.NUMBER, None, num.end)
    return unit


def _range_with_korean_unit(core: Core | None, text: str) -> Core | None:
    """1~2mln유로: a range the English grammar read (its scale word is English) and whose unit
    is written in Korean after it, which that grammar does not read: without it the range
    loses its currency."""
    if core is None or core.kind is not Kind.NUMBER or core.unit is not None or core.high is None:
        return None
    high = Num(core.high, core.end, core.precision, core.worded, core.scale)
    unit = _unit(high, text, core.end, core.qualifier)
    return core._replace(kind=unit.kind, unit=unit.unit, end=unit.end) if unit else None


#: Korean words joining two ends of a range that the English grammar does not read (it reads ~ and -).
_WORD_JOINERS = frozenset(("에서부터", "에서", "부터", "내지"))


def _english_ends_range(core: Core | None, text: str) -> Core | None:
    """SEK25m에서 SEK50m 사이, EUR 25m부터 EUR 50m까지: two amounts the English grammar reads, each with its unit,
    joined by a Korean word into one range, as "25%에서 50% 사이" is (a change, "A에서 B로", is split where it is
    drafted)."""
    if core is None or core.kind not in (Kind.MONEY, Kind.PERCENT) or core.value is None \
            or core.qualifier is not Qualifier.EXACT or not text.startswith(_RANGE_JOINER_STARTS, core.end):
        return None
    joiner = _RANGE_JOINER.match(text, core.end)
    if joiner is None or joiner.group().strip() not in _WORD_JOINERS:
        return None
    second = english.match_core(text, joiner.end())
    if second is None or (second.kind, second.unit) != (core.kind, core.unit):
        return None   # "EUR 23.0mn에서 24.5mn으로": the second's unit is not written, and is not lent to it here
    close = _RANGE_CLOSE.match(text, second.end)
    return join_range(core, second, close.end() if close else second.end)


def _ends_in_a_year(core: Core | None, text: str) -> bool:
    """Whether ``core`` is a range of bare numbers whose high end is a calendar year, 년 after it
    (9~2007년): its high end is a date, and no span of years."""
    if core is None or core.kind is not Kind.NUMBER or core.unit is not None or core.high is None:
        return False
    high = Num(core.high, core.end, core.precision, core.worded, core.scale)
    unit = _unit(high, text, core.end, core.qualifier)
    return unit is not None and _a_year(unit)


def _digits_at(text: str, pos: int) -> re.Match[str] | None:
    """``ARABIC``'s match at ``pos`` when a digit stands there: read once for the readings that look past it."""
    return ARABIC.match(text, pos) if text[pos:pos + 1].isdecimal() else None


def match_core(text: str, pos: int) -> Core | None:
    """The longest Korean quantity core starting exactly at ``pos``."""
    single = _single(text, pos)
    digits = _digits_at(text, pos)
    candidates = [_date(text, pos), single, _sign_prefixed(text, pos), _latin_abbreviated(text, pos, digits),
                  _word_prefixed(text, pos)]
    if single is not None and single.qualifier is Qualifier.EXACT:
        candidates += [_range(single, text), _ratio_between(single, text), _half_of(single, text)]
    if _english_may_read_more(text, pos, single, digits):
        english_core = english.match_core(text, pos)
        if _ends_in_a_year(english_core, text):
            english_core = None   # 9~2007년: not the numbers 9 to 2,007 (the 2007년 is a date)
        candidates += [english_core, _range_with_korean_unit(english_core, text),
                       _code_with_korean_scale(english_core, text, pos), _with_indian_scale(english_core, text),
                       _english_ends_range(english_core, text)]
    return longest(*candidates)


_INDIAN_SCALE = compile_lazily(r"[ ]?(?P<scale>%s)" % _alternation(KO_INDIAN_SCALES))
_INDIAN_SCALE_STARTS = tuple({word[0] for word in KO_INDIAN_SCALES} | {" " + word[0] for word in KO_INDIAN_SCALES})


def _with_indian_scale(core: Core | None, text: str) -> Core | None:
    """Rs40 크로어, Rs 365 크로어를: money the English grammar read up to its digits, scaled by the Indian
    scale word in Hangul after them (crore, 10^7); the word must end there, a particle at most after it."""
    if core is None or core.kind is not Kind.MONEY or core.value is None or core.scale != 1:
        return None
    match = _INDIAN_SCALE.match(text, core.end) if text.startswith(_INDIAN_SCALE_STARTS, core.end) else None
    if match is None or not _ends_word(text, match.end()):
        return None
    scale = KO_INDIAN_SCALES[match["scale"]]
    return core._replace(value=core.value * scale, precision=core.precision * scale, end=match.end(), scale=scale)


def _code_with_korean_scale(core: Core | None, text: str, pos: int) -> Core | None:
    """USD 3억, US$ 2억, EUR 1.5억: money the English grammar read up to its digits, whose Korean scale
    word after them it does not read. Without this "USD 3억" was USD 3, a silent wrong value."""
    if core is None or core.kind is not Kind.MONEY or core.high is not None or not is_hangul(text[core.end:core.end + 1]):
        return None
    # the amount's digits, not those of the prefix ("x20ac 4억", the euro sign written out)
    digits = next((run for run in ARABIC.finditer(text, pos, core.end)
                   if not ("a" <= text[run.end():run.end() + 1].lower() <= "z")), None)
    num = scan_korean(text, digits.start()) if digits else None
    if num is None or num.end <= core.end or num.worded:
        return None
    # "EUR 1,000만 유로": the currency written again after the amount, which ends there (its hedge after it)
    again = _unit(num, text, num.end, Qualifier.EXACT)
    end = again.end if again is not None and again.kind is Kind.MONEY and again.unit == core.unit else num.end
    return from_num(num, Kind.MONEY, core.unit, end)

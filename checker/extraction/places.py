"""Places inside a country, and other nations, whose figures a country's series does not hold.

"California had about 14.3 million nonfarm payroll jobs" names a state: the nation's
payrolls are not its figure, however well "nonfarm payroll" names the series. A draft
links a number only when its sentence names no such place, or one its series' own name
holds (KOSIS 실업률 · 서울특별시 is Seoul's). The tables are the US states (and DC) and the
Korean 시·도, as articles write them; Washington is left out, being mostly the capital.
Nor does "Japan's economy grew at a 2.1% annual rate" hold a figure of US GDP: a sentence naming a
nation other than the one a provider's series are of (:data:`HOMES`) links nothing either; and a story in
the language of another nation (a Korean one, 통계청's 소비자물가지수(CPI)) is of that nation's figures unless
it has named the series' own (미국) by the number.
"""
from __future__ import annotations

import re

from checker.lazy_regex import compile_lazily

US_STATES: tuple[str, ...] = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
    "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
)
#: The Korean 시·도 by the short names articles use (서울특별시 is 서울).
KO_REGIONS: tuple[str, ...] = (
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남",
    "전북", "전남", "경북", "경남", "제주",
)
_PLACE = compile_lazily(r"(?<![\w])(%s)(?![a-z])" % "|".join(
    re.escape(name) for name in sorted((*US_STATES, *KO_REGIONS), key=len, reverse=True)))


def other_place(sentence: str, series_name: str) -> str | None:
    """The first place ``sentence`` names that ``series_name`` does not, or None.

    >>> other_place("California had about 14.3 million nonfarm payroll jobs", "")
    'California'
    >>> other_place("서울 실업률은 4.1%였다", "경제활동인구조사 · 실업률 · 서울특별시") is None
    True
    """
    for match in _PLACE.finditer(sentence):
        if match.group(1) not in series_name:
            return match.group(1)
    return None


#: The nation a provider's series are of, by the metric's prefix: FRED's the United States', a filer's
#: EDGAR facts (``cik…``) a US-listed company's, ECOS's and KOSIS's Korea's. Other providers: no check.
HOMES: dict[str, str] = {"fred": "US", "cik": "US", "ecos": "KR", "kosis": "KR"}
#: Nations as articles name them (English names and adjectives, capitalised; Korean names), by code. Left
#: out: names that are also common words or people's names (Turkey, Jordan, Chad), and 인도 (also delivery).
NATIONS: dict[str, str] = {
    **dict.fromkeys(("U.S.", "United States", "America", "American", "미국"), "US"),
    **dict.fromkeys(("South Korea", "South Korean", "Korea", "Korean", "한국"), "KR"),
    **dict.fromkeys(("Japan", "Japanese", "일본"), "JP"),
    **dict.fromkeys(("China", "Chinese", "중국"), "CN"),
    **dict.fromkeys(("Britain", "British", "United Kingdom", "U.K.", "영국"), "GB"),
    **dict.fromkeys(("Germany", "German", "독일"), "DE"),
    **dict.fromkeys(("France", "French", "프랑스"), "FR"),
    **dict.fromkeys(("Italy", "Italian", "이탈리아"), "IT"),
    **dict.fromkeys(("Spain", "Spanish", "스페인"), "ES"),
    **dict.fromkeys(("Canada", "Canadian", "캐나다"), "CA"),
    **dict.fromkeys(("Mexico", "Mexican", "멕시코"), "MX"),
    **dict.fromkeys(("Brazil", "Brazilian", "브라질"), "BR"),
    **dict.fromkeys(("India", "Indian"), "IN"),
    **dict.fromkeys(("Russia", "Russian", "러시아"), "RU"),
    **dict.fromkeys(("Australia", "Australian", "호주"), "AU"),
    **dict.fromkeys(("Taiwan", "Taiwanese", "대만"), "TW"),
    **dict.fromkeys(("Vietnam", "Vietnamese", "베트남"), "VN"),
    **dict.fromkeys(("euro zone", "eurozone", "euro area", "Europe", "European", "유로존", "유럽"), "EU"),
}
_NATION = compile_lazily(r"(?<![\w.])(%s)(?![a-z])" % "|".join(
    re.escape(name) for name in sorted(NATIONS, key=len, reverse=True)))


def other_nation(sentence: str, metric: str) -> str | None:
    """The first nation ``sentence`` names other than the one ``metric``'s provider publishes for, or None
    (also for a provider :data:`HOMES` does not know).

    >>> other_nation("Japan's economy grew at a 2.1% annual rate", "fred.A191RL1Q225SBEA")
    'Japan'
    >>> other_nation("미국의 11월 소비자물가지수는 2.7% 올랐다", "fred.CPIAUCSL") is None
    True
    """
    provider = metric.split(".", 1)[0]
    home = HOMES.get("cik" if provider.startswith("cik") else provider)
    if home is None:
        return None
    return next((match.group(1) for match in _NATION.finditer(sentence) if NATIONS[match.group(1)] != home), None)


#: The nation a story in a language is about unless it names another: a Korean story's CPI is Korea's.
LANGUAGE_HOMES: dict[str, str] = {"en": "US", "ko": "KR"}


def home_unnamed(text: str, metric: str, language: str) -> bool:
    """Whether ``metric``'s provider publishes for another nation than a story in ``language`` is about by
    default, and ``text`` (the story up to the number) never names that nation: "11월 소비자물가지수(CPI)는
    2.7% 올랐다" is Korea's CPI, not FRED's, unless the story said 미국.

    >>> home_unnamed("11월 소비자물가지수(CPI)는 2.7% 올랐다", "fred.CPIAUCSL", "ko")
    True
    >>> home_unnamed("미국의 11월 소비자물가지수(CPI)는 2.7% 올랐다", "fred.CPIAUCSL", "ko")
    False
    """
    provider = metric.split(".", 1)[0]
    home = HOMES.get("cik" if provider.startswith("cik") else provider)
    if home is None or LANGUAGE_HOMES.get(language, home) == home:
        return False
    return not any(NATIONS[match.group(1)] == home for match in _NATION.finditer(text))

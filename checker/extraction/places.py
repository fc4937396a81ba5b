"""Places inside a country, whose figures a country's series does not hold.

"California had about 14.3 million nonfarm payroll jobs" names a state: the nation's
payrolls are not its figure, however well "nonfarm payroll" names the series. A draft
links a number only when its sentence names no such place, or one its series' own name
holds (KOSIS 실업률 · 서울특별시 is Seoul's). The tables are the US states (and DC) and the
Korean 시·도, as articles write them; Washington is left out, being mostly the capital.
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

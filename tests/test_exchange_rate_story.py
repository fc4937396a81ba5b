"""An exchange-rate story written here, checked against FRED DEXKOUS rows (won per dollar, noon buying
rates in New York) as the shared download has them: what a desk's claims on it need to read right."""
from __future__ import annotations

from pathlib import Path

from checker import check
from repository_support import claim_repository

ARTICLE = ("원·달러 환율이 지난 9월 28일 달러당 1,440.5원으로 2021년 10월 이후 최고치를 기록했다.\n\n"
           "이는 2021년 10월 1일의 1,187.24원보다 21.3% 높은 수준이다. 환율은 이후 내려 11월 1일에는 1,416.2원을 나타냈다.\n")
REFERENCE = """\
entity,metric,period,value,unit,source
fx,krw_per_usd,2021-10-01,1187.24,KRW/USD,https://fred.stlouisfed.org/series/DEXKOUS
fx,krw_per_usd,2022-09-28,1440.50,KRW/USD,https://fred.stlouisfed.org/series/DEXKOUS
"""
CLAIMS = """\
  - {id: base, quote: '2021년 10월 1일의 1,187.24원보다', value: '1,187.24원', metric: fx.krw_per_usd, period: 2021-10-01}
  - {id: peak, quote: '지난 9월 28일 달러당 1,440.5원으로', value: '달러당 1,440.5원', metric: fx.krw_per_usd,
     period: 2022-09-28}
  - {id: rise, quote: '1,187.24원보다 21.3% 높은', relation: change, of: [base, peak], value: 21.3% 높은}
"""


def _results(tmp_path: Path, language: str = "en") -> dict:
    path = claim_repository(tmp_path, ARTICLE, REFERENCE, CLAIMS, "2022-11-02", "ko")
    return {result.id: result for result in check([path], language=language).results}


def test_an_amount_judged_per_dollar_is_a_rate_in_a_change_too(tmp_path: Path) -> None:
    """"1,187.24원" is checked as won per dollar; as an operand it stayed won, and the change to
    "달러당 1,440.5원" was an error ("change needs operands in one unit, got KRW, KRW/USD").
    By hand: 1,440.5 / 1,187.24 − 1 = 21.33 %, inside [21.25, 21.35]."""
    result = _results(tmp_path)["rise"]
    assert result.verdict == "supported", result.explanation
    assert "= 21.3318 [" in result.explanation


def test_a_rule_shows_its_bounds_apart(tmp_path: Path) -> None:
    """At six digits both ends of 1,187.24's rounding read "1187.24": "allows [1187.24, 1187.24]"."""
    for language in ("en", "ko"):
        result = _results(tmp_path, language)["base"]
        assert result.verdict == "supported"
        assert "[1187.235, 1187.245]" in result.explanation, result.explanation

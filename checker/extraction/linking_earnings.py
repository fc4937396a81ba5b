""""Tesla earned $5.5 billion", "$1.44 per share on a diluted basis", "순이익이 32억9천만 달러": a company's earnings
by the words news uses.

A filing names its figures as accountants do ("Net Income (Loss) Attributable to Parent",
"Earnings Per Share, Diluted"); news writes "earned", "profit", "net income". In a clause whose
words name no other metric, those words name the company's ``NetIncomeLoss`` for a sum of money,
and for a figure "per share" one of its per-share tags: ``EarningsPerShareDiluted`` where the
sentence says "diluted", ``EarningsPerShareBasic`` where it says "basic", neither where it says
both or none (a bare "per share" may be either, or an adjusted figure). Never net income for a
per-share figure, never a per-share tag for a sum, and neither for an "operating", "gross",
"pre-tax" or "adjusted" profit, nor for money "earned in revenue" or "from sales". The alias holds
in this clause only; that the article names the company is checked as for any company figure.
"""
from __future__ import annotations

import re
from typing import Sequence

from checker.extraction.hypotheticals import clause
from checker.extraction.metrics import Alias, nearest_metrics
from checker.extraction.model import Extraction
from checker.quantities.model import Kind

#: The us-gaap tags news words name, by what the figure is: a sum of money, or money per share.
NET_INCOME = "NetIncomeLoss"
PER_SHARE = {"diluted": "EarningsPerShareDiluted", "basic": "EarningsPerShareBasic"}
#: The earnings word nearest before the number in its clause ("Tesla earned", "a net profit of").
_EARNED = re.compile(r"\b(?:earned|earns|earn|earnings\s+of|(?:net\s+)?profits?(?:\s+(?:of|was|were|rose\s+to|"
                     r"fell\s+to))?|net\s+income(?:\s+(?:of|was))?)\s+(?:(?:a|an|about|roughly|nearly|some)\s+)?$",
                     re.IGNORECASE)
#: Words of the clause that make the figure another one: a profit before costs or taxes, or adjusted.
_OTHER_PROFIT = re.compile(r"\b(?:operating|gross|pre-?tax|before\s+tax(?:es)?|adjusted|underlying|core|non-GAAP|"
                           r"excluding|comparable)\b", re.IGNORECASE)
#: Words of the clause before the number that make it a forecast, not what the filing reports ("analysts
#: expected Tesla to earn $1.59 a share", "Tesla will earn").
_FORECAST = re.compile(r"\b(?:to\s+earn|will|would|could|may|might|should|expects?|expected|forecasts?|forecast|projects?|"
                       r"projected|estimates?|estimated|guidance|outlook|analysts?|consensus)\b", re.IGNORECASE)
#: What the money was earned as, when it is not the company's profit ("earned $20 billion in revenue").
_EARNED_AS = re.compile(r"\s*(?:in|from|on|as)\s+(?:\w+\s+){0,2}?(?:revenues?|sales|interest|fees|dividends|"
                        r"deposits|bonus(?:es)?|salary|salaries|pay|compensation|credits)\b", re.IGNORECASE)
#: "per share", "a share", "per diluted share"; right after the number, or anywhere in a sentence.
_SHARE = r"(?:per|a)\s+(?:diluted\s+|basic\s+)?share\b"
_PER_SHARE = re.compile(rf"\s*{_SHARE}", re.IGNORECASE)
_PER_SHARE_ANYWHERE = re.compile(rf"\b{_SHARE}", re.IGNORECASE)


def says_per_share(sentence: str) -> bool:
    """Whether ``sentence`` states a figure per share ("Earnings per share were $5.60", "$1.44 a share"):
    a total carried from the sentence before (revenue, net income) is then not what its money measures."""
    return _PER_SHARE_ANYWHERE.search(sentence) is not None


def earnings_alias(extraction: Extraction, index: int, aliases: Sequence[Alias]) -> Alias | None:
    """The alias, in quantity ``index``'s clause only, that its earnings word gives a company's
    net income or earnings per share; None when the words leave a doubt."""
    found = extraction.quantities[index]
    quantity, text = found.quantity, extraction.text
    if quantity.kind is not Kind.MONEY or found.metric is not None:
        return None
    if extraction.language == "ko":
        return _korean_net_income(extraction, index, aliases)
    if extraction.language != "en":
        return None
    start, end = clause(text, found.sentence, quantity.start, quantity.end)
    said = _EARNED.search(text, start, quantity.start)
    if said is None or _OTHER_PROFIT.search(text, start, end) or _EARNED_AS.match(text, quantity.end, end) \
            or _FORECAST.search(text, start, quantity.start) \
            or nearest_metrics(text, quantity, found.sentence, aliases):
        return None
    per_share = _PER_SHARE.match(text, quantity.end, end) is not None
    tag = _per_share_tag(extraction, index, end) if per_share else NET_INCOME
    metric = _company_tag(aliases, tag) if tag else None
    # A per-share tag's unit is USD/shares and the number's is USD: the words "per share" make them one.
    return None if metric is None else Alias(metric.metric, said.group().strip(), None if per_share else metric.unit)


#: The Korean net income word before its amount, with its particle and at most two words between ("3분기 순이익이
#: 32억9천만 달러로", "순이익은 전년 동기 대비 103% 증가한 32억9천만 달러"): no other figure may stand between.
_KO_NET_INCOME = re.compile(r"(?<![가-힣])(?:당기)?순이익(?:은|는|이|을|도)?\s+(?:[^\s\d]+\s+){0,2}$")
#: Korean words that make the amount another profit, a per-share figure or a forecast (영업이익 is operating
#: income, 주당순이익 earnings per share, 전망·예상·추정 what analysts expect).
_KO_OTHER = re.compile(r"영업|세전|조정|주당|전망|예상|추정|예측|컨센서스|목표")


def _korean_net_income(extraction: Extraction, index: int, aliases: Sequence[Alias]) -> Alias | None:
    """"순이익이 32억9천만 달러로": the company's ``NetIncomeLoss``, as "earned" is in English; none where the clause
    names another metric, another profit, a per-share figure or a forecast."""
    found = extraction.quantities[index]
    quantity, text = found.quantity, extraction.text
    start, end = clause(text, found.sentence, quantity.start, quantity.end)
    said = _KO_NET_INCOME.search(text, start, quantity.start)
    if said is None or _KO_OTHER.search(text, start, end) or nearest_metrics(text, quantity, found.sentence, aliases):
        return None
    metric = _company_tag(aliases, NET_INCOME)
    return None if metric is None else Alias(metric.metric, "순이익", metric.unit)


def _per_share_tag(extraction: Extraction, index: int, end: int) -> str | None:
    """The per-share tag the words after quantity ``index`` name, up to the next figure or ``end``:
    "per diluted share", "per share on a diluted basis". None where they name both or neither, or
    where the sentence states another figure per share ("$1.62 a share, or $1.44 per diluted share":
    which word is whose is a reading)."""
    found, text = extraction.quantities[index], extraction.text
    others = [other for other in extraction.quantities if other is not found and other.sentence == found.sentence
              and other.quantity.kind is not Kind.DATE]
    if any(_PER_SHARE.match(text, other.quantity.end, found.sentence[1]) for other in others):
        return None
    stop = min([end, *(other.quantity.start for other in others if other.quantity.start > found.quantity.end)])
    words = text[found.quantity.end:stop].casefold()
    kinds = [kind for kind in PER_SHARE if re.search(rf"\b{kind}\b", words)]
    return PER_SHARE[kinds[0]] if len(kinds) == 1 else None


def _company_tag(aliases: Sequence[Alias], tag: str) -> Alias | None:
    """The one company metric of us-gaap ``tag`` among ``aliases`` (cik….NetIncomeLoss); None for none or two."""
    found = {alias.metric: alias for alias in aliases if alias.metric.startswith("cik") and alias.metric.endswith(f".{tag}")}
    return next(iter(found.values())) if len(found) == 1 else None

"""Currency names several countries share: 크로네, krone, krona need the country that issues them.

"3.6억 크로네" is Danish or Norwegian money (the finance corpus also writes it for SEK), and
the three currencies differ by a third in value: a value written with the name alone cannot be
checked without a guess, so the claim file loader reports it, naming the words that would say it.
"""
from __future__ import annotations

import re

from checker.lazy_regex import compile_lazily
from checker.quantities.tables import COUNTRY_CURRENCY_WORDS, EN_CURRENCY_WORDS, KO_CURRENCY_WORDS

#: Every written name of a shared currency with its country (덴마크 크로네, Norwegian kroner).
_WITH_COUNTRY = tuple(word for word in (*KO_CURRENCY_WORDS, *EN_CURRENCY_WORDS)
                      if any(word.endswith(f" {shared}") for shared in COUNTRY_CURRENCY_WORDS))
SHARED_CURRENCY = compile_lazily(r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % "|".join(   # 크로네를: a particle may follow
    sorted(COUNTRY_CURRENCY_WORDS, key=len, reverse=True)), re.IGNORECASE)


def missing_country(text: str) -> str | None:
    """Why ``text`` names no currency, when it writes a shared one without its country; else None.

    >>> missing_country("3.6억 크로네 증가했다")
    "'크로네' is the currency of more than one country: write its country (덴마크 크로네, 노르웨이 크로네, 스웨덴 크로나; Danish kroner, Norwegian kroner, Swedish kronor)"
    >>> missing_country("250 덴마크 크로네") is None
    True
    """
    found = SHARED_CURRENCY.search(text)
    if found is None or any(named in text.lower() for named in _WITH_COUNTRY):
        return None
    return (f"'{found.group()}' is the currency of more than one country: write its country "
            "(덴마크 크로네, 노르웨이 크로네, 스웨덴 크로나; Danish kroner, Norwegian kroner, Swedish kronor)")

"""Which provider's download a reference text is, told from its head alone.

Every text reference file of a run is asked this, and most are claimcheck's own shapes.
The sniffs live apart from the readers, which load an HTTP client, JSON row positions
and period grammars, so a run pays for a provider's reader only when one of its files
is there. Each provider module takes its ``recognise`` from here; a new provider adds
its sniff and one line in ``RECOGNISERS``.
"""
from __future__ import annotations

import re
from typing import Callable

from checker.lazy_regex import compile_lazily

#: FRED: the first header cell of a graph download, in every style seen.
FRED_DATE_HEADERS = ("observation_date", "date")
#: FRED: a series id, capitals and digits (PAYEMS, A191RL1Q225SBEA).
FRED_SERIES_ID = compile_lazily(r"^[A-Z][A-Z0-9_]*$")
#: FRED: the header of ALFRED's long CSV (a row's ``realtime_start`` is its vintage).
FRED_LONG_HEADER = ("date", "series_id", "value", "realtime_start", "realtime_end")

_EDGAR_CIK = compile_lazily(r'"cik"\s*:')
_EDGAR_FACTS = compile_lazily(r'"facts"\s*:')
_ECOS_SEARCH = compile_lazily(r'"StatisticSearch"\s*:')
_ECOS_RESULT = compile_lazily(r'"RESULT"\s*:\s*\{[^{}]*"CODE"\s*:\s*"(?:INFO|ERROR)-\d+"')
_KOSIS_KEYS = ("TBL_ID", "ITM_ID", "PRD_DE", "DT")
_KOSIS_ERROR = compile_lazily(r'"err"\s*:.*"errMsg"\s*:', re.DOTALL)
_DART_STATUS = compile_lazily(r'"status"\s*:\s*"\d{3}"')
_DART_ROW_KEYS = ("rcept_no", "bsns_year", "account_id")


def is_fred(suffix: str, head: str) -> bool:
    """A FRED graph CSV (``observation_date,SERIES_ID``), an ALFRED vintage CSV, or an observations JSON."""
    if suffix == ".json":
        return '"observations"' in head and '"realtime_start"' in head
    if suffix != ".csv":
        return False
    header = [cell.strip().strip('"') for cell in head.lstrip("\ufeff").split("\n", 1)[0].strip().split(",")]
    if [name.lower() for name in header[:5]] == list(FRED_LONG_HEADER):
        return True
    return len(header) >= 2 and header[0].lower() in FRED_DATE_HEADERS and bool(FRED_SERIES_ID.match(header[1]))


def is_edgar(suffix: str, head: str) -> bool:
    """A JSON object with ``cik`` and ``facts`` keys."""
    return head.lstrip().startswith("{") and bool(_EDGAR_CIK.search(head)) and bool(_EDGAR_FACTS.search(head))


def is_ecos(suffix: str, head: str) -> bool:
    """A ``StatisticSearch`` answer, or an ECOS ``RESULT`` error saved in its place."""
    return bool(_ECOS_SEARCH.search(head) or _ECOS_RESULT.search(head))


def is_kosis(suffix: str, head: str) -> bool:
    """A JSON list of rows with TBL_ID, ITM_ID, PRD_DE and DT, or a KOSIS ``err`` answer."""
    text = head.lstrip()
    if text.startswith("["):
        return all(f'"{key}"' in head for key in _KOSIS_KEYS)
    return text.startswith("{") and bool(_KOSIS_ERROR.search(head))


def is_dart(suffix: str, head: str) -> bool:
    """An OpenDART answer: a three-digit ``status`` with financial rows, or with an error message."""
    if not head.lstrip().startswith("{") or not _DART_STATUS.search(head):
        return False
    return all(f'"{key}"' in head for key in _DART_ROW_KEYS) or ('"list"' not in head and '"message"' in head)


#: Tried in this order; each name is the provider's reader module in this package.
RECOGNISERS: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("fred", is_fred), ("edgar", is_edgar), ("ecos", is_ecos), ("kosis", is_kosis), ("dart", is_dart),
)

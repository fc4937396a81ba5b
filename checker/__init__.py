"""claimcheck: check the numbers in news articles against sourced data and their own arithmetic.

The library behind the ``claimcheck`` command. The flow, one package each:
``quantities`` (what a number in text means) and ``periods`` → ``claimfile`` (claims
and the article they quote) and ``reference`` (sourced data) → ``evaluation``
(relations, verdicts) → ``reports``. The CLI sits on top and nothing imports it.

The names below are loaded on first use (PEP 562): importing any submodule runs this
file, and ``claimcheck extract`` should not pay for the engine, the reference readers
and their HTTP client before it reads a word.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.errors import InputError, Location
    from checker.evaluation.engine import check
    from checker.evaluation.results import Report, Result
    from checker.extraction import Extraction, extract
    from checker.quantities import match_quantity, parse_quantity
    from checker.quantities.model import Kind, Qualifier, Quantity

#: Each public name and the module that defines it.
_HOMES: dict[str, str] = {
    "InputError": "checker.errors", "Location": "checker.errors",
    "check": "checker.evaluation.engine",
    "Report": "checker.evaluation.results", "Result": "checker.evaluation.results",
    "Extraction": "checker.extraction", "extract": "checker.extraction",
    "match_quantity": "checker.quantities", "parse_quantity": "checker.quantities",
    "Kind": "checker.quantities.model", "Qualifier": "checker.quantities.model",
    "Quantity": "checker.quantities.model",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})

"""claimcheck: check the numbers in news articles against sourced data and their own arithmetic.

The library behind the ``claimcheck`` command. The flow, one package each:
``quantities`` (what a number in text means) and ``periods`` → ``claimfile`` (claims
and the article they quote) and ``reference`` (sourced data) → ``evaluation``
(relations, verdicts) → ``reports``. The CLI sits on top and nothing imports it.
"""
from checker.errors import InputError, Location
from checker.evaluation.engine import check
from checker.evaluation.results import Report, Result
from checker.extraction import Extraction, extract
from checker.quantities import match_quantity, parse_quantity
from checker.quantities.model import Kind, Qualifier, Quantity

__all__ = [
    "Extraction", "InputError", "Kind", "Location", "Qualifier", "Quantity", "Report", "Result",
    "check", "extract", "match_quantity", "parse_quantity",
]

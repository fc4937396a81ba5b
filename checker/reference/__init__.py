"""Reference data: sourced observations, events and aliases, and lookups over them.

Layout: ``model`` (what data is), ``cells`` (written cells to observations),
``files`` (safe text reading), ``csv_text``/``csv_long``/``csv_timeseries``/
``yaml_json`` (the three file shapes), ``shapes`` (which loader reads a file),
``aggregate`` (last/first/min/max/mean/sum/any), ``store`` (ReferenceData, lookups).
"""
from typing import TYPE_CHECKING, Any

from checker.reference.model import Candidate, Event, Lookup, LookupFailure, NoData, Observation

if TYPE_CHECKING:
    from checker.reference.store import ReferenceData, clear_cache


def __getattr__(name: str) -> Any:
    """``ReferenceData`` and ``clear_cache`` load the readers on first use (PEP 562), not with the package."""
    if name not in ("ReferenceData", "clear_cache"):
        raise AttributeError(f"module 'checker.reference' has no attribute {name!r}")
    from checker.reference import store
    return getattr(store, name)

__all__ = ["Candidate", "Event", "Lookup", "LookupFailure", "NoData", "Observation", "ReferenceData", "clear_cache"]

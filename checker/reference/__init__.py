"""Reference data: sourced observations, events and aliases, and lookups over them.

Layout: ``model`` (what data is), ``cells`` (written cells to observations),
``files`` (safe text reading), ``csv_text``/``csv_long``/``csv_timeseries``/
``yaml_json`` (the three file shapes), ``shapes`` (which loader reads a file),
``aggregate`` (last/first/min/max/mean/sum/any), ``store`` (ReferenceData, lookups).
"""
from checker.reference.model import Candidate, Event, Lookup, LookupFailure, NoData, Observation
from checker.reference.store import ReferenceData, clear_cache

__all__ = ["Candidate", "Event", "Lookup", "LookupFailure", "NoData", "Observation", "ReferenceData", "clear_cache"]

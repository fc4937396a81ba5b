"""A ``reference:`` item: the file to read and what the claim file says the file lacks.

Official downloads do not say everything a check needs: a FRED CSV has no unit, an
EDGAR file names its company by CIK, and no graph CSV says whether its first row is
the series' first. The claim file supplies (or overrides) those facts next to the path,
so the download itself is read as published, never edited.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Keys a mapping entry may give besides ``file``, in the order the docs list them.
ENTRY_KEYS = ("entity", "metric", "title", "unit", "source", "vintage", "precision", "frequency", "since", "complete")

#: Keys written as true or false (kept as the strings "true" and "false", like every override).
FLAGS = ("complete",)


@dataclass(frozen=True)
class Entry:
    """One reference file and the overrides written next to it (empty string: not given)."""

    file: Path
    entity: str = ""
    metric: str = ""
    #: The series' name for reports, for a file that gives none (a FRED graph CSV).
    title: str = ""
    unit: str = ""
    source: str = ""
    vintage: str = ""
    precision: str = ""
    frequency: str = ""
    since: str = ""
    complete: str = ""

    @property
    def overrides(self) -> tuple[tuple[str, str], ...]:
        """The keys given, as a hashable key for caches."""
        return tuple((key, getattr(self, key)) for key in ENTRY_KEYS if getattr(self, key))

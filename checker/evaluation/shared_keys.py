"""The metrics a whole ``check`` run asks of each Parquet or DuckDB reference file.

A long Parquet file costs a scan per query (0.4 s for 5M rows), so a desk's hundred
claim files naming it, each querying its own metrics, would scan it a hundred times.
Instead the first claim file that meets such a file reads the metric keys of every
claim file of the run (once per process), and the file is queried once for all of
them; each claim file still takes only its own rows, so its verdicts are unchanged.
A run whose reference files are all text never reads its claim files twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.claimfile import load_claim_file
from checker.reference import columnar

#: The keys of the latest run, by its claim files and size limit (a long-lived worker keeps one run's).
_KEYS: dict[tuple[tuple[Path, ...], int], dict[Path, frozenset[str]]] = {}


@dataclass(frozen=True)
class RunKeys:
    """The run's claim files, asked for their keys only when a database file needs them."""

    files: tuple[Path, ...]
    max_bytes: int

    def __call__(self, reference: Path) -> frozenset[str]:
        """The metrics the run's claim files ask of ``reference`` (a resolved path)."""
        run = (self.files, self.max_bytes)
        if run not in _KEYS:
            _KEYS.clear()
            _KEYS[run] = _collect(self.files, self.max_bytes)
        return _KEYS[run].get(reference, frozenset())


def _collect(files: tuple[Path, ...], max_bytes: int) -> dict[Path, frozenset[str]]:
    """Per Parquet or DuckDB file (resolved), the metrics of every claim file naming it."""
    asked: dict[Path, set[str]] = {}
    for path in files:
        try:
            claim_file, _ = load_claim_file(path, max_bytes=max_bytes)
        except Exception:  # the file's own check reports what is wrong with it
            continue
        if claim_file is None:
            continue
        for entry in claim_file.references:
            if entry.file.suffix.lower() not in columnar.EXTENSIONS:
                continue
            try:
                resolved = entry.file.resolve()
            except (OSError, RuntimeError):
                continue
            asked.setdefault(resolved, set()).update(claim_file.metrics())
    return {reference: frozenset(names) for reference, names in asked.items()}

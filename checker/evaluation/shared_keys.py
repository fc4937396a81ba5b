"""The metrics a whole ``check`` run asks of each Parquet or DuckDB reference file.

A long Parquet file costs a scan per query (0.4 s for 5M rows), so a desk's hundred
claim files naming it, each querying its own metrics, would scan it a hundred times.
Instead the first claim file that meets such a file gathers the metric keys of every
claim file of the run (once per process), and the file is queried once for all of
them; each claim file still takes only its own rows, so its verdicts are unchanged.

Each claim file is read once per run: the files checked before the keys are gathered
leave their keys behind, and in a serial run the files read to gather them are kept
until their own check takes them (a process of a parallel run checks only some of
them, so it keeps none). A run whose reference files are all text gathers nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.claimfile import ClaimFile, load_claim_file
from checker.errors import InputError
from checker.reference import columnar

Loaded = tuple[ClaimFile | None, list[InputError]]
#: Per Parquet or DuckDB file (resolved), the metrics asked of it.
Asked = dict[Path, frozenset[str]]


@dataclass
class _Run:
    """What this process knows of one run: each claim file's asks, the keys once gathered, files read ahead."""

    asked: dict[Path, Asked] = field(default_factory=dict)
    keys: Asked | None = None
    ahead: dict[Path, Loaded] = field(default_factory=dict)


#: The latest run, by its claim files and size limit (a long-lived worker keeps one run's).
_RUNS: dict[tuple[tuple[Path, ...], int], _Run] = {}


@dataclass(frozen=True)
class RunKeys:
    """The run's claim files, asked for their keys only when a database file needs them.

    ``ahead``: keep the files read to gather the keys for their own check (a serial run).
    """

    files: tuple[Path, ...]
    max_bytes: int
    ahead: bool = True

    def __call__(self, reference: Path) -> frozenset[str]:
        """The metrics the run's claim files ask of ``reference`` (a resolved path)."""
        run = self._run()
        if run.keys is None:
            run.keys = self._gather(run)
        return run.keys.get(reference, frozenset())

    def load(self, path: Path) -> Loaded:
        """Claim file ``path`` for its check: the copy read to gather the keys, else read now."""
        run = self._run()
        loaded = run.ahead.pop(path, None) or load_claim_file(path, max_bytes=self.max_bytes)
        if run.keys is None:
            run.asked[path] = _asked(loaded[0])
        return loaded

    def _run(self) -> _Run:
        key = (self.files, self.max_bytes)
        if key not in _RUNS:
            _RUNS.clear()
            _RUNS[key] = _Run()
        return _RUNS[key]

    def _gather(self, run: _Run) -> Asked:
        """Per Parquet or DuckDB file, the metrics of every claim file naming it; each file read at most once."""
        gathered: dict[Path, set[str]] = {}
        for path in self.files:
            asked = run.asked.get(path)
            if asked is None:
                try:
                    loaded = load_claim_file(path, max_bytes=self.max_bytes)
                except Exception:  # the file's own check reports what is wrong with it
                    continue
                asked = _asked(loaded[0])
                if self.ahead:
                    run.ahead[path] = loaded
            for reference, metrics in asked.items():
                gathered.setdefault(reference, set()).update(metrics)
        run.asked.clear()
        return {reference: frozenset(names) for reference, names in gathered.items()}


def _asked(claim_file: ClaimFile | None) -> Asked:
    """The metrics ``claim_file`` asks of each Parquet or DuckDB file it names."""
    if claim_file is None:
        return {}
    asked: Asked = {}
    for entry in claim_file.references:
        if entry.file.suffix.lower() not in columnar.EXTENSIONS:
            continue
        try:
            asked[entry.file.resolve()] = claim_file.metrics()
        except (OSError, RuntimeError):
            continue
    return asked

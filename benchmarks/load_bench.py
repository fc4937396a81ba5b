"""Benchmark reading ``check``'s inputs, and its cold start, against their floors.

Each figure is measured in a fresh subprocess (so its peak memory is its own), after
one warm-up run, as the median of ``--repeat`` runs; times exclude importing modules
and memory is the peak minus the baseline after imports. ``--against REV [REV ...]``
measures the same inputs with older commits too (each in a temporary git worktree),
side by side in one run: the machine is shared and noisy, so compare ratios, not times.

* ``reference``: a long CSV of N rows read by ``checker.reference.shapes.load_file``,
  next to the floor, the standard ``csv`` module reading the same file.
* ``claims``: a claim file of N claims read by ``checker.claimfile.load``, next to
  the floor, ``yaml.load`` with libyaml's ``CSafeLoader`` (positions thrown away).
* ``coldstart``: ``python -m checker check claims/`` (the repository's worked example)
  as a whole command, next to ``python -c pass``; and the modules it imports
  (``-X importtime``). The trees and the floor take turns within each round, since the
  ratio moves more with the load between two blocks of runs than with a change.

    python benchmarks/load_bench.py [--sections reference claims coldstart] [--sizes 20000 200000]
        [--repeat 3] [--against REV [REV ...]] [--short]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from check_bench import write_repository

ROOT = Path(__file__).resolve().parents[1]

MEASURE = r"""
import csv, json, resource, sys, time
from pathlib import Path
import yaml
from checker.claimfile.load import load_claim_file
from checker.reference.shapes import load_file
mode, path = sys.argv[1], Path(sys.argv[2])
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if mode == "reference":
    data = load_file(path, str(path), max_bytes=1 << 34)
    count = len(data.observations) + len(data.errors)
elif mode == "reference-floor":
    with path.open(encoding="utf-8", newline="") as stream:
        count = sum(1 for _ in csv.reader(stream)) - 1
elif mode == "claims":
    claim_file, problems = load_claim_file(path, max_bytes=1 << 34)
    count = len(claim_file.claims) if claim_file else -len(problems)
else:
    with path.open(encoding="utf-8") as stream:
        count = len(yaml.load(stream, Loader=yaml.CSafeLoader)["claims"])
seconds = time.perf_counter() - start
extra = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - baseline) / 1024
print(json.dumps({"seconds": seconds, "count": count, "extra_mb": extra}))
"""


def commit_of(tree: Path) -> str:
    return subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()


@contextmanager
def checkouts(against: list[str]) -> Iterator[list[tuple[str, Path]]]:
    """This tree, and each commit of ``against`` in a temporary worktree (all removed after)."""
    trees = [(f"this tree {commit_of(ROOT)}", ROOT)]
    with tempfile.TemporaryDirectory() as folder:
        try:
            for number, revision in enumerate(against):
                old = Path(folder) / f"old-{number}"
                subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(old), revision],
                               check=True)
                trees.append((f"{revision} {commit_of(old)}", old))
            yield trees
        finally:
            for _, old in trees[1:]:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=True)


#: Compiled bytecode for the measured runs, as an installed package has it (pip compiles at
#: install): kept outside the trees, written by the warm-up even where the environment
#: says PYTHONDONTWRITEBYTECODE.
BYTECODE = tempfile.mkdtemp(prefix="load_bench-pycache-")


def environment(tree: Path) -> dict[str, str]:
    """This environment with ``tree``'s claimcheck first on the path and bytecode cached."""
    variables = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**variables, "PYTHONPATH": str(tree), "PYTHONPYCACHEPREFIX": BYTECODE}


def measure(tree: Path, mode: str, path: Path, repeat: int) -> dict:
    """Median seconds and peak memory of ``repeat`` runs after one warm-up, with ``tree``'s claimcheck."""
    runs = []
    for _ in range(repeat + 1):
        output = subprocess.run([sys.executable, "-c", MEASURE, mode, str(path)], check=True, capture_output=True,
                                text=True, env=environment(tree), cwd=tree)
        runs.append(json.loads(output.stdout.splitlines()[-1]))
    runs = runs[1:]
    return {"seconds": statistics.median(run["seconds"] for run in runs), "count": runs[0]["count"],
            "extra_mb": max(run["extra_mb"] for run in runs)}


def inputs(trees: list[tuple[str, Path]], sizes: list[int], repeat: int, section: str) -> None:
    what = {"reference": ("long CSV rows", "reference.csv", "csv.reader"),
            "claims": ("claims", "claims.yaml", "CSafeLoader")}[section]
    print(f"\n{section}: {what[0]} read by claimcheck next to the floor ({what[2]}); "
          f"median of {repeat} after a warm-up; MB = peak minus the baseline after imports")
    print(f"{'read':>8} {'commit':<22} {'s':>8} {'floor s':>8} {'x floor':>8} {'MB':>7} {'floor MB':>9}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / what[1]
            write_repository(Path(folder), size)
            floor = measure(ROOT, f"{section}-floor", path, repeat)
            for label, tree in trees:
                run = measure(tree, section, path, repeat)
                print(f"{run['count']:>8} {label:<22} {run['seconds']:>8.3f} {floor['seconds']:>8.3f} "
                      f"{run['seconds'] / floor['seconds']:>7.1f}x {run['extra_mb']:>7.0f} {floor['extra_mb']:>9.0f}",
                      flush=True)


def cold_start(trees: list[tuple[str, Path]], repeat: int) -> None:
    print(f"\ncoldstart: 'python -m checker check claims/' as a whole command next to 'python -c pass' "
          f"(median of {repeat} rounds after a warm-up; each round runs every tree and then the floor in turn, so "
          "a change in the machine's load lands on all of them; cpu = the child's user + system time, steadier "
          "than wall time on a loaded machine; x pass = the median of each round's ratio)")
    print(f"{'commit':<22} {'cpu ms':>7} {'pass':>6} {'x pass':>7} {'wall ms':>8} {'pass':>6} {'x pass':>7} "
          f"{'modules':>8}")
    command = [sys.executable, "-m", "checker", "check", "claims/"]
    rounds: dict[str, list[tuple[float, float, float, float]]] = {label: [] for label, _ in trees}
    for number in range(repeat + 1):
        for label, tree in trees:
            cpu, wall = timed_run(command, tree)
            floor_cpu, floor_wall = timed_run([sys.executable, "-c", "pass"], tree)
            if number:  # the first round is the warm-up (bytecode written, files cached)
                rounds[label].append((cpu, wall, floor_cpu, floor_wall))
    for label, tree in trees:
        imported = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], cwd=tree, capture_output=True,
                                  text=True, env=environment(tree))
        modules = sum(1 for line in imported.stderr.splitlines() if line.startswith("import time:")) - 1
        runs = rounds[label]
        cpu, wall, floor_cpu, floor_wall = (statistics.median(run[field] for run in runs) for field in range(4))
        cpu_ratio = statistics.median(run[0] / run[2] for run in runs)
        wall_ratio = statistics.median(run[1] / run[3] for run in runs)
        print(f"{label:<22} {cpu * 1000:>7.0f} {floor_cpu * 1000:>6.0f} {cpu_ratio:>6.1f}x "
              f"{wall * 1000:>8.0f} {floor_wall * 1000:>6.0f} {wall_ratio:>6.1f}x {modules:>8}", flush=True)


def timed_run(command: list[str], tree: Path) -> tuple[float, float]:
    """The cpu and wall seconds of one run of ``command`` in ``tree``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=tree, capture_output=True, env=environment(tree))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", nargs="+", default=["reference", "claims", "coldstart"],
                        choices=["reference", "claims", "coldstart"])
    parser.add_argument("--sizes", nargs="+", type=int, default=[2000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", nargs="+", default=[], metavar="REV",
                        help="older commits measured beside HEAD (each in a temporary worktree)")
    parser.add_argument("--short", action="store_true", help="CI: one small size, one repetition")
    options = parser.parse_args()
    sizes, repeat = ([200], 1) if options.short else (options.sizes, options.repeat)
    print(f"load_bench at {commit_of(ROOT)}, Python {sys.version.split()[0]}")
    try:
        with checkouts(options.against) as trees:
            for section in options.sections:
                if section == "coldstart":
                    cold_start(trees, repeat)
                else:
                    inputs(trees, sizes, repeat, section)
    finally:
        shutil.rmtree(BYTECODE, ignore_errors=True)


if __name__ == "__main__":
    main()

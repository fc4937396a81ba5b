"""Benchmark ``claimcheck scan`` on an archive: articles per hour per worker core, and scaling.

Writes an archive of ``--articles`` articles (default 2,000), each ``--sentences`` (25)
consecutive sentences of ``../shared/peer-corpora/finance_sentiment_corpus/finance_data.csv``,
English and Korean articles alternating, to a temporary folder. Then runs the whole
command, ``python -m checker scan ARCHIVE -o OUT.parquet``, side by side in one run:

* one process (no runner);
* ``--workers 2`` (local processes, started by the command);
* ``--scheduler`` on a local Dask cluster started here (a scheduler and 1, then 2 worker
  processes of one thread each, as ``dask worker --nthreads 1`` gives), each worker warmed
  first (claimcheck imported, both grammars compiled), as on a cluster that stays up.

Every side is the best of ``--repeat`` runs (wall time of the command), on the archive
and on an archive of one article: the latter is the side's fixed cost (the command's
start, reaching the cluster, writing the table), and articles per hour are counted past
it, as a million-article archive would see them. Reported per side: seconds, articles
per hour, articles per hour per worker, and the workers' CPU seconds (their ``getrusage``:
the command and its children for one process and local processes, each Dask worker's own
for a cluster) with articles per CPU-hour, the figure a loaded machine disturbs least.
The serial part is shown on its own: the command's own CPU seconds (its ``getrusage``,
children excluded) and the articles per hour that CPU would allow if it were the only
limit (one command receives every row), and, on a cluster, the scheduler's CPU seconds
(it runs in this process, as ``LocalCluster`` starts it). Scaling: the throughput of 2 workers over twice that
of 1 worker, and what the second worker adds, as a share of one worker's throughput. The machine's cores and load are printed: on a machine whose cores are
busy with other work, wall times and scaling say little, CPU-hours still hold.

``--short`` (CI): 200 articles, 1 run per side: it keeps the benchmark working, its
figures are not the ones to quote.

    python benchmarks/scan_bench.py [--articles 2000] [--sentences 25] [--repeat 3] [--short]
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "peer-corpora" / "finance_sentiment_corpus" / "finance_data.csv"
SHORT_ARTICLES = 200
COMMAND = ("import resource, sys\n"
           "from checker.cli import main\n"
           "code = main(sys.argv[1:])\n"
           "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
           "print(f'command cpu {usage.ru_utime + usage.ru_stime}', file=sys.stderr)\n"
           "sys.exit(code)\n")
"""``claimcheck`` as ``python -m checker`` runs it, then its own CPU seconds as the last line of stderr."""


class Measure(NamedTuple):
    """One side's seconds: wall; the workers' CPU; the command's own CPU; the scheduler's CPU (0 without one)."""

    wall: float
    cpu: float
    command: float
    scheduler: float


def write_archive(folder: Path, articles: int, sentences: int) -> None:
    """``articles`` files of ``sentences`` consecutive corpus sentences, English and Korean alternating."""
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for number in range(articles):
        column = "sentence" if number % 2 == 0 else "kor_sentence"
        first = (number // 2 * sentences) % (len(rows) - sentences)
        text = "\n".join(row[column] for row in rows[first:first + sentences]) + "\n"
        (folder / f"{number:07d}.txt").write_text(text, encoding="utf-8")


def environment() -> dict[str, str]:
    """This environment with this tree's claimcheck first on the path (for the command and the workers)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


def scan(archive: Path, output: Path, *options: str) -> Measure:
    """One ``claimcheck scan``: wall seconds, CPU seconds of it and the processes it started, its own
    CPU seconds, and this process's (the scheduler's, when a ``LocalCluster`` runs here)."""
    before, here = resource.getrusage(resource.RUSAGE_CHILDREN), _cpu(resource.RUSAGE_SELF)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", COMMAND, "scan", str(archive), "-o", str(output), *options],
                          capture_output=True, text=True, env=environment(), cwd=ROOT)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"scan failed ({done.returncode}): {done.stderr.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = float(done.stderr.splitlines()[-1].removeprefix("command cpu "))
    return Measure(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, command,
                   _cpu(resource.RUSAGE_SELF) - here)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _warm() -> None:
    """Run in each Dask worker: import claimcheck and compile both grammars, as a worker that stays up has."""
    from checker import extract
    extract("메타는 2022년 3분기 44억 달러의 순이익을 기록했다.", "ko")
    extract("Operating profit rose to EUR 13.1 mn from EUR 8.7 mn a year earlier.", "en")


def _worker_cpu() -> float:
    """Run in each Dask worker: its CPU seconds so far."""
    return _cpu(resource.RUSAGE_SELF)


@contextmanager
def cluster(workers: int) -> Iterator[Any]:
    """A client of a local Dask cluster of ``workers`` single-threaded worker processes, warmed."""
    import logging

    from distributed import Client, LocalCluster
    for name in ("distributed", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(logging.ERROR)
    os.environ["PYTHONPATH"] = environment()["PYTHONPATH"]   # the workers import this tree's claimcheck
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local, Client(local) as client:
        client.run(_warm)
        yield client


def best_run(archive: Path, repeat: int, options: tuple[str, ...], client: Any) -> Measure:
    """The best of each figure over ``repeat`` scans of ``archive`` (CPU: the workers' own on a cluster)."""
    runs = []
    for _ in range(repeat):
        before = sum(client.run(_worker_cpu).values()) if client else 0.0
        measure = scan(archive, archive.parent / "out.parquet", *options)
        if client:
            measure = measure._replace(cpu=sum(client.run(_worker_cpu).values()) - before)
        else:
            measure = measure._replace(scheduler=0.0)
        runs.append(measure)
    return Measure(*map(min, zip(*runs)))


def side(name: str, archives: tuple[Path, Path], articles: int, workers: int, repeat: int, *options: str,
         client: Any = None) -> Measure:
    """Measure one side on the archive and on the one-article archive, print its line, return its
    seconds per article past the fixed cost.

    The one-article scan is the run's fixed cost (the command's start, connecting to the
    cluster, writing the table); the archive's articles per hour are counted past it, as
    an archive of a million articles, where the fixed cost vanishes, would see them.
    """
    fixed = best_run(archives[1], repeat, options, client)
    run = best_run(archives[0], repeat, options, client)
    per = Measure(*((spent - cost) / (articles - 1) for spent, cost in zip(run, fixed)))
    print(f"{name:34} {run.wall:7.2f} {fixed.wall:6.2f} {_hourly(per.wall):>11} {_hourly(per.wall * workers):>11} "
          f"{run.cpu:7.2f} {_hourly(per.cpu):>11} {run.command:7.2f} {_hourly(per.command):>12} "
          f"{run.scheduler:7.2f}", flush=True)
    return per


def _hourly(seconds: float) -> str:
    """Articles per hour at ``seconds`` per article; "noise" where the cost past the fixed one is lost in it."""
    return f"{3600 / seconds:,.0f}" if seconds > 0 else "noise"


def serial_part(per: Measure, cores: int) -> str:
    """What the CPU per article on two Dask workers allows, however busy the machine is.

    Wall times on a shared machine say little; CPU per article holds. The workers' CPU is
    the work, the command's and the scheduler's the part no worker can take: with the
    four processes sharing ``cores`` cores, two workers' throughput is at most ``cores``
    over the CPU per article, so the second worker can add at most that over one worker's
    ``1 / work``, less one. With a core per worker and one for the command and scheduler,
    one command keeps ``work / (command + scheduler)`` workers busy.
    """
    work, serial = per.cpu, max(per.command, 0) + max(per.scheduler, 0)
    if work <= 0 or serial <= 0:
        return "CPU per article: lost in the noise of the fixed cost (more articles, or --repeat, to see it)"
    shared = min(cores, 2) * work / (work + serial) - 1
    return (f"CPU per article, Dask with 2 workers: workers {work * 1000:.2f} ms, command {per.command * 1000:.3f} ms, "
            f"scheduler {per.scheduler * 1000:.3f} ms.\nSharing {cores} cores with the command and the scheduler, "
            f"the second worker can add at most {shared:.2f} of a worker's throughput; with a core per worker and "
            f"one for the command and scheduler, one command keeps {work / serial:.0f} workers busy")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--articles", type=int, default=2000)
    options.add_argument("--sentences", type=int, default=25)
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--short", action="store_true", help=f"CI: {SHORT_ARTICLES} articles, 1 run per side")
    arguments = options.parse_args()
    from checker import version
    print(version.line())
    if not CORPUS.is_file():
        print(f"skipped: finance corpus not found at {CORPUS}")
        return 0
    try:
        import distributed  # noqa: F401
        import duckdb  # noqa: F401
    except ImportError as missing:
        print(f"skipped: scan_bench needs claimcheck[dask,parquet] ({missing.name} is missing)")
        return 0
    articles, repeat = (SHORT_ARTICLES, 1) if arguments.short else (arguments.articles, arguments.repeat)
    print(f"{articles:,} articles of {arguments.sentences} finance sentences (English and Korean alternating); "
          f"best of {repeat}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print("wall s: the whole command; fixed s: the same command on one article; articles/h: past the fixed cost; "
          "cpu s: the workers'; /cpu-hour: articles per CPU-hour past the fixed cost; cmd s: the command's own CPU; "
          "cmd limit/h: articles per hour of the command's own CPU (the most one command can take in); "
          "sched s: the scheduler's CPU")
    print(f"{'side':34} {'wall s':>7} {'fixed':>6} {'articles/h':>11} {'/h/worker':>11} {'cpu s':>7} "
          f"{'/cpu-hour':>11} {'cmd s':>7} {'cmd limit/h':>12} {'sched s':>7}")
    with tempfile.TemporaryDirectory(prefix="scan_bench-") as folder:
        archives = (Path(folder) / "archive", Path(folder) / "one")
        for archive, count in zip(archives, (articles, 1)):
            archive.mkdir()
            write_archive(archive, count, arguments.sentences)
        side("one process", archives, articles, 1, repeat)
        side("--workers 2 (local processes)", archives, articles, 2, repeat, "--workers", "2")
        per = {}
        for workers in (1, 2):
            with cluster(workers) as client:
                per[workers] = side(f"Dask: scheduler + {workers} worker{'s' * (workers > 1)}", archives, articles,
                                    workers, repeat, "--scheduler", client.scheduler.address, client=client)
    hourly = {workers: 3600 / measure.wall for workers, measure in per.items()}
    print(f"Dask from 1 to 2 workers: throughput x{hourly[2] / hourly[1]:.2f}, {hourly[2] / hourly[1] / 2:.2f} of twice "
          f"one worker's; the added worker adds {hourly[2] / hourly[1] - 1:.2f} of a worker's throughput "
          "(target >= 0.9)")
    print(serial_part(per[2], os.cpu_count() or 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark ``claimcheck scan`` on an archive: articles per hour per worker core, and scaling.

Writes an archive of ``--articles`` articles (default 2,000), each ``--sentences`` (25)
consecutive sentences of ``../shared/peer-corpora/finance_sentiment_corpus/finance_data.csv``,
English and Korean articles alternating, to a temporary folder. Then runs the whole
command, ``python -m checker scan ARCHIVE -o OUT.parquet``, side by side in one run:

* one process (no runner);
* ``--workers 2`` (local processes, started by the command);
* ``--scheduler`` on a local Dask cluster started here as a desk starts one: a ``dask
  scheduler`` process and 1, then 2 ``dask worker --nthreads 1 --no-nanny`` processes, each
  warmed first (claimcheck imported, both grammars compiled), as on a cluster that stays up.

With ``--against REV``, commit REV's ``checker`` (exported to a temporary folder, with
clusters of its own) runs every side too, the two trees taking turns run by run, so the
machine's load falls on both alike: the ratios between them are the figures to compare.

Every side is the best of each figure over ``--repeat`` runs (wall time of the command), on the
archive and on an archive of one article: the latter is the side's fixed cost (the command's
start, reaching the cluster, writing the table), and articles per hour are counted past it,
as a million-article archive would see them. Reported per side: seconds, articles per hour,
articles per hour per worker, and the workers' CPU seconds (the command and its children for
one process and local processes, each Dask worker's own for a cluster) with articles per
CPU-hour, the figure a loaded machine disturbs least. On a cluster, each worker's busy share:
the part of the run it was running or ready to run (its threads' CPU and run-queue wait, from
``/proc/PID/task/*/schedstat``); the rest (idle s, in seconds) it sat idle, waiting for work,
which is the runner's to remove (a last batch on one worker while the others wait, each
batch's round trip), while run-queue wait is the machine's other work. The serial part is
shown on its own: the command's own CPU seconds and the articles per hour that CPU would allow
if it were the only limit, and the scheduler process's CPU seconds.

Scaling from 1 to 2 Dask workers, two ways: by wall time (what this machine gave, its load
included), and core-normalised: the wall time per article less the workers' mean run-queue
wait per article, an estimate of the run with a core per worker. What the added worker adds is
that throughput ratio less one, as a share of one worker's (target >= 0.9). The machine's
cores and load are printed: on a machine whose cores are busy with other work, wall times say
little; CPU-hours and the core-normalised scaling still hold.

``--short`` (CI): 200 articles, 1 run per side: it keeps the benchmark working, its
figures are not the ones to quote.

    python benchmarks/scan_bench.py [--articles 2000] [--sentences 25] [--repeat 3] [--against REV] [--short]
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
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, Iterator, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from extract_bench import exported  # noqa: E402  (this folder is on the path as the script's own)

CORPUS = ROOT.parent / "shared" / "peer-corpora" / "finance_sentiment_corpus" / "finance_data.csv"
SHORT_ARTICLES = 200
COMMAND = ("import resource, sys\n"
           "from checker.cli import main\n"
           "code = main(sys.argv[1:])\n"
           "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
           "print(f'command cpu {usage.ru_utime + usage.ru_stime}', file=sys.stderr)\n"
           "sys.exit(code)\n")
"""``claimcheck`` as ``python -m checker`` runs it, then its own CPU seconds as the last line of stderr."""
START_SECONDS = 120
"""How long a cluster may take to start (a scheduler, its workers connected and warmed) on a loaded machine."""


class Measure(NamedTuple):
    """One side's seconds: wall; the workers' CPU; the command's own CPU; the scheduler's CPU (0 without
    one); the workers' mean run-queue wait and idle seconds, and their mean busy share of the wall time
    (0 without a cluster)."""

    wall: float
    cpu: float
    command: float
    scheduler: float
    wait: float = 0.0
    idle: float = 0.0
    busy: float = 0.0


class Tree(NamedTuple):
    """A claimcheck to measure: its name in the table, and the folder holding its ``checker``."""

    name: str
    path: Path


class Cluster(NamedTuple):
    """A running local Dask cluster: its address, and the processes whose CPU is measured."""

    address: str
    scheduler: int
    workers: list[int]


def write_archive(folder: Path, articles: int, sentences: int) -> None:
    """``articles`` files of ``sentences`` consecutive corpus sentences, English and Korean alternating."""
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for number in range(articles):
        column = "sentence" if number % 2 == 0 else "kor_sentence"
        first = (number // 2 * sentences) % (len(rows) - sentences)
        text = "\n".join(row[column] for row in rows[first:first + sentences]) + "\n"
        (folder / f"{number:07d}.txt").write_text(text, encoding="utf-8")


def environment(tree: Path) -> dict[str, str]:
    """This environment with ``tree``'s claimcheck first on the path (for the command and the workers)."""
    path = os.pathsep.join([str(tree), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return {**os.environ, "PYTHONPATH": path}


def scan(tree: Path, archive: Path, *options: str, cluster: Cluster | None = None) -> Measure:
    """One ``claimcheck scan`` of ``tree``: wall seconds, CPU seconds of the workers (of the command
    and the processes it started, without a cluster), its own CPU seconds, and the cluster's."""
    before, started = _cluster_times(cluster), time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    output = str(archive.parent / "out.parquet")
    done = subprocess.run([sys.executable, "-c", COMMAND, "scan", str(archive), "-o", output, *options],
                          capture_output=True, text=True, env=environment(tree), cwd=ROOT)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"scan failed ({done.returncode}): {done.stderr.strip()}")
    command = float(done.stderr.splitlines()[-1].removeprefix("command cpu "))
    if cluster is None:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return Measure(wall, after.ru_utime - children.ru_utime + after.ru_stime - children.ru_stime, command, 0.0)
    after, workers = _cluster_times(cluster), len(cluster.workers)
    cpu = sum(after.cpu[pid] - before.cpu[pid] for pid in cluster.workers)
    wait = sum(_working_wait(before.threads[pid], after.threads[pid]) for pid in cluster.workers)
    busy = (cpu + wait) / workers
    return Measure(wall, cpu, command, after.scheduler - before.scheduler, wait / workers, wall - busy, busy / wall)


class Times(NamedTuple):
    """A cluster's seconds so far: each worker's CPU, each worker's threads' (CPU, run-queue wait) by
    thread id, and the scheduler's CPU."""

    cpu: dict[int, float]
    threads: dict[int, dict[str, tuple[int, int]]]
    scheduler: float


def _cluster_times(cluster: Cluster | None) -> Times:
    if cluster is None:
        return Times({}, {}, 0.0)
    import psutil  # distributed's own dependency

    def cpu(pid: int) -> float:
        return sum(psutil.Process(pid).cpu_times()[:2])

    return Times({pid: cpu(pid) for pid in cluster.workers}, {pid: _threads(pid) for pid in cluster.workers},
                 cpu(cluster.scheduler))


def _threads(pid: int) -> dict[str, tuple[int, int]]:
    """Each thread of process ``pid``: nanoseconds on a core and ready to run but waiting for one."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            running, waiting = map(int, (task / "schedstat").read_text().split()[:2])
        except (OSError, ValueError):  # a thread gone meanwhile
            continue
        found[task.name] = (running, waiting)
    return found


def _working_wait(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> float:
    """Seconds the worker's working thread (the one that ran most between the two readings) spent
    ready to run but waiting for a core: the machine's other work, not the runner's.

    The other threads (the event loop, distributed's profiler) wake often and wait too, at the
    same time as the working thread; counting them would count the same delay twice.
    """
    spent = {tid: (running - before.get(tid, (0, 0))[0], waiting - before.get(tid, (0, 0))[1])
             for tid, (running, waiting) in after.items()}
    return max(spent.values())[1] / 1e9 if spent else 0.0


def _warm() -> None:
    """Run in each Dask worker: import claimcheck and compile both grammars, as a worker that stays up has."""
    from checker import extract
    extract("메타는 2022년 3분기 44억 달러의 순이익을 기록했다.", "ko")
    extract("Operating profit rose to EUR 13.1 mn from EUR 8.7 mn a year earlier.", "en")


@contextmanager
def cluster(tree: Path, workers: int) -> Iterator[Cluster]:
    """A local Dask cluster running ``tree``'s claimcheck: a ``dask scheduler`` process and ``workers``
    ``dask worker --nthreads 1 --no-nanny`` processes (the worker is the process measured), warmed."""
    from distributed import Client

    with tempfile.TemporaryDirectory(prefix="scan_bench-cluster-") as folder, ExitStack() as stack:
        file, quiet = Path(folder) / "scheduler.json", {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        dask = [sys.executable, "-m", "dask"]
        started = [_started(stack, [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                    "--scheduler-file", str(file)], tree, quiet)]
        started += [_started(stack, [*dask, "worker", "--scheduler-file", str(file), "--nthreads", "1", "--no-nanny",
                                     "--no-dashboard", "--memory-limit", "0", "--local-directory", folder], tree, quiet)
                    for _ in range(workers)]
        deadline = time.monotonic() + START_SECONDS
        while not file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        client = stack.enter_context(Client(scheduler_file=str(file), timeout=START_SECONDS))
        client.wait_for_workers(workers, timeout=START_SECONDS)
        client.run(_warm)
        yield Cluster(client.scheduler.address, started[0].pid, list(client.run(os.getpid).values()))


def _started(stack: ExitStack, command: list[str], tree: Path, quiet: dict[str, Any]) -> subprocess.Popen:
    """``command`` started with ``tree``'s claimcheck on its path, stopped when ``stack`` closes."""
    process = subprocess.Popen(command, env=environment(tree), **quiet)
    stack.callback(_stopped, process)
    return process


def _stopped(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def best(runs: list[Measure]) -> Measure:
    """The best of each figure over ``runs``: the least seconds, the most busy share."""
    least = Measure(*map(min, zip(*runs)))
    return least._replace(busy=max(run.busy for run in runs))


SIDES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("one process", 1, ()),
    ("--workers 2 (local processes)", 2, ("--workers", "2")),
    ("Dask: scheduler + 1 worker", 1, ("--scheduler",)),
    ("Dask: scheduler + 2 workers", 2, ("--scheduler",)),
)
"""Each side: its name, its workers, and the command's options (``--scheduler`` takes the address of a
cluster of that many workers started for it)."""


def side(name: str, workers: int, options: tuple[str, ...], trees: list[Tree], archives: tuple[Path, Path],
         articles: int, repeat: int) -> dict[str, Measure]:
    """Measure one side for each tree, the trees taking turns, on the archive and on the one-article
    archive; print a line per tree; return each tree's seconds per article past the fixed cost.

    The one-article scan is the run's fixed cost (the command's start, connecting to the
    cluster, writing the table); the archive's articles per hour are counted past it, as
    an archive of a million articles, where the fixed cost vanishes, would see them.
    """
    per = {}
    with ExitStack() as stack:
        clusters = {tree.name: stack.enter_context(cluster(tree.path, workers)) if "--scheduler" in options else None
                    for tree in trees}
        runs: dict[tuple[str, Path], list[Measure]] = {(tree.name, archive): []
                                                       for tree in trees for archive in archives}
        for _ in range(repeat):
            for tree in trees:
                where = clusters[tree.name]
                spelled = (*options, where.address) if where else options
                for archive in archives:
                    runs[tree.name, archive].append(scan(tree.path, archive, *spelled, cluster=where))
    for tree in trees:
        run, fixed = best(runs[tree.name, archives[0]]), best(runs[tree.name, archives[1]])
        per[tree.name] = Measure(*((spent - cost) / (articles - 1) for spent, cost in zip(run[:6], fixed[:6])),
                                 busy=run.busy)
        print(f"{name:30} {tree.name:>10} {run.wall:7.2f} {fixed.wall:6.2f} {_hourly(per[tree.name].wall):>11} "
              f"{_hourly(per[tree.name].wall * workers):>11} {run.cpu:7.2f} {_hourly(per[tree.name].cpu):>11} "
              f"{_share(run.busy):>5} {_seconds(run.idle):>6} {run.command:7.2f} "
              f"{_hourly(per[tree.name].command):>12} {run.scheduler:7.2f}",
              flush=True)
    return per


def _hourly(seconds: float) -> str:
    """Articles per hour at ``seconds`` per article; "noise" where the cost past the fixed one is lost in it."""
    return f"{3600 / seconds:,.0f}" if seconds > 0 else "noise"


def _share(busy: float) -> str:
    return f"{busy:.2f}" if busy else "-"


def _seconds(idle: float) -> str:
    return f"{idle:.2f}" if idle else "-"


def scaling(tree: str, one: Measure, two: Measure) -> str:
    """From 1 to 2 Dask workers: the throughput ratio by wall time, and core-normalised (the wall
    time per article less the workers' run-queue wait: the run with a core per worker)."""
    by_wall = one.wall / two.wall
    normalised = (one.wall - one.wait) / (two.wall - two.wait)
    return (f"Dask from 1 to 2 workers ({tree}): by wall time x{by_wall:.2f}, the added worker adds "
            f"{by_wall - 1:.2f} of a worker's throughput; core-normalised x{normalised:.2f}, it adds "
            f"{normalised - 1:.2f} (target >= 0.9)")


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


def compared(name: str, per: dict[str, Measure], trees: list[Tree]) -> str:
    """One side's figures, this tree over the other (above 1: this tree is quicker)."""
    this, other = (per[tree.name] for tree in trees)
    return (f"{name}: this tree over {trees[1].name}: throughput x{other.wall / this.wall:.2f}, "
            f"per CPU-hour x{other.cpu / this.cpu:.2f}")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--articles", type=int, default=2000)
    options.add_argument("--sentences", type=int, default=25)
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--against", metavar="REV", help="a commit whose claimcheck runs every side too, in turns")
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
          "cpu s: the workers'; /cpu-hour: articles per CPU-hour past the fixed cost; busy: the Dask workers' share "
          "of the run spent running or ready to run; idle s: each Dask worker's seconds with nothing to run "
          "(waiting for work, the fixed cost's included); cmd s: the command's own CPU; "
          "cmd limit/h: articles per hour of the command's own CPU (the most one command can take in); "
          "sched s: the scheduler's CPU")
    print(f"{'side':30} {'tree':>10} {'wall s':>7} {'fixed':>6} {'articles/h':>11} {'/h/worker':>11} {'cpu s':>7} "
          f"{'/cpu-hour':>11} {'busy':>5} {'idle s':>6} {'cmd s':>7} {'cmd limit/h':>12} {'sched s':>7}")
    with tempfile.TemporaryDirectory(prefix="scan_bench-") as folder:
        trees = [Tree("this tree", ROOT)]
        if arguments.against:
            (Path(folder) / "against").mkdir()
            trees.append(Tree(arguments.against, exported(arguments.against, Path(folder) / "against")))
        archives = (Path(folder) / "archive", Path(folder) / "one")
        for archive, count in zip(archives, (articles, 1)):
            archive.mkdir()
            write_archive(archive, count, arguments.sentences)
        per = {name: side(name, workers, spelled, trees, archives, articles, repeat)
               for name, workers, spelled in SIDES}
    for tree in trees:
        print(scaling(tree.name, per[SIDES[2][0]][tree.name], per[SIDES[3][0]][tree.name]))
    if arguments.against:
        for name, *_ in SIDES:
            print(compared(name, per[name], trees))
    print(serial_part(per[SIDES[3][0]][trees[0].name], os.cpu_count() or 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

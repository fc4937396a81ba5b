"""Spreading work over local processes or a Dask cluster: one parallel path for ``check`` and ``scan``.

A runner is a ``map``: it applies a function to items (claim files, articles) and
gives the results in the items' order, so a parallel run reports exactly what a
serial one does, in the same order, with the same exit code. Items travel in
batches (a few per worker), and each worker is a long-lived process, so what a
process caches (a reference set, the grammars) is loaded once per worker, not once
per item.

- ``--workers N``: N local processes (``concurrent.futures``).
- ``--scheduler tcp://host:port``: a Dask distributed cluster (``claimcheck[dask]``).
  Its workers must see the same files at the same paths (one machine, or a shared
  file system) and have claimcheck installed; a task runs in the folder the command
  was started in, so paths read and shown are the ones a serial run reads and shows.
  The cluster is trusted: distributed unpickles what its peers send, so the scheduler
  and its workers can run code in this process (README, "Archives and large repositories").

An archive of a million articles travels the same way, in batches of at most
:data:`MAX_BATCH` items (and :data:`BATCH_BYTES` of input, when the caller gives the items'
sizes), and only a few batches per worker are sent ahead of the results read
(:data:`BATCHES_PER_WORKER`): the memory a run holds, in the command and on the cluster, is
bounded by the batches in flight, not by the archive. Batches are of about equal work (bytes,
when the sizes are given), so a batch of long articles holds a worker no longer than another.

What stops a runner from working (the extra missing, the scheduler unreachable, a
worker lost) is :class:`Unavailable`, an ``OSError``: the command line reports it as
one line and exit 2. Every wait on a cluster has a deadline: the connection with its
handshake (:data:`HANDSHAKE_SECONDS`), and each batch's results (``--scheduler-timeout``),
so a port that accepts and never answers, or a worker killed or stopped mid-run, ends
the command instead of holding it. distributed's own log lines (pages of tracebacks
when a worker dies) are silenced unless ``--verbose``.
"""
from __future__ import annotations

import argparse
import contextlib
import math
import os
import warnings
from bisect import bisect_right
from collections import deque
from contextlib import contextmanager
from functools import cache
from itertools import accumulate
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Outcome = TypeVar("Outcome")
MapFunction = Callable[..., Iterator[Any]]
"""``mapped(function, items, sizes=None)``: ``sizes``, the items' input bytes, when known, to batch by."""

CONNECT_SECONDS = 3
"""How long to try reaching a Dask scheduler before giving up."""
#: The transports a scheduler on another machine or process is reached over; ``inproc://`` is a
#: process's own, which no command line can reach ("not enough values to unpack" was its message).
NETWORK_SCHEMES = ("tcp", "tls", "ucx", "ws", "wss")
HANDSHAKE_SECONDS = CONNECT_SECONDS + 1
"""The whole of reaching it, its handshake included: a second past the connection's deadline,
so a closed port still reports distributed's own 'Timed out trying to connect'."""
RESULT_SECONDS = 300
"""How long, by default, to wait for any one batch of results from a Dask cluster."""
CLUSTER_LOGGERS = ("distributed", "tornado", "asyncio")
"""The loggers a Dask client writes through (its event loop's included)."""
BATCHES_PER_WORKER = 4
"""Batches per worker, and batches sent ahead per worker: enough to balance uneven items and keep
every worker busy while the command reads results, few enough to keep overhead low."""
MAX_BATCH = 256
"""The most items in one batch: one is a few seconds of work for an article archive, so a
worker's result is small enough to hold and the batches of a large archive stay many."""
BATCH_BYTES = 2 ** 20
"""The most input bytes in one batch when sizes are given (a single larger item travels alone):
about a second of a worker's work, whatever the articles' lengths (100 articles of 10 KB; for
articles of 3 KB, :data:`MAX_BATCH` binds first)."""


class Unavailable(OSError):
    """The runner cannot run: a missing extra, an unreachable scheduler, a lost worker."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--workers N`` and ``--scheduler ADDRESS``, for every command that runs through here."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help="spread the files over N local processes (default: 1, no extra process)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="spread the files over a Dask cluster, e.g. tcp://10.0.0.5:8786 "
                            "(needs claimcheck[dask]; workers must see the same paths)")
    parser.add_argument("--scheduler-timeout", type=_positive, default=RESULT_SECONDS, metavar="SECONDS",
                        help="give up when the Dask cluster returns no batch of results for SECONDS "
                             f"(a worker lost or stuck; default: {RESULT_SECONDS})")
    parser.add_argument("--verbose", action="store_true",
                        help="show the Dask cluster's own log messages (quiet otherwise)")


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return number


@contextmanager
def opened(arguments: argparse.Namespace) -> Iterator[MapFunction | None]:
    """The map chosen by ``--workers``/``--scheduler``, or None for the plain serial ``map``.

    Raises :class:`Unavailable`; processes and cluster connections are closed on exit.
    """
    if arguments.scheduler:
        with _dask(arguments.scheduler, arguments.scheduler_timeout, arguments.verbose) as mapped:
            yield mapped
    elif arguments.workers > 1:
        yield _processes(arguments.workers)
    else:
        yield None


def _batches(items: Sequence[Item], workers: int, sizes: Sequence[int] | None = None) -> list[Sequence[Item]]:
    """``items`` cut into consecutive batches of about equal work, :data:`BATCHES_PER_WORKER`
    per worker, none over :data:`MAX_BATCH` items or, with ``sizes``, :data:`BATCH_BYTES`.

    Work is counted in items, or in bytes when ``sizes`` are given: an article's cost follows
    its length, so a batch of 256 long articles would hold a worker (and its result the
    command) many times longer than one of short ones. A single item over the byte bound
    travels alone.

    The batches stay equal to the end. Shrinking the last ones (guided self-scheduling, so
    workers finish together) was measured with ``benchmarks/scan_bench.py --against`` and
    showed no gain beyond the noise of a loaded machine, while each extra batch is a round
    trip through the scheduler and the worker's event loop; on a large archive the tail (one
    batch, a second of work) is nothing beside the run.
    """
    weights = [1] * len(items) if sizes is None else [max(1, size) for size in sizes]
    done = list(accumulate(weights))
    total = done[-1] if done else 0
    full = min(MAX_BATCH if sizes is None else BATCH_BYTES,
               max(1, math.ceil(total / (max(1, workers) * BATCHES_PER_WORKER))))
    batches, start = [], 0
    while start < len(items):
        before = done[start - 1] if start else 0
        end = min(max(start + 1, bisect_right(done, before + full)), start + MAX_BATCH)
        batches.append(items[start:end])
        start = end
    return batches


def _ordered(batches: Iterable[Sequence[Item]], submit: Callable[[Sequence[Item]], Any],
             collect: Callable[[Any], list[Outcome]], cancel: Callable[[list[Any]], None],
             ahead: int) -> Iterator[Outcome]:
    """The outcomes of ``batches`` in order, with at most ``ahead`` batches submitted and not yet collected.

    ``submit`` sends a batch and returns its future; ``collect`` waits for a future's
    outcomes; ``cancel`` drops futures never collected (the caller stopped reading, or a
    batch failed), so a stopped run leaves no work behind.
    """
    window: deque[Any] = deque()
    try:
        for batch in batches:
            window.append(submit(batch))
            if len(window) >= ahead:
                yield from collect(window.popleft())
        while window:
            yield from collect(window.popleft())
    finally:
        cancel(list(window))


def _apply(function: Callable[[Item], Outcome], batch: Sequence[Item], folder: str) -> list[Outcome]:
    """Run one batch in a worker, from the folder the command was started in."""
    if os.getcwd() != folder:
        os.chdir(folder)
    return [function(item) for item in batch]


def _processes(workers: int) -> MapFunction:
    """A map over ``workers`` local processes (no more than there are batches), started per call.

    Process pools are imported here, not with the module: ``multiprocessing`` and
    ``concurrent.futures`` (with ``logging``) are a fifth of a serial run's start-up.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def mapped(function: Callable[[Item], Outcome], items: Sequence[Item],
               sizes: Sequence[int] | None = None) -> Iterator[Outcome]:
        batches, folder = _batches(items, workers, sizes), os.getcwd()
        with ProcessPoolExecutor(max_workers=max(1, min(workers, len(batches)))) as pool:
            try:
                yield from _ordered(batches, lambda batch: pool.submit(_apply, function, batch, folder),
                                    lambda future: future.result(), _cancel_each, workers * BATCHES_PER_WORKER)
            except BrokenProcessPool as problem:
                raise Unavailable(f"a worker process stopped: {_first_line(problem)}") from None
            except Exception as problem:  # a result that cannot travel back: one line, not a traceback
                raise Unavailable(f"a worker process failed: {_first_line(problem)}") from None

    return mapped


def _cancel_each(futures: list[Any]) -> None:
    for future in futures:
        future.cancel()


@contextmanager
def _dask(address: str, wait_seconds: int, verbose: bool) -> Iterator[MapFunction]:
    client = _client(address, verbose)
    try:
        def mapped(function: Callable[[Item], Outcome], items: Sequence[Item],
                   sizes: Sequence[int] | None = None) -> Iterator[Outcome]:
            try:
                workers = len(client.scheduler_info().get("workers", {})) or 1
                folder = os.getcwd()
                yield from _ordered(_batches(items, workers, sizes),
                                    lambda batch: client.submit(_apply, function, batch, folder, pure=False),
                                    lambda future: future.result(timeout=wait_seconds), client.cancel,
                                    workers * BATCHES_PER_WORKER)
            except TimeoutError:
                raise Unavailable(f"the Dask cluster at {address} returned no result for {wait_seconds} s "
                                  "(a worker lost or stuck? --scheduler-timeout sets the wait)") from None
            except Exception as problem:  # a lost worker, a worker without claimcheck: not a bug of ours
                raise Unavailable(f"the Dask cluster at {address} failed: {_first_line(problem)}") from None

        yield mapped
    finally:
        with contextlib.suppress(Exception):  # a cluster already gone: the message that matters is on its way
            client.close(timeout=CONNECT_SECONDS)


def _quiet_cluster_logs() -> None:
    """Silence distributed's loggers for the rest of the process.

    A lost worker or scheduler makes distributed log pages of tracebacks, some from its
    own threads after the client has closed, so the levels are not restored; the command
    says what went wrong in one line. distributed configures levels per logger
    (``distributed.client``: warning), so each configured one is set, not only the parent.
    """
    import logging  # only a run on a cluster pays for it

    names = [name for name in logging.root.manager.loggerDict
             if any(name == root or name.startswith(root + ".") for root in CLUSTER_LOGGERS)]
    for name in {*CLUSTER_LOGGERS, *names}:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def _client(address: str, verbose: bool) -> Any:
    """A connected ``distributed.Client``, or Unavailable within :data:`HANDSHAKE_SECONDS`."""
    try:
        from distributed import Client
        from distributed.comm import resolve_address
    except ImportError:
        raise Unavailable("--scheduler needs Dask: pip install 'claimcheck[dask]'") from None
    if not verbose:
        _quiet_cluster_logs()  # after the import, which configures distributed's loggers
    scheme = address.partition("://")[0].lower() if "://" in address else "tcp"
    if scheme not in NETWORK_SCHEMES:
        raise Unavailable(f"cannot reach the Dask scheduler at {address}: a scheduler is reached over "
                          f"{', '.join(f'{known}://' for known in NETWORK_SCHEMES)} (host:port), not {scheme}://")
    try:
        with warnings.catch_warnings():  # distributed's warnings (ucx://: five lines) are its log, as quiet
            if not verbose:
                warnings.simplefilter("ignore")
            resolved = resolve_address(address)  # a malformed address or unknown host fails here, at once
            _handshake(resolved)
            client = _started_client_class(Client)(resolved, timeout=CONNECT_SECONDS, set_as_default=False)
    except Exception as problem:  # refused, timed out, malformed, TLS unconfigured: all one line
        raise Unavailable(f"cannot reach the Dask scheduler at {address}: {_first_line(problem)}") from None
    client.started = True
    return client


@cache
def _started_client_class(client: type) -> type:
    """``distributed.Client`` whose finaliser closes only a client that started.

    A peer that passes the handshake and then answers as no scheduler does makes ``Client()``
    raise half-made; its finaliser then waited 6 s to close a connection that never opened and
    printed a traceback after the command's one line. A client that started is closed by
    :func:`_dask` itself; one that did not has nothing to close.
    """

    class StartedClient(client):  # type: ignore[misc, valid-type]
        started = False

        def __del__(self) -> None:
            if self.started:
                super().__del__()

    return StartedClient


def _handshake(address: str) -> None:
    """Connect to ``address`` and exchange distributed's handshake within :data:`HANDSHAKE_SECONDS`.

    distributed bounds the TCP connection but then waits for the peer's handshake without
    a limit, so a port that accepts and never answers held ``Client()`` for ever. Checked
    first, a failure also never leaves a half-made ``Client`` whose finaliser prints a
    traceback after the message (a ``tls://`` address without TLS configured).
    """
    import asyncio  # only a run on a cluster pays for the event loop (and asyncio's imports)

    from distributed.comm import connect
    from distributed.security import Security

    async def exchange() -> None:
        comm = await connect(address, timeout=CONNECT_SECONDS, **Security().get_connection_args("client"))
        await comm.close()

    try:
        asyncio.run(asyncio.wait_for(exchange(), HANDSHAKE_SECONDS))
    except TimeoutError:
        raise TimeoutError(
            f"no Dask handshake within {HANDSHAKE_SECONDS} s (is a scheduler listening there?)") from None


def _first_line(problem: BaseException) -> str:
    """The first line of ``problem``'s text; its kind too when the text alone says nothing (a KeyError's is
    the key: 'KeyError 0', not '0')."""
    text = str(problem).strip() or type(problem).__name__
    if isinstance(problem, LookupError):
        text = f"{type(problem).__name__} {text}"
    return text.splitlines()[0]


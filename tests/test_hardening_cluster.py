"""Issue 23 (hardening, round 3): ``--scheduler`` under attack ends in one line and exit 2, never a hang.

Real sockets and a real Dask scheduler and worker, started here as processes on loopback:
a port that accepts TCP and never answers, a ``tls://`` address without TLS configured, a
worker stopped and then killed while it holds the run's tasks, and a scheduler killed
mid-run. Each run has a subprocess timeout far above the documented deadlines
(``HANDSHAKE_SECONDS``, ``--scheduler-timeout``), so a hang fails the test instead of
holding the suite.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from checker.runner import HANDSHAKE_SECONDS
from test_parallel import write_repository

pytest.importorskip("distributed", reason="needs the dask extra: pip install 'claimcheck[dask]'")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stops and kills processes with POSIX signals")

ROOT = Path(__file__).resolve().parents[1]
#: Far above every deadline under test: reaching it means the command hung.
HANG_SECONDS = 90
#: The --scheduler-timeout the mid-run tests give.
WAIT_SECONDS = 5


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_repository(tmp_path_factory.mktemp("desk"), files=3, claims=2, typos=0)


def command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "checker", *arguments]


def environment() -> dict[str, str]:
    variables = {name: value for name, value in os.environ.items() if name not in ("CI", "GITHUB_ACTIONS")}
    variables["PYTHONPATH"] = str(ROOT)
    return variables


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback port that accepts every connection and never sends a byte."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:  # the listener closed at the end of the test
                return

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()
    for connection in accepted:
        connection.close()


@pytest.mark.parametrize("scheme, reason", [
    ("tcp", f"no Dask handshake within {HANDSHAKE_SECONDS} s"),
    ("tls", "TLS expects a `ssl_context` argument"),
])
def test_a_port_that_accepts_and_never_answers_is_one_line_and_exit_2(repository: Path, silent_port: int,
                                                                      scheme: str, reason: str) -> None:
    """Class: distributed waits for the handshake without a limit (tcp:// hung for ever), and a failed
    ``Client`` printed a traceback from its finaliser after the message (tls://)."""
    address = f"{scheme}://127.0.0.1:{silent_port}"
    run = subprocess.run(command("check", "claims", "--scheduler", address), cwd=repository, env=environment(),
                         capture_output=True, text=True, timeout=HANG_SECONDS)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(f"claimcheck: cannot reach the Dask scheduler at {address}: ")
    assert reason in run.stderr and run.stderr.count("\n") == 1, run.stderr


#: A peer on loopback that completes distributed's handshake as a scheduler would, then answers the client's
#: first message with one no scheduler sends: it prints its address and serves until killed.
NONSENSE_SCHEDULER = """
import asyncio
from distributed.comm import listen

async def answer(comm):
    await comm.read()
    await comm.write({"op": "nonsense"})
    await asyncio.sleep(3600)

async def main():
    listener = listen("tcp://127.0.0.1:0", answer)
    await listener.start()
    print(listener.contact_address, flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


def test_a_peer_that_shakes_hands_then_talks_nonsense_is_one_line_within_the_handshake_bound(
        repository: Path) -> None:
    """Class: past the handshake, a failed ``Client()`` left a half-made client whose finaliser waited 6 s
    to close it and printed a traceback after the message; the message itself said only ': 0' (a KeyError)."""
    peer = subprocess.Popen([sys.executable, "-c", NONSENSE_SCHEDULER], env=environment(), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        address = peer.stdout.readline().strip()
        started = time.monotonic()
        run = subprocess.run(command("check", "claims", "--scheduler", address), cwd=repository, env=environment(),
                             capture_output=True, text=True, timeout=HANG_SECONDS)
        elapsed = time.monotonic() - started
    finally:
        peer.kill()
        peer.wait()
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == f"claimcheck: cannot reach the Dask scheduler at {address}: KeyError 0\n", run.stderr
    assert elapsed < HANDSHAKE_SECONDS + 5, elapsed  # the command's start-up and the handshake, no 6 s finaliser


def test_a_scheme_distributed_warns_about_is_still_one_line(repository: Path) -> None:
    """Class: distributed's own warnings (ucx://: a FutureWarning of five lines) printed before the message."""
    run = subprocess.run(command("check", "claims", "--scheduler", "ucx://127.0.0.1:1"), cwd=repository,
                         env=environment(), capture_output=True, text=True, timeout=HANG_SECONDS)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith("claimcheck: cannot reach the Dask scheduler at ucx://127.0.0.1:1: ")
    assert run.stderr.count("\n") == 1, run.stderr


class Cluster:
    """A Dask scheduler and one worker without a nanny (nothing restarts it), as processes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.logs = [(folder / name).open("w") for name in ("scheduler.log", "worker.log")]
        file = folder / "scheduler.json"
        self.scheduler = self._start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                      "--scheduler-file", str(file)], self.logs[0])
        self.until(file.exists, "the scheduler to write its address")
        self.address = json.loads(file.read_text())["address"]
        self.worker = self._start(["worker", self.address, "--no-nanny", "--nthreads", "1", "--no-dashboard"],
                                  self.logs[1])
        self.until(lambda: "Registered to" in (folder / "worker.log").read_text(), "the worker to register")

    def _start(self, arguments: list[str], log: object) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "dask", *arguments], cwd=self.folder, env=environment(),
                                stdout=log, stderr=log)

    @staticmethod
    def until(ready, what: str) -> None:
        for _ in range(600):  # a bounded wait for a process starting on a loaded machine
            if ready():
                return
            time.sleep(0.1)
        pytest.fail(f"timed out waiting for {what}")

    def close(self) -> None:
        for process in (self.worker, self.scheduler):
            if process.poll() is None:
                process.send_signal(signal.SIGCONT)
                process.kill()
            process.wait()
        for log in self.logs:
            log.close()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    started = Cluster(tmp_path)
    yield started
    started.close()


def run_while(cluster: Cluster, repository: Path, kill: subprocess.Popen, *extra: str) -> tuple[int, str]:
    """Run a check while the worker is stopped (it holds the tasks, answers nothing), kill ``kill``
    once the check is under way, and return its exit code and stderr."""
    cluster.worker.send_signal(signal.SIGSTOP)
    run = subprocess.Popen(command("check", "claims", "--scheduler", cluster.address, "--scheduler-timeout",
                                   str(WAIT_SECONDS), *extra), cwd=repository, env=environment(),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    cluster.until(lambda: "Receive client connection" in (cluster.folder / "scheduler.log").read_text(),
                  "the check to connect")
    kill.kill()  # whether the tasks are handed out yet or not, nothing can finish them
    try:
        _, errors = run.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        run.kill()
        pytest.fail("the check hung after its worker was killed")
    return run.returncode, errors


def test_a_worker_killed_mid_run_ends_the_run_in_one_line(cluster: Cluster, repository: Path) -> None:
    """Class: a lost worker left the run's tasks waiting for a worker for ever."""
    code, errors = run_while(cluster, repository, cluster.worker)
    assert code == 2, errors
    assert errors == (f"claimcheck: the Dask cluster at {cluster.address} returned no result for {WAIT_SECONDS} s "
                      "(a worker lost or stuck? --scheduler-timeout sets the wait)\n")


@pytest.mark.parametrize("verbose", [False, True])
def test_a_scheduler_killed_mid_run_is_one_line_unless_verbose(cluster: Cluster, repository: Path,
                                                               verbose: bool) -> None:
    """Class: distributed's loggers printed pages of reconnection tracebacks before the message."""
    code, errors = run_while(cluster, repository, cluster.scheduler, *(["--verbose"] if verbose else []))
    assert code == 2
    message = f"claimcheck: the Dask cluster at {cluster.address} failed: "
    if verbose:
        assert "distributed.client - ERROR" in errors and message in errors
    else:
        assert errors.startswith(message) and errors.count("\n") == 1, errors

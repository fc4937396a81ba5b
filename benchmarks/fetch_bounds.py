"""Measure the bounds of ``claimcheck fetch`` against a hostile server: time and peak memory per attack.

Each attack of issue 23 is served by a loopback server started here; ``claimcheck fetch``
runs in a fresh subprocess with the default limits (but the drips, whose bound is the
deadline: ``CLAIMCHECK_FETCH_SECONDS=10`` there, 300 s by default), and the table gives
its exit code, wall time, peak RSS (that child's alone, from ``wait4``) and its one
line on stderr. The endless body here never ends: only the limit stops it.

    python benchmarks/fetch_bounds.py
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator

KEY = "K3Y-bench"
PROJECT = Path(__file__).resolve().parents[1]


def head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{name.replace('_', '-')}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def gzip_bomb() -> Iterator[bytes]:
    member = gzip.compress(bytes(1_000_000), 9)
    body = member * 3000  # 3 GB of zeros
    yield head(Content_Encoding="gzip", Content_Length=str(len(body)))
    yield body


def endless_chunks() -> Iterator[bytes]:
    yield head(Transfer_Encoding="chunked")
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    while True:
        yield chunk


def drip(where: str) -> Iterator[bytes]:
    if where == "body":
        yield head(Content_Length="1000000")
    else:
        yield b"HTTP/1.1 200 OK\r\nX-Slow: "
    while True:
        yield b"x"
        time.sleep(1)


def json_answer(document: object) -> Iterator[bytes]:
    body = json.dumps(document).encode()
    yield head(Content_Length=str(len(body)))
    yield body


def fred(path: str) -> Iterator[bytes]:
    if path.endswith("/series"):
        return json_answer({"seriess": [{"id": "PAYEMS", "units": "Persons", "frequency_short": "M"}]})
    return json_answer({"count": 10**15, "observations": [
        {"realtime_start": "2025-01-01", "date": str(date(1, 1, 1) + timedelta(n)), "value": "1"}
        for n in range(100000)]})


def ecos(path: str) -> Iterator[bytes]:
    return json_answer({"StatisticSearch": {"list_total_count": 10**12, "row": [
        {"STAT_CODE": "731Y001", "ITEM_CODE1": "0000001", "TIME": f"{1000 + n // 12}{n % 12 + 1:02d}", "DATA_VALUE": "1"}
        for n in range(10000)]}})


ATTACKS: dict[str, tuple[list[str], Callable[[str], Iterator[bytes]], dict[str, str]]] = {
    "gzip bomb, 3 MB -> 3 GB": (["edgar:1318605"], lambda path: gzip_bomb(), {}),
    "endless chunked body": (["dart:01234567/2024/H1"], lambda path: endless_chunks(), {}),
    "drip 1 byte/s, body": (["dart:01234567/2024/H1"], lambda path: drip("body"), {"CLAIMCHECK_FETCH_SECONDS": "10"}),
    "drip 1 byte/s, headers": (["dart:01234567/2024/H1"], lambda path: drip("headers"),
                               {"CLAIMCHECK_FETCH_SECONDS": "10"}),
    "503, Retry-After: 3600": (["dart:01234567/2024/H1"], lambda path: iter(
        [head("503 Service Unavailable", Retry_After="3600", Content_Length="0")]), {}),
    "FRED count 10^15": (["fred:PAYEMS"], fred, {}),
    "ECOS list_total_count 10^12": (["ecos:731Y001/M/0000001", "--start", "2024-01", "--end", "2024-12"], ecos, {}),
    "400 KB bracket nest": (["kosis:101/DT_1B040A3/T20", "--start", "2024-01"], lambda path: iter(
        [head(Content_Length="400000"), b"[" * 400_000]), {}),
    "redirect to another port": (["fred:PAYEMS"], lambda path: iter(
        [head("302 Found", Location="http://127.0.0.1:9/x", Content_Length="0")]), {}),
}


class Hostile(BaseHTTPRequestHandler):
    answer: Callable[[str], Iterator[bytes]] = staticmethod(lambda path: iter(()))

    def do_GET(self) -> None:  # noqa: N802
        self.close_connection = True
        try:
            for piece in type(self).answer(self.path.split("?")[0]):
                self.wfile.write(piece)
                self.wfile.flush()
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        return


def run(argv: list[str], environment: dict[str, str], folder: Path) -> tuple[int, float, float, str]:
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-m", "checker", "fetch", *argv, "-o", "x.csv", "--force"], cwd=folder,
                             env={**os.environ, **environment, "PYTHONPATH": str(PROJECT)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    return os.waitstatus_to_exitcode(status), time.monotonic() - started, usage.ru_maxrss / 1024, err.strip()


def main() -> None:
    sys.path.insert(0, str(PROJECT))
    from checker import version

    print(version.line())
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    environment = {**{f"CLAIMCHECK_{name}_URL": base for name in ("FRED", "SEC", "ECOS", "KOSIS", "DART")},
                   **{name: KEY for name in ("FRED_API_KEY", "ECOS_API_KEY", "KOSIS_API_KEY", "DART_API_KEY")},
                   "SEC_USER_AGENT": "Bench bench@example.org"}
    print(f"{'attack':30} exit  seconds  peak MB  stderr")
    with tempfile.TemporaryDirectory() as folder:
        for name, (argv, answer, extra) in ATTACKS.items():
            Hostile.answer = staticmethod(answer)
            code, seconds, peak, err = run(argv, {**environment, **extra}, Path(folder))
            print(f"{name:30} {code:>4} {seconds:8.1f} {peak:8.0f}  {err[:150]}")
    httpd.shutdown()


if __name__ == "__main__":
    main()

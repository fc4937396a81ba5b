"""Benchmark ``claimcheck extract``: sentences/s and MB/s on real financial text.

Runs, side by side on the English and Korean columns of
``../shared/peer-corpora/finance_sentiment_corpus/finance_data.csv``:

* ``checker.extract`` on every sentence (the whole pipeline: scanning, negatives,
  sentences, periods, relations);
* quantulum3's ``parser.parse`` on the same English sentences, when it is importable
  (install it in the benchmark's own environment, e.g. ``/work/bench-venv``; it is not
  a project dependency) — otherwise the line says it was skipped;
* the floor: one compiled number regex ``finditer`` over the same text.

Then the CLI's cold start (``python -m checker extract`` on a one-line article) next
to ``python -c pass``. Targets (issue 3): ≥ 50× quantulum3's sentences/s, ≤ 10× the
floor, Korean within 30% of English.

    python benchmarks/extract_bench.py [--repeat 3] [--quantulum-python /work/bench-venv/bin/python]
"""
from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "peer-corpora" / "finance_sentiment_corpus" / "finance_data.csv"
FLOOR = re.compile(r"\d+(?:[.,]\d+)*")

QUANTULUM_SNIPPET = """
import csv, sys, time
from quantulum3 import parser
rows = [r["sentence"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))]
best = None
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    for s in rows:
        parser.parse(s)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(best)
"""


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def line(name: str, sentences: list[str], seconds: float) -> str:
    megabytes = sum(len(s.encode("utf-8")) for s in sentences) / 1e6
    return f"{name:34} {len(sentences) / seconds:12,.0f} sentences/s {megabytes / seconds:8.2f} MB/s  ({seconds:.3f} s)"


def quantulum_seconds(python: str, repeat: int) -> float | None:
    """quantulum3's time on the English column, in its own interpreter; None if unavailable."""
    try:
        done = subprocess.run([python, "-c", QUANTULUM_SNIPPET, str(CORPUS), str(repeat)],
                              capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return float(done.stdout.strip()) if done.returncode == 0 else None


def cold_start(repeat: int) -> tuple[float, float]:
    """Best wall time of ``python -m checker extract`` on a tiny article, and of ``python -c pass``."""
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "a.txt"
        article.write_text("메타는 2022년 3분기 44억 달러의 순이익을 기록했다.\n", encoding="utf-8")
        def run(*args: str) -> None:
            subprocess.run([sys.executable, *args], check=True, capture_output=True, cwd=ROOT)
        cli = best_of(repeat, lambda: run("-m", "checker", "extract", str(article)))
        bare = best_of(repeat, lambda: run("-c", "pass"))
    return cli, bare


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--quantulum-python", default=sys.executable,
                         help="interpreter with quantulum3 installed (default: this one)")
    arguments = options.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: finance corpus not found at {CORPUS}")
        return 0
    from checker import extract
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    english = [row["sentence"] for row in rows]
    korean = [row["kor_sentence"] for row in rows]
    results = {}
    for name, sentences, language in (("english", english, "en"), ("korean", korean, "ko")):
        results[name] = best_of(arguments.repeat, lambda: [extract(s, language) for s in sentences])
        results[f"floor-{name}"] = best_of(arguments.repeat, lambda: [list(FLOOR.finditer(s)) for s in sentences])
        print(line(f"claimcheck extract ({name})", sentences, results[name]))
        print(line(f"floor: one number regex ({name})", sentences, results[f"floor-{name}"]))
    quantulum = quantulum_seconds(arguments.quantulum_python, 1)
    if quantulum is None:
        print("quantulum3 (english)              skipped: not importable by "
              f"{arguments.quantulum_python} (pass --quantulum-python)")
    else:
        print(line("quantulum3 (english)", english, quantulum))
        print(f"speed-up over quantulum3 (english): {quantulum / results['english']:.0f}x  (target >= 50x)")
    for name in ("english", "korean"):
        print(f"slowdown vs floor ({name}): {results[name] / results[f'floor-{name}']:.0f}x  (target <= 10x)")
    ko_vs_en = (len(korean) / results["korean"]) / (len(english) / results["english"])
    print(f"korean sentences/s relative to english: {100 * ko_vs_en:.0f}%  (target >= 70%)")
    cli, bare = cold_start(arguments.repeat)
    print(f"cold start: claimcheck extract {cli * 1000:.0f} ms, python -c pass {bare * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

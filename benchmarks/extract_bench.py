"""Benchmark ``claimcheck extract``: sentences/s and MB/s on real financial text.

Runs, side by side on the English and Korean columns of
``../shared/peer-corpora/finance_sentiment_corpus/finance_data.csv``:

* the grammar: ``checker.extraction.numbers`` on every sentence (candidate scan, the
  quantity grammar, negatives, change-vs-range) — what issue 10 item 7 is about;
* the whole pipeline: ``checker.extract`` (the grammar plus sentences, periods, relations);
* quantulum3's ``parser.parse`` on the same English sentences, in its own interpreter
  (install it there, e.g. ``/work/bench-venv``; it is not a project dependency) —
  otherwise the line says it was skipped;
* the floor: one compiled number regex ``finditer`` over the same text;
* the grammar's calls alone: ``match_quantity`` with the arguments the scan gave it, the
  part no faster scanner, region finder or rule could remove.

Every side is measured the same way: one untimed warm-up pass over all sentences, then
the best of ``--repeat`` timed passes. All sentences joined into one article show that
the time grows with the length of a text, not with its square. Then the CLI's cold start (``python -m checker
extract`` on a one-line article) next to ``python -c pass``, the two alternating, best of
``--repeat`` (at least 10) each, with bytecode written as an installed package has it.
Targets (issue 10): ≥ 50× quantulum3's sentences/s, ≤ 10× the floor, Korean within
30% of English, cold start ≤ 5× ``python -c pass``.

    python benchmarks/extract_bench.py [--repeat 3] [--quantulum-python /work/bench-venv/bin/python]
"""
from __future__ import annotations

import argparse
import csv
import os
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
for s in rows:
    parser.parse(s)
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
    """The fastest of ``repeat`` runs after one untimed warm-up run, in seconds."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def line(name: str, sentences: list[str], seconds: float) -> str:
    megabytes = sum(len(s.encode("utf-8")) for s in sentences) / 1e6
    return f"{name:34} {len(sentences) / seconds:12,.0f} sentences/s {megabytes / seconds:8.2f} MB/s  ({seconds:.3f} s)"


def grammar_calls(sentences: list[str], language: str) -> list[tuple]:
    """The arguments of every call ``checker.extraction.numbers`` makes to the quantity grammar.

    Recorded by one run with the scanner's ``match_quantity`` wrapped, so the calls timed
    alone are exactly those the grammar line makes: the floor of any scanner around it.
    """
    from checker.extraction import numbers, scanner
    recorded: list[tuple] = []
    real = scanner.match_quantity

    def record(*arguments: object) -> object:
        recorded.append(arguments)
        return real(*arguments)
    scanner.match_quantity = record
    try:
        for sentence in sentences:
            numbers(sentence, language)
    finally:
        scanner.match_quantity = real
    return recorded


def quantulum_seconds(python: str, repeat: int) -> float | None:
    """quantulum3's time on the English column, in its own interpreter; None if unavailable."""
    try:
        done = subprocess.run([python, "-c", QUANTULUM_SNIPPET, str(CORPUS), str(repeat)],
                              capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return float(done.stdout.strip()) if done.returncode == 0 else None


def cold_start(repeat: int) -> tuple[float, float]:
    """Best wall time of ``python -m checker extract`` on a tiny article, and of ``python -c pass``.

    The two alternate, run for run, so a machine that slows down for a while slows both.
    """
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "a.txt"
        article.write_text("메타는 2022년 3분기 44억 달러의 순이익을 기록했다.\n", encoding="utf-8")
        # As after ``pip install``, which compiles bytecode: the warm-up run may write it.
        environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

        def run(*args: str) -> float:
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, capture_output=True, cwd=ROOT, env=environment)
            return time.perf_counter() - start
        run("-m", "checker", "extract", str(article))
        run("-c", "pass")
        times = [(run("-m", "checker", "extract", str(article)), run("-c", "pass")) for _ in range(repeat)]
    return min(cli for cli, _ in times), min(bare for _, bare in times)


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
    from checker.extraction import numbers
    from checker.quantities import match_quantity
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    english = [row["sentence"] for row in rows]
    korean = [row["kor_sentence"] for row in rows]
    results = {}
    for name, sentences, language in (("english", english, "en"), ("korean", korean, "ko")):
        results[f"grammar-{name}"] = best_of(arguments.repeat, lambda: [numbers(s, language) for s in sentences])
        calls = grammar_calls(sentences, language)
        results[f"calls-{name}"] = best_of(arguments.repeat, lambda: [match_quantity(*call) for call in calls])
        results[name] = best_of(arguments.repeat, lambda: [extract(s, language) for s in sentences])
        results[f"floor-{name}"] = best_of(arguments.repeat, lambda: [list(FLOOR.finditer(s)) for s in sentences])
        print(line(f"claimcheck grammar ({name})", sentences, results[f"grammar-{name}"]))
        print(line(f"  its {len(calls):,} grammar calls alone", sentences, results[f"calls-{name}"]))
        print(line(f"claimcheck extract ({name})", sentences, results[name]))
        print(line(f"floor: one number regex ({name})", sentences, results[f"floor-{name}"]))
    quantulum = quantulum_seconds(arguments.quantulum_python, arguments.repeat)
    if quantulum is None:
        print("quantulum3 (english)              skipped: not importable by "
              f"{arguments.quantulum_python} (pass --quantulum-python)")
    else:
        print(line("quantulum3 (english)", english, quantulum))
        for part in ("grammar-english", "english"):
            print(f"speed-up over quantulum3 ({part}): {quantulum / results[part]:.1f}x  (target >= 50x)")
        print(f"the English grammar calls alone take {results['calls-english'] / (quantulum / 50):.0%} "
              "of the time the 50x target allows the whole grammar")
    for name in ("english", "korean"):
        for part in (f"grammar-{name}", name):
            print(f"slowdown vs floor ({part}): {results[part] / results[f'floor-{name}']:.0f}x  (target <= 10x)")
    for label, part in (("grammar", "grammar-"), ("extract", "")):
        ko_vs_en = (len(korean) / results[f"{part}korean"]) / (len(english) / results[f"{part}english"])
        print(f"korean sentences/s relative to english ({label}): {100 * ko_vs_en:.0f}%  (target >= 70%)")
    for name, sentences, language in (("english", english, "en"), ("korean", korean, "ko")):
        article = "\n".join(sentences)
        whole = best_of(arguments.repeat, lambda: extract(article, language))
        print(f"one article of all {len(sentences)} {name} sentences: {whole:.3f} s, "
              f"{whole / results[name]:.2f}x the sentences one by one (linear in length: about 1x)")
    cli, bare = cold_start(max(10, arguments.repeat))
    print(f"cold start: claimcheck extract {cli * 1000:.0f} ms, python -c pass {bare * 1000:.0f} ms, "
          f"{cli / bare:.1f}x  (target <= 5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

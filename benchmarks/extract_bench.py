"""Benchmark ``claimcheck extract``: sentences/s and MB/s on real financial text.

Runs, side by side on the English and Korean columns of
``../shared/peer-corpora/finance_sentiment_corpus/finance_data.csv``:

* the whole extraction: ``checker.extract`` (the grammar plus sentences, periods,
  relations), the one side compared with quantulum3, whose ``parser.parse`` is likewise
  its whole pipeline (it finds, parses and disambiguates every quantity of a text);
* quantulum3's ``parser.parse`` on the same English sentences, in its own interpreter
  (install it there, e.g. ``python -m venv .bench-venv && .bench-venv/bin/pip install
  quantulum3``; it is not a project dependency); without it the line says so and the
  rest runs;
* parts of the extraction, not compared with quantulum3: the grammar
  (``checker.extraction.numbers``: candidate scan, quantity grammar, negatives,
  change-vs-range) and the grammar's calls alone (``match_quantity`` with the arguments
  the scan gave it);
* the floor: one compiled number regex ``finditer`` over the same text.

Every side is measured the same way, and the run prints how: one untimed warm-up pass
over all sentences, then the best of ``--repeat`` timed passes. All sentences joined
into one article show that the time grows with the length of a text, not with its
square. Then the CLI's cold start (``python -m checker extract`` on a one-line article)
next to ``python -c pass``, the two alternating, best of ``--repeat`` (at least 10)
each, with bytecode written as an installed package has it. Targets (issue 10): ≥ 50×
quantulum3's sentences/s, ≤ 10× the floor, Korean within 30% of English, cold start
≤ 5× ``python -c pass``.

``--against REV [REV ...]`` instead measures the whole extraction of this tree and of each
commit REV (its ``checker`` exported to a temporary folder) side by side: each in its own
interpreter, the two trees and quantulum3 taking turns, round by round, each round one
untimed warm-up pass and one timed pass, the best of ``--repeat`` rounds kept, so a
machine that slows down for a while slows all of them; timed in CPU time, which other
work on a shared machine disturbs less than wall time. It prints each tree's
sentences/s on both columns and its speed-up over quantulum3.

``--short`` (CI, ``.ci/run``) takes the first 300 sentences of each column, one timed
pass and 3 cold starts: it keeps the benchmark running at every commit, its figures
are not the ones to quote.

    python benchmarks/extract_bench.py [--repeat 3] [--short] [--quantulum-python .bench-venv/bin/python]
        [--against REV [REV ...]]
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
SHORT_SENTENCES = 300

QUANTULUM_SNIPPET = """
import csv, sys, time
from quantulum3 import parser
rows = [r["sentence"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))][:int(sys.argv[3])]
clock = getattr(time, sys.argv[4])
for s in rows:
    parser.parse(s)
best = None
for _ in range(int(sys.argv[2])):
    start = clock()
    for s in rows:
        parser.parse(s)
    elapsed = clock() - start
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


#: One pass of ``checker.extract`` over a column, timed after an untimed one, in the tree given (CPU time).
EXTRACT_SNIPPET = """
import csv, sys, time
sys.path.insert(0, sys.argv[1])
from checker import extract
column, language = sys.argv[3], sys.argv[4]
rows = [r[column] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8", newline=""))][:int(sys.argv[5])]
for s in rows:
    extract(s, language)
start = time.process_time()
for s in rows:
    extract(s, language)
print(time.process_time() - start)
"""


def line(name: str, sentences: list[str], seconds: float) -> str:
    megabytes = sum(len(s.encode("utf-8")) for s in sentences) / 1e6
    return f"{name:42} {len(sentences) / seconds:12,.0f} sentences/s {megabytes / seconds:8.2f} MB/s  ({seconds:.3f} s)"


def grammar_calls(sentences: list[str], language: str) -> list[tuple[tuple, dict]]:
    """The arguments of every call ``checker.extraction.numbers`` makes to the quantity grammar.

    Recorded by one run with the scanner's ``match_quantity`` wrapped, so the calls timed
    alone are exactly those the grammar line makes: the floor of any scanner around it.
    """
    from checker.extraction import numbers, scanner
    recorded: list[tuple] = []
    real = scanner.match_quantity

    def record(*arguments: object, **keywords: object) -> object:
        recorded.append((arguments, keywords))
        return real(*arguments, **keywords)
    scanner.match_quantity = record
    try:
        for sentence in sentences:
            numbers(sentence, language)
    finally:
        scanner.match_quantity = real
    return recorded


def quantulum_seconds(python: str, repeat: int, sentences: int, clock: str = "perf_counter") -> float | None:
    """quantulum3's time on the first ``sentences`` of the English column, in its own interpreter; None if unavailable.

    ``clock`` names the ``time`` function it is timed by (``process_time`` for CPU time).
    """
    try:
        done = subprocess.run([python, "-W", "ignore", "-c", QUANTULUM_SNIPPET, str(CORPUS), str(repeat), str(sentences),
                               clock],
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


def exported(revision: str, folder: Path) -> Path:
    """Commit ``revision``'s ``checker`` package, written under ``folder`` (no worktree, no checkout)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "checker"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def against(revisions: list[str], sentences: int, repeat: int, quantulum_python: str) -> None:
    """Whole extraction of this tree and of each of ``revisions``, and quantulum3, taking turns round by round."""
    with tempfile.TemporaryDirectory(prefix="extract_bench-") as folder:
        trees = {"this tree": ROOT}
        for number, revision in enumerate(revisions):
            (Path(folder) / str(number)).mkdir()
            trees[revision] = exported(revision, Path(folder) / str(number))
        best: dict[tuple[str, str], float] = {}
        for _ in range(repeat):
            for name, tree in trees.items():
                for column, language in (("sentence", "en"), ("kor_sentence", "ko")):
                    done = subprocess.run([sys.executable, "-c", EXTRACT_SNIPPET, str(tree), str(CORPUS), column,
                                           language, str(sentences)], capture_output=True, text=True, check=True)
                    key = (name, language)
                    best[key] = min(best.get(key, float("inf")), float(done.stdout))
            quantulum = quantulum_seconds(quantulum_python, 1, sentences, "process_time")
            if quantulum is not None:
                best[("quantulum3", "en")] = min(best.get(("quantulum3", "en"), float("inf")), quantulum)
    print(f"whole extract side by side: {repeat} rounds, each tree and quantulum3 in turn, best CPU time of each")
    for name in trees:
        versus = (f", {best[('quantulum3', 'en')] / best[(name, 'en')]:.1f}x quantulum3 (target >= 20x)"
                  if ("quantulum3", "en") in best else ", quantulum3 not importable")
        print(f"{name:12} english {sentences / best[(name, 'en')]:9,.0f} sentences/s, "
              f"korean {sentences / best[(name, 'ko')]:9,.0f} sentences/s{versus}")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--short", action="store_true", help="CI: 300 sentences a column, 1 timed pass, 3 cold starts")
    options.add_argument("--quantulum-python", default=sys.executable,
                         help="interpreter with quantulum3 installed (default: this one)")
    options.add_argument("--against", metavar="REV", nargs="+",
                         help="the whole extraction of each commit REV and of this tree side by side, only")
    arguments = options.parse_args()
    from checker import extract, version
    print(version.line())
    if not CORPUS.is_file():
        print(f"skipped: finance corpus not found at {CORPUS}")
        return 0
    repeat, starts, limit = (1, 3, SHORT_SENTENCES) if arguments.short else (arguments.repeat, max(10, arguments.repeat), None)
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))[:limit]
    if arguments.against:
        against(arguments.against, len(rows), repeat, arguments.quantulum_python)
        return 0
    english = [row["sentence"] for row in rows]
    korean = [row["kor_sentence"] for row in rows]
    print(f"finance corpus, {len(rows)} sentences a column{' (--short)' if arguments.short else ''}; every side: "
          f"1 untimed warm-up pass, then the best of {repeat} timed pass{'es' if repeat > 1 else ''}")
    results = sides(english, korean, repeat)
    compare_with_quantulum(english, results, arguments.quantulum_python, repeat)
    for name in ("english", "korean"):
        for part in (f"grammar-{name}", name):
            print(f"slowdown vs floor ({part}): {results[part] / results[f'floor-{name}']:.0f}x  (target <= 10x)")
    for label, part in (("grammar", "grammar-"), ("extract", "")):
        ko_vs_en = (len(korean) / results[f"{part}korean"]) / (len(english) / results[f"{part}english"])
        print(f"korean sentences/s relative to english ({label}): {100 * ko_vs_en:.0f}%  (target >= 70%)")
    for name, sentences, language in (("english", english, "en"), ("korean", korean, "ko")):
        article = "\n".join(sentences)
        whole = best_of(repeat, lambda: extract(article, language))
        print(f"one article of all {len(sentences)} {name} sentences: {whole:.3f} s, "
              f"{whole / results[name]:.2f}x the sentences one by one (linear in length: about 1x)")
    cli, bare = cold_start(starts)
    print(f"cold start (best of {starts}, alternating, after 1 warm-up each): claimcheck extract {cli * 1000:.0f} ms, "
          f"python -c pass {bare * 1000:.0f} ms, {cli / bare:.1f}x  (target <= 5x)")
    return 0


def sides(english: list[str], korean: list[str], repeat: int) -> dict[str, float]:
    """Seconds of every claimcheck side and the floor on both columns, each line printed as it is measured."""
    from checker import extract
    from checker.extraction import numbers
    from checker.quantities import match_quantity
    results = {}
    for name, sentences, language in (("english", english, "en"), ("korean", korean, "ko")):
        results[name] = best_of(repeat, lambda: [extract(s, language) for s in sentences])
        results[f"grammar-{name}"] = best_of(repeat, lambda: [numbers(s, language) for s in sentences])
        calls = grammar_calls(sentences, language)
        results[f"calls-{name}"] = best_of(repeat, lambda: [match_quantity(*args, **keywords) for args, keywords in calls])
        results[f"floor-{name}"] = best_of(repeat, lambda: [list(FLOOR.finditer(s)) for s in sentences])
        print(line(f"claimcheck extract ({name})", sentences, results[name]))
        print(line(f"  part: its grammar ({name})", sentences, results[f"grammar-{name}"]))
        print(line(f"  part: its {len(calls):,} grammar calls alone", sentences, results[f"calls-{name}"]))
        print(line(f"floor: one number regex ({name})", sentences, results[f"floor-{name}"]))
    return results


def compare_with_quantulum(english: list[str], results: dict[str, float], python: str, repeat: int) -> None:
    """quantulum3's whole parse against claimcheck's whole extraction: the same scope on both sides."""
    quantulum = quantulum_seconds(python, repeat, len(english))
    if quantulum is None:
        print(f"{'quantulum3 parser.parse (english)':42} skipped: not importable by {python} (pass --quantulum-python)")
        return
    print(line("quantulum3 parser.parse (english)", english, quantulum))
    print(f"speed-up of claimcheck extract over quantulum3 parser.parse, both whole pipelines on the same "
          f"{len(english)} English sentences: {quantulum / results['english']:.1f}x  (target >= 50x)")


if __name__ == "__main__":
    raise SystemExit(main())

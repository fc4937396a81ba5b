"""Benchmark ``claimcheck check``: claims per second and peak memory against the YAML floor.

For each N (default 1k, 10k, 100k) it writes a synthetic claim repository: an article of
N sentences, a claim file of N claims (each quoting its sentence, a Korean money amount
checked against a metric and period), and a long CSV of 10·N reference rows. Each
measurement runs in a fresh subprocess so peak RSS belongs to that run alone; the floor
is the time to merely parse the same claim file with PyYAML's fastest safe loader and
read the CSV.

    python benchmarks/check_bench.py [--sizes 1000 10000 100000]
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PERIODS = [str(year) for year in range(2010, 2020)]


def write_repository(folder: Path, size: int, seed: int = 7) -> Path:
    """A claim file, its article and its reference CSV, all consistent, some claims wrong on purpose."""
    rng = random.Random(seed)
    sentences, claims, rows = [], [], ["entity,metric,period,value,unit,source"]
    for index in range(size):
        values = {period: rng.randint(10, 9999) for period in PERIODS}
        for period, value in values.items():
            rows.append(f"bench,m{index},{period},{value * 100_000_000},USD,https://example.org/bench/{index}")
        period = rng.choice(PERIODS)
        stated = values[period] if rng.random() < 0.9 else values[period] * 2
        sentence = f"지표 {index}번은 {period}년 {stated}억 달러를 기록했다."
        sentences.append(sentence)
        claims.append(
            f"  - id: c{index}\n    quote: \"{sentence}\"\n    value: {stated}억 달러\n"
            f"    metric: bench.m{index}\n    period: {period}\n"
        )
    (folder / "article.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    (folder / "reference.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    header = ("version: 1\narticle: {file: article.txt, published: 2024-02-19, language: ko}\n"
              "reference: [reference.csv]\nclaims:\n")
    path = folder / "claims.yaml"
    path.write_text(header + "".join(claims), encoding="utf-8")
    return path


MEASURE = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "check":
    from checker import check
    report = check([path], max_bytes=1 << 34)
    count = len(report.results)
    summary = report.summary()
else:
    import csv, yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as stream:
        count = len(yaml.load(stream, Loader=loader)["claims"])
    with open(path.replace("claims.yaml", "reference.csv"), encoding="utf-8") as stream:
        sum(1 for _ in csv.reader(stream))
    summary = {}
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "count": count, "peak_mb": peak, "summary": summary}))
"""


def measure(mode: str, path: Path) -> dict:
    output = subprocess.run([sys.executable, "-c", MEASURE, mode, str(path)], check=True, capture_output=True, text=True)
    return json.loads(output.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    arguments = parser.parse_args()
    print(f"{'claims':>8} {'ref rows':>9} {'check s':>9} {'claims/s':>10} {'peak MB':>8} "
          f"{'yaml s':>8} {'yaml claims/s':>14} {'yaml MB':>8} {'check/yaml':>10}")
    for size in arguments.sizes:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            path = write_repository(Path(folder), size)
            generated = time.perf_counter() - started
            floor = measure("yaml", path)
            checked = measure("check", path)
            assert checked["count"] == size, checked
            print(f"{size:>8} {size * 10:>9} {checked['seconds']:>9.2f} {size / checked['seconds']:>10.0f} "
                  f"{checked['peak_mb']:>8.0f} {floor['seconds']:>8.2f} {size / floor['seconds']:>14.0f} "
                  f"{floor['peak_mb']:>8.0f} {checked['seconds'] / floor['seconds']:>9.1f}x"
                  f"   (generated in {generated:.1f}s; verdicts {checked['summary']})", flush=True)


if __name__ == "__main__":
    main()

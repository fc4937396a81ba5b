"""Benchmark reading the vintage-per-column files: ALFRED's "all vintages" CSV and a
Real-Time Data Set workbook, at the size of the real downloads.

The files are written here in the providers' layouts: a PAYEMS-like series of monthly
dates 1939-01.. with one vintage column per monthly release (733 by default, ALFRED's
count for PAYEMS), each release adding a month and revising the two before it; and a
ROUTPUT-like workbook of quarterly dates 1947:Q1.. with one column per quarterly vintage
from 65Q4. Prints the cells of each file, the rows kept (a row per figure per vintage
that changed it) and the seconds ``ReferenceData.load`` took (best of three).

    python benchmarks/vintage_files_bench.py [--vintages 733] [--quarters 240]

CI runs it small (``--vintages 60 --quarters 40``) so it cannot rot.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from checker.reference import ReferenceData, clear_cache
from checker.reference.entry import Entry


def month(index: int) -> date:
    return date(1939 + index // 12, index % 12 + 1, 1)


def alfred_wide(path: Path, vintages: int) -> int:
    """Release ``v`` holds months 0..(first + v), the last two revised up by v units."""
    first = 1040 - vintages
    columns = [month(first + v + 1).replace(day=5) for v in range(vintages)]
    lines = ["observation_date," + ",".join(f"PAYEMS_{day:%Y%m%d}" for day in columns)]
    for row in range(first + vintages):
        cells = []
        for v in range(vintages):
            known = row <= first + v
            revised = row >= first + v - 1
            cells.append(str(30000 + row * 100 + (v if revised else 0)) if known else ".")
        lines.append(f"{month(row):%Y-%m-%d}," + ",".join(cells))
    path.write_text("\n".join(lines) + "\n")
    return (first + vintages) * vintages


def rtdsm_workbook(path: Path, quarters: int) -> int:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    names = [f"ROUTPUT{(65 + (3 + q) // 4) % 100:02d}Q{(3 + q) % 4 + 1}" for q in range(quarters)]
    sheet.append(["DATE", *names])
    rows = 4 * 18 + quarters  # 1947:Q1 to the last vintage's quarter
    for row in range(rows):
        known = [1000 + row * 10 + (q if row >= 4 * 18 + q - 2 else 0) if row < 4 * 18 + q else "#N/A"
                 for q in range(quarters)]
        sheet.append([f"{1947 + row // 4}:Q{row % 4 + 1}", *known])
    book.save(path)
    return rows * quarters


def timed(entry: Entry) -> tuple[int, float]:
    best = float("inf")
    for _ in range(3):
        clear_cache()
        start = time.perf_counter()
        data, errors = ReferenceData.load([entry])
        best = min(best, time.perf_counter() - start)
        assert not errors, errors
    return sum(len(data.observations(metric)) for metric in data.metrics()), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vintages", type=int, default=733)
    parser.add_argument("--quarters", type=int, default=240)
    arguments = parser.parse_args()
    from checker import version

    print(version.line())
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "PAYEMS_vintages.csv"
        cells = alfred_wide(csv, arguments.vintages)
        rows, seconds = timed(Entry(csv, unit="Thousands of Persons"))
        print(f"ALFRED wide: {arguments.vintages} vintages, {cells:,} cells ({csv.stat().st_size:,} bytes): "
              f"{rows:,} rows kept, loaded in {seconds:.2f} s")
        book = Path(folder) / "routputMvQd.xlsx"
        cells = rtdsm_workbook(book, arguments.quarters)
        rows, seconds = timed(Entry(book, unit="Billions of Chained 2017 Dollars"))
        print(f"RTDSM workbook: {arguments.quarters} vintages, {cells:,} cells ({book.stat().st_size:,} bytes): "
              f"{rows:,} rows kept, loaded in {seconds:.2f} s")


if __name__ == "__main__":
    main()

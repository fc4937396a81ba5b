"""Count the ranks across entities ``extract`` drafts over the shared corpora, and print a sample to read.

A drafted ``rank_among`` claim (:mod:`checker.extraction.group_ranks`) is a place among
a named group ("OECD 1위", "the highest among OECD countries"). Whether the words found
are real rank statements is read, not counted: the run prints every ``--sample``-th
hit with its sentence, its group, place and direction.

The corpora are those of ``extract_snapshot.py`` (the finance sentences in English and
Korean, each column also joined into one article, ``../shared/articles/`` and liar2's
PolitiFact statements and justifications), read by its ``documents``; a joined column
repeats its sentences' hits, so a claim is counted once per distinct quoted sentence.

    python benchmarks/group_rank_drafts.py [--sample 1]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract_snapshot import CORPUS, documents  # noqa: E402  (the benchmarks folder is the script's own)

from checker.extraction.group_ranks import rank_claims  # noqa: E402
from checker.extraction.model import Extraction  # noqa: E402
from checker import version  # noqa: E402


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--sample", type=int, default=1, help="print every N-th drafted claim (default: all)")
    arguments = options.parse_args()
    print(version.line())
    if not CORPUS.is_file():
        print(f"skipped: finance corpus not found at {CORPUS}")
        return 0
    documents_read, seen, groups = 0, set(), Counter()
    for text, language in documents():
        documents_read += 1
        for claim in rank_claims(Extraction(text, language or "ko", None), []):
            comment = claim.ca.items["quote"][2].value.strip().lstrip("# ")
            if (claim["quote"], comment) in seen:
                continue
            seen.add((claim["quote"], comment))
            groups[claim["id"].split("-")[1]] += 1
            if len(seen) % arguments.sample == 0:
                print(f"\n{claim['id']}: {claim['quote'][:300]}\n    {comment.split(': check')[0]}")
    drafted = len(seen)
    print(f"\n{drafted} rank claims drafted in {documents_read} documents; by group: "
          + ", ".join(f"{name} {count}" for name, count in groups.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

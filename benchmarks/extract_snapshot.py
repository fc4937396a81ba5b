"""Write what ``extract`` finds in the reference corpus, one JSON document per line, to compare two trees.

A change made for speed must not change what is extracted. Run this on the tree
before the change and on the tree after it, and compare the two files byte for byte:

    python benchmarks/extract_snapshot.py /tmp/before.jsonl --tree ../old-checkout
    python benchmarks/extract_snapshot.py /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

The corpus: every English and every Korean sentence of
``../shared/peer-corpora/finance_sentiment_corpus/finance_data.csv`` on its own, each
column joined into one long article, the articles of ``../shared/articles/``, and the
PolitiFact statements and fact-checkers' justifications of ``liar2`` (English nobody
tuned the grammar on), all with a fixed publication date so relative periods resolve
the same way.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "peer-corpora" / "finance_sentiment_corpus" / "finance_data.csv"
LIAR = SHARED / "peer-corpora" / "liar2"
PUBLISHED = "2024-03-01"


def documents() -> Iterator[tuple[str, str | None]]:
    """``(text, language)`` of every document of the reference corpus, in a fixed order."""
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for language, column in (("en", "sentence"), ("ko", "kor_sentence")):
        for row in rows:
            yield row[column], language
        yield "\n".join(row[column] for row in rows), language
    for path in sorted((SHARED / "articles").glob("*.txt")):
        yield path.read_text(encoding="utf-8"), None
    for name, columns in (("valid.csv", ("statement", "justification")), ("test.csv", ("statement",))):
        if (LIAR / name).is_file():
            with (LIAR / name).open(encoding="utf-8", newline="") as stream:
                for row in csv.DictReader(stream):
                    yield from ((row[column], "en") for column in columns)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("output", type=Path, help="the JSON-lines file to write")
    options.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose checker to run (default: this one)")
    arguments = options.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: finance corpus not found at {CORPUS}")
        return 0
    sys.path.insert(0, str(arguments.tree.resolve()))
    from checker import extract
    with arguments.output.open("w", encoding="utf-8") as out:
        for text, language in documents():
            found = extract(text, language, PUBLISHED).to_dict()
            out.write(json.dumps(found, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

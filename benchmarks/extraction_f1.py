"""Extraction precision, recall and F1 against hand labels on real sentences, per corpus and half.

A quantity the tool finds counts as right when its value, unit and hedge all equal one
labelled in the same sentence (each label matches once); dates are not quantities and
are left out on both sides. The gold files and the labelling guide: ``tests/extract_gold/``,
``docs/extraction-gold.md``; the sample and its halves: ``benchmarks/extraction_gold.py``.

    python benchmarks/extraction_f1.py                 # this tree
    python benchmarks/extraction_f1.py --against main  # and the same for an older revision
    python benchmarks/extraction_f1.py --show dev      # each dev sentence the tool gets wrong

``--show`` takes only ``dev``: the held-out half is scored, never read for misses.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.extraction_gold import SAMPLE, SETS, Sentence, available, labelled, reviewed  # noqa: E402

Label = tuple[str, "str | None", str]


def _plain(number: Decimal) -> str:
    """``5.3E+6`` as ``5300000``, ``8.0`` as ``8``: labels are written as a person writes them."""
    return format(number.normalize(), "f")


def predicted(text: str, language: str) -> list[Label]:
    """``(value, unit, hedge)`` of each quantity the tool finds in ``text``, dates left out.

    A range's value is ``low..high``.
    """
    from checker.extraction import numbers
    from checker.quantities.model import Kind
    found = []
    for quantity in numbers(text, language)[0]:
        if quantity.kind is Kind.DATE:
            continue
        if quantity.value is not None:
            value = _plain(quantity.value)
        elif quantity.low is not None and quantity.high is not None:
            value = f"{_plain(quantity.low)}..{_plain(quantity.high)}"
        else:
            continue
        found.append((value, quantity.unit, quantity.qualifier.value))
    return found


@dataclass
class Score:
    """Counts over many sentences; the rates follow from them."""

    gold: int = 0
    found: int = 0
    right: int = 0

    def add(self, gold: list[Label], found: list[Label]) -> None:
        self.gold += len(gold)
        self.found += len(found)
        self.right += sum((Counter(gold) & Counter(found)).values())

    def rates(self) -> tuple[float, float, float]:
        precision = self.right / self.found if self.found else 1.0
        recall = self.right / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def scores(predict: "dict[tuple[str, int, str], list[Label]] | None" = None) -> dict[tuple[str, str], Score]:
    """The score of each ``(corpus, half)``; ``predict`` holds another tree's findings by sentence."""
    result = {}
    for corpus in SAMPLE:
        for half in filter(lambda half: reviewed(corpus, half), SETS):
            score = Score()
            for sentence, gold in labelled(corpus, half):
                key = (sentence.corpus, sentence.row, sentence.column)
                found = predict[key] if predict is not None else predicted(sentence.text, sentence.language)
                score.add(gold, [tuple(label) for label in found])  # type: ignore[misc]
            result[corpus, half] = score
    return result


def _all_sentences() -> list[Sentence]:
    return [sentence for corpus in SAMPLE for half in SETS if reviewed(corpus, half)
            for sentence, _ in labelled(corpus, half)]


def _predict_at(revision: str) -> dict[tuple[str, int, str], list[Label]]:
    """Run the grammar of an older revision on every gold sentence, in its own interpreter."""
    archive = subprocess.run(["git", "archive", revision, "checker"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tree:
        tarfile.open(fileobj=BytesIO(archive)).extractall(tree, filter="data")
        # This scorer's ``predicted``, with the old tree's ``checker`` first on the path.
        child = ("import json, sys, importlib.util\n"
                 f"spec = importlib.util.spec_from_file_location('f1', {str(Path(__file__).resolve())!r})\n"
                 "f1 = sys.modules['f1'] = importlib.util.module_from_spec(spec); spec.loader.exec_module(f1)\n"
                 f"sys.path.insert(0, {tree!r})\n"
                 "assert 'checker' not in sys.modules\n"
                 "print(json.dumps([f1.predicted(t, l) for t, l in json.load(sys.stdin)]))\n")
        sentences = _all_sentences()
        run = subprocess.run([sys.executable, "-c", child], input=json.dumps([(s.text, s.language) for s in sentences]),
                             capture_output=True, text=True, check=True)
    found = json.loads(run.stdout)
    return {(s.corpus, s.row, s.column): [tuple(label) for label in labels]  # type: ignore[misc]
            for s, labels in zip(sentences, found)}


def _table(title: str, table: dict[tuple[str, str], Score]) -> None:
    print(title)
    print(f"  {'corpus':<10} {'half':<9} {'gold':>5} {'found':>5} {'right':>5}  {'P':>5} {'R':>5} {'F1':>5}")
    for (corpus, half), score in table.items():
        precision, recall, f1 = score.rates()
        print(f"  {corpus:<10} {half:<9} {score.gold:>5} {score.found:>5} {score.right:>5}  "
              f"{precision:5.3f} {recall:5.3f} {f1:5.3f}")


def _show_misses() -> None:
    for corpus, half in ((corpus, half) for corpus in SAMPLE for half in SETS if half != "held-out"
                          if reviewed(corpus, half)):
        for sentence, gold in labelled(corpus, half):
            found = predicted(sentence.text, sentence.language)
            missed, extra = Counter(gold) - Counter(found), Counter(found) - Counter(gold)
            if missed or extra:
                print(f"{corpus} {half} {sentence.row} {sentence.column}: {sentence.text}")
                print(f"    missed {sorted(missed.elements(), key=str)}")
                print(f"    extra  {sorted(extra.elements(), key=str)}")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--against", metavar="REV", help="also score the grammar of this git revision")
    options.add_argument("--show", choices=["dev"], help="print each labelled dev sentence (every draw) with its misses")
    arguments = options.parse_args()
    if not available():
        print("skipped: the peer corpora are not under ../shared/peer-corpora")
        return 0
    if arguments.show:
        _show_misses()
        return 0
    _table("this tree", scores())
    if arguments.against:
        _table(f"at {arguments.against}", scores(_predict_at(arguments.against)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Recall and precision of the links ``extract --reference`` drafts, on real text nobody tuned on.

The labels (``benchmarks/linking/cases.yaml``) say which numbers of PolitiFact statements
and justifications (liar2) a careful fact-checker would link to the shared reference data
(FRED graph CSVs with their units, Tesla's EDGAR companyfacts, two ECOS tables), and to
what; every other number, and every number of the Financial PhraseBank's company
sentences, must stay unlinked. A link counts as right only with the labelled metric and
period (and the earlier period of a stated change: a ``ChangeLink``, or a stated relation that
looks up one metric in two periods). A text's half is the parity of a hash of its file and
row, so no one chose it: half A is for tuning, half B held out, and only B's totals print
unless ``--show B`` asks for its cases:

    python benchmarks/linking_eval.py                  # this tree
    python benchmarks/linking_eval.py --tree ../main   # another checkout, for before/after
    python benchmarks/linking_eval.py --show A         # and half A's wrong links and missed labels
    python benchmarks/linking_eval.py --cases benchmarks/linking/held-out.yaml   # the second held-out set

A labels file with ``halves: false`` is all held out (one tally, "held-out"); one with no
``reference`` reads cases.yaml's reference data and aliases.

Prints, per half, the links made, those right, the labelled links found, precision and
recall; skips (exit 0) when ../shared is absent. Texts are read in place, never copied; a
text whose sha1 no longer starts as labelled stops the run (the labels are of another text).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = Path(__file__).resolve().parent / "linking" / "cases.yaml"
#: PhraseBank sentences carry no date: one after every figure they state.
PHRASEBANK_PUBLISHED = date(2014, 1, 1)


@dataclass
class Tally:
    """One half's count: texts, links made, made right, labelled, labelled and found; the wrong and missed ones."""

    texts: int = 0
    made: int = 0
    right: int = 0
    labelled: int = 0
    found: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def line(self, half: str) -> str:
        precision = f"{self.right / self.made:.2f}" if self.made else "n/a"
        recall = f"{self.found / self.labelled:.2f}" if self.labelled else "n/a"
        return (f"half {half}: {self.texts} texts, {self.made} links made, {self.right} right (precision {precision}); "
                f"{self.found} of {self.labelled} labelled links found (recall {recall})")


@dataclass(frozen=True)
class Case:
    """A text, its language and publication date, its half, where it is, and its labelled links."""

    text: str
    language: str
    published: date
    half: str
    where: str
    links: dict[str, dict[str, str]]


def half(where: str) -> str:
    """A text's half from a hash of where it is: nobody picks which texts are held out."""
    return "A" if hashlib.sha1(where.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def phrasebank_cases(phrasebank: dict[str, str] | None) -> Iterator[Case]:
    """The PhraseBank sentences the pattern picks, both languages; none without a ``phrasebank`` entry."""
    if phrasebank is None:
        return
    pattern = re.compile(phrasebank["pattern"], re.IGNORECASE)
    with (SHARED / phrasebank["file"]).open(encoding="utf-8", newline="") as stream:
        for number, row in enumerate(csv.DictReader(stream), 1):
            if pattern.search(row["sentence"]) and re.search(r"\d", row["sentence"]):
                for language, column in (("en", "sentence"), ("ko", "kor_sentence")):
                    yield Case(row[column], language, PHRASEBANK_PUBLISHED, half(f"{phrasebank['file']}:{number}"),
                               f"{phrasebank['file']} row {number} {column}", {})


def cases(spec: dict[str, Any]) -> Iterator[Case]:
    """Every labelled text, read from ../shared."""
    yield from phrasebank_cases(spec.get("phrasebank"))
    by_file: dict[str, dict[str, dict[str, Any]]] = {}
    for labelled in spec["liar2"]:
        by_file.setdefault(labelled["file"], {})[str(labelled["id"])] = labelled
    for name, labels in by_file.items():
        with (SHARED / name).open(encoding="utf-8", newline="") as stream:
            rows = {row["id"]: row for row in csv.DictReader(stream) if row["id"] in labels}
        for row_id, labelled in labels.items():
            yield liar2_case(name, rows[row_id], labelled)


def liar2_case(name: str, row: dict[str, str], labelled: dict[str, Any]) -> Case:
    """A liar2 row as a case, after checking it is the text its labels were written on."""
    text = f"{row['statement']}\n\n{row['justification']}"
    if not hashlib.sha1(text.encode("utf-8")).hexdigest().startswith(str(labelled["sha1"])):
        raise SystemExit(f"{name} id {row['id']}: the text is not the one labelled (sha1 {labelled['sha1']})")
    published = datetime.strptime(row["date"], "%B %d, %Y").date()
    links = {str(key): {k: str(v) for k, v in value.items()} for key, value in (labelled["links"] or {}).items()}
    return Case(text, "en", published, half(f"{name}:{row['id']}"), f"{name} id {row['id']}", links)


def keys(link: Any) -> dict[str, str] | None:
    """A draft's link as the labels write it; None for what is no link (rivals named in a comment)."""
    if not hasattr(link, "metric") or not hasattr(link, "period"):
        return None
    found = {"metric": link.metric, "period": link.period}
    return {**found, "earlier": link.earlier} if hasattr(link, "earlier") else found


def looked_up(relation: Any) -> dict[str, str] | None:
    """A stated change of one metric between two periods it looks up, as the labels write it."""
    first, second = (list(relation.operands) + [None, None])[:2]
    if not isinstance(first, dict) or not isinstance(second, dict) or first.get("metric") != second.get("metric"):
        return None
    if "metric" not in first or "period" not in first or "period" not in second:
        return None
    return {"metric": first["metric"], "period": second["period"], "earlier": first["period"]}


def evaluate(spec: dict[str, Any], folder: Path) -> dict[str, Tally]:
    """Each half's tally, with the checker of the tree on ``sys.path``."""
    from checker.extraction import extract
    from checker.extraction.linking import links
    from checker.extraction.metrics import aliases_of
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    entries = [Entry(SHARED / "reference-data" / item["file"], unit=item.get("unit", "")) for item in spec["reference"]]
    reference, problems = ReferenceData.load([*entries, folder / spec["aliases"]])
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    aliases = aliases_of(reference)
    split = spec.get("halves", True)
    tallies = {"A": Tally(), "B": Tally()} if split else {"held-out": Tally()}
    for case in cases(spec):
        tally = tallies[case.half if split else "held-out"]
        tally.texts += 1
        extraction = extract(case.text, case.language, case.published, aliases)
        try:  # a tree that drafts relations only where the article names the company
            from checker.extraction.linking import vetted
            extraction = vetted(extraction, reference)
        except ImportError:
            pass
        made = {index: keys(link) for index, link in links(extraction, reference, aliases).items()}
        made.update((relation.claim, looked_up(relation)) for relation in extraction.relations
                    if relation.claim not in made and looked_up(relation) is not None)
        right = set()
        for index, link in made.items():
            if link is None:
                continue
            text = extraction.quantities[index].quantity.text
            tally.made += 1
            if case.links.get(text) == link:
                tally.right += 1
                right.add(text)
            else:
                tally.wrong.append(f"{case.where}: {text!r} linked to {link}")
        tally.labelled += len(case.links)
        tally.found += len(right)
        tally.missed.extend(f"{case.where}: {text!r} not linked to {link}" for text, link in case.links.items()
                            if text not in right)
    return tallies


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose checker to run (default: this one)")
    options.add_argument("--cases", type=Path, default=CASES, help="the labels (default: benchmarks/linking/cases.yaml)")
    options.add_argument("--show", choices=("A", "B"), action="append", default=[],
                         help="list this half's wrong links and missed labels (B is held out: ask once, at the end)")
    arguments = options.parse_args()
    if not (SHARED / "reference-data").is_dir() or not (SHARED / "peer-corpora").is_dir():
        print(f"skipped: shared reference data or corpora not found at {SHARED}")
        return 0
    sys.path.insert(0, str(arguments.tree.resolve()))
    spec = yaml.safe_load(arguments.cases.read_text(encoding="utf-8"))
    if "reference" not in spec:   # a second labels file reads the first one's reference data and aliases
        shared = yaml.safe_load(CASES.read_text(encoding="utf-8"))
        spec = {**spec, "reference": shared["reference"], "aliases": str(CASES.parent / shared["aliases"])}
    for name, tally in evaluate(spec, arguments.cases.resolve().parent).items():
        print(tally.line(name))
        if name in arguments.show:
            print("\n".join([*(f"  wrong: {wrong}" for wrong in tally.wrong),
                             *(f"  missed: {missed}" for missed in tally.missed)]) or "  (none wrong or missed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Sample real sentences for the extraction gold standard, split into a dev and a held-out half.

The corpora (``../shared/peer-corpora``: the finance sentiment corpus, English and its
Korean translation, and QuanTemp's claims) carry non-commercial licences, so the gold
files in ``tests/extract_gold/`` hold no text: a sentence is named by its data row (0 for the
first row after the header, as the licence notes count), its column, and a sha1 prefix of
its text that shows when the corpus under it changed. The labels are a person's, by the
guide in ``docs/extraction-gold.md``.

The sample is seeded and the half a sentence falls in is a hash of its name, not a choice,
so nobody can move a hard sentence out of the half they score. Tune the grammar on
``dev`` only; ``held-out`` is read to report a figure, never to find a miss.

    python benchmarks/extraction_gold.py --write   # label skeletons, drafted from today's grammar
    python benchmarks/extraction_gold.py --show finance-dev   # the sentences with their labels, to label by

``--write`` refuses to overwrite a gold file: the labels in it are a person's work.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT.parent / "shared" / "peer-corpora"
FINANCE = PEERS / "finance_sentiment_corpus" / "finance_data.csv"
QUANTEMP = PEERS / "quantemp" / "data" / "complex_num_facts_categorized_subset.csv"
#: QuanTemp's test claims: the second dev sample's source, since the subset has only 157 claims.
QUANTEMP_TEST = PEERS / "quantemp" / "data" / "decomposed_questions" / "test" / "test_claimdecomp.csv"
GOLD = ROOT / "tests" / "extract_gold"
SEED = 21
#: Rows sampled per corpus: a finance row gives two sentences (English and Korean).
SAMPLE = {"finance": 60, "quantemp": 110}
HALVES = ("dev", "held-out")
#: Later draws whose dev-half rows only are labelled (``{corpus}-dev-N.yaml``), each outside the draws
#: before it: more sentences to find misses in once the earlier dev sets were nearly saturated, while the
#: held-out half stays the first draw's, never read. From the third draw on, finance's English sentences
#: come first in its file, then the Korean ones, so the two languages are labelled in separate parts of it.
LATER_DRAWS = {2: {"finance": 120, "quantemp": 240}, 3: {"finance": 150, "quantemp": 300},
               4: {"finance": 150, "quantemp": 300}, 5: {"finance": 150, "quantemp": 300}}
#: Every labelled set: the first draw's two halves and the later draws' dev rows.
SETS = ("dev", *(f"dev-{draw}" for draw in LATER_DRAWS), "held-out")
_DIGIT = re.compile(r"\d")
#: The first line of a skeleton until a person has labelled every sentence in it (then they delete the line).
DRAFT = "# DRAFT: drafted by the grammar, not yet labelled by a person; the scorer skips this file"


@dataclass(frozen=True)
class Sentence:
    """One sampled sentence: where it is in its corpus, and its text (never written to the repo)."""

    corpus: str
    row: int
    column: str
    language: str
    text: str

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:10]

    @property
    def half(self) -> str:
        """``dev`` or ``held-out`` by a hash of the row, so both columns of a finance row share a half."""
        digest = hashlib.sha1(f"{self.corpus}:{self.row}".encode()).digest()
        return HALVES[digest[0] % 2]


def _finance_rows() -> tuple[list[dict[str, str]], list[int]]:
    """The corpus rows, and those whose English sentence holds a digit (the ones worth labelling)."""
    with FINANCE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return rows, [i for i, row in enumerate(rows) if _DIGIT.search(row["sentence"])]


def _finance_sentences(rows: list[dict[str, str]], chosen: list[int]) -> list[Sentence]:
    return [Sentence("finance", i, column, language, rows[i][column])
            for i in sorted(chosen) for column, language in (("sentence", "en"), ("kor_sentence", "ko"))]


def _finance() -> list[Sentence]:
    rows, candidates = _finance_rows()
    return _finance_sentences(rows, random.Random(SEED).sample(candidates, SAMPLE["finance"]))


def _later_draw(candidates: list[int], taken: set[int], corpus: str, draw: int) -> list[int]:
    """The rows of later draw ``draw``: each draw samples what the ones before it left, with its own seed."""
    rest = [i for i in candidates if i not in taken]
    for earlier in range(2, draw + 1):
        chosen = random.Random(SEED + earlier - 1).sample(rest, LATER_DRAWS[earlier][corpus])
        rest = [i for i in rest if i not in set(chosen)]
    return chosen


def _finance_later(draw: int) -> list[Sentence]:
    """The finance rows of a later draw, none of them in an earlier draw."""
    rows, candidates = _finance_rows()
    first = set(random.Random(SEED).sample(candidates, SAMPLE["finance"]))
    drawn = _finance_sentences(rows, _later_draw(candidates, first, "finance", draw))
    return drawn if draw == 2 else sorted(drawn, key=lambda sentence: sentence.language != "en")


def _quantemp_test(draw: int) -> list[Sentence]:
    """QuanTemp's test claims (fields quoted, ``@`` between them), each distinct claim once, of a later draw."""
    with QUANTEMP_TEST.open(encoding="utf-8", newline="") as stream:
        records = list(csv.reader(stream, delimiter="@"))[1:]
    first: dict[str, int] = {}
    for i, record in enumerate(records):
        first.setdefault(record[0], i)
    chosen = _later_draw(sorted(first.values()), set(), "quantemp", draw)
    return [Sentence("quantemp-test", i, "claims", "en", records[i][0]) for i in sorted(chosen)]


def _quantemp() -> list[Sentence]:
    """QuanTemp's claims repeat (157 distinct in 309 rows): each claim counts once, at its first row."""
    first: dict[str, int] = {}
    for i, line in enumerate(QUANTEMP.read_text(encoding="utf-8").splitlines()[1:]):
        first.setdefault(line.rsplit("@", 1)[0], i)
    chosen = sorted(random.Random(SEED).sample(sorted(first.values()), SAMPLE["quantemp"]))
    claims = {i: claim for claim, i in first.items()}
    return [Sentence("quantemp", i, "claim", "en", claims[i]) for i in chosen]


def available() -> bool:
    """Whether the corpora are where the gold files expect them (tests skip when not)."""
    return FINANCE.is_file() and QUANTEMP.is_file() and QUANTEMP_TEST.is_file()


def sample(corpus: str) -> list[Sentence]:
    """The seeded sample of ``corpus`` (``finance`` or ``quantemp``), in row order."""
    return _finance() if corpus == "finance" else _quantemp()


def later_sample(corpus: str, draw: int) -> list[Sentence]:
    """A later draw's (one of ``LATER_DRAWS``) dev-half sentences of ``corpus``: none of them is in an earlier draw."""
    drawn = _finance_later(draw) if corpus == "finance" else _quantemp_test(draw)
    return [sentence for sentence in drawn if sentence.half == "dev"]


def sentences_of(corpus: str, labelled_set: str) -> list[Sentence]:
    """The sentences a gold file (one of ``SETS``) labels."""
    if labelled_set.startswith("dev-"):
        return later_sample(corpus, int(labelled_set.removeprefix("dev-")))
    return [sentence for sentence in sample(corpus) if sentence.half == labelled_set]


def gold_path(corpus: str, half: str) -> Path:
    return GOLD / f"{corpus}-{half}.yaml"


def _draft(sentence: Sentence) -> list[dict[str, str]]:
    from benchmarks.extraction_f1 import predicted
    return [{"value": value, "unit": unit, "hedge": hedge}
            for value, unit, hedge in predicted(sentence.text, sentence.language)]


def _write(corpus: str) -> None:
    for half in SETS:
        path = gold_path(corpus, half)
        if path.exists():
            print(f"{path}: exists; it holds a person's labels, remove it by hand to redraft")
            continue
        entries = [{"row": sentence.row, "column": sentence.column, "sha1": sentence.sha1,
                    "quantities": _draft(sentence)} for sentence in sentences_of(corpus, half)]
        path.parent.mkdir(parents=True, exist_ok=True)
        header = (f"{DRAFT}\n# {corpus} {half}: gold quantities per sampled sentence (benchmarks/extraction_gold.py).\n"
                  "# Labelled by hand by docs/extraction-gold.md; no corpus text is stored here.\n")
        path.write_text(header + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False,
                                                default_flow_style=None, width=200), encoding="utf-8")
        print(f"wrote {path} ({len(entries)} sentences)")


def reviewed(corpus: str, half: str) -> bool:
    """Whether a person has labelled this gold file: a skeleton is the grammar's own output and scores 1.0."""
    path = gold_path(corpus, half)
    return path.is_file() and not path.read_text(encoding="utf-8").startswith(DRAFT)


def labelled(corpus: str, half: str) -> list[tuple[Sentence, list[tuple[str, str | None, str]]]]:
    """Each gold sentence of one file with its labels as ``(value, unit, hedge)``.

    A sentence whose text no longer hashes to the stored prefix stops the run: its labels
    would score a different sentence.
    """
    sentences = {(s.row, s.column): s for s in sentences_of(corpus, half)}
    path = gold_path(corpus, half)
    result = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        sentence = sentences.get((entry["row"], entry["column"]))
        if sentence is None or sentence.sha1 != entry["sha1"]:
            raise ValueError(f"{path}: row {entry['row']} {entry['column']}: the corpus changed under the labels")
        labels = [(str(q["value"]), q.get("unit"), q.get("hedge", "exact")) for q in entry["quantities"] or []]
        result.append((sentence, labels))
    return result


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--write", action="store_true", help="write the label skeletons (never overwrites)")
    options.add_argument("--show", metavar="CORPUS-HALF", help="print the sentences of one gold file with their labels")
    arguments = options.parse_args()
    if not available():
        print(f"skipped: corpora not found under {PEERS}")
        return 0
    if arguments.write:
        for corpus in SAMPLE:
            _write(corpus)
    if arguments.show:
        corpus, half = arguments.show.split("-", 1)
        for sentence, labels in labelled(corpus, half):
            print(f"{sentence.row} {sentence.column}: {sentence.text}\n    {labels}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())

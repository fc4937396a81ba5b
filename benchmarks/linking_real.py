"""How many numbers of real news ``extract --reference`` links, and how many rightly, per language.

The texts and their links are ``benchmarks/linking/real-news.yaml`` (sentences the tests quote from
real news, and the ECOS example article), read against the reference data of ``linking_eval.py``
(FRED graph CSVs with their units and ``us-aliases.yaml``, Tesla's companyfacts, two ECOS tables).
A link is right with the listed metric and period (the same span: 2022-07..2022-09 is 2022-Q3) and,
for a stated change (or a fourth quarter, the year less its first nine months), the earlier period;
any other link is wrong. A percent change the draft states as a relation looking up one metric in
two periods counts as that metric's change between them, as in ``linking_eval.py``. For before/after:

    python benchmarks/linking_real.py                  # this tree
    python benchmarks/linking_real.py --tree ../main   # another checkout
    python benchmarks/linking_real.py --texts benchmarks/linking/wire-stories.yaml   # other labelled texts

Skips (exit 0) when ../shared is absent.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from linking_eval import looked_up

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LINKING = Path(__file__).resolve().parent / "linking"


def span(label: str) -> tuple[Any, Any]:
    """A period as its first and last day, so two labels of one span compare equal."""
    from checker.periods import parse_period
    period = parse_period(str(label))
    return period.start, period.end


def made(link: Any) -> tuple[Any, ...] | None:
    """A link (or a looked-up change, as a dict) as ``(metric, span[, earlier span])``; None for what
    is no link (rivals)."""
    if isinstance(link, dict):
        return (link["metric"], span(link["period"]), span(link["earlier"]))
    if not hasattr(link, "metric") or not hasattr(link, "period"):
        return None
    earlier = (span(link.earlier),) if hasattr(link, "earlier") else ()
    return (link.metric, span(link.period), *earlier)


def tally(texts: list[dict[str, Any]], reference: Any, aliases: Any,
          shown: list[str] | None = None) -> dict[str, list[int]]:
    """Per language: numbers drafted, labelled, linked rightly, linked wrongly; each wrong link, missed
    label and label no drafted number carries is added to ``shown`` when given."""
    from checker.extraction import extract
    from checker.extraction.linking import links, vetted
    from checker.quantities.model import Kind
    counts: dict[str, list[int]] = {}
    notes = [] if shown is None else shown
    for item in texts:
        text = (ROOT / item["file"]).read_text(encoding="utf-8") if "file" in item else item["text"] + "\n"
        extraction = vetted(extract(text, item["language"], str(item["published"]), aliases), reference)
        linked: dict[int, Any] = dict(links(extraction, reference, aliases))
        linked.update((relation.claim, looked_up(relation)) for relation in extraction.relations
                      if relation.claim not in linked and looked_up(relation) is not None)
        labels = {number: (metric, *map(span, periods)) for number, (metric, *periods) in item["links"].items()}
        count = counts.setdefault(item["language"], [0, 0, 0, 0])
        where = item.get("file") or text.strip().split("\n")[0][:40]
        drafted = set()
        for index, found in enumerate(extraction.quantities):
            if found.quantity.kind is Kind.DATE:
                continue
            written = found.quantity.text
            want, got = labels.get(written), made(linked.get(index))
            drafted.add(written)
            count[0] += 1
            count[1] += want is not None
            count[2] += got is not None and got == want
            count[3] += got is not None and got != want
            if got is not None and got != want:
                notes.append(f"  wrong: {where}: {written!r} linked to {linked[index]}")
            elif want is not None and got is None:
                notes.append(f"  missed: {where}: {written!r} not linked to {item['links'][written]}")
        notes.extend(f"  not drafted: {where}: {written!r}" for written in labels if written not in drafted)
    return counts


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose checker to run (default: this one)")
    options.add_argument("--texts", type=Path, default=LINKING / "real-news.yaml",
                         help="the labelled texts (default: benchmarks/linking/real-news.yaml)")
    options.add_argument("--show", action="store_true", help="list the wrong links, missed labels and labels no number carries")
    arguments = options.parse_args()
    if not (SHARED / "reference-data").is_dir():
        print(f"skipped: shared reference data not found at {SHARED}")
        return 0
    sys.path.insert(0, str(arguments.tree.resolve()))
    from checker.extraction.metrics import aliases_of
    from checker.reference import ReferenceData
    from checker.reference.entry import Entry
    spec = yaml.safe_load((LINKING / "cases.yaml").read_text(encoding="utf-8"))
    entries = [Entry(SHARED / "reference-data" / item["file"], unit=item.get("unit", "")) for item in spec["reference"]]
    reference, problems = ReferenceData.load([*entries, LINKING / spec["aliases"]])
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    texts = yaml.safe_load(arguments.texts.read_text(encoding="utf-8"))["texts"]
    shown: list[str] = []
    for language, (drafted, labelled, right, wrong) in tally(texts, reference, aliases_of(reference), shown).items():
        print(f"{language}: {drafted} numbers drafted, {labelled} a fact-checker links; "
              f"{right} linked rightly, {wrong} wrongly")
    if arguments.show:
        print("\n".join(shown) or "  (none wrong or missed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Extraction structure on real sentences: negatives, periods, change vs range, open-class units.

Each case in ``extract_cases/structure.yaml`` names a sentence of ``../shared/peer-corpora``
by its corpus file and a few words it contains (``find``); the sentence is read from
there, never copied into this repository, and the test skips when the corpora are
absent. What ``extract`` must find in it (and must not) is written by hand in the YAML:

* ``quantities``: expressions that must be extracted with these fields;
* ``absent``: words no extracted quantity may touch (their first occurrence);
* ``relations``: relations the draft must state, operands and claim named by their text.

A structure table with the pass rate per category is printed at the end of the run
(``conftest.py``); a known failure carries ``xfail: reason`` and runs strictly.
"""
from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from checker.extraction import extract

HERE = Path(__file__).parent
CORPORA = HERE.resolve().parents[1] / "shared" / "peer-corpora"
SPEC = yaml.safe_load((HERE / "extract_cases" / "structure.yaml").read_text(encoding="utf-8"))
CATEGORIES = ("negatives", "periods", "change_range", "units")

if not CORPORA.is_dir():
    pytest.skip(f"peer corpora not found at {CORPORA}", allow_module_level=True)


def _strings(value: Any) -> Iterator[str]:
    """Every string of a JSON document, depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@lru_cache(maxsize=None)
def _texts(source: str) -> tuple[str, ...]:
    """The text fields of a corpus file: CSV cells or JSON strings."""
    path = CORPORA / source
    content = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        return tuple(_strings(json.loads(content)))
    return tuple(cell for row in csv.reader(content.splitlines(keepends=True)) for cell in row)


def sentence(case: dict[str, Any]) -> str:
    """The corpus text field holding ``case['find']``."""
    found = next((text for text in _texts(case["source"]) if case["find"] in text), None)
    assert found is not None, f"{case['find']!r} not in {case['source']}"
    return found


def _params() -> list[Any]:
    params = []
    for category in CATEGORIES:
        for number, case in enumerate(SPEC.get(category) or []):
            case_id = f"{category}-{number:03d}"
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            params.append(pytest.param(case, id=case_id, marks=marks))
    return params


def _matches(found: Any, expected: dict[str, Any]) -> bool:
    q = found.quantity
    actual = {"kind": q.kind.value, "unit": q.unit, "qualifier": q.qualifier.value, "period": found.period,
              "value": q.value, "low": q.low, "high": q.high}
    for key, want in expected.items():
        if key == "text":
            continue
        have = actual[key]
        if key in ("value", "low", "high"):
            want = Decimal(str(want)) if want is not None else None
        if have != want:
            return False
    return True


@pytest.mark.parametrize("case", _params())
def test_structure(case: dict[str, Any]) -> None:
    text = sentence(case)
    published = case.get("published")
    result = extract(text, case.get("language"), published=date.fromisoformat(str(published)) if published else None)
    found = result.quantities
    texts = [f.quantity.text for f in found]
    for expected in case.get("quantities", []):
        same = [f for f in found if f.quantity.text == expected["text"]]
        assert same, f"{expected['text']!r} not among {texts}"
        assert any(_matches(f, expected) for f in same), \
            f"{expected} vs {[(f.quantity, f.period) for f in same]}"
    for word in case.get("absent", []):
        start = text.index(word)
        end = start + len(word)
        touching = [f.quantity.text for f in found if f.quantity.start < end and start < f.quantity.end]
        assert not touching, f"{word!r} read as {touching}"
    stated = [(r.relation, found[r.claim].quantity.text,
               [found[o].quantity.text if isinstance(o, int) else o for o in r.operands])
              for r in result.relations]
    for relation in case.get("relations", []):
        want = (relation["relation"], relation.get("claim"), relation["operands"])
        assert any(r[0] == want[0] and r[2] == want[2] and (want[1] is None or r[1] == want[1]) for r in stated), \
            f"{want} not among {stated}"

"""Observations written back as a reference file that ``reference:`` reads as it is.

``claimcheck fetch`` turns a provider's answer into rows; this module writes them in
claimcheck's own shapes: ``.csv`` the long shape with a ``vintage`` column and the file's
provenance as ``# key: value`` lines, ``.json``/``.yaml`` a ``rows`` list whose rows
carry the provenance as notes. Values are written with the digits published (the
series' precision is read back from them), units as published (their scale is applied
when the file is read), periods as labels ``parse_period`` reads back.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Callable, Iterable, Mapping

import yaml

from checker.reference.model import Observation

SUFFIXES = (".csv", ".json", ".yaml", ".yml")
COLUMNS = ("entity", "metric", "period", "value", "unit", "source", "vintage")


def row_of(observation: Observation, entity: str = "") -> dict[str, str]:
    """One observation as the cells of a long row; ``entity`` renames the key's first part."""
    first, _, metric = observation.metric.partition(".")
    return {
        "entity": entity or first,
        "metric": metric,
        "period": observation.period.label,
        "value": str(observation.value),
        "unit": observation.unit,
        "source": observation.source,
        "vintage": observation.vintage.isoformat() if observation.vintage else "",
    }


def render(observations: Iterable[Observation], suffix: str, provenance: Mapping[str, str], entity: str = "",
           hide: Callable[[str], str] = str) -> str:
    """The text of a reference file of ``suffix`` holding ``observations`` and ``provenance``.

    ``hide`` rewrites every cell and provenance value before it is written (``fetch``
    blanks its API keys with it, also where an answer echoed one into a row), so no
    format's quoting or escaping can keep a secret out of its reach.
    """
    rows = [{name: hide(cell) for name, cell in row_of(observation, entity).items()} for observation in observations]
    provenance = {name: hide(value) for name, value in provenance.items()}
    if suffix == ".csv":
        return _csv(rows, provenance)
    written = [{**{k: v for k, v in row.items() if v}, **provenance} for row in rows]
    if suffix == ".json":
        return json.dumps({"rows": written}, ensure_ascii=False, indent=1) + "\n"
    if suffix in (".yaml", ".yml"):
        return yaml.safe_dump({"rows": written}, allow_unicode=True, sort_keys=False, width=1000)
    raise ValueError(f"cannot write a reference file ending {suffix!r} (use {', '.join(SUFFIXES)})")


def _csv(rows: list[dict[str, str]], provenance: Mapping[str, str]) -> str:
    buffer = io.StringIO()
    for key, value in provenance.items():
        buffer.write(f"# {key}: {' '.join(value.split())}\n")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()

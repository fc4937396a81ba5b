"""Official downloads read as their providers publish them, one module per provider.

Each module declares ``NAME`` (shown in messages), ``recognise(suffix, head) -> bool``
(``head``: the first few KB of the text, so recognition never reads a file twice) and
``read(text, shown, entry) -> FileData``. A reader returns observations with the
provider's own metric key, unit string (scale words included, e.g. ``Thousands of
Persons``), period, source and vintage; ``precision`` is left at zero. Everything
common to all files (the entry's overrides, unit scales, the series' own precision,
frequency) is applied afterwards in :mod:`checker.reference.finish`, so a new provider
is one new module and its sniff in :mod:`checker.reference.sources.recognisers`, which
keeps the sniffs apart so a run imports only the readers of the downloads it has.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from checker.reference.sources.recognisers import RECOGNISERS


def recognise(suffix: str, head: str) -> ModuleType | None:
    """The provider module whose format this text is, or None for claimcheck's own shapes."""
    for name, recognises in RECOGNISERS:
        if recognises(suffix, head):
            return importlib.import_module(f"{__name__}.{name}")
    return None

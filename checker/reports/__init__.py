"""The report registry: one module per output format, each declaring ``NAME`` and ``render``.

A format renders an engine ``Report`` to a text stream and never computes a verdict.
Adding one is a new module here and one entry in ``_MODULES``.
"""
from __future__ import annotations

import os
import sys
from types import ModuleType
from typing import TextIO

from checker.reports import claimreview, github, html, json_report, junit, markdown, parsable, rich_report, sarif

_MODULES: tuple[ModuleType, ...] = (rich_report, parsable, json_report, junit, sarif, github, markdown, html, claimreview)
_FORMATS: dict[str, ModuleType] = {module.NAME: module for module in _MODULES}


def names() -> list[str]:
    return ["auto", *_FORMATS]


def resolve(name: str, stream: TextIO = sys.stdout) -> str:
    """The concrete format for ``name``: ``auto`` is github in GitHub Actions, rich on a terminal, parsable otherwise."""
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS"):
        return "github"
    return "rich" if stream.isatty() and os.environ.get("TERM") != "dumb" else "parsable"


def get(name: str) -> ModuleType:
    try:
        return _FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}'; choose from {', '.join(names())}") from None

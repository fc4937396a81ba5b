"""The report registry: one module per output format, each with ``render``.

A format renders an engine ``Report`` to a text stream and never computes a verdict.
Adding one is a new module here and one entry in ``_MODULES``. A module is imported
when its format is asked for, so a run that writes JSON never loads rich or the HTML writer.
"""
from __future__ import annotations

import os
import sys
from importlib import import_module
from types import ModuleType
from typing import TextIO

#: Each format's name and its module under ``checker.reports``.
_MODULES: dict[str, str] = {
    "rich": "rich_report", "parsable": "parsable", "json": "json_report", "junit": "junit", "sarif": "sarif",
    "github": "github", "markdown": "markdown", "html": "html", "claimreview": "claimreview",
}


def names() -> list[str]:
    return ["auto", *_MODULES]


def resolve(name: str, stream: TextIO | None = None) -> str:
    """The concrete format for ``name``: ``auto`` is github in GitHub Actions, rich on a terminal, parsable otherwise."""
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS"):
        return "github"
    return "rich" if (stream or sys.stdout).isatty() and os.environ.get("TERM") != "dumb" else "parsable"


def get(name: str) -> ModuleType:
    try:
        module = _MODULES[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}'; choose from {', '.join(names())}") from None
    return import_module(f"checker.reports.{module}")

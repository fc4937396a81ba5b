"""The command registry: one module per ``claimcheck`` subcommand.

Each module declares ``NAME`` and ``HELP``, ``add_arguments(parser)`` and
``run(arguments) -> int`` (the exit code). Adding a command is one new module here and
one entry in ``_MODULES``.
"""
from __future__ import annotations

from types import ModuleType

from checker.commands import check, explain, extract, fetch, lint, scan

_MODULES: tuple[ModuleType, ...] = (check, lint, explain, extract, fetch, scan)
COMMANDS: dict[str, ModuleType] = {module.NAME: module for module in _MODULES}

#: Exit codes (DESIGN, never renumbered).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

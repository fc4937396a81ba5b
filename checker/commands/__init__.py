"""The command registry: one module per ``claimcheck`` subcommand.

Each module ``checker.commands.<name>`` has ``add_arguments(parser)`` and ``run(arguments)
-> int`` (the exit code); its one-line help is here, so ``claimcheck --help`` lists every
command and a run imports only the module of the command it runs (a cold
``claimcheck extract`` never loads the engine). Adding a command is one new module here
and one entry in ``COMMANDS``.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

#: Each command's name and one-line help, in the order ``--help`` lists them.
COMMANDS: dict[str, str] = {
    "check": "check claim files and report a verdict for every claim",
    "lint": "validate claim files and reference data without evaluating",
    "explain": "print the full evidence trail of one claim (FILE#CLAIM_ID)",
    "extract": "draft a claim file from the numbers of an article",
    "fetch": "fetch an official series by id (fred:, edgar:, ecos:, kosis:, dart:) into a reference file",
    "metrics": "list every metric key of reference files with its name, unit, frequency and periods",
    "scan": "extract every quantity of an archive of articles into one Parquet table",
}

#: Exit codes (DESIGN, never renumbered).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def command(name: str) -> ModuleType:
    """The module of command ``name`` (one of ``COMMANDS``), imported now."""
    return import_module(f"checker.commands.{name}")

"""``claimcheck lint``: validate claim files and reference data without evaluating a claim.

Fast enough for a pre-commit hook: it reads each claim file (schema, quotes found in
the article, periods, operands, cycles), loads the reference files it names (every row
sourced and well formed), and checks that every metric and event a claim names exists
in them, with a did-you-mean. Nothing is looked up or judged. A path that is a
reference file (CSV, JSON, or anything under a ``reference/`` folder) is linted as
reference data, and so is every such file of a folder of reference data (a folder
named ``reference``, or one that holds no claim files). Problems go to stderr as ``path:line:col: message``; exit 2 when there
is any, else 0.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.claimfile import ClaimFile, discover, load_claim_file
from checker.claimfile.load import REFERENCE_FOLDER
from checker.errors import InputError
from checker.reference import ReferenceData
from checker.suggest import did_you_mean, did_you_mean_series

_REFERENCE_SUFFIXES = (".csv", ".json")
_ALL_SUFFIXES = _REFERENCE_SUFFIXES + (".yaml", ".yml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="claim files, reference files, or folders of either (default: .)")


def run(arguments: argparse.Namespace) -> int:
    paths = [found for path in map(Path, arguments.paths) for found in _expand_reference_folder(path)]
    claim_paths = [path for path in paths if not is_reference_file(path)]
    reference_paths = [path for path in paths if is_reference_file(path)]
    files, problems = discover(claim_paths)
    claims = 0
    for path in files:
        claim_file, file_problems = load_claim_file(path)
        problems += file_problems
        if claim_file is not None:
            claims += len(claim_file.claims)
            problems += lint_claim_file(claim_file)
            reference_paths = [p for p in reference_paths if p.resolve() not in
                               {r.resolve() for r in claim_file.reference_paths}]
    if reference_paths:
        problems += ReferenceData.load(reference_paths)[1]
    unique = list(dict.fromkeys((str(problem.location), problem.message) for problem in problems))
    for location, message in unique:
        print(f"{location}: {message}", file=sys.stderr)
    print(f"lint: {len(files)} claim file(s), {claims} claims, {len(reference_paths)} other reference file(s): "
          f"{len(unique) or 'no'} problem(s)")
    return 2 if unique else 0


def _expand_reference_folder(path: Path) -> list[Path]:
    """A folder of reference data (one named ``reference``, or holding no claim files) as its files."""
    if not path.is_dir():
        return [path]
    if path.name != REFERENCE_FOLDER and discover([path])[0]:
        return [path]
    files = sorted(found for found in path.rglob("*") if found.is_file() and found.suffix.lower() in _ALL_SUFFIXES
                   and not any(part.startswith(".") for part in found.relative_to(path).parts))
    return files or [path]


def is_reference_file(path: Path) -> bool:
    """A file to lint as reference data rather than as a claim file."""
    return path.is_file() and (path.suffix.lower() in _REFERENCE_SUFFIXES or REFERENCE_FOLDER in path.parts)


def lint_claim_file(claim_file: ClaimFile) -> list[InputError]:
    """The claims' own problems, the reference files' problems, and names the reference lacks."""
    problems = [problem for claim in claim_file.claims for problem in claim.problems]
    reference, reference_problems = ReferenceData.load(claim_file.references)
    problems += reference_problems
    metrics, events = reference.names(), reference.events()
    for claim in claim_file.claims:
        if claim.metric is not None and claim.metric not in metrics:
            where = claim.key_locations.get("metric", claim.location)
            hint = did_you_mean_series(claim.metric, metrics)
            problems.append(InputError(where, f"unknown metric {claim.metric!r}{hint}"))
        operands = claim.operands.values() if isinstance(claim.operands, dict) else claim.operands
        for operand in operands:
            if operand.metric is not None and operand.metric not in metrics:
                problems.append(InputError(operand.location, (
                    f"unknown metric {operand.metric!r}{did_you_mean_series(operand.metric, metrics)}")))
            if operand.event is not None and operand.event not in events:
                problems.append(InputError(operand.location, (
                    f"unknown event {operand.event!r}{did_you_mean(operand.event, events)}")))
    return problems

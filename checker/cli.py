"""The ``claimcheck`` command: find files, pick a format, set the exit code.

Everything else lives in the library; this module only translates between the command
line and it. Exit codes (DESIGN, never renumbered): 0 all good, 1 a claim failed,
2 usage error or invalid input (wins over 1), 130 interrupted.
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from checker import reports
from checker.claimfile import project
from checker.atomic import write_text
from checker.evaluation.engine import check
from checker.evaluation.results import FAIL_LEVELS, Report

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Check numeric claims in news articles against sourced reference data.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    checking = commands.add_parser("check", help="check claim files and report a verdict for every claim")
    checking.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                          help="claim files or folders holding them (default: .)")
    checking.add_argument("--format", default="auto", choices=reports.names(),
                          help="report format (default: auto: rich on a terminal, parsable otherwise)")
    checking.add_argument("--output", type=Path, metavar="FILE",
                          help="also write the report in --format to FILE; the human report still prints")
    checking.add_argument("--fail-on", default="refuted", choices=FAIL_LEVELS,
                          help="fail (exit 1) on this verdict and the ones before it in refuted, imprecise, "
                               "unverifiable (default: refuted); a claim with expect: fails only on a mismatch")
    checking.add_argument("--max-bytes", type=int, default=10_000_000, metavar="N",
                          help="refuse input files larger than N bytes (default: 10 MB)")
    checking.add_argument("--config", type=Path, metavar="FILE",
                          help=f"project settings (default: ./{project.FILE_NAME} when present), e.g. tolerance: {{approx: 3%%}}")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        return run_check(arguments)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as problem:
        print(f"claimcheck: {problem}", file=sys.stderr)
        return EXIT_USAGE


def run_check(arguments: argparse.Namespace) -> int:
    tolerance, problems = _project_tolerance(arguments.config)
    report = check(arguments.paths, tolerance=tolerance, max_bytes=arguments.max_bytes)
    report.errors[:0] = problems
    for error in report.errors:
        print(error, file=sys.stderr)
    if arguments.output is not None:
        write_text(arguments.output, _rendered(report, arguments.format if arguments.format != "auto" else "json"))
        human = reports.resolve("auto", sys.stdout)
    else:
        human = reports.resolve(arguments.format, sys.stdout)
    reports.get(human).render(report, sys.stdout)
    return report.exit_code(arguments.fail_on)


def _project_tolerance(config: Path | None) -> tuple[dict, list]:
    """The project's tolerances: from ``--config``, else ``./claimcheck.yaml`` if there is one."""
    if config is None:
        config = Path(project.FILE_NAME)
        if not config.is_file():
            return {}, []
    return project.load_project_settings(config)


def _rendered(report: Report, name: str) -> str:
    buffer = io.StringIO()
    reports.get(name).render(report, buffer)
    return buffer.getvalue()

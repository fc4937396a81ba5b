"""The ``claimcheck`` command line: parse arguments, dispatch to a command, map failures to exit codes.

Everything else lives in the library and in ``checker.commands``; this module only
translates between the command line and them. Exit codes (DESIGN, never renumbered):
0 all good, 1 a claim failed, 2 usage error, invalid input or an internal error (wins over 1),
130 interrupted. In GitHub Actions every line printed, to either stream, goes through
``checker.reports.workflow``'s guard, so no input can forge a workflow command.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import sys

from checker.commands import COMMANDS, EXIT_INTERRUPTED, EXIT_USAGE, command
from checker.errors import printable
from checker.reports.workflow import Guard, guarded


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser, with the arguments of command ``chosen`` only: the others are listed, not loaded."""
    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Check numeric claims in news articles against sourced reference data.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and, in a git checkout, the commit")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, summary in COMMANDS.items():
        subparser = subcommands.add_parser(name, help=summary, description=summary)
        if name == chosen:
            command(name).add_arguments(subparser)
    return parser


class _Version(argparse.Action):
    """``--version``: the commit is asked of git only when the option is given, not at every start."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from checker import version
        print(version.line())
        parser.exit()


def _chosen(argv: list[str]) -> str | None:
    """The command word: the first argument that is no option (the top level has only ``-h``)."""
    return next((argument for argument in argv if not argument.startswith("-")), None)


def main(argv: list[str] | None = None) -> int:
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = guarded(sys.stdout), guarded(sys.stderr)
    try:
        return _run(argv)
    finally:
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, Guard):
                with contextlib.suppress(OSError, ValueError):  # a closed or broken pipe has nothing left to say
                    stream.flush()
        sys.stdout, sys.stderr = streams


def _run(argv: list[str] | None) -> int:
    own = argv is None  # the process's own command line: the process ends when the command does
    argv = sys.argv[1:] if argv is None else argv
    arguments = build_parser(_chosen(argv)).parse_args(argv)
    if own:
        # What start-up made (the command's modules, classes, patterns) lives until exit, yet the
        # collection at exit would walk all of it: a twentieth of a cold check (issue 25, item 6).
        # A caller running commands in a long-lived process (tests, a service) keeps its collector.
        gc.freeze()
    try:
        return command(arguments.command).run(arguments)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_USAGE
    except OSError as problem:
        print(f"claimcheck: {printable(str(problem))}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as problem:  # a bug the commands' own nets missed: one line, never a traceback
        print(printable(f"claimcheck {arguments.command}: internal error: {problem!r} (please report it with "
                        "the input that caused it)"), file=sys.stderr)
        return EXIT_USAGE

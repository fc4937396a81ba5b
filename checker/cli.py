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
from checker.gc_pause import keep_old, no_cycle_collection
from checker.reports.workflow import Guard, guarded


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser, with the arguments of command ``chosen`` only: the others are listed, not loaded."""
    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Check numeric claims in news articles against sourced reference data.",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and, in a git checkout, the commit")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, summary in COMMANDS.items():
        subparser = subcommands.add_parser(name, help=summary, description=summary, formatter_class=_Formatter)
        if name == chosen:
            command(name).add_arguments(subparser)
    return parser


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, asking the terminal's width only when it lays out text.

    argparse makes a formatter for every argument added (to check its metavar), and the
    default one asks the width at once, importing shutil and with it zlib, bz2 and lzma:
    a twentieth of a cold check, for help a run seldom prints (issue 25, item 6).
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width=0)  # both sizes are set when first read
        del self._width, self._max_help_position
        self._sizes = indent_increment, max_help_position, width

    def __getattr__(self, name: str) -> int:
        if name not in ("_width", "_max_help_position"):
            raise AttributeError(name)
        sized = argparse.HelpFormatter(self._prog, *self._sizes)  # argparse's own sizing, the terminal asked now
        self._width, self._max_help_position = sized._width, sized._max_help_position
        return getattr(self, name)


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
    if not own:
        arguments = build_parser(_chosen(argv)).parse_args(argv)
    else:
        # What start-up makes (the command's modules, classes, patterns) lives until exit, yet each
        # collection while it is made, and the one at exit, would walk all of it: paused while the
        # command loads, then frozen before the collector resumes (else its first collection walks
        # all that the pause let pile up), a twentieth of a cold check (issue 25, item 6). A caller
        # running commands in a long-lived process (tests, a service) keeps its collector as it was.
        with no_cycle_collection():
            arguments = build_parser(_chosen(argv)).parse_args(argv)
            gc.freeze()
        keep_old.process_ends = True  # what a command keeps is frozen too (``checker.gc_pause.keep_old``)
    try:
        return command(arguments.command).run(arguments)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_USAGE
    except OSError as problem:
        _report(f"claimcheck: {problem}")
        return EXIT_USAGE
    except Exception as problem:  # a bug the commands' own nets missed: one line, never a traceback
        _report(f"claimcheck {arguments.command}: internal error: {problem!r} (please report it with the input "
                "that caused it)")
        return EXIT_USAGE


def _report(message: str) -> None:
    """``message`` on stderr as one visible line (``printable``).

    ``checker.errors`` is imported here, not with this module: it loads the quantity grammar's
    modules, which the start-up pause in ``_run`` should cover, as it covers every command's.
    """
    from checker.errors import printable
    print(printable(message), file=sys.stderr)

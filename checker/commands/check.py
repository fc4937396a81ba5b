"""``claimcheck check``: check claim files and report a verdict for every claim."""
from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path
from typing import Callable

from checker import messages, progress, reports, runner
from checker.atomic import write_text
from checker.claimfile import project
from checker.commands.outputs import overwritten_input, refusal
from checker.errors import InputError, printable
from checker.evaluation.engine import check
from checker.evaluation.results import FAIL_LEVELS, Report, Result
from checker.reference.files import MAX_BYTES as REFERENCE_MAX_BYTES



def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="claim files or folders holding them (default: .)")
    parser.add_argument("--format", default="auto", choices=reports.names(),
                        help="report format (default: auto: github in GitHub Actions, rich on a terminal, "
                             "parsable otherwise)")
    parser.add_argument("--output", type=Path, metavar="FILE",
                        help="also write the report in --format to FILE; the human report still prints")
    parser.add_argument("--fail-on", default="refuted", choices=FAIL_LEVELS,
                        help="fail (exit 1) on this verdict and the ones before it in refuted, imprecise, "
                             "unverifiable (default: refuted); a claim with expect: fails only on a mismatch")
    parser.add_argument("--late-evidence", default="fail", choices=("fail", "warn"),
                        help="a failing verdict on figures published after the article, or at an unknown date: "
                             "fail the run like any other (default), or only warn (the report still says so)")
    parser.add_argument("--max-bytes", type=int, default=10_000_000, metavar="N",
                        help="refuse claim files and articles larger than N bytes (default: 10 MB)")
    parser.add_argument("--max-reference-bytes", type=int, default=REFERENCE_MAX_BYTES, metavar="N",
                        help="refuse reference text files larger than N bytes (default: 1 GB)")
    parser.add_argument("--baseline", type=Path, metavar="FILE",
                        help="fail only on failures not recorded in FILE (see --write-baseline)")
    parser.add_argument("--write-baseline", action="store_true",
                        help="record today's failures in the --baseline FILE, so only new ones fail later runs")
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help=f"project settings (default: ./{project.FILE_NAME} when present), "
                             "e.g. tolerance: {approx: 3%%}")
    add_language_argument(parser)
    runner.add_arguments(parser)


def run(arguments: argparse.Namespace) -> int:
    if arguments.write_baseline and arguments.baseline is None:
        from checker.commands import EXIT_USAGE  # the registry imports this module first

        print("claimcheck check: --write-baseline needs --baseline FILE to write to", file=sys.stderr)
        return EXIT_USAGE
    tolerance, problems = project_tolerance(arguments.config)
    with runner.opened(arguments) as map_files:
        report = check(arguments.paths, tolerance=tolerance, max_bytes=arguments.max_bytes,
                       max_reference_bytes=arguments.max_reference_bytes, progress=progress.bar(), map_files=map_files,
                       language=arguments.lang)
    report.errors[:0] = problems
    refused = overwrite_refusal(report, arguments)
    if refused is not None:
        print(refused, file=sys.stderr)
        return 2
    accepted = _with_late_evidence(known_failures(report, arguments), arguments.late_evidence)
    for error in report.errors:
        print(error, file=sys.stderr)
    if arguments.output is not None:
        write_text(arguments.output, rendered(report, arguments.format if arguments.format != "auto" else "json"))
        human = reports.resolve("auto", sys.stdout)
    else:
        human = reports.resolve(arguments.format, sys.stdout)
    reports.get(human).render(report, sys.stdout)
    return report.exit_code(arguments.fail_on, accepted)


def add_language_argument(parser: argparse.ArgumentParser) -> None:
    """``--lang``: the language of the report's words (``check`` and ``explain`` alike)."""
    parser.add_argument("--lang", default="auto", choices=messages.CHOICES,
                        help="language of the report's words: auto (default: each claim file's article "
                             "language; headings in the first file's), ko or en. Machine fields (JSON keys, "
                             "verdict codes, SARIF levels, exit codes) never change")


def overwrite_refusal(report: Report, arguments: argparse.Namespace) -> str | None:
    """Why ``--output`` or ``--write-baseline`` would replace a file this run read, or None."""
    inputs = [*report.inputs, *(path for path in (arguments.config, Path(project.FILE_NAME)) if path is not None)]
    targets = [("--output", arguments.output)]
    if arguments.write_baseline:
        targets.append(("--baseline", arguments.baseline))
    elif arguments.baseline is not None:
        inputs.append(arguments.baseline)
    for option, target in targets:
        overwritten = overwritten_input(target, inputs) if target is not None else None
        if overwritten is not None:
            return refusal(option, target, overwritten)
    if arguments.output is not None and _a_claim_file(arguments.output):
        return printable(f"claimcheck: --output {arguments.output} is a claim file, written by hand; write the "
                         "report elsewhere")
    return _not_a_baseline(arguments.baseline) if arguments.write_baseline else None


def _a_claim_file(path: Path) -> bool:
    """Whether ``path`` holds a claim file, though this run did not read it (another article's claims)."""
    from checker.claimfile.load import looks_like_claim_file
    return path.is_file() and not path.is_symlink() and looks_like_claim_file(path)


def _not_a_baseline(path: Path) -> str | None:
    """Why ``--write-baseline`` may not replace what is at ``path``: a file there that is no baseline (a README,
    notes named by a slip) is the user's, and rewriting a baseline is the option's whole use. None when free."""
    if not os.path.lexists(path) or os.path.islink(path):
        return None   # a link is replaced, never written through
    from checker.evaluation import baseline  # only a run with --baseline reads or writes one

    try:
        baseline.load(path)
    except InputError as problem:
        return printable(f"claimcheck: --baseline {path} exists and is not a baseline file ({problem}); "
                         "--write-baseline replaces only a baseline: remove it or name another file")
    return None


def known_failures(report: Report, arguments: argparse.Namespace) -> Callable[[Result], bool] | None:
    """What the baseline accepts: written now (``--write-baseline``) or read; a bad file is an input error."""
    if arguments.baseline is None:
        return None
    from checker.evaluation import baseline  # only a run with --baseline reads or writes one

    if arguments.write_baseline:
        write_text(arguments.baseline, baseline.record(report, arguments.fail_on))
    try:
        return baseline.load(arguments.baseline).accepts
    except InputError as problem:
        report.errors.append(problem)
        return None


def _with_late_evidence(accepted: Callable[[Result], bool] | None,
                        late_evidence: str) -> Callable[[Result], bool] | None:
    """``--late-evidence warn``: a failure whose figures the writer may not have seen no longer fails the run."""
    if late_evidence != "warn":
        return accepted
    return lambda result: bool(result.timing_warning) or (accepted is not None and accepted(result))


def project_tolerance(config: Path | None) -> tuple[dict, list]:
    """The project's tolerances: from ``--config``, else ``./claimcheck.yaml`` if there is one."""
    if config is None:
        config = Path(project.FILE_NAME)
        if not config.is_file():
            return {}, []
    return project.load_project_settings(config)


def rendered(report: Report, name: str) -> str:
    """The report in format ``name`` as text, for writing to a file."""
    buffer = io.StringIO()
    reports.get(name).render(report, buffer)
    return buffer.getvalue()

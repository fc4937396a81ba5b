"""``claimcheck explain FILE#CLAIM_ID``: the whole evidence trail of one claim.

Everything a person needs to redo the check by hand, from the engine's result (this
command computes nothing itself): the quote, what the claim states and the interval
its digits stand for, each operand and reference row with its source, the interval
the evidence gives, the rule and the imprecise band applied, the verdict, any later
revision, and the fact-checker's note. Every line is printed with control characters
shown escaped: a quote or a note cannot drive the terminal.
"""
from __future__ import annotations

import argparse
import sys

from checker.errors import printable
from checker.evaluation.engine import check
from checker.evaluation.intervals import format_decimal
from checker.evaluation.timing import describe
from checker.evaluation.results import Result
from checker.reports.marks import label
from checker.suggest import did_you_mean

_CHECKS = {"reference": "against reference data", "internal": "against the article's own numbers",
           "mixed": "against the article's numbers and reference data"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="FILE#CLAIM_ID", help="a claim file and the id of one of its claims")


def run(arguments: argparse.Namespace) -> int:
    file, _, claim_id = arguments.target.rpartition("#")
    if not file or not claim_id:
        print(printable(f"claimcheck explain: expected FILE#CLAIM_ID, got {arguments.target!r}"), file=sys.stderr)
        return 2
    report = check([file])
    for error in report.errors:
        print(error, file=sys.stderr)
    matches = [result for result in report.results if result.id == claim_id]
    if not matches:
        known = [result.id for result in report.results]
        print(printable(f"{file}: no claim {claim_id!r}{did_you_mean(claim_id, known)}"), file=sys.stderr)
        return 2
    sys.stdout.write(trail(matches[0]))
    return 2 if report.errors else 0


def trail(result: Result) -> str:
    """The evidence trail as plain text, one fact a line."""
    lines = [f"claim     {result.id}  ({result.file}:{result.line}:{result.column})"]
    if result.quote:
        lines.append(f"quote     {result.quote}")
    lines.append(f"verdict   {label(result)}")
    if result.expected is not None:
        lines.append(f"ruling    expect: {result.expected}")
    if result.check:
        lines.append(f"checked   {_CHECKS.get(result.check, result.check)}")
    if result.claimed:
        claimed = result.claimed
        lines.append(f"claimed   {claimed['text']} = {_number(claimed.get('value'))} {claimed.get('unit') or ''}"
                     f" ({claimed.get('qualifier')}), digits stand for "
                     f"[{_number(claimed.get('low'))}, {_number(claimed.get('high'))}]")
    if result.actual:
        actual = result.actual
        lines.append(f"actual    {_number(actual.get('value'))} {actual.get('unit') or ''}, interval "
                     f"[{_number(actual.get('low'))}, {_number(actual.get('high'))}]")
    if result.rule:
        lines.append(f"rule      {result.rule}")
    for name, bounds in (result.bands or {}).items():
        lines.append(f"{name:9} [{_number(bounds[0], '−∞')}, {_number(bounds[1], '∞')}]")
    if result.steps:
        lines.append("operands and reference rows:")
        lines += [f"  {index}. {step}" for index, step in enumerate(result.steps, 1)]
    if result.series:
        values = [value for _, value in result.series]
        lines.append(f"series    {len(values)} daily values {result.series[0][0]}..{result.series[-1][0]}, "
                     f"from {format_decimal(min(values))} to {format_decimal(max(values))}")
    if result.sources:
        lines.append("sources:")
        lines += [f"  - {source}" for source in result.sources]
    if result.timing:
        lines.append(f"published {describe(result.timing)}")
    if result.revised:
        revised = result.revised
        outcome = "would change the verdict to" if revised["changes_verdict"] else "keeps the verdict"
        lines.append(f"vintage   used {revised['used_vintage']}: {_number(revised['used_value'])}; newest "
                     f"{revised['vintage']}: {_number(revised['value'])}, which {outcome} {revised['verdict']}")
    if result.note:
        lines.append(f"note      {' '.join(result.note.split())}")
    lines.append(f"because   {result.explanation}")
    return "".join(printable(line) + "\n" for line in lines)


def _number(value: object, missing: str = "?") -> str:
    return format_decimal(value) if value is not None else missing

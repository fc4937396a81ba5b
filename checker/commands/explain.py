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
from decimal import Decimal
from pathlib import Path

from checker.claimfile.load import load_claim_file, looks_like_claim_file
from checker.commands.check import add_language_argument
from checker.errors import printable
from checker.evaluation.engine import check
from checker.evaluation.intervals import format_decimal
from checker.evaluation.results import Result
from checker.evaluation.timing import describe
from checker.messages import KOREAN, dates, padded, qualifier_name, say, unit_name, verdict_name
from checker.reports.amounts import korean
from checker.reports.marks import label
from checker.suggest import closest_name, series_hint


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="FILE#CLAIM_ID", help="a claim file and the id of one of its claims")
    add_language_argument(parser)


def run(arguments: argparse.Namespace) -> int:
    file, _, claim_id = arguments.target.rpartition("#")
    if not file or not claim_id:
        print(printable(f"claimcheck explain: expected FILE#CLAIM_ID, got {arguments.target!r}"
                        f"{_ids_of(arguments.target)}"), file=sys.stderr)
        return 2
    report = check([file], language=arguments.lang)
    for error in report.errors:
        print(error, file=sys.stderr)
    matches = [result for result in report.results if result.id == claim_id]
    if not matches and report.results:
        known = [result.id for result in report.results]
        print(printable(f"{file}: no claim {claim_id!r}{_closest_ids(claim_id, known)}"), file=sys.stderr)
    if not matches:   # a file that did not load has said why above: no claim of it is "missing"
        return 2
    sys.stdout.write(trail(matches[0]))
    return 2 if report.errors else 0


#: Claim ids a hint lists at most.
_IDS_SHOWN = 5


def _ids_of(target: str) -> str:
    """``; its claims: a, b, …`` when ``target`` is a claim file named without ``#CLAIM_ID``, else ``""``."""
    path = Path(target)
    if not (path.is_file() and looks_like_claim_file(path)):
        return ""
    claim_file, _ = load_claim_file(path)
    ids = [claim.id for claim in claim_file.claims] if claim_file is not None else []
    return f"; its claims: {_listed(ids)}" if ids else ""


def _closest_ids(claim_id: str, known: list[str]) -> str:
    """The ids a reader most likely meant: those holding what was typed (part of a long id, "horizon", in
    any case), else the one nearest in spelling, case aside."""
    typed = claim_id.casefold()
    holding = [name for name in known if typed in name.casefold()]
    if holding:
        return f" (did you mean one of {_listed(holding)}?)" if len(holding) > 1 else f" (did you mean {holding[0]!r}?)"
    folded = {name.casefold(): name for name in known}
    return series_hint(tuple((folded[name], "") for name, _ in closest_name(typed, folded)))


def _listed(ids: list[str]) -> str:
    shown = ", ".join(map(repr, ids[:_IDS_SHOWN]))
    return shown + (f" and {len(ids) - _IDS_SHOWN} more" if len(ids) > _IDS_SHOWN else "")


def trail(result: Result) -> str:
    """The evidence trail as plain text, one fact a line, labelled in the result's language."""
    language = result.language

    def line(key: str, text: str) -> str:
        return padded(say(language, f"explain.{key}"), _LABEL_WIDTH) + text

    lines = [line("claim", f"{result.id}  ({result.file}:{result.line}:{result.column})")]
    if result.quote:
        lines.append(line("quote", result.quote))
    lines.append(line("verdict", label(result)))
    if result.expected is not None:
        lines.append(line("ruling", say(language, "explain.expect", verdict=verdict_name(result.expected, language))))
    if result.check:
        lines.append(line("checked", say(language, f"check.{result.check}")))
    if result.claimed and "value" not in result.claimed:  # words without a figure: 사상 최대, OECD 1위
        lines.append(line("claimed", result.claimed["text"]))
    elif result.claimed:
        claimed = result.claimed
        lines.append(line("claimed", say(
            language, "explain.claimed_value", text=claimed["text"], amount=_amount(claimed, language),
            low=_number(claimed.get("low"), language),
            high=_number(claimed.get("high"), language),
            qualifier=qualifier_name(str(claimed.get("qualifier")), language))))
    if result.actual:
        actual = result.actual
        lines.append(line("actual", say(
            language, "explain.actual_value", amount=_amount(actual, language),
            low=_number(actual.get("low"), language), high=_number(actual.get("high"), language))))
    if result.rule:
        lines.append(line("rule", result.rule))
    for name, bounds in (result.bands or {}).items():
        lines.append(line(name, f"[{_number(bounds[0], language, '−∞')}, {_number(bounds[1], language, '∞')}]"))
    if result.steps:
        lines.append(say(language, "explain.steps"))
        lines += [f"  {index}. {step}" for index, step in enumerate(result.steps, 1)]
    if result.series:
        values = [value for _, value in result.series]
        lines.append(line("series", say(
            language, "explain.series_value", count=len(values), first=dates(result.series[0][0], language),
            last=dates(result.series[-1][0], language), low=_number(min(values), language), high=_number(max(values), language))))
    if result.sources:
        lines.append(say(language, "explain.sources"))
        lines += [f"  - {source}" for source in result.sources]
    lines += [line("table", f"{name}: {url}") for name, url in result.links]
    if result.timing:
        lines.append(line("published", describe(result.timing, language)))
    if result.revised:
        revised = result.revised
        key = "explain.vintage_changes" if revised["changes_verdict"] else "explain.vintage_keeps"
        lines.append(line("vintage", say(
            language, key, used_vintage=dates(str(revised["used_vintage"]), language),
            used_value=_number(revised["used_value"], language), vintage=dates(str(revised["vintage"]), language),
            value=_number(revised["value"], language),
            verdict=verdict_name(revised["verdict"], language))))
    if result.note:
        lines.append(line("note", " ".join(result.note.split())))
    lines.append(line("because", result.explanation))
    return "".join(printable(line) + "\n" for line in lines)


#: Terminal columns of an evidence line's label and the spaces after it.
_LABEL_WIDTH = 10


def _number(value: object, language: str, missing: str = "?") -> str:
    """A figure as the trail shows it: every digit in English, at 만/억/조 scale in Korean."""
    if value is None:
        return missing
    return korean(Decimal(str(value))) if language == KOREAN else format_decimal(value)


def _amount(figure: dict, language: str) -> str:
    """A claimed or actual figure with its unit, and no stray space when it has none (an index claimed bare)."""
    return f"{_number(figure.get('value'), language)} {unit_name(figure.get('unit'), language)}".rstrip()

"""Shared pytest hooks: the conformance pass rates printed at the end of every run."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

#: (test module, section title): each conformance module gets a table of pass rates per peer file.
CONFORMANCE = (
    ("test_conformance_quantities", "quantity conformance (in scope = passed + failed + xfailed; labelled: + out of scope)"),
    ("test_extract_conformance", "extraction conformance (in scope = passed + failed + xfailed; labelled: + out of scope)"),
    ("test_extract_structure", "extraction structure on real sentences (in scope = passed + failed + xfailed)"),
)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for module, title in CONFORMANCE:
        _rates(terminalreporter, module, title)


def _outcome(outcome: str, report: Any) -> str:
    """``out of scope`` for a strict xfail listed as out of scope (its reason says so), else the outcome."""
    if outcome == "xfailed" and getattr(report, "wasxfail", "").startswith("out of scope: "):
        return "out of scope"
    return outcome


def _rates(terminalreporter: Any, module: str, title: str) -> None:
    """Pass rates per peer corpus file of one conformance module: over the cases in scope and over every labelled one.

    Out of scope are the strict xfails listed so; skipped are cases with no answer to score.
    """
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for outcome in ("passed", "failed", "xfailed", "xpassed", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            if module in nodeid and "[" in nodeid:
                counts[nodeid.split("[", 1)[1].rsplit("-", 1)[0]][_outcome(outcome, report)] += 1
    if not counts:
        return
    terminalreporter.section(title)
    width = max(len(source) for source in counts) + 1
    total_pass = total_scope = total_labelled = 0
    for source in sorted(counts):
        c = counts[source]
        in_scope = c["passed"] + c["failed"] + c["xfailed"] + c["xpassed"]
        labelled = in_scope + c["out of scope"]
        total_pass, total_scope, total_labelled = total_pass + c["passed"], total_scope + in_scope, total_labelled + labelled
        terminalreporter.write_line(
            f"{source:{width}} {_rate(c['passed'], in_scope)}  passed {c['passed']:3}/{in_scope:3}  "
            f"xfail {c['xfailed']:3}  failed {c['failed']:3}  out of scope {c['out of scope']:3}  "
            f"labelled {_rate(c['passed'], labelled)} of {labelled:3}  no answer {c['skipped']:3}")
    if total_scope:
        terminalreporter.write_line(f"{'all':{width}} {_rate(total_pass, total_scope)}  passed {total_pass}/{total_scope} "
                                    f"in scope; {_rate(total_pass, total_labelled)}  passed {total_pass}/{total_labelled} "
                                    "labelled")


def _rate(passed: int, cases: int) -> str:
    return f"{100 * passed / cases:5.1f}%" if cases else "   n/a"

"""Shared pytest hooks: the conformance pass rates printed at the end of every run."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

#: (test module, section title): each conformance module gets a table of pass rates per peer file.
CONFORMANCE = (
    ("test_conformance_quantities", "quantity conformance (in scope = passed + failed + xfailed)"),
    ("test_extract_conformance", "extraction conformance (in scope = passed + failed + xfailed)"),
    ("test_extract_structure", "extraction structure on real sentences (in scope = passed + failed + xfailed)"),
)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for module, title in CONFORMANCE:
        _rates(terminalreporter, module, title)


def _rates(terminalreporter: Any, module: str, title: str) -> None:
    """Pass rate per peer corpus file of one conformance module; skipped cases are out of scope."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for outcome in ("passed", "failed", "xfailed", "xpassed", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            if module in nodeid and "[" in nodeid:
                counts[nodeid.split("[", 1)[1].rsplit("-", 1)[0]][outcome] += 1
    if not counts:
        return
    terminalreporter.section(title)
    width = max(len(source) for source in counts) + 1
    total_pass = total_scope = 0
    for source in sorted(counts):
        c = counts[source]
        in_scope = c["passed"] + c["failed"] + c["xfailed"] + c["xpassed"]
        rate = f"{100 * c['passed'] / in_scope:5.1f}%" if in_scope else "   n/a"
        total_pass, total_scope = total_pass + c["passed"], total_scope + in_scope
        terminalreporter.write_line(
            f"{source:{width}} {rate}  passed {c['passed']:3}/{in_scope:3}  "
            f"xfail {c['xfailed']:3}  failed {c['failed']:3}  out of scope {c['skipped']:3}")
    if total_scope:
        terminalreporter.write_line(f"{'all':{width}} {100 * total_pass / total_scope:5.1f}%  "
                                    f"passed {total_pass}/{total_scope}")

"""Shared pytest hooks."""
from __future__ import annotations

from collections import defaultdict
from typing import Any


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Pass rate per peer corpus of the quantity conformance tests."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for outcome in ("passed", "failed", "xfailed", "xpassed", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            if "test_conformance_quantities" not in nodeid or "[" not in nodeid:
                continue
            source = nodeid.split("[", 1)[1].rsplit("-", 1)[0]
            counts[source][outcome] += 1
    if not counts:
        return
    terminalreporter.section("quantity conformance (in scope = passed + failed + xfailed)")
    total_pass = total_scope = 0
    for source in sorted(counts):
        c = counts[source]
        in_scope = c["passed"] + c["failed"] + c["xfailed"] + c["xpassed"]
        rate = f"{100 * c['passed'] / in_scope:5.1f}%" if in_scope else "   n/a"
        total_pass, total_scope = total_pass + c["passed"], total_scope + in_scope
        terminalreporter.write_line(
            f"{source:16} {rate}  passed {c['passed']:3}/{in_scope:3}  "
            f"xfail {c['xfailed']:3}  failed {c['failed']:3}  out of scope {c['skipped']:3}")
    if total_scope:
        terminalreporter.write_line(
            f"{'all':16} {100 * total_pass / total_scope:5.1f}%  passed {total_pass}/{total_scope}")


class ExtractionConformanceSummary:
    """Pass rate per peer corpus file of the extraction conformance tests (issue 3)."""

    MODULE = "test_extract_conformance"

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for outcome in ("passed", "failed", "xfailed", "xpassed", "skipped"):
            for report in terminalreporter.stats.get(outcome, []):
                nodeid = getattr(report, "nodeid", "")
                if self.MODULE in nodeid and "[" in nodeid:
                    counts[nodeid.split("[", 1)[1].rsplit("-", 1)[0]][outcome] += 1
        if not counts:
            return
        terminalreporter.section("extraction conformance (in scope = passed + failed + xfailed)")
        total_pass = total_scope = 0
        for source in sorted(counts):
            c = counts[source]
            in_scope = c["passed"] + c["failed"] + c["xfailed"] + c["xpassed"]
            rate = f"{100 * c['passed'] / in_scope:5.1f}%" if in_scope else "   n/a"
            total_pass, total_scope = total_pass + c["passed"], total_scope + in_scope
            terminalreporter.write_line(
                f"{source:24} {rate}  passed {c['passed']:3}/{in_scope:3}  "
                f"xfail {c['xfailed']:3}  failed {c['failed']:3}  out of scope {c['skipped']:3}")
        if total_scope:
            terminalreporter.write_line(
                f"{'all':24} {100 * total_pass / total_scope:5.1f}%  passed {total_pass}/{total_scope}")


def pytest_configure(config: Any) -> None:
    config.pluginmanager.register(ExtractionConformanceSummary(), "extraction-conformance-summary")

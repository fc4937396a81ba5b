"""``junit``: JUnit XML, the test report every CI system can show and track over time.

A claim file is a ``testsuite`` and each claim a ``testcase`` (``classname`` the file,
``name`` the claim id): a refuted claim or a ruling (``expect:``) that no longer
matches is a ``failure``, a claim whose verdict is ``error`` an ``error``, an
unverifiable claim ``skipped``. A claim recorded as refuted and still refuted passes,
as the exit code does. Input errors (a file that cannot be read) become ``error``
cases of their file's suite. The explanation goes into ``system-out`` so the CI page
shows the evidence.

The XML is well formed whatever the input holds: every string from input is written
with its control characters shown escaped (``checker.errors.printable``; XML 1.0 cannot
hold most of them even as character references), and ``##[`` is written ``#&#35;[`` so
the GitHub Actions runner never reads it as a command when the report is printed.
"""
from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree

from checker import version
from checker.errors import InputError, printable
from checker.evaluation.results import Report, Result
from checker.messages import say, verdict_name



def render(report: Report, stream: TextIO) -> None:
    root = ElementTree.Element("testsuites", name="claimcheck")
    suites: dict[str, ElementTree.Element] = {}
    for error in report.errors:
        _error_case(_suite(root, suites, error.location.path), error)
    for result in report.results:
        _case(_suite(root, suites, result.file), result)
    for element in (root, *suites.values()):
        _count(element)
    for element in root.iter():
        element.attrib.update((key, printable(value)) for key, value in element.attrib.items())
    ElementTree.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(root, encoding="unicode").replace("##[", "#&#35;["))
    stream.write("\n")


def _suite(root: ElementTree.Element, suites: dict[str, ElementTree.Element], file: str) -> ElementTree.Element:
    if file not in suites:
        suites[file] = ElementTree.SubElement(root, "testsuite", name=file, file=file)
        _properties(suites[file])
    return suites[file]


def _properties(suite: ElementTree.Element) -> None:
    """The claimcheck version and commit that wrote the report: JUnit's schema has properties per suite."""
    properties = ElementTree.SubElement(suite, "properties")
    for name, value in version.describe().items():
        ElementTree.SubElement(properties, "property", name=f"claimcheck.{name}", value=value or "")


def _case(suite: ElementTree.Element, result: Result) -> None:
    case = ElementTree.SubElement(suite, "testcase", name=result.id, classname=result.file, file=result.file,
                                  line=str(result.line), time="0")
    mismatch = result.expected is not None and result.expected != result.verdict
    language = result.language
    late = (say(language, "note", text=result.timing_warning),) if result.timing_warning else ()
    explained = " ".join((result.explanation, *late))
    if result.verdict == "error":
        ElementTree.SubElement(case, "error", message=result.explanation, type="error")
    elif mismatch:
        message = say(language, "mismatch.junit", expected=verdict_name(result.expected, language),
                      verdict=verdict_name(result.verdict, language), text=explained)
        ElementTree.SubElement(case, "failure", message=message, type="expect-mismatch")
    elif result.verdict == "refuted" and result.expected is None:
        ElementTree.SubElement(case, "failure", message=explained, type="refuted")
    elif result.verdict == "unverifiable":
        ElementTree.SubElement(case, "skipped", message=explained)
    out = ElementTree.SubElement(case, "system-out")
    lines = (f"{result.file}:{result.line}:{result.column}: {verdict_name(result.verdict, language)} {result.id}",
             result.explanation, *late, *result.steps, *result.sources)
    out.text = "\n".join(printable(line) for line in lines)


def _error_case(suite: ElementTree.Element, error: InputError) -> None:
    where = error.location
    case = ElementTree.SubElement(suite, "testcase", name=f"input {where.line}:{where.column}",
                                  classname=where.path, file=where.path, line=str(where.line), time="0")
    ElementTree.SubElement(case, "error", message=error.message, type="invalid-input")


def _count(element: ElementTree.Element) -> None:
    """Fill the totals attributes consumers read: tests, failures, errors, skipped."""
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    for outcome, attribute in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
        element.set(attribute, str(sum(1 for case in cases if case.find(outcome) is not None)))
    element.set("time", "0")

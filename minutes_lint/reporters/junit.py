"""JUnit XML: one test suite per file; a failing test case per error or warning.

An ``info`` diagnostic never fails a run, so it is a passing test case whose
``<system-out>`` holds the finding.  A file without findings is one passing
test case, so a clean run still counts its files (some CI systems reject a
report of zero tests).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from typing import TextIO

from minutes_lint.diagnostics import Diagnostic, Severity
from minutes_lint.reporters.base import ReportContext, Reporter, sorted_diagnostics

# characters XML 1.0 cannot hold, even escaped
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
CLEAN_CASE = "minutes-lint"


def xml_text(value: str) -> str:
    r"""Replace characters XML 1.0 forbids with a visible ``\xNN`` escape."""
    return _INVALID_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", value)


def fails(diag: Diagnostic) -> bool:
    """Whether a diagnostic fails the run (and so its test case): errors and warnings."""
    return Severity(diag.severity) is not Severity.INFO


def _line(diag: Diagnostic) -> str:
    return f"{diag.path}:{diag.start.line}:{diag.start.column}: {diag.code} {diag.message}"


def _testcase(suite: ET.Element, diag: Diagnostic) -> None:
    """Add the test case for ``diag`` to ``suite``: failing, or passing with system-out."""
    path = xml_text(diag.path)
    case = ET.SubElement(
        suite,
        "testcase",
        name=f"{diag.code} {diag.start.line}:{diag.start.column}",
        classname=path,
        file=path,
        line=str(diag.start.line),
    )
    if fails(diag):
        failure = ET.SubElement(case, "failure", message=xml_text(diag.message), type=diag.code)
        failure.text = xml_text(_line(diag))
    else:
        ET.SubElement(case, "system-out").text = xml_text(_line(diag))


def _suite(root: ET.Element, path: str, diags: list[Diagnostic]) -> None:
    failing = sum(1 for d in diags if fails(d))
    suite = ET.SubElement(
        root,
        "testsuite",
        name=xml_text(path),
        tests=str(max(1, len(diags))),
        failures=str(failing),
        errors="0",
        skipped="0",
    )
    for diag in diags:
        _testcase(suite, diag)
    if not diags:
        name = xml_text(path)
        ET.SubElement(suite, "testcase", name=CLEAN_CASE, classname=name, file=name)


def build_tree(diagnostics: Sequence[Diagnostic], paths: Iterable[str] = ()) -> ET.Element:
    """Return the ``<testsuites>`` element: a suite per file of ``paths`` or of a diagnostic."""
    ordered = sorted_diagnostics(diagnostics)
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in paths}
    for diag in ordered:
        by_path.setdefault(diag.path, []).append(diag)
    root = ET.Element("testsuites", name="minutes-lint")
    for path in sorted(by_path):
        _suite(root, path, by_path[path])
    if not by_path:  # nothing was linted: one passing case, never a report of zero tests
        suite = ET.SubElement(
            root, "testsuite", name=CLEAN_CASE, tests="1", failures="0", errors="0", skipped="0"
        )
        ET.SubElement(suite, "testcase", name="no files linted", classname=CLEAN_CASE)
    suites = root.findall("testsuite")
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in suites)))
    root.set("errors", "0")
    return root


class JunitReporter(Reporter):
    """Writes a JUnit XML document that CI systems show as failed tests."""

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        """Write the XML document with its declaration."""
        root = build_tree(diagnostics, ctx.checked_paths)
        ET.indent(root)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")

"""JUnit XML: one test suite per file, one failing test case per diagnostic."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from minutes_lint.diagnostics import Diagnostic
from minutes_lint.reporters.base import ReportContext, Reporter, sorted_diagnostics

# characters XML 1.0 cannot hold, even escaped
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    r"""Replace characters XML 1.0 forbids with a visible ``\xNN`` escape."""
    return _INVALID_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", value)


def _testcase(suite: ET.Element, diag: Diagnostic) -> None:
    """Add the failing test case for ``diag`` to ``suite``."""
    path = xml_text(diag.path)
    case = ET.SubElement(
        suite,
        "testcase",
        name=f"{diag.code} {diag.start.line}:{diag.start.column}",
        classname=path,
        file=path,
        line=str(diag.start.line),
    )
    failure = ET.SubElement(case, "failure", message=xml_text(diag.message), type=diag.code)
    failure.text = xml_text(
        f"{diag.path}:{diag.start.line}:{diag.start.column}: {diag.code} {diag.message}"
    )


def build_tree(diagnostics: Sequence[Diagnostic]) -> ET.Element:
    """Return the ``<testsuites>`` element for the diagnostics."""
    ordered = sorted_diagnostics(diagnostics)
    count = str(len(ordered))
    root = ET.Element("testsuites", name="minutes-lint", tests=count, failures=count, errors="0")
    by_path: dict[str, list[Diagnostic]] = {}
    for diag in ordered:
        by_path.setdefault(diag.path, []).append(diag)
    for path, diags in by_path.items():
        suite_count = str(len(diags))
        suite = ET.SubElement(
            root,
            "testsuite",
            name=xml_text(path),
            tests=suite_count,
            failures=suite_count,
            errors="0",
            skipped="0",
        )
        for diag in diags:
            _testcase(suite, diag)
    return root


class JunitReporter(Reporter):
    """Writes a JUnit XML document that CI systems show as failed tests."""

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        """Write the XML document with its declaration."""
        root = build_tree(diagnostics)
        ET.indent(root)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")

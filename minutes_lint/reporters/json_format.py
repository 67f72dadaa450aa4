"""Machine-readable JSON: an array with one object per diagnostic.

The shape is a stable contract::

    {"path", "line", "column", "end_line", "end_column", "code", "severity",
     "message", "fix": null | {"applicability", "message",
                                "edits": [{"line", "column", "end_line", "end_column",
                                           "content"}]}}
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from minutes_lint.diagnostics import Applicability, Diagnostic
from minutes_lint.reporters.base import (
    ReportContext,
    Reporter,
    edit_ranges,
    severity_name,
    sorted_diagnostics,
)


def fix_to_json(diag: Diagnostic) -> dict[str, Any] | None:
    """Return the ``fix`` object of a diagnostic, or ``None`` when it has no fix."""
    if diag.fix is None:
        return None
    edits = []
    for edit, start, end in edit_ranges(diag):
        edits.append(
            {
                "line": start.line if start else None,
                "column": start.column if start else None,
                "end_line": end.line if end else None,
                "end_column": end.column if end else None,
                "content": edit.content,
            }
        )
    return {
        "applicability": Applicability(diag.fix.applicability).value,
        "message": diag.fix.message,
        "edits": edits,
    }


def diagnostic_to_json(diag: Diagnostic) -> dict[str, Any]:
    """Return the JSON object for one diagnostic."""
    return {
        "path": diag.path,
        "line": diag.start.line,
        "column": diag.start.column,
        "end_line": diag.end.line,
        "end_column": diag.end.column,
        "code": diag.code,
        "severity": severity_name(diag),
        "message": diag.message,
        "fix": fix_to_json(diag),
    }


class JsonReporter(Reporter):
    """Writes all diagnostics as one JSON array, one object per line."""

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        """Write the JSON array, sorted like the text output."""
        items = [
            json.dumps(diagnostic_to_json(diag), ensure_ascii=False)
            for diag in sorted_diagnostics(diagnostics)
        ]
        stream.write("[\n  " + ",\n  ".join(items) + "\n]\n" if items else "[]\n")

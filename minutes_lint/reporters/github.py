"""GitHub Actions workflow commands, which become annotations on pull requests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from minutes_lint.diagnostics import Diagnostic
from minutes_lint.reporters.base import ReportContext, Reporter, severity_name, sorted_diagnostics

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_DATA_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(value: str) -> str:
    """Escape the message part of a workflow command."""
    return value.translate(_DATA_ESCAPES)


def escape_property(value: str) -> str:
    """Escape a ``key=value`` property of a workflow command."""
    return value.translate(_PROPERTY_ESCAPES)


def workflow_command(diag: Diagnostic) -> str:
    """Return the ``::error ...::message`` line for one diagnostic."""
    command = _COMMANDS[severity_name(diag)]
    properties = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (
            ("file", diag.path),
            ("line", diag.start.line),
            ("col", diag.start.column),
            ("endLine", diag.end.line),
            ("endColumn", diag.end.column),
            ("title", diag.code),
        )
    )
    return f"::{command} {properties}::{escape_data(diag.message)}"


class GithubReporter(Reporter):
    """One workflow command per diagnostic."""

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        """Write the workflow commands, sorted like the text output."""
        ordered = sorted_diagnostics(diagnostics)
        stream.writelines(workflow_command(diag) + "\n" for diag in ordered)

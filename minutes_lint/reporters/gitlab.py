"""GitLab Code Quality report: a JSON array of issues with stable fingerprints."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from minutes_lint.baseline import fingerprints
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.reporters.base import (
    ReportContext,
    Reporter,
    forward_slashes,
    severity_name,
    sorted_diagnostics,
)

_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issue(diag: Diagnostic, fingerprint: str) -> dict[str, Any]:
    """Return the Code Quality issue object for one diagnostic."""
    return {
        "description": f"{diag.code} {diag.message}",
        "check_name": diag.code,
        "fingerprint": fingerprint,
        "severity": _SEVERITIES[severity_name(diag)],
        "location": {
            "path": forward_slashes(diag.path),
            "lines": {"begin": diag.start.line, "end": diag.end.line},
        },
    }


class GitlabReporter(Reporter):
    """Writes a Code Quality report for GitLab merge requests."""

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        """Write the issues array; fingerprints are unique within the report."""
        ordered = sorted_diagnostics(diagnostics)
        data = [issue(diag, fp) for diag, fp in zip(ordered, fingerprints(ordered), strict=True)]
        stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")

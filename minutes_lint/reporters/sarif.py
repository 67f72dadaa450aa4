"""SARIF 2.1.0, the format code-scanning services (GitHub and others) read."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from importlib import metadata
from typing import Any, TextIO
from urllib.parse import quote

from minutes_lint.baseline import fingerprints
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.reporters.base import (
    ReportContext,
    Reporter,
    RuleInfo,
    edit_ranges,
    forward_slashes,
    severity_name,
    sorted_diagnostics,
)

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "minutesLint/v1"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_DRIVE = re.compile(r"^[A-Za-z]:/")
_URI_SAFE = "/:@!$&'()*+,;=-._~"


def tool_version() -> str:
    """Return the installed version of minutes-lint, or ``"0"`` when unknown."""
    try:
        return metadata.version("minutes-lint")
    except metadata.PackageNotFoundError:
        return "0"


def artifact_uri(path: str) -> str:
    """Turn a file path into a URI reference: relative stays relative, absolute -> file:."""
    posix = forward_slashes(path)
    posix = posix.removeprefix("./")
    if _DRIVE.match(posix):
        return "file:///" + quote(posix, safe=_URI_SAFE)
    if posix.startswith("/"):
        return "file://" + quote(posix, safe=_URI_SAFE)
    return quote(posix, safe=_URI_SAFE)


def rule_descriptor(code: str, info: RuleInfo | None) -> dict[str, Any]:
    """Return the ``reportingDescriptor`` of one rule."""
    descriptor: dict[str, Any] = {"id": code}
    if info is None:
        return descriptor
    if info.name:
        descriptor["name"] = info.name
    if info.summary:
        descriptor["shortDescription"] = {"text": info.summary}
    if info.doc:
        descriptor["fullDescription"] = {"text": info.doc}
        descriptor["help"] = {"text": info.doc, "markdown": info.doc}
    if info.severity in _LEVELS:
        descriptor["defaultConfiguration"] = {"level": _LEVELS[info.severity]}
    descriptor["properties"] = {"fix": info.fix}
    return descriptor


def _region(start_line: int, start_column: int, end_line: int, end_column: int) -> dict[str, int]:
    """Return a SARIF region (1-based, end column exclusive)."""
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def sarif_fix(diag: Diagnostic, uri: str) -> dict[str, Any] | None:
    """Return the SARIF ``fix`` of a diagnostic, or ``None`` when it cannot be expressed."""
    if diag.fix is None:
        return None
    replacements = []
    for edit, start, end in edit_ranges(diag):
        if start is None or end is None:
            return None
        replacements.append(
            {
                "deletedRegion": _region(start.line, start.column, end.line, end.column),
                "insertedContent": {"text": edit.content},
            }
        )
    if not replacements:
        return None
    return {
        "description": {"text": diag.fix.message or "Apply the fix"},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
    }


def sarif_result(diag: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, Any]:
    """Return the SARIF ``result`` of one diagnostic."""
    uri = artifact_uri(diag.path)
    region = _region(diag.start.line, diag.start.column, diag.end.line, diag.end.column)
    result: dict[str, Any] = {
        "ruleId": diag.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[severity_name(diag)],
        "message": {"text": diag.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    fix = sarif_fix(diag, uri)
    if fix is not None:
        result["fixes"] = [fix]
    return result


def sarif_log(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> dict[str, Any]:
    """Return the whole SARIF log (one run) as plain data."""
    ordered = sorted_diagnostics(diagnostics)
    codes = sorted({diag.code for diag in ordered})
    rule_index = {code: index for index, code in enumerate(codes)}
    results = [
        sarif_result(diag, rule_index[diag.code], fp)
        for diag, fp in zip(ordered, fingerprints(ordered), strict=True)
    ]
    driver = {
        "name": "minutes-lint",
        "version": tool_version(),
        "rules": [rule_descriptor(code, ctx.rules.get(code)) for code in codes],
    }
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


class SarifReporter(Reporter):
    """Writes one SARIF 2.1.0 log with a single run."""

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        """Write the SARIF log as indented JSON."""
        stream.write(json.dumps(sarif_log(diagnostics, ctx), indent=2, ensure_ascii=False) + "\n")

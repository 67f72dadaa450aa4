"""The interface every output format implements, and helpers they share."""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from minutes_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity


@dataclass(frozen=True)
class RuleInfo:
    """What a reporter may say about a rule besides its code."""

    code: str
    name: str
    summary: str
    severity: str
    doc: str
    fix: str  # "none" | "safe" | "unsafe" | "sometimes"


@dataclass
class ReportContext:
    """Everything a reporter needs besides the diagnostics themselves."""

    rules: Mapping[str, RuleInfo]
    color: bool
    unsafe_fixes: bool
    show_fixes: bool = False
    statistics: bool = False
    fixed: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0
    paths: tuple[str, ...] = ()  # the paths of the command line, for the hints it prints
    baseline: bool = False  # the run already reports only what a baseline lacks
    checked_paths: list[str] = field(default_factory=list)  # every file the run linted


class Reporter(abc.ABC):
    """Writes diagnostics to a stream in one output format."""

    @abc.abstractmethod
    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        """Write ``diagnostics`` to ``stream``."""


def sorted_diagnostics(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Return the diagnostics in output order (path, line, column, code, message)."""
    return sorted(diagnostics, key=lambda d: d.sort_key)


def severity_name(diag: Diagnostic) -> str:
    """Return the severity of ``diag`` as its plain string value."""
    return Severity(diag.severity).value


def fix_available(fix: Fix | None, unsafe_fixes: bool) -> bool:
    """Tell whether ``fix`` would be applied by ``--fix`` (with ``--unsafe-fixes`` if given)."""
    if fix is None:
        return False
    return fix.applicability == Applicability.SAFE or unsafe_fixes


def edit_ranges(diag: Diagnostic) -> list[tuple[Edit, Position | None, Position | None]]:
    """Pair each edit of the diagnostic's fix with its 1-based start and end positions.

    Positions come from ``diag.edit_positions`` (same order as ``fix.edits``);
    an edit without a recorded position gets ``None`` for both.
    """
    if diag.fix is None:
        return []
    ranges: list[tuple[Edit, Position | None, Position | None]] = []
    for index, edit in enumerate(diag.fix.edits):
        if index < len(diag.edit_positions):
            start, end = diag.edit_positions[index]
            ranges.append((edit, start, end))
        else:
            ranges.append((edit, None, None))
    return ranges


def forward_slashes(path: str) -> str:
    """Return ``path`` with backslashes turned into forward slashes."""
    return path.replace("\\", "/")

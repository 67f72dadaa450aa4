"""Dropping the diagnostics a baseline file accepts, and noticing its stale entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from minutes_lint.diagnostics import Diagnostic
from minutes_lint.exit_codes import UsageError


@dataclass
class Filtered:
    diagnostics: list[Diagnostic]
    stale: int = 0
    notes: list[str] = field(default_factory=list)


def apply_baseline(
    diagnostics: list[Diagnostic], baseline_file: Path | None, checked_paths: list[str]
) -> Filtered:
    """The diagnostics ``baseline_file`` does not record (all of them without a file)."""
    if baseline_file is None:
        return Filtered(diagnostics)
    from minutes_lint.baseline import load_baseline

    try:
        baseline = load_baseline(baseline_file)
    except (ValueError, OSError) as exc:
        raise UsageError(str(exc)) from exc
    kept, _matched, stale = baseline.filter(diagnostics, checked_paths)
    filtered = Filtered(kept, len(stale))
    if stale:
        filtered.notes.append(
            f"{len(stale)} baseline entries no longer match anything "
            f"(remove them with 'minutes-lint baseline --prune --output {baseline_file}')"
        )
    return filtered

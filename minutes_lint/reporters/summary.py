"""The ``summary`` format: a Markdown report for a CI job summary (``$GITHUB_STEP_SUMMARY``).

Counts by severity, a table of counts per code and the top problems (errors
first), each linked to its line when the GitHub environment says where the
files live.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from minutes_lint.diagnostics import Diagnostic
from minutes_lint.reporters.base import (
    ReportContext,
    Reporter,
    fix_available,
    forward_slashes,
    severity_name,
)
from minutes_lint.reporters.text import plural

TOP_PROBLEMS = 10
_RANK = {"error": 0, "warning": 1, "info": 2}


class SummaryReporter(Reporter):
    """A Markdown summary of the run."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        self.env = os.environ if env is None else env

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        lines = ["## minutes-lint", ""]
        files = ctx.files_checked
        checked = f" in {plural(files, 'file')}" if files else ""
        if not diagnostics:
            lines.append(f"All checks passed: no problems{checked}.")
            if ctx.baseline:
                lines.append("")
                lines.append("(Problems recorded in the baseline are not counted.)")
            stream.write("\n".join(lines) + "\n")
            return
        severities = Counter(severity_name(d) for d in diagnostics)
        with_problems = len({d.path for d in diagnostics})
        new = "new " if ctx.baseline else ""
        lines.append(
            f"**{plural(len(diagnostics), new + 'problem')}** in "
            f"{plural(with_problems, 'file')}{' of ' + str(files) if files else ''}: "
            f"{plural(severities['error'], 'error')}, {plural(severities['warning'], 'warning')}, "
            f"{severities['info']} info."
        )
        fixable = sum(1 for d in diagnostics if fix_available(d.fix, ctx.unsafe_fixes))
        if fixable:
            lines.append(f"{fixable} can be fixed with `minutes-lint --fix`.")
        lines += ["", "| code | rule | problems | severity |", "| --- | --- | ---: | --- |"]
        counts = Counter(d.code for d in diagnostics)
        levels: dict[str, str] = {}
        for d in diagnostics:
            levels.setdefault(d.code, severity_name(d))
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            info = ctx.rules.get(code)
            name = _cell(info.name) if info else ""
            lines.append(f"| {code} | {name} | {count} | {levels[code]} |")
        top = sorted(
            diagnostics,
            key=lambda d: (_RANK[severity_name(d)], -counts[d.code], d.path, d.start.line),
        )[:TOP_PROBLEMS]
        title = "Top problems" if len(diagnostics) > len(top) else "Problems"
        lines += ["", f"### {title}", ""]
        for d in top:
            where = f"{forward_slashes(d.path)}:{d.start.line}"
            link = self._link(d)
            place = f"[`{where}`]({link})" if link else f"`{where}`"
            lines.append(f"- {place} **{d.code}** ({severity_name(d)}) {_cell(d.message)}")
        if len(diagnostics) > len(top):
            lines.append(f"- … and {len(diagnostics) - len(top)} more in the job log.")
        stream.write("\n".join(lines) + "\n")

    def _link(self, diag: Diagnostic) -> str:
        """A link to the flagged line on GitHub, when the environment says where it lives."""
        server, repo, sha = (
            self.env.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
        )
        workspace = self.env.get("GITHUB_WORKSPACE", "")
        if not (server and repo and sha and workspace):
            return ""
        try:
            rel = Path(diag.path).absolute().relative_to(Path(workspace).absolute())
        except ValueError:
            return ""
        return f"{server}/{repo}/blob/{sha}/{rel.as_posix()}#L{diag.start.line}"


def _cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell or list item: one line, pipes escaped."""
    flat = " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")
    return flat if len(flat) <= 300 else flat[:299] + "…"

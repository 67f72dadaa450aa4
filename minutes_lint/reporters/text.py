"""The one-line human-readable format (``concise``): ``path:line:col: CODE message``.

The closing summary (shared with ``full``) tells the user what to do next:
counts by severity, the most frequent codes, what ``--fix`` can repair and,
when an archive shows many problems, how to gate only new ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TextIO

from minutes_lint.diagnostics import Applicability, Diagnostic
from minutes_lint.reporters.base import (
    ReportContext,
    Reporter,
    fix_available,
    severity_name,
    sorted_diagnostics,
)

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
RED = "\x1b[31m"
GREEN = "\x1b[32m"
YELLOW = "\x1b[33m"
BLUE = "\x1b[34m"
CYAN = "\x1b[36m"

_SEVERITY_COLOR = {"error": RED, "warning": YELLOW, "info": BLUE}
FIX_MARKER = "[*]"
TOP_CODES = 5  # the most frequent codes named by the summary
MANY = 50  # from this many problems on, the summary suggests a baseline
BASELINE_FILE = "minutes-lint-baseline.json"


def use_color(stream: TextIO, env: Mapping[str, str]) -> bool:
    """Decide whether to colour output written to ``stream``.

    ``FORCE_COLOR`` (non-empty) wins, then ``NO_COLOR`` (non-empty) turns colour
    off; otherwise colour is used only when ``stream`` is a terminal.
    """
    if env.get("FORCE_COLOR"):
        return True
    if env.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    if isatty is None:
        return False
    try:
        return bool(isatty())
    except (OSError, ValueError):
        return False


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    """Return ``"1 word"`` or ``"N words"``."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {plural_word or word + 's'}"


class _Painter:
    """Wraps text in ANSI colours, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles:
            return text
        return "".join(styles) + text + RESET


class TextReporter(Reporter):
    """One line per diagnostic followed by a summary, like ruff's output."""

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        """Write the diagnostic lines (or statistics), fixed problems and the summary."""
        paint = _Painter(ctx.color)
        ordered = sorted_diagnostics(diagnostics)
        lines: list[str] = []
        if ctx.statistics:
            lines.extend(self._statistics(ordered, ctx, paint))
        else:
            for diag in ordered:
                lines.extend(self._diagnostic(diag, ctx, paint))
        if ctx.fixed:
            if lines:
                lines.append("")
            lines.extend(self._fixed(ctx, paint))
        lines.extend(self._summary(ordered, ctx, paint))
        stream.write("\n".join(lines) + "\n")

    def _diagnostic(self, diag: Diagnostic, ctx: ReportContext, paint: _Painter) -> list[str]:
        """The output lines of one diagnostic: here its one line."""
        return [self._line(diag, ctx, paint)]

    @staticmethod
    def _line(diag: Diagnostic, ctx: ReportContext, paint: _Painter) -> str:
        """Format one diagnostic as ``path:line:col: CODE [*] message``."""
        colon = paint(":", CYAN)
        location = (
            f"{paint(diag.path, BOLD)}{colon}{diag.start.line}{colon}{diag.start.column}{colon}"
        )
        code = paint(diag.code, BOLD, _SEVERITY_COLOR[severity_name(diag)])
        marker = ""
        if fix_available(diag.fix, ctx.unsafe_fixes):
            marker = " " + paint(FIX_MARKER, CYAN)
        return f"{location} {code}{marker} {diag.message}"

    @staticmethod
    def _statistics(ordered: list[Diagnostic], ctx: ReportContext, paint: _Painter) -> list[str]:
        """Return ``count  CODE  [*]  summary`` lines, most frequent code first."""
        counts = Counter(diag.code for diag in ordered)
        fixable = {diag.code for diag in ordered if fix_available(diag.fix, ctx.unsafe_fixes)}
        if not counts:
            return []
        count_width = len(str(max(counts.values())))
        code_width = max(len(code) for code in counts)
        rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        lines = []
        for code, count in rows:
            marker = paint(FIX_MARKER, CYAN) if code in fixable else " " * len(FIX_MARKER)
            info = ctx.rules.get(code)
            summary = (info.summary or info.name) if info else ""
            code_cell = paint(code.ljust(code_width), BOLD)
            lines.append(f"{count:>{count_width}}  {code_cell}  {marker}  {summary}".rstrip())
        return lines

    @staticmethod
    def _fixed(ctx: ReportContext, paint: _Painter) -> list[str]:
        """Return the lines about problems fixed by ``--fix``."""
        total = plural(len(ctx.fixed), "problem")
        if not ctx.show_fixes:
            return [f"Fixed {total}."]
        lines = [f"Fixed {total}:"]
        by_path: dict[str, Counter[str]] = {}
        for diag in sorted_diagnostics(ctx.fixed):
            by_path.setdefault(diag.path, Counter())[diag.code] += 1
        for path, codes in by_path.items():
            lines.append(f"- {paint(path, BOLD)}:")
            for code, count in sorted(codes.items(), key=lambda item: (-item[1], item[0])):
                info = ctx.rules.get(code)
                name = f" ({info.name})" if info and info.name else ""
                lines.append(f"    {count} x {paint(code, BOLD)}{name}")
        return lines

    @staticmethod
    def _summary(ordered: list[Diagnostic], ctx: ReportContext, paint: _Painter) -> list[str]:
        """Return the closing lines: problem counts and how many can be fixed."""
        if not ordered:
            return [paint("All checks passed!", GREEN)]
        severities = Counter(severity_name(diag) for diag in ordered)
        found = (
            f"Found {plural(len(ordered), 'problem')} "
            f"({plural(severities['error'], 'error')}, "
            f"{plural(severities['warning'], 'warning')}, "
            f"{severities['info']} info)."
        )
        lines = [found]
        counts = Counter(diag.code for diag in ordered)
        if len(counts) > 1 and not ctx.statistics:
            top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_CODES]
            named = ", ".join(f"{paint(code, BOLD)} ({count})" for code, count in top)
            lines.append(
                f"Most frequent: {named}; `minutes-lint rule CODE` explains a rule, "
                "`--statistics` counts them all."
            )
        fix_line = _fix_hint(ordered, ctx.unsafe_fixes, paint)
        if fix_line:
            lines.append(fix_line)
        if len(ordered) >= MANY and not ctx.baseline:
            lines.extend(_baseline_hint(ctx.paths))
        return lines


def _baseline_hint(paths: Sequence[str]) -> list[str]:
    """Return the lines telling how to record today's problems and gate only new ones."""
    import shlex

    where = " ".join(shlex.quote(p) for p in paths) or "."
    return [
        "To adopt minutes-lint on an existing archive, record these problems in a baseline",
        "and report (and fail on) only new ones:",
        f"  minutes-lint baseline {where} --output {BASELINE_FILE}",
        f"  minutes-lint --baseline {BASELINE_FILE} {where}",
    ]


def _fix_hint(ordered: list[Diagnostic], unsafe_fixes: bool, paint: _Painter) -> str:
    """Return the line telling how many problems ``--fix`` would repair, or ``""``."""
    fixable = [diag for diag in ordered if fix_available(diag.fix, unsafe_fixes)]
    hidden = sum(
        1
        for diag in ordered
        if diag.fix is not None
        and diag.fix.applicability == Applicability.UNSAFE
        and not unsafe_fixes
    )
    hidden_note = ""
    if hidden:
        fixes = "hidden fix" if hidden == 1 else "hidden fixes"
        hidden_note = f"({hidden} {fixes} can be enabled with the `--unsafe-fixes` option)"
    if fixable:
        needs_unsafe = any(
            diag.fix is not None and diag.fix.applicability == Applicability.UNSAFE
            for diag in fixable
        )
        command = "minutes-lint --fix --unsafe-fixes" if needs_unsafe else "minutes-lint --fix"
        line = f"{paint(FIX_MARKER, CYAN)} {len(fixable)} fixable with `{command}`"
        return f"{line} {hidden_note}".rstrip() + "."
    if hidden_note:
        return f"No fixes available {hidden_note}."
    return ""

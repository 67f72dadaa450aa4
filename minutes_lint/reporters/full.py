"""The ``full`` format: each diagnostic with its source line, the span underlined, and its fix.

::

    minutes/a.md:14:61: AT004 “Dean Coclin” is already listed earlier on this line
       |
    14 | …(PKIMA), Dean Coclin (DigiCert), Dean Coclin (DigiCert), Dimitris…
       |                                   ^^^^^^^^^^^ AT004
       = fix (unsafe): Write “Dean Coclin” once: delete “, Dean Coclin (DigiCert)”

A long line (an attendee line of 2,000 characters) is shown as a window of
about 80 characters around the span, so nobody counts columns by hand.  The
source is read again from the file; when the file is gone or has changed
since the diagnostic was made (the flagged text is no longer at its offset),
only the diagnostic line is printed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO

from minutes_lint.diagnostics import Diagnostic, Fix
from minutes_lint.reporters.base import ReportContext, fix_available, severity_name
from minutes_lint.reporters.text import (
    _SEVERITY_COLOR,
    BLUE,
    BOLD,
    CYAN,
    TextReporter,
    _Painter,
)

WINDOW = 80  # characters of a long line shown around the flagged span
ELLIPSIS = "…"
_SHOWN_EDIT = 60  # characters of an edit's old or new text shown in the fix line


class FullReporter(TextReporter):
    """Like ``concise``, and each diagnostic followed by its source excerpt and fix."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._text: str | None = None

    def report(self, diagnostics: Sequence[Diagnostic], stream: TextIO, ctx: ReportContext) -> None:
        super().report(diagnostics, stream, ctx)
        self._path = self._text = None

    def _diagnostic(self, diag: Diagnostic, ctx: ReportContext, paint: _Painter) -> list[str]:
        lines = [self._line(diag, ctx, paint)]
        text = self._source(diag)
        if text is None:
            return lines
        lines.extend(excerpt(text, diag, paint))
        if diag.fix is not None:
            lines.append(fix_line(text, diag.fix, fix_available(diag.fix, ctx.unsafe_fixes), paint))
        lines.append("")
        return lines

    def _source(self, diag: Diagnostic) -> str | None:
        """The text of the diagnostic's file, when it still holds the flagged span."""
        if diag.path != self._path:
            self._path, self._text = diag.path, _read(diag.path)
        text = self._text
        if text is None or diag.end_offset > len(text) or diag.offset > diag.end_offset:
            return None
        if not diag.snippet or text[diag.offset : diag.end_offset][: len(diag.snippet)] != (
            diag.snippet
        ):
            return None
        return text


def _read(path: str) -> str | None:
    if path == "-":
        return None
    from minutes_lint.source import Source, read_source

    source = read_source(path)
    return source.text if isinstance(source, Source) else None


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end offsets of the line holding ``offset`` (the end excludes the newline)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    if end < 0:
        end = len(text)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


def window(length: int, start: int, end: int, size: int = WINDOW) -> tuple[int, int]:
    """The part ``[a, b)`` of a line of ``length`` characters to show for the span ``[start, end)``.

    A line of at most ``size`` characters (plus a little slack) is shown whole;
    otherwise ``size`` characters centred on the span, or the span's first
    ``size`` characters when it is longer than that.
    """
    if length <= size + 20:
        return 0, length
    span = end - start
    if span >= size:
        return start, start + size
    a = max(0, start - (size - span) // 2)
    b = min(length, a + size)
    return max(0, b - size), b


def width(text: str) -> int:
    """Terminal columns ``text`` takes: wide characters two, combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def visible(text: str) -> str:
    """``text`` with tabs as spaces and invisible characters as ``·`` (one column each)."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append(" ")
        elif ch != " " and (unicodedata.category(ch) in ("Cf", "Cc", "Zs", "Zl", "Zp")):
            out.append("·")
        else:
            out.append(ch)
    return "".join(out)


def excerpt(text: str, diag: Diagnostic, paint: _Painter) -> list[str]:
    """The gutter lines: the (windowed) source line and the carets under the span."""
    line_start, line_end = line_bounds(text, diag.offset)
    line = text[line_start:line_end]
    start = diag.offset - line_start
    end = min(diag.end_offset, line_end) - line_start  # a span over lines: to this line's end
    a, b = window(len(line), start, end)
    shown = visible(line[a:b])
    left = ELLIPSIS if a > 0 else ""
    right = ELLIPSIS if b < len(line) else ""
    number = str(diag.start.line)
    pad = " " * len(number)
    bar = paint("|", BLUE, BOLD)
    lead = width(left + visible(line[a:start]))
    carets = "^" * max(1, width(visible(line[start:end])))
    color = _SEVERITY_COLOR[severity_name(diag)]
    return [
        f"{pad} {bar}",
        f"{paint(number, BLUE, BOLD)} {bar} {left}{shown}{right}".rstrip(),
        f"{pad} {bar} {' ' * lead}{paint(carets + ' ' + diag.code, BOLD, color)}",
    ]


def fix_line(text: str, fix: Fix, applied: bool, paint: _Painter) -> str:
    """``= fix (safe): message: replace “old” with “new”`` (one part per edit)."""
    parts: list[str] = []
    for edit in sorted(fix.edits):
        old, new = text[edit.start : edit.end], edit.content
        if old == new:
            continue  # an edit that keeps its text changes nothing worth showing
        if old and new:
            parts.append(f"replace “{_short(old)}” with “{_short(new)}”")
        elif old:
            parts.append(f"delete “{_short(old)}”")
        elif new:
            parts.append(f"insert “{_short(new)}”")
    counted = {part: parts.count(part) for part in parts}  # first-seen order, repeats counted
    parts = [p if n == 1 else f"{p} ({n} places)" for p, n in counted.items()]
    kind = fix.applicability.value
    if not applied:
        kind += ", needs --unsafe-fixes"
    changes = "; ".join(parts[:3]) + (f"; and {len(parts) - 3} more" if len(parts) > 3 else "")
    message = fix.message.rstrip(".")
    body = f"{message}: {changes}" if changes else message
    return f"{' ' * 2}{paint('=', BLUE, BOLD)} {paint('fix', CYAN)} ({kind}): {body}"


def _short(value: str) -> str:
    shown = (
        value.replace("\r", "\\r")
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .translate({ord(c): f"\\u{ord(c):04x}" for c in set(value) if _invisible(c)})
    )
    if len(shown) > _SHOWN_EDIT:
        half = _SHOWN_EDIT // 2
        shown = shown[:half] + ELLIPSIS + shown[-half:]
    return shown


def _invisible(ch: str) -> bool:
    return ch not in " \t\r\n" and unicodedata.category(ch) in ("Cf", "Cc", "Zs", "Zl", "Zp")

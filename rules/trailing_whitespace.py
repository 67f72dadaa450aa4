"""Spaces or tabs at the end of a line.

## What it does
Reports a line that ends with spaces or tabs after some text, once per
line, and removes them.  Markdown reads two trailing spaces before a line
that continues the paragraph as a hard line break: with
``allow-hard-breaks`` (the default) exactly two spaces there are kept, and
a longer run there is shortened to the two spaces that make the break.
Two spaces that break nothing (at the end of a paragraph, after a heading,
in fenced code or in the front matter) are reported like any other.
Lines holding only whitespace are left to WS002, and lines inside a YAML
block scalar of the front matter are left alone.

## Why is this bad?
Trailing whitespace is invisible: it makes diffs noisy when an editor
strips it, and in Markdown two or more trailing spaces silently turn a
line end into a hard line break.

## Example
```markdown
## 1. Attendance␠
- March 3, 2026 at 10 am␠␠

## 2. Agenda
```
(``␠`` stands for a space.)

## Use instead
```markdown
## 1. Attendance
- March 3, 2026 at 10 am

## 2. Agenda
```

## Fix safety
Safe: the removed characters change nothing a reader sees.  When
``allow-hard-breaks`` is off, removing the spaces of a hard line break
joins two rendered lines: that fix is unsafe (write a backslash or
``<br>`` at the end of the line to keep the break).
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.front_matter import block_scalar_lines, front_matter_lines
from minutes_lint.markdown import Line
from minutes_lint.registry import RuleContext

CODE = "WS001"
NAME = "trailing-whitespace"
SUMMARY = "Trailing spaces or tabs at the end of a line"
SEVERITY = Severity.INFO
FIX = "sometimes"
DEFAULT = False  # cosmetic: opt-in with extend-select = ["WS"]
OPTIONS: dict[str, object] = {"allow-hard-breaks": True}
_HARD_BREAK = "  "


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    allow_breaks = bool(ctx.options["allow-hard-breaks"])
    lines = doc.lines
    context: _Context | None = None
    for i, line in enumerate(lines):
        text = line.text
        if not text or text[-1] not in " \t":
            continue
        kept = text.rstrip(" \t")
        if not kept:
            continue  # whitespace only: WS002
        if context is None:
            context = _Context(doc)
        if i in context.block_scalar:
            continue
        trailing = text[len(kept) :]
        is_break = trailing.endswith(_HARD_BREAK) and context.can_break(i, lines)
        if is_break and allow_breaks and trailing == _HARD_BREAK:
            continue
        yield _problem(line, len(kept), trailing, is_break, allow_breaks)


class _Context:
    """What decides whether two trailing spaces are a hard line break, computed once."""

    def __init__(self, doc: Document) -> None:
        self.block_scalar = block_scalar_lines(doc)
        fm = front_matter_lines(doc)
        self.yaml_end = fm.stop + 1 if fm.stop else 0  # the closing delimiter included
        body = doc.line_index(doc.body_start) if doc.body_lines else 0
        self.code = {body + i for i in doc.code_lines}
        self.headings = {doc.line_index(h.start) for h in doc.headings}

    def can_break(self, i: int, lines: list[Line]) -> bool:
        """True when a hard line break at the end of line ``i`` would be rendered."""
        if i < self.yaml_end or i in self.code or i in self.headings or i + 1 >= len(lines):
            return False
        following = i + 1
        return (
            bool(lines[following].text.strip())
            and following not in self.headings
            and following not in self.code
        )


def _problem(line: Line, kept: int, trailing: str, is_break: bool, allow: bool) -> Problem:
    start = line.start + kept
    what = _describe(trailing)
    if is_break and allow:
        return Problem(
            start,
            line.end,
            f"{what} at the end of the line; a hard line break takes exactly two spaces",
            Fix.replace(start, line.end, _HARD_BREAK, "Keep two spaces for the line break"),
        )
    if is_break:
        return Problem(
            start,
            line.end,
            f"{what} at the end of the line (a hard line break)",
            Fix.replace(start, line.end, "", "Remove trailing whitespace", Applicability.UNSAFE),
        )
    return Problem(
        start,
        line.end,
        f"{what} at the end of the line",
        Fix.replace(start, line.end, "", "Remove trailing whitespace"),
    )


def _describe(trailing: str) -> str:
    tabs = trailing.count("\t")
    spaces = len(trailing) - tabs
    if not tabs:
        return "trailing space" if spaces == 1 else f"{spaces} trailing spaces"
    if not spaces:
        return "trailing tab" if tabs == 1 else f"{tabs} trailing tabs"
    return f"{len(trailing)} trailing spaces and tabs"

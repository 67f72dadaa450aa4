"""A line that holds only spaces or tabs.

## What it does
Reports a line made only of spaces and tabs, in the body and in the front
matter, and empties it.  Lines inside a YAML block scalar of the front
matter (``summary: |``) are left alone: there the spaces are part of the
value.

## Why is this bad?
The line looks empty but is not: diffs show changes nobody can see, editors
strip it on save and make unrelated noise in the next commit, and a
Markdown reader sees a blank line where a tool may see indented text.

## Example
```markdown
Minutes provided by Alice Moreau.
␠␠
## 4. Review Agenda
```
(``␠`` stands for a space.)

## Use instead
```markdown
Minutes provided by Alice Moreau.

## 4. Review Agenda
```

## Fix safety
Safe: Markdown and YAML both treat a line of spaces as a blank line.  The
spaces are removed, the line and its newline stay.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.front_matter import block_scalar_lines
from minutes_lint.registry import RuleContext

CODE = "WS002"
NAME = "whitespace-only-line"
SUMMARY = "Line holding only spaces or tabs"
SEVERITY = Severity.INFO
FIX = "safe"
DEFAULT = False  # cosmetic: opt-in with extend-select = ["WS"]
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    skip: set[int] | None = None
    for i, line in enumerate(doc.lines):
        text = line.text
        if not text or text.strip(" \t"):
            continue
        if skip is None:
            skip = block_scalar_lines(doc)
        if i in skip:
            continue
        yield Problem(
            line.start,
            line.end,
            f"line holds only whitespace ({_describe(text)})",
            Fix.replace(line.start, line.end, "", "Remove the whitespace"),
        )


def _describe(text: str) -> str:
    tabs = text.count("\t")
    spaces = len(text) - tabs
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in ((spaces, "space"), (tabs, "tab"))]
    return " and ".join(p for p in parts if not p.startswith("0 "))

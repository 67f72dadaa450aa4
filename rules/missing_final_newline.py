"""The file does not end with a newline.

## What it does
Reports a non-empty file whose last line has no newline, and appends one
in the file's own style: ``\\r\\n`` in a file whose lines end with CRLF,
``\\r`` in one that uses CR, ``\\n`` otherwise (a one-line file or mixed
newlines).  A last line of only spaces is left to WS002, whose fix removes
it.

## Why is this bad?
POSIX tools treat the last line as incomplete: ``cat`` glues the next file
to it, ``wc -l`` miscounts, and every later edit of the last line shows in
the diff as a change of two lines ("No newline at end of file").

## Example
```markdown
## 10. Adjourn
The meeting adjourned at 11:55.
```
where the file ends right after the full stop.

## Use instead
```markdown
## 10. Adjourn
The meeting adjourned at 11:55.
```
with a newline after the last line.

## Fix safety
Safe: the newline changes nothing in the rendered page or in the front
matter.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "WS004"
NAME = "missing-final-newline"
SUMMARY = "File does not end with a newline"
SEVERITY = Severity.INFO
FIX = "safe"
DEFAULT = False  # cosmetic: opt-in with extend-select = ["WS"]
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    text = doc.text
    if not text or text.endswith(("\n", "\r")):
        return
    if not doc.lines[-1].text.strip(" \t"):
        return  # a last line of only whitespace: WS002 empties it, newline included
    style = doc.source.newline
    newline = style if style in ("\r\n", "\r") else "\n"
    end = len(text)
    yield Problem(
        end,
        end,
        "no newline at the end of the file",
        Fix.replace(end, end, newline, "Add a newline at the end of the file"),
    )

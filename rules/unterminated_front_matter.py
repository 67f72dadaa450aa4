"""Front matter opened with ``---`` but never closed.

## What it does
Reports a document whose first line is a front-matter delimiter (``---``)
when no later line closes the block.  The diagnostic sits on the opening
line.

## Why is this bad?
Without the closing delimiter the whole document is read as YAML: the page
fails to build, or the generator publishes the front matter as text.
minutes-lint cannot read the title or date either, and never rewrites such
a file.

## Example
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04

## Attendees
```

## Use instead
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04
---

## Attendees
```

## Fix safety
There is no fix: where the front matter was meant to end is a guess.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "FM002"
NAME = "unterminated-front-matter"
SUMMARY = "Front matter has no closing '---' line"
SEVERITY = Severity.ERROR
FIX = "none"
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    fm = doc.front_matter
    if not fm.present or fm.terminated:
        return
    opening = doc.lines[doc.line_index(fm.start)]
    yield Problem(
        opening.start,
        opening.end,
        "front matter opened here is never closed: add a '---' line after the last key",
    )

"""A front matter without a key every document must have.

## What it does
Reports each key of the ``required`` option (by default ``title`` and
``date``) that a parsed front matter lacks.  The diagnostic sits on the
opening ``---`` line.  A document without front matter, or with front
matter that does not parse, is left to FM001, FM002 and FM003.

## Why is this bad?
Hugo takes the page title and its publication date from these keys.  A
page without a title is listed as an empty link; a page without a date is
dated 0001-01-01 and sorted to the end of the archive.

## Example
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
---
```

## Use instead
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04
---
```

## Fix safety
There is no fix: the value of the missing key is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "FM005"
NAME = "missing-required-key"
SUMMARY = "Front matter lacks a required key"
SEVERITY = Severity.ERROR
FIX = "none"
OPTIONS: dict[str, object] = {"required": ["title", "date"]}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    fm = doc.front_matter
    if not fm.present or not fm.ok or fm.kind not in ("mapping", "empty"):
        return
    keys = set(fm.keys())
    opening = doc.lines[doc.line_index(fm.start)]
    for key in ctx.options["required"]:
        if str(key) not in keys:
            yield Problem(opening.start, opening.end, f"front matter has no '{key}' key (required)")

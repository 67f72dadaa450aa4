"""A front-matter key written twice.

## What it does
Reports every top-level front-matter key that appears again after its
first occurrence; the message names the line of the first one.

## Why is this bad?
YAML forbids duplicate keys.  Some parsers (Hugo's among them) refuse the
page; others silently keep the last value, so the value a reader sees
first is not the one that is published.

## Example
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04
title: 2026-02-18 Minutes of the Example Working Group
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
There is no fix: which of the two values is right is the author's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "FM004"
NAME = "duplicate-key"
SUMMARY = "Front-matter key appears more than once"
SEVERITY = Severity.ERROR
FIX = "none"
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for entry in doc.front_matter.entries:
        if entry.key not in first:
            first[entry.key] = entry.key_start
            continue
        line = doc.position(first[entry.key]).line
        yield Problem(
            entry.key_start,
            entry.key_end,
            f"key '{entry.key}' is repeated; it is first set on line {line}",
        )

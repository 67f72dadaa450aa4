"""Front matter that is not valid YAML, or not a mapping of keys.

## What it does
Reports a closed front-matter block that cannot be parsed as YAML, at the
line and column where the YAML parser gave up and with its message; when
it gave up only at the end of the block (a quote or bracket never closed),
at the place where that quote or bracket was opened.  It
also reports a block that parses to a list or a single value instead of a
mapping of ``key: value`` pairs.

## Why is this bad?
The site generator refuses the page or drops its metadata; minutes-lint
cannot read the title or date and never rewrites the file.  A typical
cause is a value with a colon or quotes that needs quoting.

## Example
```markdown
---
title: Minutes: "Example" Working Group
date: 2026-03-04
---
```

## Use instead
```markdown
---
title: 'Minutes: "Example" Working Group'
date: 2026-03-04
---
```

## Fix safety
There is no fix: the intended value cannot be known.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "FM003"
NAME = "invalid-yaml"
SUMMARY = "Front matter is not valid YAML or not a mapping"
SEVERITY = Severity.ERROR
FIX = "none"
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    fm = doc.front_matter
    if not fm.present or not fm.terminated:
        return  # an unterminated block is reported by FM002
    if fm.error is not None:
        offset = fm.content_start if fm.error_offset is None else fm.error_offset
        if offset >= fm.content_end:
            offset = _opened_at(doc, fm.content_start, fm.content_end) or offset
        yield Problem(offset, _line_end(doc, offset), fm.error)
    elif fm.kind in ("list", "scalar"):
        kind = "a list" if fm.kind == "list" else "a single value"
        start = fm.content_start
        yield Problem(
            start, _line_end(doc, start), f"front matter must be a mapping of keys, not {kind}"
        )


def _opened_at(doc: Document, start: int, end: int) -> int | None:
    """Where the construct the parser was still reading at the end of the block began
    (the opening quote or bracket), when YAML gave up only at the closing ``---``."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        YAML(typ="safe", pure=True).compose(doc.text[start:end])
    except MarkedYAMLError as exc:
        mark = exc.context_mark
        return None if mark is None else start + mark.index
    except (YAMLError, RecursionError, ValueError, TypeError):
        return None
    return None


def _line_end(doc: Document, offset: int) -> int:
    """End of the line holding ``offset`` (the span of the diagnostic)."""
    return max(offset, doc.lines[doc.line_index(offset)].end) if doc.lines else offset

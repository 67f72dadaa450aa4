"""A title that does not follow the project's naming convention.

## What it does
When the ``pattern`` option is set to a regular expression, reports a
front-matter title in which the expression is not found (``re.search``;
anchor it with ``^`` and ``$`` to match the whole title).  The option is
empty by default, which turns the rule off.  An invalid expression is a
configuration error.

## Why is this bad?
Archive pages, feeds and search list minutes by title.  A project that
names them "YYYY-MM-DD Minutes of the ... Working Group" makes them easy to
scan and sort; one title in another form stands out or sorts wrongly.

## Example
With ``pattern = '^\\d{4}-\\d{2}-\\d{2} Minutes of the '``:
```markdown
---
title: Example WG minutes, March 4
---
```

## Use instead
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
---
```

## Fix safety
There is no fix: a title cannot be rewritten from a pattern.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "FM007"
NAME = "title-pattern"
SUMMARY = "Title does not match the configured pattern"
SEVERITY = Severity.WARNING
FIX = "none"
OPTIONS: dict[str, object] = {"pattern": ""}


@functools.lru_cache(maxsize=16)
def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(
            f"rules.{CODE} ({NAME}): option 'pattern' is not a valid regular expression: "
            f"{exc} in {pattern!r}"
        ) from exc


def validate_options(options: Mapping[str, object]) -> None:
    """The pattern must compile (checked when the configuration is loaded)."""
    if options["pattern"]:
        _compile(str(options["pattern"]))


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    pattern = ctx.options["pattern"]
    if not pattern:
        return
    regex = _compile(pattern)
    entry = doc.front_matter.get("title")
    if entry is None or entry.value is None or isinstance(entry.value, list | dict):
        return  # a missing or empty title is FM005's and FM009's
    title = (
        entry.value
        if isinstance(entry.value, str)
        else doc.text[entry.value_start : entry.value_end].strip()
    )
    if not title.strip() or regex.search(title):
        return
    yield Problem(
        entry.value_start,
        entry.value_end,
        f"title “{title}” does not match the pattern '{pattern}'",
    )

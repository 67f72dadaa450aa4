"""A word from the plugin's word list (package data).

## What it does
Reports every word of the prose that ``banned.txt``, shipped with the plugin, lists.

## Why is this bad?
The list names words the organisation does not use in its minutes.

## Example
```markdown
The frobnicator was discussed.
```

## Use instead
```markdown
The widget was discussed.
```

## Fix safety
No fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from minutes_lint.api import Document, Problem, RuleContext, Severity

CODE = "XD002"
NAME = "banned-word"
SUMMARY = "Word from the plugin's list of banned words"
SEVERITY = Severity.WARNING
FIX = "none"
OPTIONS: dict[str, object] = {}


@lru_cache(maxsize=1)
def _banned() -> frozenset[str]:
    text = resources.files(__package__).joinpath("banned.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    banned = _banned()
    for start, end in doc.prose_spans:
        for m in re.finditer(r"[A-Za-z]+", doc.text[start:end]):
            if m.group().lower() in banned:
                yield Problem(start + m.start(), start + m.end(), f"“{m.group()}” is banned")

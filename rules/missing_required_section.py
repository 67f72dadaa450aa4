"""A section the minutes of this group must have is missing.

## What it does
Checks that some heading matches each pattern of ``required``: a
case-insensitive shell pattern ("roll call*", "*antitrust*") matched
against the heading text without its section number, emphasis and final
colon; "|" separates alternatives ("next call*|next meeting*").  The
``preset`` option adds a known set: ``cabforum`` requires a roll call, an
antitrust statement, the attendees and the next meeting or call.  Each
missing section is reported once, at the first line of the body.  Off
until configured.

## Why is this bad?
Some sections are part of the record a group must keep: who attended,
that the antitrust statement was read, when the group meets next.  A
missing section is usually forgotten, not skipped on purpose.

## Example
```toml
[tool.minutes-lint.rules.ST003]
required = ["roll call*", "attend*"]
```
```markdown
## 1. Roll Call
## 2. Discussion
```

## Use instead
```markdown
## Attendees
Alice Moreau (Example CA)

## 1. Roll Call
## 2. Discussion
```

## Fix safety
No fix: the content of the section is not known.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.markdown import Heading
from minutes_lint.registry import RuleContext

CODE = "ST003"
NAME = "missing-required-section"
SUMMARY = "Required section missing"
SEVERITY = Severity.WARNING
FIX = "none"
OPTIONS: dict[str, object] = {"required": [], "preset": ""}

PRESETS: dict[str, tuple[str, ...]] = {
    "cabforum": (
        "*roll call*",
        "*antitrust*|*note well*|*note-well*",
        "attend*",
        "*next call*|*next meeting*",
    ),
}
_DECORATION = " \t*_`:"


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    patterns = [str(p) for p in ctx.options["required"]]
    preset = str(ctx.options["preset"])
    where = min(doc.body_start, len(doc.text))
    if preset:
        if preset.lower() not in PRESETS:
            known = ", ".join(sorted(PRESETS))
            yield Problem(where, where, f"unknown preset “{preset}” (known: {known})")
            return
        patterns = [*PRESETS[preset.lower()], *patterns]
    if not patterns:
        return
    titles = [heading_title(h) for h in doc.headings]
    for pattern in dict.fromkeys(patterns):
        compiled = _compile(pattern)
        if compiled is None or any(compiled.match(title) for title in titles):
            continue
        yield Problem(where, where, f"no section heading matches “{pattern}”")


def heading_title(heading: Heading) -> str:
    """The heading text without its section number, emphasis and final colon, lower-cased."""
    text = heading.text
    if heading.number_end is not None:
        text = text[heading.number_end - heading.text_start :]
    return text.strip(_DECORATION).lower()


def _compile(pattern: str) -> re.Pattern[str] | None:
    """One regex for the "|"-separated shell patterns, or None when all are empty."""
    parts = [p.strip().lower() for p in pattern.split("|") if p.strip()]
    if not parts:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in parts))

"""Two documents of one group for the same meeting.

## What it does
Reports a document whose series (the group whose meetings it records) has
another document with the same meeting date: a copied file, a stray
" copy.md", minutes filed twice under two names.

## Why is this bad?
Readers find two records of one meeting, usually differing in small edits; the
site lists the meeting twice; corrections go to one copy and not the other.

## Example
```text
content/2025-03-05-minutes-example-wg.md
content/2025-03-05-minutes-example-wg copy.md
```

## Use instead
```text
content/2025-03-05-minutes-example-wg.md
```

## Fix safety
No fix: which copy to keep is for a person to decide.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.calendar import document_key, document_series
from minutes_lint.calendar_facts import calendar_fact, title_of
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "CL004"
NAME = "same-meeting-twice"
SUMMARY = "Another document of the same group records the same meeting"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "none"
FACTS = (calendar_fact,)
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    found = doc.meeting.meeting_date
    if found.day is None or found.tied:
        return
    day = found.day
    series = document_series(doc, ctx)
    key = document_key(doc, ctx)
    if series is None:
        return
    others = [e for e in series.by_date.get(day, ()) if e.path != key]
    if not others:
        return
    title, _line, start = title_of(doc)
    start, end = (start, start + len(title)) if title and start >= 0 else (0, 0)
    listed = ", ".join(e.path for e in others[:3])
    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
    yield Problem(
        start,
        end,
        f"the meeting of “{series.name}” on {day.isoformat()} is also recorded in {listed}{more}",
    )

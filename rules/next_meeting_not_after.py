"""The next meeting is dated on or before this meeting.

## What it does
Compares the date under a "Next meeting" / "Next call" heading or on a
"Next meeting: ..." line with the date of this meeting (what the title, the
date line at the top and the file name agree on).  The next meeting must
come after this one.  Lines that cancel a meeting ("the meeting of
January 1, 2025 will be cancelled") do not announce the next one and are
not read.

## Why is this bad?
The next-meeting line is usually copied from the previous minutes and
updated by hand; when the update is forgotten, members are told a date that
has already passed, and the minutes disagree with the calendar.

## Example
```markdown
January 14, 2026
...
## Next meeting
- January 14, 2026 at 11 am Eastern
```

## Use instead
```markdown
January 14, 2026
...
## Next meeting
- January 28, 2026 at 11 am Eastern
```

A next meeting after this one that is not the group's next meeting (another date
than its next minutes, an unusual weekday, off its cadence) is CL002's
(next-meeting-off-calendar).

## Fix safety
No fix: the date of the next meeting cannot be derived from this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.meeting import APPROVAL, MINUTES
from minutes_lint.registry import RuleContext

CODE = "DT004"
NAME = "next-meeting-not-after"
SUMMARY = "Next meeting dated on or before this meeting"
SEVERITY = Severity.ERROR
FIX = "none"
OPTIONS: dict[str, object] = {}

_RELATIVE = re.compile(
    r"\b(?:days?|weeks?|months?)[ \t]+(?:from|after|before)[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE
)
_REACH = 30


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    meeting = doc.meeting
    day = meeting.meeting_date.day
    if day is None or meeting.meeting_date.tied:
        return
    where = meeting.source_of(day)
    seen: set[int] = set()
    for nxt in meeting.next_meetings:
        if nxt.date > day or nxt.start in seen:
            continue
        seen.add(nxt.start)
        line = doc.lines[doc.line_index(nxt.start)]
        if APPROVAL.search(line.text) and MINUTES.search(line.text):
            continue  # "approval of the next meeting minutes from October 24"
        if _RELATIVE.search(doc.text, max(line.start, nxt.start - _REACH), nxt.start):
            continue  # "two weeks from 16 April 2026": the date is a reference point
        relation = "the same day as" if nxt.date == day else "before"
        yield Problem(
            nxt.start,
            nxt.end,
            f"next meeting on {nxt.date.isoformat()} is {relation} this meeting on "
            f"{day.isoformat()} ({where})",
        )

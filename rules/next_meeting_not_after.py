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

## Fix safety
No fix: the date of the next meeting cannot be derived from this one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.meeting import Meeting
from minutes_lint.registry import RuleContext

CODE = "DT004"
NAME = "next-meeting-not-after"
SUMMARY = "Next meeting dated on or before this meeting"
SEVERITY = Severity.ERROR
FIX = "none"
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    meeting = doc.meeting
    day = meeting.date()
    if day is None:
        return
    where = meeting_date_source(meeting, day)
    for nxt in meeting.next_meetings:
        if nxt.date > day:
            continue
        relation = "the same day as" if nxt.date == day else "before"
        yield Problem(
            nxt.start,
            nxt.end,
            f"next meeting on {nxt.date.isoformat()} is {relation} this meeting on "
            f"{day.isoformat()} ({where})",
        )


def meeting_date_source(meeting: Meeting, day: datetime.date) -> str:
    """Where the document states the meeting date ``day``: "line 7", "the file name" ..."""
    for witness in (meeting.body, meeting.title, *reversed(meeting.file_names)):
        if witness is not None and witness.date == day:
            return "the file name" if witness.line == 0 else f"line {witness.line}"
    return "the meeting date"

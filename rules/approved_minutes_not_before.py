"""Minutes approved at this meeting that are dated on or after it.

## What it does
Reads the dates of the minutes approved at this meeting (under an
"Approval of minutes" heading or on a line that approves minutes) and
reports a date, written with its year, that is not before this meeting's
date.  A date without a year ("December 03") is read as its most recent
past occurrence, so it is never reported.  Dates that say when minutes
were circulated ("distributed on March 3, 2025") and next-meeting dates on
the same line are not the dates of approved minutes and are skipped.

## Why is this bad?
A meeting can only approve the minutes of earlier meetings.  A date on or
after the meeting is a typo in the day or, more often, the year, and the
approval record then points to minutes that do not exist.

## Example
```markdown
January 14, 2026

## Approval of minutes
The minutes of the teleconference of January 7, 2027 were approved.
```

## Use instead
```markdown
January 14, 2026

## Approval of minutes
The minutes of the teleconference of January 7, 2026 were approved.
```

Approved minutes dated before this meeting on a day the group did not meet are
CL001's (approved-minutes-no-meeting).

## Fix safety
No fix: the right date cannot be guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_lint.dates import DateMention
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.meeting import NEXT_MEETING
from minutes_lint.registry import RuleContext

CODE = "DT005"
NAME = "approved-minutes-not-before"
SUMMARY = "Approved minutes dated on or after this meeting"
SEVERITY = Severity.WARNING
FIX = "none"
OPTIONS: dict[str, object] = {}

# The line describes the present minutes: "These are the approved minutes of ...".
_THESE_MINUTES = re.compile(
    r"\b(?:these|this)[ \t]+(?:are[ \t]+the[ \t]+|is[ \t]+the[ \t]+)?(?:\w+[ \t]+)?minutes\b",
    re.IGNORECASE,
)
# The date says when minutes travelled, not which meeting they record.
_CIRCULATED = re.compile(
    r"\b(?:on|in|at|during|circulated|distributed|sent|posted|published|shared|until|by"
    r"|updated|revised|amended|edited)"
    r"[ \t]+(?:the[ \t]+)?\Z",
    re.IGNORECASE,
)
_REACH = 30


def approved_mentions(doc: Document) -> list[DateMention]:
    """Dates of the minutes approved at this meeting: not next-meeting dates, not the
    present minutes ("these are the approved minutes of ..."), not when minutes were
    circulated ("distributed on March 3")."""
    meeting = doc.meeting
    next_starts = {w.start for w in meeting.next_meetings}
    found = []
    for mention in meeting.approved:
        if mention.start in next_starts:
            continue
        line = doc.lines[doc.line_index(mention.start)]
        if NEXT_MEETING.search(line.text) or _THESE_MINUTES.search(line.text):
            continue
        if _CIRCULATED.search(doc.text, max(line.start, mention.start - _REACH), mention.start):
            continue
        found.append(mention)
    return found


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    meeting = doc.meeting
    day = meeting.meeting_date.day
    if day is None or meeting.meeting_date.tied:
        return
    for mention in approved_mentions(doc):
        value = mention.value
        if value is None or value < day:
            continue
        relation = "the day of" if value == day else "after"
        yield Problem(
            mention.start,
            mention.end,
            f"approved minutes dated {value.isoformat()} are from {relation} this meeting on "
            f"{day.isoformat()} ({meeting.source_of(day)})",
        )

"""Next meeting that is not the group's next meeting.

## What it does
Compares the date under a "Next meeting" heading or on a "Next call: ..." line
with the calendar of the document's series (the other minutes of the same
group in the corpus):

- when the corpus has the group's next minutes, the stated date should be
  theirs: a different date is reported with the date and file of those minutes;
- when it has not (the last minutes, or no minutes for a while after this
  meeting), the date should fit the group's cadence: on a weekday the group
  meets on and not months ahead of its usual interval.

A next meeting at a face-to-face meeting or workshop ("June 6 at the F2F") is
not one of the group's calls and is not checked.  A next meeting on or before this
meeting is DT004's.

## Why is this bad?
The next-meeting line is copied from the previous minutes and updated by hand.
"Next call: Thursday, October 9" when the group met on October 8, or always
meets on Wednesdays, sends members to a meeting that does not take place and
leaves the archive contradicting itself.

## Example
```markdown
October 1, 2025
...
Next call: October 9, 2025
```
(the group's next minutes are dated 2025-10-08, and it meets on Wednesdays)

## Use instead
```markdown
Next call: October 8, 2025
```

## Fix safety
No fix: a meeting may have been moved on purpose; a person decides.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from minutes_lint.calendar import Series, document_key, document_series, long_date
from minutes_lint.calendar_facts import calendar_fact
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.meeting import APPROVAL, MINUTES
from minutes_lint.registry import RuleContext

CODE = "CL002"
NAME = "next-meeting-off-calendar"
SUMMARY = "Next meeting that is not the group's next meeting or off its cadence"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "none"
FACTS = (calendar_fact,)
OPTIONS: dict[str, object] = {"min-meetings": 6}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    found = doc.meeting.meeting_date
    if found.day is None or found.tied:
        return
    day = found.day
    series = document_series(doc, ctx)
    key = document_key(doc, ctx)
    if series is None or series.meetings() < int(ctx.options["min-meetings"]):
        return
    if series.interval is None or series.is_event_day(day, exclude=key):
        return
    seen: set[int] = set()
    for nxt in doc.meeting.next_meetings:
        if nxt.date <= day or nxt.start in seen:
            continue  # DT004's
        seen.add(nxt.start)
        line = doc.lines[doc.line_index(nxt.start)]
        if APPROVAL.search(line.text) and MINUTES.search(line.text):
            continue
        if _EVENT_AFTER.match(doc.text, nxt.end, min(line.end, nxt.end + 60)):
            continue  # "June 6 at the face-to-face": not one of the group's calls
        message = _judge(series, day, nxt.date, key)
        if message is not None:
            text, severity = message
            yield Problem(nxt.start, nxt.end, text, severity=severity)


_EVENT_AFTER = re.compile(
    r"[^.;\n]{0,30}?\b(?:at|during)\b[^.;\n]{0,40}?(?<![^\W_])"
    r"(?:f2f|fnf|face[ -]to[ -]face|in[ -]person|workshop|summit)",
    re.IGNORECASE,
)


def _judge(
    series: Series, day: datetime.date, stated: datetime.date, path: str
) -> tuple[str, Severity] | None:
    usual = max(series.interval or 7, 7)
    name = f"“{series.name}”"
    expected = series.after(day)
    if expected is not None and expected < stated and not series.is_event_day(expected):
        # the corpus has minutes of a meeting before the stated one
        return (
            f"next meeting stated as {long_date(stated)}, but {name} met next on "
            f"{long_date(expected)} ({series.by_date[expected][0].path})",
            Severity.WARNING,
        )
    if series.met_on(stated, exclude=path):
        return None
    if expected is not None and (expected - day).days <= 2 * usual:
        # the corpus has the group's next minutes, dated after the stated meeting
        close = (expected - stated).days <= 3
        off_day = not series.is_usual_weekday(stated)
        early = (stated - day).days < usual and (expected - day).days <= usual * 1.5
        off_cadence = series.off_cadence(day, stated)
        if not (close or off_day or early or off_cadence):
            return None  # a meeting on the usual cadence without minutes: cancelled or missing
        why = ""
        if off_day and not close:
            why = " (a day it rarely meets on)"
        elif early and not close:
            why = " (sooner than its usual interval)"
        elif not close:
            why = f" (off its cadence: it meets {series.describe_interval()})"
        return (
            f"next meeting stated as {long_date(stated)}{why}, but the next minutes of {name} "
            f"are dated {long_date(expected)} ({series.by_date[expected][0].path})",
            Severity.WARNING,
        )
    # no next minutes in the corpus: the cadence decides
    days = series.usual_weekdays()
    total = sum(days.values())
    weekday = stated.weekday()
    if total >= 6 and days[weekday] == 0 and days.most_common(1)[0][1] >= 0.6 * total:
        return (
            f"next meeting stated as {long_date(stated)}, a weekday {name} never meets on "
            f"(it met on {series.describe_weekdays(days)})",
            Severity.WARNING,
        )
    if series.off_cadence(day, stated):
        return (
            f"next meeting stated as {long_date(stated)}, {(stated - day).days} days after "
            f"this meeting, off the cadence of {name}, which meets "
            f"{series.describe_interval()}",
            Severity.INFO,
        )
    if (stated - day).days > max(3 * usual, 42):
        return (
            f"next meeting stated as {long_date(stated)}, {(stated - day).days} days after "
            f"this meeting; {name} usually meets {series.describe_interval()}",
            Severity.INFO,
        )
    return None
